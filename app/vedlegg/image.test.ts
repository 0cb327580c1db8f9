import { describe, expect, it } from "vitest";
import zlib from "node:zlib";
import sharp from "sharp";
import { phonePhoto } from "./fixtures.test-support";
import { heicDecodable, reencodeImage } from "./image.server";

/** A PNG whose header claims width×height pixels, with almost no data behind it. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", zlib.deflateSync(Buffer.alloc(64))), chunk("IEND", Buffer.alloc(0))]);
}

describe("reencodeImage", () => {
  it("turns a sideways phone photo upright, drops EXIF and GPS, and makes it small", async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    expect(photo.length).toBeGreaterThan(4 * 1024 * 1024);
    expect(before).toMatchObject({ width: 4000, height: 3000, orientation: 6 });
    expect(before.exif?.toString("latin1")).toContain("WGS-84");

    const result = await reencodeImage(photo);
    if (!result.ok) throw new Error(result.code);

    // Upright: the long side is now the height, scaled to at most 2500 px.
    expect(result).toMatchObject({ width: 1875, height: 2500 });
    const after = await sharp(result.bytes).metadata();
    expect(after).toMatchObject({ format: "jpeg", width: 1875, height: 2500 });
    expect(after.orientation).toBeUndefined();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(result.bytes.includes("WGS-84")).toBe(false);
    expect(result.bytes.includes("Exif\0\0")).toBe(false);
    expect(result.bytes.length).toBeLessThan(1024 * 1024);
  });

  it("never enlarges a small image, and puts white behind a transparent PNG", async () => {
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const result = await reencodeImage(png);
    if (!result.ok) throw new Error(result.code);
    expect(result).toMatchObject({ width: 300, height: 200 });
    const { data } = await sharp(result.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(245);
  });

  it("calls broken bytes and a decompression bomb unreadable", async () => {
    const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#888" } }).jpeg().toBuffer();
    expect(await reencodeImage(jpeg.subarray(0, 200))).toEqual({ ok: false, code: "unreadable-image" });
    expect(await reencodeImage(Buffer.from("not an image"))).toEqual({ ok: false, code: "unreadable-image" });
    // 20000 × 10000 = 200 megapixels, over the 100 megapixel limit, in a few hundred bytes.
    const bomb = pngHeaderOnly(20_000, 10_000);
    expect(bomb.length).toBeLessThan(1000);
    expect(await reencodeImage(bomb)).toEqual({ ok: false, code: "unreadable-image" });
  });

  it("knows that this sharp build cannot decode phone HEIC (HEVC)", () => {
    expect(sharp.format.heif.input.fileSuffix).not.toContain(".heic");
    expect(heicDecodable).toBe(false);
  });
});
