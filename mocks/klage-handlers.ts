/**
 * msw handlers for complaints (klager): the person's list, sending one (the klageId, chosen by
 * the portal, makes a retry safe), one more file while it is open, and withdrawing it. As
 * everywhere in the mock, the person comes from the header only, and someone else's complaint or
 * søknad is answered exactly like a missing one.
 */
import { http, HttpResponse, type RequestHandler } from "msw";
import { paths, sendKlageRequestSchema } from "../app/fagsystem/contract";
import { changeKlageStatus, isOpen, klageState, toKlage, vedtakIdsOf } from "./klage";
import type { KlageRecord, PersonRecord } from "./personas";
import { currentOffice, describeZodError } from "./simulator";
import type { MockStore } from "./state";
import { error, jsonBody, notFound, readUpload, refusal, takeFromMellomlagring, writeSentDocuments, writeUploadedFile } from "./vedlegg-handlers";

const klageVedleggPattern = paths.klageVedlegg("__id__").replace("__id__", ":klageId");
const trekkKlagePattern = paths.trekkKlage("__id__").replace("__id__", ":klageId");

const avgjort = () => error(409, "klage-avgjort", "The complaint is decided: it takes no more files and cannot be withdrawn");

export function createKlageHandlers(store: MockStore, personOf: (request: Request) => PersonRecord | Response): RequestHandler[] {
  /** The person's own complaint, or null: someone else's is answered exactly like a missing one. */
  const ownKlage = (person: PersonRecord, klageId: string) => {
    const klage = store.klage(klageId);
    return klage && klage.fnr === person.folkeregister.fnr ? klage : null;
  };

  return [
    http.get(paths.klager, ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      // Newest first; of two sent in the same millisecond, the one that arrived last.
      const klager = [...store.klagerFor(person.folkeregister.fnr)].reverse().sort((a, b) => b.sendtTidspunkt.localeCompare(a.sendtTidspunkt));
      return HttpResponse.json(klager.map(toKlage));
    }),

    http.post(paths.klager, async ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const fnr = person.folkeregister.fnr;
      const json = await jsonBody(request);
      if (json instanceof Response) return json;
      const parsed = sendKlageRequestSchema.safeParse(json);
      if (!parsed.success) return error(400, "invalid-klage", describeZodError(parsed.error));
      const body = parsed.data;

      // A retry of a complaint that already arrived: the same answer, nothing new. Another person's id is no one's to them.
      const earlier = store.klage(body.klageId);
      if (earlier) return earlier.fnr === fnr ? HttpResponse.json(toKlage(earlier), { status: 200 }) : notFound();

      const soknad = store.soknad(body.fiksDigisosId);
      if (!soknad || soknad.fnr !== fnr) return notFound();
      const known = vedtakIdsOf(soknad);
      const vedtakIds = [...new Set(body.vedtakIds)];
      const unknown = vedtakIds.filter((id) => !known.has(id));
      if (unknown.length > 0) return error(400, "unknown-vedtak", `The søknad has no vedtak with the letter ${unknown.join(", ")}`);
      // Bytes first, under fresh ids; then one atomic update decides whether they are used.
      const written = await writeSentDocuments(store, { pdf: body.pdf, json: body.klage, pdfTitle: "Klage på vedtak", jsonName: "klage.json", jsonTitle: "Klage (JSON)" });
      if (written instanceof Response) return written;
      const { pdfRef, jsonRef, pdfFile, jsonFile } = written;
      type Outcome = { klage: KlageRecord; created: boolean; unused: string[] } | { problem: string } | { missing: true };
      const outcome = await store.update((state): Outcome => {
        // Checked again inside the update: between the first check and here, a parallel request with the same id may have won.
        const winner = state.klager.find((klage) => klage.klageId === body.klageId);
        if (winner) return winner.fnr === fnr ? { klage: winner, created: false, unused: [] } : { missing: true };
        const target = state.soknader.find((candidate) => candidate.fiksDigisosId === body.fiksDigisosId && candidate.fnr === fnr);
        if (!target) return { missing: true }; // reset meanwhile
        // The draft's files move into the complaint in this same update (the draft id is the klageId).
        const taken = takeFromMellomlagring(state, fnr, body.klageId, body.filIder);
        if ("problem" in taken) return taken;
        const fresh: KlageRecord = {
          klageId: body.klageId,
          fnr,
          fiksDigisosId: body.fiksDigisosId,
          vedtakIds,
          sendtTidspunkt: new Date().toISOString(),
          navEnhet: currentOffice(target),
          language: body.language,
          tekst: body.tekst,
          forSentBegrunnelse: body.forSentBegrunnelse ?? null,
          klagePdf: pdfRef,
          klageJson: jsonRef,
          filer: taken.filer,
          hendelser: [],
        };
        state.files[pdfRef.id] = pdfFile;
        state.files[jsonRef.id] = jsonFile;
        state.klager.push(fresh);
        return { klage: fresh, created: true, unused: taken.unused };
      });
      // Unregistered bytes go: this complaint's PDF and JSON when it was not created, mellomlagring files it did not list.
      const created = "klage" in outcome && outcome.created;
      const unused = created ? outcome.unused : [pdfRef.id, jsonRef.id];
      await Promise.all(unused.map((id) => store.discardFileBytes(id)));
      if ("problem" in outcome) return error(400, "invalid-vedlegg", outcome.problem);
      if ("missing" in outcome) return notFound();
      return HttpResponse.json(toKlage(outcome.klage), { status: created ? 201 : 200 });
    }),

    http.post(klageVedleggPattern, async ({ request, params }) => {
      const upload = await readUpload(request);
      const person = personOf(request);
      if (person instanceof Response) return person;
      const klageId = String(params.klageId);
      const klage = ownKlage(person, klageId);
      if (!klage) return notFound();
      if (!isOpen(klage)) return avgjort();
      if (upload instanceof Response) return upload;

      const { fil, stored } = await writeUploadedFile(store, upload);
      const refused = await store.update((state) => {
        const target = state.klager.find((candidate) => candidate.klageId === klageId);
        if (!target) return notFound();
        if (!isOpen(target)) return avgjort(); // decided while the file arrived
        const problem = refusal(target.filer, fil);
        if (problem) return problem;
        target.filer.push(fil);
        state.files[fil.id] = stored;
        return null;
      });
      if (refused) {
        await store.discardFileBytes(fil.id);
        return refused;
      }
      return HttpResponse.json(fil, { status: 201 });
    }),

    http.post(trekkKlagePattern, async ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const klage = ownKlage(person, String(params.klageId));
      if (!klage) return notFound();
      const json = await jsonBody(request, {});
      if (json instanceof Response) return json;
      if (typeof json !== "object" || json === null || Array.isArray(json)) return error(400, "invalid-body", "The body is an empty JSON object");

      // Withdrawn already (a retry, or a parallel request that came first): the same answer.
      if (klageState(klage) === "TRUKKET") return HttpResponse.json(toKlage(klage));
      if (!isOpen(klage)) return avgjort();
      const outcome = await changeKlageStatus(store, klage.klageId, { status: "TRUKKET" }, new Date());
      if (outcome.kind === "not-found") return notFound();
      if (outcome.kind === "refused") return outcome.from === "TRUKKET" ? HttpResponse.json(outcome.klage) : avgjort();
      return HttpResponse.json(outcome.klage);
    }),
  ];
}
