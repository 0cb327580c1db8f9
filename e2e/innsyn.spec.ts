/**
 * Innsyn: what a person sees of their cases. Each seeded persona's status page must tell
 * the story of its event log (in one language each), payments land in the right month and
 * filter, another person's søknad is a 404, and a failing fagsystem gives a message, not a crash.
 * These tests only read seeded søknader (other spec files only add newer ones).
 */
import { expect, loginAs, notAtPhoneWidth, test } from "./fixtures";
import { text } from "./locale";
import { addFault, caseworker, newSoknadFor, removeFault, seededSoknadOf } from "./mock-control";
import { persona } from "./personas";

test("a søknad under behandling shows its two document tasks with their deadline, in bokmål", async ({ page }) => {
  const person = await persona("under-behandling");
  await loginAs(page, person.name, "nb");
  // The landing page answers "what must I do?" first.
  await expect(page.getByRole("heading", { name: text("nb", "innsyn", "highlights.taskTitle") })).toBeVisible();
  await page.getByRole("link", { name: text("nb", "innsyn", "highlights.taskLink") }).click();

  await expect(page.getByRole("heading", { level: 1, name: text("nb", "innsyn", "statusPage.title") })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: text("nb", "innsyn", "status.UNDER_BEHANDLING.title") })).toBeVisible();
  const tasks = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "innsyn", "tasks.title") }) });
  await expect(tasks.getByRole("heading", { level: 3 })).toHaveText(["Husleiekontrakt", "Kontoutskrift"]);
  await expect(tasks).toContainText(text("nb", "innsyn", "tasks.progress", { done: 0, total: 2 }));
  // The deadline is five days ahead in the seed; shown as a date, not a time stamp.
  await expect(tasks.getByText(/^Frist: \d{1,2}\. \p{L}+ \d{4}$/u)).toHaveCount(2);
  // The request letter is listed and opens as a PDF.
  const letter = page.getByRole("link", { name: text("nb", "innsyn", "letters.dokumentasjon-etterspurt") });
  const response = await page.request.get((await letter.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(response.headers()["cache-control"]).toContain("no-store");
  // The timeline tells the story, newest first.
  const timeline = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "innsyn", "timeline.title") }) });
  await expect(timeline.getByText(text("nb", "innsyn", "timeline.etterspurt_other", { count: 2 }))).toBeVisible();
  await expect(timeline.getByText(text("nb", "innsyn", "timeline.sendt"))).toBeVisible();

  await page.goto("/nb/mine-soknader");
  const active = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "innsyn", "overview.active") }) });
  await expect(active.getByText(text("nb", "innsyn", "overview.hasTasks")).first()).toBeVisible();
});

test("a granted søknad shows the vedtak, the condition and the payments, in nynorsk", async ({ page }) => {
  const person = await persona("innvilget");
  const id = await seededSoknadOf(person.fnr);
  await loginAs(page, person.name, "nn");
  await page.goto(`/nn/innsyn/${id}`);
  await expect(page.getByRole("heading", { level: 2, name: text("nn", "innsyn", "status.FERDIGBEHANDLET.title") })).toBeVisible();
  const saker = page.locator("section", { has: page.getByRole("heading", { name: text("nn", "innsyn", "saker.title") }) });
  await expect(saker.getByRole("heading", { name: "Livsopphold" })).toBeVisible();
  await expect(saker.getByText(text("nn", "innsyn", "utfall.INNVILGET"), { exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Delta i arbeidsrettet aktivitet" })).toBeVisible();
  const payments = page.locator("section", { has: page.getByRole("heading", { level: 2, name: text("nn", "innsyn", "payments.title") }) });
  await expect(payments.getByText(text("nn", "innsyn", "payments.status.PLANLAGT_UTBETALING"), { exact: true })).toBeVisible();
  await expect(payments.getByText(text("nn", "innsyn", "payments.status.UTBETALT"), { exact: true })).toBeVisible();
  // The money goes to the person, so the account is shown, grouped as banks print it.
  await expect(payments.getByText(/^Til deg, konto \d{4} \d{2} \d{5}$/).first()).toBeVisible();

  await saker.getByRole("link", { name: text("nn", "innsyn", "saker.openLetter") }).click();
  await expect(page.getByRole("heading", { level: 1, name: text("nn", "innsyn", "vedtakPage.title") })).toBeVisible();
  await expect(page.getByText(text("nn", "innsyn", "utfallLong.INNVILGET"))).toBeVisible();
  await expect(page.getByText(/7\s850\s?kr/).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: text("nn", "innsyn", "vedtakPage.klageTitle") })).toBeVisible();
  const pdf = await page.request.get((await page.getByRole("link", { name: text("nn", "innsyn", "vedtakPage.download") }).getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-disposition"]).toMatch(/^attachment/);
  expect(Buffer.from(await pdf.body()).subarray(0, 5).toString("latin1")).toBe("%PDF-");
});

test("a refusal shows the outcome, the interim reply and how to appeal before the deadline, in English", async ({ page }) => {
  const person = await persona("avslag");
  const id = await seededSoknadOf(person.fnr);
  await loginAs(page, person.name, "en");
  await page.goto(`/en/innsyn/${id}`);
  await expect(page.getByRole("heading", { level: 2, name: text("en", "innsyn", "status.FERDIGBEHANDLET.title") })).toBeVisible();
  await expect(page.getByText(text("en", "innsyn", "utfall.AVSLATT"), { exact: true })).toBeVisible();
  await expect(page.getByText(text("en", "innsyn", "saker.new"), { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: text("en", "innsyn", "letters.forelopig-svar") })).toBeVisible();
  await page.getByRole("link", { name: text("en", "innsyn", "saker.openLetter") }).first().click();
  // Four days ago + three weeks: the appeal deadline is a date in the future, spelled out.
  await expect(page.getByText(/You must appeal by \d{1,2} \p{L}+ \d{4} \(3 weeks after you got the letter\)\./u)).toBeVisible();
  // The digital appeal first, then the other ways.
  await expect(page.getByRole("button", { name: text("en", "klage", "start.button") })).toBeVisible();
  await expect(page.getByText(/You can also send your appeal to NAV /)).toBeVisible();
});

test("payments: upcoming first, paid ones under their month, and the filters narrow them", async ({ page }) => {
  const person = await persona("innvilget");
  await loginAs(page, person.name, "nb");
  await page.goto("/nb/utbetalinger");
  const upcoming = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "innsyn", "paymentsPage.upcoming") }) });
  await expect(upcoming.getByRole("listitem")).toHaveCount(1);
  const past = page.locator("section", { has: page.getByRole("heading", { level: 2, name: text("nb", "innsyn", "paymentsPage.past") }) });
  // The paid payment was paid on the 10th of last month: its month heading says so.
  const lastMonth = new Date();
  lastMonth.setUTCDate(1);
  lastMonth.setUTCMonth(lastMonth.getUTCMonth() - 1);
  const monthName = new Intl.DateTimeFormat("nb-NO", { month: "long", year: "numeric", timeZone: "UTC" }).format(lastMonth);
  await expect(past.getByRole("heading", { level: 3 })).toHaveText([monthName.charAt(0).toUpperCase() + monthName.slice(1)]);

  await page.getByLabel(text("nb", "innsyn", "paymentsPage.filterLegend")).selectOption("kommende");
  await page.getByRole("button", { name: text("nb", "innsyn", "paymentsPage.show") }).click();
  await expect(page).toHaveURL(/filter=kommende/);
  await expect(upcoming.getByRole("listitem")).toHaveCount(1);
  await expect(past).toHaveCount(0);

  await page.getByLabel(text("nb", "innsyn", "paymentsPage.filterLegend")).selectOption("i-fjor");
  await page.getByRole("button", { name: text("nb", "innsyn", "paymentsPage.show") }).click();
  await expect(page.getByText(text("nb", "innsyn", "paymentsPage.none"))).toBeVisible();

  // A period typed wrong is explained at the field and in the summary, and what was typed stays.
  await page.getByLabel(text("nb", "innsyn", "paymentsPage.filterLegend")).selectOption("egendefinert");
  await page.getByLabel(text("nb", "innsyn", "paymentsPage.from")).fill("31.02.2026");
  await page.getByRole("button", { name: text("nb", "innsyn", "paymentsPage.show") }).click();
  const summary = page.getByRole("region", { name: /Du må rette|rette/i }).or(page.locator(".aksel-error-summary"));
  await expect(summary.first()).toContainText(text("nb", "innsyn", "paymentsPage.errors.fra-invalid"));
  await expect(page.getByLabel(text("nb", "innsyn", "paymentsPage.from"))).toHaveValue("31.02.2026");
});

test("another person's søknad, letter and file answer 404", async ({ page }) => {
  notAtPhoneWidth();
  const owner = await persona("innvilget");
  const id = await seededSoknadOf(owner.fnr);
  await loginAs(page, owner.name, "nb");
  await page.goto(`/nb/innsyn/${id}`);
  const letterHref = (await page.getByRole("link", { name: text("nb", "innsyn", "letters.vedtak"), exact: true }).getAttribute("href"))!;
  const letterId = letterHref.split("/").at(-1)!;
  await page.getByRole("button", { name: /logg ut/i }).first().click();

  const other = await persona("avslag");
  await loginAs(page, other.name, "nb");
  // The file itself: no bytes, no hint that it exists.
  const file = await page.request.get(`/nb/innsyn/${id}/dokument/${letterId}`);
  expect(file.status()).toBe(404);
  expect(file.headers()["content-type"]).not.toContain("pdf");
  for (const path of [`/nb/innsyn/${id}/vedtak/${letterId}`, `/nb/innsyn/${id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(text("nb", "common", "errors.notFound.title"));
  }
});

test("the fagsystem failing gives a translated message, and the page works again when it recovers", async ({ page }) => {
  notAtPhoneWidth();
  const person = await persona("avslag");
  // A søknad of its own (made by the caseworker simulator), so the fault touches no other test.
  const id = await newSoknadFor("avslag");
  await loginAs(page, person.name, "nb");
  const fault = { path: `/api/v1/soknader/${id}/innsyn`, status: 503 };
  await addFault(fault);
  try {
    const response = await page.goto(`/nb/innsyn/${id}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByText(text("nb", "innsyn", "statusPage.unavailable"))).toBeVisible();
    await expect(page.locator("main")).not.toContainText("503");
  } finally {
    await removeFault(fault);
  }
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: text("nb", "innsyn", "status.MOTTATT.title") })).toBeVisible();
});

test("the caseworker's vedtak reaches the person: Nytt vedtak in the list, and the letter opens", async ({ page }) => {
  const person = await persona("avslag");
  const id = await newSoknadFor("avslag");
  await caseworker(id, { action: "status", status: "UNDER_BEHANDLING" });
  const [sak] = await caseworker(id, { action: "sak", tittel: "Strøm", status: "UNDER_BEHANDLING" });
  // No amount: a planned payment would make this person eligible for the short application elsewhere.
  await caseworker(id, { action: "vedtak", saksreferanse: sak!.referanse, utfall: "DELVIS_INNVILGET" });
  await caseworker(id, { action: "status", status: "FERDIGBEHANDLET" });

  await loginAs(page, person.name, "nb");
  await page.goto("/nb/mine-soknader");
  const card = page.locator("li", { has: page.locator(`a[href$="/innsyn/${id}"]`) });
  await expect(card.getByText(text("nb", "innsyn", "overview.newVedtak"))).toBeVisible();
  await card.getByRole("link").click();
  await expect(page.getByRole("heading", { level: 3, name: "Strøm" })).toBeVisible();
  await expect(page.getByText(text("nb", "innsyn", "utfall.DELVIS_INNVILGET"), { exact: true })).toBeVisible();
  await page.getByRole("link", { name: text("nb", "innsyn", "saker.openLetter") }).first().click();
  await expect(page.getByText(text("nb", "innsyn", "utfallLong.DELVIS_INNVILGET"))).toBeVisible();
  const letter = await page.request.get((await page.getByRole("link", { name: text("nb", "innsyn", "vedtakPage.openLetter") }).getAttribute("href"))!);
  expect(letter.status()).toBe(200);
  expect(letter.headers()["content-disposition"]).toMatch(/^inline/);
  // A real letter made by the fagsystem, not a placeholder.
  expect((await letter.body()).byteLength).toBeGreaterThan(2000);
});

test("NAV's own words are marked as bokmål, with a note on nynorsk and English pages; a payment and an upload say each thing once", async ({ page }) => {
  const person = await persona("innvilget");
  const id = await seededSoknadOf(person.fnr);
  await loginAs(page, person.name, "nn");
  for (const language of ["nn", "en", "nb"] as const) {
    await page.goto(`/${language}/innsyn/${id}`);
    const note = text(language, "common", "navText.office");
    // The condition the caseworker wrote: its title and description are bokmål, and the page says whose words they are.
    const condition = page.locator("li.card", { has: page.getByRole("heading", { name: "Delta i arbeidsrettet aktivitet" }) });
    await expect(condition.locator('[lang="nb"]')).toHaveText(["Delta i arbeidsrettet aktivitet", /^Du må møte til arbeidstrening hos NAV Hamar/]);
    await expect(condition.getByText(note, { exact: true })).toHaveCount(language === "nb" ? 0 : 1);
    // So are the sak's title and the payment's description.
    const saker = page.locator("section", { has: page.getByRole("heading", { level: 2, name: text(language, "innsyn", "saker.title") }) });
    await expect(saker.getByRole("heading", { level: 3 }).locator('[lang="nb"]')).toHaveText("Livsopphold");
    await expect(saker.getByText(note, { exact: true })).toHaveCount(language === "nb" ? 0 : 1);
    const payments = page.locator("section", { has: page.getByRole("heading", { level: 2, name: text(language, "innsyn", "payments.title") }) });
    await expect(payments.getByRole("heading", { level: 3 }).locator('[lang="nb"]').first()).toHaveText("Livsopphold");
  }

  await page.goto(`/nn/innsyn/${id}`);
  // A paid payment says "Utbetalt" once: the tag, with the date beside it.
  const payments = page.locator("section", { has: page.getByRole("heading", { level: 2, name: text("nn", "innsyn", "payments.title") }) });
  const paid = payments.locator("li.card", { has: page.getByText(text("nn", "innsyn", "payments.status.UTBETALT"), { exact: true }) });
  await expect(paid).toHaveCount(1);
  await expect(paid.getByText(/utbetalt/i)).toHaveCount(1);
  await expect(paid.getByText(/^\d{1,2}\. \p{L}+ \d{4}$/u)).toBeVisible();
  // The upload for other documents names what it is for with a noun, not with the heading's "Send …".
  await expect(page.getByText(text("nn", "vedlegg", "choose", { document: text("nn", "innsyn", "ettersend.otherDocuments") }), { exact: true })).toBeVisible();

  // The decision page: the sak's title is the office's too.
  await page.goto(`/en/innsyn/${id}`);
  await page.getByRole("link", { name: text("en", "innsyn", "saker.openLetter") }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: text("en", "innsyn", "vedtakPage.title") })).toBeVisible();
  await expect(page.locator('dd [lang="nb"]').first()).toHaveText("Livsopphold");
  await expect(page.getByText(text("en", "common", "navText.office"), { exact: true }).first()).toBeVisible();
});
