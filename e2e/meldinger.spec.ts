/**
 * Meldinger: a person writes to their office, attaches a photo and reads the caseworker's reply,
 * on a phone and a desktop, with and without JavaScript, in nb, nn and en. The reply arrives
 * without a reload with JavaScript (and is announced), after a reload without it; a phishing
 * link in a reply is not a link; the same form posted twice is one message; what was typed
 * survives a reload and a failed send; long conversations are paged; another person's
 * conversation is a 404. Each test uses a person of its own (freshPerson), so no test reads
 * another's messages.
 */
import type { Page } from "@playwright/test";
import { phonePhoto } from "../app/vedlegg/fixtures.test-support";
import { MOCK_CONTROL } from "../playwright.config";
import { expect, hydrated, loginAs, notAtPhoneWidth, test, type Language } from "./fixtures";
import { text, textPattern } from "./locale";
import { addFault, freshPerson, removeFault, type TestPerson } from "./mock-control";
import { wholeName } from "./personas";

type Samtale = { samtaleId: string; fiksDigisosId: string | null; kontornavn: string | null; antallMeldinger: number; antallUleste: number };
type SimulatorMelding = { meldingId: string; tekst: string; avsender: { type: string }; filer: unknown[]; lestTidspunkt: string | null };
type Varsel = { personaId: string; kanal: string; language: string; tekst: string };

async function samtalerOf(fnr: string): Promise<Samtale[]> {
  const response = await fetch(`${MOCK_CONTROL}/api/v1/samtaler`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return (await response.json()) as Samtale[];
}
const generalConversation = async (person: TestPerson) => (await samtalerOf(person.fnr)).find((samtale) => samtale.fiksDigisosId === null)!;

async function simulator(samtaleId: string, action: Record<string, unknown>) {
  const response = await fetch(`${MOCK_CONTROL}/mock/fagsystem/api/samtaler/${samtaleId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(action),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}
async function messagesIn(samtaleId: string): Promise<SimulatorMelding[]> {
  const response = await fetch(`${MOCK_CONTROL}/mock/fagsystem/api/samtaler/${samtaleId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { meldinger: SimulatorMelding[] }).meldinger;
}
async function varslerOf(personaId: string): Promise<Varsel[]> {
  const response = await fetch(`${MOCK_CONTROL}/mock/fagsystem/api/varsler`);
  return ((await response.json()) as Varsel[]).filter((varsel) => varsel.personaId === personaId);
}

const PHISHING = "https://nav.no.evil.example/logg-inn";
const reply = (language: Language) =>
  ({
    nb: `Hei!\nDu kan søke om hjelp til strømregningen. Les mer på https://www.nav.no/okonomisk-sosialhjelp.\nLogg inn her: ${PHISHING}\nHilsen Kari`,
    nn: `Hei!\nDu kan søkje om hjelp til straumrekninga. Les meir på https://www.nav.no/okonomisk-sosialhjelp.\nLogg inn her: ${PHISHING}\nHelsing Kari`,
    en: `Hello!\nYou can apply for help with the electricity bill. Read more at https://www.nav.no/okonomisk-sosialhjelp.\nLog in here: ${PHISHING}\nKari`,
  })[language];
const question = (language: Language) =>
  ({
    nb: "Hei.\nJeg har fått en strømregning jeg ikke klarer å betale. Kan jeg få hjelp?",
    nn: "Hei.\nEg har fått ei straumrekning eg ikkje klarer å betale. Kan eg få hjelp?",
    en: "Hello.\nI have an electricity bill I cannot pay. Can I get help?",
  })[language];

const messageField = (page: Page, language: Language, office: string | null) =>
  page.getByLabel(office ? text(language, "meldinger", "write.label", { office }) : text(language, "meldinger", "write.labelUnknown"));
const sendButton = (page: Page, language: Language) => page.getByRole("button", { name: text(language, "meldinger", "write.send") });

/** From the front page through the header's link to the general conversation. */
async function openGeneralConversation(page: Page, language: Language) {
  await page.goto(`/${language}`);
  await page.locator("header").getByRole("link", { name: new RegExp(`^${text(language, "common", "shell.messages")}`) }).click();
  await expect(page.getByRole("heading", { level: 1, name: text(language, "meldinger", "title") })).toBeVisible();
  await page.getByRole("link", { name: text(language, "meldinger", "list.general") }).click();
  await expect(page.getByRole("heading", { level: 1, name: text(language, "meldinger", "conversation.generalTitle") })).toBeVisible();
  await hydrated(page);
}

const photo = async () => ({ name: "straumrekning.jpg", mimeType: "image/jpeg", buffer: await phonePhoto({ width: 1200, height: 1600 }) });

for (const language of ["nb", "nn", "en"] as const) {
  test(`a person asks their office in ${language}, attaches a photo and reads the reply`, async ({ page }, testInfo) => {
    if (language !== "nb") notAtPhoneWidth("the other languages' texts are the same at every width: at phone width the journey runs in bokmål");
    const javaScript = testInfo.project.use.javaScriptEnabled !== false;
    const person = await freshPerson();
    const samtale = await generalConversation(person);
    // With JavaScript, the page's clock is ours: the 30-second poll runs when the test says so.
    if (javaScript) await page.clock.install();
    await loginAs(page, wholeName(person.name), language);
    await openGeneralConversation(page, language);
    await expect(page.getByText(text(language, "meldinger", "messages.none"))).toBeVisible();

    // Write, choose a photo, send: text and photo go together.
    await messageField(page, language, samtale.kontornavn).fill(question(language));
    await page.getByText(text(language, "meldinger", "write.attach")).click();
    await page.getByLabel(text(language, "vedlegg", "choose", { document: text(language, "meldinger", "write.files") })).setInputFiles(await photo());
    await sendButton(page, language).click();
    await expect(page.getByText(text(language, "meldinger", "conversation.sent"))).toBeVisible();
    const own = page.locator(".message-list > li").first();
    await expect(own).toContainText(text(language, "meldinger", "messages.you"));
    await expect(own).toContainText(question(language).split("\n")[1]!);
    await expect(own.getByRole("link", { name: /straumrekning/ })).toBeVisible();
    await expect(own).toContainText(text(language, "meldinger", "messages.notReadByOffice"));
    await expect(messageField(page, language, samtale.kontornavn)).toHaveValue("");

    // Exactly one message in the fagsystem, with the photo, in the person's words and line breaks.
    const stored = await messagesIn(samtale.samtaleId);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tekst).toBe(question(language));
    expect(stored[0]!.filer).toHaveLength(1);

    // The caseworker reads it and answers, with a real link and a phishing one.
    await simulator(samtale.samtaleId, { action: "lest" });
    await simulator(samtale.samtaleId, { action: "svar", tekst: reply(language), saksbehandler: "Kari" });
    if (javaScript) {
      await page.clock.fastForward(31_000);
      await expect(page.locator("[aria-live=polite]").filter({ hasText: textPattern(language, "meldinger", "live.new_one", { office: samtale.kontornavn ?? "" }) })).toBeAttached();
    } else {
      await page.reload();
    }
    const answer = page.locator(".message-list > li").first();
    await expect(answer).toContainText(`${samtale.kontornavn}, Kari`);
    await expect(answer.getByRole("link", { name: "https://www.nav.no/okonomisk-sosialhjelp" })).toHaveAttribute("href", "https://www.nav.no/okonomisk-sosialhjelp");
    // The lookalike is there as text, and not a link.
    await expect(answer).toContainText(PHISHING);
    await expect(answer.getByRole("link", { name: /evil/ })).toHaveCount(0);
    await expect(page.locator(`a[href*="evil"]`)).toHaveCount(0);
    if (!javaScript) await page.reload();
    await expect(page.locator(".message-list > li").nth(1)).toContainText(textPattern(language, "meldinger", "messages.readByOffice"));

    // The office's message told the person by SMS or e-mail, in their language, without what it says.
    const varsler = await varslerOf(person.id);
    expect(varsler).toHaveLength(1);
    expect(varsler[0]!.language).toBe(language);
    expect(varsler[0]!.tekst).not.toContain("strøm");
    expect(varsler[0]!.tekst).not.toContain("straum");
    expect(varsler[0]!.tekst).not.toContain("electricity");
    expect(varsler[0]!.tekst).toMatch(/NAV/);
  });
}

test("new replies show in the header and on the front page until the conversation is opened", async ({ page }) => {
  const person = await freshPerson();
  const samtale = await generalConversation(person);
  await simulator(samtale.samtaleId, { action: "svar", tekst: "Hei! Vi har fått søknaden din.", saksbehandler: "Ola" });
  await simulator(samtale.samtaleId, { action: "svar", tekst: "Vi trenger kontoutskrift for januar.", saksbehandler: "Ola" });
  await loginAs(page, wholeName(person.name));
  const headerLink = page.locator("header").getByRole("link", { name: new RegExp(`^${text("nb", "common", "shell.messages")}`) });
  await expect(headerLink).toHaveAccessibleName(`${text("nb", "common", "shell.messages")}, ${text("nb", "common", "shell.messagesUnread_other", { count: 2 })}`);
  await expect(page.locator("main").getByText(text("nb", "meldinger", "list.unread_other", { count: 2 }))).toBeVisible();
  await headerLink.click();
  await expect(page.getByText(text("nb", "meldinger", "list.unread_other", { count: 2 }))).toBeVisible();
  await page.getByRole("link", { name: text("nb", "meldinger", "list.general") }).click();
  // Both were new on opening; afterwards the header has no count.
  await expect(page.locator(".message-list").getByText(text("nb", "meldinger", "messages.new"), { exact: true })).toHaveCount(2);
  await expect(headerLink).toHaveAccessibleName(text("nb", "common", "shell.messages"));
  await page.goto("/nb");
  await expect(page.locator("main").getByText(text("nb", "meldinger", "list.unread_other", { count: 2 }))).toHaveCount(0);
});

test("the same form posted twice is one message", async ({ page }) => {
  notAtPhoneWidth();
  const person = await freshPerson();
  const samtale = await generalConversation(person);
  await loginAs(page, wholeName(person.name));
  await page.goto(`/nb/meldinger/${samtale.samtaleId}`);
  const meldingId = await page.locator("input[name=meldingId]").inputValue();
  const post = () =>
    page.request.post(`/nb/meldinger/${samtale.samtaleId}`, {
      multipart: { intent: "send", meldingId, tekst: "Hei, jeg lurer på når jeg får svar." },
      headers: { Origin: new URL(page.url()).origin },
      maxRedirects: 0,
    });
  const [first, second] = await Promise.all([post(), post()]);
  expect([first.status(), second.status()]).toEqual([302, 302]);
  expect((await post()).status()).toBe(302);
  expect(await messagesIn(samtale.samtaleId)).toHaveLength(1);
  await page.reload();
  await expect(page.locator(".message-list > li")).toHaveCount(1);
});

test("what was typed survives a reload and a failed send", async ({ page }, testInfo) => {
  const javaScript = testInfo.project.use.javaScriptEnabled !== false;
  const person = await freshPerson();
  const samtale = await generalConversation(person);
  await loginAs(page, wholeName(person.name));
  await page.goto(`/nb/meldinger/${samtale.samtaleId}`);
  await hydrated(page);
  const field = messageField(page, "nb", samtale.kontornavn);
  const words = "Hei.\nJeg skriver litt nå og sender senere.";
  await field.fill(words);
  if (javaScript) {
    // Leaving the field keeps it (autosave on blur).
    await page.getByRole("button", { name: text("nb", "meldinger", "write.send") }).focus();
    await expect(page.getByText(text("nb", "meldinger", "write.saved"))).toBeVisible();
    await page.reload();
    await expect(field).toHaveValue(words);
  }
  // The fagsystem fails the send: the page says so, the text stays, and a reload still has it.
  const fault = { path: `/api/v1/samtaler/${samtale.samtaleId}/meldinger`, method: "POST", status: 503 };
  await addFault(fault);
  try {
    await sendButton(page, "nb").click();
    await expect(page.getByRole("link", { name: text("nb", "meldinger", "errors.unavailable") })).toBeVisible();
    await expect(field).toHaveValue(words);
    await page.goto(`/nb/meldinger/${samtale.samtaleId}`);
    await expect(field).toHaveValue(words);
  } finally {
    await removeFault(fault);
  }
  expect(await messagesIn(samtale.samtaleId)).toHaveLength(0);
  await sendButton(page, "nb").click();
  await expect(page.getByText(text("nb", "meldinger", "conversation.sent"))).toBeVisible();
  expect(await messagesIn(samtale.samtaleId)).toHaveLength(1);
});

test("an empty or too long message is refused with a message, and nothing is lost", async ({ page }) => {
  notAtPhoneWidth();
  const person = await freshPerson();
  const samtale = await generalConversation(person);
  await loginAs(page, wholeName(person.name));
  await page.goto(`/nb/meldinger/${samtale.samtaleId}`);
  await hydrated(page);
  await sendButton(page, "nb").click();
  await expect(page.getByRole("link", { name: text("nb", "meldinger", "errors.tekstRequired") })).toBeVisible();
  const tooLong = "ø".repeat(4001);
  // The browser's counter stops nothing: the server says it.
  await messageField(page, "nb", samtale.kontornavn).fill(tooLong);
  await sendButton(page, "nb").click();
  await expect(page.getByRole("link", { name: text("nb", "meldinger", "errors.tekstTooLong") })).toBeVisible();
  await expect(messageField(page, "nb", samtale.kontornavn)).toHaveValue(tooLong);
  expect(await messagesIn(samtale.samtaleId)).toHaveLength(0);
});

test("a long conversation is paged, newest first, 20 at a time", async ({ page }) => {
  notAtPhoneWidth();
  const person = await freshPerson();
  const samtale = await generalConversation(person);
  await simulator(samtale.samtaleId, { action: "fyll", antall: 45 });
  await loginAs(page, wholeName(person.name));
  await page.goto(`/nb/meldinger/${samtale.samtaleId}`);
  const items = page.locator(".message-list > li");
  await expect(items).toHaveCount(20);
  const newest = await items.first().textContent();
  await page.getByRole("link", { name: text("nb", "meldinger", "messages.older") }).click();
  await expect(page.getByText(text("nb", "meldinger", "messages.olderPage"))).toBeVisible();
  await expect(items).toHaveCount(20);
  expect(await items.first().textContent()).not.toBe(newest);
  // No form on older pages: writing is on the newest.
  await expect(sendButton(page, "nb")).toHaveCount(0);
  await page.getByRole("link", { name: text("nb", "meldinger", "messages.older") }).click();
  await expect(items).toHaveCount(5);
  await expect(page.getByRole("link", { name: text("nb", "meldinger", "messages.older") })).toHaveCount(0);
  await page.getByRole("link", { name: text("nb", "meldinger", "messages.newest") }).click();
  await expect(items.first()).toHaveText(newest ?? "");
});

test("another person's conversation is a 404, for reading and writing", async ({ page }) => {
  notAtPhoneWidth();
  const [owner, other] = [await freshPerson(), await freshPerson()];
  const samtale = await generalConversation(owner);
  await simulator(samtale.samtaleId, { action: "svar", tekst: "Hemmelig svar til eieren.", saksbehandler: "Kari" });
  await loginAs(page, wholeName(other.name));
  const response = await page.goto(`/nb/meldinger/${samtale.samtaleId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Hemmelig svar")).toHaveCount(0);
  const ownId = (await generalConversation(other)).samtaleId;
  await page.goto(`/nb/meldinger/${ownId}`);
  const meldingId = await page.locator("input[name=meldingId]").inputValue();
  const post = await page.request.post(`/nb/meldinger/${samtale.samtaleId}`, {
    multipart: { intent: "send", meldingId, tekst: "Inn i en annens samtale" },
    headers: { Origin: new URL(page.url()).origin },
    maxRedirects: 0,
  });
  expect(post.status()).toBe(404);
  expect((await messagesIn(samtale.samtaleId)).map((melding) => melding.tekst)).toEqual(["Hemmelig svar til eieren."]);
});

test("a søknad's status page leads to its conversation", async ({ page }) => {
  const person = await freshPerson();
  const response = await fetch(`${MOCK_CONTROL}/mock/fagsystem/api/soknader`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ personaId: person.id }) });
  expect(response.status).toBe(201);
  const { fiksDigisosId } = (await response.json()) as { fiksDigisosId: string };
  const samtale = (await samtalerOf(person.fnr)).find((candidate) => candidate.fiksDigisosId === fiksDigisosId)!;
  await simulator(samtale.samtaleId, { action: "svar", tekst: "Vi har begynt å se på søknaden din.", saksbehandler: "Kari" });
  await loginAs(page, wholeName(person.name));
  await page.goto(`/nb/innsyn/${fiksDigisosId}`);
  await expect(page.locator("main").getByText(text("nb", "meldinger", "list.unread_one", { count: 1 }))).toBeVisible();
  await page.getByRole("link", { name: text("nb", "meldinger", "soknad.heading") }).click();
  await expect(page.getByRole("heading", { level: 1, name: textPattern("nb", "meldinger", "conversation.soknadTitle") })).toBeVisible();
  await expect(page.locator(".message-list > li").first()).toContainText("Vi har begynt å se på søknaden din.");
});

test("the poll for new messages is not activity: the session's end stays, and nothing is marked read", async ({ page }) => {
  notAtPhoneWidth();
  const person = await freshPerson();
  const samtale = await generalConversation(person);
  await loginAs(page, wholeName(person.name));
  const conversation = `/nb/meldinger/${samtale.samtaleId}`;
  await page.goto(conversation);
  await simulator(samtale.samtaleId, { action: "svar", tekst: "Nytt svar mens fanen står åpen.", saksbehandler: "Kari" });
  const endsAt = async () => ((await (await page.request.get("/api/sesjon")).json()) as { endsAt: string }).endsAt;
  const before = await endsAt();
  await page.waitForTimeout(1_100);
  const poll = await page.request.get(`${conversation}/nytt`);
  expect(poll.status()).toBe(200);
  const { messages } = (await poll.json()) as { messages: { text: string; isNew: boolean }[] };
  expect(messages.map((message) => [message.text, message.isNew])).toEqual([["Nytt svar mens fanen står åpen.", true]]);
  expect(await endsAt()).toBe(before);
  expect((await messagesIn(samtale.samtaleId)).map((melding) => melding.lestTidspunkt)).toEqual([null]);
  // A visit is activity, and reading: the test can tell the difference.
  await page.goto(conversation);
  expect(await endsAt()).not.toBe(before);
  expect((await messagesIn(samtale.samtaleId))[0]!.lestTidspunkt).not.toBeNull();
});
