/**
 * Checks a PDF before it is stored: the office must be able to open it, so encrypted or
 * password-protected and damaged files are refused, each with its own message.
 */
import { PDFDocument } from "pdf-lib";

export type PdfCheck = { ok: true; pages: number } | { ok: false; code: "encrypted-pdf" | "damaged-pdf" };

// "/Encrypt 12 0 R" or "/Encrypt <<" in a trailer or cross-reference stream dictionary.
const ENCRYPT_ENTRY = /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/;

/** pdf-lib finds /Encrypt in the trailer it uses; this also sees it in an earlier or broken one. */
function mentionsEncryption(bytes: Uint8Array): boolean {
  return ENCRYPT_ENTRY.test(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1"));
}

export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  if (mentionsEncryption(bytes)) return { ok: false, code: "encrypted-pdf" };
  let doc: PDFDocument;
  try {
    // pdf-lib is compiled to ES5, so its EncryptedPDFError is not `instanceof`-checkable:
    // load past the encryption and ask the document instead.
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return { ok: false, code: "damaged-pdf" };
  }
  if (doc.isEncrypted) return { ok: false, code: "encrypted-pdf" };
  try {
    const pages = doc.getPageCount();
    return pages > 0 ? { ok: true, pages } : { ok: false, code: "damaged-pdf" };
  } catch {
    // No catalog or page tree: pdf-lib loads leniently and fails here instead.
    return { ok: false, code: "damaged-pdf" };
  }
}
