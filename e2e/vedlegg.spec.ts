/**
 * Attachments: a bank statement and a phone photo in the søknad (the photo arrives small and
 * without its position), every refusal with its own message and nothing stored, and a
 * document the office asked for, sent from the status page, which marks the task done.
 */
import type { Page } from "@playwright/test";
import { MOCK_CONTROL } from "../playwright.config";
import { bankStatement, handMadePdf, pdfWith, phonePhoto } from "../app/vedlegg/fixtures.test-support";
import { eicarTestBytes } from "../app/vedlegg/scanner.server";
import { expect, loginAs, test } from "./fixtures";
import { text } from "./locale";
import { caseworker, newSoknadFor } from "./mock-control";
import { persona } from "./personas";

type StoredFile = { id: string; filnavn: string; mimetype: string; storrelse: number; type: string };

async function mellomlagring(fnr: string, draftId: string): Promise<StoredFile[]> {
  const response = await fetch(`${MOCK_CONTROL}/api/v1/mellomlagring/${draftId}/filer`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { filer: StoredFile[] }).filer;
}

/** A fresh draft, straight at its documentation step (skattemelding is always asked for). */
async function documentationStep(page: Page): Promise<string> {
  await page.goto("/nb/soknad");
  await page.getByRole("button", { name: text("nb", "soknad", "start.begin") }).click();
  await expect(page).toHaveURL(/\/soknad\/[0-9a-f-]{36}\//);
  const draftId = /\/soknad\/([0-9a-f-]{36})\//.exec(page.url())![1]!;
  await page.goto(`/nb/soknad/${draftId}/dokumentasjon`);
  return draftId;
}

const skattemelding = text("nb", "soknad-documents", "skattemelding.title");
const chooseFiles = (document: string) => text("nb", "vedlegg", "choose", { document });

function card(page: Page, document: string) {
  return page.locator(".card", { has: page.getByLabel(chooseFiles(document)) });
}

async function upload(page: Page, document: string, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  const where = card(page, document);
  await where.getByLabel(chooseFiles(document)).setInputFiles(files);
  await where.getByRole("button", { name: text("nb", "vedlegg", "upload") }).click();
}

// Drafts only, never sent: the persona must stay below two sent søknader in a run, or its start
// page has no "Start søknaden" (aleneforelder does, see e2e/soknad-journeys.spec.ts).
test("a bank statement and a phone photo in the søknad: listed, small, without position, and removable", async ({ page }) => {
  test.setTimeout(120_000); // a 5 MB photo is made, sent and re-encoded
  const person = await persona("aleneforelder");
  await loginAs(page, person.name, "nb");
  const draftId = await documentationStep(page);
  const pdf = Buffer.from(await bankStatement(2));
  const photo = await phonePhoto();
  expect(photo.byteLength).toBeGreaterThan(4 * 1024 * 1024);

  await upload(page, skattemelding, [
    { name: "kontoutskrift.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "IMG_2041.jpg", mimeType: "image/jpeg", buffer: photo },
  ]);
  const where = card(page, skattemelding);
  await expect(where.getByText(text("nb", "vedlegg", "result.ok", { name: "kontoutskrift.pdf" }))).toBeVisible({ timeout: 30_000 });
  await expect(where.getByText(text("nb", "vedlegg", "result.ok", { name: "IMG_2041.jpg" }))).toBeVisible();
  const list = where.getByRole("list", { name: text("nb", "vedlegg", "list", { document: skattemelding }) });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  // Each file says what it is: the PDF's page count, the photo as a photo.
  await expect(list.getByRole("listitem").nth(0)).toContainText(text("nb", "vedlegg", "pdfPages_other", { count: 2 }));
  await expect(list.getByRole("listitem").nth(1)).toContainText(text("nb", "vedlegg", "image"));
  // Uploading is the choice "I upload it now".
  await expect(where.getByRole("radio", { name: text("nb", "soknad-dokumentasjon", "choice.option.lasterOppNa") })).toBeChecked();

  const stored = await mellomlagring(person.fnr, draftId);
  expect(stored.map((file) => [file.filnavn, file.mimetype, file.type])).toEqual([
    ["kontoutskrift.pdf", "application/pdf", "skattemelding"],
    ["IMG_2041.jpg", "image/jpeg", "skattemelding"],
  ]);
  const storedPhoto = stored[1]!;
  expect(storedPhoto.storrelse).toBeLessThan(1024 * 1024);
  // (That the stored photo is upright and has no EXIF or GPS left is checked in app/vedlegg/image.test.ts.)

  // Removing the PDF takes it out of the list and out of the store.
  await where.getByRole("button", { name: text("nb", "vedlegg", "delete", { name: "kontoutskrift.pdf" }) }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);
  expect((await mellomlagring(person.fnr, draftId)).map((file) => file.filnavn)).toEqual(["IMG_2041.jpg"]);
});

test("each refused file gets its own message, and none of them is stored", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name === "mobile", "the refusals are the same on every screen; desktop and no-JS cover them");
  const person = await persona("aleneforelder");
  await loginAs(page, person.name, "nb");
  const draftId = await documentationStep(page);
  const good = Buffer.from(await bankStatement(1));
  const withVirus = Buffer.concat([Buffer.from(await bankStatement(1)), eicarTestBytes()]);
  const cases: { name: string; mimeType: string; buffer: Buffer; code: string }[] = [
    { name: "notat.pdf", mimeType: "application/pdf", buffer: Buffer.from("Dette er bare tekst, ikke en PDF."), code: "wrong-type" },
    { name: "stor.pdf", mimeType: "application/pdf", buffer: Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(11 * 1024 * 1024, 32)]), code: "too-large" },
    { name: "passord.pdf", mimeType: "application/pdf", buffer: Buffer.from(handMadePdf({ encrypt: true })), code: "encrypted-pdf" },
    { name: "skadet.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n1 0 obj\n<< /Type /Catalog"), code: "damaged-pdf" },
    { name: "skjema-med-skript.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdfWith("javascript-open-action")), code: "active-pdf" },
    { name: "side-og-pdf.pdf", mimeType: "application/pdf", buffer: Buffer.from(handMadePdf({ encrypt: false, before: "<html><script>alert(1)</script></html>\n" })), code: "active-pdf" },
    { name: "virus.pdf", mimeType: "application/pdf", buffer: withVirus, code: "virus" },
    { name: "tom.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(0), code: "empty" },
  ];
  const where = card(page, skattemelding);
  for (const file of cases) {
    await upload(page, skattemelding, [file]);
    await expect(where.getByText(text("nb", "vedlegg", `result.${file.code}`, { name: file.name })), file.code).toBeVisible({ timeout: 30_000 });
  }
  expect(await mellomlagring(person.fnr, draftId)).toEqual([]);

  // The same file twice: the second is a duplicate.
  await upload(page, skattemelding, [{ name: "likning.pdf", mimeType: "application/pdf", buffer: good }]);
  await expect(where.getByText(text("nb", "vedlegg", "result.ok", { name: "likning.pdf" }))).toBeVisible();
  await upload(page, skattemelding, [{ name: "likning-igjen.pdf", mimeType: "application/pdf", buffer: good }]);
  await expect(where.getByText(text("nb", "vedlegg", "result.duplicate", { name: "likning-igjen.pdf" }))).toBeVisible();
  expect((await mellomlagring(person.fnr, draftId)).map((file) => file.filnavn)).toEqual(["likning.pdf"]);
});

test("a document the office asks for is sent from the status page, and the task is done; another person cannot open it", async ({ page }) => {
  const person = await persona("innvilget");
  const id = await newSoknadFor("innvilget");
  const frist = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
  await caseworker(id, { action: "etterspor", dokumenter: [{ dokumenttype: "Strømregning", tilleggsinformasjon: "Den siste regningen.", innsendelsesfrist: frist }] });

  await loginAs(page, person.name, "nb");
  await page.goto(`/nb/innsyn/${id}`);
  const tasks = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "innsyn", "tasks.title") }) });
  await expect(tasks.getByRole("heading", { level: 3, name: "Strømregning" })).toBeVisible();
  await tasks.getByLabel(chooseFiles("Strømregning")).setInputFiles({ name: "strøm-november.pdf", mimeType: "application/pdf", buffer: Buffer.from(await bankStatement(1)) });
  await tasks.getByRole("button", { name: text("nb", "vedlegg", "upload") }).click();
  await expect(page.getByText(text("nb", "vedlegg", "result.ok", { name: "strøm-november.pdf" }))).toBeVisible({ timeout: 30_000 });

  await page.goto(`/nb/innsyn/${id}`);
  await expect(page.getByRole("heading", { name: text("nb", "innsyn", "tasks.allDoneTitle") })).toBeVisible();
  await expect(page.getByText(text("nb", "innsyn", "tasks.progress", { done: 1, total: 1 }))).toBeVisible();
  await expect(page.getByText(text("nb", "innsyn", "timeline.levert_one", { count: 1 }))).toBeVisible();
  const own = page.locator("section", { has: page.getByRole("heading", { name: text("nb", "innsyn", "ownDocuments.title") }) });
  const href = (await own.getByRole("link", { name: "strøm-november.pdf" }).getAttribute("href"))!;
  const file = await page.request.get(href);
  expect(file.status()).toBe(200);
  expect(file.headers()["content-type"]).toBe("application/pdf");
  expect(file.headers()["x-content-type-options"]).toBe("nosniff");

  await page.getByRole("button", { name: /logg ut/i }).first().click();
  const other = await persona("avslag");
  await loginAs(page, other.name, "nb");
  expect((await page.request.get(href)).status()).toBe(404);
});
