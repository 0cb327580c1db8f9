/**
 * The fagsystem fault matrix: for each call the portal makes to the fagsystem, the mock answers
 * 500, 503, nothing for 10 s, or drops the connection. Each time the page the person is on
 * says so in their language (no stack trace, no raw status), nothing they typed is lost, and
 * the same request works once the fault has cleared.
 *
 * Runs against the second test portal, whose fagsystem timeout is 4 s (FAGSYSTEM_TIMEOUT_MS in
 * playwright.config.ts), so the 10 s delay proves the portal stops waiting on its own.
 * Faults are set for one person only (the call's Nav-Personident), except NORG's office
 * lookups, which carry no person. The contact-centre cases are a staff member's requests about
 * the persona: the fault is set for the caller's number, the message is the one staff read.
 */
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, type Language } from "./fixtures";
import { anonymous, fillKlage, formMeldingId, loggedIn, newDraft, startKlage } from "./http";
import { persona } from "./personas";
import { Browser, fillUntil } from "./resilience/client";
import { addFault, ringTilbakeFor, freshPerson, generalSamtaleOf, klagerOf, meldingerIn, moveKlageTo, newSoknadFor, officeReply, refusal, removeFault, samtalerOf, soknaderOf, type Fault } from "./mock-control";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";
import { OTHER_DOCUMENTS } from "../app/vedlegg/limits";
import { SHORT_SESSION_MOCK_CONTROL, SHORT_SESSION_PORTAL } from "../playwright.config";
import { text } from "./locale";

test.skip(({ browserName, isMobile, javaScriptEnabled }) => browserName !== "chromium" || isMobile || !javaScriptEnabled, "HTTP-level checks: the desktop project is enough");

const FAULTS = [
  { name: "500", fault: { status: 500 } },
  { name: "503", fault: { status: 503 } },
  { name: "no answer for 10 s", fault: { delayMs: 10_000 } },
  { name: "dropped connection", fault: { drop: true } },
] as const;

/** What a person must never see: the mock's error body, a stack trace, a raw status line. */
const TECHNICAL = /injected-fault|FagsystemError|TimeoutError|ECONNRESET|fetch failed|at [\w.<>]+ \(|\bstatus(?: code)? 5\d\d\b|Internal Server Error/i;

/** The text a person sees: without the scripts (which carry every translation) and tags. */
const visible = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/gi, " ")
    .replace(/<style[\s\S]*?<\/style>/gi, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

type Person = { api: APIRequestContext; fnr: string; id: string };

/** A synthetic person of the case's own on the short-session portal's mock (complaints: no persona shares them). */
const FRESH = "fresh person";

type Case = {
  call: string;
  /** The fagsystem paths (prefixes) that fail together; `anyPerson` for calls that carry no person. */
  paths: string[] | ((state: Record<string, string>) => string[]);
  method?: "GET" | "POST" | "DELETE";
  anyPerson?: boolean;
  persona: string;
  /** Sets up what the request needs, once per call (not under the fault). */
  prepare?: (person: Person) => Promise<Record<string, string>>;
  /** Prepare again before each fault (a withdrawal can only be tried once on a complaint). */
  prepareEach?: boolean;
  /** The page needs the call only for a detail and shows the same without it (the PDF copy without file names). */
  sameUnderFault?: boolean;
  /** The request a person makes that needs the call. */
  request: (person: Person, state: Record<string, string>) => Promise<APIResponse>;
  /** The translated message the person gets while the call fails. */
  message: RegExp;
  /** The status of the answer while the call fails, where it must be one (a search that cannot be made: 503). */
  status?: number;
  /** The request is a contact-centre staff member's (with the role) about the persona: `api` is theirs, `fnr` the caller's. */
  staff?: boolean;
  /** What the same request shows when the fagsystem answers again. */
  works: RegExp;
  /** What the person typed, still there after the failed request. */
  kept?: (person: Person, state: Record<string, string>) => Promise<void>;
};

async function sentSoknad(person: Person) {
  const soknad = (await soknaderOf(person.fnr, SHORT_SESSION_MOCK_CONTROL)).find((candidate) => candidate.sendtTidspunkt);
  expect(soknad, "the persona's seeded søknad").toBeTruthy();
  return soknad!.fiksDigisosId;
}

/** The upload form's field names (app/vedlegg/UploadField.tsx: filesField, uploadIntent). */
const filesField = (documentKey: string) => `filer.${documentKey}`;
const uploadIntent = (documentKey: string) => `last-opp:${documentKey}`;

let uploads = 0;
/** A real PDF, different each time (its page count), so a retry is not refused as a duplicate. */
async function pdf() {
  uploads += 1;
  return { name: "kontoutskrift.pdf", mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(uploads)) };
}

/** A complaint draft about a new refusal, with the person's words: its id, and the søknad's and decision's. */
async function klageDraft(person: Person): Promise<Record<string, string>> {
  const decision = await refusal(person.id, SHORT_SESSION_MOCK_CONTROL);
  const klageId = await startKlage(person.api, decision);
  await fillKlage(person.api, klageId, decision.vedtakId, "Jeg fikk ikke penger til husleien.");
  return { ...decision, klageId };
}

/** A sent complaint (received by the office, so it is news), as klageDraft gives it. */
async function sentKlage(person: Person): Promise<Record<string, string>> {
  const state = await klageDraft(person);
  const sent = await person.api.post(`/nb/klage/${state.klageId}/oppsummering`, { form: { intent: "next" }, maxRedirects: 0 });
  expect(sent.status(), "sent").toBe(302);
  await moveKlageTo(state.klageId!, "MOTTATT", SHORT_SESSION_MOCK_CONTROL);
  return state;
}

async function keptKlageText({ api }: Person, { klageId }: Record<string, string>) {
  expect(visible(await (await api.get(`/nb/klage/${klageId}/begrunnelse`)).text())).toContain("Jeg fikk ikke penger til husleien.");
}

const ADVICE_FORM = "/nb/veiviser/okonomi-og-gjeld/be-om-rad";

/** The person's general conversation, with the office's answer read and a draft of theirs: its page, the form's meldingId. */
async function conversation(person: Person): Promise<Record<string, string>> {
  const samtaleId = await generalSamtaleOf(person.fnr, SHORT_SESSION_MOCK_CONTROL);
  const page = `/nb/meldinger/${samtaleId}`;
  await officeReply(samtaleId, { tekst: "Svar fra kontoret om husleien." }, SHORT_SESSION_MOCK_CONTROL);
  const meldingId = await formMeldingId(person.api, page);
  const saved = await person.api.post(page, { form: { intent: "lagre", meldingId, tekst: "Et utkast om strømregningen." } });
  expect(saved.status(), "the draft saved").toBe(200);
  return { samtaleId, page, meldingId };
}

async function keptMessageDraft({ api }: Person, { page }: Record<string, string>) {
  expect(visible(await (await api.get(page!)).text())).toContain("Et utkast om strømregningen.");
}

/** A contact-centre staff member with the role, logged in on the short-session portal, asking about `who` (the fnr is the caller's). */
async function staffAbout(who: { fnr: string; name: string }): Promise<{ api: APIRequestContext; fnr: string; name: string }> {
  const api = await anonymous(SHORT_SESSION_PORTAL);
  const users = (await (await fetch(`${SHORT_SESSION_MOCK_CONTROL}/mock/nks-testbrukere`)).json()) as { navIdent: string; roles: string[] }[];
  const withRole = users.find((user) => user.roles.includes("nks"));
  expect(withRole, "a staff test user with the contact-centre role").toBeTruthy();
  expect((await api.post("/nb/nks/logg-inn", { form: { navIdent: withRole!.navIdent }, maxRedirects: 0 })).status(), "staff login").toBe(302);
  return { api, fnr: who.fnr, name: who.name };
}

/** The staff member's search for the caller: the person's page (its lookup id), and the caller's seeded søknad's page. */
async function lookup(person: Person): Promise<Record<string, string>> {
  const answer = await person.api.post("/nb/nks", { form: { fnr: person.fnr }, maxRedirects: 0 });
  expect(answer.status(), "the search").toBe(303);
  const page = answer.headers()["location"]!;
  const soknadId = await sentSoknad(person);
  return { page, soknadId, soknadPage: `${page}/soknad/${soknadId}` };
}

const cases: Case[] = [
  {
    call: "folkeregister: the person's register data on a step",
    paths: ["/api/v1/folkeregister"],
    persona: "avslag",
    prepare: async ({ api }) => ({ draftId: await newDraft(api) }),
    request: ({ api }, { draftId }) =>
      api.post(`/nb/soknad/${draftId}/behov`, { form: { intent: "next", categories: "husleie", details: "Strømregningen kom i dag" }, maxRedirects: 0 }),
    message: /Vi får ikke (hentet opplysningene dine|kontakt med registrene) akkurat nå/,
    works: /^$/,
    kept: async ({ api }, { draftId }) => {
      const page = await (await api.get(`/nb/soknad/${draftId}/behov`)).text();
      expect(visible(page)).toContain("Strømregningen kom i dag");
    },
  },
  {
    call: "kontakt- og reservasjonsregisteret, kontoregisteret: phone and account on Om deg",
    paths: ["/api/v1/krr", "/api/v1/kontoregister"],
    persona: "avslag",
    prepare: async ({ api }) => ({ draftId: await newDraft(api) }),
    request: ({ api }, { draftId }) => api.get(`/nb/soknad/${draftId}/personalia`),
    message: /Vi fikk ikke hentet telefonnummeret ditt.*Vi fikk ikke hentet kontonummeret ditt/,
    works: /Kontonummer/,
  },
  {
    call: "aa-registeret: employment on Arbeid og utdanning",
    paths: ["/api/v1/aareg"],
    persona: "avslag",
    prepare: async ({ api }) => ({ draftId: await newDraft(api) }),
    request: ({ api }, { draftId }) => api.get(`/nb/soknad/${draftId}/arbeid`),
    message: /Vi fikk ikke hentet arbeidsforholdene dine fra Aa-registeret/,
    works: /Arbeid og utdanning/,
  },
  {
    call: "NAV-utbetalinger, Skatteetaten, Husbanken: income on Inntekt og formue",
    paths: ["/api/v1/nav/utbetalinger", "/api/v1/skatteetaten", "/api/v1/husbanken"],
    persona: "avslag",
    prepare: async ({ api }) => {
      const draftId = await newDraft(api);
      const saved = await api.post(`/nb/soknad/${draftId}/inntekt`, { form: { intent: "next", skattConsent: "ja", bostotteConsent: "ja", studentLoan: "nei" }, maxRedirects: 0 });
      expect(saved.status(), "the income step's answers saved").toBe(302);
      return { draftId };
    },
    request: ({ api }, { draftId }) => api.get(`/nb/soknad/${draftId}/inntekt`),
    message: /Utbetalinger fra NAV de siste 40 dagene Vi fikk ikke hentet opplysningene akkurat nå.*Inntekt fra Skatteetaten Vi fikk ikke hentet.*Bostøtte fra Husbanken Vi fikk ikke hentet/,
    works: /Inntekt og formue/,
  },
  {
    call: "the søknad list: Mine søknader",
    paths: ["/api/v1/soknader"],
    method: "GET",
    persona: "innvilget",
    request: ({ api }) => api.get("/nb/mine-soknader"),
    message: /Vi kan ikke vise søknadene dine akkurat nå/,
    works: /Mine søknader/,
  },
  {
    call: "the søknad list: utbetalinger",
    paths: ["/api/v1/soknader"],
    method: "GET",
    persona: "innvilget",
    request: ({ api }) => api.get("/nb/utbetalinger"),
    message: /akkurat nå/,
    works: /Utbetalinger/,
  },
  {
    call: "the event log: the status page",
    paths: ({ soknadId }) => [`/api/v1/soknader/${soknadId}/innsyn`],
    method: "GET",
    persona: "under-behandling",
    prepare: async (person) => ({ soknadId: await sentSoknad(person) }),
    request: ({ api }, { soknadId }) => api.get(`/nb/innsyn/${soknadId}`),
    message: /Vi får ikke hentet søknaden din akkurat nå/,
    works: /Dette må du gjøre|Oppgaver|Status/,
  },
  {
    call: "a letter's file from the dokumentlager",
    paths: ["/api/v1/dokumentlager"],
    persona: "innvilget",
    prepare: async (person) => {
      const soknadId = await sentSoknad(person);
      const status = await (await person.api.get(`/nb/innsyn/${soknadId}`)).text();
      const letter = new RegExp(`/nb/innsyn/${soknadId}/vedtak/([^"?#/]+)`).exec(status)![1]!;
      const vedtak = await (await person.api.get(`/nb/innsyn/${soknadId}/vedtak/${letter}`)).text();
      return { href: new RegExp(`/nb/innsyn/${soknadId}/dokument/[^"?#]+`).exec(vedtak)![0] };
    },
    request: ({ api }, { href }) => api.get(href!),
    message: /Vi får ikke hentet dokumentet akkurat nå/,
    works: /%PDF-/,
  },
  {
    call: "files before sending (mellomlagring): uploading in Dokumentasjon",
    paths: ["/api/v1/mellomlagring"],
    method: "POST",
    persona: "nylig-hjelp",
    prepare: async ({ api }) => ({ draftId: await newDraft(api) }),
    request: async ({ api }, { draftId }) =>
      api.post(`/nb/soknad/${draftId}/dokumentasjon`, {
        multipart: { intent: uploadIntent(OTHER_DOCUMENTS), [filesField(OTHER_DOCUMENTS)]: await pdf() },
        maxRedirects: 0,
      }),
    message: /Vi får ikke lagret filer akkurat nå/,
    works: /kontoutskrift\.pdf/,
  },
  {
    call: "files before sending (mellomlagring): listing them in Dokumentasjon",
    paths: ["/api/v1/mellomlagring"],
    method: "GET",
    persona: "nylig-hjelp",
    prepare: async ({ api }) => ({ draftId: await newDraft(api) }),
    request: ({ api }, { draftId }) => api.get(`/nb/soknad/${draftId}/dokumentasjon`),
    message: /akkurat nå/,
    works: /Dokumentasjon/,
  },
  {
    call: "files before sending (mellomlagring): deleting one in Dokumentasjon",
    paths: ["/api/v1/mellomlagring"],
    method: "DELETE",
    persona: "nylig-hjelp",
    prepare: async ({ api }) => {
      const draftId = await newDraft(api);
      const page = await (
        await api.post(`/nb/soknad/${draftId}/dokumentasjon`, { multipart: { intent: uploadIntent(OTHER_DOCUMENTS), [filesField(OTHER_DOCUMENTS)]: await pdf() } })
      ).text();
      const fileId = /value="slett-fil:([^"]+)"/.exec(page)?.[1];
      expect(fileId, "the uploaded file's delete button").toBeTruthy();
      return { draftId, fileId: fileId! };
    },
    request: ({ api }, { draftId, fileId }) => api.post(`/nb/soknad/${draftId}/dokumentasjon`, { form: { intent: `slett-fil:${fileId}` }, maxRedirects: 0 }),
    message: /akkurat nå/,
    works: /Dokumentasjon/,
  },
  {
    call: "the søknad's files (vedlegg.json): the status page",
    paths: ({ soknadId }) => [`/api/v1/soknader/${soknadId}/vedlegg`],
    method: "GET",
    persona: "innvilget",
    prepare: async (person) => ({ soknadId: await sentSoknad(person) }),
    request: ({ api }, { soknadId }) => api.get(`/nb/innsyn/${soknadId}`),
    message: /Vi får ikke vist dokumentene du har sendt akkurat nå/,
    works: /Vedtak|vedtak/,
  },
  {
    call: "files after sending (ettersendelse): sending one from the status page",
    paths: ({ soknadId }) => [`/api/v1/soknader/${soknadId}/vedlegg`],
    method: "POST",
    persona: "under-behandling",
    prepare: async (person) => ({ soknadId: await sentSoknad(person) }),
    request: async ({ api }, { soknadId }) =>
      api.post(`/nb/innsyn/${soknadId}`, { multipart: { intent: uploadIntent(OTHER_DOCUMENTS), [filesField(OTHER_DOCUMENTS)]: await pdf() }, maxRedirects: 0 }),
    message: /akkurat nå/,
    works: /kontoutskrift\.pdf/,
  },

  /* ---------- complaints (klage) ---------- */
  {
    call: "the søknad list: starting a complaint from a decision",
    paths: ["/api/v1/soknader"],
    method: "GET",
    persona: FRESH,
    prepare: (person) => refusal(person.id, SHORT_SESSION_MOCK_CONTROL),
    request: ({ api }, decision) => api.post("/nb/klage", { form: decision }),
    message: /Vi kunne ikke starte klagen akkurat nå/,
    works: /Hvilke vedtak klager du på\?/,
  },
  {
    call: "the event log: starting a complaint from a decision",
    paths: ({ soknadId }) => [`/api/v1/soknader/${soknadId}/innsyn`],
    method: "GET",
    persona: FRESH,
    prepare: (person) => refusal(person.id, SHORT_SESSION_MOCK_CONTROL),
    request: ({ api }, decision) => api.post("/nb/klage", { form: { soknadId: decision.soknadId!, vedtakId: decision.vedtakId! } }),
    message: /Vi kunne ikke starte klagen akkurat nå/,
    works: /Hvilke vedtak klager du på\?/,
  },
  {
    call: "the søknad list and event log: step 1 of a complaint (its decisions)",
    paths: ["/api/v1/soknader"],
    method: "GET",
    persona: FRESH,
    prepare: klageDraft,
    request: ({ api }, { klageId }) => api.get(`/nb/klage/${klageId}/vedtak`),
    message: /Vi får ikke hentet alt fra NAV-kontorets system akkurat nå/,
    works: /Hvilke vedtak klager du på\?/,
    kept: keptKlageText,
  },
  {
    call: "files before sending a complaint (mellomlagring under its klageId): uploading one",
    paths: ({ klageId }) => [`/api/v1/mellomlagring/${klageId}`],
    method: "POST",
    persona: FRESH,
    prepare: klageDraft,
    request: async ({ api }, { klageId }) =>
      api.post(`/nb/klage/${klageId}/vedlegg`, { multipart: { intent: uploadIntent("klage"), [filesField("klage")]: await pdf() }, maxRedirects: 0 }),
    message: /Vi får ikke lagret filer akkurat nå/,
    works: /kontoutskrift\.pdf/,
    kept: keptKlageText,
  },
  {
    call: "files before sending a complaint (mellomlagring under its klageId): listing them in Dokumenter",
    paths: ({ klageId }) => [`/api/v1/mellomlagring/${klageId}`],
    method: "GET",
    persona: FRESH,
    prepare: klageDraft,
    request: ({ api }, { klageId }) => api.get(`/nb/klage/${klageId}/vedlegg`),
    message: /Vi får ikke hentet alt fra NAV-kontorets system akkurat nå/,
    works: /Dokumenter til klagen/,
  },
  {
    call: "files before sending a complaint (mellomlagring under its klageId): listing them on the summary",
    paths: ({ klageId }) => [`/api/v1/mellomlagring/${klageId}`],
    method: "GET",
    persona: FRESH,
    prepare: klageDraft,
    request: ({ api }, { klageId }) => api.get(`/nb/klage/${klageId}/oppsummering`),
    message: /Vi får ikke hentet alt fra NAV-kontorets system akkurat nå/,
    works: /Se over og send.*Jeg fikk ikke penger til husleien/,
  },
  {
    call: "files before sending a complaint (mellomlagring under its klageId): deleting one",
    paths: ({ klageId }) => [`/api/v1/mellomlagring/${klageId}`],
    method: "DELETE",
    persona: FRESH,
    prepareEach: true,
    prepare: async (person) => {
      const state = await klageDraft(person);
      const page = await (
        await person.api.post(`/nb/klage/${state.klageId}/vedlegg`, { multipart: { intent: uploadIntent("klage"), [filesField("klage")]: await pdf() } })
      ).text();
      const fileId = /value="slett-fil:([^"]+)"/.exec(page)?.[1];
      expect(fileId, "the uploaded file's delete button").toBeTruthy();
      return { ...state, fileId: fileId! };
    },
    // As the browser sends it: "Slett" is a button of the upload's multipart form.
    request: ({ api }, { klageId, fileId }) => api.post(`/nb/klage/${klageId}/vedlegg`, { multipart: { intent: `slett-fil:${fileId}` }, maxRedirects: 0 }),
    message: /Vi får ikke hentet alt fra NAV-kontorets system akkurat nå/,
    // The file is gone.
    works: /^(?!.*kontoutskrift\.pdf).*Dokumenter til klagen/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): the PDF copy of a sent complaint",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: FRESH,
    sameUnderFault: true,
    prepare: async (person) => {
      const state = await klageDraft(person);
      const sent = await person.api.post(`/nb/klage/${state.klageId}/oppsummering`, { form: { intent: "next" }, maxRedirects: 0 });
      expect(sent.status(), "sent").toBe(302);
      return state;
    },
    request: ({ api }, { klageId }) => api.get(`/nb/klage/${klageId}/kvittering/pdf`),
    message: /^%PDF-/,
    works: /^%PDF-/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): the complaint's page",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: FRESH,
    prepare: sentKlage,
    request: ({ api }, { soknadId, klageId }) => api.get(`/nb/innsyn/${soknadId}/klage/${klageId}`),
    message: /Vi kan ikke vise klagen akkurat nå/,
    works: /Det du skrev Jeg fikk ikke penger til husleien\./,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): the withdrawal page",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: FRESH,
    prepare: sentKlage,
    request: ({ api }, { soknadId, klageId }) => api.get(`/nb/innsyn/${soknadId}/klage/${klageId}/trekk`),
    message: /Vi kan ikke vise klagen akkurat nå/,
    works: /Hvis du trekker klagen/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): the status page's list and the complaint beside its decision",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: FRESH,
    prepare: sentKlage,
    request: ({ api }, { soknadId }) => api.get(`/nb/innsyn/${soknadId}`),
    message: /Klager Vi kan ikke vise klagene dine akkurat nå/,
    works: /Klage sendt/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): the decision page",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: FRESH,
    prepare: sentKlage,
    request: ({ api }, { soknadId, vedtakId }) => api.get(`/nb/innsyn/${soknadId}/vedtak/${vedtakId}`),
    message: /Vi kan ikke vise klagene dine akkurat nå/,
    works: /Klage sendt/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): Mine søknader",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: FRESH,
    prepare: sentKlage,
    request: ({ api }) => api.get("/nb/mine-soknader"),
    message: /Klager Vi kan ikke vise klagene dine akkurat nå/,
    works: /Klage sendt/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): the front page, whose news about a complaint waits",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: FRESH,
    sameUnderFault: true,
    prepare: sentKlage,
    request: ({ api }) => api.get("/nb"),
    message: /Logget inn som/,
    works: /Nytt i klagen din/,
  },
  {
    call: "more files for a sent complaint (POST /api/v1/klager/:id/vedlegg): the complaint's page",
    paths: ({ klageId }) => [`/api/v1/klager/${klageId}/vedlegg`],
    method: "POST",
    persona: FRESH,
    prepare: sentKlage,
    request: async ({ api }, { soknadId, klageId }) =>
      api.post(`/nb/innsyn/${soknadId}/klage/${klageId}`, { multipart: { intent: uploadIntent("klage"), [filesField("klage")]: await pdf() }, maxRedirects: 0 }),
    message: /Vi får ikke lagret filer akkurat nå/,
    works: /kontoutskrift\.pdf/,
  },
  {
    call: "withdrawing a complaint (POST /api/v1/klager/:id/trekk)",
    paths: ({ klageId }) => [`/api/v1/klager/${klageId}/trekk`],
    method: "POST",
    persona: FRESH,
    prepareEach: true,
    prepare: sentKlage,
    request: ({ api }, { soknadId, klageId }) => api.post(`/nb/innsyn/${soknadId}/klage/${klageId}/trekk`, { form: {} }),
    message: /Vi fikk ikke trukket klagen akkurat nå/,
    works: /Du har trukket klagen/,
  },

  /* ---------- the contact-centre view (NKS): a staff member's search and pages about the caller ---------- */
  // The two registers the search asks before it may look: either failing, the same answer.
  ...[
    { call: "folkeregister: the contact centre's search", path: "/api/v1/folkeregister" },
    { call: "skjerming (is the caller a NAV employee): the contact centre's search", path: "/api/v1/skjerming" },
  ].map(
    ({ call, path }): Case => ({
      call,
      paths: [path],
      persona: "under-behandling",
      staff: true,
      // Followed, as a browser does: once the register answers, the person's page.
      request: ({ api, fnr }) => api.post("/nb/nks", { form: { fnr } }),
      message: /Finn innringeren .*Vi kan ikke søke akkurat nå/,
      status: 503,
      works: /Om innringeren/,
    }),
  ),
  {
    call: "folkeregister and skjerming, asked again on every view: the caller's page",
    paths: ["/api/v1/folkeregister", "/api/v1/skjerming"],
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { page }) => api.get(page!),
    message: /Vi kan ikke hente opplysningene akkurat nå/,
    status: 503,
    works: /Jonas Eide Nilsen .*Om innringeren/,
  },
  {
    call: "the søknad list and event logs: the caller's page still shows the person",
    paths: ["/api/v1/soknader"],
    method: "GET",
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { page }) => api.get(page!),
    message: /Jonas Eide Nilsen .*Søknader .*Vi kan ikke hente søknadene akkurat nå\..*Om innringeren Alder/,
    status: 200,
    works: /Søknad sendt/,
  },
  {
    call: "kontakt- og reservasjonsregisteret: the phone on the caller's page",
    paths: ["/api/v1/krr"],
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { page }) => api.get(page!),
    message: /Jonas Eide Nilsen .*Telefon Kan ikke hentes nå/,
    status: 200,
    works: /Telefon \+?\d/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): the caller's page",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { page }) => api.get(page!),
    message: /Søknad sendt .*Vi kan ikke hente klagene akkurat nå/,
    status: 200,
    works: /Søknad sendt/,
  },
  {
    call: "the person's conversations (GET /api/v1/samtaler): the caller's page",
    paths: ["/api/v1/samtaler"],
    method: "GET",
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { page }) => api.get(page!),
    message: /Søknad sendt .*Meldinger Vi kan ikke hente meldingene akkurat nå/,
    status: 200,
    works: /Meldinger (Generell samtale med NAV-kontoret|Om søknaden)/,
  },
  {
    call: "the person's complaints (GET /api/v1/klager): a søknad's page in the contact centre",
    paths: ["/api/v1/klager"],
    method: "GET",
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { soknadPage }) => api.get(soknadPage!),
    message: /Klager Vi kan ikke vise klagene( dine)? akkurat nå/,
    status: 200,
    works: /Dokumenter fra innringeren/,
  },
  {
    call: "the event log: a søknad's page in the contact centre",
    paths: ({ soknadId }) => [`/api/v1/soknader/${soknadId}/innsyn`],
    method: "GET",
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { soknadPage }) => api.get(soknadPage!),
    message: /Vi (får ikke hentet|kan ikke hente) søknaden( din)? akkurat nå/,
    status: 200,
    works: /Dokumenter fra innringeren/,
  },
  {
    call: "the søknad's files (vedlegg.json): a søknad's page in the contact centre",
    paths: ({ soknadId }) => [`/api/v1/soknader/${soknadId}/vedlegg`],
    method: "GET",
    persona: "under-behandling",
    staff: true,
    prepare: lookup,
    request: ({ api }, { soknadPage }) => api.get(soknadPage!),
    message: /Dokumenter fra innringeren Vi kan ikke hente oversikten over dokumentene akkurat nå/,
    status: 200,
    works: /Dokumenter fra innringeren/,
  },

  /* ---------- messages (meldinger) ---------- */
  {
    call: "the person's conversations (GET /api/v1/samtaler): the list of messages",
    paths: ["/api/v1/samtaler"],
    method: "GET",
    persona: FRESH,
    prepare: conversation,
    request: ({ api }) => api.get("/nb/meldinger"),
    message: /Vi får ikke hentet meldingene dine akkurat nå/,
    works: /Samtalene dine Spørsmål til NAV-kontoret/,
  },
  {
    call: "a page of a conversation (GET /api/v1/samtaler/:id): the conversation",
    paths: ({ samtaleId }) => [`/api/v1/samtaler/${samtaleId}`],
    method: "GET",
    persona: FRESH,
    prepare: conversation,
    request: ({ api }, { page }) => api.get(page!),
    message: /Vi får ikke hentet meldingene dine akkurat nå/,
    works: /Svar fra kontoret om husleien\./,
    kept: keptMessageDraft,
  },
  {
    call: "marking the office's messages read (POST /api/v1/samtaler/:id/lest): the conversation still shows, and is marked at the next visit",
    paths: ({ samtaleId }) => [`/api/v1/samtaler/${samtaleId}/lest`],
    method: "POST",
    persona: FRESH,
    prepareEach: true,
    sameUnderFault: true,
    prepare: async (person) => {
      const state = await conversation(person);
      // Unread when the page opens.
      await officeReply(state.samtaleId!, { tekst: "Et nytt svar som ikke er lest." }, SHORT_SESSION_MOCK_CONTROL);
      return state;
    },
    request: ({ api }, { page }) => api.get(page!),
    message: /Skriv en melding .*Et utkast om strømregningen\..*Et nytt svar som ikke er lest\. Ny/,
    works: /Et nytt svar som ikke er lest\./,
    kept: async (person, state) => {
      await keptMessageDraft(person, state);
      const unread = (await samtalerOf(person.fnr, SHORT_SESSION_MOCK_CONTROL)).find((samtale) => samtale.samtaleId === state.samtaleId)!.antallUleste;
      expect(unread, "read at the next visit").toBe(0);
    },
  },
  {
    call: "a message's file from the dokumentlager",
    paths: ["/api/v1/dokumentlager"],
    method: "GET",
    persona: FRESH,
    prepare: async (person) => {
      const state = await conversation(person);
      const letter = await officeReply(state.samtaleId!, { tekst: "Her er brevet.", vedlegg: true }, SHORT_SESSION_MOCK_CONTROL);
      return { ...state, href: `${state.page}/fil/${letter.filer[0]!.id}` };
    },
    request: ({ api }, { href }) => api.get(href!),
    message: /Vi får ikke hentet filen akkurat nå\. .*Her er brevet\./,
    works: /%PDF-/,
  },
  {
    call: "files for a message (mellomlagring under its meldingId): uploading one",
    paths: ({ meldingId }) => [`/api/v1/mellomlagring/${meldingId}`],
    method: "POST",
    persona: FRESH,
    prepare: conversation,
    request: async ({ api }, { page, meldingId }) =>
      api.post(page!, { multipart: { intent: uploadIntent("melding"), meldingId: meldingId!, tekst: "Et utkast om strømregningen.", [filesField("melding")]: await pdf() }, maxRedirects: 0 }),
    message: /Vi får ikke lagret filer akkurat nå/,
    works: /kontoutskrift\.pdf/,
    kept: keptMessageDraft,
  },
  {
    call: "files for a message (mellomlagring under its meldingId): listing them on the conversation",
    paths: ({ meldingId }) => [`/api/v1/mellomlagring/${meldingId}`],
    method: "GET",
    persona: FRESH,
    prepare: conversation,
    request: ({ api }, { page }) => api.get(page!),
    message: /Svar fra kontoret om husleien\./,
    sameUnderFault: true,
    works: /Svar fra kontoret om husleien\./,
    kept: keptMessageDraft,
  },
  {
    call: "files for a message (mellomlagring under its meldingId): deleting one",
    paths: ({ meldingId }) => [`/api/v1/mellomlagring/${meldingId}`],
    method: "DELETE",
    persona: FRESH,
    prepareEach: true,
    prepare: async (person) => {
      const state = await conversation(person);
      const page = await (
        await person.api.post(state.page!, { multipart: { intent: uploadIntent("melding"), meldingId: state.meldingId!, tekst: "Et utkast om strømregningen.", [filesField("melding")]: await pdf() } })
      ).text();
      const fileId = /value="slett-fil:([^"]+)"/.exec(page)?.[1];
      expect(fileId, "the uploaded file's delete button").toBeTruthy();
      return { ...state, fileId: fileId! };
    },
    request: ({ api }, { page, meldingId, fileId }) => api.post(page!, { multipart: { intent: `slett-fil:${fileId}`, meldingId: meldingId!, tekst: "Et utkast om strømregningen." }, maxRedirects: 0 }),
    message: /akkurat nå/,
    // The file is gone.
    works: /^(?!.*kontoutskrift\.pdf).*Skriv en melding/,
    kept: keptMessageDraft,
  },
  {
    call: "asking for economic advice: sending the request",
    paths: ["/api/v1/radgivning"],
    method: "POST",
    persona: FRESH,
    // A new form (its own id) before each fault: the first try's request may have been made at the 10 s delay.
    prepareEach: true,
    prepare: async ({ api }) => {
      const html = await (await api.get(ADVICE_FORM)).text();
      const radgivningId = /name="radgivningId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
      expect(radgivningId, "the advice form's id").toBeTruthy();
      return { radgivningId: radgivningId! };
    },
    request: ({ api }, { radgivningId }) =>
      api.post(ADVICE_FORM, { form: { radgivningId: radgivningId!, beskrivelse: "Jeg trenger hjelp med inkassobrevene.", kontaktmate: "BREV" }, maxRedirects: 0 }),
    message: /^(?=.*Vi fikk ikke sendt forespørselen akkurat nå)(?=.*Jeg trenger hjelp med inkassobrevene\.)/,
    works: /^$/,
  },
  {
    call: "asking for economic advice: the person's earlier requests beside the form",
    paths: ["/api/v1/radgivning"],
    method: "GET",
    persona: FRESH,
    request: ({ api }) => api.get(ADVICE_FORM),
    message: /^(?=.*Vi får ikke vist forespørslene dine akkurat nå)(?=.*Hva vil du ha hjelp med\?)/,
    works: /Hva vil du ha hjelp med\?/,
  },
  {
    call: "the guide's help today: the logged-in person's own office (folkeregister) holds the page up for nobody",
    paths: ["/api/v1/folkeregister"],
    persona: FRESH,
    request: ({ api }) => api.get("/nb/veiviser/sosialhjelp/hjelp-i-dag"),
    // Without the register the person is asked for their municipality, as an anonymous visitor is.
    message: /Hvilken kommune bor du i\?/,
    sameUnderFault: true,
    works: /Dette er NAV-kontoret ditt/,
  },
];

for (const testCase of cases) {
  test(`fagsystem fault matrix: ${testCase.call}`, async () => {
    test.setTimeout(120_000);
    const who = testCase.persona === FRESH ? await freshPerson(SHORT_SESSION_MOCK_CONTROL) : await persona(testCase.persona);
    const person = { ...(testCase.staff ? await staffAbout(who) : await loggedIn(who, SHORT_SESSION_PORTAL)), id: who.id };
    let state = (await testCase.prepare?.(person)) ?? {};
    const problems: string[] = [];
    for (const [index, { name, fault: kind }] of FAULTS.entries()) {
      if (testCase.prepareEach && index > 0) state = (await testCase.prepare?.(person)) ?? {};
      const paths = typeof testCase.paths === "function" ? testCase.paths(state) : testCase.paths;
      const faults: Fault[] = paths.map((path) => ({ path, method: testCase.method, fnr: testCase.anyPerson ? undefined : person.fnr, ...kind }));
      for (const fault of faults) await addFault(fault, SHORT_SESSION_MOCK_CONTROL);
      let response: APIResponse;
      const started = Date.now();
      try {
        response = await testCase.request(person, state);
      } finally {
        for (const fault of faults) await removeFault(fault, SHORT_SESSION_MOCK_CONTROL);
      }
      const seconds = (Date.now() - started) / 1000;
      const body = visible(await response.text());
      if (response.status() >= 500 && response.status() !== 503) problems.push(`${name}: status ${response.status()}`);
      if (testCase.status !== undefined && response.status() !== testCase.status) problems.push(`${name}: status ${response.status()}, not ${testCase.status}`);
      if (!testCase.message.test(body)) problems.push(`${name}: no translated message (${response.status()}): ${body.slice(body.indexOf("Logg ut") + 8, body.indexOf("Logg ut") + 400)}`);
      if (TECHNICAL.test(body)) problems.push(`${name}: technical text shown: ${TECHNICAL.exec(body)![0]}`);
      if (seconds > 9.5) problems.push(`${name}: the person waited ${seconds.toFixed(1)} s`);
      if (testCase.kept) {
        try {
          await testCase.kept(person, state);
        } catch (error) {
          problems.push(`${name}: typed text lost: ${String(error).slice(0, 200)}`);
        }
      }
      // Once the fault has cleared, the same request works.
      const again = await testCase.request(person, state);
      const againBody = visible(await again.text());
      const retryProblem =
        again.status() >= 400
          ? `status ${again.status()}`
          : !testCase.works.test(againBody)
            ? "not the page"
            : !testCase.sameUnderFault && testCase.message.test(againBody)
              ? "still the message"
              : null;
      if (retryProblem) problems.push(`${name}: the retry did not work (${retryProblem}): ${againBody.slice(0, 200)}`);
    }
    expect(problems).toEqual([]);
    await person.api.dispose();
  });
}

/**
 * Sending is the one call that changes the fagsystem, so its faults get their own test: the
 * person gets the message and keeps the draft, and sending again gives exactly one søknad,
 * also when the fagsystem received the first one but its answer never came (the 10 s delay:
 * the portal stopped waiting after 4 s, the mock made the søknad at 10 s).
 */
test("fagsystem fault matrix: sending the søknad, then sending again gives exactly one søknad", async () => {
  test.setTimeout(240_000);
  // Two sends a day per person: two faults each for two personas.
  const senders = ["avslag", "avslag", "nylig-hjelp", "nylig-hjelp"];
  const problems: string[] = [];
  for (const [index, { name, fault: kind }] of FAULTS.entries()) {
    const person = await persona(senders[index]!);
    const browser = new Browser(SHORT_SESSION_PORTAL);
    await browser.login(person.fnr);
    const draftId = new URL((await browser.post("/nb/soknad", { kind: "standard" })).location!, SHORT_SESSION_PORTAL).pathname.split("/")[3]!;
    await fillUntil(browser, draftId, "oppsummering", `send-${index}`);
    const before = (await soknaderOf(person.fnr, SHORT_SESSION_MOCK_CONTROL)).length;

    const fault: Fault = { path: "/api/v1/soknader", method: "POST", fnr: person.fnr, ...kind };
    await addFault(fault, SHORT_SESSION_MOCK_CONTROL);
    let failed;
    try {
      failed = await browser.post(`/nb/soknad/${draftId}/oppsummering`, { intent: "next", confirm: "on" });
    } finally {
      await removeFault(fault, SHORT_SESSION_MOCK_CONTROL);
    }
    const shown = visible(failed.html);
    if (!/Vi fikk ikke sendt søknaden akkurat nå\. Svarene dine er lagret\./.test(shown)) problems.push(`${name}: no translated message (${failed.status})`);
    if (TECHNICAL.test(shown)) problems.push(`${name}: technical text shown`);
    if (failed.status >= 500 && failed.status !== 503) problems.push(`${name}: status ${failed.status}`);
    const summary = await browser.page(`/nb/soknad/${draftId}/oppsummering`);
    if (!visible(summary.html).includes(`Behov send-${index}`)) problems.push(`${name}: the answers are not on the summary any more`);

    // The delayed send reaches the mock after 10 s; sending again must not make a second søknad.
    if ("delayMs" in kind) await new Promise((resolve) => setTimeout(resolve, kind.delayMs + 1_000));
    const again = await browser.post(`/nb/soknad/${draftId}/oppsummering`, { intent: "next", confirm: "on" });
    if (again.status !== 302 || !again.location?.endsWith(`/nb/soknad/${draftId}/kvittering`)) problems.push(`${name}: sending again did not give the receipt (${again.status})`);
    const after = (await soknaderOf(person.fnr, SHORT_SESSION_MOCK_CONTROL)).length;
    if (after !== before + 1) problems.push(`${name}: ${after - before} søknader in the fagsystem, not 1`);
  }
  expect(problems).toEqual([]);
});

/**
 * Sending a complaint, as sending a søknad: under each fault the person gets the message and keeps
 * the draft, and sending again gives exactly one complaint, also when the fagsystem received the
 * first one but its answer never came (the klageId is the draft's id).
 */
test("fagsystem fault matrix: sending a complaint, then sending again gives exactly one complaint", async () => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const { name, fault: kind } of FAULTS) {
    const who = await freshPerson(SHORT_SESSION_MOCK_CONTROL);
    const person = { ...(await loggedIn(who, SHORT_SESSION_PORTAL)), id: who.id };
    const { klageId } = await klageDraft(person);
    const fault: Fault = { path: "/api/v1/klager", method: "POST", fnr: person.fnr, ...kind };
    await addFault(fault, SHORT_SESSION_MOCK_CONTROL);
    let failed: APIResponse;
    const started = Date.now();
    try {
      failed = await person.api.post(`/nb/klage/${klageId}/oppsummering`, { form: { intent: "next" }, maxRedirects: 0 });
    } finally {
      await removeFault(fault, SHORT_SESSION_MOCK_CONTROL);
    }
    const seconds = (Date.now() - started) / 1000;
    const shown = visible(await failed.text());
    if (!/Klagen ble ikke sendt, fordi vi ikke får kontakt med NAV-kontorets system\. Det du har skrevet, er lagret\./.test(shown)) problems.push(`${name}: no translated message (${failed.status()})`);
    if (TECHNICAL.test(shown)) problems.push(`${name}: technical text shown`);
    if (failed.status() >= 500 && failed.status() !== 503) problems.push(`${name}: status ${failed.status()}`);
    if (seconds > 9.5) problems.push(`${name}: the person waited ${seconds.toFixed(1)} s`);
    const summary = visible(await (await person.api.get(`/nb/klage/${klageId}/oppsummering`)).text());
    if (!summary.includes("Jeg fikk ikke penger til husleien.")) problems.push(`${name}: the words are not on the summary any more`);

    // The delayed send reaches the mock after 10 s; sending again must not make a second complaint.
    if ("delayMs" in kind) await new Promise((resolve) => setTimeout(resolve, kind.delayMs + 1_000));
    const again = await person.api.post(`/nb/klage/${klageId}/oppsummering`, { form: { intent: "next" }, maxRedirects: 0 });
    if (again.status() !== 302 || again.headers()["location"] !== `/nb/klage/${klageId}/kvittering`) problems.push(`${name}: sending again did not give the receipt (${again.status()})`);
    const klager = await klagerOf(person.fnr, SHORT_SESSION_MOCK_CONTROL);
    if (klager.length !== 1 || klager[0]!.klageId !== klageId) problems.push(`${name}: ${klager.length} complaints in the fagsystem, not 1`);
    await person.api.dispose();
  }
  expect(problems).toEqual([]);
});

/**
 * Sending a message, as sending a søknad: under each fault the page says, in its language, that the
 * message was not sent, the text stays in the field and is the draft at a reload, the file chosen
 * with it waits in the draft; and sending again gives exactly one message, with the file (the form's
 * meldingId is the idempotency key).
 */
/**
 * Filing a call-back request under each fault: the advisor is told in words that it was not sent
 * and that what was typed is kept (the form shows it again, with the same ringTilbakeId); sending
 * again once the fault is gone gives exactly one request, also when the delayed send did arrive.
 */
test("fagsystem fault matrix: a call-back request, then sending again gives exactly one request", async () => {
  test.setTimeout(240_000);
  const problems: string[] = [];
  for (const { name, fault: kind } of FAULTS) {
    const who = await freshPerson(SHORT_SESSION_MOCK_CONTROL);
    const staff = await staffAbout(who);
    const search = await staff.api.post("/nb/nks", { form: { fnr: who.fnr }, maxRedirects: 0 });
    const path = `${search.headers()["location"]}/ring-tilbake`;
    const form = { ringTilbakeId: crypto.randomUUID(), tema: "UTBETALING", hastegrad: "I_DAG", telefonnummer: "41234567", kontakttid: "HELE_DAGEN", tolk: "nei", tolkesprak: "", notat: "Har ikke mat i kveld." };
    const fault: Fault = { path: "/api/v1/ringtilbake", method: "POST", fnr: who.fnr, ...kind };
    await addFault(fault, SHORT_SESSION_MOCK_CONTROL);
    let failed: APIResponse;
    try {
      failed = await staff.api.post(path, { form, maxRedirects: 0 });
    } finally {
      await removeFault(fault, SHORT_SESSION_MOCK_CONTROL);
    }
    const shown = visible(await failed.text());
    if (!shown.includes(text("nb", "nks", "callbackForm.errors.unavailable"))) problems.push(`${name}: no translated message (${failed.status()})`);
    if (!shown.includes("Har ikke mat i kveld.")) problems.push(`${name}: the note is not kept`);
    if (TECHNICAL.test(shown)) problems.push(`${name}: technical text shown`);
    if (failed.status() !== 503) problems.push(`${name}: status ${failed.status()}`);
    if ("delayMs" in kind) await new Promise((resolve) => setTimeout(resolve, kind.delayMs + 1_000));
    const again = await staff.api.post(path, { form, maxRedirects: 0 });
    if (again.status() !== 303) problems.push(`${name}: sending again gave ${again.status()}`);
    const filed = await ringTilbakeFor(who.fnr, SHORT_SESSION_MOCK_CONTROL);
    if (filed.length !== 1 || filed[0]!.ringTilbakeId !== form.ringTilbakeId) problems.push(`${name}: ${filed.length} requests in the fagsystem, not 1`);
    await staff.api.dispose();
  }
  expect(problems).toEqual([]);
});

test("fagsystem fault matrix: sending a message, then sending again gives exactly one message", async () => {
  test.setTimeout(240_000);
  const languages: Language[] = ["nb", "nn", "en", "nb"];
  const problems: string[] = [];
  for (const [index, { name, fault: kind }] of FAULTS.entries()) {
    const language = languages[index]!;
    const who = await freshPerson(SHORT_SESSION_MOCK_CONTROL);
    const person = { ...(await loggedIn(who, SHORT_SESSION_PORTAL)), id: who.id };
    const samtaleId = await generalSamtaleOf(person.fnr, SHORT_SESSION_MOCK_CONTROL);
    const page = `/${language}/meldinger/${samtaleId}`;
    const meldingId = await formMeldingId(person.api, page);
    const tekst = `Strømregningen forfaller fredag (${name}).`;
    const fault: Fault = { path: `/api/v1/samtaler/${samtaleId}/meldinger`, method: "POST", fnr: person.fnr, ...kind };
    await addFault(fault, SHORT_SESSION_MOCK_CONTROL);
    let failed: APIResponse;
    const started = Date.now();
    try {
      failed = await person.api.post(page, { multipart: { intent: "send", meldingId, tekst, [filesField("melding")]: await pdf() }, maxRedirects: 0 });
    } finally {
      await removeFault(fault, SHORT_SESSION_MOCK_CONTROL);
    }
    const seconds = (Date.now() - started) / 1000;
    const html = await failed.text();
    const shown = visible(html);
    if (!shown.includes(text(language, "meldinger", "errors.unavailable"))) problems.push(`${name}: not "not sent" in ${language} (${failed.status()}): ${shown.slice(0, 300)}`);
    if (TECHNICAL.test(shown)) problems.push(`${name}: technical text shown`);
    if (failed.status() >= 500 && failed.status() !== 503) problems.push(`${name}: status ${failed.status()}`);
    if (seconds > 9.5) problems.push(`${name}: the person waited ${seconds.toFixed(1)} s`);
    if (!new RegExp(`<textarea[^>]*name="tekst"[^>]*>${tekst.replace(/[()]/g, "\\$&")}</textarea>`).test(html)) problems.push(`${name}: the text is not in the field`);
    const reloaded = await (await person.api.get(page)).text();
    if (!reloaded.includes(`>${tekst}</textarea>`)) problems.push(`${name}: the text is not the draft at a reload`);
    if (!reloaded.includes("kontoutskrift.pdf")) problems.push(`${name}: the file chosen is not in the draft`);
    if (!reloaded.includes(`value="${meldingId}"`)) problems.push(`${name}: the draft has another meldingId`);

    // The delayed send may reach the fagsystem after the portal stopped waiting; sending again must not make a second message.
    if ("delayMs" in kind) await new Promise((resolve) => setTimeout(resolve, kind.delayMs + 1_000));
    const again = await person.api.post(page, { multipart: { intent: "send", meldingId, tekst }, maxRedirects: 0 });
    if (again.status() !== 302 || again.headers()["location"] !== `${page}?sendt=${meldingId}`) problems.push(`${name}: sending again did not send (${again.status()} ${again.headers()["location"]})`);
    const meldinger = await meldingerIn(samtaleId, SHORT_SESSION_MOCK_CONTROL);
    if (meldinger.length !== 1 || meldinger[0]!.meldingId !== meldingId || meldinger[0]!.tekst !== tekst) problems.push(`${name}: ${meldinger.length} messages in the fagsystem, not the one`);
    else if (meldinger[0]!.filer.length !== 1) problems.push(`${name}: the message carries ${meldinger[0]!.filer.length} files, not the one chosen`);
    await person.api.dispose();
  }
  expect(problems).toEqual([]);
});

/**
 * The header's count of unread messages is on every page a person sees logged in, and must never
 * hold a page up or break it: while the conversations cannot be had from the fagsystem (each
 * fault), every page still comes, at most about a second later than without the fault, with the
 * "Meldinger" link and no count; once the fault has cleared, the count is back.
 */
test("fagsystem fault matrix: the header's unread count failing or slow holds no page up", async () => {
  test.setTimeout(240_000);
  const who = await freshPerson(SHORT_SESSION_MOCK_CONTROL);
  const soknadId = await newSoknadFor(who.id, SHORT_SESSION_MOCK_CONTROL);
  await officeReply(await generalSamtaleOf(who.fnr, SHORT_SESSION_MOCK_CONTROL), { tekst: "Et svar som ikke er lest." }, SHORT_SESSION_MOCK_CONTROL);
  const { api, fnr } = await loggedIn(who, SHORT_SESSION_PORTAL);
  const pages = ["/nb", "/nb/mine-soknader", "/nb/utbetalinger", "/nb/soknad", "/nb/kontakt", `/nb/innsyn/${soknadId}`, "/nn/personvern"];
  const COUNT = 'class="site-header__unread"';
  const timed = async (path: string) => {
    const started = Date.now();
    const response = await api.get(path, { maxRedirects: 0 });
    return { status: response.status(), html: await response.text(), ms: Date.now() - started };
  };

  // Under each fault first: a count fetched once is kept for a while, and a page then asks for none.
  const underFault = new Map<string, number>();
  const problems: string[] = [];
  for (const { name, fault: kind } of FAULTS) {
    const fault: Fault = { path: "/api/v1/samtaler", method: "GET", fnr, ...kind };
    await addFault(fault, SHORT_SESSION_MOCK_CONTROL);
    try {
      for (const path of pages) {
        const { status, html, ms } = await timed(path);
        underFault.set(`${name} ${path}`, ms);
        if (status !== 200) problems.push(`${name}: ${path} answered ${status}`);
        if (html.includes(COUNT)) problems.push(`${name}: ${path} shows a count`);
        if (!/class="site-header__messages"[^>]*>(Meldinger|Meldingar)</.test(html)) problems.push(`${name}: ${path} has no link to the messages`);
        if (TECHNICAL.test(visible(html))) problems.push(`${name}: ${path} shows technical text`);
      }
    } finally {
      await removeFault(fault, SHORT_SESSION_MOCK_CONTROL);
    }
    // A call held by the delay ends at the portal's timeout (4 s): the count is asked for anew after it.
    if ("delayMs" in kind) await new Promise((resolve) => setTimeout(resolve, 4_500));
  }

  // Without the fault: the count is there (so its absence above was the fault), and how long each page takes.
  for (const path of pages) {
    const { html, ms } = await timed(path);
    if (!html.includes(COUNT)) problems.push(`no fault: ${path} shows no count`);
    for (const { name } of FAULTS) {
      const slower = underFault.get(`${name} ${path}`)! - ms;
      if (slower > 1_500) problems.push(`${name}: ${path} came ${(slower / 1000).toFixed(1)} s later than without the fault`);
    }
  }
  expect(problems).toEqual([]);
  await api.dispose();
});
