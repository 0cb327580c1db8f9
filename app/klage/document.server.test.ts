import { describe, expect, it } from "vitest";
import { buildKlageDocument, renderKlagePdf } from "./document.server";

const input = {
  klageId: "8f0c4c39-6a43-4a38-9d80-0d5e8b1f3a11",
  soknadId: "2b9d2c5e-58f4-4b0e-9a0e-3f5f4d0f7a22",
  person: { fnr: "01019012345", name: "Łukasz Ødegård" },
  office: { enhetsnummer: "1103", navn: "NAV Stavanger" },
  decisions: [{ letterId: "brev-1", fattet: "2026-11-10T10:00:00Z", utfall: "AVSLATT" as const, sakTittel: "Livsopphold" }],
  tekst: "Jeg er uenig.\nLønnen kom ikke.",
  forSentBegrunnelse: "Jeg var på sykehus.",
  files: [{ id: "f1", filnavn: "kontoutskrift.pdf" }],
  sent: new Date("2026-12-06T09:00:00Z"),
};

/** The text pdfkit wrote, from an uncompressed PDF (hex strings of the embedded subset are not words, so titles are checked in the metadata). */
const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString("latin1");

describe("the complaint document and its PDF", () => {
  it("says which decisions with their deadline, the person's words and the late reason", () => {
    const document = buildKlageDocument({ ...input, language: "nb" });
    expect(document.vedtak[0]).toMatchObject({ letterId: "brev-1", klagefrist: "2026-12-01T10:00:00.000Z" });
    expect(document).toMatchObject({ tekst: input.tekst, forSentBegrunnelse: input.forSentBegrunnelse, language: "nb", sendt: "2026-12-06T09:00:00.000Z" });
  });

  for (const [language, title] of [
    ["nb", "Klage på vedtak om økonomisk sosialhjelp"],
    ["nn", "Klage på vedtak om økonomisk sosialhjelp"],
    ["en", "Appeal against a decision on financial social assistance"],
  ] as const) {
    it(`is a tagged PDF in ${language}, with the title and language set`, async () => {
      const pdf = latin1(await renderKlagePdf(buildKlageDocument({ ...input, language }), { compress: false }));
      expect(pdf.startsWith("%PDF-")).toBe(true);
      expect(pdf).toContain("/StructTreeRoot");
      expect(pdf).toContain(`/Lang (${{ nb: "nb-NO", nn: "nn-NO", en: "en-GB" }[language]})`);
      // The title is in the info dictionary as UTF-16 (pdfkit writes a BOM and big-endian units).
      const utf16 = Buffer.from(`\ufeff${title}`, "utf16le").swap16().toString("latin1");
      expect(pdf.includes(`(${title})`) || pdf.includes(utf16) || pdf.includes(Buffer.from(`\ufeff${title}`, "utf16le").swap16().toString("hex").toUpperCase())).toBe(true);
    });
  }
});
