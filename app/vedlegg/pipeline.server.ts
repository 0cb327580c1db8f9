/**
 * Everything an uploaded file goes through before it may be stored, in this order:
 * (document full) → empty → type (from content) → size → virus (a scan that fails refuses too) → PDF checks or image re-encoding →
 * duplicate (SHA-512 of the stored and of the original bytes) → room left in the søknad.
 * A PDF with active content, or with something in front of its header, is refused (docs/decisions/022).
 * The first refusal wins; each has its own translated message.
 */
import { createHash } from "node:crypto";
import { detectFileType } from "./file-type.server";
import { displayName as toDisplayName, storageName } from "./file-name";
import { heicDecodable, reencodeImage } from "./image.server";
import { MAX_FILE_BYTES, MAX_FILES_PER_DOCUMENT, MAX_SOKNAD_BYTES, type RefusalCode, type StoredMimetype } from "./limits";
import type { ParsedFile } from "./multipart.server";
import { checkPdf, hasLatePdfHeader } from "./pdf-check.server";
import type { ScanResult, VirusScanner } from "./scanner.server";
import { virusScanner } from "./virus-scanner.server";
import { logFor } from "~/log.server";

const log = logFor("vedlegg");

export type UploadContext = {
  /**
   * SHA-512 (hex) of the files already stored for this søknad. Give both `sha512` and
   * `originalSha512` of each stored file, so the same photo is caught again even if a later
   * re-encoding would come out different.
   */
  existingSha512s: Iterable<string>;
  /** Bytes already stored for this søknad (the sum of the stored files' `size`). */
  usedBytes: number;
  /** Files already stored for the document this one is for; at MAX_FILES_PER_DOCUMENT it takes no more. */
  filesInDocument?: number;
  /** Defaults to the configured one (`virusScanner()`); tests give their own. */
  scanner?: VirusScanner;
};

export type PreparedFile = {
  /** The sender's file name, sanitised: text to show, never a path. */
  displayName: string;
  /** `<first 16 hex of sha512>.pdf|jpg` */
  storageName: string;
  mimetype: StoredMimetype;
  /** What is stored: a PDF as it came, an image re-encoded. */
  bytes: Buffer;
  /** SHA-512 (hex) of `bytes`: what vedlegg.json lists. */
  sha512: string;
  /** SHA-512 (hex) of what was uploaded; the same as `sha512` for a PDF. */
  originalSha512: string;
  size: number;
  pages?: number;
  width?: number;
  height?: number;
};

export type PrepareResult = { ok: true; file: PreparedFile } | { ok: false; code: RefusalCode; displayName: string };

/** A file from `parseMultipart`, or any bytes with the name they came with. */
export type UploadedFile = ParsedFile | { originalName: string; bytes: Uint8Array };

const sha512 = (bytes: Uint8Array) => createHash("sha512").update(bytes).digest("hex");

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Fail closed: a scanner that throws has not said the file is clean. */
async function scanSafely(scanner: VirusScanner, bytes: Buffer): Promise<ScanResult> {
  try {
    return await scanner.scan(bytes);
  } catch (error) {
    log.error({ err: error }, "virus scan failed, file refused");
    return { clean: false, error: "the scanner threw" };
  }
}

export async function prepareUpload(file: UploadedFile, context: UploadContext): Promise<PrepareResult> {
  const displayName = toDisplayName(file.originalName);
  const refuse = (code: RefusalCode): PrepareResult => ({ ok: false, code, displayName });
  if ("refused" in file) return refuse(file.refused);
  if ((context.filesInDocument ?? 0) >= MAX_FILES_PER_DOCUMENT) return refuse("too-many-files");

  const original = asBuffer(file.bytes);
  if (original.length === 0) return refuse("empty");

  const type = detectFileType(original);
  if (type === "unknown") return refuse(hasLatePdfHeader(original) ? "active-pdf" : "wrong-type");
  if (type === "heic" && !heicDecodable) return refuse("heic-unsupported");

  if (original.length > MAX_FILE_BYTES) return refuse("too-large");

  const scan = await scanSafely(context.scanner ?? virusScanner(), original);
  if (!scan.clean) return refuse("error" in scan ? "scan-unavailable" : "virus");

  let stored: Omit<PreparedFile, "displayName" | "storageName" | "sha512" | "originalSha512" | "size">;
  if (type === "pdf") {
    const check = await checkPdf(original);
    if (!check.ok) return refuse(check.code);
    stored = { mimetype: "application/pdf", bytes: original, pages: check.pages };
  } else {
    const image = await reencodeImage(original);
    if (!image.ok) return refuse(image.code);
    stored = { mimetype: "image/jpeg", bytes: image.bytes, width: image.width, height: image.height };
  }

  const hash = sha512(stored.bytes);
  const originalHash = stored.bytes === original ? hash : sha512(original);
  const existing = new Set(context.existingSha512s);
  if (existing.has(hash) || existing.has(originalHash)) return refuse("duplicate");

  if (context.usedBytes + stored.bytes.length > MAX_SOKNAD_BYTES) return refuse("total-too-large");

  return {
    ok: true,
    file: {
      displayName,
      storageName: storageName(hash, stored.mimetype),
      sha512: hash,
      originalSha512: originalHash,
      size: stored.bytes.length,
      ...stored,
    },
  };
}

/**
 * Several files from one request, one after the other, so that each sees the ones before it:
 * the second copy of a file is a duplicate, and the room left shrinks as files are accepted.
 */
export async function prepareUploads(files: UploadedFile[], context: UploadContext): Promise<PrepareResult[]> {
  const existing = new Set(context.existingSha512s);
  let usedBytes = context.usedBytes;
  let filesInDocument = context.filesInDocument ?? 0;
  const results: PrepareResult[] = [];
  for (const file of files) {
    const result = await prepareUpload(file, { ...context, existingSha512s: existing, usedBytes, filesInDocument });
    if (result.ok) {
      existing.add(result.file.sha512).add(result.file.originalSha512);
      usedBytes += result.file.size;
      filesInDocument++;
    }
    results.push(result);
  }
  return results;
}
