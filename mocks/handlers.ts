/**
 * msw handlers for every path in the fagsystem contract (complaints in klage-handlers.ts, messages
 * in meldinger-handlers.ts, advice requests in radgivning-handlers.ts, call-back requests in
 * ringtilbake-handlers.ts, attachments in vedlegg-handlers.ts). The person comes from the
 * Nav-Personident header only; a søknad is shown only to its own applicant.
 */
import { randomUUID } from "node:crypto";
import { http, HttpResponse, type JsonBodyType, type RequestHandler } from "msw";
import type { z } from "zod";
import {
  PERSON_HEADER,
  paths,
  sendSoknadRequestSchema,
  type DigisosSoker,
  type SendSoknadResponse,
  type SoknadSummary,
} from "../app/fagsystem/contract";
import { klageFileIdsOf } from "./klage";
import { createKlageHandlers } from "./klage-handlers";
import { meldingFileIdsFor } from "./meldinger";
import { createMeldingHandlers } from "./meldinger-handlers";
import { navKontorFor, navKontorer, type PersonRecord, type SoknadRecord } from "./personas";
import { createRadgivningHandlers } from "./radgivning-handlers";
import { createRingTilbakeHandlers } from "./ringtilbake-handlers";
import type { MockStore } from "./state";
import { createVedleggHandlers, moveMellomlagringToVedlegg, writeSentDocuments } from "./vedlegg-handlers";

export const AVSENDER = { systemnavn: "Mock fagsystem", systemversjon: "1.0" } as const;
export const DIGISOS_SOKER_VERSION = "1.0.0";

const error = (status: number, code: string, message?: string) => HttpResponse.json({ error: code, ...(message ? { message } : {}) }, { status });
const notFound = () => error(404, "not-found");

/** msw path patterns for routes with an id, derived from the contract so the two cannot drift. */
const innsynPattern = paths.innsyn("__id__").replace("__id__", ":fiksDigisosId");
const dokumentlagerPattern = paths.dokumentlager("__id__").replace("__id__", ":id");
const norgEnhetPattern = paths.norgEnhet("__id__").replace("__id__", ":enhetsnummer");

const describeIssues = (issues: z.ZodIssue[]) =>
  issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");

/** The søknad a person already sent with this key, if any. */
const sentWithKey = (soknader: readonly SoknadRecord[], fnr: string, idempotencyKey: string) =>
  soknader.find((soknad) => soknad.fnr === fnr && soknad.innsending?.idempotencyKey === idempotencyKey);

function sendSoknadResponse(soknad: SoknadRecord): SendSoknadResponse {
  return {
    fiksDigisosId: soknad.fiksDigisosId,
    mottattTidspunkt: soknad.sendtTidspunkt ?? soknad.hendelser[0]?.hendelsestidspunkt ?? "",
    navEnhet: soknad.innsending?.navEnhet ?? soknad.navKontor ?? "",
  };
}

/** Every dokumentlager file a søknad refers to: letters in its events, the files sent with it, and its vedlegg. */
export function fileIdsOf(soknad: SoknadRecord): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (typeof value !== "object" || value === null) return;
    const record = value as Record<string, unknown>;
    if (record.type === "dokumentlager" && typeof record.id === "string") ids.add(record.id);
    Object.values(record).forEach(visit);
  };
  visit(soknad.hendelser);
  if (soknad.innsending) ids.add(soknad.innsending.pdf.id).add(soknad.innsending.soknadJson.id);
  for (const document of soknad.vedlegg ?? []) for (const fil of document.filer) ids.add(fil.id);
  return ids;
}

/** Content-Disposition with a file name that survives æøå (RFC 6266 / 5987). */
const contentDisposition = (filnavn: string) =>
  `inline; filename="${filnavn.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(filnavn).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)}`;

export function soknadSummary(soknad: SoknadRecord): SoknadSummary {
  const times = soknad.hendelser.map((hendelse) => Date.parse(hendelse.hendelsestidspunkt));
  if (soknad.sendtTidspunkt) times.push(Date.parse(soknad.sendtTidspunkt));
  const sistOppdatert = new Date(Math.max(0, ...times)).toISOString();
  const tildelt = soknad.hendelser.filter((hendelse) => hendelse.type === "tildeltNavKontor").at(-1);
  return {
    fiksDigisosId: soknad.fiksDigisosId,
    sendtTidspunkt: soknad.sendtTidspunkt,
    sistOppdatert,
    navKontor: tildelt?.type === "tildeltNavKontor" ? tildelt.navKontor : soknad.navKontor,
    soknadPdf: soknad.innsending?.pdf ?? null,
    kanal: soknad.kanal ?? "DIGITAL",
  };
}

/** `now` is the mock's clock (tests pin it); the handlers that compute deadlines use it. */
export function createHandlers(store: MockStore, now: () => Date = () => new Date()): RequestHandler[] {
  /** The person named by the header, or the error response to send instead. */
  function personOf(request: Request): PersonRecord | Response {
    const fnr = request.headers.get(PERSON_HEADER);
    if (!fnr) return error(400, "missing-person", `The ${PERSON_HEADER} header is required`);
    if (!/^\d{11}$/.test(fnr)) return error(400, "invalid-person", `The ${PERSON_HEADER} header must be 11 digits`);
    return store.person(fnr) ?? notFound();
  }

  /** A register lookup: one JSON document per person. */
  const register = (path: string, pick: (person: PersonRecord) => JsonBodyType) =>
    http.get(path, ({ request }) => {
      const person = personOf(request);
      return person instanceof Response ? person : HttpResponse.json(pick(person));
    });

  return [
    register(paths.folkeregisterPerson, (person) => person.folkeregister),
    register(paths.krrKontaktinfo, (person) => person.krr),
    // NAV employees are skjermet; a person the register has not seen is a 404 like everywhere else.
    register(paths.skjerming, (person) => ({ skjermet: person.skjermet ?? false })),
    register(paths.kontoregisterKonto, (person) => person.kontoregister),
    register(paths.aaregArbeidsforhold, (person) => person.aareg),
    register(paths.navUtbetalinger, (person) => person.navUtbetalinger),
    register(paths.skatteetatenInntekt, (person) => person.skatteetaten),
    register(paths.husbankenBostotte, (person) => person.husbanken),

    // NORG answers by municipality; no person involved.
    http.get(paths.norgKontor, ({ request }) => {
      const kommunenummer = new URL(request.url).searchParams.get("kommunenummer") ?? "";
      if (!/^\d{4}$/.test(kommunenummer)) return error(400, "invalid-kommunenummer", "kommunenummer must be 4 digits");
      const office = navKontorFor(kommunenummer);
      return office ? HttpResponse.json(office) : notFound();
    }),

    http.get(norgEnhetPattern, ({ params }) => {
      const office = navKontorer.find((candidate) => candidate.enhetsnummer === String(params.enhetsnummer));
      return office ? HttpResponse.json(office) : notFound();
    }),

    http.get(paths.soknader, ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const summaries = store.soknaderFor(person.folkeregister.fnr).map(soknadSummary);
      summaries.sort((a, b) => b.sistOppdatert.localeCompare(a.sistOppdatert)); // newest first
      return HttpResponse.json(summaries);
    }),

    http.post(paths.sendSoknad, async ({ request }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const fnr = person.folkeregister.fnr;
      let json: unknown;
      try {
        json = await request.json();
      } catch {
        return error(400, "invalid-json", "The body must be JSON");
      }
      const parsed = sendSoknadRequestSchema.safeParse(json);
      if (!parsed.success) return error(400, "invalid-soknad", describeIssues(parsed.error.issues));
      const body = parsed.data;

      // A retry of a søknad that already arrived: the same answer, nothing new.
      const earlier = sentWithKey(store.soknaderFor(fnr), fnr, body.idempotencyKey);
      if (earlier) return HttpResponse.json(sendSoknadResponse(earlier), { status: 200 });

      const office = navKontorer.find((candidate) => candidate.enhetsnummer === body.navEnhet);
      if (!office) return error(400, "unknown-nav-enhet", `No NAV office ${body.navEnhet}`);
      if (!office.digitalSoknad) return error(400, "nav-enhet-not-digital", `${office.navn} does not take digital applications`);
      // Bytes first, under fresh ids; then one atomic update decides whether they are used.
      const written = await writeSentDocuments(store, {
        pdf: body.pdf,
        json: body.soknad,
        pdfTitle: "Søknad om økonomisk sosialhjelp",
        jsonName: "soknad.json",
        jsonTitle: "Søknad (JSON)",
      });
      if (written instanceof Response) return written;
      const { pdfRef, jsonRef, pdfFile, jsonFile } = written;
      const outcome = await store.update((state) => {
        // Checked again inside the update: between the first check and here, a parallel request with the same key may have won.
        const winner = sentWithKey(state.soknader, fnr, body.idempotencyKey);
        if (winner) return { soknad: winner, created: false, unused: [] };
        // The draft's files move into the søknad in this same update (the draft id is the idempotency key).
        const moved = moveMellomlagringToVedlegg(state, fnr, body.idempotencyKey, body.vedlegg ?? []);
        if ("problem" in moved) return { problem: moved.problem };
        const mottatt = new Date().toISOString();
        const fresh: SoknadRecord = {
          fiksDigisosId: randomUUID(),
          fnr,
          sendtTidspunkt: mottatt,
          navKontor: body.navEnhet,
          hendelser: [
            { type: "soknadsStatus", hendelsestidspunkt: mottatt, status: "MOTTATT" },
            { type: "tildeltNavKontor", hendelsestidspunkt: mottatt, navKontor: body.navEnhet },
          ],
          innsending: { idempotencyKey: body.idempotencyKey, navEnhet: body.navEnhet, urgent: body.urgent, language: body.language, soknadJson: jsonRef, pdf: pdfRef },
          vedlegg: moved.vedlegg,
        };
        state.files[pdfRef.id] = pdfFile;
        state.files[jsonRef.id] = jsonFile;
        state.soknader.push(fresh);
        return { soknad: fresh, created: true, unused: moved.unused };
      });
      // Unregistered bytes go: this søknad's PDF and JSON when it was not created, mellomlagring files no document took.
      const unused: string[] = "problem" in outcome || !outcome.created ? [pdfRef.id, jsonRef.id] : [];
      if (!("problem" in outcome)) unused.push(...outcome.unused);
      await Promise.all(unused.map((id) => store.discardFileBytes(id)));
      if ("problem" in outcome) return error(400, "invalid-vedlegg", outcome.problem);
      return HttpResponse.json(sendSoknadResponse(outcome.soknad), { status: outcome.created ? 201 : 200 });
    }),

    http.get(dokumentlagerPattern, async ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const id = String(params.id);
      // Only files of the person's own søknader, complaints and messages; anyone else's is answered like a missing one.
      const fnr = person.folkeregister.fnr;
      const own =
        store.soknaderFor(fnr).some((soknad) => fileIdsOf(soknad).has(id)) ||
        store.klagerFor(fnr).some((klage) => klageFileIdsOf(klage).has(id)) ||
        meldingFileIdsFor(store, fnr).has(id);
      const stored = own ? await store.readFile(id) : null;
      if (!stored) return notFound();
      return new HttpResponse(stored.bytes, {
        status: 200,
        headers: {
          "Content-Type": stored.file.mimetype,
          "Content-Length": String(stored.bytes.byteLength),
          "Content-Disposition": contentDisposition(stored.file.filnavn),
          "Cache-Control": "private, no-store",
          "X-Content-Type-Options": "nosniff",
        },
      });
    }),

    ...createVedleggHandlers(store, personOf),
    ...createKlageHandlers(store, personOf),
    ...createMeldingHandlers(store, personOf),
    ...createRadgivningHandlers(store, personOf),
    ...createRingTilbakeHandlers(store, personOf, now),

    http.get(innsynPattern, ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const soknad = store.soknad(String(params.fiksDigisosId));
      // Someone else's søknad is answered exactly like a missing one: no hint that it exists.
      if (!soknad || soknad.fnr !== person.folkeregister.fnr) return notFound();
      const document: DigisosSoker = { version: DIGISOS_SOKER_VERSION, avsender: AVSENDER, hendelser: soknad.hendelser };
      return HttpResponse.json(document);
    }),
  ];
}
