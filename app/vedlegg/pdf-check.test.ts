import { describe, expect, it } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { checkPdf } from "./pdf-check.server";

async function bankStatement(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage().drawText(`Kontoutskrift side ${i}`, { x: 50, y: 700, size: 14, font });
  }
  return doc.save();
}

/**
 * pdf-lib cannot encrypt, so this writes a small PDF by hand whose trailer points at a
 * Standard security handler dictionary, with correct cross-reference offsets.
 */
function handMadePdf({ encrypt, encryptKey = "/Encrypt" }: { encrypt: boolean; encryptKey?: string }): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    "<< /Length 8 >>\nstream\n(secret)\nendstream",
  ];
  if (encrypt) {
    const hex32 = "<" + "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A" + ">";
    objects.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O ${hex32} /U ${hex32} >>`);
  }
  let body = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  const id = "<0123456789ABCDEF0123456789ABCDEF>";
  const encryptEntry = encrypt ? ` ${encryptKey} ${objects.length} 0 R /ID [${id} ${id}]` : "";
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${encryptEntry} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

describe("checkPdf", () => {
  it("accepts a normal PDF and counts its pages", async () => {
    expect(await checkPdf(await bankStatement(3))).toEqual({ ok: true, pages: 3 });
    expect(await checkPdf(handMadePdf({ encrypt: false }))).toEqual({ ok: true, pages: 1 });
  });

  it("refuses a PDF whose trailer has /Encrypt (password-protected or locked)", async () => {
    expect(await checkPdf(handMadePdf({ encrypt: true }))).toEqual({ ok: false, code: "encrypted-pdf" });
  });

  it("refuses an encrypted PDF even where only pdf-lib's parser sees the /Encrypt", async () => {
    // "/Encr#79pt" is the same PDF name as "/Encrypt" (#79 is "y"), which a plain text scan misses.
    expect(await checkPdf(handMadePdf({ encrypt: true, encryptKey: "/Encr#79pt" }))).toEqual({ ok: false, code: "encrypted-pdf" });
  });

  it("refuses a truncated PDF", async () => {
    const whole = await bankStatement(2);
    expect(await checkPdf(whole.subarray(0, Math.floor(whole.length / 3)))).toEqual({ ok: false, code: "damaged-pdf" });
  });

  it("refuses garbage after a PDF header, and a PDF without pages", async () => {
    expect(await checkPdf(Buffer.from("%PDF-1.7\nthis is not really a pdf\n%%EOF\n"))).toEqual({ ok: false, code: "damaged-pdf" });
    expect(await checkPdf(Buffer.from("%PDF-"))).toEqual({ ok: false, code: "damaged-pdf" });
    const empty = await PDFDocument.create();
    expect(await checkPdf(await empty.save({ addDefaultPage: false }))).toEqual({ ok: false, code: "damaged-pdf" });
  });
});
