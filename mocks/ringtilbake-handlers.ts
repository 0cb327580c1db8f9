/**
 * msw handlers for call-back requests (ring tilbake): the person's requests, filing one (the
 * ringTilbakeId, chosen by the portal, makes a retry safe), and the report per office. The office
 * is the one of the person's municipality; a person without an address has none (400
 * no-nav-kontor). As everywhere in the mock, the person comes from the header only. `now` is the
 * mock's clock: the deadline and the overdue flag depend on it, and tests pin it.
 */
import { http, HttpResponse, type RequestHandler } from "msw";
import { paths, sendRingTilbakeRequestSchema } from "../app/fagsystem/contract";
import type { PersonRecord } from "./personas";
import { newestFirst, receiveRingTilbake, ringTilbakeRapport, toRingTilbake } from "./ringtilbake";
import { describeZodError } from "./simulator";
import type { MockStore } from "./state";
import { error, jsonBody, notFound } from "./vedlegg-handlers";

export function createRingTilbakeHandlers(store: MockStore, personOf: (request: Request) => PersonRecord | Response, now: () => Date): RequestHandler[] {
  return [
    // Staff's figures, about no one person: no person header.
    http.get(paths.ringTilbakeRapport, () => HttpResponse.json(ringTilbakeRapport(store.ringTilbakeAlle(), now()))),

    http.get(paths.ringTilbake, ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const at = now();
      return HttpResponse.json(newestFirst(store.ringTilbakeFor(person.folkeregister.fnr)).map((record) => toRingTilbake(record, at)));
    }),

    http.post(paths.ringTilbake, async ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const json = await jsonBody(request);
      if (json instanceof Response) return json;
      const parsed = sendRingTilbakeRequestSchema.safeParse(json);
      if (!parsed.success) return error(400, "invalid-ringtilbake", describeZodError(parsed.error));
      const at = now();
      const outcome = await receiveRingTilbake(store, person, parsed.data, at);
      if ("missing" in outcome) return notFound();
      if ("problem" in outcome) return error(400, outcome.problem, "The person has no address, so no NAV office to call them");
      return HttpResponse.json(toRingTilbake(outcome.record, at), { status: outcome.created ? 201 : 200 });
    }),
  ];
}
