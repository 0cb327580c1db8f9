/**
 * Whole journeys through the guided application (søknad): the family questions in nynorsk,
 * a first application in English, the short application, nødhjelp, a burst of parallel
 * sends, and the fagsystem failing at the moment of sending.
 *
 * Who sends where. NAV allows two sent søknader per person in 24 hours, and the portal counts
 * them in its database. All three projects use one portal and one database, which is only reset
 * before a run, so the limit holds per person for the whole run, across projects and spec files.
 * After two sends the start page has no "Start søknaden" button any more, so a persona that
 * another test still starts a draft with must stay below two. The budget below says how many
 * sends each persona has left after e2e/soknad.spec.ts, and `plans` spends it; a journey runs
 * only in the projects where it has a sender, and is skipped with that reason in the others.
 * The tests that count the mock's søknader or inject a fault for a person use a persona whose
 * other send (if any) is in this file and the same project, so the two never run at the same
 * time (the tests of one file run one after another in a project).
 */
import type { Locator, Page } from "@playwright/test";
import { PORTAL } from "../playwright.config";
import { expect, loginAs, test, type Language } from "./fixtures";
import { texts, textPattern } from "./locale";
import { addFault, removeFault, soknaderOf } from "./mock-control";
import { persona, type TestUser } from "./personas";

type Project = "desktop" | "mobile" | "no-js";
type Plan = Partial<Record<Project, { persona: string; language: Language }>>;

/** Sends each persona has left for this file in one run. */
const budget: Record<string, number> = {
  // soknad.spec.ts sends once as each of these (desktop, mobile, no-js).
  forstegang: 1,
  avslag: 1,
  "under-behandling": 1,
  // soknad.spec.ts starts a draft as aleneforelder in every project, which needs fewer than two sends.
  aleneforelder: 1,
  "nylig-hjelp": 2,
  innvilget: 2,
};

const plans = {
  nynorsk: { mobile: { persona: "aleneforelder", language: "nn" } },
  english: { desktop: { persona: "forstegang", language: "en" } },
  short: { desktop: { persona: "nylig-hjelp", language: "nb" } },
  emergency: { mobile: { persona: "avslag", language: "nb" }, "no-js": { persona: "under-behandling", language: "nn" } },
  doubleSubmit: { "no-js": { persona: "innvilget", language: "en" } },
  sendFailure: { desktop: { persona: "nylig-hjelp", language: "en" }, "no-js": { persona: "innvilget", language: "nb" } },
} satisfies Record<string, Plan>;

// Checked when the file loads: overspending would otherwise show up as a missing button or the daily-limit message.
{
  const left = { ...budget };
  for (const plan of Object.values(plans) as Plan[]) {
    for (const { persona: id } of Object.values(plan)) left[id] = (left[id] ?? 0) - 1;
  }
  const over = Object.entries(left).filter(([, count]) => count < 0);
  if (over.length > 0) throw new Error(`Too many søknader planned for ${over.map(([id]) => id).join(", ")}`);
}

/** The persona and language for this journey in this project, or the test is skipped. */
async function senderFor(plan: Plan): Promise<{ person: TestUser; language: Language }> {
  const project = test.info().project.name as Project;
  const entry = plan[project];
  test.skip(
    !entry,
    `sends only in ${Object.keys(plan).join(" and ")}: two søknader a day per person, counted across all projects and spec files`,
  );
  return { person: await persona(entry!.persona), language: entry!.language };
}

/* ---------- the application, in the language it runs in ---------- */

const progress: Record<Language, (step: number, total: number) => string> = {
  nb: (step, total) => `Steg ${step} av ${total}`,
  nn: (step, total) => `Steg ${step} av ${total}`,
  en: (step, total) => `Step ${step} of ${total}`,
};

function application(page: Page, language: Language) {
  const t = texts(language);
  const javaScript = test.info().project.use.javaScriptEnabled !== false;
  const main = page.locator("main");
  const self = {
    t,
    language,
    main,
    radioIn: (legend: string, option: string) =>
      main.getByRole("radiogroup", { name: legend }).getByRole("radio", { name: option, exact: true }),
    checkbox: (name: string) => main.getByRole("checkbox", { name, exact: true }),
    async start(kind: "standard" | "kort" = "standard") {
      await page.goto(`/${language}/soknad`);
      await expect(page.getByRole("heading", { level: 1, name: t("soknad:start.title") })).toBeVisible();
      await main.getByRole("button", { name: kind === "kort" ? t("soknad:start.short.start") : t("soknad:start.begin"), exact: true }).click();
    },
    async step(titleKey: string) {
      await expect(page.getByRole("heading", { level: 1, name: t(titleKey), exact: true })).toBeVisible();
    },
    async next() {
      await main.getByRole("button", { name: t("soknad:nav.next"), exact: true }).click();
    },
    /** A field that appears when an earlier answer calls for it: at once with JavaScript, after "Neste steg" without. */
    async reveal(field: Locator) {
      if (!javaScript) {
        await self.next();
        await expect(page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") })).toBeVisible();
      }
      await expect(field).toBeVisible();
    },
    async confirmAndSend() {
      await self.checkbox(t("soknad:summary.confirm")).check();
      await main.getByRole("button", { name: t("soknad:summary.send"), exact: true }).click();
    },
    /** The receipt; `sentHere` unless the page was loaded anew (then the browser, not the page, places focus). */
    async receipt({ sentHere = true } = {}) {
      const heading = page.getByRole("heading", { level: 1, name: t("soknad:receipt.title"), exact: true });
      await expect(heading).toBeVisible();
      // Sent from the page with JavaScript, the receipt is announced: its h1 has focus (decision 020).
      if (javaScript && sentHere) await expect(heading).toBeFocused();
      await expect(page).toHaveURL(new RegExp(`^${PORTAL}/${language}/soknad/[0-9a-f-]{36}/kvittering$`));
      await expect(main.getByText(textPattern(language, "soknad", "receipt.sent"))).toBeVisible();
    },
  };
  return self;
}
type Application = ReturnType<typeof application>;

/** Om deg with the registered address and the prefilled account number. */
async function personalia(app: Application, position?: { step: number; total: number }) {
  const { t } = app;
  await app.step("soknad-personalia:title");
  if (position) await expect(app.main.getByText(progress[app.language](position.step, position.total))).toBeVisible();
  await app.radioIn(t("soknad-personalia:address.legend"), t("soknad-personalia:address.folkeregistrert")).check();
  await expect(app.main.getByLabel(t("soknad-personalia:account.label"), { exact: true })).not.toHaveValue("");
  await app.next();
}

/** From arbeid to the summary with short, plain answers, for a person without children. */
async function plainStepsAfterBehov(app: Application) {
  const { t } = app;
  await app.step("soknad-arbeid:title");
  await app.radioIn(t("soknad-arbeid:student.legend"), t("soknad-arbeid:student.nei")).check();
  await app.next();

  await app.step("soknad-familie:title");
  await app.next();

  await app.step("soknad-bosituasjon:title");
  await app.radioIn(t("soknad-bosituasjon:housing.legend"), t("soknad-bosituasjon:housing.kommunal")).check();
  await app.main.getByLabel(t("soknad-bosituasjon:householdSize.label")).fill("1");
  await app.next();

  await app.step("soknad-inntekt:title");
  await app.radioIn(t("soknad-inntekt:skattConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await app.radioIn(t("soknad-inntekt:bostotteConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await app.radioIn(t("soknad-inntekt:studentLoan.legend"), t("soknad-inntekt:answer.nei")).check();
  await nextFromInntekt(app);

  await app.step("soknad-utgifter:title");
  await app.next();

  await app.step("soknad-dokumentasjon:title");
  await sendAllLater(app);
  await app.next();

  await app.step("soknad:summary.title");
}

/**
 * "Neste steg" on inntekt after a new yes to fetching from Skatteetaten: the step shows what was
 * fetched first, and the next "Neste steg" goes on.
 */
async function nextFromInntekt(app: Application) {
  await app.next();
  await app.step("soknad-inntekt:title");
  await expect(app.main.getByRole("region", { name: app.t("soknad:income.taxTitle") })).toBeVisible();
  await app.next();
}

/** Every document on the documentation step: "Jeg sender det senere". */
async function sendAllLater(app: Application) {
  // The step's last part: the whole list of documents has arrived.
  await expect(app.main.getByRole("heading", { level: 2, name: app.t("soknad-dokumentasjon:other.title") })).toBeVisible();
  const later = app.main.getByRole("radio", { name: app.t("soknad-dokumentasjon:choice.option.senderSenere"), exact: true });
  const count = await later.count();
  expect(count).toBeGreaterThan(0); // the tax return is always asked for
  for (let index = 0; index < count; index++) await later.nth(index).check();
}

/* ---------- 1. the single parent, in nynorsk ---------- */

test("nynorsk: the single parent answers for each child, shared residence, visitation and child support, and child expenses; receipt in nynorsk", async ({ page }) => {
  const { person, language } = await senderFor(plans.nynorsk);
  const app = application(page, language);
  const { t, main } = app;
  await loginAs(page, person.name, language);
  await expect(page.locator("html")).toHaveAttribute("lang", "nn");
  await app.start();

  // Once the page is hydrated (the show-number button only exists then), the date and the
  // citizenship are still written in nynorsk, as the server wrote them.
  await expect(main.getByRole("button", { name: t("soknad-personalia:register.showFnr") })).toBeVisible();
  await expect.soft(main.getByText(textPattern(language, "soknad", "nav.keptUntil"))).toHaveText(/ \d{1,2}\. [a-zæøå]+ \d{4} /);
  await expect.soft(main.getByText("Noreg", { exact: true })).toBeVisible();
  await personalia(app, { step: 1, total: 9 });

  await app.step("soknad-behov:title");
  await app.checkbox(t("soknad-behov:category.livsopphold")).check();
  await app.checkbox(t("soknad-behov:category.husleie")).check();
  await app.next();

  await app.step("soknad-arbeid:title");
  await expect(main.getByText("Fjordkantine AS")).toBeVisible();
  await app.radioIn(t("soknad-arbeid:student.legend"), t("soknad-arbeid:student.nei")).check();
  await app.next();

  // Familie: the marital status comes from the register; each child from the register is asked about.
  await app.step("soknad-familie:title");
  await expect(main.getByText(t("soknad-familie:maritalStatus.register.SKILT"), { exact: true })).toBeVisible();
  await expect(main.getByRole("heading", { level: 3, name: "Noah Haugen" })).toBeVisible();
  await expect(main.getByRole("heading", { level: 3, name: "Ella Haugen" })).toBeVisible();
  await app.next();
  // Nothing answered: one message per child and one for child support, in nynorsk.
  await expect(page.getByRole("heading", { name: t("common:forms.errorSummaryHeading") })).toBeVisible();
  await expect(main.getByRole("link", { name: t("soknad-errors:child.sharedResidence.required") })).toHaveCount(2);
  await expect(main.getByRole("link", { name: t("soknad-errors:childSupport.required") })).toBeVisible();

  const noah = t("soknad-familie:children.sharedResidence.legend", { name: "Noah Haugen" });
  const ella = t("soknad-familie:children.sharedResidence.legend", { name: "Ella Haugen" });
  const noahVisitation = main.getByLabel(t("soknad-familie:children.visitation.label", { name: "Noah Haugen" }));
  const ellaVisitation = main.getByLabel(t("soknad-familie:children.visitation.label", { name: "Ella Haugen" }));
  // Noah lives with her: no visitation question, whatever the answer.
  await app.radioIn(noah, t("soknad-familie:answer.nei")).check();
  await expect(noahVisitation).toHaveCount(0);
  // Ella lives at the other parent's address: with shared residence nothing more is asked, without it the visitation is.
  await app.radioIn(ella, t("soknad-familie:answer.ja")).check();
  await expect(ellaVisitation).toHaveCount(0);
  await app.radioIn(ella, t("soknad-familie:answer.nei")).check();
  await expect(ellaVisitation).toBeVisible();
  await ellaVisitation.fill("130");
  await app.radioIn(t("soknad-familie:childSupport.legend"), t("soknad-familie:childSupport.option.mottar")).check();
  await app.next();
  await expect(main.getByRole("link", { name: t("soknad-errors:child.visitationPercent.invalid") })).toBeVisible();
  await expect(app.radioIn(ella, t("soknad-familie:answer.nei"))).toBeChecked();
  await ellaVisitation.fill("30");
  await app.next();

  await app.step("soknad-bosituasjon:title");
  await app.radioIn(t("soknad-bosituasjon:housing.legend"), t("soknad-bosituasjon:housing.leier")).check();
  await main.getByLabel(t("soknad-bosituasjon:householdSize.label")).fill("3");
  await app.next();

  await app.step("soknad-inntekt:title");
  await app.radioIn(t("soknad-inntekt:skattConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await app.radioIn(t("soknad-inntekt:bostotteConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await app.radioIn(t("soknad-inntekt:studentLoan.legend"), t("soknad-inntekt:answer.nei")).check();
  await app.checkbox(t("soknad-inntekt:otherIncome.option.barnebidrag")).check();
  await main.getByLabel(t("soknad-inntekt:otherIncome.amount.barnebidrag")).fill("1 500");
  await app.checkbox(t("soknad-inntekt:savings.option.brukskonto")).check();
  await app.next();
  // With both yeses, what Skatteetaten and Husbanken have is shown before going on.
  await app.step("soknad-inntekt:title");
  await expect(main.getByRole("region", { name: t("soknad:income.taxTitle") }).getByRole("row").filter({ hasText: "Fjordkantine AS" })).toHaveCount(3);
  await expect(main.getByRole("region", { name: t("soknad:income.bostotteTitle") }).getByRole("listitem")).toHaveCount(2);
  await app.next();

  // Utgifter: with children in the register, the costs for them are asked too.
  await app.step("soknad-utgifter:title");
  await expect(main.getByRole("group", { name: t("soknad-utgifter:childCosts.legend") })).toBeVisible();
  await app.checkbox(t("soknad-utgifter:housingCosts.option.husleie")).check();
  await app.checkbox(t("soknad-utgifter:childCosts.option.sfo")).check();
  await app.checkbox(t("soknad-utgifter:childCosts.option.fritidsaktiviteter")).check();
  await app.next();

  await app.step("soknad-dokumentasjon:title");
  for (const document of ["sfoFaktura", "fritidsaktiviteterKvittering", "inntektBarnebidrag", "husleiekontrakt"]) {
    await expect(main.getByRole("group", { name: t(`soknad-documents:${document}.title`) })).toBeVisible();
  }
  await sendAllLater(app);
  await app.next();

  // The summary says it in the PDF's words, in nynorsk.
  await app.step("soknad:summary.title");
  const shared = `${t("soknad-pdf:familie.deltBosted")}: ${t("soknad-pdf:no")}`;
  await expect(main.getByText(new RegExp(`^Noah Haugen, .*${shared}$`))).toBeVisible();
  await expect(main.getByText(new RegExp(`^Ella Haugen, .*${shared}\\. ${t("soknad-pdf:familie.samvarsgrad")}: 30 %$`))).toBeVisible();
  await expect(main.getByText(t("soknad-pdf:familie.barnebidragValg.mottar"), { exact: true })).toBeVisible();
  await app.confirmAndSend();

  await app.receipt();
  await expect(main.getByText("NAV Bergenhus", { exact: true })).toBeVisible();
  await expect(main.getByRole("heading", { name: t("soknad:receipt.missingTitle") })).toBeVisible();
  const missing = main.getByRole("region", { name: t("soknad:receipt.missingTitle") }).getByRole("listitem");
  await expect(missing.filter({ hasText: t("soknad-documents:sfoFaktura.title") })).toHaveCount(1);
  await expect(missing.filter({ hasText: t("soknad-documents:fritidsaktiviteterKvittering.title") })).toHaveCount(1);
  await expect(main.getByRole("heading", { name: t("soknad:receipt.nextTitle") })).toBeVisible();
  await expect(main.getByText(new RegExp(`^${t("soknad:receipt.days.TIRSDAG")}: 10:00–15:00$`))).toBeVisible();
});

/* ---------- 2. a first application, in English ---------- */

test("English: a first-time applicant goes through every step and gets the receipt and the PDF in English", async ({ page }) => {
  const { person, language } = await senderFor(plans.english);
  const app = application(page, language);
  const { t, main } = app;
  await loginAs(page, person.name, language);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.goto(`/${language}/soknad`);
  // A first-time applicant is not offered the short application.
  await expect(main.getByRole("button", { name: t("soknad:start.short.start") })).toHaveCount(0);
  await expect(main.getByText(t("soknad:start.office", { office: "NAV Grünerløkka", municipality: "Oslo" }))).toBeVisible();
  await app.start();

  await app.step("soknad-personalia:title");
  await expect(main.getByText(progress.en(1, 9))).toBeVisible();
  await expect(main.getByLabel(t("soknad-personalia:phone.label"))).toHaveValue("+4741234501");
  await personalia(app);

  await app.step("soknad-behov:title");
  await expect(main.getByText(progress.en(2, 9))).toBeVisible();
  await app.checkbox(t("soknad-behov:category.livsopphold")).check();
  await app.checkbox(t("soknad-behov:category.husleie")).check();
  await main.getByLabel(t("soknad-behov:details.label")).fill("My job at the café ended last month.");
  // The short application's question is not part of the standard one.
  await expect(main.getByRole("radiogroup", { name: t("soknad-behov:changedSinceLast.legend") })).toHaveCount(0);
  await app.next();

  await app.step("soknad-arbeid:title");
  await expect(main.getByText("Grünerløkka Kafé AS")).toBeVisible();
  await main.getByLabel(t("soknad-arbeid:employmentComment.label")).fill("The café closed.");
  await app.radioIn(t("soknad-arbeid:student.legend"), t("soknad-arbeid:student.nei")).check();
  await app.next();

  // No children and a marital status from the register: nothing to answer.
  await app.step("soknad-familie:title");
  await expect(main.getByText(t("soknad-familie:maritalStatus.register.UGIFT"), { exact: true })).toBeVisible();
  await expect(main.getByRole("radiogroup", { name: t("soknad-familie:childSupport.legend") })).toHaveCount(0);
  await app.next();

  await app.step("soknad-bosituasjon:title");
  await app.radioIn(t("soknad-bosituasjon:housing.legend"), t("soknad-bosituasjon:housing.leier")).check();
  await main.getByLabel(t("soknad-bosituasjon:householdSize.label")).fill("1");
  await app.next();

  await app.step("soknad-inntekt:title");
  await app.radioIn(t("soknad-inntekt:skattConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await app.radioIn(t("soknad-inntekt:bostotteConsent.legend"), t("soknad-inntekt:answer.nei")).check();
  await app.radioIn(t("soknad-inntekt:studentLoan.legend"), t("soknad-inntekt:answer.nei")).check();
  await app.checkbox(t("soknad-inntekt:savings.option.brukskonto")).check();
  await app.next();
  // With the yes to Skatteetaten, the income it has is shown before going on; Husbanken was not asked.
  await app.step("soknad-inntekt:title");
  const tax = main.getByRole("region", { name: t("soknad:income.taxTitle") });
  await expect(tax.getByRole("row").filter({ hasText: "Grünerløkka Kafé AS" })).toHaveCount(3);
  await expect(main.getByRole("region", { name: t("soknad:income.bostotteTitle") })).toHaveCount(0);
  await app.next();

  await app.step("soknad-utgifter:title");
  await expect(main.getByRole("group", { name: t("soknad-utgifter:childCosts.legend") })).toHaveCount(0);
  await app.checkbox(t("soknad-utgifter:housingCosts.option.husleie")).check();
  await app.checkbox(t("soknad-utgifter:housingCosts.option.strom")).check();
  await app.next();

  await app.step("soknad-dokumentasjon:title");
  for (const document of ["skattemelding", "husleiekontrakt", "bostotte", "kontoutskriftBrukskonto", "husleiekvittering", "stromregning"]) {
    await expect(main.getByRole("group", { name: t(`soknad-documents:${document}.title`) })).toBeVisible();
  }
  await sendAllLater(app);
  await app.next();

  await app.step("soknad:summary.title");
  await expect(main.getByText(progress.en(9, 9))).toBeVisible();
  for (const section of ["personalia", "begrunnelse", "arbeid", "familie", "bosituasjon", "inntekt", "utgifter", "dokumentasjon"]) {
    await expect(main.getByRole("heading", { level: 2, name: t(`soknad-pdf:section.${section}`), exact: true })).toBeVisible();
  }
  await expect(main.getByText("My job at the café ended last month.")).toBeVisible();
  await expect(main.getByRole("link", { name: t("soknad:summary.change") }).first()).toBeVisible();
  // Sending without confirming: the message says so, in English.
  await main.getByRole("button", { name: t("soknad:summary.send"), exact: true }).click();
  await expect(main.getByRole("link", { name: t("soknad-errors:confirm.required") })).toBeVisible();
  await app.confirmAndSend();

  await app.receipt();
  await expect(main.getByText("NAV Grünerløkka", { exact: true })).toBeVisible();
  const missing = main.getByRole("region", { name: t("soknad:receipt.missingTitle") }).getByRole("listitem");
  await expect(missing).toHaveCount(6);
  await expect(missing.filter({ hasText: t("soknad-documents:husleiekontrakt.title") })).toHaveCount(1);
  await expect(main.getByText(textPattern(language, "soknad", "receipt.missingBody"))).toBeVisible();
  await expect(main.getByText(new RegExp(`^${t("soknad:receipt.days.FREDAG")}: 10:00–14:00$`))).toBeVisible();
  await expect(main.getByRole("link", { name: t("soknad:receipt.status") })).toBeVisible();

  const pdfLink = main.getByRole("link", { name: t("soknad:receipt.pdf") });
  const pdf = await page.request.get(new URL((await pdfLink.getAttribute("href"))!, PORTAL).toString());
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

  const reference = (await main.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/).textContent())!;
  expect((await soknaderOf(person.fnr)).map((soknad) => soknad.fiksDigisosId)).toContain(reference);
});

/* ---------- 3. the short application ---------- */

/** Start page to summary of a short application; returns what was written about the change. */
async function shortApplicationToSummary(page: Page, app: Application) {
  const { t, main } = app;
  await page.goto(`/${app.language}/soknad`);
  // Why: a payment in the last 50 days, or one planned in the next 14.
  const paid = textPattern(app.language, "soknad", "start.short.paid");
  const planned = textPattern(app.language, "soknad", "start.short.planned");
  await expect(main.getByText(new RegExp(`${paid.source}|${planned.source}`))).toBeVisible();
  await app.start("kort");

  await personalia(app, { step: 1, total: 4 });

  await app.step("soknad-behov:title");
  await expect(main.getByText(progress[app.language](2, 4))).toBeVisible();
  await app.checkbox(t("soknad-behov:category.livsopphold")).check();
  const changed = t("soknad-behov:changedSinceLast.legend");
  await expect(main.getByRole("radiogroup", { name: changed })).toBeVisible();
  await app.radioIn(changed, t("soknad-behov:changedSinceLast.ja")).check();
  const change = "Hours cut from 40 to 20 per cent.";
  const description = main.getByLabel(t("soknad-behov:changeDescription.label"));
  await app.reveal(description);
  await description.fill(change);
  await app.next();

  await app.step("soknad-inntekt:title");
  await expect(main.getByText(progress[app.language](3, 4))).toBeVisible();
  await app.radioIn(t("soknad-inntekt:skattConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await app.radioIn(t("soknad-inntekt:bostotteConsent.legend"), t("soknad-inntekt:answer.ja")).check();
  await app.radioIn(t("soknad-inntekt:studentLoan.legend"), t("soknad-inntekt:answer.nei")).check();
  const balance = main.getByLabel(t("soknad-inntekt:accountBalance.label"));
  await app.next();
  // The balance is required in the short application.
  await expect(main.getByRole("link", { name: t("soknad-errors:accountBalance.required") })).toBeVisible();
  await balance.fill("-250");
  await nextFromInntekt(app);

  // No arbeid, familie, bosituasjon, utgifter or dokumentasjon: straight to the summary.
  await app.step("soknad:summary.title");
  await expect(main.getByText(progress[app.language](4, 4))).toBeVisible();
  await expect(main.getByText(change)).toBeVisible();
  return change;
}

test("the short application: offered after recent help, four steps with what changed and the account balance, sent, receipt", async ({ page }) => {
  const { person, language } = await senderFor(plans.short);
  const app = application(page, language);
  const { t, main } = app;
  await loginAs(page, person.name, language);
  await shortApplicationToSummary(page, app);
  // Nothing was asked about housing or documents, so the summary has no such sections.
  for (const section of ["bosituasjon", "dokumentasjon"]) {
    await expect(main.getByRole("heading", { level: 2, name: t(`soknad-pdf:section.${section}`), exact: true })).toHaveCount(0);
  }
  // Every "Endre" leads to a step of this application (checked softly, so the send below still runs).
  const changeLinks = main.getByRole("link", { name: t("soknad:summary.change"), exact: true });
  for (const href of await changeLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))) {
    const response = await page.request.get(new URL(href, PORTAL).toString(), { maxRedirects: 0 });
    expect.soft(response.status(), `"${t("soknad:summary.change")}" → ${href}`).toBe(200);
  }
  await app.confirmAndSend();

  await app.receipt();
  // Nothing was asked about documents, so none are missing.
  await expect(main.getByRole("heading", { name: t("soknad:receipt.missingTitle") })).toHaveCount(0);
  const pdf = await page.request.get(page.url() + "/pdf");
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const reference = (await main.getByText(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/).textContent())!;
  expect((await soknaderOf(person.fnr)).map((soknad) => soknad.fiksDigisosId)).toContain(reference);
});

/* ---------- 4. nødhjelp ---------- */

test("nødhjelp: the behov step tells the person to contact the office today, and so do the summary and the receipt, with the phone number", async ({ page }) => {
  const { person, language } = await senderFor(plans.emergency);
  const app = application(page, language);
  const { t, main } = app;
  await loginAs(page, person.name, language);
  await app.start();
  await personalia(app);

  await app.step("soknad-behov:title");
  const office = person.id === "avslag" ? "NAV Tromsø" : "NAV Falkenborg";
  const phone = "55 55 33 33";
  const alert = main.getByText(t("soknad-behov:emergency.alert.office", { office, phone }), { exact: true });
  await expect(alert).toHaveCount(0);
  await app.checkbox(t("soknad-behov:category.nodhjelp")).check();
  const noFood = app.checkbox(t("soknad-behov:emergency.ingenMat"));
  await app.reveal(noFood);
  await expect(main.getByRole("heading", { level: 2, name: t("soknad-behov:emergency.alert.title") })).toBeVisible();
  await expect(alert).toBeVisible();
  await expect(main.getByText(t("soknad-behov:emergency.alert.why"))).toBeVisible();
  await noFood.check();
  await app.next();

  await plainStepsAfterBehov(app);
  await expect(main.getByText(t("soknad:summary.urgent", { office, phone }), { exact: true })).toBeVisible();
  await expect(main.getByText(t("soknad-pdf:begrunnelse.nodhjelpValg.ingenMat"))).toBeVisible();
  await app.confirmAndSend();

  await app.receipt();
  // One warning with both what to do today and the number to call.
  const urgent = main.locator('[data-variant="warning"]', { hasText: t("soknad:receipt.urgent", { office }) });
  await expect(urgent).toBeVisible();
  await expect(urgent).toContainText(t("soknad:receipt.phone", { phone }));
});

/* ---------- 5. ten sends at once ---------- */

const draftIdOf = (url: string) => /\/soknad\/([0-9a-f-]{36})\//.exec(url)?.[1] ?? "";

test("ten parallel sends of the summary give exactly one søknad in the fagsystem, and the page then shows the receipt", async ({ page }) => {
  const { person, language } = await senderFor(plans.doubleSubmit);
  const app = application(page, language);
  const { main } = app;
  await loginAs(page, person.name, language);
  await app.start();
  await personalia(app);
  await app.step("soknad-behov:title");
  await app.checkbox(app.t("soknad-behov:category.livsopphold")).check();
  await app.next();
  await plainStepsAfterBehov(app);

  const summaryUrl = page.url();
  const before = (await soknaderOf(person.fnr)).map((soknad) => soknad.fiksDigisosId);
  // What a double click, a second tab or an impatient retry sends: the same form, many times, at once.
  const responses = await Promise.all(
    Array.from({ length: 10 }, () =>
      page.request.post(summaryUrl, { form: { confirm: "on", intent: "next" }, headers: { Origin: new URL(PORTAL).origin } }),
    ),
  );
  for (const response of responses) {
    expect(response.status(), await response.text()).toBe(200);
    expect(response.url()).toBe(summaryUrl.replace(/\/oppsummering$/, "/kvittering"));
  }
  const fresh = (await soknaderOf(person.fnr)).filter((soknad) => !before.includes(soknad.fiksDigisosId));
  expect(fresh).toHaveLength(1);

  await page.reload();
  await app.receipt({ sentHere: false });
  expect(draftIdOf(page.url())).toBe(draftIdOf(summaryUrl));
  await expect(main.getByText(fresh[0]!.fiksDigisosId, { exact: true })).toBeVisible();
});

/* ---------- 6. the fagsystem fails at the moment of sending ---------- */

test("the fagsystem answers 503 to the send: a translated message, the draft kept as it was; sent again later, the receipt", async ({ page }) => {
  const { person, language } = await senderFor(plans.sendFailure);
  const app = application(page, language);
  const { t, main } = app;
  await loginAs(page, person.name, language);
  const change = await shortApplicationToSummary(page, app);
  const summaryUrl = page.url();
  const before = await soknaderOf(person.fnr);

  const fault = { path: "/api/v1/soknader", method: "POST", fnr: person.fnr, status: 503 };
  await addFault(fault);
  try {
    await app.confirmAndSend();
    await expect(main.getByText(t("soknad-errors:send.unavailable"), { exact: true })).toBeVisible();
    // With JavaScript the message takes focus, as the error summary does (decision 020).
    if (test.info().project.use.javaScriptEnabled !== false) await expect(page.locator(":focus")).toContainText(t("soknad-errors:send.unavailable"));
    // Still the summary, with every answer; nothing technical is shown.
    expect(page.url()).toBe(summaryUrl);
    await app.step("soknad:summary.title");
    await expect(main.getByText(change)).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/\b503\b|Service Unavailable|injected-fault|FagsystemError|Error:|\bat \S+ \(|\.tsx?:\d+/);
    expect(await soknaderOf(person.fnr)).toHaveLength(before.length);
  } finally {
    await removeFault(fault);
  }

  // The draft is kept unsent: the front page lists it, and "continue" leads back to the summary.
  await page.goto(`/${language}`);
  await expect(main.getByRole("heading", { name: t("soknad:drafts.title") })).toBeVisible();
  await main.locator(`a[href="/${language}/soknad/${draftIdOf(summaryUrl)}"]`).click();
  await expect(page).toHaveURL(summaryUrl);
  await expect(main.getByText(change)).toBeVisible();
  await app.confirmAndSend();

  await app.receipt();
  expect(await soknaderOf(person.fnr)).toHaveLength(before.length + 1);
});
