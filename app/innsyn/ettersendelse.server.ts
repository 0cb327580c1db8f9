/**
 * Sending documents after the søknad (ettersendelse): for a task the office gave
 * (dokumentasjonEtterspurt), for a standing requirement (dokumentasjonkrav), for a document
 * the søknad said would come later, or anything else. Uses the one upload piece.
 */
import { data } from "@remix-run/node";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { Vedlegg } from "~/fagsystem/contract";
import { filesByDocument, readUploadForm, storeUploads, uploadStatus, type UploadOutcome } from "~/vedlegg/upload.server";
import type { ListedFile } from "~/vedlegg/UploadField";
import { OTHER_DOCUMENTS } from "~/vedlegg/limits";
import { loadSoknadStatus } from "./innsyn.server";
import { kravKey, missingKey, taskKey } from "./upload-keys";
import type { InnsynView } from "./view";
import { logFor } from "~/log.server";

const log = logFor("innsyn");

type Target = { type: string; hendelseType: string | null; hendelseReferanse: string | null };


/** Every place on the status page a file can be sent to, by its field key. */
export function uploadTargets(view: InnsynView, missing: readonly Vedlegg[]): Map<string, Target> {
  const targets = new Map<string, Target>();
  view.tasks.forEach((task, index) =>
    targets.set(taskKey(task, index), { type: task.dokumenttype, hendelseType: "dokumentasjonEtterspurt", hendelseReferanse: task.dokumentreferanse }),
  );
  for (const krav of view.dokumentasjonkrav) {
    if (krav.status === "RELEVANT") targets.set(kravKey(krav.referanse), { type: krav.tittel ?? "dokumentasjonkrav", hendelseType: "dokumentasjonkrav", hendelseReferanse: krav.referanse });
  }
  for (const document of missing) targets.set(missingKey(document.type), { type: document.type, hendelseType: null, hendelseReferanse: null });
  targets.set(OTHER_DOCUMENTS, { type: OTHER_DOCUMENTS, hendelseType: null, hendelseReferanse: null });
  return targets;
}

/** The søknad's attachments: what was sent and when, and what it said would come later. */
export async function attachmentsOf(fnr: string, soknadId: string, language: string) {
  try {
    const { vedlegg } = await fagsystem.vedlegg(fnr, soknadId);
    const files: (ListedFile & { type: string })[] = vedlegg.flatMap((document) =>
      document.filer.map((file) => ({
        id: file.id,
        name: file.filnavn,
        size: file.storrelse,
        kind: file.mimetype === "application/pdf" ? ("pdf" as const) : ("image" as const),
        pages: file.sider ?? null,
        uploadedAt: file.lastetOpp,
        href: `/${language}/innsyn/${soknadId}/dokument/${file.id}`,
        type: document.type,
      })),
    );
    return { files, missing: vedlegg.filter((document) => document.status === "VedleggKreves"), unavailable: false };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "vedlegg.json could not be read");
    return { files: [], missing: [] as Vedlegg[], unavailable: true };
  }
}

/** The status page's upload: every chosen file to the place it was chosen for. */
export async function ettersend(request: Request, fnr: string, soknadId: string) {
  // Someone else's søknad is a 404 before a byte of the upload is read.
  const status = await loadSoknadStatus(fnr, soknadId, new Date());
  const form = await readUploadForm(request);
  if (!form.ok) {
    return data({ uploads: [{ document: OTHER_DOCUMENTS, results: [], error: form.error }] as UploadOutcome[] }, { status: form.error === "request-too-large" ? 413 : 400 });
  }
  const { missing } = status.kind === "ok" ? await attachmentsOf(fnr, soknadId, "nb") : { missing: [] };
  if (status.kind !== "ok") {
    return data({ uploads: [...filesByDocument(form.files, form.fields.intent).keys()].map((document) => ({ document, results: [], error: "unavailable" as const })) }, { status: 503 });
  }
  const targets = uploadTargets(status.soknad.view, missing);
  const uploads: UploadOutcome[] = [];
  for (const [key, files] of filesByDocument(form.files, form.fields.intent)) {
    const target = targets.get(key);
    if (!target) continue;
    const outcome = await storeUploads(files, target.type, { kind: "soknad", fnr, fiksDigisosId: soknadId, ...target });
    uploads.push({ ...outcome, document: key });
  }
  return data({ uploads }, { status: uploadStatus(uploads) });
}
