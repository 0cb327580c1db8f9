/**
 * Attachments in the søknad's documentation step: uploads into mellomlagring (through the
 * one upload piece), removing a file again, the files per document for the page, and the
 * vedlegg list the søknad is sent with.
 */
import { data } from "@remix-run/node";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { MellomlagretFil, SendVedlegg } from "~/fagsystem/contract";
import { filesByDocument, readUploadForm, storeUploads, uploadStatus, type UploadOutcome } from "~/vedlegg/upload.server";
import type { ListedFile } from "~/vedlegg/UploadField";
import { OTHER_DOCUMENTS } from "~/vedlegg/limits";
import { saveStep, type Draft } from "./drafts.server";
import { formDataToValues, type Answers, type FormValues } from "./schemas";
import { logFor } from "~/log.server";

const log = logFor("soknad");

const RAW_KEY = "utkast:dokumentasjon";

function toValues(fields: Record<string, string | string[]>): FormValues {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const item of Array.isArray(value) ? value : [value]) params.append(key, item);
  return formDataToValues(params);
}

/**
 * An upload posted from the documentation step: the step's other fields are kept as typed,
 * each chosen file goes to its document, and a document that got a file is marked "laster opp nå".
 */
export async function uploadInDocumentationStep(request: Request, input: { fnr: string; draft: Draft; documents: readonly string[] }) {
  const form = await readUploadForm(request, { maxFields: 400 });
  if (!form.ok) {
    const outcome: UploadOutcome = { document: OTHER_DOCUMENTS, results: [], error: form.error };
    return data({ errors: {} as Record<string, string>, values: null, uploads: [outcome] }, { status: form.error === "request-too-large" ? 413 : 400 });
  }
  const values = toValues(form.fields);
  const intent = form.fields.intent;
  delete values.intent;
  delete values.returnTo;
  const allowed = new Set([...input.documents, OTHER_DOCUMENTS]);
  const uploads: UploadOutcome[] = [];
  for (const [document, files] of filesByDocument(form.files, intent)) {
    if (!allowed.has(document)) continue;
    const outcome = await storeUploads(files, document, { kind: "draft", fnr: input.fnr, draftId: input.draft.id });
    uploads.push(outcome);
    const choiceName = `doc.${document}.choice`;
    if (document !== OTHER_DOCUMENTS && outcome.results.some((result) => result.status === "ok") && !values[choiceName]) values[choiceName] = "lasterOppNa";
  }
  await saveStep(input.fnr, input.draft.id, RAW_KEY, values, { currentStep: "dokumentasjon" });
  return data({ errors: {} as Record<string, string>, values, uploads }, { status: uploadStatus(uploads) });
}

/** "Slett" on a file in the documentation step; the step's other fields are kept as typed. */
export async function deleteInDocumentationStep(input: { fnr: string; draft: Draft; fileId: string; values: FormValues }) {
  await saveStep(input.fnr, input.draft.id, RAW_KEY, input.values, { currentStep: "dokumentasjon" });
  try {
    await fagsystem.slettMellomlagring(input.fnr, input.draft.id, input.fileId);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    // Already gone is what the person wanted; anything else is a message.
    if (error.kind !== "not-found") {
      log.error({ err: error }, "a file could not be deleted");
      return data({ errors: { form: "soknad-errors:form.unavailable" } as Record<string, string>, values: input.values, uploads: [] as UploadOutcome[] }, { status: 503 });
    }
  }
  return data({ errors: {} as Record<string, string>, values: input.values, uploads: [] as UploadOutcome[] });
}

/** The draft's files, by document, as the page lists them. */
export async function filesOfDraft(fnr: string, draftId: string): Promise<Record<string, ListedFile[]>> {
  const files = await fagsystem.mellomlagring(fnr, draftId);
  const byDocument: Record<string, ListedFile[]> = {};
  for (const file of files) {
    (byDocument[file.type] ??= []).push({ id: file.id, name: file.filnavn, size: file.storrelse, kind: file.mimetype === "application/pdf" ? "pdf" : "image", pages: file.sider ?? null });
  }
  return byDocument;
}

/**
 * What the søknad says about each document when it is sent: uploaded (with the files), sent
 * earlier, or still to come. "Laster opp nå" without a file is still to come.
 */
export function vedleggToSend(answers: Answers, files: readonly MellomlagretFil[]): SendVedlegg[] {
  const idsOf = (type: string) => files.filter((file) => file.type === type).map((file) => file.id);
  const listed: SendVedlegg[] = (answers.dokumentasjon?.documents ?? []).map((document) => {
    const ids = idsOf(document.id);
    if (ids.length > 0) return { type: document.id, status: "LastetOpp", filIder: ids };
    return { type: document.id, status: document.choice === "levertTidligere" ? "VedleggAlleredeSendt" : "VedleggKreves", filIder: [] };
  });
  const other = idsOf(OTHER_DOCUMENTS);
  if (other.length > 0) listed.push({ type: OTHER_DOCUMENTS, status: "LastetOpp", filIder: other });
  return listed;
}
