/**
 * Where focus is and what the title says, as a screen-reader user meets them (issue 25, decision
 * 020): after every client-side navigation the new page's h1 has focus (never <body>); a change of
 * the query alone leaves focus where it was; a failed submit leaves it on the error summary, and
 * the title then starts with "Feil: "; the application's steps say "Steg n av m: " in the title;
 * after an upload focus is on its result, after "Slett" on the next file or the document's
 * heading; "Last opp" without a file says so at the field; the GuidePanel shows no unnamed image;
 * in messages, the list's and each conversation's h1 after every way there (the header, the list,
 * the status page, back), focus kept on the page when older messages are shown, and the
 * conversation's title with "Feil: " after an empty send; in the contact centre, the person's h1
 * after the search's redirect, the search field after "Nytt søk" (the page's own autofocus), the
 * error summary after a wrong number.
 *
 * The journeys need JavaScript (focus is what the script moves) and run in the desktop project,
 * as the keyboard journey does; the titles are the server's and are checked without JavaScript
 * too. Drafts only, never sent: aleneforelder stays below two sent søknader in a run (see
 * e2e/soknad-journeys.spec.ts). Focus on the receipt after sending is checked where a test sends
 * anyway: the keyboard journey and e2e/soknad-journeys.spec.ts.
 */
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";
import { expect, hydrated, loginAs, test } from "./fixtures";
import { texts, textPattern } from "./locale";
import { fillConversation, freshPerson, newSoknadFor, officeReply, refusal, samtalerOf, seededSoknadOf } from "./mock-control";
import { persona, wholeName } from "./personas";

const t = texts("nb");
const service = t("common:shell.serviceName");
/** A page's title as the portal writes it: its own, then the service (the front page's own title is the service's name). */
const title = (key: string) => (t(key) === service ? service : `${t(key)} – ${service}`);
const stepTitle = (number: number, key: string) => `${t("common:shell.stepTitle", { number, total: 9, title: t(key) })} – ${service}`;
const errorTitle = (whole: string) => t("common:shell.errorTitle", { title: whole });
const klageStepTitle = (number: number, key: string) => `${t("common:shell.stepTitle", { number, total: 4, title: t(key) })} – ${service}`;

// Focus and titles are the same at every width (the titles come from the server): the desktop and no-js projects cover them.
test.skip(({ isMobile }) => isMobile, "focus and titles are the same at every width: desktop and no-js cover them");

const javaScriptOnly = () => test.skip(test.info().project.use.javaScriptEnabled === false, "focus is moved by the page's script");
const desktopOnly = () =>
  test.skip(test.info().project.name !== "desktop", "focus after navigation is the same at every width and needs JavaScript; runs in the desktop project");

/** The page's h1 has focus: what a screen reader announces after the navigation. */
async function expectHeadingFocused(page: Page, key: string) {
  await expect(page.getByRole("heading", { level: 1, name: t(key), exact: true })).toBeFocused();
}

/** The error summary (or something in it) has focus. */
async function expectSummaryFocused(page: Page) {
  const heading = page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") });
  await expect(heading).toBeVisible();
  await expect
    .poll(() => heading.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), {
      message: "the error summary has focus",
    })
    .toBe(true);
}

/** Clicks a control that navigates, once the page has hydrated (a click before would be a full page load). */
async function go(page: Page, control: Locator) {
  await hydrated(page);
  await control.click();
}

test("front page → Mine søknader → a status page → a decision: each new page's h1 has focus; Back keeps the scroll position", async ({ page }) => {
  desktopOnly();
  const person = await persona("innvilget");
  const id = await seededSoknadOf(person.fnr);
  const main = page.locator("main");
  await loginAs(page, person.name, "nb");
  await expect(page).toHaveTitle(title("landing:title"));

  await go(page, main.getByRole("link", { name: t("landing:own.applications"), exact: true }));
  await expectHeadingFocused(page, "innsyn:overview.title");
  await expect(page).toHaveTitle(title("innsyn:overview.title"));

  await go(page, main.locator(`a[href="/nb/innsyn/${id}"]`));
  await expectHeadingFocused(page, "innsyn:statusPage.title");
  await expect(page).toHaveTitle(title("innsyn:statusPage.title"));

  const openLetter = main.getByRole("link", { name: t("innsyn:saker.openLetter") }).first();
  // Scrolled down so that the link is at the top of the window.
  await openLetter.evaluate((link) => window.scrollTo(0, link.getBoundingClientRect().top + window.scrollY - 20));
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled, "the letter link is further down the status page").toBeGreaterThan(100);
  await go(page, openLetter);
  await expectHeadingFocused(page, "innsyn:vedtakPage.title");
  await expect(page).toHaveTitle(title("innsyn:vedtakPage.title"));
  // A new page starts at its top: focusing the heading does not scroll.
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(scrolled);

  // Back: the status page again, at the place it was left (Remix's scroll restoration), with focus on its h1.
  await page.goBack();
  await expectHeadingFocused(page, "innsyn:statusPage.title");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(scrolled - 50);
});

test("the application: focus on each step's h1 after Neste and Forrige, titles with the step, the error summary and Feil: after a failed Neste, upload and delete", async ({ page }) => {
  desktopOnly();
  test.setTimeout(180_000);
  const person = await persona("aleneforelder");
  const main = page.locator("main");
  const next = () => go(page, main.getByRole("button", { name: t("soknad:nav.next"), exact: true }));
  const previous = () => go(page, main.getByRole("button", { name: t("soknad:nav.previous"), exact: true }));
  const radio = (legend: string, option: string) => main.getByRole("radiogroup", { name: legend }).getByRole("radio", { name: option, exact: true });
  const checkbox = (name: string) => main.getByRole("checkbox", { name, exact: true });
  const step = async (number: number, key: string) => {
    await expectHeadingFocused(page, key);
    await expect(page).toHaveTitle(stepTitle(number, key));
  };
  await loginAs(page, person.name, "nb");

  // Front page → start page (a link), start page → step 1 (a submit that redirects).
  await go(page, main.getByRole("link", { name: t("landing:apply"), exact: true }));
  await expectHeadingFocused(page, "soknad:start.title");
  await expect(page).toHaveTitle(title("soknad:start.title"));
  await go(page, main.getByRole("button", { name: t("soknad:start.begin"), exact: true }));
  await step(1, "soknad-personalia:title");
  await radio(t("soknad-personalia:address.legend"), t("soknad-personalia:address.folkeregistrert")).check();
  await next();

  // A failed Neste: focus on the error summary (not the h1), and the title says Feil.
  await step(2, "soknad-behov:title");
  await next();
  await expectSummaryFocused(page);
  await expect(page).toHaveTitle(errorTitle(stepTitle(2, "soknad-behov:title")));
  // The same errors again: the summary takes focus again (clicking moved it to the button, which
  // was then disabled while the submit ran).
  await next();
  await expectSummaryFocused(page);
  await checkbox(t("soknad-behov:category.livsopphold")).check();
  await next();

  await step(3, "soknad-arbeid:title");
  await expect(page).toHaveTitle("Steg 3 av 9: Arbeid og utdanning – Økonomisk sosialhjelp");
  // Back and forth: Forrige steg too puts focus on the h1, and the error prefix is gone.
  await previous();
  await step(2, "soknad-behov:title");
  await next();
  await step(3, "soknad-arbeid:title");
  await radio(t("soknad-arbeid:student.legend"), t("soknad-arbeid:student.nei")).check();
  await next();

  await step(4, "soknad-familie:title");
  await radio(t("soknad-familie:children.sharedResidence.legend", { name: "Noah Haugen" }), t("soknad-familie:answer.nei")).check();
  await radio(t("soknad-familie:children.sharedResidence.legend", { name: "Ella Haugen" }), t("soknad-familie:answer.ja")).check();
  await radio(t("soknad-familie:childSupport.legend"), t("soknad-familie:childSupport.option.ingen")).check();
  await next();

  await step(5, "soknad-bosituasjon:title");
  await radio(t("soknad-bosituasjon:housing.legend"), t("soknad-bosituasjon:housing.leier")).check();
  await main.getByLabel(t("soknad-bosituasjon:householdSize.label")).fill("3");
  await next();

  await step(6, "soknad-inntekt:title");
  for (const legend of ["skattConsent.legend", "bostotteConsent.legend", "studentLoan.legend"]) {
    await radio(t(`soknad-inntekt:${legend}`), t("soknad-inntekt:answer.nei")).check();
  }
  await next();

  await step(7, "soknad-utgifter:title");
  await checkbox(t("soknad-utgifter:housingCosts.option.husleie")).check();
  await next();

  await step(8, "soknad-dokumentasjon:title");
  await uploadAndDelete(page);
  const later = main.getByRole("radio", { name: t("soknad-dokumentasjon:choice.option.senderSenere"), exact: true });
  for (let index = 0; index < (await later.count()); index++) await later.nth(index).check();
  await next();

  await step(9, "soknad:summary.title");
  await previous();
  await step(8, "soknad-dokumentasjon:title");
});

/** On the documentation step: "Last opp" without a file, two uploads, two deletions. */
async function uploadAndDelete(page: Page) {
  const document = t("soknad-documents:skattemelding.title");
  const chooseLabel = t("vedlegg:choose", { document });
  const card = page.locator(".card", { has: page.getByLabel(chooseLabel) });
  const upload = card.getByRole("button", { name: t("vedlegg:upload"), exact: true });
  const focused = page.locator(":focus");
  await hydrated(page);
  // The dropzone (with JavaScript) chooses the files; its button is the file chooser.
  const chooser = card.locator(".aksel-dropzone__area-button");
  await expect(chooser).toBeVisible();

  await upload.click();
  await expect(card.getByText(t("vedlegg:requestError.no-file"))).toBeVisible();
  await expect(chooser, "focus on the file chooser, which the error describes").toBeFocused();
  await expect(chooser).toHaveAccessibleDescription(new RegExp(t("vedlegg:requestError.no-file").replace(/\./g, "\\.")));
  await expect(page).toHaveTitle(stepTitle(8, "soknad-dokumentasjon:title"));

  for (const [name, pages] of [
    ["kontoutskrift-januar.pdf", 1],
    ["kontoutskrift-februar.pdf", 2],
  ] as const) {
    await card.getByLabel(chooseLabel).setInputFiles({ name, mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(pages)) });
    await upload.click();
    await expect(focused, "focus on the upload's result").toContainText(t("vedlegg:result.ok", { name }), { timeout: 30_000 });
  }
  await expect(card.getByText(t("vedlegg:requestError.no-file"))).toHaveCount(0);

  await card.getByRole("button", { name: t("vedlegg:delete", { name: "kontoutskrift-januar.pdf" }) }).click();
  await expect(focused, "focus on the file after the deleted one").toHaveText("kontoutskrift-februar.pdf");
  await card.getByRole("button", { name: t("vedlegg:delete", { name: "kontoutskrift-februar.pdf" }) }).click();
  await expect(card.getByRole("button", { name: t("vedlegg:delete", { name: "kontoutskrift-februar.pdf" }) })).toHaveCount(0);
  await expect(focused, "no file left: focus on the document's heading").toHaveText(document);
}

test("titles with the step and, after a failed Neste, the error prefix come from the server", async ({ page, javaScriptEnabled }) => {
  const person = await persona("aleneforelder");
  await loginAs(page, person.name, "nb");
  await page.goto("/nb/soknad");
  await go(page, page.locator("main").getByRole("button", { name: t("soknad:start.begin"), exact: true }));
  await expect(page).toHaveTitle(stepTitle(1, "soknad-personalia:title"));
  const draftPath = new URL(page.url()).pathname.replace(/personalia$/, "");
  await page.goto(`${draftPath}behov`);
  await expect(page).toHaveTitle(stepTitle(2, "soknad-behov:title"));
  await go(page, page.locator("main").getByRole("button", { name: t("soknad:nav.next"), exact: true }));
  await expect(page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") })).toBeVisible();
  await expect(page).toHaveTitle(errorTitle(stepTitle(2, "soknad-behov:title")));
  if (javaScriptEnabled) await expectSummaryFocused(page);
  // In English.
  await page.goto(`${draftPath.replace(/^\/nb\//, "/en/")}arbeid`);
  await expect(page).toHaveTitle(`${texts("en")("common:shell.stepTitle", { number: 3, total: 9, title: texts("en")("soknad-arbeid:title") })} – Financial social assistance`);
  expect(await page.title()).toMatch(/^Step 3 of 9: /);
});

test("a failed login says Feil in the title, and the error summary has focus", async ({ page, javaScriptEnabled }) => {
  await page.goto("/nb/logg-inn");
  await expect(page).toHaveTitle(title("auth:testLogin.title"));
  await go(page, page.locator("main").getByRole("button", { name: t("auth:testLogin.submit"), exact: true }));
  await expect(page.getByRole("link", { name: t("auth:testLogin.chooseError") })).toBeVisible();
  await expect(page).toHaveTitle(errorTitle(title("auth:testLogin.title")));
  if (javaScriptEnabled) await expectSummaryFocused(page);
});

test("the payment filter changes only the query: focus stays on its button; a wrong date gives the summary focus and Feil in the title", async ({ page, javaScriptEnabled }) => {
  const person = await persona("innvilget");
  const main = page.locator("main");
  await loginAs(page, person.name, "nb");
  await page.goto("/nb/utbetalinger");
  const show = main.getByRole("button", { name: t("innsyn:paymentsPage.show"), exact: true });
  await main.getByLabel(t("innsyn:paymentsPage.filterLegend"), { exact: true }).selectOption("i-ar");
  await go(page, show);
  await expect(page).toHaveURL(/filter=i-ar/);
  await expect(page).toHaveTitle(title("innsyn:paymentsPage.title"));
  if (javaScriptEnabled) await expect(show, "a new query on the same page does not move focus").toBeFocused();

  await main.getByLabel(t("innsyn:paymentsPage.filterLegend"), { exact: true }).selectOption("egendefinert");
  await main.getByLabel(t("innsyn:paymentsPage.from"), { exact: true }).fill("31.02.2024");
  await go(page, show);
  await expect(page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") })).toBeVisible();
  await expect(page).toHaveTitle(errorTitle(title("innsyn:paymentsPage.title")));
  if (javaScriptEnabled) await expectSummaryFocused(page);
});

test("'Last opp' with no file chosen on the status page says 'Velg en fil først' at the field, with and without JavaScript", async ({ page, javaScriptEnabled }) => {
  const person = await persona("under-behandling");
  const id = await seededSoknadOf(person.fnr);
  await loginAs(page, person.name, "nb");
  await page.goto(`/nb/innsyn/${id}`);
  const tasks = page.locator("section", { has: page.getByRole("heading", { name: t("innsyn:tasks.title") }) });
  const task = tasks.locator("li.card").filter({ has: page.getByRole("heading", { level: 3, name: "Husleiekontrakt" }) });
  await expect(task.getByText(t("vedlegg:requestError.no-file"))).toHaveCount(0);
  await go(page, task.getByRole("button", { name: t("vedlegg:upload"), exact: true }));
  await expect(task.getByText(t("vedlegg:requestError.no-file"))).toBeVisible();
  // Only that field says it.
  await expect(page.getByText(t("vedlegg:requestError.no-file"))).toHaveCount(1);
  if (javaScriptEnabled) await expect(task.locator(".aksel-dropzone__area-button"), "focus on the file chooser").toBeFocused();
  else await expect(task.getByLabel(t("vedlegg:choose", { document: "Husleiekontrakt" }))).toHaveAccessibleDescription(new RegExp(t("vedlegg:requestError.no-file").replace(/\./g, "\\.")));
});

test("the GuidePanel's speech-bubble tail is no unnamed image: the front page and the start page", async ({ page }) => {
  javaScriptOnly();
  const unnamedImages = async () =>
    (await page.locator("main").ariaSnapshot())
      .split("\n")
      .filter((line) => /^\s*- img\s*(:|$)/.test(line));
  await page.goto("/nb");
  await hydrated(page);
  await expect(page.locator("main .aksel-guide-panel")).toBeVisible();
  expect(await unnamedImages(), "images without a name on the front page").toEqual([]);

  const person = await persona("aleneforelder");
  await loginAs(page, person.name, "nb");
  await page.goto("/nb/soknad");
  await hydrated(page);
  await expect(page.locator("main .aksel-guide-panel")).toBeVisible();
  expect(await unnamedImages(), "images without a name on the start page").toEqual([]);
});

test("the complaint: focus on each step's h1 after Neste and Forrige, the error summary after a failed Neste, an upload's result; then the receipt, the complaint's page and withdrawing it", async ({ page }) => {
  desktopOnly();
  test.setTimeout(120_000);
  const who = await freshPerson();
  const decision = await refusal(who.id);
  const main = page.locator("main");
  const next = () => go(page, main.getByRole("button", { name: t("klage:nav.next"), exact: true }));
  const previous = () => go(page, main.getByRole("button", { name: t("klage:nav.previous"), exact: true }));
  const step = async (number: number, key: string) => {
    await expectHeadingFocused(page, key);
    await expect(page).toHaveTitle(klageStepTitle(number, key));
  };
  await loginAs(page, wholeName(who.name), "nb");
  await page.goto(`/nb/innsyn/${decision.soknadId}/vedtak/${decision.vedtakId}`);

  // "Klag på vedtaket" (a post that redirects) → step 1.
  await go(page, main.getByRole("button", { name: t("klage:start.button"), exact: true }));
  await step(1, "klage:steps.vedtak.title");
  await main.getByRole("checkbox").first().uncheck();
  await next();
  await expectSummaryFocused(page);
  await expect(page).toHaveTitle(errorTitle(klageStepTitle(1, "klage:steps.vedtak.title")));
  // Its link puts focus on the first decision.
  await main.getByRole("link", { name: t("klage:errors.vedtakRequired") }).click();
  await expect(main.getByRole("checkbox").first()).toBeFocused();
  await main.getByRole("checkbox").first().check();
  await next();

  await step(2, "klage:steps.begrunnelse.title");
  await next();
  await expectSummaryFocused(page);
  await expect(page).toHaveTitle(errorTitle(klageStepTitle(2, "klage:steps.begrunnelse.title")));
  await main.getByRole("link", { name: t("klage:errors.tekstRequired") }).click();
  await expect(main.getByLabel(t("klage:steps.begrunnelse.tekst"))).toBeFocused();
  await main.getByLabel(t("klage:steps.begrunnelse.tekst")).fill("Jeg mistet jobben i oktober.");
  await next();

  await step(3, "klage:steps.vedlegg.title");
  await previous();
  await step(2, "klage:steps.begrunnelse.title");
  await next();
  await step(3, "klage:steps.vedlegg.title");
  // An upload: focus on its result; deleting the only file: focus stays in the field, not on <body>.
  const focused = page.locator(":focus");
  await main.getByLabel(t("vedlegg:choose", { document: t("klage:steps.vedlegg.label") })).setInputFiles({ name: "kontoutskrift.pdf", mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(1)) });
  await main.getByRole("button", { name: t("vedlegg:upload"), exact: true }).click();
  await expect(focused, "focus on the upload's result").toContainText(t("vedlegg:result.ok", { name: "kontoutskrift.pdf" }), { timeout: 30_000 });
  await main.getByRole("button", { name: t("vedlegg:delete", { name: "kontoutskrift.pdf" }) }).click();
  await expect(main.getByRole("button", { name: t("vedlegg:delete", { name: "kontoutskrift.pdf" }) })).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.activeElement !== document.body && document.querySelector("main")?.contains(document.activeElement)), { message: "focus in the field after the deletion" }).toBe(true);
  await next();

  await step(4, "klage:steps.oppsummering.title");
  await go(page, main.getByRole("button", { name: t("klage:nav.send"), exact: true }));
  await expectHeadingFocused(page, "klage:receipt.title");
  await expect(page).toHaveTitle(title("klage:receipt.title"));

  await go(page, main.getByRole("link", { name: t("klage:receipt.follow"), exact: true }));
  await expectHeadingFocused(page, "klage-status:page.title");
  await expect(page).toHaveTitle(title("klage-status:page.title"));
  await go(page, main.getByRole("link", { name: t("klage-status:withdraw.link"), exact: true }));
  await expectHeadingFocused(page, "klage-status:trekk.title");
  await expect(page).toHaveTitle(title("klage-status:trekk.title"));
  await go(page, main.getByRole("button", { name: t("klage-status:trekk.confirm"), exact: true }));
  await expect(main.getByText(t("klage-status:page.withdrawn"))).toBeVisible();
  await expectHeadingFocused(page, "klage-status:page.title");
});

test("the complaint's titles say the step of four and, after a failed Neste, Feil: from the server, with and without JavaScript", async ({ page, javaScriptEnabled }) => {
  const who = await freshPerson();
  const decision = await refusal(who.id);
  const main = page.locator("main");
  await loginAs(page, wholeName(who.name), "nb");
  await page.goto(`/nb/innsyn/${decision.soknadId}/vedtak/${decision.vedtakId}`);
  await go(page, main.getByRole("button", { name: t("klage:start.button"), exact: true }));
  await expect(page).toHaveTitle(klageStepTitle(1, "klage:steps.vedtak.title"));
  const base = new URL(page.url()).pathname.replace(/vedtak$/, "");
  await page.goto(`${base}begrunnelse`);
  await expect(page).toHaveTitle(klageStepTitle(2, "klage:steps.begrunnelse.title"));
  await go(page, main.getByRole("button", { name: t("klage:nav.next"), exact: true }));
  await expect(page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") })).toBeVisible();
  await expect(page).toHaveTitle(errorTitle(klageStepTitle(2, "klage:steps.begrunnelse.title")));
  if (javaScriptEnabled) await expectSummaryFocused(page);
  // In nynorsk and English.
  await page.goto(`${base.replace(/^\/nb\//, "/nn/")}vedlegg`);
  await expect(page).toHaveTitle(`${texts("nn")("common:shell.stepTitle", { number: 3, total: 4, title: texts("nn")("klage:steps.vedlegg.title") })} – ${texts("nn")("common:shell.serviceName")}`);
  await page.goto(`${base.replace(/^\/nb\//, "/en/")}oppsummering`);
  expect(await page.title()).toMatch(/^Step 4 of 4: /);
});

/* ---------- messages (meldinger) ---------- */

test("messages: the h1 has focus after the header's link, a conversation from the list, the status page's card, back to the list and on to the søknad; older messages put it on the h1", async ({ page }) => {
  desktopOnly();
  test.setTimeout(120_000);
  const who = await freshPerson();
  const soknadId = await newSoknadFor(who.id);
  const [general, ofSoknad] = await samtalerOf(who.fnr);
  expect(ofSoknad?.fiksDigisosId).toBe(soknadId);
  await fillConversation(general!.samtaleId, 30);
  await officeReply(ofSoknad!.samtaleId, { tekst: "Vi har fått søknaden din.", saksbehandler: "Kari" });
  const main = page.locator("main");
  await loginAs(page, wholeName(who.name), "nb");

  // The header's link → the list → the general conversation.
  await go(page, page.locator("header").getByRole("link", { name: new RegExp(`^${t("common:shell.messages")}`) }));
  await expectHeadingFocused(page, "meldinger:title");
  await expect(page).toHaveTitle(title("meldinger:title"));
  await go(page, main.getByRole("link", { name: t("meldinger:list.general"), exact: true }));
  await expectHeadingFocused(page, "meldinger:conversation.generalTitle");
  await expect(page).toHaveTitle(title("meldinger:conversation.generalTitle"));

  // "Vis eldre meldinger" changes only the query. The 11 oldest of 31 are the last page, so the link
  // is gone with it: focus goes to the h1 (never <body>), and the older page shows under it.
  await go(page, main.getByRole("link", { name: t("meldinger:messages.older"), exact: true }));
  await expect(main.getByText(t("meldinger:messages.olderPage"))).toBeVisible();
  await expect(main.getByRole("link", { name: t("meldinger:messages.older"), exact: true })).toHaveCount(0);
  await expectHeadingFocused(page, "meldinger:conversation.generalTitle");

  // "Alle meldinger" back to the list: its h1.
  await go(page, main.getByRole("link", { name: t("meldinger:conversation.back"), exact: true }));
  await expectHeadingFocused(page, "meldinger:title");

  // The søknad's status page → its conversation (the card with the new reply) → "Se søknaden".
  await page.goto(`/nb/innsyn/${soknadId}`);
  await go(page, main.getByRole("link", { name: t("meldinger:soknad.heading"), exact: true }));
  const conversationHeading = page.getByRole("heading", { level: 1, name: textPattern("nb", "meldinger", "conversation.soknadTitle") });
  await expect(conversationHeading).toBeFocused();
  await expect(page).toHaveTitle(title("meldinger:conversation.soknadTitleUnknownDate"));
  await expect(main.getByText("Vi har fått søknaden din.")).toBeVisible();
  await go(page, main.getByRole("link", { name: t("meldinger:conversation.toSoknad"), exact: true }));
  await expectHeadingFocused(page, "innsyn:statusPage.title");
});

test("a conversation's title, and Feil: after an empty send, come from the server, with and without JavaScript", async ({ page, javaScriptEnabled }) => {
  const who = await freshPerson();
  const [general] = await samtalerOf(who.fnr);
  await loginAs(page, wholeName(who.name), "nb");
  await page.goto(`/nb/meldinger/${general!.samtaleId}`);
  await expect(page).toHaveTitle(title("meldinger:conversation.generalTitle"));
  await go(page, page.locator("main").getByRole("button", { name: t("meldinger:write.send"), exact: true }));
  await expect(page.getByRole("link", { name: t("meldinger:errors.tekstRequired") })).toBeVisible();
  await expect(page).toHaveTitle(errorTitle(title("meldinger:conversation.generalTitle")));
  if (javaScriptEnabled) await expectSummaryFocused(page);
  // In nynorsk.
  const nn = texts("nn");
  await page.goto(`/nn/meldinger/${general!.samtaleId}`);
  await expect(page).toHaveTitle(`${nn("meldinger:conversation.generalTitle")} – ${nn("common:shell.serviceName")}`);
});

/* ---------- the contact centre (nks) ---------- */

/** Logs Nora Kontaktsenter (the role "nks") in through the staff login page; ends on the search page. */
async function staffLogin(page: Page) {
  await page.goto("/nb/nks/logg-inn");
  await hydrated(page);
  await page.getByRole("radio", { name: /Nora Kontaktsenter/ }).check();
  await page.locator("main").getByRole("button", { name: t("auth:testLogin.submit"), exact: true }).click();
  await expect(page).toHaveURL(/\/nb\/nks$/);
}

test("the contact centre: the search's redirect puts focus on the person's h1; Nytt søk puts it in the search field", async ({ page }) => {
  desktopOnly();
  const caller = await persona("under-behandling");
  const main = page.locator("main");
  const field = main.getByRole("textbox", { name: t("nks:search.label") });
  await staffLogin(page);
  await hydrated(page);
  await field.fill(caller.fnr);
  await go(page, main.getByRole("button", { name: t("nks:search.submit"), exact: true }));
  await expect(page).toHaveURL(/\/nb\/nks\/person\/[\w-]{24}$/);
  await expect(page.getByRole("heading", { level: 1, name: caller.name, exact: true })).toBeFocused();
  // The title names the page, never the person.
  await expect(page).toHaveTitle(title("nks:person.title"));

  // "Nytt søk" (a client-side navigation): the page puts focus in the field, not on its h1.
  await go(page, main.getByRole("navigation", { name: t("nks:nav.label") }).getByRole("link", { name: t("nks:nav.newSearch"), exact: true }));
  await expect(page).toHaveURL(/\/nb\/nks$/);
  await expect(field).toBeFocused();
  await expect(field).toHaveValue("");
  await expect(page).toHaveTitle(title("nks:search.title"));
});

test("the contact centre: a wrong number gives the error summary focus and Feil in the title", async ({ page, javaScriptEnabled }) => {
  const caller = await persona("under-behandling");
  // One digit off: fails the mod-11 check.
  const wrong = `${caller.fnr.slice(0, 10)}${(Number(caller.fnr[10]) + 1) % 10}`;
  const main = page.locator("main");
  const field = main.getByRole("textbox", { name: t("nks:search.label") });
  await staffLogin(page);
  await hydrated(page);
  await field.fill(wrong);
  await go(page, main.getByRole("button", { name: t("nks:search.submit"), exact: true }));
  await expect(main.getByRole("link", { name: t("nks:search.errors.checksum") })).toBeVisible();
  await expect(page).toHaveTitle(errorTitle(title("nks:search.title")));
  await expect(field, "what was typed is kept").toHaveValue(wrong);
  if (javaScriptEnabled) await expectSummaryFocused(page);
});

/** A guide page's title, from its prose's front matter (the h1). */
const guideTitle = (guide: string, page: string) => /^title: (.+)$/m.exec(fs.readFileSync(new URL(`../locales/nb/veiviser/${guide}/${page}.md`, import.meta.url), "utf8"))![1]!;

test("the guides: the front page's card, the guide's next page and its list of pages put focus on the new page's h1; the office search keeps focus in its form", async ({ page }) => {
  desktopOnly();
  const main = page.locator("main");
  await page.goto("/nb");
  await go(page, main.getByRole("link", { name: t("landing:guides.sosialhjelp.title") }));
  await expect(page.getByRole("heading", { level: 1, name: guideTitle("sosialhjelp", "index"), exact: true })).toBeFocused();

  await go(page, main.getByRole("link", { name: t("veiviser:nav.next", { title: guideTitle("sosialhjelp", "hvem-kan-fa") }) }));
  await expect(page).toHaveURL(/\/nb\/veiviser\/sosialhjelp\/hvem-kan-fa$/);
  await expect(page.getByRole("heading", { level: 1, name: guideTitle("sosialhjelp", "hvem-kan-fa"), exact: true })).toBeFocused();
  await expect(page).toHaveTitle(`${guideTitle("sosialhjelp", "hvem-kan-fa")} – ${service}`);

  const nav = main.getByRole("navigation", { name: t("veiviser:nav.title") });
  await go(page, nav.getByRole("link", { name: guideTitle("sosialhjelp", "hjelp-i-dag"), exact: true }));
  await expect(page.getByRole("heading", { level: 1, name: guideTitle("sosialhjelp", "hjelp-i-dag"), exact: true })).toBeFocused();

  // The office search changes only the query: the answer appears and focus does not jump to the h1.
  await main.getByLabel(t("veiviser:office.label")).fill("Bergen");
  await go(page, main.getByRole("button", { name: t("veiviser:office.submit") }));
  await expect(main.getByText("NAV Bergenhus", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).not.toBeFocused();
});
