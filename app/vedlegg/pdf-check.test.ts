import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { bankStatement, handMadePdf } from "./fixtures.test-support";
import { checkPdf } from "./pdf-check.server";

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

  it("sees /Encrypt in any trailer with any whitespace, and nothing else that starts the same", async () => {
    const withTrailer = (trailer: string) => Buffer.concat([Buffer.from(handMadePdf({ encrypt: false })), Buffer.from(`${trailer}\n%%EOF\n`, "latin1")]);
    for (const entry of ["/Encrypt 5 0 R", "/Encrypt\r\n12\t\t0\nR", "/Encrypt<<", "/Encrypt \u00a0 << /Filter /Standard >>", "/Encrypt/Encrypt 7 0 R"]) {
      expect(await checkPdf(withTrailer(`trailer << /Size 5 ${entry} >>`)), entry).toEqual({ ok: false, code: "encrypted-pdf" });
    }
    for (const entry of ["/EncryptMetadata false", "/Encrypt 5 R", "/Encrypt 5 0R", "/Encrypt 5 0 ", "/Encrypt <", "/Encrypt"]) {
      expect(await checkPdf(withTrailer(`% ${entry}`)), entry).toEqual({ ok: true, pages: 1 });
    }
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
