/**
 * The guides' two tools: "before you apply" (questions → the søknad's own list of documents) and
 * the budget. Both without JavaScript (a context of their own, so it runs in the desktop project
 * as well) and with it; the budget's summary as one types (nothing sent); hostile input on both
 * forms; axe at 1280 and 320 px in every language; a logged-in person saving, downloading and
 * deleting a budget. Anonymous use writes nothing: no cookie is set by a post.
 */
import fc from "fast-check";
import type { APIResponse, Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { test, expect, axeViolations, hydrated, loginAs, notAtPhoneWidth, type Language } from "./fixtures";
import { anonymous } from "./http";
import { text } from "./locale";
import { persona } from "./personas";
import { PORTAL } from "../playwright.config";

const BEFORE = "veiviser/sosialhjelp/for-du-soker";
const BUDGET = "veiviser/okonomi-og-gjeld/budsjett";
const v = (language: Language, key: string, values?: Record<string, string | number>) => text(language, "veiviser-verktoy", key, values);
const documentTitle = (language: Language, id: string) => text(language, "soknad-documents", `${id}.title`);
/** Amounts as the page shows them: Intl writes a no-break space between groups and before "kr". */
const kr = (written: string) => new RegExp(written.replace(/ /g, "[\\s\\u00a0\\u202f]"));

async function withoutJavaScript(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ javaScriptEnabled: false, baseURL: PORTAL });
}

test.describe("before you apply", () => {
  test("without JavaScript, in nynorsk: what is missing is named, then the list for the situation", async ({ browser }) => {
    notAtPhoneWidth();
    const context = await withoutJavaScript(browser);
    const page = await context.newPage();
    await page.goto(`/nn/${BEFORE}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(v("nn", "beforeYouApply.title"));
    await page.getByRole("button", { name: v("nn", "beforeYouApply.submit") }).click();
    const summary = page.locator(".aksel-error-summary, .navds-error-summary");
    await expect(summary.first()).toContainText(v("nn", "beforeYouApply.errors.livesWith"));
    await expect(summary.first()).toContainText(v("nn", "beforeYouApply.errors.income"));
    await expect(page).toHaveTitle(/^Feil/);

    await page.getByRole("radio", { name: v("nn", "beforeYouApply.livesWith.options.partner") }).check();
    await page.getByRole("radiogroup", { name: v("nn", "beforeYouApply.children.legend") }).getByRole("radio", { name: v("nn", "beforeYouApply.yesNo.yes") }).check();
    await page.getByRole("radio", { name: v("nn", "beforeYouApply.housing.options.rent") }).check();
    await page.getByRole("checkbox", { name: v("nn", "beforeYouApply.income.options.studentLoan") }).check();
    await page.getByRole("radiogroup", { name: v("nn", "beforeYouApply.student.legend") }).getByRole("radio", { name: v("nn", "beforeYouApply.yesNo.yes") }).check();
    await page.getByRole("radiogroup", { name: v("nn", "beforeYouApply.nordic.legend") }).getByRole("radio", { name: v("nn", "beforeYouApply.yesNo.yes") }).check();
    await page.getByRole("button", { name: v("nn", "beforeYouApply.submit") }).click();

    const result = page.getByRole("region", { name: v("nn", "beforeYouApply.result.heading") });
    for (const id of ["skattemelding", "husleiekontrakt", "studielan", "husleiekvittering"]) await expect(result).toContainText(documentTitle("nn", id));
    await expect(result).not.toContainText(documentTitle("nn", "oppholdstillatelse"));
    await expect(result).toContainText(v("nn", "beforeYouApply.result.applyAnyway"));
    await expect(result.getByRole("link", { name: v("nn", "beforeYouApply.result.start") })).toHaveAttribute("href", "/nn/soknad");
    // What was chosen is still chosen.
    await expect(page.getByRole("radio", { name: v("nn", "beforeYouApply.housing.options.rent") })).toBeChecked();
    await context.close();
  });

  test("with JavaScript, in English: the list comes under the form and takes focus; nothing is stored", async ({ page }) => {
    test.skip(test.info().project.use.javaScriptEnabled === false, "with JavaScript; the no-JS journeys have their own context");
    await page.goto(`/en/${BEFORE}`);
    await hydrated(page);
    await page.getByRole("radio", { name: v("en", "beforeYouApply.livesWith.options.alone") }).check();
    await page.getByRole("radiogroup", { name: v("en", "beforeYouApply.children.legend") }).getByRole("radio", { name: "No" }).check();
    await page.getByRole("radio", { name: v("en", "beforeYouApply.housing.options.noFixedPlace") }).check();
    await page.getByRole("checkbox", { name: v("en", "beforeYouApply.income.options.other") }).check();
    await page.getByRole("radiogroup", { name: v("en", "beforeYouApply.student.legend") }).getByRole("radio", { name: "No" }).check();
    await page.getByRole("radiogroup", { name: v("en", "beforeYouApply.nordic.legend") }).getByRole("radio", { name: "No" }).check();
    const posted = page.waitForResponse((response) => response.request().method() === "POST");
    await page.getByRole("button", { name: v("en", "beforeYouApply.submit") }).click();
    expect((await (await posted).allHeaders())["set-cookie"], "a post sets no cookie").toBeUndefined();
    const heading = page.getByRole("heading", { level: 2, name: v("en", "beforeYouApply.result.heading") });
    await expect(heading).toBeFocused();
    const result = page.getByRole("region", { name: v("en", "beforeYouApply.result.heading") });
    for (const id of ["skattemelding", "oppholdstillatelse", "inntektAnnet"]) await expect(result).toContainText(documentTitle("en", id));
    await expect(result).not.toContainText(documentTitle("en", "husleiekontrakt"));
  });
});

test.describe("the budget", () => {
  test("without JavaScript: rows are added and removed by buttons, the month is worked out on the server, a wrong amount gets a message and is kept", async ({ browser }) => {
    notAtPhoneWidth();
    const context = await withoutJavaScript(browser);
    const page = await context.newPage();
    const t = (key: string, values?: Record<string, string | number>) => v("nb", key, values);
    await page.goto(`/nb/${BUDGET}`);
    await page.getByLabel(t("budget.income.wages")).fill("25 000");
    await page.getByLabel(t("budget.costs.housing")).fill("kr 11 000");
    await page.getByLabel(t("budget.costs.food")).fill("tolv");
    const row = (number: number) => page.getByRole("group", { name: t("budget.debts.rowLegend", { number }) });
    await row(1).getByLabel(t("budget.debts.kind")).selectOption("consumerLoan");
    await row(1).getByLabel(t("budget.debts.creditor")).fill("Lånebanken");
    await row(1).getByLabel(t("budget.debts.owed")).fill("80 000");
    await row(1).getByLabel(t("budget.debts.monthly")).fill("2 500");
    await page.getByRole("button", { name: t("budget.debts.add") }).click();
    await expect(row(2)).toBeVisible();
    await expect(row(1).getByLabel(t("budget.debts.creditor")), "what was typed is kept").toHaveValue("Lånebanken");
    await expect(page.getByLabel(t("budget.costs.food"))).toHaveValue("tolv");
    await row(2).getByLabel(t("budget.debts.kind")).selectOption("tax");
    await row(2).getByLabel(t("budget.debts.creditor")).fill("Skatteetaten");
    await row(2).getByLabel(t("budget.debts.monthly")).fill("1000");
    await page.getByRole("button", { name: t("budget.debts.add") }).click();
    await row(3).getByLabel(t("budget.debts.creditor")).fill("Fjernes");
    await page.getByRole("button", { name: t("budget.debts.remove", { number: 3 }) }).click();
    await expect(row(3)).toHaveCount(0);

    await page.getByRole("button", { name: t("budget.calculate"), exact: true }).click();
    const message = t("budget.errors.notANumber", { field: t("budget.costs.food") });
    await expect(page.locator(".aksel-error-summary, .navds-error-summary").first()).toContainText(message);
    await expect(page.getByLabel(t("budget.costs.food"))).toHaveValue("tolv");
    await page.getByLabel(t("budget.costs.food")).fill("4 000");
    await page.getByLabel(t("budget.costs.food")).press("Enter");

    await expect(page.getByTestId("budget-balance")).toHaveText(kr("6 500 kr"));
    await expect(page.getByTestId("budget-verdict")).toContainText(kr("6 500 kr"));
    const priority = page.getByTestId("budget-priority").getByRole("row");
    await expect(priority.nth(1)).toContainText("Skatteetaten");
    await expect(priority.nth(1)).toContainText(t("budget.priority.levels.1"));
    await expect(priority.nth(2)).toContainText("Lånebanken");
    // Anonymous: an invitation to log in to save, which comes back here.
    const login = page.getByRole("link", { name: t("budget.keep.logIn") });
    await expect(login).toHaveAttribute("href", `/nb/logg-inn?returnTo=${encodeURIComponent(`/nb/${BUDGET}`)}`);
    await expect(page.getByRole("button", { name: t("budget.save") })).toHaveCount(0);
    await context.close();
  });

  test("with JavaScript the summary follows what is typed, without a request, and a debt moves up when its kind says so", async ({ page }) => {
    test.skip(test.info().project.use.javaScriptEnabled === false, "with JavaScript; the no-JS journeys have their own context");
    await page.goto(`/nn/${BUDGET}`);
    await hydrated(page);
    const t = (key: string, values?: Record<string, string | number>) => v("nn", key, values);
    const requests: string[] = [];
    page.on("request", (request) => {
      if (!/\.(js|css|woff2?)$/.test(new URL(request.url()).pathname)) requests.push(`${request.method()} ${request.url()}`);
    });
    await page.getByLabel(t("budget.income.wages")).pressSequentially("20 000,50");
    await expect(page.getByTestId("budget-income")).toHaveText(kr("20 000,50 kr"));
    await page.getByLabel(t("budget.costs.electricity")).fill("21000");
    await expect(page.getByTestId("budget-balance")).toHaveText(/−999,50|-999,50/);
    await expect(page.getByTestId("budget-verdict")).toContainText(kr("999,50 kr"));
    await expect(page.getByTestId("budget-verdict")).toContainText(t("budget.summary.short", { amount: "§" }).split("§")[0]!.trim());
    const row = page.getByRole("group", { name: t("budget.debts.rowLegend", { number: 1 }) });
    await row.getByLabel(t("budget.debts.kind")).selectOption("electricity");
    await row.getByLabel(t("budget.debts.creditor")).fill("Kraftselskapet");
    await expect(page.getByTestId("budget-priority")).toContainText("Kraftselskapet");
    await expect(page.getByTestId("budget-priority")).toContainText(t("budget.priority.levels.1"));
    expect(requests, "nothing is sent while typing").toEqual([]);
  });

  test("a logged-in person saves the budget, finds it again, downloads it as a PDF and deletes it", async ({ page }) => {
    test.skip(test.info().project.use.javaScriptEnabled === false, "with JavaScript; the no-JS journeys have their own context");
    notAtPhoneWidth();
    const person = await persona("forstegang");
    await loginAs(page, person.name, "nb");
    await page.goto(`/nb/${BUDGET}`);
    await hydrated(page);
    const t = (key: string, values?: Record<string, string | number>) => v("nb", key, values);
    await expect(page.getByText(t("budget.keep.notSaved"))).toBeVisible();
    await page.getByLabel(t("budget.income.benefits")).fill("18 000");
    await page.getByLabel(t("budget.costs.housing")).fill("9 500");
    const row = page.getByRole("group", { name: t("budget.debts.rowLegend", { number: 1 }) });
    await row.getByLabel(t("budget.debts.kind")).selectOption("inkasso");
    await row.getByLabel(t("budget.debts.creditor")).fill("Inkasso AS");
    await row.getByLabel(t("budget.debts.monthly")).fill("500");
    await page.getByRole("button", { name: t("budget.save") }).click();
    await expect(page.getByRole("status").filter({ hasText: t("budget.notice.saved") })).toBeVisible();

    // The next visit shows it again; the page is never kept by the browser.
    const response = await page.goto(`/nb/${BUDGET}`);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    await expect(page.getByLabel(t("budget.income.benefits"))).toHaveValue("18 000");
    await expect(page.getByTestId("budget-balance")).toHaveText(kr("8 000 kr"));
    await hydrated(page);
    await expect(page.getByRole("button", { name: t("budget.keep.print") })).toBeVisible();
    // The printout: the figures and the debts, without the portal's header, the form or the buttons.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator("header.site-header")).toBeHidden();
    await expect(page.getByLabel(t("budget.income.benefits"))).toBeHidden();
    await expect(page.getByRole("button", { name: t("budget.keep.print") })).toBeHidden();
    await expect(page.getByTestId("budget-balance")).toBeVisible();
    await expect(page.getByTestId("budget-priority")).toContainText("Inkasso AS");
    await expect(page.getByRole("rowheader", { name: t("budget.income.benefits") })).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: t("budget.keep.pdf") }).click();
    const file = await download;
    const bytes = await (await file.createReadStream()).toArray();
    const pdf = Buffer.concat(bytes as Buffer[]);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const api = page.context().request;
    const direct = await api.get(`/en/${BUDGET}/pdf`);
    expect(direct.status()).toBe(200);
    expect(direct.headers()["content-type"]).toBe("application/pdf");
    expect(direct.headers()["cache-control"]).toContain("no-store");

    await page.getByRole("button", { name: t("budget.keep.delete") }).click();
    await expect(page.getByRole("status").filter({ hasText: t("budget.notice.deleted") })).toBeVisible();
    await page.goto(`/nb/${BUDGET}`);
    await expect(page.getByLabel(t("budget.income.benefits"))).toHaveValue("");
    expect((await api.get(`/nb/${BUDGET}/pdf`, { maxRedirects: 0 })).status()).toBe(404);
  });

  test("the PDF asks for a login, and an anonymous post sets no cookie and stores nothing", async () => {
    notAtPhoneWidth();
    const api = await anonymous();
    const pdf = await api.get(`/nb/${BUDGET}/pdf`, { maxRedirects: 0 });
    expect(pdf.status()).toBe(302);
    expect(pdf.headers()["location"]).toContain("/nb/logg-inn?returnTo=");
    const posted = await api.post(`/nb/${BUDGET}`, { form: { "income.wages": "1000", intent: "calculate" }, maxRedirects: 0 });
    expect(posted.status()).toBe(200);
    expect(posted.headers()["set-cookie"]).toBeUndefined();
    // Saving without a login goes to the login, not into the store.
    const save = await api.post(`/nb/${BUDGET}`, { form: { "income.wages": "1000", intent: "save" }, maxRedirects: 0 });
    expect(save.status()).toBe(302);
    expect(save.headers()["location"]).toContain("/nb/logg-inn");
    await api.dispose();
  });
});

/* ---------- keyboard ---------- */

/** Presses Tab until `target` has focus (a keyboard user's way there); fails after `max` presses. */
async function tabTo(page: Page, target: Locator, max = 60) {
  for (let presses = 0; presses < max; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`never reached ${target.toString()} with Tab`);
}

test("keyboard only: the questions answered and the list shown; a budget filled in, a debt added and the month worked out", async ({ page }) => {
  test.skip(test.info().project.use.javaScriptEnabled === false || test.info().project.name === "mobile", "a keyboard at desktop width");
  await page.goto(`/en/${BEFORE}`);
  await hydrated(page);
  const e = (key: string, values?: Record<string, string | number>) => v("en", key, values);
  const answer = async (group: string, option: string) => {
    const radios = page.getByRole("radiogroup", { name: e(group) }).getByRole("radio");
    await tabTo(page, radios.first());
    // Space chooses the first; the arrow keys move within the group and choose as they go.
    await page.keyboard.press("Space");
    for (let step = 0; !(await radios.and(page.getByRole("radio", { name: option, exact: true })).isChecked()); step++) {
      if (step > 5) throw new Error(`could not reach ${option}`);
      await page.keyboard.press("ArrowDown");
    }
  };
  await answer("beforeYouApply.livesWith.legend", e("beforeYouApply.livesWith.options.others"));
  await answer("beforeYouApply.children.legend", "No");
  await answer("beforeYouApply.housing.legend", e("beforeYouApply.housing.options.rent"));
  await tabTo(page, page.getByRole("checkbox", { name: e("beforeYouApply.income.options.wages") }));
  await page.keyboard.press("Space");
  await answer("beforeYouApply.student.legend", "No");
  await answer("beforeYouApply.nordic.legend", "Yes");
  await tabTo(page, page.getByRole("button", { name: e("beforeYouApply.submit") }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: e("beforeYouApply.result.heading") })).toBeFocused();
  await expect(page.getByRole("region", { name: e("beforeYouApply.result.heading") })).toContainText(documentTitle("en", "husleiekontrakt"));

  await page.goto(`/en/${BUDGET}`);
  await hydrated(page);
  await tabTo(page, page.getByLabel(e("budget.income.wages")));
  await page.keyboard.type("21 000");
  await tabTo(page, page.getByLabel(e("budget.costs.housing")));
  await page.keyboard.type("9000");
  await tabTo(page, page.getByRole("button", { name: e("budget.debts.add") }));
  await page.keyboard.press("Enter");
  // After the row is added, focus is on the debts' heading, just above the rows.
  await expect(page.getByRole("heading", { level: 2, name: e("budget.debts.heading"), exact: true })).toBeFocused();
  await expect(page.getByRole("group", { name: e("budget.debts.rowLegend", { number: 2 }) })).toBeVisible();
  await expect(page.getByLabel(e("budget.income.wages")), "what was typed is kept").toHaveValue("21 000");
  const row2 = page.getByRole("group", { name: e("budget.debts.rowLegend", { number: 2 }) });
  await tabTo(page, row2.getByLabel(e("budget.debts.monthly")));
  await page.keyboard.type("2000");
  await page.keyboard.press("Enter");
  // Focus goes to the error summary (Aksel puts it on the summary's heading).
  await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest(".aksel-error-summary")))).toBe(true);
  await expect(page.locator(".aksel-error-summary, .navds-error-summary").first()).toContainText(e("budget.errors.kind", { field: e("budget.debts.fieldInRow", { field: e("budget.debts.kind"), number: 2 }) }));
  await tabTo(page, row2.getByLabel(e("budget.debts.kind")));
  // A native select chooses by typing the start of an option.
  await page.keyboard.type(e("budget.debtKinds.rentArrears").slice(0, 6));
  await expect(row2.getByLabel(e("budget.debts.kind"))).toHaveValue("rentArrears");
  await tabTo(page, page.getByRole("button", { name: e("budget.calculate"), exact: true }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("budget-balance")).toHaveText("NOK 10,000");
  await expect(page.getByTestId("budget-priority")).toContainText(e("budget.debtKinds.rentArrears"));
});

/* ---------- hostile input ---------- */

const INJECTED = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg/onload=alert(1)>"];
const TECHNICAL = /ZodError|TypeError|ReferenceError|SyntaxError|at [\w.<>]+ \(|node_modules|Internal Server Error|Unexpected Server Error/;
const hostileValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(...INJECTED, "\u0000", "\uD800", "-1", "1e309", "NaN", "Infinity", "0x10", "   ", "12 500", "kr 1 200", "12500,50", "__proto__", "remove-debt:0", "add-debt", "save", "delete"),
  fc.nat({ max: 20_000 }).map((length) => "x".repeat(length)),
  fc.integer().map(String),
  fc.double().map(String),
);

function fieldNames(html: string): string[] {
  const names = new Set<string>();
  for (const match of html.matchAll(/<(?:input|textarea|select|button)\b[^>]*\bname="([^"]+)"/g)) names.add(match[1]!.replace(/&amp;/g, "&"));
  return [...names];
}

function problemsOf(label: string, response: APIResponse, body: string): string[] {
  const problems: string[] = [];
  if (response.status() >= 500) problems.push(`${label}: status ${response.status()}`);
  if (TECHNICAL.test(body)) problems.push(`${label}: technical text: ${TECHNICAL.exec(body)![0]}`);
  for (const markup of INJECTED) if (body.includes(markup)) problems.push(`${label}: markup came back unescaped: ${markup}`);
  return problems;
}

test.describe("hostile input", () => {
  test.skip(({ browserName, isMobile, javaScriptEnabled }) => browserName !== "chromium" || isMobile || !javaScriptEnabled, "HTTP-level checks: the desktop project is enough");

  for (const path of [BEFORE, BUDGET]) {
    test(`${path}: random and hostile form data never gives a 500 or markup back`, async () => {
      test.setTimeout(180_000);
      const api = await anonymous(PORTAL, { freshConnections: true });
      const known = fieldNames(await (await api.get(`/nb/${path}`)).text());
      expect(known.length).toBeGreaterThan(3);
      const problems: string[] = [];
      const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...known, "debt.19.owed", "debt.7.kind") }, { weight: 1, arbitrary: fc.string({ maxLength: 20 }) });
      await fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(name, hostileValue), { maxLength: 25 }), async (pairs) => {
          // Not "delete"/"save": those need a login and would only answer with the login redirect.
          const filtered = pairs.filter(([field, value]) => !(field === "intent" && (value === "save" || value === "delete")));
          const params = new URLSearchParams();
          for (const [field, value] of filtered) params.append(field, value);
          const response = await api.post(`/nb/${path}`, { data: params.toString(), headers: { "Content-Type": "application/x-www-form-urlencoded" }, maxRedirects: 0, timeout: 30_000 });
          const found = problemsOf(`${path} ${JSON.stringify(filtered).slice(0, 300)}`, response, await response.text());
          problems.push(...found);
          return found.length === 0;
        }),
        { numRuns: Number(process.env.HOSTILE_RUNS ?? 30), endOnFailure: true },
      );
      expect(problems).toEqual([]);
      await api.dispose();
    });
  }

  test("an amount that is not a number gets a message in every field, and what was typed is shown as text", async () => {
    const api = await anonymous();
    const html = await (await api.get(`/nb/${BUDGET}`)).text();
    const amountFields = fieldNames(html).filter((field) => /^(income|cost)\.|\.(owed|monthly)$/.test(field));
    expect(amountFields.length).toBeGreaterThan(8);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...amountFields),
        fc.oneof(fc.constantFrom("tolv", "12 500 500,5,5", "1e5", "NaN", INJECTED[0]!, "0x10", "12,345,67"), fc.stringMatching(/^[a-zæøå]{1,12}$/)),
        async (field, value) => {
          const response = await api.post(`/nb/${BUDGET}`, { form: { [field]: value, "debt.0.kind": "tax", intent: "calculate" } });
          expect(response.status()).toBe(400);
          const body = await response.text();
          expect(body).toContain(v("nb", "budget.errors.notANumber", { field: "§" }).split("§")[1]!.trim().replace(/\.$/, ""));
          for (const markup of INJECTED) expect(body).not.toContain(markup);
        },
      ),
      { numRuns: 20 },
    );
    const negative = await api.post(`/nb/${BUDGET}`, { form: { "income.wages": "-100" } });
    expect(await negative.text()).toContain(v("nb", "budget.errors.negative", { field: v("nb", "budget.income.wages") }));
    const huge = await api.post(`/nb/${BUDGET}`, { form: { "cost.food": "20 000 000" } });
    expect(await huge.text()).toContain(v("nb", "budget.errors.tooLarge", { field: v("nb", "budget.costs.food") }));
    await api.dispose();
  });
});

/* ---------- accessibility ---------- */

test.describe("accessibility", () => {
  test.skip(({ isMobile, javaScriptEnabled }) => isMobile || !javaScriptEnabled, "sets its own widths");

  for (const language of ["nb", "nn", "en"] as const) {
    test(`axe finds nothing on both tools, with errors and results shown, at 1280 and 320 px (${language})`, async ({ page }) => {
      test.setTimeout(240_000);
      const problems: string[] = [];
      for (const width of [1280, 320]) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of [BEFORE, BUDGET]) {
          await page.goto(`/${language}/${path}`);
          await hydrated(page);
          problems.push(...(await axeViolations(page)));
          // With the error summary shown (and on the budget, the summary and the debts under it).
          if (path === BUDGET) await page.getByLabel(v(language, "budget.income.wages")).fill("abc");
          const submit = path === BEFORE ? v(language, "beforeYouApply.submit") : v(language, "budget.calculate");
          await page.getByRole("button", { name: submit, exact: true }).click();
          await expect(page.locator(".aksel-error-summary, .navds-error-summary").first()).toBeVisible();
          problems.push(...(await axeViolations(page)));
          const scrolls = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
          if (scrolls) problems.push(`${language} ${path} at ${width} px scrolls sideways`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
