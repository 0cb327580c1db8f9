/**
 * msw handlers for requests for economic advice: the person's requests, and asking for advice
 * (the radgivningId, chosen by the portal, makes a retry safe). The office is the one of the
 * person's municipality; a person without an address has none (400 no-nav-kontor). As
 * everywhere in the mock, the person comes from the header only.
 */
import { http, HttpResponse, type RequestHandler } from "msw";
import { paths, sendRadgivningRequestSchema } from "../app/fagsystem/contract";
import type { PersonRecord } from "./personas";
import { newestFirst, receiveRadgivning, toRadgivning } from "./radgivning";
import { describeZodError } from "./simulator";
import type { MockStore } from "./state";
import { error, jsonBody, notFound } from "./vedlegg-handlers";

export function createRadgivningHandlers(store: MockStore, personOf: (request: Request) => PersonRecord | Response): RequestHandler[] {
  return [
    http.get(paths.radgivning, ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      return HttpResponse.json(newestFirst(store.radgivningFor(person.folkeregister.fnr)).map(toRadgivning));
    }),

    http.post(paths.radgivning, async ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const json = await jsonBody(request);
      if (json instanceof Response) return json;
      const parsed = sendRadgivningRequestSchema.safeParse(json);
      if (!parsed.success) return error(400, "invalid-radgivning", describeZodError(parsed.error));
      const outcome = await receiveRadgivning(store, person, parsed.data);
      if ("missing" in outcome) return notFound();
      if ("problem" in outcome) return error(400, outcome.problem, "The person has no address, so no NAV office to ask");
      return HttpResponse.json(toRadgivning(outcome.record), { status: outcome.created ? 201 : 200 });
    }),
  ];
}
