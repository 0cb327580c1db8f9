/**
 * A minimal one-page PDF, written by hand so seeded letters are real, openable
 * files without a PDF library. Real vedtak letters replace these later.
 */

/** Latin-1 only (the WinAnsi font covers Norwegian letters); anything else becomes "?". */
function pdfText(text: string): string {
  return text.replace(/[^\x20-\x7e\xa0-\xff]/g, "?").replace(/[\\()]/g, (char) => `\\${char}`);
}

export function placeholderPdf(title: string, lines: readonly string[] = []): Uint8Array {
  const textOps = [`BT /F1 18 Tf 72 770 Td (${pdfText(title)}) Tj ET`]
    .concat(lines.map((line, index) => `BT /F1 11 Tf 72 ${740 - index * 16} Td (${pdfText(line)}) Tj ET`))
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    `<< /Length ${Buffer.byteLength(textOps, "latin1")} >>\nstream\n${textOps}\nendstream`,
  ];
  // The xref table needs each object's byte offset, so build the file piece by piece.
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, "latin1"));
}
