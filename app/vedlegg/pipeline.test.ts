import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { bankStatement, handMadePdf, pdfWith, phonePhoto } from "./fixtures.test-support";
import { MAX_FILE_BYTES, MAX_FILES_PER_DOCUMENT, MAX_SOKNAD_BYTES } from "./limits";
import { prepareUpload, prepareUploads, type PrepareResult, type UploadContext } from "./pipeline.server";
import { eicarMockScanner, eicarTestBytes, type VirusScanner } from "./scanner.server";

const fresh: UploadContext = { existingSha512s: [], usedBytes: 0, scanner: eicarMockScanner };
const sha512 = (bytes: Uint8Array) => createHash("sha512").update(bytes).digest("hex");

function accepted(result: PrepareResult) {
  if (!result.ok) throw new Error(`refused: ${result.code}`);
  return result.file;
}

const smallJpeg = () => sharp({ create: { width: 640, height: 480, channels: 3, background: "#3a6" } }).jpeg({ quality: 90 }).toBuffer();
const heicHeader = () => {
  const box = Buffer.alloc(32);
  box.writeUInt32BE(24, 0);
  box.write("ftypheic", 4, "latin1");
  box.write("mif1heic", 16, "latin1");
  return box;
};

describe("prepareUpload", () => {
  it("accepts a PDF as it is, with page count, hash and a storage name", async () => {
    const pdf = await bankStatement(2);
    const file = accepted(await prepareUpload({ originalName: "Kontoutskrift\u202E.pdf", bytes: pdf }, fresh));
    expect(file).toMatchObject({ displayName: "Kontoutskrift.pdf", mimetype: "application/pdf", pages: 2, size: pdf.length });
    expect(file.sha512).toBe(sha512(pdf));
    expect(file.originalSha512).toBe(file.sha512);
    expect(file.storageName).toBe(`${file.sha512.slice(0, 16)}.pdf`);
    expect(Buffer.compare(file.bytes, Buffer.from(pdf))).toBe(0);
  });

  it("re-encodes a phone photo to a small upright JPEG without metadata", async () => {
    const photo = await phonePhoto();
    const file = accepted(await prepareUpload({ originalName: "IMG_2041.JPG", bytes: photo }, fresh));
    expect(file).toMatchObject({ mimetype: "image/jpeg", width: 1875, height: 2500 });
    expect(file.size).toBeLessThan(1024 * 1024);
    expect(file.storageName).toMatch(/^[0-9a-f]{16}\.jpg$/);
    expect(file.originalSha512).toBe(sha512(photo));
    expect(file.sha512).toBe(sha512(file.bytes));
    expect((await sharp(file.bytes).metadata()).exif).toBeUndefined();
  });

  it("goes by content: a PNG named .pdf is stored as an image, a text named .pdf is refused", async () => {
    const png = await sharp({ create: { width: 50, height: 50, channels: 3, background: "#fff" } }).png().toBuffer();
    expect(accepted(await prepareUpload({ originalName: "skjermbilde.pdf", bytes: png }, fresh)).mimetype).toBe("image/jpeg");
    expect(await prepareUpload({ originalName: "faktura.pdf", bytes: Buffer.from("Faktura: 1200 kr") }, fresh)).toEqual({
      ok: false,
      code: "wrong-type",
      displayName: "faktura.pdf",
    });
  });

  it("refuses, each with its own code: empty, HEIC, too large, virus, scan not done, encrypted, damaged, active content, unreadable", async () => {
    const code = async (bytes: Uint8Array, scanner: VirusScanner = eicarMockScanner) => {
      const result = await prepareUpload({ originalName: "x", bytes }, { ...fresh, scanner });
      return result.ok ? "ok" : result.code;
    };
    expect(await code(new Uint8Array())).toBe("empty");
    expect(await code(heicHeader())).toBe("heic-unsupported");
    expect(await code(Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(MAX_FILE_BYTES)]))).toBe("too-large");
    expect(await code(Buffer.concat([Buffer.from("%PDF-1.4\n"), eicarTestBytes()]))).toBe("virus");
    expect(await code(Buffer.concat([await smallJpeg(), eicarTestBytes()]))).toBe("virus");
    expect(await code(eicarTestBytes())).toBe("wrong-type"); // type is checked before the scanner
    expect(await code(await bankStatement(1), { scan: async () => ({ clean: false, signature: "Test" }) })).toBe("virus");
    // Fail closed: a scan that could not be done, or a scanner that throws, refuses the file with "try again".
    expect(await code(await bankStatement(1), { scan: async () => ({ clean: false, error: "no answer within 10000 ms" }) })).toBe("scan-unavailable");
    expect(await code(await bankStatement(1), { scan: async () => Promise.reject(new Error("boom")) })).toBe("scan-unavailable");
    expect(await code(handMadePdf({ encrypt: true }))).toBe("encrypted-pdf");
    expect(await code((await bankStatement(2)).subarray(0, 500))).toBe("damaged-pdf");
    expect(await code(await pdfWith("javascript-open-action"))).toBe("active-pdf");
    expect(await code(handMadePdf({ encrypt: false, before: "<!DOCTYPE html><script>alert(1)</script>\n" }))).toBe("active-pdf");
    expect(await code(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]))).toBe("unreadable-image");
  });

  it("passes on what the multipart parser already refused", async () => {
    expect(await prepareUpload({ fieldName: "fil", originalName: "stor.pdf", refused: "too-large" }, fresh)).toEqual({
      ok: false,
      code: "too-large",
      displayName: "stor.pdf",
    });
  });

  it("refuses a file already uploaded for the søknad, by the stored or the original hash", async () => {
    const pdf = await bankStatement(1);
    const first = accepted(await prepareUpload({ originalName: "a.pdf", bytes: pdf }, fresh));
    const again = await prepareUpload({ originalName: "a (1).pdf", bytes: pdf }, { ...fresh, existingSha512s: [first.sha512] });
    expect(again).toMatchObject({ ok: false, code: "duplicate" });

    const photo = await smallJpeg();
    const stored = accepted(await prepareUpload({ originalName: "bilde.jpg", bytes: photo }, fresh));
    // The same photo again: re-encoding gives the same bytes, so the stored hash matches.
    expect(await prepareUpload({ originalName: "bilde.jpg", bytes: photo }, { ...fresh, existingSha512s: [stored.sha512] })).toMatchObject({ code: "duplicate" });
    // Only the original's hash known (say the encoder has changed since): still a duplicate.
    expect(await prepareUpload({ originalName: "bilde.jpg", bytes: photo }, { ...fresh, existingSha512s: [stored.originalSha512] })).toMatchObject({ code: "duplicate" });
    // The stored JPEG downloaded and sent back in.
    expect(await prepareUpload({ originalName: "lastet-ned.jpg", bytes: stored.bytes }, { ...fresh, existingSha512s: [stored.sha512] })).toMatchObject({ code: "duplicate" });
    // A different file is fine.
    expect((await prepareUpload({ originalName: "b.pdf", bytes: await bankStatement(2) }, { ...fresh, existingSha512s: [first.sha512] })).ok).toBe(true);
  });

  it("refuses a file that would take the søknad over 150 MB, but a duplicate is named as such first", async () => {
    const pdf = await bankStatement(1);
    const nearlyFull = { ...fresh, usedBytes: MAX_SOKNAD_BYTES - 100 };
    expect(await prepareUpload({ originalName: "a.pdf", bytes: pdf }, nearlyFull)).toMatchObject({ ok: false, code: "total-too-large" });
    expect(await prepareUpload({ originalName: "a.pdf", bytes: pdf }, { ...nearlyFull, existingSha512s: [sha512(pdf)] })).toMatchObject({ code: "duplicate" });
    expect((await prepareUpload({ originalName: "a.pdf", bytes: pdf }, { ...fresh, usedBytes: MAX_SOKNAD_BYTES - pdf.length })).ok).toBe(true);
  });
});

describe("prepareUploads", () => {
  it("lets each file of a request see the ones accepted before it", async () => {
    const pdf = await bankStatement(1);
    const other = await bankStatement(3);
    const results = await prepareUploads(
      [
        { fieldName: "fil", originalName: "a.pdf", bytes: Buffer.from(pdf) },
        { fieldName: "fil", originalName: "a-igjen.pdf", bytes: Buffer.from(pdf) },
        { fieldName: "fil", originalName: "b.pdf", bytes: Buffer.from(other) },
      ],
      { ...fresh, usedBytes: MAX_SOKNAD_BYTES - pdf.length - 10 },
    );
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["ok", "duplicate", "total-too-large"]);
  });

  it("stops at 30 files for one document, counting the ones already there", async () => {
    const files = await Promise.all([1, 2, 3].map(async (pages) => ({ originalName: `${pages}.pdf`, bytes: await bankStatement(pages) })));
    const results = await prepareUploads(files, { ...fresh, filesInDocument: MAX_FILES_PER_DOCUMENT - 2 });
    expect(results.map((r) => (r.ok ? "ok" : r.code))).toEqual(["ok", "ok", "too-many-files"]);
  });
});
