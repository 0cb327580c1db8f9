/**
 * File names. The name a person's device sends is shown back to them (and to the office) as
 * text only; files are stored under a name made from their content hash.
 */
import type { StoredMimetype } from "./limits";

export const MAX_DISPLAY_NAME_LENGTH = 120;
const FALLBACK_NAME = "vedlegg";

// Control characters, format characters (bidi overrides such as U+202E that make
// "gpj.exe" read "exe.jpg", zero-width characters, BOM) and line/paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Display text for an uploaded file's name: no path, no invisible characters, NFC, at most 120 characters. */
export function displayName(original: string): string {
  const base = original.split(/[/\\]/).pop() ?? "";
  const clean = base
    .normalize("NFC")
    .replace(/[\t\n\v\f\r\u2028\u2029]/g, " ")
    .replace(INVISIBLE, "")
    .replace(/\s+/gu, " ")
    .trim();
  const chars = Array.from(clean); // code points, so a cut never splits a surrogate pair
  if (chars.length === 0 || /^\.+$/.test(clean)) return FALLBACK_NAME;
  if (chars.length <= MAX_DISPLAY_NAME_LENGTH) return clean;
  // Too long: keep a short extension so the person still sees what kind of file it was.
  const dot = clean.lastIndexOf(".");
  const extension = dot > 0 && clean.length - dot <= 10 ? Array.from(clean.slice(dot)) : [];
  return chars.slice(0, MAX_DISPLAY_NAME_LENGTH - extension.length).join("").trimEnd() + extension.join("");
}

const EXTENSION: Record<StoredMimetype, string> = { "application/pdf": "pdf", "image/jpeg": "jpg" };

/** The name a file is stored under: the start of its SHA-512 (hex) and the extension of what it is. */
export function storageName(sha512Hex: string, mimetype: StoredMimetype): string {
  if (!/^[0-9a-f]{128}$/.test(sha512Hex)) throw new Error("storageName needs a SHA-512 in hex");
  return `${sha512Hex.slice(0, 16)}.${EXTENSION[mimetype]}`;
}
