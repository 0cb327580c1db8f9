/**
 * Following a complaint (klage): the caseworker simulator moves it through its states and the
 * person sees each one, with its letter, on the complaint's page; sends more files to it;
 * withdraws it; and nobody else can open any of it.
 * The complaint is sent straight to the fagsystem's contract, so these journeys do not depend on
 * the draft flow (e2e/klage.spec.ts walks that).
 */
import { PDFDocument } from "pdf-lib";
import { expect, loginAs, notAtPhoneWidth, test } from "./fixtures";
import { text } from "./locale";
import { caseworker, newSoknadFor } from "./mock-control";
import { persona } from "./personas";
import { MOCK_CONTROL } from "../playwright.config";

/** A new søknad for the persona with one sak and a refusal; returns the søknad's id and the decision's letter id. */
async function refusedSoknad(personaId: string): Promise<{ soknadId: string; vedtakId: string }> {
  const soknadId = await newSoknadFor(personaId);
  await caseworker(soknadId, { action: "status", status: "UNDER_BEHANDLING" });
  const [sak] = await caseworker(soknadId, { action: "sak", tittel: "Husleie", status: "UNDER_BEHANDLING" });
  const events = await caseworker(soknadId, { action: "vedtak", saksreferanse: sak!.referanse, utfall: "AVSLATT" });
  await caseworker(soknadId, { action: "status", status: "FERDIGBEHANDLET" });
  const vedtak = events.find((event) => event.type === "vedtakFattet") as { vedtaksfil: { referanse: { id: string } } };
  return { soknadId, vedtakId: vedtak.vedtaksfil.referanse.id };
}

/** A complaint sent as the portal sends one (sendKlageRequestSchema), by the fagsystem's own API. */
async function sendKlage(fnr: string, soknadId: string, vedtakId: string, tekst: string, language: "nb" | "nn" | "en" = "nb"): Promise<string> {
  const klageId = crypto.randomUUID();
  const pdf = await PDFDocument.create();
  pdf.addPage();
  const response = await fetch(`${MOCK_CONTROL}/api/v1/klager`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "Nav-Personident": fnr },
    body: JSON.stringify({
      klageId,
      fiksDigisosId: soknadId,
      vedtakIds: [vedtakId],
      language,
      tekst,
      klage: { tekst },
      filIder: [],
      pdf: { filename: "klage.pdf", base64: Buffer.from(await pdf.save()).toString("base64") },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return klageId;
}

/** Acts as the caseworker on a complaint: `{ action: "klage", status: "MOTTATT" }` and so on. */
async function onKlage(klageId: string, action: Record<string, unknown>) {
  const response = await fetch(`${MOCK_CONTROL}/mock/fagsystem/api/klager/${klageId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(action),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

test("the person follows a complaint from sent to the office agreeing, in nynorsk, and sees the new decision", async ({ page }) => {
  const person = await persona("avslag");
  const { soknadId, vedtakId } = await refusedSoknad("avslag");
  const klageId = await sendKlage(person.fnr, soknadId, vedtakId, "Eg treng pengar til husleiga.\nKontrakten ligg ved.", "nn");
  await loginAs(page, person.name, "nn");

  // On the status page the complaint is beside its decision, and in the list of complaints.
  await page.goto(`/nn/innsyn/${soknadId}`);
  const saker = page.locator("section", { has: page.getByRole("heading", { level: 2, name: text("nn", "innsyn", "saker.title") }) });
  await expect(saker.getByText(text("nn", "klage-status", "state.SENDT.tag"), { exact: true })).toBeVisible();
  // No second complaint about a decision while one is open.
  await expect(saker.getByRole("button", { name: text("nn", "klage", "start.button") })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: text("nn", "klage-status", "list.title") })).toBeVisible();
  await saker.locator(`a[href$="/klage/${klageId}"]`).click();

  await expect(page.getByRole("heading", { level: 1, name: text("nn", "klage-status", "page.title") })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: text("nn", "klage-status", "state.SENDT.title") })).toBeVisible();
  // The person's own words, as plain text with their line break.
  await expect(page.locator(".own-text")).toHaveText("Eg treng pengar til husleiga.\nKontrakten ligg ved.");
  const pdf = await page.request.get((await page.getByRole("link", { name: text("nn", "klage-status", "own.pdf"), exact: true }).getAttribute("href"))!);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");

  for (const status of ["MOTTATT", "UNDER_BEHANDLING"] as const) {
    await onKlage(klageId, { action: "klage", status });
    await page.reload();
    await expect(page.getByRole("heading", { level: 2, name: text("nn", "klage-status", `state.${status}.title`) })).toBeVisible();
  }
  await onKlage(klageId, { action: "klage", status: "MEDHOLD" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: text("nn", "klage-status", "state.MEDHOLD.title") })).toBeVisible();
  await expect(page.getByText(text("nn", "klage-status", "summary.MEDHOLD"))).toBeVisible();
  // The letter is the mock's real PDF, and the new decision has its own page.
  const letter = await page.request.get((await page.getByRole("link", { name: text("nn", "klage-status", "timeline.openLetter") }).last().getAttribute("href"))!);
  expect(letter.status()).toBe(200);
  // Decided: no more files, no withdrawal.
  await expect(page.getByRole("heading", { name: text("nn", "klage-status", "upload.title") })).toHaveCount(0);
  await expect(page.getByRole("link", { name: text("nn", "klage-status", "withdraw.link") })).toHaveCount(0);
  await page.getByRole("link", { name: text("nn", "klage-status", "timeline.newDecision") }).click();
  await expect(page.getByRole("heading", { level: 1, name: text("nn", "innsyn", "vedtakPage.title") })).toBeVisible();

  // News on the front page and in Mine søknader.
  await page.goto("/nn");
  await expect(page.getByRole("heading", { level: 2, name: text("nn", "klage-status", "highlights.title") })).toBeVisible();
  await page.goto("/nn/mine-soknader");
  await expect(page.locator("section", { has: page.getByRole("heading", { name: text("nn", "klage-status", "list.title") }) }).getByText(text("nn", "klage-status", "state.MEDHOLD.tag"), { exact: true }).first()).toBeVisible();
});

test("the office keeps its decision, the Statsforvalter decides, and a refusal as too late gives its reason, in English", async ({ page }) => {
  const person = await persona("avslag");
  const { soknadId, vedtakId } = await refusedSoknad("avslag");
  const first = await sendKlage(person.fnr, soknadId, vedtakId, "I need help with rent.", "en");
  await loginAs(page, person.name, "en");
  await onKlage(first, { action: "klage", status: "MOTTATT" });
  await onKlage(first, { action: "klage", status: "UNDER_BEHANDLING" });
  await onKlage(first, { action: "klage", status: "OPPRETTHOLDT" });
  await onKlage(first, { action: "klage", status: "SENDT_TIL_STATSFORVALTEREN" });
  await page.goto(`/en/innsyn/${soknadId}/klage/${first}`);
  await expect(page.getByRole("heading", { level: 2, name: text("en", "klage-status", "state.SENDT_TIL_STATSFORVALTEREN.title") })).toBeVisible();
  // Still open at the County Governor: more files can follow.
  await expect(page.getByRole("heading", { name: text("en", "klage-status", "upload.title") })).toBeVisible();
  await onKlage(first, { action: "klage", status: "STADFESTET" });
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: text("en", "klage-status", "state.STADFESTET.title") })).toBeVisible();

  const second = await sendKlage(person.fnr, soknadId, vedtakId, "Again.", "en");
  await onKlage(second, { action: "klage", status: "MOTTATT" });
  await onKlage(second, { action: "klage", status: "UNDER_BEHANDLING" });
  await onKlage(second, { action: "klage", status: "AVVIST", arsak: "FOR_SENT" });
  await page.goto(`/en/innsyn/${soknadId}/klage/${second}`);
  await expect(page.getByText(text("en", "klage-status", "reason.FOR_SENT"))).toBeVisible();
});

test("more files reach an open complaint; withdrawing asks first, then says so, and cannot be done twice", async ({ page }) => {
  const person = await persona("avslag");
  const { soknadId, vedtakId } = await refusedSoknad("avslag");
  const klageId = await sendKlage(person.fnr, soknadId, vedtakId, "Jeg er uenig.");
  await loginAs(page, person.name, "nb");
  await page.goto(`/nb/innsyn/${soknadId}/klage/${klageId}`);

  const pdf = await PDFDocument.create();
  pdf.addPage().drawText("Legeerklæring");
  const upload = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "klage-status", "upload.title") }) });
  await page.getByLabel(text("nb", "vedlegg", "choose", { document: text("nb", "klage-status", "upload.label") })).setInputFiles({ name: "legeerklaering.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdf.save()) });
  await upload.getByRole("button", { name: text("nb", "vedlegg", "upload") }).click();
  await expect(upload.getByText(text("nb", "vedlegg", "result.ok", { name: "legeerklaering.pdf" }))).toBeVisible();
  await expect(page.getByRole("link", { name: "legeerklaering.pdf" })).toBeVisible();

  await page.getByRole("link", { name: text("nb", "klage-status", "withdraw.link") }).click();
  await expect(page.getByRole("heading", { level: 1, name: text("nb", "klage-status", "trekk.title") })).toBeVisible();
  await expect(page.getByText(text("nb", "klage-status", "trekk.final"))).toBeVisible();
  await page.getByRole("button", { name: text("nb", "klage-status", "trekk.confirm") }).click();
  await expect(page.getByText(text("nb", "klage-status", "page.withdrawn"))).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: text("nb", "klage-status", "state.TRUKKET.title") })).toBeVisible();
  await expect(page.getByRole("heading", { name: text("nb", "klage-status", "upload.title") })).toHaveCount(0);

  await page.goto(`/nb/innsyn/${soknadId}/klage/${klageId}/trekk`);
  await expect(page.getByText(text("nb", "klage-status", "trekk.alreadyWithdrawn"))).toBeVisible();
  await expect(page.getByRole("button", { name: text("nb", "klage-status", "trekk.confirm") })).toHaveCount(0);
  // Withdrawn: the decision can be appealed again.
  await page.goto(`/nb/innsyn/${soknadId}/vedtak/${vedtakId}`);
  await expect(page.getByRole("button", { name: text("nb", "klage", "start.button") })).toBeVisible();
});

test("another person's complaint, its withdrawal, its upload and its files are a 404", async ({ page }) => {
  notAtPhoneWidth();
  const owner = await persona("avslag");
  const { soknadId, vedtakId } = await refusedSoknad("avslag");
  const klageId = await sendKlage(owner.fnr, soknadId, vedtakId, "Mitt.");
  const other = await persona("innvilget");
  await loginAs(page, other.name, "nb");
  const base = `/nb/innsyn/${soknadId}/klage/${klageId}`;
  expect((await page.request.get(base)).status()).toBe(404);
  expect((await page.request.get(`${base}/trekk`)).status()).toBe(404);
  const origin = new URL(page.url()).origin;
  expect((await page.request.post(`${base}/trekk`, { headers: { Origin: origin }, form: {} })).status()).toBe(404);
  expect((await page.request.post(base, { headers: { Origin: origin }, multipart: { intent: "last-opp:klage" } })).status()).toBe(404);
});
