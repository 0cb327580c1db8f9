/**
 * The søknad as an accessible PDF: the copy the NAV office reads and the
 * applicant keeps. What it says (sections, labels and values) comes from
 * soknadOutline (soknad-outline.ts), which the summary page shows too; this file
 * only lays it out. Tagged (PDF/UA-style structure: H1, H2, P, L/LI), with the
 * document language and title set, so screen readers read it in order and in
 * the right language.
 *
 * The font is Source Sans 3 (the portal's own), embedded as a subset with a
 * ToUnicode map, so names like Łukasz, Nguyễn, Ødegård, Sámi ŋ đ ŧ and Cyrillic
 * print as themselves and can be copied and read aloud. One static file per
 * weight covers Latin, Vietnamese, Cyrillic and Greek; the portal's web font
 * (@fontsource-variable) is split into one file per script, which a PDF font
 * cannot be. What the font lacks is written decomposed (ǩ as k and a combining
 * caron) or as "?" (see `printable`); the exact text always travels in the
 * søknad's JSON beside the PDF.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { languageTag, type Language } from "~/i18n/languages";
import type { SoknadDocument } from "./soknad-document";
import { applicantName, soknadOutline, translator, type OutlineItem, type SoknadOutlineOptions } from "./soknad-outline";

export interface RenderSoknadPdfOptions extends SoknadOutlineOptions {
  /** Tests turn compression off to read the content streams. */
  compress?: boolean;
}

const fontFile = (name: string) => createRequire(import.meta.url).resolve(`@expo-google-fonts/source-sans-3/${name}`);
/** Paths, which pdfkit also uses as the fonts' names. */
const REGULAR = fontFile("400Regular/SourceSans3_400Regular.ttf");
const BOLD = fontFile("600SemiBold/SourceSans3_600SemiBold.ttf");

let regularFont: fontkit.Font | undefined;

/** Whether the font has a glyph for `char` (both weights cover the same characters). */
function covers(char: string): boolean {
  regularFont ??= fontkit.create(fs.readFileSync(REGULAR)) as fontkit.Font;
  return regularFont.hasGlyphForCodePoint(char.codePointAt(0) ?? 0);
}

/**
 * Text the embedded font can show: NFC, tabs as spaces, other control characters
 * dropped; a character the font lacks is written decomposed when the font has the
 * parts (ǩ → k + ̌), else as "?".
 */
export function printable(value: string): string {
  let result = "";
  for (const char of value.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\n") result += char;
    else if (char === "\t") result += " ";
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else if (covers(char)) result += char;
    else {
      const parts = char.normalize("NFD");
      result += parts !== char && [...parts].every(covers) ? parts : "?";
    }
  }
  return result;
}

type Struct = PDFKit.PDFStructureElement;

export async function renderSoknadPdf(document: SoknadDocument, { language, texts, compress = true }: RenderSoknadPdfOptions): Promise<Uint8Array> {
  const t = translator(texts);
  const outline = soknadOutline(document, { language, texts });
  return renderOutlinePdf(outline, { language, author: applicantName(document), createdAt: new Date(document.innsendingstidspunkt), pageLabel: t("soknad-pdf:page"), compress });
}

/** What a PDF says: a title, lines under it, and sections of labelled values and lists. */
export type PdfOutline = { title: string; meta: OutlineItem[]; sections: { heading: string; items: OutlineItem[] }[] };

/** Lays out an outline as a tagged PDF (the søknad's and the complaint's copies). */
export async function renderOutlinePdf(
  outline: PdfOutline,
  { language, author, createdAt, pageLabel, compress = true }: { language: Language; author: string; createdAt: Date; pageLabel: string; compress?: boolean },
): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    pdfVersion: "1.7",
    tagged: true,
    lang: languageTag[language],
    displayTitle: true,
    compress,
    font: REGULAR, // instead of the standard Helvetica, which would otherwise be written too
    bufferPages: true, // page numbers are written once the page count is known
    info: { Title: outline.title, Author: author, CreationDate: createdAt },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);

  const heading = (parent: Struct, tag: "H1" | "H2", text: string) => {
    // Keep a heading together with what follows it.
    if (tag === "H2" && doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    parent.add(
      doc.struct(tag, {}, () => {
        if (tag === "H2") doc.moveDown(0.6);
        doc.font(BOLD).fontSize(tag === "H1" ? 18 : 14).fillColor("#000000").text(printable(text));
        doc.moveDown(0.3);
      }),
    );
  };

  /** A label/value paragraph, or a label (unless the heading says it all) and a bulleted list. */
  const item = (parent: Struct, entry: OutlineItem) => {
    if (entry.kind === "field") {
      if (entry.value === "") return;
      parent.add(
        doc.struct("P", {}, () => {
          doc.font(BOLD).fontSize(10).fillColor("#000000").text(printable(entry.label));
          doc.font(REGULAR).fontSize(11).text(printable(entry.value));
          doc.moveDown(0.4);
        }),
      );
      return;
    }
    if (entry.items.length === 0) return;
    const { label } = entry;
    if (label !== null) parent.add(doc.struct("P", {}, () => doc.font(BOLD).fontSize(10).fillColor("#000000").text(printable(label))));
    const l = doc.struct("L");
    parent.add(l);
    doc.font(REGULAR).fontSize(11).list(entry.items.map(printable), { structParent: l, bulletRadius: 2, textIndent: 12, bulletIndent: 4 });
    l.end();
    doc.moveDown(0.4);
  };

  /* ---------- title and receiver, then each section ---------- */

  heading(root, "H1", outline.title);
  for (const entry of outline.meta) item(root, entry);
  for (const section of outline.sections) {
    const sect = doc.struct("Sect");
    root.add(sect);
    heading(sect, "H2", section.heading);
    for (const entry of section.items) item(sect, entry);
    sect.end();
  }

  root.end();

  /* ---------- page numbers, as artifacts outside the structure ---------- */

  const pages = doc.bufferedPageRange();
  for (let index = pages.start; index < pages.start + pages.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font(REGULAR)
      .fontSize(9)
      .fillColor("#333333")
      .text(`${printable(pageLabel)} ${index + 1} / ${pages.count}`, doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: "center",
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }

  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
