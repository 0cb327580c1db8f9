/**
 * The type of an upload, decided from its first bytes only. The name and the browser's
 * Content-Type are whatever the sender says they are, so neither is read here.
 */

export type DetectedType = "pdf" | "jpeg" | "png" | "heic" | "unknown";

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** ISO-BMFF brands that mean HEVC-coded HEIF (what phones write) or generic HEIF image files. */
const HEIF_BRANDS = new Set(["heic", "heix", "heim", "heis", "hevc", "hevx", "hevm", "hevs", "heif", "mif1", "msf1"]);
/** AVIF is HEIF with AV1 inside and shares mif1/msf1; it is not an accepted type. */
const AVIF_BRANDS = new Set(["avif", "avis"]);

function startsWith(bytes: Uint8Array, magic: number[], at = 0): boolean {
  if (bytes.length < at + magic.length) return false;
  return magic.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** Brands of a leading `ftyp` box (major first), or null when there is none. */
function ftypBrands(bytes: Uint8Array): string[] | null {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== "ftyp") return null;
  const size = ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  if (size < 16 || size > Math.min(bytes.length, 4096) || size % 4 !== 0) return null;
  const brands = [ascii(bytes, 8, 12)];
  for (let at = 16; at + 4 <= size; at += 4) brands.push(ascii(bytes, at, at + 4));
  return brands;
}

export function detectFileType(bytes: Uint8Array): DetectedType {
  if (startsWith(bytes, PDF)) return "pdf";
  if (startsWith(bytes, JPEG)) return "jpeg";
  if (startsWith(bytes, PNG)) return "png";
  const brands = ftypBrands(bytes);
  if (brands) {
    if (AVIF_BRANDS.has(brands[0]!)) return "unknown";
    if (brands.some((brand) => HEIF_BRANDS.has(brand))) return "heic";
  }
  return "unknown";
}
