/**
 * NAV Kontaktsenter: a caller rings, the advisor types the number and presses Enter, and the
 * person's overview answers what the caller asks (status, open tasks and the nearest deadline,
 * complaints, the next payment), with and without JavaScript, in nb, nn and en. And what an
 * auditor checks: every search and view leaves its CEF line in the portal's log output (PERMIT,
 * or DENY with the same neutral words on the page for kode 6, kode 7, NAV employees and unknown
 * numbers), a wrong number leaves none; the number is in no URL, title or history entry; the
 * staff pages carry no link to a letter, document or message, no download, no form that posts
 * the person anywhere, no account number and no message text; a lookup works only in the
 * session that made it, and only while it lasts; staff without the role, applicants and nobody
 * are kept out.
 *
 * HTTP and browser contexts of its own (one without JavaScript), so it runs in the desktop
 * project only. Audit lines are told apart from other tests' by the request ids (X-Request-Id)
 * of this test's own answers.
 */
import type { APIRequestContext, BrowserContext, Locator, Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { formatDate, formatDateTime, formatMoney, formatTime } from "../app/i18n/format";
import { deadlineDay } from "../app/ringtilbake/deadline";
import { nextValidFnr } from "../mocks/fnr";
import { MOCK_CONTROL, PORTAL } from "../playwright.config";
import { expect, hydrated, loginAs, logout, test, type Language } from "./fixtures";
import { anonymous, loggedIn, sentKlage } from "./http";
import { text, texts } from "./locale";
import { fileRingTilbake, freshPerson, ringTilbakeFor, meldingerIn, moveKlageTo, refusal, ringTilbakeAction, ringTilbakeQueues, samtalerOf, seededSoknadOf, soknaderOf } from "./mock-control";
import { persona, testUsers, wholeName, type TestUser } from "./personas";
import { logMark, logSince } from "./server-log";

test.skip(({ isMobile, javaScriptEnabled }) => isMobile || !javaScriptEnabled, "contexts of its own, with and without JavaScript: the desktop project is enough");

const port = Number(new URL(PORTAL).port);
const NORA = { navIdent: "Z990001", name: "Nora Kontaktsenter" };
const OLA = { navIdent: "Z990002", name: "Ola Veileder" };

/* ---------- the audit lines in the portal's log output ---------- */

type AuditLine = { severity: string; fields: Record<string, string>; line: string };

/**
 * This test's audit lines since `mark`: the CEF lines whose request id (sproc) is one of the
 * answers `requestIds` saw, so lookups by tests running beside this one are not counted.
 */
function auditLines(mark: number, requestIds: ReadonlySet<string>): AuditLine[] {
  return logSince(port, mark)
    .split("\n")
    .map((line) => line.slice(Math.max(0, line.indexOf("CEF:0|"))))
    .filter((line) => line.startsWith("CEF:0|NAV|sosialhjelp-portal|"))
    .map((line) => {
      const [, , , , , , severity = "", extension = ""] = line.split("|");
      const fields = Object.fromEntries(extension.split(" ").map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
      return { severity, fields, line };
    })
    .filter((entry) => requestIds.has(entry.fields.sproc ?? ""));
}

/** The audit lines for one person and action, as "Permit" / "Deny:<reason>", for readable failures. */
const decisions = (mark: number, requestIds: ReadonlySet<string>, fnr: string, act: string) =>
  auditLines(mark, requestIds)
    .filter((entry) => entry.fields.duid === fnr && entry.fields.act === act)
    .map((entry) => (entry.fields.flexString1 === "Deny" ? `Deny:${entry.fields.flexString2}` : `${entry.fields.flexString1}`));

/** The request ids of every answer the page or request context gets from now on (X-Request-Id). */
function requestIdsOf(page: Page): Set<string> {
  const ids = new Set<string>();
  page.on("response", (response) => {
    const id = response.headers()["x-request-id"];
    if (id) ids.add(id);
  });
  return ids;
}

/* ---------- what the browser kept ---------- */

/** Every address the page went to, every request it made, and the titles it showed. */
function trackAddresses(page: Page) {
  const seen = { pages: [] as string[], requests: [] as string[], titles: [] as string[] };
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) seen.pages.push(frame.url());
  });
  page.on("request", (request) => seen.requests.push(request.url()));
  page.on("load", () => void page.title().then((title) => seen.titles.push(title), () => undefined));
  return seen;
}

/** The number in any form it could take in an address: as is, or typed with spaces (encoded as + or %20). */
const holdsNumber = (value: string, fnr: string) => {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value.replace(/\+/g, " "));
  } catch {
    // not encoded
  }
  return decoded.replace(/[\s.-]/g, "").includes(fnr);
};

/** The browser's history entries (url and title), from Chromium's DevTools protocol. */
async function historyOf(context: BrowserContext, page: Page): Promise<{ url: string; title: string }[]> {
  const cdp = await context.newCDPSession(page);
  const { entries } = await cdp.send("Page.getNavigationHistory");
  await cdp.detach();
  return entries.map((entry) => ({ url: entry.url, title: entry.title }));
}

/* ---------- staff at work ---------- */

/** Contexts made without JavaScript (the project's own setting says nothing about them). */
const withoutJavaScript = new WeakSet<BrowserContext>();
const ready = async (page: Page) => {
  if (!withoutJavaScript.has(page.context())) await hydrated(page);
};

/** The mock staff login, as staff use it, ending on the search page. */
async function staffLogin(page: Page, who: { name: string } = NORA, language: Language = "nb") {
  await page.goto(`/${language}/nks/logg-inn`);
  await ready(page);
  await page.getByRole("radio", { name: who.name }).check();
  await page.locator("main").getByRole("button", { name: text(language, "auth", "testLogin.submit") }).click();
  await expect(page).toHaveURL(new RegExp(`/${language}/nks$`));
}

const searchField = (page: Page, language: Language = "nb") => page.getByRole("textbox", { name: text(language, "nks", "search.label") });

/** On the search page: the field has focus on arrival, the number is typed (as given) and Enter pressed. */
async function typeAndEnter(page: Page, typed: string, language: Language = "nb") {
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(language, "nks", "search.title"));
  await ready(page);
  await expect(searchField(page, language), "the field has focus on arrival").toBeFocused();
  await page.keyboard.type(typed);
  await page.keyboard.press("Enter");
}

/** "019181 11855": the number as a caller reads it out. */
const spaced = (fnr: string) => `${fnr.slice(0, 6)} ${fnr.slice(6)}`;

const LOOKUP_PAGE = /\/nks\/person\/([A-Za-z0-9_-]{24})$/;

/** The row of the søknad in the overview's table (its link leads to the søknad's page). */
const soknadRow = (page: Page, soknadId: string) => page.getByRole("row").filter({ has: page.locator(`a[href$="/soknad/${soknadId}"]`) });

/** The søknad's cell in the column with this heading (`nks:soknader.<key>`). */
async function cellOf(page: Page, soknadId: string, columnKey: string, language: Language = "nb"): Promise<Locator> {
  const headings = await page.getByRole("columnheader").allInnerTexts();
  const index = headings.map((heading) => heading.trim()).indexOf(text(language, "nks", `soknader.${columnKey}`));
  expect(index, `the column ${columnKey}`).toBeGreaterThanOrEqual(0);
  return soknadRow(page, soknadId).locator(":scope > th, :scope > td").nth(index);
}

/** A staff member's HTTP client (the mock staff login, posted as a browser would). */
async function staffApi(navIdent = NORA.navIdent): Promise<APIRequestContext> {
  const staff = await anonymous();
  expect((await staff.post("/nb/nks/logg-inn", { form: { navIdent }, maxRedirects: 0 })).status(), "staff login").toBe(302);
  return staff;
}

/** A search over HTTP: the lookup page's path. */
async function lookUpOverHttp(staff: APIRequestContext, fnr: string, language: Language = "nb"): Promise<string> {
  const answer = await staff.post(`/${language}/nks?index`, { form: { fnr }, maxRedirects: 0 });
  expect(answer.status(), "a permitted search").toBe(303);
  const location = answer.headers()["location"] ?? "";
  expect(location).toMatch(LOOKUP_PAGE);
  return location;
}

/* ---------- the fagsystem's facts, to compare the pages with ---------- */

type Event = { type: string; status?: string; belop?: number; forfallsdato?: string; utbetalingsreferanse?: string; dokumenter?: { innsendelsesfrist?: string }[] };

async function eventsOf(fnr: string, soknadId: string): Promise<Event[]> {
  const response = await fetch(`${MOCK_CONTROL}/api/v1/soknader/${soknadId}/innsyn`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { hendelser: Event[] }).hendelser;
}

async function accountOf(fnr: string): Promise<string | null> {
  const response = await fetch(`${MOCK_CONTROL}/api/v1/kontoregister/konto`, { headers: { "Nav-Personident": fnr } });
  return ((await response.json()) as { kontonummer?: string | null }).kontonummer ?? null;
}

/** Lines of every message in the person's conversations, long enough to be theirs alone. */
async function messageLinesOf(fnr: string): Promise<string[]> {
  const lines: string[] = [];
  for (const samtale of await samtalerOf(fnr)) {
    for (const melding of await meldingerIn(samtale.samtaleId)) {
      lines.push(...melding.tekst.split("\n").filter((line) => line.length >= 20 && !/["'&<>]/.test(line)));
    }
  }
  return lines;
}

/* ---------- what the staff pages must not carry ---------- */

/**
 * What in a staff page's HTML (as the server sends it, hydration data included) would let staff
 * open or see what the view does not show: links to letters, documents, messages and files, a
 * download, a form other than the header's logout, an account number, a message's words.
 */
function leaksIn(html: string, secrets: { accounts: string[]; messageLines: string[] }, language: Language = "nb"): string[] {
  const problems: string[] = [];
  for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
    if (/\/(innsyn|dokument|vedtak|meldinger|fil)(\/|$|\?|#)/.test(href!)) problems.push(`a link to ${href}`);
  }
  for (const [tag] of html.matchAll(/<[a-z][^>]*\sdownload(?=[\s=>/])[^>]*>/gi)) problems.push(`a download: ${tag}`);
  for (const [tag] of html.matchAll(/<form\b[^>]*>/gi)) {
    const action = /\saction="([^"]*)"/.exec(tag!)?.[1] ?? "(none)";
    if (action !== `/${language}/logg-ut`) problems.push(`a form other than logout: ${tag}`);
  }
  for (const account of secrets.accounts) {
    const grouped = new RegExp(account.split("").join("[\\s.\\u00a0]?"));
    if (grouped.test(html)) problems.push(`the account number ${account}`);
  }
  for (const [number] of html.matchAll(/(?<!\d)\d{11}(?!\d)/g)) problems.push(`an 11-digit number ${number}`);
  for (const line of secrets.messageLines) if (html.includes(line)) problems.push(`a message's words: ${line}`);
  return problems;
}

/* ---------- the journey ---------- */

/**
 * The "done when": from the number to status, tasks, deadline and the rest, two actions
 * (type, Enter); then one click to the søknad. Also what the browser kept and what was logged.
 */
async function callerJourney(context: BrowserContext, page: Page) {
  const jonas = await persona("under-behandling");
  const soknadId = await seededSoknadOf(jonas.fnr);
  const events = await eventsOf(jonas.fnr, soknadId);
  const deadline = events.flatMap((event) => event.dokumenter ?? []).map((dokument) => dokument.innsendelsesfrist!)[0]!;
  const seen = trackAddresses(page);
  const requestIds = requestIdsOf(page);
  const mark = logMark(port);

  await staffLogin(page);
  // Action 1 and 2: the number as the caller reads it, and Enter.
  await typeAndEnter(page, spaced(jonas.fnr));
  await expect(page).toHaveURL(LOOKUP_PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(jonas.name);
  const row = soknadRow(page, soknadId);
  await expect(row).toHaveCount(1);
  await expect(await cellOf(page, soknadId, "status")).toHaveText(text("nb", "innsyn", "status.UNDER_BEHANDLING.tag"));
  const tasks = await cellOf(page, soknadId, "tasks");
  await expect(tasks).toContainText(text("nb", "nks", "soknader.openTasks_other", { count: 2 }));
  await expect(tasks).toContainText(text("nb", "nks", "soknader.deadline", { date: formatDate(deadline, "nb") }));
  await expect(await cellOf(page, soknadId, "klager")).toHaveText(text("nb", "nks", "soknader.noneValue"));
  await expect(await cellOf(page, soknadId, "nextPayment")).toHaveText(text("nb", "nks", "soknader.noneValue"));
  await expect(row.getByRole("link")).toHaveText(text("nb", "nks", "soknader.open", { date: formatDate((await soknaderOf(jonas.fnr)).find((s) => s.fiksDigisosId === soknadId)!.sendtTidspunkt!, "nb") }));
  // The conversations as metadata: the deposit question the office has not read yet.
  const meldinger = page.getByRole("region", { name: text("nb", "nks", "conversations.title"), exact: true });
  await expect(meldinger.getByText(text("nb", "nks", "conversations.unreadByOffice_one", { count: 1 }))).toBeVisible();
  await expect(page.getByText(/depositum/)).toHaveCount(0);

  // One search, one view: one PERMIT line each.
  await expect.poll(() => decisions(mark, requestIds, jonas.fnr, "search"), { timeout: 5000 }).toEqual(["Permit"]);
  await expect.poll(() => decisions(mark, requestIds, jonas.fnr, "person"), { timeout: 5000 }).toEqual(["Permit"]);
  expect(auditLines(mark, requestIds).every((entry) => entry.fields.suid === NORA.navIdent)).toBe(true);

  // The søknad: status, tasks with their deadline, the timeline.
  await row.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/nks/person/[A-Za-z0-9_-]{24}/soknad/${soknadId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${text("nb", "nks", "soknad.title")}: ${jonas.name}`);
  await expect(page.getByRole("heading", { level: 2, name: text("nb", "innsyn", "status.UNDER_BEHANDLING.title") })).toBeVisible();
  const taskBox = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "innsyn", "tasks.title") }) });
  await expect(taskBox.getByRole("heading", { level: 3 })).toHaveText(["Husleiekontrakt", "Kontoutskrift"]);
  await expect(taskBox.getByText(text("nb", "innsyn", "tasks.deadline", { date: formatDate(deadline, "nb") }))).toHaveCount(2);
  const timeline = page.getByRole("region", { name: text("nb", "innsyn", "timeline.title"), exact: true });
  await expect(timeline).toContainText(text("nb", "innsyn", "timeline.sendt"));
  await expect(timeline).toContainText(text("nb", "innsyn", "timeline.etterspurt_other", { count: 2 }));
  await expect(timeline.getByRole("link")).toHaveCount(0);
  await expect.poll(() => decisions(mark, requestIds, jonas.fnr, "soknad"), { timeout: 5000 }).toEqual(["Permit"]);
  expect(auditLines(mark, requestIds).find((entry) => entry.fields.act === "soknad")?.fields.request).toBe(`soknad:${soknadId}`);

  // The number is in no address the browser went to or asked for, no title, no history entry.
  const history = await historyOf(context, page);
  expect(history.map((entry) => entry.url)).toEqual(expect.arrayContaining([expect.stringMatching(LOOKUP_PAGE)]));
  const titles = [...seen.titles, await page.title(), ...history.map((entry) => entry.title)];
  const withNumber = [...seen.pages, ...seen.requests, ...history.map((entry) => entry.url), ...titles].filter((value) => holdsNumber(value, jonas.fnr));
  expect(withNumber, "addresses and titles that hold the number").toEqual([]);
  expect(titles.filter((title) => title.includes(jonas.name)), "titles that name the person").toEqual([]);
  expect(seen.requests.length).toBeGreaterThan(0);
}

test("done when, with JavaScript: the number with spaces and Enter give the caller's status, open tasks and deadline on one page; the søknad is one click away; each look is logged; the number is in no address, title or history entry", async ({ page, context }) => {
  await callerJourney(context, page);
});

test("done when, without JavaScript: the same journey, with the same audit lines and no number in any address, title or history entry", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: PORTAL, javaScriptEnabled: false });
  withoutJavaScript.add(context);
  try {
    await callerJourney(context, await context.newPage());
  } finally {
    await context.close();
  }
});

test("the next payment and a complaint show on the overview; a paper søknad is flagged in the table and on its page", async ({ page }) => {
  test.setTimeout(120_000);
  // Granted, with a payment planned: its amount and date in the row.
  const innvilget = await persona("innvilget");
  const grantedId = await seededSoknadOf(innvilget.fnr);
  const payments = new Map<string, Event>();
  for (const event of await eventsOf(innvilget.fnr, grantedId)) if (event.type === "utbetaling") payments.set(event.utbetalingsreferanse!, event);
  const planned = [...payments.values()].filter((payment) => payment.status === "PLANLAGT_UTBETALING");
  expect(planned).toHaveLength(1);
  await staffLogin(page);
  await typeAndEnter(page, innvilget.fnr);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(innvilget.name);
  await expect(await cellOf(page, grantedId, "status")).toHaveText(text("nb", "innsyn", "status.FERDIGBEHANDLET.tag"));
  const nextPayment = await cellOf(page, grantedId, "nextPayment");
  await expect(nextPayment).toContainText(formatMoney(planned[0]!.belop!, "nb"));
  await expect(nextPayment).toContainText(formatDate(planned[0]!.forfallsdato!, "nb"));

  // A person of the test's own with a refusal and a complaint the office has received.
  const complainer = await freshPerson();
  const decision = await refusal(complainer.id);
  const { api } = await loggedIn(complainer);
  const klageId = await sentKlage(api, decision);
  await api.dispose();
  await moveKlageTo(klageId, "MOTTATT");
  await page.getByRole("navigation", { name: text("nb", "nks", "nav.label") }).getByRole("link", { name: text("nb", "nks", "nav.newSearch") }).click();
  await typeAndEnter(page, complainer.fnr);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(complainer.name);
  await expect(await cellOf(page, decision.soknadId, "klager")).toHaveText(text("nb", "klage-status", "state.MOTTATT.tag"));

  // nylig-hjelp: a digital søknad and one on paper, told apart in the table and on the page.
  const ingrid = await persona("nylig-hjelp");
  const soknader = await soknaderOf(ingrid.fnr);
  const paperId = await seededSoknadOf(ingrid.fnr);
  const digitalId = soknader.find((soknad) => soknad.fiksDigisosId !== paperId)!.fiksDigisosId;
  await page.getByRole("link", { name: text("nb", "nks", "nav.newSearch") }).first().click();
  await typeAndEnter(page, ingrid.fnr);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ingrid.name);
  const paperRow = soknadRow(page, paperId);
  await expect(paperRow.getByText(text("nb", "nks", "soknader.paper"), { exact: true })).toBeVisible();
  await expect(paperRow.getByRole("link")).toHaveText(new RegExp(`^${text("nb", "nks", "soknader.openPaper", { date: "" })}`));
  await expect(soknadRow(page, digitalId).getByText(text("nb", "nks", "soknader.digital"), { exact: true })).toBeVisible();
  await expect(soknadRow(page, digitalId).getByText(text("nb", "nks", "soknader.paper"), { exact: true })).toHaveCount(0);
  await paperRow.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${text("nb", "nks", "soknad.title")}: ${ingrid.name}`);
  await expect(page.getByText(text("nb", "nks", "soknad.paper"), { exact: true })).toBeVisible();
});

test("the staff pages' HTML holds no link to a letter, document, message or file, no download, no form but logout, no account number and no message text", async ({ page }) => {
  const jonas = await persona("under-behandling");
  const innvilget = await persona("innvilget");
  await staffLogin(page);
  const problems: string[] = [];
  for (const person of [jonas, innvilget]) {
    const soknadId = await seededSoknadOf(person.fnr);
    // Jonas has messages (one about a deposit the office has not read); Kristian has payments to his account.
    const paymentAccounts = (await eventsOf(person.fnr, soknadId)).map((event) => (event as { kontonummer?: string | null }).kontonummer).filter((account): account is string => Boolean(account));
    const secrets = { accounts: [...new Set([await accountOf(person.fnr), ...paymentAccounts].filter((account): account is string => Boolean(account)))], messageLines: await messageLinesOf(person.fnr) };
    expect(secrets.accounts.length, "an account number to look for").toBeGreaterThan(0);
    if (person === jonas) expect(secrets.messageLines.some((line) => line.includes("depositum")), "the deposit question to look for").toBe(true);
    if (person === innvilget) expect(paymentAccounts.length, "payments to the account").toBeGreaterThan(0);

    await page.goto("/nb/nks");
    await typeAndEnter(page, person.fnr);
    await expect(page).toHaveURL(LOOKUP_PAGE);
    const personPath = new URL(page.url()).pathname;
    for (const path of [personPath, `${personPath}/soknad/${soknadId}`]) {
      const answer = await page.request.get(path);
      expect(answer.status(), path).toBe(200);
      const html = await answer.text();
      expect(html, `${path} is the person's page`).toContain(person.name);
      problems.push(...leaksIn(html, secrets).map((problem) => `${person.id} ${path.includes("/soknad/") ? "søknad" : "overview"}: ${problem}`));
      expect(html).not.toMatch(/<form\b[^>]*action="[^"]*\/nks\/person/);
    }
  }
  expect(problems).toEqual([]);
});

test("kode 6, kode 7, a NAV employee and an unknown number get the same neutral words and nothing about the person; each refusal is a DENY line", async ({ page }) => {
  const users = await testUsers();
  const unknown = nextValidFnr("1970-06-15", 101);
  expect(users.map((user) => user.fnr), "the unknown number is no persona's").not.toContain(unknown);
  const refused: (TestUser | { id: string; fnr: string; name: null })[] = [
    ...(await Promise.all(["kode6", "kode7", "nav-ansatt"].map((id) => persona(id)))),
    { id: "unknown", fnr: unknown, name: null },
  ];
  const requestIds = requestIdsOf(page);
  const mark = logMark(port);
  await staffLogin(page);
  const answers: string[] = [];
  for (const person of refused) {
    await page.goto("/nb/nks");
    await typeAndEnter(page, spaced(person.fnr));
    await expect(page.getByRole("heading", { level: 2, name: text("nb", "nks", "refused.title") })).toBeVisible();
    await expect(page).not.toHaveURL(LOOKUP_PAGE);
    answers.push((await page.locator("main").innerText()).trim());
    const html = await page.content();
    if (person.name) expect(html, `${person.id}: the name`).not.toContain(person.name);
    expect(html, `${person.id}: the number`).not.toContain(person.fnr);
    await expect.poll(() => decisions(mark, requestIds, person.fnr, "search"), { timeout: 5000, message: `${person.id}: one DENY line` }).toHaveLength(1);
  }
  // Word for word the same page, whatever the reason; the reason is in the log only.
  expect(new Set(answers).size, answers.join("\n---\n")).toBe(1);
  expect(refused.map((person) => decisions(mark, requestIds, person.fnr, "search")[0])).toEqual(["Deny:kode6", "Deny:kode7", "Deny:skjermet", "Deny:not-found"]);
  for (const entry of auditLines(mark, requestIds)) {
    expect(entry.severity).toBe("WARN");
    expect(entry.fields).toMatchObject({ suid: NORA.navIdent, act: "search", flexString1: "Deny" });
  }
});

test("a number that fails the check: the error summary has focus, says it is not a valid number, keeps what was typed, and nothing is logged", async ({ page }) => {
  const jonas = await persona("under-behandling");
  const wrong = `${jonas.fnr.slice(0, 10)}${(Number(jonas.fnr[10]) + 1) % 10}`;
  const typed = spaced(wrong);
  const requestIds = requestIdsOf(page);
  const mark = logMark(port);
  await staffLogin(page);
  await typeAndEnter(page, typed);
  const heading = page.getByRole("heading", { name: text("nb", "common", "forms.errorSummaryHeading") });
  await expect(heading).toBeVisible();
  await expect
    .poll(() => heading.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), {
      message: "the error summary has focus",
    })
    .toBe(true);
  await expect(page.getByRole("link", { name: text("nb", "nks", "search.errors.checksum") })).toBeVisible();
  await expect(page).toHaveTitle(/^Feil: /);
  await expect(searchField(page)).toHaveValue(typed);
  await expect(page).not.toHaveURL(LOOKUP_PAGE);

  // A refused number after it: once its line is there, the wrong number's would be too.
  const unknown = nextValidFnr("1970-06-15", 101);
  await searchField(page).fill(unknown);
  await searchField(page).press("Enter");
  await expect(page.getByRole("heading", { level: 2, name: text("nb", "nks", "refused.title") })).toBeVisible();
  await expect.poll(() => decisions(mark, requestIds, unknown, "search"), { timeout: 5000 }).toEqual(["Deny:not-found"]);
  expect(logSince(port, mark), "no audit line for the wrong number").not.toContain(`duid=${wrong}`);
  expect(auditLines(mark, requestIds)).toHaveLength(1);
});

test("staff without the role get the forbidden page at the search and at a person; applicants too; nobody goes to the staff login", async ({ browser }) => {
  const jonas = await persona("under-behandling");
  const nora = await staffApi();
  const personPath = await lookUpOverHttp(nora, jonas.fnr);

  const context = await browser.newContext({ baseURL: PORTAL });
  const page = await context.newPage();
  try {
    await staffLogin(page, OLA);
    for (const [language, path] of [["nb", "/nb/nks"], ["nb", personPath], ["en", "/en/nks"], ["nn", personPath.replace(/^\/nb\//, "/nn/")]] as const) {
      const answer = await page.goto(path);
      expect(answer?.status(), `${OLA.navIdent} at ${path}`).toBe(403);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(text(language, "common", "errors.forbidden.title"));
      expect(await page.content()).not.toContain(jonas.name);
    }
    await logout(page);

    // An applicant (the person's own login) is not staff.
    const applicant = await persona("forstegang");
    await loginAs(page, wholeName(applicant.name));
    const answer = await page.goto("/nb/nks");
    expect(answer?.status(), "an applicant at /nb/nks").toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("nb", "common", "errors.forbidden.title"));
    expect((await page.goto(personPath))?.status(), "an applicant at a person").toBe(403);
    expect(await page.content()).not.toContain(jonas.name);
    await logout(page);

    // Nobody: to the staff login, and back after it.
    await page.goto(personPath);
    await expect(page).toHaveURL(/\/nb\/nks\/logg-inn\?returnTo=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("nb", "auth", "staffLogin.title"));
    await page.goto("/nb/nks");
    await expect(page).toHaveURL(/\/nb\/nks\/logg-inn\?returnTo=%2Fnb%2Fnks$/);
  } finally {
    await context.close();
    await nora.dispose();
  }
});

test("a lookup belongs to the session that made it: another staff session gets 'Oppslaget gjelder ikke lenger' and nothing else; after logout the old lookup leads to login", async ({ page, browser }) => {
  const jonas = await persona("under-behandling");
  await staffLogin(page);
  await typeAndEnter(page, jonas.fnr);
  await expect(page).toHaveURL(LOOKUP_PAGE);
  const personPath = new URL(page.url()).pathname;
  const soknadPath = `${personPath}/soknad/${await seededSoknadOf(jonas.fnr)}`;

  // The same staff member in another browser: another session.
  const other = await browser.newContext({ baseURL: PORTAL });
  try {
    const otherPage = await other.newPage();
    await staffLogin(otherPage);
    for (const path of [personPath, soknadPath]) {
      const answer = await otherPage.goto(path);
      expect(answer?.status(), path).toBe(404);
      await expect(otherPage.getByRole("heading", { level: 2, name: text("nb", "nks", "expired.title") })).toBeVisible();
      const html = await otherPage.content();
      expect(html).not.toContain(jonas.name);
      expect(html).not.toContain(jonas.fnr);
      await expect(otherPage.getByRole("table")).toHaveCount(0);
    }
  } finally {
    await other.close();
  }

  // Its own session still has it; after logout it leads to login, and after a new login it is gone.
  await page.goto(personPath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(jonas.name);
  await logout(page);
  await page.goto(personPath);
  await expect(page).toHaveURL(/\/nb\/nks\/logg-inn\?returnTo=/);
  await staffLogin(page);
  expect((await page.goto(personPath))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 2, name: text("nb", "nks", "expired.title") })).toBeVisible();
  expect(await page.content()).not.toContain(jonas.name);
});

/* ---------- call-back requests (ring tilbake) ---------- */

/** The deadline as the person's page words it (nks:callbacks.deadline*), from the fagsystem's frist. */
function deadlineWords(frist: string, language: Language = "nb"): string {
  const when = deadlineDay(frist, new Date()).when;
  const time = formatTime(frist, language);
  if (when === "I_DAG") return text(language, "nks", "callbacks.deadlineToday", { time });
  if (when === "I_MORGEN") return text(language, "nks", "callbacks.deadlineTomorrow", { time });
  return text(language, "nks", "callbacks.deadlineLater", { date: formatDate(frist, language), time });
}

test("the person's call-back requests: open with the deadline in words, who filed it and the note; first in the office's queue; called and reached, with the time, at the next lookup", async ({ page }) => {
  const person = await freshPerson();
  const notat = "Har ikke mat i kveld, ber om å bli ringt før kl. 15.";
  const filed = await fileRingTilbake(person.fnr, { ringTilbakeId: randomUUID(), navIdent: OLA.navIdent, tema: "UTBETALING", hastegrad: "I_DAG", telefonnummer: "41234567", tolkesprak: "uk", notat });

  await staffLogin(page);
  await typeAndEnter(page, spaced(person.fnr));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);
  const section = page.getByRole("region", { name: text("nb", "nks", "callbacks.title"), exact: true });
  const card = section.locator(`[data-ringtilbake="${filed.ringTilbakeId}"]`);
  await expect(card.getByText(text("nb", "nks", "callbacks.tema.UTBETALING"), { exact: true })).toBeVisible();
  await expect(card.getByText(text("nb", "nks", filed.forfalt ? "callbacks.state.overdue" : "callbacks.state.open"), { exact: true })).toBeVisible();
  await expect(card.getByText(text("nb", "nks", "callbacks.hastegrad.I_DAG"), { exact: true })).toBeVisible();
  await expect(card.getByText(deadlineWords(filed.frist), { exact: true })).toBeVisible();
  await expect(card.getByText(filed.kontornavn, { exact: true })).toBeVisible();
  await expect(card.getByText("ukrainsk", { exact: true })).toBeVisible();
  await expect(card.getByText(text("nb", "nks", "callbacks.filedBy", { time: formatDateTime(filed.mottattTidspunkt, "nb"), navIdent: OLA.navIdent }), { exact: true })).toBeVisible();
  await expect(card.getByText(notat, { exact: true })).toBeVisible();

  // The office's queue: the open "today" requests come before every other.
  const queue = (await ringTilbakeQueues()).find((office) => office.navEnhet === filed.navEnhet)!;
  const index = queue.ko.findIndex((request) => request.ringTilbakeId === filed.ringTilbakeId);
  expect(index, "in its office's queue").toBeGreaterThanOrEqual(0);
  expect(queue.ko.slice(0, index).every((request) => request.hastegrad === "I_DAG"), "behind nothing less urgent").toBe(true);

  const called = await ringTilbakeAction(filed.ringTilbakeId, "ringt-nadd");
  const at = called.forsok[called.forsok.length - 1]!.tidspunkt;
  // The next call: a new search, a new lookup.
  await page.getByRole("navigation", { name: text("nb", "nks", "nav.label") }).getByRole("link", { name: text("nb", "nks", "nav.newSearch") }).click();
  await typeAndEnter(page, spaced(person.fnr));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);
  await expect(card.getByText(text("nb", "nks", "callbacks.state.reached", { time: formatDateTime(at, "nb") }), { exact: true })).toBeVisible();
  await expect(card.getByText(text("nb", "nks", "callbacks.callReached", { time: formatDateTime(at, "nb") }), { exact: true })).toBeVisible();
});

/** The advisor, on the person's page, opens "Be kontoret ringe tilbake". */
async function openCallbackForm(page: Page, name: string) {
  await page.getByRole("link", { name: text("nb", "nks", "callbackForm.link") }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${text("nb", "nks", "callbackForm.title")}: ${name}`);
  await ready(page);
}

/**
 * The "done when" for the advisor: a caller without food tonight; the number, Enter, the
 * link, two choices, the note, send. The office's queue has it among the most urgent; the office
 * calls and reaches the person; the next lookup shows it with the time.
 */
async function urgentCallbackJourney(page: Page) {
  const person = await freshPerson();
  const requestIds = requestIdsOf(page);
  const mark = logMark(port);
  await staffLogin(page);
  await typeAndEnter(page, spaced(person.fnr));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);
  await openCallbackForm(page, person.name);
  await page.getByRole("radio", { name: text("nb", "nks", "callbacks.tema.OKONOMISK_SOSIALHJELP") }).check();
  await page.getByRole("radio", { name: text("nb", "nks", "callbacks.hastegrad.I_DAG") }).check();
  // What to do if it cannot wait is on the page beside the choice: the on-call phone or tonight's help.
  await expect(page.getByRole("region", { name: text("nb", "nks", "callbackForm.today.title") })).toBeVisible();
  const phone = page.getByRole("textbox", { name: text("nb", "nks", "callbackForm.phone.label") });
  await phone.fill("412 34 567");
  await page.getByRole("textbox", { name: text("nb", "nks", "callbackForm.note.label") }).fill("Har ikke penger til mat i kveld.");
  await page.getByRole("button", { name: text("nb", "nks", "callbackForm.submit") }).click();
  await expect(page).toHaveURL(/\/nb\/nks\/person\/[A-Za-z0-9_-]{24}\?ringtilbake=sendt$/);
  await expect(page.getByText(text("nb", "nks", "callbackForm.sent"), { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);

  // One request at the fagsystem, filed by the advisor, among the office's most urgent.
  const filed = await ringTilbakeFor(person.fnr);
  expect(filed.map((request) => [request.hastegrad, request.registrertAv, request.telefonnummer, request.notat])).toEqual([["I_DAG", NORA.navIdent, "41234567", "Har ikke penger til mat i kveld."]]);
  const request = filed[0]!;
  const queue = (await ringTilbakeQueues()).find((office) => office.navEnhet === request.navEnhet)!;
  const index = queue.ko.findIndex((candidate) => candidate.ringTilbakeId === request.ringTilbakeId);
  expect(index, "in its office's queue").toBeGreaterThanOrEqual(0);
  expect(queue.ko.slice(0, index).every((candidate) => candidate.hastegrad === "I_DAG" && candidate.frist <= request.frist), "behind nothing less urgent").toBe(true);
  // Audited as a call-back request (the form, and the post before the send).
  await expect.poll(() => decisions(mark, requestIds, person.fnr, "ringtilbake"), { timeout: 5000 }).toEqual(["Permit", "Permit"]);

  const called = await ringTilbakeAction(request.ringTilbakeId, "ringt-nadd");
  const at = called.forsok[called.forsok.length - 1]!.tidspunkt;
  await page.getByRole("navigation", { name: text("nb", "nks", "nav.label") }).getByRole("link", { name: text("nb", "nks", "nav.newSearch") }).click();
  await typeAndEnter(page, spaced(person.fnr));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(person.name);
  const card = page.locator(`[data-ringtilbake="${request.ringTilbakeId}"]`);
  await expect(card.getByText(text("nb", "nks", "callbacks.state.reached", { time: formatDateTime(at, "nb") }), { exact: true })).toBeVisible();
}

test("call-back, with JavaScript: an urgent request for a caller without food tonight is filed from the person's page, is among the office's most urgent, and shows as called and reached at the next lookup", async ({ page }) => {
  await urgentCallbackJourney(page);
});

test("call-back, without JavaScript: the same journey", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: PORTAL, javaScriptEnabled: false });
  withoutJavaScript.add(context);
  try {
    await urgentCallbackJourney(await context.newPage());
  } finally {
    await context.close();
  }
});

test("call-back: no topic and a note over 500 characters give the error summary with focus, what was typed is kept, and nothing is filed", async ({ page }) => {
  const person = await freshPerson();
  await staffLogin(page);
  await typeAndEnter(page, spaced(person.fnr));
  await openCallbackForm(page, person.name);
  await page.getByRole("radio", { name: text("nb", "nks", "callbacks.hastegrad.TO_VIRKEDAGER") }).check();
  const note = page.getByRole("textbox", { name: text("nb", "nks", "callbackForm.note.label") });
  await note.fill("x".repeat(501));
  await page.getByRole("button", { name: text("nb", "nks", "callbackForm.submit") }).click();
  const summary = page.getByRole("heading", { name: text("nb", "common", "forms.errorSummaryHeading") });
  await expect(summary).toBeVisible();
  await expect
    .poll(() => summary.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), { message: "the error summary has focus" })
    .toBe(true);
  await expect(page.getByRole("link", { name: text("nb", "nks", "callbackForm.errors.temaRequired") })).toBeVisible();
  await expect(page.getByRole("link", { name: text("nb", "nks", "callbackForm.errors.notatTooLong", { max: 500 }) })).toBeVisible();
  await expect(note).toHaveValue("x".repeat(501));
  await expect(page.getByRole("radio", { name: text("nb", "nks", "callbacks.hastegrad.TO_VIRKEDAGER") })).toBeChecked();
  expect(await ringTilbakeFor(person.fnr)).toEqual([]);
});

for (const language of ["nn", "en"] as const) {
  test(`in ${language}: the search page's title and the overview's headings are translated`, async ({ page }) => {
    const t = texts(language);
    const jonas = await persona("under-behandling");
    await staffLogin(page, NORA, language);
    await expect(page).toHaveTitle(`${t("nks:search.title")} – ${t("common:shell.serviceName")}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t("nks:search.title"));
    await typeAndEnter(page, spaced(jonas.fnr), language);
    await expect(page).toHaveURL(new RegExp(`^${PORTAL}/${language}/nks/person/[A-Za-z0-9_-]{24}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(jonas.name);
    await expect(page).toHaveTitle(`${t("nks:person.title")} – ${t("common:shell.serviceName")}`);
    for (const key of ["soknader.title", "person.details", "conversations.title", "shortcuts.title"]) {
      await expect(page.getByRole("heading", { level: 2, name: t(`nks:${key}`), exact: true })).toBeVisible();
    }
    await expect(page.getByRole("columnheader", { name: t("nks:soknader.nextPayment") })).toBeVisible();
    await expect(page.getByRole("navigation", { name: t("nks:nav.label") }).getByRole("link", { name: t("nks:nav.newSearch") })).toBeVisible();
    await expect(page.getByText(t("innsyn:status.UNDER_BEHANDLING.tag"), { exact: true })).toBeVisible();
  });
}
