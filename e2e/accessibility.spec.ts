/**
 * Accessibility beyond the per-test axe check: every route, in bokmål, nynorsk and English,
 * checked with axe (WCAG 2.0/2.1 A and AA) at 1280 px and at 320 px, with reflow (WCAG 1.4.10:
 * no sideways scrolling at 320 px) and 200 % zoom (1280 × 800 at 200 % lays out as 640 × 400:
 * no sideways scrolling, no clipped text, every control inside the window).
 *
 * It sets its own window sizes, so it runs in the desktop project only. Each test logs in once
 * and uses one page; every problem on every page goes into one list that is checked at the end,
 * so a failure lists all of them. The application is filled in once (in bokmål, with answers that
 * open the questions that depend on earlier answers) and its steps, summary and receipt are then
 * checked in all three languages by changing the language in the address.
 *
 * Sends once as the persona `gift` (the keyboard test sends the other of its two a day).
 * The complaint's pages are checked with persons of the tests' own (the mock's synthetic ones), one
 * complaint per state, moved there by the caseworker simulator; the late question with nylig-hjelp,
 * whose decision is 23 days old (its complaint is never sent). The messages likewise: a person of
 * the test's own, whose conversation the simulator fills and answers (a new reply before each
 * language, so each shows the "Ny" tag: opening a conversation reads it).
 * The contact centre's pages as the staff user Nora Kontaktsenter: a number one digit off, kode6
 * (refused), the person pages of under-behandling (tasks, a wide table in its own scrolling box) and
 * nylig-hjelp (a paper søknad), and the søknad pages of under-behandling and innvilget (payments).
 */
import axeCore from "axe-core";
import { test as base, expect, type Page } from "@playwright/test";
import { hydrated, loginAs, type Language } from "./fixtures";
import { texts, textPattern } from "./locale";
import { loggedIn, sentKlage } from "./http";
import { newSoknadFor, caseworker, fillConversation, freshPerson, moveKlageTo, officeReply, refusal, samtalerOf, seededSoknadOf, type KlageTestState } from "./mock-control";
import { persona, wholeName } from "./personas";
import { bankStatement } from "../app/vedlegg/fixtures.test-support";

const languages: Language[] = ["nb", "nn", "en"];
const DESKTOP = { width: 1280, height: 800 } as const;
const NARROW = { width: 320, height: 640 } as const;
/** 1280 × 800 at 200 % zoom: the same CSS layout as a 640 × 400 window. */
const ZOOMED = { width: 640, height: 400 } as const;

type Checker = { page: Page; problems: string[] };

declare global {
  interface Window {
    axe: typeof axeCore;
  }
}

const test = base.extend<{ checker: Checker }>({
  checker: async ({ page }, provide, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "sets its own window sizes: 1280, 320 and 640 (200 % zoom) px");
    test.setTimeout(300_000);
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`${page.url()}: script error: ${error.message}`));
    await page.setViewportSize(DESKTOP);
    await provide({ page, problems });
    expect(problems, "accessibility problems").toEqual([]);
  },
});
test.describe.configure({ mode: "parallel" });

/**
 * axe with the tags of fixtures.ts. Put into the page once and asked for violations only
 * (not every passing node), which makes each run about twice as fast as AxeBuilder's.
 */
async function axe(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeCore.source);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] }),
    ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"],
  );
  return results.violations.map(
    (violation) => `${label}: axe ${violation.id} (${violation.impact}) ${violation.help} → ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

/**
 * What does not fit the window: sideways scrolling of the page, text cut off by its box, and
 * controls or text outside the window (where the page hides its overflow, scrolling does not show
 * it). A data table inside its own scrolling box is allowed (WCAG 1.4.10 exempts two-dimensional
 * content), so anything inside a box that scrolls sideways is left out.
 */
async function reflow(page: Page, label: string): Promise<string[]> {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`scrolls sideways (${root.scrollWidth} px content in ${root.clientWidth} px)`);
    const width = document.documentElement.clientWidth;
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : "";
      const cls = typeof element.className === "string" && element.className ? `.${element.className.trim().split(/\s+/).slice(0, 2).join(".")}` : "";
      const words = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${element.tagName.toLowerCase()}${id}${cls} "${words}"`;
    };
    const scrollsSideways = (element: Element) => {
      for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
        const overflow = getComputedStyle(node).overflowX;
        if ((overflow === "auto" || overflow === "scroll") && node.scrollWidth > node.clientWidth) return true;
      }
      return false;
    };
    const shown = (element: Element) => {
      const rect = element.getBoundingClientRect();
      // Screen-reader-only text is 1 × 1 px and clipped on purpose.
      return rect.width > 2 && rect.height > 2 && element.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    };
    const reported = new Set<Element>();
    const within = (element: Element) => [...reported].some((parent) => parent.contains(element));
    for (const element of document.body.querySelectorAll("*")) {
      if (!shown(element) || within(element)) continue;
      const style = getComputedStyle(element);
      if (style.position === "fixed" && style.visibility === "hidden") continue;
      const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? "").trim() !== "");
      const control = element.matches("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])");
      if (!hasText && !control) continue;
      const rect = element.getBoundingClientRect();
      // Wholly to the left of the page is hidden on purpose (a skip link until it has focus).
      if (rect.right <= 0) continue;
      if ((rect.right > width + 1 || rect.left < -1) && !scrollsSideways(element)) {
        problems.push(`outside the window (${Math.round(rect.left)}–${Math.round(rect.right)} px of ${width}): ${describe(element)}`);
        reported.add(element);
        continue;
      }
      // Text wider than its box: cut off where the box hides its overflow, sticking out where it does not.
      if (hasText && element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 2 && !scrollsSideways(element)) {
        const clips = style.overflowX === "hidden" || style.overflowX === "clip" || style.textOverflow === "ellipsis";
        problems.push(`text ${clips ? "cut off" : "sticks out of its box"} (${element.scrollWidth} px of text in ${element.clientWidth} px): ${describe(element)}`);
        reported.add(element);
      }
    }
    return problems;
  });
  return found.map((problem) => `${label}: ${problem}`);
}

/** Lets the page lay itself out at a new window size. */
async function resize(page: Page, size: { width: number; height: number }) {
  await page.setViewportSize(size);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Checks the page as it is now at 1280 px, 320 px and 200 % zoom, and leaves it at 1280 px. */
async function check({ page, problems }: Checker, name: string) {
  await page.waitForLoadState("load");
  await hydrated(page);
  const path = new URL(page.url()).pathname;
  const label = `${name} (${path})`;
  problems.push(...(await axe(page, `${label} at 1280 px`)));
  await resize(page, NARROW);
  problems.push(...(await axe(page, `${label} at 320 px`)));
  problems.push(...(await reflow(page, `${label} at 320 px`)));
  await resize(page, ZOOMED);
  problems.push(...(await reflow(page, `${label} at 200 % zoom`)));
  await resize(page, DESKTOP);
}

/** Opens `path` and checks it; a page that is not there is a problem too (except the 404 page). */
async function visit(checker: Checker, name: string, path: string, status = 200) {
  const response = await checker.page.goto(path);
  if (response?.status() !== status) checker.problems.push(`${name} (${path}): HTTP ${response?.status()}, expected ${status}`);
  await check(checker, name);
}

/** The same page in another language. */
const inLanguage = (url: string, language: Language) => new URL(url, "http://localhost").pathname.replace(/^\/(nb|nn|en)\//, `/${language}/`);

test("public pages in every language, and the contact centre's: the staff login, the search with a wrong number and a refusal, a person's page, a søknad with tasks and one with payments", async ({ checker }) => {
  const { page } = checker;
  for (const language of languages) {
    const t = texts(language);
    await visit(checker, `landing ${language}`, `/${language}`);
    await visit(checker, `login ${language}`, `/${language}/logg-inn`);
    // The error state: log in without choosing anyone.
    await page.locator("main").getByRole("button", { name: t("auth:testLogin.submit") }).click();
    await expect(page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") })).toBeVisible();
    await check(checker, `login with error summary ${language}`);
    await visit(checker, `staff login ${language}`, `/${language}/nks/logg-inn`);
    await visit(checker, `privacy ${language}`, `/${language}/personvern`);
    await visit(checker, `accessibility statement ${language}`, `/${language}/tilgjengelighet`);
    await visit(checker, `contact ${language}`, `/${language}/kontakt`);
    await visit(checker, `logged out ${language}`, `/${language}/logget-ut`);
    // A refused real login (docs/decisions/028) lands here, for citizens and for staff.
    await visit(checker, `login refused ${language}`, `/${language}/innlogging-feilet?arsak=assurance`);
    await visit(checker, `staff login refused ${language}`, `/${language}/innlogging-feilet?arsak=identity&for=nks`);
    await visit(checker, `404 ${language}`, `/${language}/finnes-ikke`, 404);
  }
  // NAV Contact Centre staff.
  await page.goto("/nb/nks/logg-inn");
  await hydrated(page);
  await page.getByRole("radio", { name: /Nora Kontaktsenter/ }).check();
  await page.locator("main").getByRole("button", { name: texts("nb")("auth:testLogin.submit") }).click();
  await expect(page).toHaveURL(/\/nb\/nks$/);
  const [processing, recent, granted, hidden] = await Promise.all([persona("under-behandling"), persona("nylig-hjelp"), persona("innvilget"), persona("kode6")]);
  const main = page.locator("main");
  /** Types the number into the search page's field and presses Enter, as staff do. */
  const search = async (language: Language, fnr: string) => {
    await hydrated(page);
    await main.getByLabel(texts(language)("nks:search.label")).fill(fnr);
    await main.getByLabel(texts(language)("nks:search.label")).press("Enter");
  };
  /** The person's page under a lookup id of this session's (valid for an hour, in every language). */
  const lookUp = async (fnr: string) => {
    await page.goto("/nb/nks");
    await search("nb", fnr);
    await expect(page).toHaveURL(/\/nb\/nks\/person\/[\w-]{24}$/);
    return new URL(page.url()).pathname;
  };
  const processingPage = await lookUp(processing.fnr);
  const recentPage = await lookUp(recent.fnr);
  const grantedPage = await lookUp(granted.fnr);
  const processingSoknad = `${processingPage}/soknad/${await seededSoknadOf(processing.fnr)}`;
  const grantedSoknad = `${grantedPage}/soknad/${await seededSoknadOf(granted.fnr)}`;
  // One digit off: fails the mod-11 check.
  const wrongNumber = `${processing.fnr.slice(0, 10)}${(Number(processing.fnr[10]) + 1) % 10}`;
  for (const language of languages) {
    const tl = texts(language);
    await visit(checker, `staff search page ${language}`, `/${language}/nks`);
    await search(language, wrongNumber);
    await expect(main.getByRole("link", { name: tl("nks:search.errors.checksum") })).toBeVisible();
    await check(checker, `staff search, a wrong number: error summary ${language}`);
    await search(language, hidden.fnr);
    await expect(main.getByRole("heading", { name: tl("nks:refused.title") })).toBeVisible();
    await check(checker, `staff search, refused (kode 6) ${language}`);
    await visit(checker, `staff person page, a søknad under behandling ${language}`, inLanguage(processingPage, language));
    await expect(main.getByRole("region", { name: tl("nks:soknader.caption") })).toBeVisible();
    await visit(checker, `staff person page, a paper søknad ${language}`, inLanguage(recentPage, language));
    await expect(main.getByText(tl("nks:soknader.paper"), { exact: true })).toBeVisible();
    await visit(checker, `staff søknad page with tasks ${language}`, inLanguage(processingSoknad, language));
    await expect(main.getByRole("heading", { level: 2, name: tl("innsyn:tasks.title") })).toBeVisible();
    await visit(checker, `staff søknad page with payments ${language}`, inLanguage(grantedSoknad, language));
    await expect(main.getByRole("heading", { level: 2, name: tl("innsyn:payments.title") })).toBeVisible();
  }
});

test("the contact centre's call-back form in every language: the form with the 'today' panel, and its errors", async ({ checker }) => {
  const { page } = checker;
  await page.goto("/nb/nks/logg-inn");
  await hydrated(page);
  await page.getByRole("radio", { name: /Nora Kontaktsenter/ }).check();
  await page.locator("main").getByRole("button", { name: texts("nb")("auth:testLogin.submit") }).click();
  await expect(page).toHaveURL(/\/nb\/nks$/);
  const caller = await freshPerson();
  const main = page.locator("main");
  await hydrated(page);
  await main.getByLabel(texts("nb")("nks:search.label")).fill(caller.fnr);
  await main.getByLabel(texts("nb")("nks:search.label")).press("Enter");
  await expect(page).toHaveURL(/\/nb\/nks\/person\/[\w-]{24}$/);
  const form = `${new URL(page.url()).pathname}/ring-tilbake`;
  for (const language of languages) {
    const tl = texts(language);
    await visit(checker, `staff call-back form ${language}`, inLanguage(form, language));
    await expect(main.getByRole("region", { name: tl("nks:callbackForm.today.title") })).toBeVisible();
    await main.getByRole("button", { name: tl("nks:callbackForm.submit") }).click();
    await expect(main.getByRole("link", { name: tl("nks:callbackForm.errors.temaRequired") })).toBeVisible();
    await check(checker, `staff call-back form, errors ${language}`);
  }
});

test("personal pages in every language: front page, my applications, payments, messages, status page with tasks, a decision", async ({ checker }) => {
  const { page } = checker;
  // Granted, with payments and a decision letter.
  const granted = await persona("innvilget");
  await loginAs(page, granted.name, "nb");
  const grantedSoknad = await seededSoknadOf(granted.fnr);
  await page.goto(`/nb/innsyn/${grantedSoknad}`);
  const letterLink = page.locator("main a[href*='/vedtak/']").first();
  await expect(letterLink).toBeVisible();
  const vedtakPath = (await letterLink.getAttribute("href"))!;
  for (const language of languages) {
    await visit(checker, `front page logged in ${language}`, `/${language}`);
    await visit(checker, `my applications ${language}`, `/${language}/mine-soknader`);
    await visit(checker, `payments ${language}`, `/${language}/utbetalinger`);
    await visit(checker, `messages ${language}`, `/${language}/meldinger`);
    await visit(checker, `status page, granted ${language}`, `/${language}/innsyn/${grantedSoknad}`);
    await visit(checker, `decision ${language}`, vedtakPath.replace(/^\/(nb|nn|en)\//, `/${language}/`));
  }

  // Being processed: documents asked for, with a deadline, and an upload for each.
  const processing = await persona("under-behandling");
  await page.context().clearCookies();
  await loginAs(page, processing.name, "nb");
  const processingSoknad = await seededSoknadOf(processing.fnr);
  for (const language of languages) {
    const t = texts(language);
    await visit(checker, `status page with tasks ${language}`, `/${language}/innsyn/${processingSoknad}`);
    // The error state of an upload form: send without choosing a file.
    const send = page.locator("main form").filter({ has: page.locator("input[type=file]") }).first().getByRole("button", { name: t("vedlegg:upload"), exact: true });
    if ((await send.count()) > 0) {
      await send.click();
      await page.waitForLoadState("load");
      await check(checker, `status page, upload without a file ${language}`);
    }
  }
});

test("the whole application in every language: start, every step with its follow-up questions, errors, summary, receipt", async ({ checker }) => {
  const { page } = checker;
  const person = await persona("gift");
  // A søknad of this person's own with tasks and a decision, made by the caseworker simulator.
  const own = await newSoknadFor("gift");
  await caseworker(own, { action: "status", status: "UNDER_BEHANDLING" });
  const [sak] = await caseworker(own, { action: "sak", tittel: "Livsopphold", status: "UNDER_BEHANDLING" });
  await caseworker(own, {
    action: "etterspor",
    dokumenter: [{ dokumenttype: "Kontoutskrift", tilleggsinformasjon: "For de siste tre månedene.", innsendelsesfrist: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10) }],
  });
  await caseworker(own, { action: "vilkar", saksreferanse: sak!.referanse as string, tittel: "Meld deg som arbeidssøker", beskrivelse: "Innen to uker." });
  await caseworker(own, { action: "vedtak", saksreferanse: sak!.referanse as string, utfall: "DELVIS_INNVILGET" });

  await loginAs(page, person.name, "nb");
  const t = texts("nb");
  const main = page.locator("main");
  const radio = (legend: string | RegExp, option: string) => main.getByRole("radiogroup", { name: legend }).getByRole("radio", { name: option, exact: true });
  const checkbox = (name: string) => main.getByRole("checkbox", { name, exact: true });
  const next = () => main.getByRole("button", { name: t("soknad:nav.next"), exact: true }).click();
  const step = async (titleKey: string) => {
    await expect(page.getByRole("heading", { level: 1, name: t(titleKey), exact: true })).toBeVisible();
  };
  const errorSummary = page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") });

  for (const language of languages) {
    await visit(checker, `status page with tasks and a decision ${language}`, `/${language}/innsyn/${own}`);
    await visit(checker, `start page ${language}`, `/${language}/soknad`);
  }
  await page.goto("/nb/soknad");
  await main.getByRole("button", { name: t("soknad:start.begin"), exact: true }).click();
  const steps: Array<{ name: string; path: string }> = [];
  const record = async (name: string) => {
    steps.push({ name, path: page.url() });
    await check(checker, `${name} nb`);
  };

  await step("soknad-personalia:title");
  await radio(t("soknad-personalia:address.legend"), t("soknad-personalia:address.annen")).check();
  await main.getByLabel(t("soknad-personalia:otherAddress.street")).fill("Grønnegata 12");
  await main.getByLabel(t("soknad-personalia:otherAddress.postnummer")).fill("2317");
  await main.getByLabel(t("soknad-personalia:otherAddress.poststed")).fill("Hamar");
  await record("step 1 personalia, another address");
  await next();

  await step("soknad-behov:title");
  await next();
  await expect(errorSummary).toBeVisible();
  await check(checker, "step 2 behov, nothing chosen: error summary nb");
  await checkbox(t("soknad-behov:category.livsopphold")).check();
  await checkbox(t("soknad-behov:category.nodhjelp")).check();
  await checkbox(t("soknad-behov:emergency.ingenMat")).check();
  await checkbox(t("soknad-behov:category.annet")).check();
  await main.getByLabel(t("soknad-behov:otherText.label")).fill("Busskort til jobbintervju");
  await main.getByLabel(t("soknad-behov:details.label")).fill("Jeg har fått halv stilling og får ikke endene til å møtes.");
  await record("step 2 behov, emergency and other");
  await next();

  await step("soknad-arbeid:title");
  await radio(t("soknad-arbeid:student.legend"), t("soknad-arbeid:student.ja")).check();
  await radio(t("soknad-arbeid:studyLoad.legend"), t("soknad-arbeid:studyLoad.deltid")).check();
  await record("step 3 arbeid, student");
  await next();

  await step("soknad-familie:title");
  await main.getByLabel(t("soknad-familie:spouse.name")).fill("Kari Moe");
  await main.getByLabel(t("soknad-familie:spouse.birthDate")).fill("17.05.1985");
  await radio(t("soknad-familie:spouse.livesTogether"), t("soknad-familie:answer.ja")).check();
  await radio(/Sara/, t("soknad-familie:answer.nei")).check();
  await radio(t("soknad-familie:childSupport.legend"), t("soknad-familie:childSupport.option.ingen")).check();
  await record("step 4 familie, spouse and child");
  await next();

  await step("soknad-bosituasjon:title");
  await radio(t("soknad-bosituasjon:housing.legend"), t("soknad-bosituasjon:housing.annet")).check();
  await main.getByLabel(t("soknad-bosituasjon:housingOther.label")).fill("Jeg leier et rom hos en venn");
  await main.getByLabel(t("soknad-bosituasjon:householdSize.label")).fill("3");
  await record("step 5 bosituasjon, other housing");
  await next();

  await step("soknad-inntekt:title");
  await radio(t("soknad-inntekt:skattConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await radio(t("soknad-inntekt:bostotteConsent.legend"), t("soknad-inntekt:answer.nei")).check();
  await radio(t("soknad-inntekt:studentLoan.legend"), t("soknad-inntekt:answer.nei")).check();
  await checkbox(t("soknad-inntekt:otherIncome.option.barnebidrag")).check();
  await main.getByLabel(t("soknad-inntekt:otherIncome.amount.barnebidrag")).fill("1500");
  await checkbox(t("soknad-inntekt:savings.option.brukskonto")).check();
  // With the yes to Skatteetaten saved (in the background, when the person leaves the question),
  // the step shows the income Skatteetaten has; "Neste" then goes on.
  await expect(main.getByRole("region", { name: t("soknad:income.taxTitle") })).toBeVisible();
  await record("step 6 inntekt, other income and income from Skatteetaten");
  await next();

  await step("soknad-utgifter:title");
  await checkbox(t("soknad-utgifter:housingCosts.option.husleie")).check();
  await checkbox(t("soknad-utgifter:childCosts.option.sfo")).check();
  await checkbox(t("soknad-utgifter:otherCosts.option.medisin")).check();
  await record("step 7 utgifter, with children's costs");
  await next();

  await step("soknad-dokumentasjon:title");
  await expect(main.getByRole("heading", { level: 2, name: t("soknad-dokumentasjon:other.title") })).toBeVisible();
  const now = main.getByRole("radio", { name: t("soknad-dokumentasjon:choice.option.lasterOppNa"), exact: true });
  await now.first().check();
  await record("step 8 dokumentasjon, uploading now");
  const later = main.getByRole("radio", { name: t("soknad-dokumentasjon:choice.option.senderSenere"), exact: true });
  for (let index = 0; index < (await later.count()); index++) await later.nth(index).check();
  await next();

  await step("soknad:summary.title");
  await record("step 9 summary");
  const summary = page.url();
  const draftPath = new URL(summary).pathname.replace(/\/oppsummering$/, "");

  for (const language of languages) {
    const tl = texts(language);
    if (language !== "nb") {
      for (const { name, path } of steps) await visit(checker, `${name} ${language}`, inLanguage(path, language));
    }
    // The summary's error state: send without confirming.
    await page.goto(inLanguage(summary, language));
    await hydrated(page);
    await main.getByRole("button", { name: tl("soknad:summary.send"), exact: true }).click();
    await expect(main.getByRole("link", { name: tl("soknad-errors:confirm.required") })).toBeVisible();
    await check(checker, `summary, not confirmed: error summary ${language}`);
    await visit(checker, `delete the draft? ${language}`, inLanguage(`${draftPath}/slett`, language));
    await visit(checker, `front page with a draft ${language}`, `/${language}`);
  }

  await page.goto(summary);
  await hydrated(page);
  await checkbox(t("soknad:summary.confirm")).check();
  await main.getByRole("button", { name: t("soknad:summary.send"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("soknad:receipt.title") })).toBeVisible();
  const receipt = page.url();
  for (const language of languages) await visit(checker, `receipt ${language}`, inLanguage(receipt, language));
});

/* ---------- the complaint (klage) ---------- */

test("the complaint in every language: the decision's button, each step, its errors, a file, the summary, the receipt", async ({ checker }) => {
  const { page } = checker;
  const who = await freshPerson();
  const decision = await refusal(who.id);
  await loginAs(page, wholeName(who.name), "nb");
  const main = page.locator("main");
  const t = texts("nb");
  for (const language of languages) await visit(checker, `decision with "Klag på vedtaket" ${language}`, `/${language}/innsyn/${decision.soknadId}/vedtak/${decision.vedtakId}`);
  await page.goto(`/nb/innsyn/${decision.soknadId}/vedtak/${decision.vedtakId}`);
  await hydrated(page);
  await main.getByRole("button", { name: t("klage:start.button") }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: t("klage:steps.vedtak.title") })).toBeVisible();
  const base = new URL(page.url()).pathname.replace(/^\/nb\//, "/").replace(/\/vedtak$/, "");
  // The answers the error states take away are put back through the page's own form, as a person would.
  const answer = async (language: Language, step: string, form: Record<string, string>) => {
    const response = await page.request.post(`/${language}${base}/${step}`, { form: { intent: "next", ...form }, headers: { Origin: new URL(page.url()).origin }, maxRedirects: 0 });
    expect(response.status(), `${step} answered`).toBe(302);
  };
  await answer("nb", "begrunnelse", { tekst: "Jeg mistet jobben og har ikke penger til husleien." });

  // A file, and the upload's result (nb).
  await page.goto(`/nb${base}/vedlegg`);
  await hydrated(page);
  await main.getByLabel(t("vedlegg:choose", { document: t("klage:steps.vedlegg.label") })).setInputFiles({ name: "kontoutskrift.pdf", mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(1)) });
  await main.getByRole("button", { name: t("vedlegg:upload"), exact: true }).click();
  await expect(page.getByText(t("vedlegg:result.ok", { name: "kontoutskrift.pdf" }))).toBeVisible();
  await check(checker, "step 3 vedlegg, after an upload nb");

  for (const language of languages) {
    const tl = texts(language);
    const errorSummary = page.getByRole("heading", { name: tl("common:forms.errorSummaryHeading") });
    const next = () => main.getByRole("button", { name: tl("klage:nav.next"), exact: true }).click();
    await visit(checker, `step 1 vedtak ${language}`, `/${language}${base}/vedtak`);
    await main.getByRole("checkbox").first().uncheck();
    await next();
    await expect(errorSummary).toBeVisible();
    await check(checker, `step 1 vedtak, none chosen: error summary ${language}`);
    await answer(language, "vedtak", { vedtakIds: decision.vedtakId });
    await visit(checker, `step 2 begrunnelse ${language}`, `/${language}${base}/begrunnelse`);
    await main.getByLabel(tl("klage:steps.begrunnelse.tekst")).fill("");
    await next();
    await expect(errorSummary).toBeVisible();
    await check(checker, `step 2 begrunnelse, empty: error summary ${language}`);
    await answer(language, "begrunnelse", { tekst: "Jeg mistet jobben og har ikke penger til husleien." });
    await visit(checker, `step 3 vedlegg with a file ${language}`, `/${language}${base}/vedlegg`);
    await visit(checker, `step 4 summary ${language}`, `/${language}${base}/oppsummering`);
  }
  await page.goto(`/nb${base}/oppsummering`);
  await hydrated(page);
  await main.getByRole("button", { name: t("klage:nav.send"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: t("klage:receipt.title") })).toBeVisible();
  for (const language of languages) await visit(checker, `receipt ${language}`, `/${language}${base}/kvittering`);
});

test("a late complaint in every language: the deadline passed, the question why, its error, the summary's note", async ({ checker }) => {
  const { page } = checker;
  const main = page.locator("main");
  const t = texts("nb");
  // nylig-hjelp's decision is 23 days old, so the complaint asks why it is late (never sent: no other test complains for this persona).
  const late = await persona("nylig-hjelp");
  await loginAs(page, late.name, "nb");
  const lateSoknad = await seededSoknadOf(late.fnr);
  await page.goto(`/nb/innsyn/${lateSoknad}`);
  await main.locator("a[href*='/vedtak/']").first().click();
  await hydrated(page);
  await main.getByRole("button", { name: t("klage:start.button") }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: t("klage:steps.vedtak.title") })).toBeVisible();
  const lateBase = new URL(page.url()).pathname.replace(/^\/nb\//, "/").replace(/\/vedtak$/, "");
  for (const language of languages) {
    const tl = texts(language);
    await visit(checker, `step 1, deadline passed ${language}`, `/${language}${lateBase}/vedtak`);
    await page.goto(`/${language}${lateBase}/begrunnelse`);
    await expect(main.getByLabel(tl("klage:steps.begrunnelse.late"))).toBeVisible();
    await check(checker, `step 2 with the late question ${language}`);
    await main.getByLabel(tl("klage:steps.begrunnelse.tekst")).fill("Jeg fikk ikke brevet.");
    await main.getByLabel(tl("klage:steps.begrunnelse.late")).fill("");
    await main.getByRole("button", { name: tl("klage:nav.next"), exact: true }).click();
    await expect(main.getByRole("link", { name: tl("klage:errors.lateRequired") })).toBeVisible();
    await check(checker, `step 2, late question empty: error summary ${language}`);
  }
  const lateAnswer = await page.request.post(`/nb${lateBase}/begrunnelse`, {
    form: { intent: "next", tekst: "Jeg fikk ikke brevet.", forSentBegrunnelse: "Jeg var på sykehus." },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(lateAnswer.status()).toBe(302);
  for (const language of languages) await visit(checker, `summary of a late complaint ${language}`, `/${language}${lateBase}/oppsummering`);
});

/** A fresh person with one sent complaint per state, each about its own refusal; logged in on the page. */
async function complaintsInStates(page: Page, states: KlageTestState[]) {
  const who = await freshPerson();
  const setup = await loggedIn(who);
  const complaints: Array<{ state: KlageTestState; soknadId: string; vedtakId: string; klageId: string; path: string }> = [];
  for (const state of states) {
    const decision = await refusal(who.id);
    const klageId = await sentKlage(setup.api, decision, `Klagen som blir ${state}.`);
    await moveKlageTo(klageId, state);
    complaints.push({ state, ...decision, klageId, path: `/innsyn/${decision.soknadId}/klage/${klageId}` });
  }
  await setup.api.dispose();
  await loginAs(page, wholeName(who.name), "nb");
  return complaints;
}

test("the complaint's page at the Statsforvalter and after, in every language: sent there, upheld, changed, and withdrawn", async ({ checker }) => {
  const complaints = await complaintsInStates(checker.page, ["SENDT_TIL_STATSFORVALTEREN", "STADFESTET", "ENDRET", "TRUKKET"]);
  for (const language of languages) {
    for (const complaint of complaints) {
      await visit(checker, `complaint page, ${complaint.state} ${language}`, `/${language}${complaint.path}`);
      await expect(checker.page.getByRole("heading", { level: 1, name: texts(language)("klage-status:page.title") })).toBeVisible();
    }
  }
});

test("the complaint's page at the office, in every language: sent, being processed, agreed with its new decision, in part, refused as too late", async ({ checker }) => {
  const complaints = await complaintsInStates(checker.page, ["SENDT", "UNDER_BEHANDLING", "MEDHOLD", "DELVIS_MEDHOLD", "AVVIST"]);
  for (const language of languages) {
    for (const complaint of complaints) {
      await visit(checker, `complaint page, ${complaint.state} ${language}`, `/${language}${complaint.path}`);
      await expect(checker.page.getByRole("heading", { level: 1, name: texts(language)("klage-status:page.title") })).toBeVisible();
    }
  }
  // The new decision a MEDHOLD brings has its page.
  const medhold = complaints.find((complaint) => complaint.state === "MEDHOLD")!;
  await checker.page.goto(`/nb${medhold.path}`);
  await hydrated(checker.page);
  await checker.page.getByRole("link", { name: texts("nb")("klage-status:timeline.newDecision") }).click();
  await expect(checker.page.getByRole("heading", { level: 1, name: texts("nb")("innsyn:vedtakPage.title") })).toBeVisible();
  for (const language of languages) await visit(checker, `the new decision after MEDHOLD ${language}`, inLanguage(checker.page.url(), language));
});

test("withdrawing a complaint and the complaints beside their decisions, in every language: the confirmation, decided, withdrawn, an upload without a file, the lists", async ({ checker }) => {
  const { page } = checker;
  const complaints = await complaintsInStates(page, ["SENDT", "SENDT", "AVVIST"]);
  const [open, toWithdraw, decided] = complaints as [(typeof complaints)[0], (typeof complaints)[0], (typeof complaints)[0]];
  const main = page.locator("main");
  for (const language of languages) {
    const tl = texts(language);
    await visit(checker, `withdraw: confirm ${language}`, `/${language}${open.path}/trekk`);
    await visit(checker, `withdraw: already decided ${language}`, `/${language}${decided.path}/trekk`);
    // "Last opp" with no file chosen, on the complaint's page.
    await visit(checker, `complaint page, open ${language}`, `/${language}${open.path}`);
    await main.getByRole("button", { name: tl("vedlegg:upload"), exact: true }).click();
    await expect(main.getByText(tl("vedlegg:requestError.no-file"))).toBeVisible();
    await check(checker, `complaint page, upload without a file ${language}`);
    // Complaints beside their decisions and in the lists.
    await visit(checker, `status page with a complaint ${language}`, `/${language}/innsyn/${open.soknadId}`);
    await visit(checker, `decision with its complaint ${language}`, `/${language}/innsyn/${open.soknadId}/vedtak/${open.vedtakId}`);
    await visit(checker, `my applications with complaints ${language}`, `/${language}/mine-soknader`);
    await visit(checker, `front page with news of a complaint ${language}`, `/${language}`);
  }
  await page.goto(`/nb${toWithdraw.path}/trekk`);
  await hydrated(page);
  await main.getByRole("button", { name: texts("nb")("klage-status:trekk.confirm"), exact: true }).click();
  await expect(main.getByText(texts("nb")("klage-status:page.withdrawn"))).toBeVisible();
  await check(checker, "complaint page, just withdrawn nb");
  for (const language of languages) await visit(checker, `withdraw: already withdrawn ${language}`, `/${language}${toWithdraw.path}/trekk`);
});

/* ---------- messages (meldinger) ---------- */

test("messages in every language: the list with new replies, a conversation from both sides with files and a new reply, just sent, an empty message's error summary, the older messages, a søknad's empty conversation", async ({ checker }) => {
  const { page } = checker;
  const main = page.locator("main");
  const who = await freshPerson();
  await newSoknadFor(who.id);
  const [general, ofSoknad] = await samtalerOf(who.fnr);
  expect(general?.fiksDigisosId, "the general conversation first").toBeNull();
  expect(ofSoknad?.fiksDigisosId, "then the søknad's").toBeTruthy();
  // More than one page of history (20 a page), so "Vis eldre meldinger" leads somewhere.
  await fillConversation(general!.samtaleId, 25);
  await loginAs(page, wholeName(who.name), "nb");
  const conversation = `/meldinger/${general!.samtaleId}`;
  const pdf = Buffer.from(await bankStatement(1));
  const fileName = (language: Language) => `Kontoutskrift_DNB_2026-09-01_til_2026-11-30_konto_1234.56.78901_${language}.pdf`;

  for (const language of languages) {
    const tl = texts(language);
    const send = main.getByRole("button", { name: tl("meldinger:write.send"), exact: true });
    // A new reply with a letter attached: the list counts it, the header shows it, the conversation marks it "Ny".
    // A long address and a long file name must wrap at 320 px.
    await officeReply(general!.samtaleId, { tekst: `Svar ${language}: les mer på https://www.nav.no/okonomisk-sosialhjelp/dokumentasjon-du-kan-bli-bedt-om-a-sende.`, saksbehandler: "Kari", vedlegg: true });
    await visit(checker, `messages, a new reply ${language}`, `/${language}/meldinger`);
    await expect(main.getByText(tl("meldinger:list.unread_one", { count: 1 }), { exact: true })).toBeVisible();
    await visit(checker, `conversation with a new reply and its letter ${language}`, `/${language}${conversation}`);
    await expect(main.getByText(tl("meldinger:messages.new"), { exact: true })).toHaveCount(1);
    await expect(main.getByRole("list", { name: tl("meldinger:messages.files") }).first()).toBeVisible();

    // The person writes back with a file: the message sent, at the top, with its file and "not read yet".
    await main.getByRole("textbox", { name: textPattern(language, "meldinger", "write.label") }).fill(`Takk. Her er kontoutskriften (${language}).`);
    await main.getByText(tl("meldinger:write.attach")).click();
    await main.getByLabel(tl("vedlegg:choose", { document: tl("meldinger:write.files") })).setInputFiles({ name: fileName(language), mimeType: "application/pdf", buffer: pdf });
    await send.click();
    await expect(main.getByText(tl("meldinger:conversation.sent"))).toBeVisible();
    await expect(main.getByRole("link", { name: fileName(language) })).toBeVisible();
    await check(checker, `conversation, just sent with a file ${language}`);

    // "Send meldingen" with nothing written: the error summary.
    await send.click();
    await expect(main.getByRole("link", { name: tl("meldinger:errors.tekstRequired") })).toBeVisible();
    await check(checker, `conversation, empty message: error summary ${language}`);

    // The older messages, on a page of their own.
    await page.goto(`/${language}${conversation}`);
    await hydrated(page);
    await main.getByRole("link", { name: tl("meldinger:messages.older"), exact: true }).click();
    await expect(main.getByText(tl("meldinger:messages.olderPage"))).toBeVisible();
    await check(checker, `conversation, older messages ${language}`);

    await visit(checker, `a søknad's conversation, no messages yet ${language}`, `/${language}/meldinger/${ofSoknad!.samtaleId}`);
    await expect(main.getByText(tl("meldinger:messages.none"))).toBeVisible();
  }
});
