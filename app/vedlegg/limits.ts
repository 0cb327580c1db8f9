/**
 * Limits and refusal codes for attachments (vedlegg). Plain TypeScript, no server code:
 * components import the codes to translate them.
 */

const MB = 1024 * 1024;

/** Per file, as NAV's own application does. */
export const MAX_FILE_BYTES = 10 * MB;
/** All files of one søknad together. */
export const MAX_SOKNAD_BYTES = 150 * MB;
export const MAX_FILES_PER_DOCUMENT = 30;
/**
 * One multipart request. Bounds the memory one upload can hold (accepted files are kept in
 * memory until they are stored). With JavaScript a file goes in its own request; without it,
 * a form posts all chosen files at once, and this still fits about twenty phone photos.
 */
export const MAX_REQUEST_BYTES = 100 * MB;
/** Phone photos are scaled so the long side is at most this many pixels. */
export const MAX_IMAGE_SIDE = 2500;

export const REFUSAL_CODES = [
  "wrong-type",
  "too-large",
  "total-too-large",
  "too-many-files",
  "encrypted-pdf",
  "damaged-pdf",
  "active-pdf",
  "duplicate",
  "virus",
  /** The virus scan could not be done (scanner down or slow): refused, the person may try again. */
  "scan-unavailable",
  "empty",
  "heic-unsupported",
  "unreadable-image",
] as const;

/** Why one file was refused; each has its own translated message. */
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export function isRefusalCode(value: unknown): value is RefusalCode {
  return typeof value === "string" && (REFUSAL_CODES as readonly string[]).includes(value);
}

/**
 * Why a whole upload request was refused: `malformed` (not multipart, broken boundary, a
 * field too long: answer 400) or `request-too-large` (answer 413).
 */
export type RequestRefusalCode = "malformed" | "request-too-large";

/** What is stored: PDFs as they came, images re-encoded as JPEG (docs/decisions/009). */
export type StoredMimetype = "application/pdf" | "image/jpeg";

/** The document type of files that belong to no listed document ("Annen dokumentasjon"). */
export const OTHER_DOCUMENTS = "annet";
