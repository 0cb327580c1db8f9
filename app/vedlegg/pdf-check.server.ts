/**
 * Checks a PDF before it is stored: the office must be able to open it, so encrypted or
 * password-protected and damaged files are refused, each with its own message.
 */
import { PDFDocument } from "pdf-lib";

export type PdfCheck = { ok: true; pages: number } | { ok: false; code: "encrypted-pdf" | "damaged-pdf" };

const ENCRYPT = Buffer.from("/Encrypt", "latin1");
// What a regular expression's \s matches among single bytes (read as latin1).
const isSpace = (byte: number | undefined) => byte === 0x20 || (byte !== undefined && byte >= 0x09 && byte <= 0x0d) || byte === 0xa0;
const isDigit = (byte: number | undefined) => byte !== undefined && byte >= 0x30 && byte <= 0x39;

/**
 * pdf-lib finds /Encrypt in the trailer it uses; this also sees it in an earlier or broken one:
 * "/Encrypt 12 0 R" or "/Encrypt <<" in a trailer or cross-reference stream dictionary, i.e.
 * /\/Encrypt\s*(?:\d+\s+\d+\s+R|<<)/ over the bytes as latin1. Matched on the bytes where
 * they lie, not on a string of the whole file (a second copy of it, docs/decisions/017).
 */
function mentionsEncryption(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = buffer.indexOf(ENCRYPT); at !== -1; at = buffer.indexOf(ENCRYPT, at + 1)) {
    let i = at + ENCRYPT.length;
    while (isSpace(buffer[i])) i++;
    if (buffer[i] === 0x3c && buffer[i + 1] === 0x3c) return true; // <<
    // \d+ \s+ \d+ \s+ R: each run must be there; the classes do not overlap, so no backtracking.
    let ok = true;
    for (const inRun of [isDigit, isSpace, isDigit, isSpace]) {
      const start = i;
      while (inRun(buffer[i])) i++;
      if (i === start) {
        ok = false;
        break;
      }
    }
    if (ok && buffer[i] === 0x52) return true; // R
  }
  return false;
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
