/**
 * Klage: a person refused help complains about the decision, with and without JavaScript, on a
 * phone and a desktop, in nb, nn and en; the deadline shows in every step and a late complaint
 * asks why; sending gives a receipt with a PDF copy and exactly one complaint in the fagsystem.
 * Each test starts its own søknad with a refusal (the simulator), so tests do not share a complaint.
 */
import type { Browser, Page } from "@playwright/test";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";
import { expect, hydrated, loginAs, notAtPhoneWidth, test, type Language } from "./fixtures";
import { PORTAL } from "../playwright.config";
import { text, textPattern } from "./locale";
import { klageAction, klagerOf, refusal, seededSoknadOf } from "./mock-control";
import { persona } from "./personas";

/** A new søknad for the persona with a refusal made now; returns its id. */
const refusedSoknad = async (personaId: string) => (await refusal(personaId)).soknadId;

const step = (page: Page, language: Language, key: string) => page.getByRole("heading", { level: 1, name: text(language, "klage", `steps.${key}.title`) });
const next = (page: Page, language: Language) => page.getByRole("button", { name: text(language, "klage", "nav.next") }).click();

for (const language of ["nb", "nn", "en"] as const) {
  test(`a refused person complains in ${language}: steps, a file, review, send, receipt with a PDF`, async ({ page }) => {
    if (language !== "nb") notAtPhoneWidth("the other languages' texts are the same at every width: at phone width the journey runs in bokmål");
    const person = await persona("avslag");
    const soknadId = await refusedSoknad("avslag");
    await loginAs(page, person.name, language);
    await page.goto(`/${language}/innsyn/${soknadId}`);
    await page.getByRole("link", { name: text(language, "innsyn", "saker.openLetter") }).first().click();
    await hydrated(page);
    await page.getByRole("button", { name: text(language, "klage", "start.button") }).first().click();

    // 1: the decision it was started from is chosen, with its date and outcome in words, and the deadline.
    await expect(step(page, language, "vedtak")).toBeVisible();
    await expect(page.getByText(textPattern(language, "klage", "deadline.until"))).toBeVisible();
    const decision = page.getByRole("checkbox", { name: new RegExp(text(language, "klage", "outcome.AVSLATT")) });
    await expect(decision).toBeChecked();
    await decision.uncheck();
    await next(page, language);
    await expect(page.getByRole("link", { name: text(language, "klage", "errors.vedtakRequired") })).toBeVisible();
    await page.getByRole("checkbox", { name: new RegExp(text(language, "klage", "outcome.AVSLATT")) }).check();
    await next(page, language);

    // 2: the text is required, and kept through a failed submit.
    await expect(step(page, language, "begrunnelse")).toBeVisible();
    await expect(page.getByText(textPattern(language, "klage", "deadline.until"))).toBeVisible();
    await expect(page.getByLabel(text(language, "klage", "steps.begrunnelse.late"))).toHaveCount(0);
    await next(page, language);
    await expect(page.getByRole("link", { name: text(language, "klage", "errors.tekstRequired") })).toBeVisible();
    const words = "Jeg mistet jobben i oktober.\nLønnen kom ikke i november, så jeg har ikke penger til husleien.";
    await page.getByLabel(text(language, "klage", "steps.begrunnelse.tekst")).fill(words);
    await next(page, language);

    // 3: a file through the upload pipeline.
    await expect(step(page, language, "vedlegg")).toBeVisible();
    await page.getByLabel(text(language, "vedlegg", "choose", { document: text(language, "klage", "steps.vedlegg.label") })).setInputFiles({ name: "kontoutskrift.pdf", mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(1)) });
    await page.getByRole("button", { name: text(language, "vedlegg", "upload") }).click();
    await expect(page.getByText(text(language, "vedlegg", "result.ok", { name: "kontoutskrift.pdf" }))).toBeVisible();
    await next(page, language);

    // 4: the review shows it all, with change links; then send.
    await expect(step(page, language, "oppsummering")).toBeVisible();
    await expect(page.getByText("Lønnen kom ikke i november", { exact: false })).toBeVisible();
    await expect(page.getByText("kontoutskrift.pdf")).toBeVisible();
    await page.getByRole("button", { name: text(language, "klage", "nav.send") }).click();

    await expect(page.getByRole("heading", { level: 1, name: text(language, "klage", "receipt.title") })).toBeVisible();
    const pdfHref = await page.getByRole("link", { name: text(language, "klage", "receipt.pdf") }).getAttribute("href");
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // Exactly one complaint about this søknad, with the file and the words.
    const klager = (await klagerOf(person.fnr)).filter((klage) => klage.fiksDigisosId === soknadId);
    expect(klager).toHaveLength(1);
    expect(klager[0]).toMatchObject({ tekst: words, forSentBegrunnelse: null });
    expect((klager[0] as unknown as { filer: unknown[] }).filer).toHaveLength(1);
  });
}

test("a late complaint asks why it is late, and the review says the office decides whether to consider it", async ({ page }) => {
  const language: Language = "nn";
  const person = await persona("klagefrist-ute");
  await loginAs(page, person.name, language);
  await page.goto(`/${language}/innsyn/${await seededSoknadOf(person.fnr)}`);
  await page.getByRole("link", { name: text(language, "innsyn", "saker.openLetter") }).first().click();
  await hydrated(page);
  await page.getByRole("button", { name: text(language, "klage", "start.button") }).first().click();
  await expect(step(page, language, "vedtak")).toBeVisible();
  await expect(page.getByText(textPattern(language, "klage", "deadline.passed"))).toBeVisible();
  await next(page, language);
  await expect(step(page, language, "begrunnelse")).toBeVisible();
  await page.getByLabel(text(language, "klage", "steps.begrunnelse.tekst")).fill("Eg fekk ikkje pengar til mat.");
  // Another project's run of this test may have left a draft with an answer: the question is empty here.
  await page.getByLabel(text(language, "klage", "steps.begrunnelse.late")).fill("");
  await next(page, language);
  await expect(page.getByRole("link", { name: text(language, "klage", "errors.lateRequired") })).toBeVisible();
  await expect(page.getByLabel(text(language, "klage", "steps.begrunnelse.tekst"))).toHaveValue("Eg fekk ikkje pengar til mat.");
  await page.getByLabel(text(language, "klage", "steps.begrunnelse.late")).fill("Eg låg på sjukehus og fekk ikkje lese posten.");
  await next(page, language);
  await expect(step(page, language, "vedlegg")).toBeVisible();
  await next(page, language);
  await expect(page.getByText(text(language, "klage", "summary.lateNote"))).toBeVisible();
  await expect(page.getByText("Eg låg på sjukehus")).toBeVisible();
  // Not sent: the draft waits on the front page.
  await page.getByRole("button", { name: text(language, "klage", "nav.later") }).click();
  await expect(page.getByRole("heading", { name: text(language, "klage", "drafts.title") })).toBeVisible();
  await page.getByRole("link", { name: new RegExp(text(language, "klage", "drafts.continue")) }).first().click();
  await expect(step(page, language, "oppsummering")).toBeVisible();
});

/** Sends a complaint about the søknad's first decision through the pages, the shortest way; returns its id. */
async function sendComplaint(page: Page, language: Language, soknadId: string, words: string, options: { javaScript?: boolean } = {}): Promise<string> {
  await page.goto(`/${language}/innsyn/${soknadId}`);
  await page.getByRole("link", { name: text(language, "innsyn", "saker.openLetter") }).first().click();
  if (options.javaScript !== false) await hydrated(page);
  await page.getByRole("button", { name: text(language, "klage", "start.button") }).first().click();
  await expect(step(page, language, "vedtak")).toBeVisible();
  await next(page, language);
  await page.getByLabel(text(language, "klage", "steps.begrunnelse.tekst")).fill(words);
  await next(page, language);
  await expect(step(page, language, "vedlegg")).toBeVisible();
  await next(page, language);
  await page.getByRole("button", { name: text(language, "klage", "nav.send") }).click();
  await expect(page.getByRole("heading", { level: 1, name: text(language, "klage", "receipt.title") })).toBeVisible();
  await page.getByRole("link", { name: text(language, "klage", "receipt.follow") }).click();
  await expect(page.getByRole("heading", { level: 1, name: text(language, "klage-status", "page.title") })).toBeVisible();
  return /\/klage\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

const stateTitle = (page: Page, language: Language, state: string) => page.getByRole("heading", { name: text(language, "klage-status", `state.${state}.title`) });

test("the complaint page follows the caseworker: received, considered, medhold with the new decision", async ({ page }) => {
  const language: Language = "nb";
  const person = await persona("avslag");
  const soknadId = await refusedSoknad("avslag");
  await loginAs(page, person.name, language);
  const klageId = await sendComplaint(page, language, soknadId, "Jeg har ikke penger til mat.");
  await expect(stateTitle(page, language, "SENDT")).toBeVisible();
  await expect(page.getByText("Jeg har ikke penger til mat.")).toBeVisible();

  await klageAction(klageId, { status: "MOTTATT" });
  await page.reload();
  await expect(stateTitle(page, language, "MOTTATT")).toBeVisible();
  await klageAction(klageId, { status: "UNDER_BEHANDLING" });
  await page.reload();
  await expect(stateTitle(page, language, "UNDER_BEHANDLING")).toBeVisible();
  await klageAction(klageId, { status: "MEDHOLD", belop: 4500 });
  await page.reload();
  await expect(stateTitle(page, language, "MEDHOLD")).toBeVisible();
  // The letter is a PDF, and the new decision is a link to its page.
  const letters = page.getByRole("link", { name: text(language, "klage-status", "timeline.openLetter") });
  const letter = await page.request.get((await letters.first().getAttribute("href"))!);
  expect(letter.headers()["content-type"]).toBe("application/pdf");
  await page.getByRole("link", { name: text(language, "klage-status", "timeline.newDecision") }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: text(language, "innsyn", "vedtakPage.title") })).toBeVisible();
  await expect(page.getByText(text(language, "innsyn", "utfallLong.INNVILGET"))).toBeVisible();

  // The status page shows the complaint beside its decision, and the front page has the news.
  await page.goto(`/${language}/innsyn/${soknadId}`);
  const klager = page.locator("section", { has: page.getByRole("heading", { level: 2, name: text(language, "klage-status", "list.title") }) });
  await expect(klager.getByText(text(language, "klage-status", "state.MEDHOLD.tag"), { exact: true })).toBeVisible();
  await page.goto(`/${language}`);
  await expect(page.getByRole("heading", { name: text(language, "klage-status", "highlights.title") })).toBeVisible();
});

test("done when: on a 360 px phone without JavaScript, in nynorsk, a refused person complains and follows it to medhold", async ({ browser }: { browser: Browser }) => {
  test.skip(test.info().project.name !== "desktop", "its own context: once is enough");
  test.setTimeout(180_000);
  const language: Language = "nn";
  const context = await browser.newContext({ baseURL: PORTAL, javaScriptEnabled: false, viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const person = await persona("avslag");
  const soknadId = await refusedSoknad("avslag");
  const started = Date.now();
  await page.goto(`/${language}/logg-inn`);
  await page.getByRole("radio", { name: person.name }).check();
  await page.locator("main").getByRole("button", { name: /logg inn|log in/i }).click();
  const klageId = await sendComplaint(page, language, soknadId, "Eg har ikkje pengar til husleiga.", { javaScript: false });
  test.info().annotations.push({ type: "time to complain", description: `${Math.round((Date.now() - started) / 1000)} s` });
  for (const state of ["MOTTATT", "UNDER_BEHANDLING", "MEDHOLD"]) {
    await klageAction(klageId, { status: state });
    await page.reload();
    await expect(stateTitle(page, language, state)).toBeVisible();
  }
  await page.getByRole("link", { name: text(language, "klage-status", "timeline.newDecision") }).first().click();
  await expect(page.getByText(text(language, "innsyn", "utfallLong.INNVILGET"))).toBeVisible();
  await context.close();
});
