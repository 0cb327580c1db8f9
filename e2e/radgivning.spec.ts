/**
 * Ask for economic advice (be om økonomisk rådgivning, § 17): a logged-in person tells their
 * office what they want help with and how to be contacted, with and without JavaScript, and
 * sees the receipt (the time, the office, what happens next) and their requests with their
 * state. Bad input gets a message and keeps what was typed; the same form posted twice is one
 * request; the fagsystem refusing keeps the text and the next try works; an anonymous visitor
 * is sent to login. Each test uses a person of its own (freshPerson).
 */
import type { Browser, Page } from "@playwright/test";
import { MOCK_CONTROL, PORTAL } from "../playwright.config";
import { expect, hydrated, loginAs, notAtPhoneWidth, test, type Language } from "./fixtures";
import { loggedIn } from "./http";
import { text } from "./locale";
import { addFault, freshPerson, removeFault, type TestPerson } from "./mock-control";
import { wholeName } from "./personas";

type Request = { radgivningId: string; status: string; kontaktmate: string; telefonnummer: string | null; beskrivelse: string; kontornavn: string };

async function requestsOf(fnr: string): Promise<Request[]> {
  const response = await fetch(`${MOCK_CONTROL}/api/v1/radgivning`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return (await response.json()) as Request[];
}

async function markContacted(radgivningId: string) {
  const response = await fetch(`${MOCK_CONTROL}/mock/fagsystem/api/radgivning/${radgivningId}/kontaktet`, { method: "POST" });
  expect(response.status, await response.clone().text()).toBe(200);
}

const path = (language: Language) => `/${language}/veiviser/okonomi-og-gjeld/be-om-rad`;
const t = (language: Language, key: string, values?: Record<string, string | number>) => text(language, "radgivning", key, values);
const description = (page: Page, language: Language) => page.getByLabel(t(language, "form.description.label"));
const phone = (page: Page, language: Language) => page.getByLabel(t(language, "form.phone.label"));
const contactWay = (page: Page, language: Language, way: "TELEFON" | "MELDING" | "BREV") => page.getByRole("radio", { name: t(language, `form.contact.${way}`) });
const send = (page: Page, language: Language) => page.getByRole("button", { name: t(language, "form.send") });

async function loginWithoutJavaScript(browser: Browser, person: TestPerson) {
  const context = await browser.newContext({ baseURL: PORTAL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/nb/logg-inn");
  await page.getByRole("radio", { name: wholeName(person.name) }).check();
  await page.locator("main").getByRole("button", { name: /logg inn/i }).click();
  await expect(page.locator("header")).toContainText(person.name);
  return { context, page };
}

test("in nynorsk with JavaScript, a person asks to be called, sees the receipt, and later that the office has been in touch", async ({ page, axe }) => {
  const language: Language = "nn";
  const person = await freshPerson();
  await loginAs(page, wholeName(person.name), language);
  await page.goto(path(language));
  await hydrated(page);
  await expect(page.getByRole("heading", { level: 1, name: t(language, "title") })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${t(language, "title")}`));

  // The number from the contact register is filled in, and the person may change it.
  const registered = (await phone(page, language).inputValue()).replace(/\s/g, "");
  expect(registered).toMatch(/^\+47\d{8}$/);
  await description(page, language).fill("Eg har fått to inkassobrev og veit ikkje kva eg skal betale først.");
  await contactWay(page, language, "TELEFON").check();
  await phone(page, language).fill("412 34 567");
  await page.getByRole("radio", { name: t(language, "form.callTime.ETTERMIDDAG") }).check();
  await send(page, language).click();

  await expect(page.getByRole("heading", { level: 1, name: t(language, "receipt.title") })).toBeVisible();
  await expect(page).toHaveURL(/\/nn\/veiviser\/okonomi-og-gjeld\/be-om-rad\/kvittering\/[0-9a-f-]{36}$/);
  const [sent] = await requestsOf(person.fnr);
  expect(sent).toMatchObject({ kontaktmate: "TELEFON", telefonnummer: "41234567", status: "MOTTATT" });
  await expect(page.getByText(t(language, "receipt.next.TELEFON", { phone: "41234567" }))).toBeVisible();
  await expect(page.getByText(new RegExp(`^${sent!.kontornavn} tok imot førespurnaden \\d+\\. \\p{L}+ \\d{4}`, "u"))).toBeVisible();
  await expect(page.getByText("Eg har fått to inkassobrev og veit ikkje kva eg skal betale først.")).toBeVisible();
  await axe.check();

  // The office calls and marks it; the form page lists the request with its new state.
  await markContacted(sent!.radgivningId);
  await page.goto(path(language));
  const list = page.getByRole("region", { name: t(language, "list.heading") });
  await expect(list.getByText(t(language, "list.state.KONTAKTET"))).toBeVisible();
  await expect(list.getByText(/^Kontoret tok kontakt \d+\. /)).toBeVisible();
});

test("without JavaScript: what is missing is said and kept, a letter is asked for, and the same form posted twice is one request", async ({ browser }) => {
  notAtPhoneWidth();
  const person = await freshPerson();
  const { context, page } = await loginWithoutJavaScript(browser, person);
  const language: Language = "nb";
  await page.goto(path(language));

  // Nothing chosen, no text: the summary lists both, and a phone number that is no number.
  await contactWay(page, language, "TELEFON").check();
  await phone(page, language).fill("123");
  await send(page, language).click();
  await expect(page).toHaveTitle(/^Feil: /);
  for (const key of ["errors.beskrivelseRequired", "errors.telefonInvalid"]) await expect(page.getByRole("link", { name: t(language, key) })).toBeVisible();
  await expect(phone(page, language)).toHaveValue("123");

  await description(page, language).fill("Jeg har strømregninger jeg ikke klarer å betale.\nHva gjør jeg?");
  await contactWay(page, language, "BREV").check();
  await send(page, language).click();
  await expect(page.getByRole("heading", { level: 1, name: t(language, "receipt.title") })).toBeVisible();
  await expect(page.getByText(t(language, "receipt.next.BREV"))).toBeVisible();
  const requests = await requestsOf(person.fnr);
  expect(requests).toHaveLength(1);
  expect(requests[0]).toMatchObject({ kontaktmate: "BREV", telefonnummer: null, beskrivelse: "Jeg har strømregninger jeg ikke klarer å betale.\nHva gjør jeg?" });

  // A double click without JavaScript posts the same form twice: one request, the same receipt.
  const api = (await loggedIn(person)).api;
  const form = await (await api.get(path(language))).text();
  const radgivningId = /name="radgivningId" value="([0-9a-f-]{36})"/.exec(form)?.[1];
  expect(radgivningId, "the form's id").toBeTruthy();
  const fields = { radgivningId: radgivningId!, beskrivelse: "Kan dere hjelpe meg med et budsjett?", kontaktmate: "MELDING", telefonnummer: "", kontakttid: "" };
  const answers = await Promise.all([api.post(path(language), { form: fields, maxRedirects: 0 }), api.post(path(language), { form: fields, maxRedirects: 0 })]);
  for (const answer of answers) {
    expect(answer.status()).toBe(302);
    expect(answer.headers()["location"]).toBe(`${path(language)}/kvittering/${radgivningId}`);
  }
  expect((await requestsOf(person.fnr)).filter((request) => request.radgivningId === radgivningId)).toHaveLength(1);
  expect(await requestsOf(person.fnr)).toHaveLength(2);

  // The receipt lists the earlier request with its state.
  await page.goto(`${path(language)}/kvittering/${radgivningId}`);
  const earlier = page.getByRole("region", { name: t(language, "list.earlierHeading") });
  await expect(earlier.getByText(t(language, "list.state.MOTTATT"))).toBeVisible();
  await expect(earlier.getByText(t(language, "list.contact", { how: t(language, "list.how.BREV") }))).toBeVisible();
  await api.dispose();
  await context.close();
});

test("with JavaScript, the error summary takes focus, and axe finds nothing on the form with errors", async ({ page, axe, javaScriptEnabled }) => {
  notAtPhoneWidth();
  test.skip(!javaScriptEnabled, "focus is moved by the page's script, and axe needs JavaScript");
  const language: Language = "en";
  const person = await freshPerson();
  await loginAs(page, wholeName(person.name), language);
  await page.goto(path(language));
  await hydrated(page);
  await axe.check();
  await description(page, language).fill("x".repeat(2001));
  await send(page, language).click();
  const heading = page.getByRole("heading", { name: text(language, "common", "forms.errorSummaryHeading") });
  await expect(heading).toBeVisible();
  await expect
    .poll(() => heading.evaluate((element) => document.activeElement !== document.body && (document.activeElement?.contains(element) ?? false)), { message: "the error summary has focus" })
    .toBe(true);
  const summary = page.locator("main");
  await expect(summary.getByRole("link", { name: t(language, "errors.beskrivelseTooLong", { max: 2000 }) })).toBeVisible();
  await expect(summary.getByRole("link", { name: t(language, "errors.kontaktmateRequired") })).toBeVisible();
  await expect(description(page, language)).toHaveValue("x".repeat(2001));
  await axe.check();
  expect(await requestsOf(person.fnr)).toHaveLength(0);
});

test("at 320 px the form and the receipt fit the screen and axe finds nothing", async ({ page, axe }) => {
  notAtPhoneWidth("this test sets 320 px itself");
  await page.setViewportSize({ width: 320, height: 720 });
  const language: Language = "nb";
  const person = await freshPerson();
  await loginAs(page, wholeName(person.name), language);
  await page.goto(path(language));
  await hydrated(page);
  const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  expect(await fits(), "no sideways scrolling on the form").toBe(true);
  await description(page, language).fill(`Gjeld ${"Inkassoselskapsbrevbunkeoversikt".repeat(4)}`);
  await contactWay(page, language, "MELDING").check();
  // The phone number belongs to "Ring meg": it is not shown for a message.
  await expect(phone(page, language)).toBeHidden();
  await send(page, language).click();
  await expect(page.getByRole("heading", { level: 1, name: t(language, "receipt.title") })).toBeVisible();
  expect(await fits(), "no sideways scrolling on the receipt").toBe(true);
  await axe.check();
});

test("when the fagsystem refuses, the person is told in words and keeps the text; the next try sends exactly one request", async ({ page }) => {
  notAtPhoneWidth();
  const language: Language = "nb";
  const person = await freshPerson();
  const fault = { path: "/api/v1/radgivning", method: "POST", fnr: person.fnr, status: 503 };
  await loginAs(page, wholeName(person.name), language);
  await page.goto(path(language));
  await hydrated(page);
  const typed = "Jeg skylder penger på tre forbrukslån.";
  await description(page, language).fill(typed);
  await contactWay(page, language, "MELDING").check();
  await addFault(fault);
  try {
    await send(page, language).click();
    await expect(page.getByRole("link", { name: t(language, "errors.unavailable") })).toBeVisible();
    await expect(description(page, language)).toHaveValue(typed);
    await expect(contactWay(page, language, "MELDING")).toBeChecked();
    await expect(page.locator("body")).not.toContainText(/503|injected|FagsystemError/);
  } finally {
    await removeFault(fault);
  }
  await send(page, language).click();
  await expect(page.getByRole("heading", { level: 1, name: t(language, "receipt.title") })).toBeVisible();
  expect(await requestsOf(person.fnr)).toHaveLength(1);
});

test("an anonymous visitor is sent to login and comes back to the form", async ({ page }) => {
  notAtPhoneWidth();
  const person = await freshPerson();
  await page.goto(path("nb"));
  await expect(page).toHaveURL(/\/nb\/logg-inn\?returnTo=%2Fnb%2Fveiviser%2Fokonomi-og-gjeld%2Fbe-om-rad$/);
  await hydrated(page);
  await page.getByRole("radio", { name: wholeName(person.name) }).check();
  await page.locator("main").getByRole("button", { name: /logg inn/i }).click();
  await expect(page).toHaveURL(new RegExp(`${path("nb")}$`));
  await expect(page.getByRole("heading", { level: 1, name: t("nb", "title") })).toBeVisible();
});

test("the pages are personal: never cached, and someone else's receipt is a 404", async () => {
  notAtPhoneWidth();
  const owner = await loggedIn(await freshPerson());
  const other = await loggedIn(await freshPerson());
  const form = await owner.api.get(path("nb"));
  expect(form.headers()["cache-control"]).toContain("no-store");
  const radgivningId = /name="radgivningId" value="([0-9a-f-]{36})"/.exec(await form.text())?.[1];
  const sent = await owner.api.post(path("nb"), { form: { radgivningId: radgivningId!, beskrivelse: "Hjelp med budsjett", kontaktmate: "BREV" }, maxRedirects: 0 });
  expect(sent.status()).toBe(302);
  const receipt = `${path("nb")}/kvittering/${radgivningId}`;
  const own = await owner.api.get(receipt);
  expect(own.status()).toBe(200);
  expect(own.headers()["cache-control"]).toContain("no-store");
  expect((await other.api.get(receipt)).status()).toBe(404);
  // Another person posting the owner's id gets no receipt of theirs.
  const stolen = await other.api.post(path("nb"), { form: { radgivningId: radgivningId!, beskrivelse: "x", kontaktmate: "BREV" }, maxRedirects: 0 });
  expect(stolen.status()).toBe(400);
  expect(await requestsOf(other.fnr)).toHaveLength(0);
  await owner.api.dispose();
  await other.api.dispose();
});
