/**
 * The one upload piece: reads a multipart form (streamed, with limits), puts every file
 * through the pipeline (type from content, size, virus, PDF checks, image re-encoding,
 * duplicates) and stores the accepted ones in the fagsystem: in mellomlagring while the
 * søknad is a draft, as ettersendelse once it is sent, to a complaint while it is not decided. The søknad, klage and meldinger
 * use it as it is; each gets back one result per file, with a code the page translates.
 */
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { RefusalCode, RequestRefusalCode } from "./limits";
import { MultipartError, parseMultipart, type MultipartLimits, type ParsedFile } from "./multipart.server";
import { displayName } from "./file-name";
import { prepareUpload, type PreparedFile } from "./pipeline.server";
import { uploadRequested } from "./intents";
import { logFor } from "~/log.server";

const log = logFor("vedlegg");

/** Where accepted files go. */
export type UploadTarget =
  /** `maxFiles`: the most files the draft may hold in this document (a complaint takes 10). */
  | { kind: "draft"; fnr: string; draftId: string; maxFiles?: number }
  | { kind: "soknad"; fnr: string; fiksDigisosId: string; hendelseType?: string | null; hendelseReferanse?: string | null }
  /** A sent complaint that is not decided (a complaint being written is a draft under its klageId). */
  | { kind: "klage"; fnr: string; klageId: string };

export type FileResult = { name: string; status: "ok" | RefusalCode };
/**
 * What the page shows after an upload: one line per file, or why the whole request failed, or
 * `no-file` when "Last opp" was pressed with no file chosen (shown at the field, as its error),
 * or `klage-avgjort` when the complaint the files were for has been decided and takes no more.
 */
export type UploadOutcome = { document: string; results: FileResult[]; error: RequestRefusalCode | "no-file" | "unavailable" | "klage-avgjort" | null };

/** The answer's status: 503 when the fagsystem failed, 409 for a decided complaint, 400 for "Last opp" without a file, else 200. */
export function uploadStatus(outcomes: readonly UploadOutcome[]): 200 | 400 | 409 | 503 {
  if (outcomes.some((outcome) => outcome.error === "unavailable")) return 503;
  if (outcomes.some((outcome) => outcome.error === "klage-avgjort")) return 409;
  return outcomes.some((outcome) => outcome.error !== null) ? 400 : 200;
}

/** The form's text fields and its files, or why the request could not be read. */
export async function readUploadForm(
  request: Request,
  limits: Partial<MultipartLimits> = {},
): Promise<{ ok: true; fields: Record<string, string | string[]>; files: ParsedFile[]; truncated: boolean } | { ok: false; error: RequestRefusalCode }> {
  try {
    const parsed = await parseMultipart(request, limits);
    return { ok: true, ...parsed };
  } catch (error) {
    if (error instanceof MultipartError) return { ok: false, error: error.code };
    throw error;
  }
}

type Existing = { sha512s: string[]; usedBytes: number; inDocument: number };

async function existingFiles(target: UploadTarget, documentType: string): Promise<Existing> {
  const files =
    target.kind === "draft"
      ? (await fagsystem.mellomlagring(target.fnr, target.draftId)).map((file) => ({ ...file, documentType: file.type }))
      : target.kind === "klage"
        ? await klageFiles(target.fnr, target.klageId, documentType)
        : (await fagsystem.vedlegg(target.fnr, target.fiksDigisosId)).vedlegg.flatMap((vedlegg) => vedlegg.filer.map((file) => ({ ...file, documentType: vedlegg.type })));
  return {
    sha512s: files.map((file) => file.sha512),
    usedBytes: files.reduce((sum, file) => sum + file.storrelse, 0),
    inDocument: files.filter((file) => file.documentType === documentType).length,
  };
}

/** A complaint's files are all of one document (the complaint). */
async function klageFiles(fnr: string, klageId: string, documentType: string) {
  const klage = (await fagsystem.klager(fnr)).find((candidate) => candidate.klageId === klageId);
  if (!klage) throw new FagsystemError("not-found", `klage ${klageId} is not the person's`, 404);
  return klage.filer.map((file) => ({ ...file, documentType }));
}

async function save(target: UploadTarget, documentType: string, file: PreparedFile): Promise<void> {
  const upload = { type: documentType, filnavn: file.displayName, sha512: file.sha512, mimetype: file.mimetype, bytes: file.bytes, sider: file.pages ?? null };
  if (target.kind === "draft") await fagsystem.lastOppMellomlagring(target.fnr, target.draftId, upload);
  else if (target.kind === "klage") await fagsystem.ettersendKlage(target.fnr, target.klageId, upload);
  else await fagsystem.ettersend(target.fnr, target.fiksDigisosId, { ...upload, hendelseType: target.hendelseType, hendelseReferanse: target.hendelseReferanse });
}

/**
 * The files of a form, by the document their input belongs to (`filer.<document>`). The document
 * whose "Last opp" was pressed (`intent`) is there even without files, so it can be told so.
 */
export function filesByDocument(files: readonly ParsedFile[], intent?: string | string[]): Map<string, ParsedFile[]> {
  const groups = new Map<string, ParsedFile[]>();
  const requested = uploadRequested(intent);
  if (requested) groups.set(requested, []);
  for (const file of files) {
    const match = /^filer\.(.{1,120})$/.exec(file.fieldName);
    if (!match) continue;
    groups.set(match[1]!, [...(groups.get(match[1]!) ?? []), file]);
  }
  return groups;
}

/** Checks and stores the files for one document; one result per file, in the order they came. */
export async function storeUploads(files: readonly ParsedFile[], documentType: string, target: UploadTarget): Promise<UploadOutcome> {
  const results: FileResult[] = [];
  if (files.length === 0) return { document: documentType, results, error: "no-file" };
  let existing: Existing;
  try {
    existing = await existingFiles(target, documentType);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the files already uploaded could not be listed");
    return { document: documentType, results: [], error: "unavailable" };
  }
  // After one scan could not be done, the rest of this request is refused without waiting for the scanner again.
  let scannerDown = false;
  for (const file of files) {
    if ("refused" in file) {
      results.push({ name: file.originalName, status: file.refused });
      continue;
    }
    if (scannerDown) {
      results.push({ name: displayName(file.originalName), status: "scan-unavailable" });
      continue;
    }
    if (target.kind === "draft" && target.maxFiles !== undefined && existing.inDocument >= target.maxFiles) {
      results.push({ name: file.originalName, status: "too-many-files" });
      continue;
    }
    const prepared = await prepareUpload(file, { existingSha512s: existing.sha512s, usedBytes: existing.usedBytes, filesInDocument: existing.inDocument });
    if (!prepared.ok) {
      scannerDown = prepared.code === "scan-unavailable";
      results.push({ name: prepared.displayName, status: prepared.code });
      continue;
    }
    try {
      await save(target, documentType, prepared.file);
    } catch (error) {
      if (!(error instanceof FagsystemError)) throw error;
      if (error.kind === "duplicate") {
        results.push({ name: prepared.file.displayName, status: "duplicate" });
        continue;
      }
      if (error.kind === "too-large") {
        results.push({ name: prepared.file.displayName, status: "total-too-large" });
        continue;
      }
      // Decided while the files were on their way: the rest would be refused too.
      if (error.kind === "rejected" && error.code === "klage-avgjort") return { document: documentType, results, error: "klage-avgjort" };
      log.error({ err: error }, "a file could not be stored");
      return { document: documentType, results, error: "unavailable" };
    }
    existing.sha512s.push(prepared.file.sha512, prepared.file.originalSha512);
    existing.usedBytes += prepared.file.size;
    existing.inDocument += 1;
    results.push({ name: prepared.file.displayName, status: "ok" });
  }
  return { document: documentType, results, error: null };
}
