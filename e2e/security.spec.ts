/**
 * The access-control sweep and the session rules, at the HTTP level (no browser needed):
 * what another person, an anonymous visitor, a GET and another site get from every route
 * that changes something or carries an id.
 */
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import { request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { anonymous, fillKlage, formMeldingId, loggedIn, newDraft, sentKlage, startKlage } from "./http";
import { test, expect } from "./fixtures";
import { freshPerson, ringTilbakeFor, generalSamtaleOf, klagerOf, meldingerIn, moveKlageTo, newSoknadFor, officeReply, refusal, seededSoknadOf, soknaderOf } from "./mock-control";
import { allSteps } from "../app/soknad/steps";
import { klageSteps } from "../app/klage/steps";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";
import { MOCK_CONTROL, PORTAL, RATE_LIMITS, SHORT_SESSION_PORTAL } from "../playwright.config";
import { text } from "./locale";
import { persona } from "./personas";
import { send } from "./raw-http";

test.skip(({ browserName, isMobile, javaScriptEnabled }) => browserName !== "chromium" || isMobile || !javaScriptEnabled, "HTTP-level checks: the desktop project is enough");

/** The vedtak linked from the person's status page and its letter's file: the ids another person will try. */
async function idsOnStatusPage(api: APIRequestContext, soknadId: string) {
  const html = await (await api.get(`/nb/innsyn/${soknadId}`)).text();
  const letter = new RegExp(`/nb/innsyn/${soknadId}/vedtak/([^"?#/]+)`).exec(html)?.[1];
  expect(letter, "a vedtak link on the status page").toBeTruthy();
  const vedtakPage = await (await api.get(`/nb/innsyn/${soknadId}/vedtak/${letter}`)).text();
  const file = new RegExp(`/nb/innsyn/${soknadId}/dokument/([^"?#/]+)`).exec(vedtakPage)?.[1];
  expect(file, "the letter's file link on the vedtak page").toBeTruthy();
  return { letter: letter!, file: file! };
}

test("every page with an id answers 404 to another person and sends anonymous visitors to login", async () => {
  const owner = await loggedIn("innvilget");
  const other = await loggedIn("forstegang");
  const nobody = await anonymous();
  const draftId = await newDraft(owner.api);
  const soknadId = await seededSoknadOf(owner.fnr);
  const { letter, file } = await idsOnStatusPage(owner.api, soknadId);

  const pages = [
    `/nb/soknad/${draftId}`,
    ...allSteps.map((step) => `/nb/soknad/${draftId}/${step}`),
    `/nb/soknad/${draftId}/kvittering`,
    `/nb/soknad/${draftId}/kvittering.pdf`,
    `/nb/soknad/${draftId}/slett`,
    `/nb/innsyn/${soknadId}`,
    `/nb/innsyn/${soknadId}/vedtak/${letter}`,
    `/nb/innsyn/${soknadId}/dokument/${file}`,
  ];
  const problems: string[] = [];
  for (const path of pages) {
    const own = await owner.api.get(path, { maxRedirects: 0 });
    // A draft not yet sent has no receipt, not even for its owner.
    const ownOk = path.includes("/kvittering") ? own.status() === 404 : own.status() < 400;
    if (!ownOk) problems.push(`${path}: the owner got ${own.status()}`);
    const foreign = await other.api.get(path, { maxRedirects: 0 });
    if (foreign.status() !== 404) problems.push(`${path}: another person got ${foreign.status()}`);
    const body = await foreign.text();
    if (body.includes(owner.name) || body.includes(owner.fnr)) problems.push(`${path}: another person saw the owner's name or number`);
    const anonymousAnswer = await nobody.get(path, { maxRedirects: 0 });
    const location = anonymousAnswer.headers()["location"] ?? "";
    if (anonymousAnswer.status() !== 302 || !location.startsWith("/nb/logg-inn?returnTo=")) {
      problems.push(`${path}: anonymous got ${anonymousAnswer.status()} ${location}`);
    }
  }

  // Posting to another person's draft, deleting it or sending documents to their søknad: 404, nothing changes.
  const posts: Array<[string, Record<string, string>]> = [
    [`/nb/soknad/${draftId}/behov`, { intent: "next", behov: "husleie" }],
    [`/nb/soknad/${draftId}/oppsummering`, { intent: "next", confirm: "on" }],
    [`/nb/soknad/${draftId}/slett`, { intent: "delete" }],
    [`/nb/innsyn/${soknadId}`, { documentKey: "annet" }],
  ];
  const before = await soknaderOf(owner.fnr);
  for (const [path, form] of posts) {
    const foreign = await other.api.post(path, { form, maxRedirects: 0 });
    if (foreign.status() !== 404) problems.push(`POST ${path}: another person got ${foreign.status()}`);
    // The error page after a refused post is in the person's language (not translation keys).
    if (!(await foreign.text()).includes("Fant ikke siden")) problems.push(`POST ${path}: the 404 page is not in bokmål`);
    const anonymousAnswer = await nobody.post(path, { form, maxRedirects: 0 });
    if (anonymousAnswer.status() !== 302) problems.push(`POST ${path}: anonymous got ${anonymousAnswer.status()}`);
  }
  expect(problems).toEqual([]);
  expect((await owner.api.get(`/nb/soknad/${draftId}/behov`)).status(), "the draft is still there").toBe(200);
  expect(await soknaderOf(owner.fnr)).toHaveLength(before.length);
  for (const api of [owner.api, other.api, nobody]) await api.dispose();
});

test("a document is served under its own søknad only: another søknad of the same person answers 404", async () => {
  const owner = await loggedIn("innvilget");
  const soknadId = await seededSoknadOf(owner.fnr);
  const { file } = await idsOnStatusPage(owner.api, soknadId);
  // A newer søknad of the same person (the tests here take the seeded one, the oldest).
  const otherSoknad = await newSoknadFor("innvilget");
  expect((await owner.api.get(`/nb/innsyn/${soknadId}/dokument/${file}`)).status(), "under its own søknad").toBe(200);
  const elsewhere = await owner.api.get(`/nb/innsyn/${otherSoknad}/dokument/${file}`, { maxRedirects: 0 });
  expect(elsewhere.status(), "under the person's other søknad").toBe(404);
  expect((await owner.api.get(`/nb/innsyn/00000000-0000-4000-8000-000000000000/dokument/${file}`, { maxRedirects: 0 })).status(), "under a made-up søknad").toBe(404);
  await owner.api.dispose();
});

test("each step's page holds the fødselsnummer only where it shows it, hydration data included", async () => {
  const owner = await loggedIn("innvilget");
  const draftId = await newDraft(owner.api);
  const spaced = `${owner.fnr.slice(0, 6)} ${owner.fnr.slice(6)}`;
  const withFnr: string[] = [];
  for (const step of allSteps) {
    const answer = await owner.api.get(`/nb/soknad/${draftId}/${step}`);
    expect(answer.status(), step).toBe(200);
    const html = await answer.text();
    // The page as sent, with the data React hydrates from: what anyone reading the page source sees.
    expect(html, `${step}: hydration data`).toContain("window.__remixContext");
    if (html.includes(owner.fnr) || html.includes(spaced)) withFnr.push(step);
  }
  // Personalia shows it (hidden until asked for); the summary lists it as the PDF does.
  expect(withFnr).toEqual(["personalia", "oppsummering"]);
  await owner.api.dispose();
});

/* ---------- complaints (klage) ---------- */

/** A person of the test's own with one complaint draft (steps 1–3 answered) and one sent complaint, each about its own refusal. */
async function complainant() {
  const person = await freshPerson();
  const owner = await loggedIn(person);
  const draftDecision = await refusal(person.id);
  const sentDecision = await refusal(person.id);
  const draftId = await startKlage(owner.api, draftDecision);
  await fillKlage(owner.api, draftId, draftDecision.vedtakId, "Mine egne ord om vedtaket.");
  const sentId = await sentKlage(owner.api, sentDecision);
  // Open, with a letter (OPPRETTHOLDT) and a file sent after it, so its page links to all three kinds of document.
  await moveKlageTo(sentId, "OPPRETTHOLDT");
  const page = `/nb/innsyn/${sentDecision.soknadId}/klage/${sentId}`;
  const upload = await owner.api.post(page, { multipart: { intent: "last-opp:klage", "filer.klage": await pdfUpload("husleiekontrakt.pdf") } });
  expect(upload.status(), "a file for the sent complaint").toBe(200);
  const html = await (await owner.api.get(page)).text();
  const documents = [...new Set([...html.matchAll(new RegExp(`/nb/innsyn/${sentDecision.soknadId}/dokument/[^"?#]+`, "g"))].map((match) => match[0]))];
  // The complaint's PDF, the letter and the file.
  expect(documents.length, `documents on the complaint's page: ${documents.join(", ")}`).toBeGreaterThanOrEqual(3);
  return { ...owner, person, draftDecision, sentDecision, draftId, sentId, page, documents };
}

/** A real PDF as the upload field sends it. */
async function pdfUpload(name = "kontoutskrift.pdf") {
  return { name, mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(1)) };
}

test("complaints: the draft, the receipt, the complaint's page, its withdrawal and its documents answer 404 to another person (GET and POST) and send anonymous visitors to login", async () => {
  const owner = await complainant();
  const other = await loggedIn("forstegang");
  const nobody = await anonymous();
  const { draftId, sentId } = owner;
  const madeUp = "00000000-0000-4000-8000-000000000000";

  // What the owner gets at each address: a draft's steps, no receipt before it is sent; a sent one's receipt, its steps lead there.
  const pages: Array<[string, (status: number, location: string) => boolean]> = [
    ...klageSteps.map((step) => [`/nb/klage/${draftId}/${step}`, (status: number) => status === 200] as [string, (status: number, location: string) => boolean]),
    [`/nb/klage/${draftId}/kvittering`, (status) => status === 404],
    [`/nb/klage/${draftId}/kvittering/pdf`, (status) => status === 404],
    ...klageSteps.map(
      (step) => [`/nb/klage/${sentId}/${step}`, (status: number, location: string) => status === 302 && location === `/nb/klage/${sentId}/kvittering`] as [string, (status: number, location: string) => boolean],
    ),
    [`/nb/klage/${sentId}/kvittering`, (status) => status === 200],
    [`/nb/klage/${sentId}/kvittering/pdf`, (status) => status === 200],
    // The sent complaint's own page, its withdrawal and its documents; not under the person's other søknad, and not the draft.
    [owner.page, (status) => status === 200],
    [`${owner.page}/trekk`, (status) => status === 200],
    ...owner.documents.map((path) => [path, (status: number) => status === 200] as [string, (status: number, location: string) => boolean]),
    [`/nb/innsyn/${owner.draftDecision.soknadId}/klage/${sentId}`, (status) => status === 404],
    [`/nb/innsyn/${owner.draftDecision.soknadId}/klage/${sentId}/trekk`, (status) => status === 404],
    [`/nb/innsyn/${owner.sentDecision.soknadId}/klage/${draftId}`, (status) => status === 404],
    [`/nb/innsyn/${owner.sentDecision.soknadId}/klage/${madeUp}`, (status) => status === 404],
    ...owner.documents.map((path) => [path.replace(owner.sentDecision.soknadId, owner.draftDecision.soknadId), (status: number) => status === 404] as [string, (status: number, location: string) => boolean]),
    [`/nb/klage/${madeUp}/vedtak`, (status) => status === 404],
    [`/nb/klage/ikke-en-id/vedtak`, (status) => status === 404],
    [`/nb/klage/${draftId}/finnes-ikke`, (status) => status === 404],
  ];
  const problems: string[] = [];
  for (const [path, ownOk] of pages) {
    const own = await owner.api.get(path, { maxRedirects: 0 });
    if (!ownOk(own.status(), own.headers()["location"] ?? "")) problems.push(`${path}: the owner got ${own.status()} ${own.headers()["location"] ?? ""}`);
    const foreign = await other.api.get(path, { maxRedirects: 0 });
    if (foreign.status() !== 404) problems.push(`${path}: another person got ${foreign.status()}`);
    const body = await foreign.text();
    if (body.includes(owner.name) || body.includes(owner.fnr) || body.includes("Mine egne ord")) problems.push(`${path}: another person saw the owner's name, number or words`);
    const anonymousAnswer = await nobody.get(path, { maxRedirects: 0 });
    const location = anonymousAnswer.headers()["location"] ?? "";
    if (anonymousAnswer.status() !== 302 || !location.startsWith("/nb/logg-inn?returnTo=")) problems.push(`${path}: anonymous got ${anonymousAnswer.status()} ${location}`);
  }

  // Posts to another person's complaint: every step, its files, sending it; and starting one on their søknad.
  const fileId = "11111111-1111-4111-8111-111111111111";
  const posts: Array<[string, Record<string, string>]> = [
    [`/nb/klage`, { soknadId: owner.draftDecision.soknadId, vedtakId: owner.draftDecision.vedtakId }],
    [`/nb/klage`, { soknadId: madeUp, vedtakId: owner.draftDecision.vedtakId }],
    [`/nb/klage/${draftId}/vedtak`, { intent: "next", vedtakIds: owner.draftDecision.vedtakId }],
    [`/nb/klage/${draftId}/begrunnelse`, { intent: "autosave", tekst: "Skrevet av en annen" }],
    [`/nb/klage/${draftId}/begrunnelse`, { intent: "next", tekst: "Skrevet av en annen" }],
    [`/nb/klage/${draftId}/vedlegg`, { intent: `slett-fil:${fileId}` }],
    [`/nb/klage/${draftId}/oppsummering`, { intent: "next" }],
    [`/nb/klage/${draftId}/oppsummering`, { intent: "later" }],
    [`/nb/klage/${sentId}/oppsummering`, { intent: "next" }],
    [`${owner.page}/trekk`, {}],
    [`${owner.page}`, { intent: "last-opp:klage" }],
  ];
  for (const [path, form] of posts) {
    const foreign = await other.api.post(path, { form, maxRedirects: 0 });
    if (foreign.status() !== 404) problems.push(`POST ${path} ${JSON.stringify(form)}: another person got ${foreign.status()}`);
    if (!(await foreign.text()).includes("Fant ikke siden")) problems.push(`POST ${path}: the 404 page is not in bokmål`);
    const anonymousAnswer = await nobody.post(path, { form, maxRedirects: 0 });
    if (anonymousAnswer.status() !== 302 || !(anonymousAnswer.headers()["location"] ?? "").startsWith("/nb/logg-inn")) problems.push(`POST ${path}: anonymous got ${anonymousAnswer.status()}`);
  }
  // A file to another person's draft.
  // A file to another person's draft, and to their sent complaint.
  for (const path of [`/nb/klage/${draftId}/vedlegg`, owner.page]) {
    const upload = await other.api.post(path, { multipart: { intent: "last-opp:klage", "filer.klage": await pdfUpload() }, maxRedirects: 0 });
    if (upload.status() !== 404) problems.push(`an upload to another person's ${path}: ${upload.status()}`);
  }
  // The owner's own søknad with a decision it does not have, and a decision of another søknad of the owner's.
  for (const form of [
    { soknadId: owner.draftDecision.soknadId, vedtakId: "ikke-et-vedtak" },
    { soknadId: owner.draftDecision.soknadId, vedtakId: owner.sentDecision.vedtakId },
  ]) {
    const answer = await owner.api.post("/nb/klage", { form, maxRedirects: 0 });
    if (answer.status() !== 404) problems.push(`start with ${JSON.stringify(form)}: the owner got ${answer.status()}`);
  }
  expect(problems).toEqual([]);

  // Nothing changed: one complaint, still open with its one file; the draft as the owner left it, no file in it.
  const klager = (await klagerOf(owner.fnr)) as unknown as Array<{ klageId: string; filer: unknown[]; hendelser: Array<{ status?: string }> }>;
  expect(klager.map((klage) => klage.klageId)).toEqual([sentId]);
  expect(klager[0]!.filer).toHaveLength(1);
  expect(klager[0]!.hendelser.at(-1)?.status, "not withdrawn").toBe("OPPRETTHOLDT");
  const summary = await (await owner.api.get(`/nb/klage/${draftId}/oppsummering`)).text();
  expect(summary).toContain("Mine egne ord om vedtaket.");
  expect(summary).not.toContain("Skrevet av en annen");
  expect(summary).not.toContain("kontoutskrift.pdf");
  for (const api of [owner.api, other.api, nobody]) await api.dispose();
});

test("complaints: a GET changes nothing, and posts from another site are refused before they reach the portal's code", async () => {
  const owner = await complainant();
  const { draftId, draftDecision } = owner;
  const drafts = async () => [...(await (await owner.api.get("/nb")).text()).matchAll(/\/nb\/klage\/([0-9a-f-]{36})\//g)].map((match) => match[1]);
  const draftsBefore = new Set(await drafts());
  expect(draftsBefore, "the draft is on the front page").toContain(draftId);

  // A GET of the start (its fields in the query), of the summary with "send" in the query: nothing starts, nothing is sent.
  const start = await owner.api.get(`/nb/klage?soknadId=${owner.sentDecision.soknadId}&vedtakId=${owner.sentDecision.vedtakId}`, { maxRedirects: 0 });
  expect(start.headers()["location"] ?? "", "a GET of the start address starts nothing").not.toMatch(/\/vedtak$/);
  expect((await owner.api.get("/nb/klage", { maxRedirects: 0 })).headers()["location"]).toBe("/nb/mine-soknader");
  expect((await owner.api.get(`/nb/klage/${draftId}/oppsummering?intent=next`)).status()).toBe(200);
  expect((await owner.api.get(`/nb/klage/${draftId}/vedlegg?intent=slett-fil%3Ax`)).status()).toBe(200);
  // The withdrawal page only asks.
  expect((await owner.api.get(`${owner.page}/trekk`)).status()).toBe(200);
  expect((await owner.api.get(`${owner.page}/trekk?intent=trekk`)).status()).toBe(200);
  expect(new Set(await drafts())).toEqual(draftsBefore);
  expect(await klagerOf(owner.fnr)).toHaveLength(1);

  const evil = { Origin: "https://evil.example" };
  const crossSite: Array<[string, Record<string, string>]> = [
    [`/nb/klage`, { soknadId: owner.sentDecision.soknadId, vedtakId: owner.sentDecision.vedtakId }],
    [`/nb/klage/${draftId}/vedtak`, { intent: "next", vedtakIds: draftDecision.vedtakId }],
    [`/nb/klage/${draftId}/begrunnelse`, { intent: "autosave", tekst: "Fra en annen nettside" }],
    [`/nb/klage/${draftId}/vedlegg`, { intent: "slett-fil:x" }],
    [`/nb/klage/${draftId}/oppsummering`, { intent: "next" }],
    [`${owner.page}/trekk`, {}],
  ];
  for (const [path, form] of crossSite) {
    const answer = await owner.api.post(path, { form, headers: evil, maxRedirects: 0 });
    expect(answer.status(), `cross-site POST ${path}`).toBe(403);
    const fetchMetadata = await owner.api.post(path, { form, headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
    expect(fetchMetadata.status(), `cross-site form POST ${path} (Origin: null)`).toBe(403);
  }
  for (const path of [`/nb/klage/${draftId}/vedlegg`, owner.page]) {
    const upload = await owner.api.post(path, { multipart: { intent: "last-opp:klage", "filer.klage": await pdfUpload() }, headers: evil, maxRedirects: 0 });
    expect(upload.status(), `a cross-site upload to ${path}`).toBe(403);
  }
  expect(new Set(await drafts())).toEqual(draftsBefore);
  const klager = (await klagerOf(owner.fnr)) as unknown as Array<{ filer: unknown[]; hendelser: Array<{ status?: string }> }>;
  expect(klager).toHaveLength(1);
  expect(klager[0]!.filer, "no file came from another site").toHaveLength(1);
  expect(klager[0]!.hendelser.at(-1)?.status, "not withdrawn by a GET or another site").toBe("OPPRETTHOLDT");
  const summary = await (await owner.api.get(`/nb/klage/${draftId}/oppsummering`)).text();
  expect(summary).not.toContain("Fra en annen nettside");
  expect(summary).not.toContain("kontoutskrift.pdf");
  await owner.api.dispose();
});

test("complaint pages carry the security headers and are never cached; their HTML holds the fødselsnummer nowhere", async () => {
  const owner = await complainant();
  const { draftId, sentId } = owner;
  const spaced = `${owner.fnr.slice(0, 6)} ${owner.fnr.slice(6)}`;
  const html = [
    ...klageSteps.map((step) => `/nb/klage/${draftId}/${step}`),
    `/nb/klage/${sentId}/kvittering`,
    `/en/klage/${sentId}/kvittering`,
    owner.page,
    `${owner.page}/trekk`,
    owner.page.replace(/^\/nb\//, "/nn/"),
  ];
  const problems = await securityHeaderProblems(owner.api, [...html, `/nb/klage/${sentId}/kvittering/pdf`, ...owner.documents]);
  expect(problems).toEqual([]);
  const withFnr: string[] = [];
  for (const path of html) {
    const answer = await owner.api.get(path);
    expect(answer.status(), path).toBe(200);
    const page = await answer.text();
    expect(page, `${path}: hydration data`).toContain("window.__remixContext");
    if (page.includes(owner.fnr) || page.includes(spaced)) withFnr.push(path);
  }
  expect(withFnr, "the complaint's pages do not show the fødselsnummer (the PDF copy does)").toEqual([]);
  await owner.api.dispose();
});

/* ---------- messages (meldinger) ---------- */

const OWN_WORDS = "Mine egne ord til kontoret";
const DRAFT_WORDS = "Et utkast som ikke er sendt";

/**
 * A person of the test's own who has written in their general conversation (with a file), got an
 * answer with a letter, and has a draft with words and a file: every kind of id another person will try.
 */
async function messenger() {
  const person = await freshPerson();
  const owner = await loggedIn(person);
  const samtaleId = await generalSamtaleOf(owner.fnr);
  const page = `/nb/meldinger/${samtaleId}`;
  const sent = await owner.api.post(page, {
    multipart: { intent: "send", meldingId: await formMeldingId(owner.api, page), tekst: OWN_WORDS, "filer.melding": await pdfUpload("husleiekontrakt.pdf") },
    maxRedirects: 0,
  });
  expect(sent.status(), `the owner's message: ${(await sent.text()).slice(0, 300)}`).toBe(302);
  const reply = await officeReply(samtaleId, { tekst: "Svar fra kontoret med et brev.", vedlegg: true });
  const draftMeldingId = await formMeldingId(owner.api, page);
  const uploaded = await owner.api.post(page, { multipart: { intent: "last-opp:melding", meldingId: draftMeldingId, tekst: DRAFT_WORDS, "filer.melding": await pdfUpload("utkast.pdf") } });
  expect(uploaded.status(), "a file in the draft").toBe(200);
  const draftFileId = /value="slett-fil:([^"]+)"/.exec(await uploaded.text())?.[1];
  expect(draftFileId, "the draft file's delete button").toBeTruthy();
  const html = await (await owner.api.get(page)).text();
  const files = [...new Set([...html.matchAll(new RegExp(`${page}/fil/([0-9a-f-]{36})`, "g"))].map((match) => match[1]!))];
  // The person's own file and the office's letter.
  expect(files, "both messages' files linked").toHaveLength(2);
  expect(files).toContain(reply.filer[0]!.id);
  return { ...owner, person, samtaleId, page, files, officeFileId: reply.filer[0]!.id, draftMeldingId, draftFileId: draftFileId! };
}

/** A staff member (NAV Contact Centre) logged in through the staff login: the first staff test user (Z990001, with the role), or `navIdent`. Each call is a session of its own. */
async function staffMember(navIdent?: string) {
  const staff = await anonymous();
  const users = (await (await fetch(`${MOCK_CONTROL}/mock/nks-testbrukere`)).json()) as { navIdent: string }[];
  const who = navIdent ?? users[0]!.navIdent;
  expect(users.map((user) => user.navIdent), "a staff test user").toContain(who);
  expect((await staff.post("/nb/nks/logg-inn", { form: { navIdent: who }, maxRedirects: 0 })).status(), "staff login").toBe(302);
  return staff;
}

test("messages: the list, a conversation, its files and every action answer 404 to another person; anonymous visitors and staff go to login; nothing is stored", async () => {
  const owner = await messenger();
  const otherPerson = await freshPerson();
  const other = await loggedIn(otherPerson);
  const nobody = await anonymous();
  const staff = await staffMember();
  const { samtaleId, page } = owner;
  const otherSamtale = await generalSamtaleOf(other.fnr);
  const madeUp = "00000000-0000-4000-8000-000000000000";
  const before = await meldingerIn(samtaleId);
  expect(before.map((melding) => melding.tekst)).toEqual([OWN_WORDS, "Svar fra kontoret med et brev."]);

  // Staff are refused as on every applicant page: what they get at Mine søknader.
  const staffAnswer = await staff.get("/nb/mine-soknader", { maxRedirects: 0 });
  expect(staffAnswer.status(), "staff at an applicant page").toBe(302);
  expect(staffAnswer.headers()["location"]).toMatch(/^\/nb\/logg-inn\?returnTo=/);

  const problems: string[] = [];
  const expectAway = (who: string, path: string, answer: APIResponse) => {
    const location = answer.headers()["location"] ?? "";
    if (answer.status() !== 302 || !location.startsWith(`${path.slice(0, 3)}/logg-inn?returnTo=`)) problems.push(`${path}: ${who} got ${answer.status()} ${location}`);
  };
  const leaks = (body: string) => [owner.name, owner.fnr, OWN_WORDS, DRAFT_WORDS, "Svar fra kontoret"].filter((secret) => body.includes(secret));

  // The owner's addresses: the list, the conversation (and its older page), its files.
  const ownPages = ["/nb/meldinger", "/nn/meldinger", page, `/en/meldinger/${samtaleId}`, ...owner.files.map((file) => `${page}/fil/${file}`)];
  for (const path of ownPages) {
    const own = await owner.api.get(path, { maxRedirects: 0 });
    if (own.status() !== 200) problems.push(`${path}: the owner got ${own.status()}`);
    if (path.includes("/fil/") && !(await own.text()).startsWith("%PDF-")) problems.push(`${path}: the owner did not get the PDF`);
    expectAway("anonymous", path, await nobody.get(path, { maxRedirects: 0 }));
    expectAway("staff", path, await staff.get(path, { maxRedirects: 0 }));
  }

  // Another person: the owner's conversation and files, the owner's files through their own conversation, made-up ids.
  const foreignPages = [
    page,
    `${page}?eldre=${before[1]!.meldingId}`,
    `/nn/meldinger/${samtaleId}`,
    ...owner.files.map((file) => `${page}/fil/${file}`),
    `${page}/fil/${owner.draftFileId}`,
    ...owner.files.map((file) => `/nb/meldinger/${otherSamtale}/fil/${file}`),
    `/nb/meldinger/${otherSamtale}/fil/${owner.draftFileId}`,
    `/nb/meldinger/${madeUp}`,
    `/nb/meldinger/${madeUp}/fil/${owner.officeFileId}`,
    "/nb/meldinger/ikke-en-id",
    `/nb/meldinger/${samtaleId}/fil/ikke-en-id`,
  ];
  for (const path of foreignPages) {
    const foreign = await other.api.get(path, { maxRedirects: 0 });
    if (foreign.status() !== 404) problems.push(`${path}: another person got ${foreign.status()}`);
    const body = await foreign.text();
    if (leaks(body).length > 0) problems.push(`${path}: another person saw ${leaks(body).join(", ")}`);
    if (path.startsWith("/nb/") && !path.includes("/fil/") && !body.includes("Fant ikke siden")) problems.push(`${path}: the 404 page is not in bokmål`);
  }
  // The browser's poll for new messages (JSON): the owner's only, and never a login page to a script.
  const poll = `${page}/nytt`;
  const ownPoll = await owner.api.get(poll, { maxRedirects: 0 });
  if (ownPoll.status() !== 200 || !Array.isArray(((await ownPoll.json()) as { messages?: unknown }).messages)) problems.push(`${poll}: the owner got ${ownPoll.status()}`);
  if (!(ownPoll.headers()["cache-control"] ?? "").includes("no-store")) problems.push(`${poll}: not no-store`);
  for (const [who, context] of [["anonymous", nobody], ["staff", staff]] as const) {
    const answer = await context.get(poll, { maxRedirects: 0 });
    if (answer.status() !== 401 || leaks(await answer.text()).length > 0) problems.push(`${poll}: ${who} got ${answer.status()}`);
  }
  for (const path of [poll, `${poll}?etter=${before[1]!.meldingId}`, `/nb/meldinger/${madeUp}/nytt`]) {
    const foreign = await other.api.get(path, { maxRedirects: 0 });
    if (foreign.status() !== 404 || leaks(await foreign.text()).length > 0) problems.push(`${path}: another person got ${foreign.status()}`);
  }
  // Their own list names only their own conversation.
  const otherList = await (await other.api.get("/nb/meldinger")).text();
  if (otherList.includes(samtaleId) || leaks(otherList).length > 0) problems.push("another person's list shows the owner's conversation");

  // Every intent of the conversation's form, as another person, with a new meldingId and with the owner's draft's.
  const intents = ["send", "lagre", "last-opp:melding", `slett-fil:${owner.draftFileId}`];
  for (const meldingId of [madeUp.replace(/^0/, "1"), owner.draftMeldingId]) {
    for (const intent of intents) {
      const form = { intent, meldingId, tekst: "Skrevet av en annen" };
      const foreign = await other.api.post(page, { multipart: intent.startsWith("last-opp") ? { ...form, "filer.melding": await pdfUpload() } : form, maxRedirects: 0 });
      if (foreign.status() !== 404) problems.push(`POST ${intent} (${meldingId === owner.draftMeldingId ? "the owner's meldingId" : "a new meldingId"}): another person got ${foreign.status()}`);
      if (!(await foreign.text()).includes("Fant ikke siden")) problems.push(`POST ${intent}: the 404 page is not in bokmål`);
      // The autosave posts urlencoded (a fetcher): the same answer.
      const plain = await other.api.post(page, { form, maxRedirects: 0 });
      if (plain.status() !== 404) problems.push(`POST ${intent}, urlencoded: another person got ${plain.status()}`);
      const anonymousAnswer = await nobody.post(page, { form, maxRedirects: 0 });
      if (anonymousAnswer.status() !== 302 || !(anonymousAnswer.headers()["location"] ?? "").startsWith("/nb/logg-inn")) problems.push(`POST ${intent}: anonymous got ${anonymousAnswer.status()}`);
      const staffPost = await staff.post(page, { form, maxRedirects: 0 });
      if (staffPost.status() !== 302 || !(staffPost.headers()["location"] ?? "").startsWith("/nb/logg-inn")) problems.push(`POST ${intent}: staff got ${staffPost.status()}`);
    }
  }
  // A made-up conversation: the same 404.
  const madeUpPost = await other.api.post(`/nb/meldinger/${madeUp}`, { form: { intent: "send", meldingId: owner.draftMeldingId, tekst: "Skrevet av en annen" }, maxRedirects: 0 });
  if (madeUpPost.status() !== 404) problems.push(`POST to a made-up conversation: ${madeUpPost.status()}`);
  expect(problems).toEqual([]);

  // Nothing stored: the owner's conversation holds the same two messages, the draft its words and one file; the other's is empty.
  expect((await meldingerIn(samtaleId)).map((melding) => [melding.meldingId, melding.tekst, melding.filer.length])).toEqual(before.map((melding) => [melding.meldingId, melding.tekst, melding.filer.length]));
  expect((await meldingerIn(otherSamtale)).map((melding) => melding.tekst)).toEqual([]);
  const ownPage = await (await owner.api.get(page)).text();
  expect(ownPage).toContain(DRAFT_WORDS);
  expect(ownPage).not.toContain("Skrevet av en annen");
  expect([...ownPage.matchAll(/value="slett-fil:([^"]+)"/g)].map((match) => match[1])).toEqual([owner.draftFileId]);
  expect(await formMeldingId(owner.api, page), "the owner's draft keeps its id").toBe(owner.draftMeldingId);
  expect(await (await other.api.get(`/nb/meldinger/${otherSamtale}`)).text()).not.toContain("Skrevet av en annen");
  for (const api of [owner.api, other.api, nobody, staff]) await api.dispose();
});

test("messages: a GET changes nothing, other methods get 405, and posts from another site are refused", async () => {
  const owner = await messenger();
  const { page } = owner;
  const before = await meldingerIn(owner.samtaleId);
  // A GET with the form's fields in the query only shows the page.
  for (const query of [`intent=send&meldingId=${owner.draftMeldingId}&tekst=Fra+adressen`, `intent=slett-fil%3A${owner.draftFileId}&meldingId=${owner.draftMeldingId}`, "intent=lagre&tekst=Fra+adressen"]) {
    expect((await owner.api.get(`${page}?${query}`)).status(), query).toBe(200);
  }
  const cookie = await cookieOf(owner.api);
  for (const method of ["PUT", "DELETE", "PATCH"]) {
    const answer = await send(`${PORTAL}${page}`, { method, headers: { Origin: PORTAL, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: `intent=send&meldingId=${owner.draftMeldingId}&tekst=Med+${method}` });
    expect(answer.status, `${method} ${page}`).toBe(405);
    expect(answer.body).toContain("Dette kan ikke gjøres her");
  }
  // A file takes no posts: 405 in words, in the address's language (Remix's own answer is JSON saying "Unexpected Server Error").
  for (const path of owner.files.map((file) => `${page}/fil/${file}`)) {
    for (const [language, words] of [["nb", "Dette kan ikke gjøres her"], ["en", "This cannot be done here"]] as const) {
      const answer = await owner.api.post(path.replace(/^\/nb\//, `/${language}/`), { form: { intent: "send" }, maxRedirects: 0 });
      expect(answer.status(), `POST ${path}`).toBe(405);
      expect(await answer.text()).toContain(words);
    }
  }
  const evil = { Origin: "https://evil.example" };
  const form = { intent: "send", meldingId: owner.draftMeldingId, tekst: "Fra en annen nettside" };
  for (const intent of ["send", "lagre", `slett-fil:${owner.draftFileId}`]) {
    expect((await owner.api.post(page, { form: { ...form, intent }, headers: evil, maxRedirects: 0 })).status(), `cross-site ${intent}`).toBe(403);
    expect((await owner.api.post(page, { form: { ...form, intent }, headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 })).status(), `cross-site form ${intent}`).toBe(403);
  }
  const upload = await owner.api.post(page, { multipart: { ...form, intent: "last-opp:melding", "filer.melding": await pdfUpload() }, headers: evil, maxRedirects: 0 });
  expect(upload.status(), "a cross-site upload").toBe(403);

  expect((await meldingerIn(owner.samtaleId)).map((melding) => melding.meldingId)).toEqual(before.map((melding) => melding.meldingId));
  const html = await (await owner.api.get(page)).text();
  expect(html).toContain(DRAFT_WORDS);
  expect(html).not.toContain("Fra adressen");
  expect(html).not.toContain("Fra en annen nettside");
  expect([...html.matchAll(/value="slett-fil:([^"]+)"/g)].map((match) => match[1]), "the draft's file is still there, and no other").toEqual([owner.draftFileId]);
  await owner.api.dispose();
});

test("message pages and files carry the security headers and are never cached; their HTML holds the fødselsnummer nowhere", async () => {
  const owner = await messenger();
  const spaced = `${owner.fnr.slice(0, 6)} ${owner.fnr.slice(6)}`;
  const older = (await meldingerIn(owner.samtaleId)).at(-1)!.meldingId;
  const html = ["/nb/meldinger", "/en/meldinger", owner.page, `/nn/meldinger/${owner.samtaleId}`, `${owner.page}?eldre=${older}`];
  const files = owner.files.flatMap((file) => [`${owner.page}/fil/${file}`, `${owner.page}/fil/${file}?last-ned`]);
  expect(await securityHeaderProblems(owner.api, [...html, ...files])).toEqual([]);
  for (const path of files) {
    const answer = await owner.api.get(path);
    expect(answer.headers()["content-type"], path).toBe("application/pdf");
    expect(answer.headers()["content-disposition"], path).toMatch(path.endsWith("?last-ned") ? /^attachment;/ : /^inline;/);
  }
  const withFnr: string[] = [];
  for (const path of html) {
    const page = await (await owner.api.get(path)).text();
    expect(page, `${path}: hydration data`).toContain("window.__remixContext");
    if (page.includes(owner.fnr) || page.includes(spaced)) withFnr.push(path);
  }
  expect(withFnr).toEqual([]);
  await owner.api.dispose();
});

test("logins are limited per person and per address: 429, Retry-After and a page that says when to try again", async () => {
  test.setTimeout(180_000);
  const perPerson = Number(RATE_LIMITS.RATE_LIMIT_LOGINS_PER_PERSON);
  const perAddress = Number(RATE_LIMITS.RATE_LIMIT_LOGINS_PER_ADDRESS);
  const client = await anonymous();
  // Addresses and persons of this test's own (documentation addresses, numbers nobody has), so
  // that no other test is held; the portal reads X-Forwarded-For from a proxy on its own machine.
  const from = (address: string) => ({ "X-Forwarded-For": address });
  const expectRefusal = async (answer: APIResponse, language: "nb" | "nn" | "en") => {
    expect(answer.status()).toBe(429);
    const retryAfter = Number(answer.headers()["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const html = await answer.text();
    expect(html).toContain(text(language, "common", "errors.tooManyRequests.title"));
    expect(html).toContain(text(language, "common", "errors.tooManyRequests.body_one"));
  };

  // One person, tried from several addresses: the attempts over the limit are refused.
  for (let attempt = 0; attempt < perPerson; attempt++) {
    const answer = await client.post("/nb/logg-inn", { form: { fnr: "01019900001" }, headers: from(`203.0.113.${attempt}`), maxRedirects: 0 });
    expect(answer.status(), "a number nobody has: asked to choose again").toBe(400);
  }
  await expectRefusal(await client.post("/nn/logg-inn", { form: { fnr: "01019900001" }, headers: from("203.0.113.200"), maxRedirects: 0 }), "nn");

  // The staff login has the same wall for one NAV ident.
  for (let attempt = 0; attempt < perPerson; attempt++) {
    expect((await client.post("/nb/nks/logg-inn", { form: { navIdent: "Z999901" }, headers: from(`198.51.100.${attempt}`), maxRedirects: 0 })).status()).toBe(400);
  }
  await expectRefusal(await client.post("/en/nks/logg-inn", { form: { navIdent: "Z999901" }, headers: from("198.51.100.200"), maxRedirects: 0 }), "en");

  // One address, trying many persons: a script guessing numbers. Sent as data requests (the
  // action alone, no page), a few at a time.
  const script = from("192.0.2.77");
  for (let sent = 0; sent < perAddress; sent += 25) {
    const batch = Array.from({ length: Math.min(25, perAddress - sent) }, () => client.post("/nb/logg-inn.data", { form: { returnTo: "" }, headers: script, maxRedirects: 0 }));
    for (const answer of await Promise.all(batch)) expect(answer.status()).toBe(400);
  }
  await expectRefusal(await client.post("/nb/logg-inn", { form: { fnr: "01019900002" }, headers: script, maxRedirects: 0 }), "nb");
  // Others are not held: a person from another address logs in.
  const person = await loggedIn("forstegang");
  await person.api.dispose();
  await client.dispose();
});

/* ---------- the contact-centre view (NKS) ---------- */

/** The contact-centre routes (app/routes/$lang.nks.*): the sweep below names each one, so a new route fails it until it is swept. */
const NKS_ROUTE_FILES = fs.readdirSync(fileURLToPath(new URL("../app/routes", import.meta.url))).filter((file) => file.startsWith("$lang.nks."));

/** The search for `fnr` by a staff member with the role: the person's page under a new lookup id (the number in no address). */
async function lookupOf(staff: APIRequestContext, fnr: string): Promise<string> {
  const answer = await staff.post("/nb/nks", { form: { fnr }, maxRedirects: 0 });
  const location = answer.headers()["location"] ?? "";
  expect(answer.status(), `the search: ${location}`).toBe(303);
  expect(location, "the number is in no address").not.toContain(fnr);
  const lookupId = /^\/nb\/nks\/person\/([A-Za-z0-9_-]{24})$/.exec(location)?.[1];
  expect(lookupId, `a lookup id in ${location}`).toBeTruthy();
  return lookupId!;
}

test("contact-centre pages: anonymous visitors go to the staff login, applicants and staff without the role get 403, staff with the role open their own lookups only (another session's or a made-up one is a 404 that shows nothing)", async () => {
  const caller = await persona("under-behandling");
  const soknadId = await seededSoknadOf(caller.fnr);
  const strangersSoknad = await seededSoknadOf((await persona("innvilget")).fnr);
  const staff = await staffMember();
  // The same staff member logged in a second time: a session of its own, whose lookups are its own.
  const otherSession = await staffMember();
  const withoutRole = await staffMember("Z990002");
  const applicant = await loggedIn("avslag");
  const nobody = await anonymous();
  const lookupId = await lookupOf(staff, caller.fnr);
  const othersLookup = await lookupOf(otherSession, caller.fnr);
  const person = `/nb/nks/person/${lookupId}`;
  const soknad = `${person}/soknad/${soknadId}`;
  const madeUp = "AbCdEfGhIjKlMnOpQrStUvWx";

  // Each contact-centre route and the address it is swept at; the staff login is open to all (the rate-limit test covers it).
  const routes: Record<string, string | null> = {
    "$lang.nks._index.tsx": "/nb/nks",
    "$lang.nks.logg-inn.tsx": null,
    "$lang.nks.person.$lookupId._index.tsx": person,
    "$lang.nks.person.$lookupId.soknad.$soknadId.tsx": soknad,
    "$lang.nks.person.$lookupId.ring-tilbake.tsx": `${person}/ring-tilbake`,
  };
  expect(Object.keys(routes).sort(), "every contact-centre route in app/routes is swept here").toEqual([...NKS_ROUTE_FILES].sort());
  const pages = Object.values(routes).filter((path): path is string => path !== null);

  const problems: string[] = [];
  const leaks = (body: string) => [caller.name, caller.fnr, `${caller.fnr.slice(0, 6)} ${caller.fnr.slice(6)}`].filter((secret) => body.includes(secret));
  const forbidden = text("nb", "common", "errors.forbidden.title");
  // The page's markup without its scripts, which carry every translation of the page's namespaces.
  const shown = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  for (const path of pages) {
    const anonymousAnswer = await nobody.get(path, { maxRedirects: 0 });
    const location = anonymousAnswer.headers()["location"] ?? "";
    if (anonymousAnswer.status() !== 302 || !location.startsWith("/nb/nks/logg-inn?returnTo=")) problems.push(`${path}: anonymous got ${anonymousAnswer.status()} ${location}`);
    for (const [who, context] of [["an applicant", applicant.api], ["staff without the role", withoutRole]] as const) {
      const answer = await context.get(path, { maxRedirects: 0 });
      const body = await answer.text();
      if (answer.status() !== 403) problems.push(`${path}: ${who} got ${answer.status()}`);
      if (!shown(body).includes(forbidden)) problems.push(`${path}: ${who} did not get the forbidden page in bokmål`);
      if (leaks(body).length > 0) problems.push(`${path}: ${who} saw ${leaks(body).join(", ")}`);
    }
    const own = await staff.get(path, { maxRedirects: 0 });
    const body = await own.text();
    if (own.status() !== 200) problems.push(`${path}: the staff member who searched got ${own.status()}`);
    if (path !== "/nb/nks" && !body.includes(caller.name)) problems.push(`${path}: the staff member who searched does not see the name`);
    // The number stays on the server: not in the page, not in the data it hydrates from.
    if (body.includes(caller.fnr)) problems.push(`${path}: the fødselsnummer is in the page`);
  }

  // Another session's lookup (also the same staff member's), a made-up or malformed one, a søknad that is not the caller's: 404, nothing about the person.
  const expired = text("nb", "nks", "expired.title");
  const notFound: Array<[string, APIRequestContext, string]> = [
    ["another session", otherSession, person],
    ["another session", otherSession, soknad],
    ["made up", staff, `/nb/nks/person/${madeUp}`],
    ["made up", staff, `/nb/nks/person/${madeUp}/soknad/${soknadId}`],
    ["another session", otherSession, `${person}/ring-tilbake`],
    ["made up", staff, `/nb/nks/person/${madeUp}/ring-tilbake`],
    ["not a lookup id", staff, "/nb/nks/person/ikke-en-id"],
    ["made-up søknad", staff, `${person}/soknad/00000000-0000-4000-8000-000000000000`],
    ["another person's søknad", staff, `${person}/soknad/${strangersSoknad}`],
    ["not a søknad id", staff, `${person}/soknad/ikke-en-id`],
  ];
  for (const [why, context, path] of notFound) {
    const answer = await context.get(path, { maxRedirects: 0 });
    const body = await answer.text();
    if (answer.status() !== 404) problems.push(`${path} (${why}): ${answer.status()}`);
    if (!shown(body).includes(expired) && !shown(body).includes("Fant ikke siden")) problems.push(`${path} (${why}): not the 404 page in bokmål`);
    if (leaks(body).length > 0) problems.push(`${path} (${why}): shows ${leaks(body).join(", ")}`);
  }
  // The other session opens its own lookup of the same person: the 404 above is the binding, not a broken session.
  if ((await otherSession.get(`/nb/nks/person/${othersLookup}`, { maxRedirects: 0 })).status() !== 200) problems.push("the other session cannot open its own lookup");

  // A search posted by an applicant or by staff without the role: 403, nothing found; anonymous: the login.
  for (const [who, context] of [["an applicant", applicant.api], ["staff without the role", withoutRole]] as const) {
    const answer = await context.post("/nb/nks", { form: { fnr: caller.fnr }, maxRedirects: 0 });
    const body = await answer.text();
    if (answer.status() !== 403) problems.push(`POST /nb/nks: ${who} got ${answer.status()} ${answer.headers()["location"] ?? ""}`);
    if (leaks(body).length > 0) problems.push(`POST /nb/nks: ${who} saw ${leaks(body).join(", ")}`);
  }
  const anonymousSearch = await nobody.post("/nb/nks", { form: { fnr: caller.fnr }, maxRedirects: 0 });
  if (anonymousSearch.status() !== 302 || !(anonymousSearch.headers()["location"] ?? "").startsWith("/nb/nks/logg-inn")) problems.push(`POST /nb/nks: anonymous got ${anonymousSearch.status()}`);
  // The search posted from another site, in the staff member's session: refused before it is made.
  for (const headers of [{ Origin: "https://evil.example" }, { Origin: "null", "Sec-Fetch-Site": "cross-site" }] as Record<string, string>[]) {
    const crossSite = await staff.post("/nb/nks", { form: { fnr: caller.fnr }, headers, maxRedirects: 0 });
    if (crossSite.status() !== 403) problems.push(`cross-site POST /nb/nks (${JSON.stringify(headers)}): ${crossSite.status()} ${crossSite.headers()["location"] ?? ""}`);
  }
  expect(problems).toEqual([]);

  // The pages carry the security headers and are never cached.
  expect(await securityHeaderProblems(staff, [...pages, "/nb/nks/logg-inn"])).toEqual([]);

  for (const context of [staff, otherSession, withoutRole, applicant.api, nobody]) await context.dispose();
});

test("the call-back form: applicants and staff without the role get 403 on GET and POST, another session's lookup a 404, a cross-site POST files nothing; the advisor's own post files one", async () => {
  const caller = await freshPerson();
  const staff = await staffMember();
  const otherSession = await staffMember();
  const withoutRole = await staffMember("Z990002");
  const applicant = await loggedIn("avslag");
  const path = `/nb/nks/person/${await lookupOf(staff, caller.fnr)}/ring-tilbake`;
  const form = () => ({ ringTilbakeId: crypto.randomUUID(), tema: "SOKNAD", hastegrad: "I_DAG", telefonnummer: "41234567", kontakttid: "HELE_DAGEN", tolk: "nei", tolkesprak: "", notat: "Ring før kl. 15." });
  const forbidden = text("nb", "common", "errors.forbidden.title");
  const problems: string[] = [];
  for (const [who, context] of [["an applicant", applicant.api], ["staff without the role", withoutRole]] as const) {
    for (const answer of [await context.get(path, { maxRedirects: 0 }), await context.post(path, { form: form(), maxRedirects: 0 })]) {
      const body = await answer.text();
      if (answer.status() !== 403) problems.push(`${path}: ${who} got ${answer.status()}`);
      if (!body.includes(forbidden)) problems.push(`${path}: ${who} did not get the forbidden page`);
      if (body.includes(caller.name)) problems.push(`${path}: ${who} saw the name`);
    }
  }
  const others = await otherSession.post(path, { form: form(), maxRedirects: 0 });
  if (others.status() !== 404) problems.push(`another session's post: ${others.status()}`);
  for (const headers of [{ Origin: "https://evil.example" }, { Origin: "null", "Sec-Fetch-Site": "cross-site" }] as Record<string, string>[]) {
    const crossSite = await staff.post(path, { form: form(), headers, maxRedirects: 0 });
    if (crossSite.status() !== 403) problems.push(`cross-site POST (${JSON.stringify(headers)}): ${crossSite.status()}`);
  }
  expect(problems).toEqual([]);
  expect(await ringTilbakeFor(caller.fnr), "nothing filed").toEqual([]);
  // The advisor's own post, twice with the same form id (a double click): one request.
  const once = form();
  for (let attempt = 0; attempt < 2; attempt++) expect((await staff.post(path, { form: once, maxRedirects: 0 })).status()).toBe(303);
  expect((await ringTilbakeFor(caller.fnr)).map((request) => request.ringTilbakeId)).toEqual([once.ringTilbakeId]);
  for (const context of [staff, otherSession, withoutRole, applicant.api]) await context.dispose();
});

test("state changes refuse GET and posts from another site", async () => {
  const owner = await loggedIn("avslag");
  const draftId = await newDraft(owner.api);
  const before = (await soknaderOf(owner.fnr)).length;

  // A GET of a page that has a form only shows it: the draft is not deleted, nothing is sent, nobody is logged out.
  expect((await owner.api.get(`/nb/soknad/${draftId}/slett`)).status()).toBe(200);
  expect((await owner.api.get(`/nb/soknad/${draftId}/oppsummering?intent=next&confirm=on`)).status()).toBe(200);
  expect((await owner.api.get("/nb/logg-ut?intent=logout", { maxRedirects: 0 })).status()).toBeLessThan(400);
  expect((await owner.api.get(`/nb/soknad/${draftId}/personalia`)).status(), "still logged in, draft still there").toBe(200);
  expect((await soknaderOf(owner.fnr)).length).toBe(before);

  // The same posts from another site are refused before they reach the portal's code.
  const evil = { Origin: "https://evil.example" };
  const crossSite = [
    [`/nb/soknad`, { kind: "standard" }],
    [`/nb/soknad/${draftId}/behov`, { intent: "next" }],
    [`/nb/soknad/${draftId}/oppsummering`, { intent: "next", confirm: "on" }],
    [`/nb/soknad/${draftId}/slett`, { intent: "delete" }],
    [`/nb/logg-ut`, {}],
    [`/api/sesjon`, {}],
    [`/nb/logg-inn`, { fnr: owner.fnr }],
  ] as const;
  for (const [path, form] of crossSite) {
    const answer = await owner.api.post(path, { form: { ...form }, headers: evil, maxRedirects: 0 });
    expect(answer.status(), `cross-site POST ${path}`).toBe(403);
    const fetchMetadata = await owner.api.post(path, { form: { ...form }, headers: { Origin: "null", "Sec-Fetch-Site": "cross-site" }, maxRedirects: 0 });
    expect(fetchMetadata.status(), `cross-site form POST ${path} (Origin: null)`).toBe(403);
  }
  expect((await owner.api.get(`/nb/soknad/${draftId}/personalia`)).status()).toBe(200);
  expect((await soknaderOf(owner.fnr)).length).toBe(before);
  await owner.api.dispose();
});

test("after logout the old session cookie opens nothing", async () => {
  const person = await loggedIn("under-behandling");
  const { cookies } = await person.api.storageState();
  expect((await person.api.get("/nb/mine-soknader", { maxRedirects: 0 })).status()).toBe(200);
  expect((await person.api.post("/nb/logg-ut", { maxRedirects: 0 })).status()).toBe(302);

  // Someone who copied the cookie before the logout (or a browser that kept it) gets the login page.
  const replay = await playwrightRequest.newContext({ baseURL: PORTAL, storageState: { cookies, origins: [] } });
  const answer = await replay.get("/nb/mine-soknader", { maxRedirects: 0 });
  expect(answer.status()).toBe(302);
  expect(answer.headers()["location"]).toMatch(/^\/nb\/logg-inn/);
  expect(await (await replay.get("/nb")).text()).not.toContain(person.name);
  await replay.dispose();
  await person.api.dispose();
});

/** What is missing of the security headers on each page (CSP, nosniff, DENY, no-store; no HSTS on localhost). */
async function securityHeaderProblems(api: APIRequestContext, paths: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const path of paths) {
    const response = await api.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    if (response.status() >= 300 && response.status() < 400) problems.push(`${path}: a redirect (${response.status()}), not the page`);
    const csp = headers["content-security-policy"] ?? "";
    if (!/frame-ancestors 'none'/.test(csp) || !/script-src 'self' 'nonce-/.test(csp)) problems.push(`${path}: CSP ${csp}`);
    if (headers["x-content-type-options"] !== "nosniff") problems.push(`${path}: nosniff missing`);
    if (headers["x-frame-options"] !== "DENY") problems.push(`${path}: X-Frame-Options ${headers["x-frame-options"]}`);
    if (!/no-store/.test(headers["cache-control"] ?? "")) problems.push(`${path}: Cache-Control ${headers["cache-control"]}`);
    if (headers["strict-transport-security"]) problems.push(`${path}: HSTS on localhost would pin plain http`);
  }
  return problems;
}

test("every page carries the security headers; personal pages are never cached; HSTS outside localhost", async () => {
  const person = await loggedIn("innvilget");
  const draftId = await newDraft(person.api);
  const soknadId = await seededSoknadOf(person.fnr);
  const { letter, file } = await idsOnStatusPage(person.api, soknadId);
  const paths = [
    "/nb",
    "/nn/logg-inn",
    "/en/personvern",
    "/nb/tilgjengelighet",
    "/nb/kontakt",
    "/nb/finnes-ikke",
    "/nb/mine-soknader",
    "/nb/utbetalinger",
    "/nb/soknad",
    `/nb/soknad/${draftId}/personalia`,
    `/nb/soknad/${draftId}/oppsummering`,
    `/nb/innsyn/${soknadId}`,
    `/nb/innsyn/${soknadId}/vedtak/${letter}`,
    `/nb/innsyn/${soknadId}/vedtak/${letter}?last-ned`,
    `/nb/innsyn/${soknadId}/dokument/${file}`,
    "/api/sesjon",
  ];
  expect(await securityHeaderProblems(person.api, paths)).toEqual([]);

  // Behind a real host name (as in production behind TLS), the browser is told to stay on https.
  const behindProxy = await person.api.get("/nb", { headers: { Host: "sosialhjelp.nav.no" } });
  expect(behindProxy.headers()["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  await person.api.dispose();
});

/** Whether the request context is still logged in (the personal page opens, not the login). */
async function stillLoggedIn(api: APIRequestContext) {
  return (await api.get("/nb/mine-soknader", { maxRedirects: 0 })).status() === 200;
}

const cookieOf = async (api: APIRequestContext) => (await api.storageState()).cookies.map((cookie) => `${cookie.name}=${cookie.value}`).join("; ");

test("methods other than GET, HEAD and POST get 405 in words, and change nothing", async () => {
  const person = await loggedIn("aleneforelder");
  const draftId = await newDraft(person.api);
  const cookie = await cookieOf(person.api);
  const attempts: Array<[string, string]> = [
    ["TRACE", "/nb"],
    ["TRACE", "/nn/logg-ut"],
    ["PUT", "/nb/logg-ut"],
    ["DELETE", `/nb/soknad/${draftId}/slett`],
    ["PATCH", `/nb/soknad/${draftId}/behov`],
    ["OPTIONS", "/en/logg-inn"],
    ["PROPFIND", "/nb"],
  ];
  const problems: string[] = [];
  for (const [method, path] of attempts) {
    const answer = await send(`${PORTAL}${path}`, { method, headers: { Origin: PORTAL, Cookie: cookie }, body: "intent=delete&confirm=on" });
    if (answer.status !== 405) problems.push(`${method} ${path}: ${answer.status}`);
    if (answer.headers["allow"] !== "GET, HEAD, POST") problems.push(`${method} ${path}: Allow ${answer.headers["allow"]}`);
    const words = path.startsWith("/nn") ? "Dette kan ikkje gjerast her" : path.startsWith("/en") ? "This cannot be done here" : "Dette kan ikke gjøres her";
    if (!answer.body.includes(words)) problems.push(`${method} ${path}: not in words: ${answer.body.slice(0, 200)}`);
  }
  expect(problems).toEqual([]);
  // HEAD is a GET without the body, also at the addresses where Remix would run an action for it.
  for (const path of ["/nb/logg-ut.data", "/nb/logg-ut"]) {
    const head = await send(`${PORTAL}${path}`, { method: "HEAD", headers: { Origin: "https://evil.example", Cookie: cookie } });
    expect(head.status, `HEAD ${path}`).toBeLessThan(400);
  }
  expect(await stillLoggedIn(person.api), "PUT or HEAD to logout logged nobody out").toBe(true);
  expect((await person.api.get(`/nb/soknad/${draftId}/behov`)).status(), "DELETE deleted no draft").toBe(200);
  await person.api.dispose();
});

test("X-Forwarded-Host that differs from the Origin is refused with 403 where a proxy is trusted, and ignored where none is", async () => {
  const person = await persona("avslag");
  const login = (base: string, forwardedHost: string) =>
    send(`${base}/nb/logg-inn`, {
      headers: { Origin: base, "X-Forwarded-Host": forwardedHost, "Content-Type": "application/x-www-form-urlencoded" },
      body: `fnr=${person.fnr}&returnTo=`,
    });
  // The main test portal trusts a proxy on this machine (TRUST_PROXY=loopback).
  const forwarded = await login(PORTAL, "evil.example");
  expect(forwarded.status).toBe(403);
  expect(forwarded.body).toContain("Forespørselen kom fra en annen nettside enn vår");
  expect(forwarded.headers["set-cookie"], "nobody was logged in").toBeUndefined();
  const broken = await login(PORTAL, "a b");
  expect(broken.status, "a forwarded host that cannot be one").toBe(400);
  expect(broken.body).toContain("Vi kunne ikke lese det du sendte");
  const own = await login(PORTAL, new URL(PORTAL).host);
  expect(own.status, "the proxy forwarding the portal's own host").toBe(302);
  // The short-session portal trusts no proxy: the header is not believed and changes nothing.
  const untrusted = await login(SHORT_SESSION_PORTAL, "evil.example");
  expect(untrusted.status).toBe(302);
  expect(untrusted.headers["location"]).toBe("/nb");
});

test("a post with neither Origin nor Sec-Fetch-Site goes through only with this site's Referer", async () => {
  const person = await loggedIn("under-behandling");
  const { cookies } = await person.api.storageState();
  // A client that sends no Origin (curl, a script; no browser of today).
  const bare = await playwrightRequest.newContext({ baseURL: PORTAL, storageState: { cookies, origins: [] } });
  for (const referer of ["https://evil.example/side", "not a url", undefined]) {
    const answer = await bare.post("/nb/logg-ut", { form: {}, headers: referer ? { Referer: referer } : {}, maxRedirects: 0 });
    expect(answer.status(), `Referer ${referer}`).toBe(403);
    expect(await answer.text()).toContain("Vi stoppet forespørselen");
    expect(await stillLoggedIn(person.api), `still logged in after Referer ${referer}`).toBe(true);
  }
  const own = await bare.post("/nb/logg-ut", { form: {}, headers: { Referer: `${PORTAL}/nb` }, maxRedirects: 0 });
  expect(own.status()).toBe(302);
  expect(await stillLoggedIn(person.api), "this site's Referer: logged out").toBe(false);
  await bare.dispose();
  await person.api.dispose();
});

test("a returnTo with CR LF, or anything but a local path, is ignored at login", async () => {
  const person = await persona("innvilget");
  const problems: string[] = [];
  for (const returnTo of ["/nb\r\nSet-Cookie: stjal=1", "/nb/mine-soknader\nX: y", "https://evil.example/nb", "//evil.example/nb", "/nb/\u0000"]) {
    const nobody = await anonymous();
    const answer = await nobody.post("/nb/logg-inn", { form: { fnr: person.fnr, returnTo }, maxRedirects: 0 });
    if (answer.status() !== 302 || answer.headers()["location"] !== "/nb") problems.push(`${JSON.stringify(returnTo)}: ${answer.status()} ${answer.headers()["location"]}`);
    if ((answer.headers()["set-cookie"] ?? "").includes("stjal")) problems.push(`${JSON.stringify(returnTo)}: a header was injected`);
    await nobody.dispose();
  }
  expect(problems).toEqual([]);
});

test("the real login's addresses (docs/decisions/028) do nothing under mocks, and its landing pages send nobody elsewhere", async () => {
  const nobody = await anonymous();
  for (const path of ["/oauth2/idporten/callback?code=x&state=y", "/oauth2/entra/callback?code=x&state=y", "/oauth2/idporten/frontchannel-logout?sid=x", "/oauth2/nope/callback"]) {
    const answer = await nobody.get(path, { maxRedirects: 0 });
    expect(answer.status(), path).toBe(404);
    expect(answer.headers()["set-cookie"] ?? "", path).not.toContain("sesjon=");
  }
  // After the provider's logout: only the portal's own logged-out page, in a known language, whatever the state says.
  for (const [state, location] of [
    ["nn", "/nn/logget-ut"],
    ["en-inaktiv", "/en/logget-ut?arsak=inaktiv"],
    ["https://evil.example", "/nb/logget-ut"],
    ["//evil.example", "/nb/logget-ut"],
  ]) {
    const answer = await nobody.get(`/oauth2/logget-ut?state=${encodeURIComponent(state!)}`, { maxRedirects: 0 });
    expect(answer.headers()["location"], state).toBe(location);
  }
  // The refusal page shows its own words for a reason it knows, and the general refusal for anything else: nothing of the URL.
  const made = await nobody.get("/nb/innlogging-feilet?arsak=%3Cscript%3Ealert(1)%3C/script%3E");
  expect(made.status()).toBe(200);
  const html = await made.text();
  expect(html).toContain(text("nb", "auth", "loginFailed.title.refused"));
  expect(html).not.toContain("<script>alert");
  await nobody.dispose();
});

test("bodies: too large (413), chunked or not, refused before they are read; not a form (415) or broken (400) in words", async () => {
  test.setTimeout(120_000);
  const tooLarge = "Det du sendte, var for stort";
  const form = { Origin: PORTAL, "Content-Type": "application/x-www-form-urlencoded" };
  // Anonymous: logout, login and the session API take 16 kB.
  const body17k = `reason=inactive&x=${"a".repeat(17 * 1024)}`;
  for (const chunked of [false, true]) {
    const logout = await send(`${PORTAL}/nb/logg-ut`, { headers: form, body: body17k, chunked });
    expect(logout.status, `17 kB to logout${chunked ? ", chunked" : ""}`).toBe(413);
    expect(logout.body).toContain(tooLarge);
    const login = await send(`${PORTAL}/en/logg-inn`, { headers: form, body: body17k, chunked });
    expect(login.status).toBe(413);
    expect(login.body).toContain("What you sent was too large");
  }
  // 100 MB, declared or chunked, to an anonymous route: the answer comes while the client is still
  // sending, which stops it (as curl and browsers do) long before the end.
  for (const chunked of [false, true]) {
    const started = Date.now();
    const flood = await send(`${PORTAL}/nb/logg-ut`, { headers: form, streamBytes: 100 * 1024 * 1024, declaredLength: chunked ? undefined : 100 * 1024 * 1024 });
    expect(flood.status, `100 MB${chunked ? " chunked" : ""}`).toBe(413);
    expect(flood.sentBytes, "refused long before the end").toBeLessThan(50 * 1024 * 1024);
    expect(Date.now() - started).toBeLessThan(15_000);
  }

  // Logged in: a refused logout logs nobody out; a step takes 256 kB, and not more when chunked.
  const person = await loggedIn("forstegang");
  const draftId = await newDraft(person.api);
  const cookie = await cookieOf(person.api);
  const refusedLogout = await send(`${PORTAL}/nb/logg-ut`, { headers: { ...form, Cookie: cookie }, body: body17k });
  expect(refusedLogout.status).toBe(413);
  expect(await stillLoggedIn(person.api), "a refused logout changes nothing").toBe(true);
  const step = `${PORTAL}/nb/soknad/${draftId}/behov`;
  const details = `intent=autosave&categories=husleie&details=${"b".repeat(300 * 1024)}`;
  for (const chunked of [false, true]) {
    const answer = await send(step, { headers: { ...form, Cookie: cookie }, body: details, chunked });
    expect(answer.status, `300 kB to a step${chunked ? ", chunked" : ""}`).toBe(413);
    expect(answer.body).toContain(tooLarge);
  }
  const fits = await send(step, { headers: { ...form, Cookie: cookie }, body: `intent=autosave&categories=husleie&details=${"c".repeat(1000)}`, chunked: true });
  expect(fits.status, "a step form within the limit, chunked").toBe(200);

  // Not a form, or not readable as one: words, and nothing done.
  const json = await send(`${PORTAL}/nb/logg-ut`, { headers: { Origin: PORTAL, "Content-Type": "application/json", Cookie: cookie }, body: '{"reason":"inactive"}' });
  expect(json.status).toBe(415);
  expect(json.body).toContain("Det du sendte, var ikke et skjema fra denne siden");
  const broken = await send(`${PORTAL}/nn/logg-ut`, { headers: { ...form, Cookie: cookie }, body: "reason=%FF%zz" });
  expect(broken.status).toBe(400);
  expect(broken.body).toContain("Vi kunne ikkje lese det du sende");
  expect(await stillLoggedIn(person.api)).toBe(true);
  await person.api.dispose();
});

test.describe("on the portal with short session times", () => {
  // SESSION_IDLE_SECONDS=30, SESSION_MAX_SECONDS=75 (playwright.config.ts; long enough that the
  // timeout-warning tests on this portal never meet the absolute end).
  test("a session ends at its absolute lifetime, however active the person is", async () => {
    test.setTimeout(120_000);
    const person = await loggedIn("aleneforelder", SHORT_SESSION_PORTAL);
    const started = Date.now();
    // Active every 10 s, well inside the 30 s idle timeout.
    while (Date.now() - started < 65_000) {
      const answer = await person.api.get("/nb/mine-soknader", { maxRedirects: 0 });
      expect(answer.status(), `still logged in after ${Math.round((Date.now() - started) / 1000)} s`).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + 77_000 - Date.now())));
    const answer = await person.api.get("/nb/mine-soknader", { maxRedirects: 0 });
    expect(answer.status()).toBe(302);
    expect(answer.headers()["location"]).toMatch(/^\/nb\/logg-inn/);
    await person.api.dispose();
  });
});

/* ---------- the guides (veivisere) and asking for advice ---------- */

/** The advice form's id (its idempotency key) as the page gives it. */
async function formRadgivningId(api: APIRequestContext): Promise<string> {
  const html = await (await api.get("/nb/veiviser/okonomi-og-gjeld/be-om-rad")).text();
  const id = /name="radgivningId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
  expect(id, "the advice form's radgivningId").toBeTruthy();
  return id!;
}

test("the guides and their tools are public and never cached; asking for advice and a saved budget are the person's own: another person's receipt is a 404 and their budget unseen, anonymous visitors go to login, and a post from another site sends and saves nothing", async () => {
  const owner = await loggedIn(await freshPerson());
  const other = await loggedIn(await freshPerson());
  const nobody = await anonymous();
  const advicePath = "/nb/veiviser/okonomi-og-gjeld/be-om-rad";
  const radgivningId = await formRadgivningId(owner.api);
  const sent = await owner.api.post(advicePath, { form: { radgivningId, beskrivelse: "Jeg trenger hjelp med gjeld.", kontaktmate: "BREV", telefonnummer: "", kontakttid: "" }, maxRedirects: 0 });
  expect(sent.status(), (await sent.text()).slice(0, 300)).toBe(302);
  const receipt = sent.headers()["location"]!;
  expect(receipt).toBe(`${advicePath}/kvittering/${radgivningId}`);

  const problems: string[] = [];
  // The guides need no login and show the same to everybody.
  const publicPages = [
    "/nb/veiviser",
    "/nn/veiviser/sosialhjelp",
    "/en/veiviser/sosialhjelp/satser",
    "/nb/veiviser/sosialhjelp/hjelp-i-dag?kommune=0301",
    "/nn/veiviser/okonomi-og-gjeld/gratis-hjelp",
  ];
  for (const path of publicPages) {
    const answer = await nobody.get(path, { maxRedirects: 0 });
    if (answer.status() !== 200) problems.push(`${path}: anonymous got ${answer.status()}`);
  }
  // The receipt is the owner's; the form needs a login.
  if ((await owner.api.get(receipt, { maxRedirects: 0 })).status() !== 200) problems.push(`${receipt}: the owner could not open it`);
  const foreign = await other.api.get(receipt, { maxRedirects: 0 });
  if (foreign.status() !== 404) problems.push(`${receipt}: another person got ${foreign.status()}`);
  if ((await foreign.text()).includes("Jeg trenger hjelp med gjeld")) problems.push(`${receipt}: another person saw the request`);
  for (const path of [advicePath, receipt]) {
    const answer = await nobody.get(path, { maxRedirects: 0 });
    if (answer.status() !== 302 || !(answer.headers()["location"] ?? "").startsWith("/nb/logg-inn?returnTo=")) problems.push(`${path}: anonymous got ${answer.status()} ${answer.headers()["location"]}`);
  }
  const anonymousPost = await nobody.post(advicePath, { form: { radgivningId: crypto.randomUUID(), beskrivelse: "x", kontaktmate: "BREV" }, maxRedirects: 0 });
  if (anonymousPost.status() !== 302) problems.push(`POST ${advicePath}: anonymous got ${anonymousPost.status()}`);

  // Another person posting the owner's id sends nothing in the owner's name.
  await other.api.post(advicePath, { form: { radgivningId, beskrivelse: "Fra en annen", kontaktmate: "BREV" }, maxRedirects: 0 });
  // A post from another site is refused before the portal's code.
  const crossSite = await owner.api.post(advicePath, {
    form: { radgivningId: crypto.randomUUID(), beskrivelse: "Fra en annen side", kontaktmate: "BREV" },
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    maxRedirects: 0,
  });
  if (crossSite.status() !== 403) problems.push(`POST ${advicePath} from another site: ${crossSite.status()}`);
  const ownRequests = (await (await fetch(`${MOCK_CONTROL}/api/v1/radgivning`, { headers: { "Nav-Personident": owner.fnr } })).json()) as { beskrivelse: string }[];
  expect(ownRequests.map((request) => request.beskrivelse)).toEqual(["Jeg trenger hjelp med gjeld."]);

  // The budget: a saved one is its owner's only (kept by person, no id to guess), its PDF needs a login, a post from another site saves nothing.
  const budgetPath = "/nb/veiviser/okonomi-og-gjeld/budsjett";
  const budget = { "income.wages": "21 500", "cost.housing": "9 800", "debt.0.kind": "inkasso", "debt.0.creditor": "Eieren sin kreditor AS", "debt.0.owed": "12 000", "debt.0.monthly": "500" };
  const saved = await owner.api.post(budgetPath, { form: { ...budget, intent: "save" }, maxRedirects: 0 });
  if (saved.status() >= 400) problems.push(`POST ${budgetPath} save: the owner got ${saved.status()}`);
  if (!(await (await owner.api.get(budgetPath)).text()).includes("Eieren sin kreditor AS")) problems.push(`${budgetPath}: the owner's saved budget is not shown`);
  if ((await (await other.api.get(budgetPath)).text()).includes("Eieren sin kreditor AS")) problems.push(`${budgetPath}: another person saw the owner's budget`);
  const othersPdf = await other.api.get(`${budgetPath}/pdf`, { maxRedirects: 0 });
  if (othersPdf.status() !== 404) problems.push(`${budgetPath}/pdf: another person without a budget got ${othersPdf.status()}`);
  const anonymousPdf = await nobody.get(`${budgetPath}/pdf`, { maxRedirects: 0 });
  if (anonymousPdf.status() !== 302 || !(anonymousPdf.headers()["location"] ?? "").startsWith("/nb/logg-inn?returnTo=")) problems.push(`${budgetPath}/pdf: anonymous got ${anonymousPdf.status()}`);
  const crossSiteBudget = await other.api.post(budgetPath, { form: { ...budget, intent: "save" }, headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  if (crossSiteBudget.status() !== 403) problems.push(`POST ${budgetPath} from another site: ${crossSiteBudget.status()}`);
  if ((await other.api.get(`${budgetPath}/pdf`, { maxRedirects: 0 })).status() !== 404) problems.push(`${budgetPath}: a post from another site saved a budget`);

  const tools = ["/nb/veiviser/sosialhjelp/for-du-soker", "/nn/veiviser/okonomi-og-gjeld/budsjett"];
  problems.push(...(await securityHeaderProblems(owner.api, [...publicPages, ...tools, budgetPath, `${budgetPath}/pdf`, advicePath, receipt])));
  expect(problems).toEqual([]);
  for (const api of [owner.api, other.api, nobody]) await api.dispose();
});
