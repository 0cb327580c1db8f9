/**
 * Checks a PDF before it is stored: the office must be able to open it, so encrypted or
 * password-protected and damaged files are refused, each with its own message; and it must be
 * only a document, so a PDF with active content is refused too (docs/decisions/022).
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from "pdf-lib";

export type PdfCheck = { ok: true; pages: number } | { ok: false; code: "encrypted-pdf" | "damaged-pdf" | "active-pdf" };

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

/** Bytes a PDF name ends at: whitespace and the delimiters of ISO 32000-1, 7.2.2. */
const ENDS_NAME = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
/**
 * Names that are active content wherever they stand. Matched in the bytes too, for an object
 * pdf-lib could not parse but a more forgiving reader might: only names long enough that
 * compressed data does not spell them by chance (/JS, /AA and /EF are left to the parsed walk).
 */
const ACTIVE_NAMES_IN_BYTES = ["/JavaScript", "/Launch", "/EmbeddedFiles", "/EmbeddedFile", "/XFA", "/RichMedia"].map((name) => Buffer.from(name, "latin1"));
/** Dictionary keys that carry code, files or another form engine. */
const ACTIVE_KEYS = new Set(["JS", "JavaScript", "EmbeddedFiles", "EF", "XFA", "RichMediaContent", "RichMediaSettings"]);
/** Action types (/S) that run code, start programs, send data out or open files inside the PDF. */
const ACTIVE_ACTIONS = new Set(["JavaScript", "Launch", "SubmitForm", "ImportData", "GoToE", "RichMediaExecute", "Rendition", "Movie", "Sound"]);
/** Types and subtypes of objects that are themselves embedded files or media players. */
const ACTIVE_TYPES = new Set(["EmbeddedFile", "FileAttachment", "RichMedia", "Movie", "Sound", "Screen", "3D"]);

/** The first active-content name in the bytes, or null. */
function activeNameInBytes(buffer: Buffer): string | null {
  for (const name of ACTIVE_NAMES_IN_BYTES) {
    for (let at = buffer.indexOf(name); at !== -1; at = buffer.indexOf(name, at + 1)) {
      const next = buffer[at + name.length];
      if (next === undefined || ENDS_NAME.has(next)) return name.toString("latin1");
    }
  }
  return null;
}

/**
 * An HTML (or XML) page inside the PDF's header comments, before its first object: a file that
 * a browser sniffing its start may take for a web page while a PDF reader opens the rest. The
 * header holds only "%PDF-1.x" and comments, where a tag has no business.
 */
function markupInHeader(buffer: Buffer): boolean {
  const head = buffer.subarray(0, 4096).toString("latin1");
  const firstObject = head.search(/(?:^|[\r\n])\s*\d+\s+\d+\s+obj\b/);
  return /<[A-Za-z!?/]/.test(firstObject === -1 ? head : head.slice(0, firstObject));
}

/**
 * A PDF header after something else: readers find "%PDF-" anywhere in the first kilobyte, so
 * an HTML page with a PDF after it opens as either. Not a PDF the portal stores (those start
 * with their header), and not a file of another type either.
 */
export function hasLatePdfHeader(bytes: Uint8Array): boolean {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(0, 1024).indexOf("%PDF-", 0, "latin1");
  return at > 0;
}

const nameOf = (object: PDFObject | undefined) => (object instanceof PDFName ? object.decodeText() : undefined);

/**
 * Walks every object pdf-lib parsed (including those in compressed object streams, with names
 * as a reader decodes them: "/J#61vaScript" is /JavaScript) and returns the first active
 * content it meets, or null. A destination to open at or a "go to page" action is not active;
 * a link to a web address is not either, unless it opens on its own (/OpenAction, /AA).
 */
export function findActiveContent(doc: PDFDocument): string | null {
  const { context } = doc;
  const resolve = (object: PDFObject | undefined) => (object instanceof PDFRef ? context.lookup(object) : object);
  const automaticAction = (object: PDFObject | undefined): string | null => {
    const action = resolve(object);
    if (!(action instanceof PDFDict)) return null; // a destination: [page /Fit] or a name
    const type = nameOf(action.get(PDFName.of("S")));
    return type === "GoTo" ? null : `automatic ${type ?? "action"}`;
  };
  const pending: PDFObject[] = context.enumerateIndirectObjects().map(([, object]) => object);
  for (let object = pending.pop(); object !== undefined; object = pending.pop()) {
    if (object instanceof PDFStream) {
      pending.push(object.dict);
    } else if (object instanceof PDFArray) {
      pending.push(...object.asArray());
    } else if (object instanceof PDFDict) {
      for (const [key, value] of object.entries()) {
        const name = key.decodeText();
        if (ACTIVE_KEYS.has(name)) return name;
        if (name === "S" && ACTIVE_ACTIONS.has(nameOf(value) ?? "")) return nameOf(value)!;
        if ((name === "Type" || name === "Subtype") && ACTIVE_TYPES.has(nameOf(value) ?? "")) return nameOf(value)!;
        if (name === "OpenAction") {
          const found = automaticAction(value);
          if (found) return found;
        }
        if (name === "AA") {
          const triggers = resolve(value);
          if (triggers instanceof PDFDict) {
            for (const [, action] of triggers.entries()) {
              const found = automaticAction(action);
              if (found) return found;
            }
          }
        }
        if (!(value instanceof PDFRef)) pending.push(value); // referenced objects are walked on their own
      }
    }
  }
  return null;
}

export async function checkPdf(bytes: Uint8Array): Promise<PdfCheck> {
  if (mentionsEncryption(bytes)) return { ok: false, code: "encrypted-pdf" };
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (markupInHeader(buffer) || activeNameInBytes(buffer)) return { ok: false, code: "active-pdf" };
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
    if (pages === 0) return { ok: false, code: "damaged-pdf" };
    return findActiveContent(doc) ? { ok: false, code: "active-pdf" } : { ok: true, pages };
  } catch {
    // No catalog or page tree: pdf-lib loads leniently and fails here instead.
    return { ok: false, code: "damaged-pdf" };
  }
}
