import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { bankStatement, handMadePdf, pdfWith, type PdfContent } from "./fixtures.test-support";
import { checkPdf, findActiveContent, hasLatePdfHeader } from "./pdf-check.server";

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

  describe("active content (docs/decisions/022)", () => {
    const active: [PdfContent, string][] = [
      ["javascript-names", "JavaScript"],
      ["javascript-open-action", "JavaScript"],
      ["javascript-link", "JavaScript"],
      ["launch", "Launch"],
      ["uri-on-open", "automatic URI"],
      ["page-aa", "automatic URI"],
      ["submit-form", "SubmitForm"],
      ["embedded-file", "EmbeddedFile"],
      ["xfa", "XFA"],
    ];
    it.each(active)("refuses a PDF with %s, even where pdf-lib hides it in a compressed object stream", async (content, found) => {
      const bytes = await pdfWith(content);
      // Not findable as text: the walk over the parsed objects is what sees it. (A file is a
      // stream, and streams are never inside an object stream.)
      if (content !== "embedded-file") expect(Buffer.from(bytes).includes(found.replace("automatic ", ""), 0, "latin1")).toBe(false);
      expect(findActiveContent(await PDFDocument.load(bytes))).toContain(found);
      expect(await checkPdf(bytes)).toEqual({ ok: false, code: "active-pdf" });
    });

    it.each(["open-at-page", "goto-on-open", "web-link", "plain-form"] as const)("accepts a PDF with %s: nothing in it runs or opens on its own", async (content) => {
      expect(await checkPdf(await pdfWith(content))).toEqual({ ok: true, pages: 1 });
    });

    it("reads names as a reader does: /J#61vaScript is /JavaScript, /S /Launch is a launch", async () => {
      const spelled = handMadePdf({ encrypt: false, catalog: "/OpenAction 5 0 R", objects: ["<< /S /J#61vaScript /J#53 (app.alert(1)) >>"] });
      expect(findActiveContent(await PDFDocument.load(spelled))).toContain("JavaScript");
      expect(await checkPdf(spelled)).toEqual({ ok: false, code: "active-pdf" });
      const launch = handMadePdf({ encrypt: false, catalog: "/OpenAction << /S /L#61unch /F (calc.exe) >>" });
      expect(await checkPdf(launch)).toEqual({ ok: false, code: "active-pdf" });
    });

    it("sees an active name in an object pdf-lib cannot parse", async () => {
      // A broken dictionary pdf-lib skips, which a forgiving reader may still run.
      const broken = handMadePdf({ encrypt: false, objects: ["<< /S /JavaScript /JS (app.alert(1)) ]]] >>"] });
      expect(await checkPdf(broken)).toEqual({ ok: false, code: "active-pdf" });
      // Names that only start the same are not active content.
      const lookalike = handMadePdf({ encrypt: false, objects: ["<< /JavaScriptless true /Launched 1 /XFAX 2 >>"] });
      expect(await checkPdf(lookalike)).toEqual({ ok: true, pages: 1 });
    });

    it("refuses HTML in the header comments, and accepts the usual binary comment", async () => {
      for (const header of ["%<html><script>alert(1)</script>", "%<!DOCTYPE html>", "<svg onload=alert(1)>", "%<?xml version='1.0'?>"]) {
        expect(await checkPdf(handMadePdf({ encrypt: false, header })), header).toEqual({ ok: false, code: "active-pdf" });
      }
      expect(await checkPdf(handMadePdf({ encrypt: false, header: "% made by a scanner < 2 > 1" }))).toEqual({ ok: true, pages: 1 });
    });

    it("knows a PDF header that comes after something else (an HTML page in front of a PDF)", () => {
      expect(hasLatePdfHeader(handMadePdf({ encrypt: false, before: "<html><body><script>alert(1)</script>\n" }))).toBe(true);
      expect(hasLatePdfHeader(handMadePdf({ encrypt: false }))).toBe(false);
      expect(hasLatePdfHeader(Buffer.from("Faktura: 1200 kr"))).toBe(false);
      expect(hasLatePdfHeader(Buffer.concat([Buffer.alloc(1024, 32), handMadePdf({ encrypt: false })]))).toBe(false);
    });
  });
});
