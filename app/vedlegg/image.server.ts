/**
 * Re-encodes an uploaded image before it is stored (docs/decisions/009): turned upright by its
 * EXIF orientation, every piece of metadata dropped (phone photos carry the GPS position),
 * scaled so the long side is at most MAX_IMAGE_SIDE, and written as JPEG.
 */
import sharp from "sharp";
import { MAX_IMAGE_SIDE } from "./limits";

// libvips keeps the last operations and their pixels in a cache (up to 50 MB) to reuse them.
// An upload is never the same image twice, so the cache only holds memory between uploads
// (docs/decisions/017). This is process-wide: nothing else here uses sharp.
sharp.cache(false);

/** Decoding more pixels than this is refused: bounds memory for a small file that unpacks huge. */
export const MAX_INPUT_PIXELS = 100_000_000;

/**
 * Whether this libvips can decode HEVC-coded HEIF (what phones write as .heic). sharp's
 * prebuilt binaries cannot (no libde265, for patent reasons): they list heif for AVIF only.
 */
export const heicDecodable: boolean = sharp.format.heif?.input.fileSuffix?.includes(".heic") ?? false;

export type ReencodedImage = { ok: true; bytes: Buffer; width: number; height: number } | { ok: false; code: "unreadable-image" };

export async function reencodeImage(input: Uint8Array): Promise<ReencodedImage> {
  try {
    const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "truncated" })
      .rotate() // by EXIF orientation, before the metadata goes
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: "inside", withoutEnlargement: true })
      .flatten({ background: "#ffffff" }) // transparent PNGs: white, not black, behind
      // mozjpeg's quantisation table and deringing at quality 80, written as baseline JPEG with
      // the standard Huffman tables: one pass, a strip at a time. Progressive scans, trellis
      // quantisation and optimised Huffman tables (`mozjpeg: true`) make libjpeg hold the whole
      // image's DCT coefficients twice, about 30 MB at 2500×1875 on top of the pixels, for a
      // file about a quarter smaller (docs/decisions/017).
      .jpeg({ quality: 80, quantisationTable: 3, overshootDeringing: true, optimiseCoding: false })
      // No withMetadata/withExif/keepExif: sharp then writes no EXIF, XMP or IPTC at all.
      .toBuffer({ resolveWithObject: true });
    return { ok: true, bytes: data, width: info.width, height: info.height };
  } catch {
    return { ok: false, code: "unreadable-image" };
  }
}
