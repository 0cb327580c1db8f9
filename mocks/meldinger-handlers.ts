/**
 * msw handlers for messages (meldinger): the person's conversations, a page of one, writing a
 * message (the meldingId, chosen by the portal, makes a retry safe; files come from mellomlagring
 * under it), and marking the office's messages read. As everywhere in the mock, the person comes
 * from the header only, and someone else's conversation or message is answered exactly like a
 * missing one.
 */
import { http, HttpResponse, type RequestHandler } from "msw";
import { paths, sendMeldingRequestSchema } from "../app/fagsystem/contract";
import { meldingSide, ownSamtale, samtalerOf, toMelding, toSamtale } from "./meldinger";
import type { MeldingRecord, PersonRecord } from "./personas";
import { describeZodError } from "./simulator";
import type { MockStore } from "./state";
import { error, jsonBody, notFound, takeFromMellomlagring } from "./vedlegg-handlers";

const samtalePattern = paths.samtale("__id__").replace("__id__", ":samtaleId");
const meldingerPattern = paths.samtaleMeldinger("__id__").replace("__id__", ":samtaleId");
const lestPattern = paths.samtaleLest("__id__").replace("__id__", ":samtaleId");

export function createMeldingHandlers(store: MockStore, personOf: (request: Request) => PersonRecord | Response): RequestHandler[] {
  return [
    http.get(paths.samtaler, ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      return HttpResponse.json(samtalerOf(store, person).map((samtale) => toSamtale(store, samtale)));
    }),

    http.get(samtalePattern, ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const samtale = ownSamtale(store, person, String(params.samtaleId));
      if (!samtale) return notFound();
      // An unknown `foer` (not a message of this conversation) is 404 too: there is no such page.
      const foer = new URL(request.url).searchParams.get("foer") || null;
      const side = meldingSide(store, samtale, foer);
      return side ? HttpResponse.json(side) : notFound();
    }),

    http.post(meldingerPattern, async ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const fnr = person.folkeregister.fnr;
      const samtale = ownSamtale(store, person, String(params.samtaleId));
      if (!samtale) return notFound();
      const json = await jsonBody(request);
      if (json instanceof Response) return json;
      const parsed = sendMeldingRequestSchema.safeParse(json);
      if (!parsed.success) return error(400, "invalid-melding", describeZodError(parsed.error));
      const body = parsed.data;

      // A retry of a message that already arrived: the same answer, nothing new. Another person's id is no one's to them.
      const earlier = store.melding(body.meldingId);
      if (earlier) return earlier.fnr === fnr ? HttpResponse.json(toMelding(earlier), { status: 200 }) : notFound();

      type Outcome = { melding: MeldingRecord; created: boolean; unused: string[] } | { problem: string } | { missing: true };
      const outcome = await store.update((state): Outcome => {
        // Checked again inside the update: between the first check and here, a parallel request with the same id may have won.
        const winner = state.meldinger.find((melding) => melding.meldingId === body.meldingId);
        if (winner) return winner.fnr === fnr ? { melding: winner, created: false, unused: [] } : { missing: true };
        if (!state.persons.some((candidate) => candidate.folkeregister.fnr === fnr)) return { missing: true }; // reset meanwhile
        // The draft's files move into the message in this same update (the draft id is the meldingId).
        const taken = takeFromMellomlagring(state, fnr, body.meldingId, body.filIder);
        if ("problem" in taken) return taken;
        const fresh: MeldingRecord = {
          meldingId: body.meldingId,
          samtaleId: samtale.samtaleId,
          fnr,
          fiksDigisosId: samtale.fiksDigisosId,
          avsender: { type: "PERSON" },
          tekst: body.tekst,
          sendtTidspunkt: new Date().toISOString(),
          filer: taken.filer,
          lestTidspunkt: null,
          language: body.language,
        };
        state.meldinger.push(fresh);
        return { melding: fresh, created: true, unused: taken.unused };
      });
      // Mellomlagring files the message did not list go with the draft.
      if ("melding" in outcome) await Promise.all(outcome.unused.map((id) => store.discardFileBytes(id)));
      if ("problem" in outcome) return error(400, "invalid-vedlegg", outcome.problem);
      if ("missing" in outcome) return notFound();
      return HttpResponse.json(toMelding(outcome.melding), { status: outcome.created ? 201 : 200 });
    }),

    http.post(lestPattern, async ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const samtale = ownSamtale(store, person, String(params.samtaleId));
      if (!samtale) return notFound();
      const json = await jsonBody(request, {});
      if (json instanceof Response) return json;
      if (typeof json !== "object" || json === null || Array.isArray(json)) return error(400, "invalid-body", "The body is an empty JSON object");

      // Nothing unread: nothing to write (a page that polls marks read often).
      const unread = store.meldingerI(samtale.samtaleId).some((melding) => melding.avsender.type === "NAV_KONTOR" && melding.lestTidspunkt === null);
      if (unread) {
        const at = new Date().toISOString();
        await store.update((state) => {
          for (const melding of state.meldinger) {
            if (melding.samtaleId === samtale.samtaleId && melding.avsender.type === "NAV_KONTOR" && melding.lestTidspunkt === null) melding.lestTidspunkt = at;
          }
        });
      }
      return new HttpResponse(null, { status: 204 });
    }),
  ];
}
