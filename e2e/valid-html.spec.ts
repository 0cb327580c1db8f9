/**
 * Valid HTML: the pages the end-to-end tests visit, as the portal sends them (HTTP, no browser),
 * checked with the Nu Html Checker (the `vnu-jar` package; needs Java 11 or later). Every page is
 * saved first and the checker runs once over all of them at the end: it is a JVM start.
 * Any error fails the test, listed per page; warnings do not.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { createRequire } from "node:module";
import { test, expect } from "./fixtures";
import { MOCK_CONTROL, PORTAL } from "../playwright.config";
import { Browser, completeStep, expectRedirect, expectStatus, STANDARD_STEPS } from "./resilience/client";
import { fillConversation, freshPerson, generalSamtaleOf, moveKlageTo, newSoknadFor, officeReads, officeReply, refusal, samtalerOf, seededSoknadOf, type KlageTestState } from "./mock-control";
import { persona } from "./personas";
import { allGuidePagePaths } from "../app/veiviser/guides";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";

test.skip(({ browserName, isMobile, javaScriptEnabled }) => browserName !== "chromium" || isMobile || !javaScriptEnabled, "the HTML the server sends is the same in every project");

const run = promisify(execFile);
const vnuJar = path.join(path.dirname(createRequire(import.meta.url).resolve("vnu-jar/package.json")), "build/dist/vnu.jar");

type VnuMessage = { type: string; subType?: string; url: string; message: string; extract?: string; lastLine?: number };

/** Runs the checker once over `files`; its errors, per file. */
async function vnuErrors(files: string[]): Promise<VnuMessage[]> {
  const java = process.env.JAVA ?? "java";
  // --exit-zero-always: the errors are read from the report, not from the exit code.
  const { stdout, stderr } = await run(java, ["-jar", vnuJar, "--format", "json", "--errors-only", "--exit-zero-always", ...files], { maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stderr || stdout) as { messages: VnuMessage[] };
  return report.messages.filter((message) => message.type === "error" || message.subType === "fatal");
}

test("every page the end-to-end tests visit is valid HTML (Nu Html Checker)", async () => {
  test.setTimeout(300_000);
  const dir = test.info().outputPath("html");
  fs.mkdirSync(dir, { recursive: true });
  const saved: { file: string; name: string }[] = [];
  const save = (name: string, html: string) => {
    const file = path.join(dir, `${String(saved.length + 1).padStart(3, "0")}-${name.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}.html`);
    fs.writeFileSync(file, html);
    saved.push({ file, name });
  };
  const visit = async (browser: Browser, name: string, pagePath: string, status = 200) => {
    save(name, expectStatus(await browser.get(pagePath), status).html);
  };

  // Anonymous: the public pages in every language, the logins, their error states, the 404.
  const anonymous = new Browser(PORTAL);
  for (const language of ["nb", "nn", "en"]) await visit(anonymous, `landing ${language}`, `/${language}`);
  for (const [name, pagePath] of [
    ["login", "/nb/logg-inn"],
    ["staff login", "/nb/nks/logg-inn"],
    ["privacy", "/nb/personvern"],
    ["accessibility statement", "/nb/tilgjengelighet"],
    ["contact", "/nb/kontakt"],
    ["logged out", "/nb/logget-ut"],
    ["login refused", "/nb/innlogging-feilet?arsak=cancelled"],
    ["staff login refused", "/nb/innlogging-feilet?arsak=unavailable&for=nks"],
  ]) {
    await visit(anonymous, name!, pagePath!);
  }
  await visit(anonymous, "not found", "/nb/finnes-ikke", 404);
  save("login, nobody chosen", expectStatus(await anonymous.post("/nb/logg-inn", { returnTo: "" }), 400).html);

  // Staff: the search page, a wrong number, a refused one, the caller's page and each of their søknader (nylig-hjelp's
  // paper søknad among them), a lookup that is gone; and what staff without the contact-centre role get.
  const staffUsers = (await (await fetch(`${MOCK_CONTROL}/mock/nks-testbrukere`)).json()) as { navIdent: string; roles: string[] }[];
  const staff = new Browser(PORTAL);
  expect((await staff.post("/nb/nks/logg-inn", { navIdent: staffUsers.find((user) => user.roles.includes("nks"))!.navIdent })).status).toBe(302);
  await visit(staff, "staff page", "/nb/nks");
  save("staff search with an error", expectStatus(await staff.post("/nb/nks", { fnr: "123" }), 400).html);
  save("staff search refused", expectStatus(await staff.post("/nb/nks", { fnr: (await persona("kode6")).fnr }), 200).html);
  const staffSoknadPages: string[] = [];
  for (const caller of ["under-behandling", "nylig-hjelp"]) {
    const personPage = expectRedirect(await staff.post("/nb/nks", { fnr: (await persona(caller)).fnr }), /^\/nb\/nks\/person\/[\w-]{24}$/).location!;
    const html = expectStatus(await staff.get(personPage), 200).html;
    save(`staff: the caller's page (${caller})`, html);
    if (caller === "under-behandling") {
      save("staff: the call-back form", expectStatus(await staff.get(`${personPage}/ring-tilbake`), 200).html);
      save("staff: the call-back form with errors", expectStatus(await staff.post(`${personPage}/ring-tilbake`, { notat: "x".repeat(501) }), 400).html);
    }
    const soknadPages = [...new Set([...html.matchAll(/\/nb\/nks\/person\/[\w-]{24}\/soknad\/[0-9a-f-]{36}/g)].map((match) => match[0]))];
    expect(soknadPages.length, `søknader linked from ${caller}'s page`).toBeGreaterThan(0);
    for (const [index, soknadPage] of soknadPages.entries()) {
      const soknadHtml = expectStatus(await staff.get(soknadPage), 200).html;
      save(`staff: ${caller}'s søknad ${index + 1}`, soknadHtml);
      staffSoknadPages.push(soknadHtml);
    }
  }
  // In the page, not in the translations its scripts carry.
  const paper = staffSoknadPages.filter((html) => html.replace(/<script\b[\s\S]*?<\/script>/gi, "").includes("Søknaden kom på papir."));
  expect(paper, "one paper søknad among the staff's søknad pages").toHaveLength(1);
  await visit(staff, "staff: a lookup that is gone", "/nb/nks/person/AbCdEfGhIjKlMnOpQrStUvWx", 404);
  const withoutRole = new Browser(PORTAL);
  expect((await withoutRole.post("/nb/nks/logg-inn", { navIdent: staffUsers.find((user) => user.roles.length === 0)!.navIdent })).status).toBe(302);
  await visit(withoutRole, "staff without the role", "/nb/nks", 403);

  // Following the case: a granted søknad with a decision and payments, and one with tasks.
  const granted = new Browser(PORTAL);
  const innvilget = await persona("innvilget");
  await granted.login(innvilget.fnr);
  const grantedSoknad = await seededSoknadOf(innvilget.fnr);
  await visit(granted, "front page, logged in", "/nb");
  await visit(granted, "my applications", "/nb/mine-soknader");
  await visit(granted, "payments", "/nb/utbetalinger");
  await visit(granted, "messages", "/nb/meldinger");
  const statusPage = expectStatus(await granted.get(`/nb/innsyn/${grantedSoknad}`), 200).html;
  save("status page, granted", statusPage);
  const vedtak = new RegExp(`/nb/innsyn/${grantedSoknad}/vedtak/[^"?#]+`).exec(statusPage)?.[0];
  expect(vedtak, "a decision linked from the status page").toBeTruthy();
  await visit(granted, "decision", vedtak!);
  await visit(granted, "start page", "/nb/soknad");

  // The seeded søknad with documents asked for: tasks with an upload each.
  const processing = await persona("under-behandling");
  const waiting = new Browser(PORTAL);
  await waiting.login(processing.fnr);
  await visit(waiting, "status page with tasks to upload for", `/nb/innsyn/${await seededSoknadOf(processing.fnr)}`);

  // The application: every step as it first shows, a step with errors, the summary, delete, the receipt.
  // A synthetic person of its own (no søknader yet), so sending here takes nothing from the personas' two a day.
  const applicant = new Browser(PORTAL);
  await applicant.login((await freshPerson()).fnr);
  const draftId = await applicant.startDraft();
  const base = `/nb/soknad/${draftId}`;
  save("behov with errors", expectStatus(await applicant.post(`${base}/behov`, { intent: "next" }), 400).html);
  let page = await applicant.page(`${base}/personalia`);
  for (const step of STANDARD_STEPS) {
    save(`step ${step}`, page.html);
    if (step === "oppsummering") break;
    page = await completeStep(applicant, draftId, step, page, "vnu");
  }
  await visit(applicant, "delete the draft?", `${base}/slett`);
  const sent = await completeStep(applicant, draftId, "oppsummering", page, "vnu");
  expect(new URL(sent.path, PORTAL).pathname).toBe(`${base}/kvittering`);
  for (const language of ["nb", "nn", "en"]) await visit(applicant, `receipt ${language}`, `/${language}/soknad/${draftId}/kvittering`);

  // The complaint, by a person of its own: the start's failure page, every step, its errors, a file, the summary, the receipt.
  const complainant = await freshPerson();
  const klager = new Browser(PORTAL);
  await klager.login(complainant.fnr);
  const decision = await refusal(complainant.id);
  await visit(klager, "decision with 'Klag på vedtaket'", `/nb/innsyn/${decision.soknadId}/vedtak/${decision.vedtakId}`);
  save("complaint start failed", expectStatus(await klager.get(`/nb/klage?soknadId=${decision.soknadId}&vedtakId=${decision.vedtakId}`), 503).html);
  const klageBase = expectRedirect(await klager.post("/nb/klage", decision), /\/vedtak$/).location!.replace(/\/vedtak$/, "");
  await visit(klager, "complaint step 1", `${klageBase}/vedtak`);
  save("complaint step 1 with errors", expectStatus(await klager.post(`${klageBase}/vedtak`, { intent: "next" }), 400).html);
  expectRedirect(await klager.post(`${klageBase}/vedtak`, { intent: "next", vedtakIds: decision.vedtakId }));
  save("complaint step 2 with errors", expectStatus(await klager.post(`${klageBase}/begrunnelse`, { intent: "next", tekst: "" }), 400).html);
  expectRedirect(await klager.post(`${klageBase}/begrunnelse`, { intent: "next", tekst: "Jeg er uenig.\nLønnen kom ikke." }));
  await visit(klager, "complaint step 2", `${klageBase}/begrunnelse`);
  await visit(klager, "complaint step 3", `${klageBase}/vedlegg`);
  const upload = new FormData();
  upload.set("intent", "last-opp:klage");
  upload.set("filer.klage", new Blob([Buffer.from(await bankStatement(1))], { type: "application/pdf" }), "kontoutskrift.pdf");
  save("complaint step 3 after an upload", expectStatus(await klager.post(`${klageBase}/vedlegg`, upload), 200).html);
  await visit(klager, "complaint step 4", `${klageBase}/oppsummering`);
  expectRedirect(await klager.post(`${klageBase}/oppsummering`, { intent: "next" }), /\/kvittering$/);
  for (const language of ["nb", "nn", "en"]) await visit(klager, `complaint receipt ${language}`, `${klageBase.replace(/^\/nb\//, `/${language}/`)}/kvittering`);

  // The complaint's page in its kinds of state, withdrawing it, an upload without a file, and the lists that show it.
  const klageId = klageBase.split("/").at(-1)!;
  const klagePage = `/nb/innsyn/${decision.soknadId}/klage/${klageId}`;
  await visit(klager, "complaint page, sent", klagePage);
  await visit(klager, "withdraw: confirm", `${klagePage}/trekk`);
  const noFile = new FormData();
  noFile.set("intent", "last-opp:klage");
  save("complaint page, upload without a file", expectStatus(await klager.post(klagePage, noFile), 400).html);
  await visit(klager, "status page with a complaint", `/nb/innsyn/${decision.soknadId}`);
  await visit(klager, "decision with its complaint", `/nb/innsyn/${decision.soknadId}/vedtak/${decision.vedtakId}`);
  await visit(klager, "my applications with a complaint", "/nb/mine-soknader");
  for (const state of ["MEDHOLD", "AVVIST", "SENDT_TIL_STATSFORVALTEREN", "TRUKKET"] as KlageTestState[]) {
    const other = await refusal(complainant.id);
    const otherBase = expectRedirect(await klager.post("/nb/klage", other)).location!.replace(/\/vedtak$/, "");
    expectRedirect(await klager.post(`${otherBase}/vedtak`, { intent: "next", vedtakIds: other.vedtakId }));
    expectRedirect(await klager.post(`${otherBase}/begrunnelse`, { intent: "next", tekst: `Klagen som blir ${state}.` }));
    expectRedirect(await klager.post(`${otherBase}/oppsummering`, { intent: "next" }), /\/kvittering$/);
    const otherId = otherBase.split("/").at(-1)!;
    await moveKlageTo(otherId, state);
    await visit(klager, `complaint page, ${state}`, `/nb/innsyn/${other.soknadId}/klage/${otherId}`);
    if (state === "AVVIST") await visit(klager, "withdraw: already decided", `/nb/innsyn/${other.soknadId}/klage/${otherId}/trekk`);
  }
  await visit(klager, "front page with news of a complaint", "/nb");
  expectRedirect(await klager.post(`${klagePage}/trekk`, {}), /\?trukket=1$/);
  await visit(klager, "complaint page, just withdrawn", `${klagePage}?trukket=1`);

  // Messages, by a person of their own with a søknad: the list with an unread answer, a conversation with messages from
  // both sides (files, a nav.no link, the read mark), a draft with a file, its error states, the receipt, an older page.
  const writer = await freshPerson();
  const messages = new Browser(PORTAL);
  await messages.login(writer.fnr);
  await newSoknadFor(writer.id);
  const samtaleId = await generalSamtaleOf(writer.fnr);
  const conversationPage = `/nb/meldinger/${samtaleId}`;
  const meldingIdOf = (html: string) => /name="meldingId" value="([0-9a-f-]{36})"/.exec(html)![1]!;
  const letter = new FormData();
  letter.set("intent", "send");
  letter.set("meldingId", meldingIdOf((await messages.page(conversationPage)).html));
  letter.set("tekst", "Hei.\nJeg har fått en strømregning jeg ikke klarer å betale. Kontoutskriften ligger ved.");
  letter.set("filer.melding", new Blob([Buffer.from(await bankStatement(1))], { type: "application/pdf" }), "kontoutskrift.pdf");
  const receipt = expectRedirect(await messages.post(conversationPage, letter), /\?sendt=/).location!;
  await officeReads(samtaleId);
  await officeReply(samtaleId, { tekst: "Hei.\nDu kan søke om hjelp til regningen. Les mer på https://www.nav.no/okonomisk-sosialhjelp.\n\nHilsen Kari", vedlegg: true });
  await visit(messages, "messages, an unread answer", "/nb/meldinger");
  await visit(messages, "conversation, an unread answer with a letter", conversationPage);
  await visit(messages, "conversation, just sent", receipt);
  await visit(messages, "conversation, a file not available", `${conversationPage}?fil=utilgjengelig`);
  save("conversation, empty message", expectStatus(await messages.post(conversationPage, { intent: "send", meldingId: meldingIdOf((await messages.page(conversationPage)).html), tekst: " " }), 400).html);
  save("conversation, too long", expectStatus(await messages.post(conversationPage, { intent: "send", meldingId: meldingIdOf((await messages.page(conversationPage)).html), tekst: "x".repeat(4001) }), 400).html);
  const draftFile = new FormData();
  draftFile.set("intent", "last-opp:melding");
  draftFile.set("meldingId", meldingIdOf((await messages.page(conversationPage)).html));
  draftFile.set("tekst", "Et utkast med en fil.");
  draftFile.set("filer.melding", new Blob([Buffer.from(await bankStatement(2))], { type: "application/pdf" }), "husleiekontrakt.pdf");
  save("conversation, a file in the draft", expectStatus(await messages.post(conversationPage, draftFile), 200).html);
  const noMessageFile = new FormData();
  noMessageFile.set("intent", "last-opp:melding");
  noMessageFile.set("meldingId", meldingIdOf((await messages.page(conversationPage)).html));
  noMessageFile.set("tekst", "Et utkast med en fil.");
  save("conversation, upload without a file", expectStatus(await messages.post(conversationPage, noMessageFile), 400).html);
  await fillConversation(samtaleId, 25);
  const newest = (await messages.page(conversationPage)).html;
  const older = /[?&]eldre=([0-9a-f-]{36})/.exec(newest)?.[1];
  expect(older, "a link to older messages").toBeTruthy();
  await visit(messages, "conversation, older messages", `${conversationPage}?eldre=${older}`);
  await visit(messages, "conversation in nynorsk", `/nn/meldinger/${samtaleId}`);
  await visit(messages, "conversation in English", `/en/meldinger/${samtaleId}`);
  const soknadConversation = (await samtalerOf(writer.fnr)).find((samtale) => samtale.fiksDigisosId !== null)!.samtaleId;
  await visit(messages, "conversation about a søknad, empty", `/nb/meldinger/${soknadConversation}`);
  await visit(messages, "messages, all read", "/en/meldinger");
  await visit(messages, "not found: another conversation", "/nb/meldinger/00000000-0000-4000-8000-000000000000", 404);

  // A late complaint: nylig-hjelp's decision is 23 days old (the accessibility test complains there too; neither sends).
  const late = new Browser(PORTAL);
  const nyligHjelp = await persona("nylig-hjelp");
  await late.login(nyligHjelp.fnr);
  const lateSoknad = await seededSoknadOf(nyligHjelp.fnr);
  const lateLetter = new RegExp(`/nb/innsyn/${lateSoknad}/vedtak/([^"?#/]+)`).exec((await late.page(`/nb/innsyn/${lateSoknad}`)).html)![1]!;
  const lateBase = expectRedirect(await late.post("/nb/klage", { soknadId: lateSoknad, vedtakId: lateLetter })).location!.replace(/\/vedtak$/, "");
  await visit(late, "complaint step 1, deadline passed", `${lateBase}/vedtak`);
  save("complaint step 2, late question empty", expectStatus(await late.post(`${lateBase}/begrunnelse`, { intent: "next", tekst: "Jeg fikk ikke brevet.", forSentBegrunnelse: "" }), 400).html);
  await visit(late, "complaint summary, late", `${lateBase}/oppsummering`);

  // The guides: every page of both in bokmål, a few in nynorsk and English, the office search's answers; their tools with
  // and without answers; asking for advice: the form, its errors and the receipt.
  for (const pagePath of allGuidePagePaths()) await visit(anonymous, `guide ${pagePath}`, `/nb${pagePath}`);
  await visit(anonymous, "guides' front page", "/nn/veiviser");
  await visit(anonymous, "guide in nynorsk, rates", "/nn/veiviser/sosialhjelp/satser");
  await visit(anonymous, "guide in English, debt settlement", "/en/veiviser/okonomi-og-gjeld/gjeldsordning");
  await visit(anonymous, "guide, an office found", "/nb/veiviser/sosialhjelp/hjelp-i-dag?kommune=Bergen");
  await visit(anonymous, "guide, an unknown municipality", "/nb/veiviser/sosialhjelp/hjelp-i-dag?kommune=Atlantis");
  const adviser = await freshPerson();
  const advice = new Browser(PORTAL);
  await advice.login(adviser.fnr);
  const adviceForm = "/nb/veiviser/okonomi-og-gjeld/be-om-rad";
  await visit(advice, "guide, a logged-in person's own office", "/nb/veiviser/sosialhjelp/hjelp-i-dag");
  const radgivningIdOf = (html: string) => /name="radgivningId" value="([0-9a-f-]{36})"/.exec(html)![1]!;
  const adviceId = radgivningIdOf((await advice.page(adviceForm)).html);
  save("advice form", (await advice.page(adviceForm)).html);
  save("advice form, errors", expectStatus(await advice.post(adviceForm, { radgivningId: adviceId, beskrivelse: "", kontaktmate: "TELEFON", telefonnummer: "12" }), 400).html);
  const adviceReceipt = expectRedirect(await advice.post(adviceForm, { radgivningId: adviceId, beskrivelse: "Jeg har fått to inkassobrev.", kontaktmate: "TELEFON", telefonnummer: "41234567", kontakttid: "FORMIDDAG" }), /\/kvittering\//).location!;
  await visit(advice, "advice receipt", adviceReceipt);
  await visit(advice, "advice form with an earlier request", "/en/veiviser/okonomi-og-gjeld/be-om-rad");

  // The guides' tools: before you apply (empty, its errors, a list) and the budget (empty, its errors, a result, saved).
  const before = "/nb/veiviser/sosialhjelp/for-du-soker";
  await visit(anonymous, "before you apply", before);
  save("before you apply, errors", expectStatus(await anonymous.post(before, {}), 400).html);
  const situation = { livesWith: "partner", children: "yes", housing: "rent", income: ["wages", "studentLoan"], student: "no", nordic: "no" };
  save("before you apply, the list", expectStatus(await anonymous.post(before, situation), 200).html);
  const budgetPage = "/nn/veiviser/okonomi-og-gjeld/budsjett";
  const budgetForm = { "income.wages": "21 500", "cost.housing": "9 800", "debt.0.kind": "inkasso", "debt.0.creditor": "Kreditor AS", "debt.0.owed": "12 000", "debt.0.monthly": "500" };
  await visit(anonymous, "budget", budgetPage);
  save("budget, errors", expectStatus(await anonymous.post(budgetPage, { ...budgetForm, "cost.food": "mange penger", intent: "calculate" }), 400).html);
  save("budget, a result", expectStatus(await anonymous.post(budgetPage, { ...budgetForm, intent: "calculate" }), 200).html);
  save("budget, a debt row added", expectStatus(await anonymous.post(budgetPage, { ...budgetForm, intent: "add-debt" }), 200).html);
  await advice.post(budgetPage, { ...budgetForm, intent: "save" });
  await visit(advice, "budget, saved", "/en/veiviser/okonomi-og-gjeld/budsjett");

  const errors = await vnuErrors(saved.map((entry) => entry.file));
  // The checker names a file as file:/path.
  const named = new Map(saved.map((entry) => [path.basename(entry.file), entry.name]));
  const problems = errors.map((error) => `${named.get(path.basename(error.url)) ?? error.url}, line ${error.lastLine ?? "?"}: ${error.message} [${(error.extract ?? "").replace(/\s+/g, " ").slice(0, 160)}]`);
  expect(saved.length).toBeGreaterThan(30);
  expect(problems, `HTML errors in ${saved.length} pages`).toEqual([]);
});
