import { describe, expect, it } from "vitest";
import sharp from "sharp";
import { PDFDocument } from "pdf-lib";
import { detectFileType } from "./file-type.server";

const ftyp = (major: string, ...compatible: string[]) => {
  const size = 16 + 4 * compatible.length;
  const box = Buffer.alloc(size + 8);
  box.writeUInt32BE(size, 0);
  box.write("ftyp", 4, "latin1");
  box.write(major, 8, "latin1");
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, "latin1"));
  box.writeUInt32BE(8, size);
  box.write("meta", size + 4, "latin1");
  return box;
};

describe("detectFileType", () => {
  it("knows a PDF, a JPEG and a PNG by their first bytes", async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage();
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } }).png().toBuffer();
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect(detectFileType(await pdf.save())).toBe("pdf");
    expect(detectFileType(jpeg)).toBe("jpeg");
    expect(detectFileType(png)).toBe("png");
  });

  it("goes by content, not by name: a PNG renamed to .pdf is a PNG", async () => {
    // The detector never sees the name; this is what the pipeline passes for "kontoutskrift.pdf".
    const renamed = { name: "kontoutskrift.pdf", bytes: await sharp({ create: { width: 2, height: 2, channels: 4, background: "#000" } }).png().toBuffer() };
    expect(detectFileType(renamed.bytes)).toBe("png");
  });

  it("does not take a text file that says it is a PDF", () => {
    expect(detectFileType(Buffer.from("This is a PDF, honestly.\n%PDF-1.7\n"))).toBe("unknown");
    expect(detectFileType(Buffer.from("<html><body>%PDF-1.4</body></html>"))).toBe("unknown");
  });

  it("knows HEIC/HEIF from a phone by the ftyp brands, and leaves AVIF out", () => {
    expect(detectFileType(ftyp("heic", "mif1", "heic"))).toBe("heic");
    expect(detectFileType(ftyp("mif1", "heic"))).toBe("heic");
    expect(detectFileType(ftyp("heix", "mif1"))).toBe("heic");
    expect(detectFileType(ftyp("msf1", "hevc"))).toBe("heic");
    expect(detectFileType(ftyp("avif", "mif1", "miaf"))).toBe("unknown");
    expect(detectFileType(ftyp("isom", "mp41"))).toBe("unknown"); // an MP4 video
  });

  it("calls empty, short and unknown bytes unknown", () => {
    expect(detectFileType(new Uint8Array())).toBe("unknown");
    expect(detectFileType(Buffer.from([0xff, 0xd8]))).toBe("unknown");
    expect(detectFileType(Buffer.from("GIF89a"))).toBe("unknown");
    expect(detectFileType(Buffer.from("PK\u0003\u0004"))).toBe("unknown");
  });
});
