/** Files for the attachment tests: a bank statement, a hand-made (encrypted) PDF, a phone photo. */
import sharp from "sharp";
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";

export async function bankStatement(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    doc.addPage().drawText(`Kontoutskrift side ${i}`, { x: 50, y: 700, size: 14, font });
  }
  return doc.save();
}

/**
 * pdf-lib cannot encrypt, so this writes a small PDF by hand whose trailer points at a
 * Standard security handler dictionary, with correct cross-reference offsets. `catalog` adds
 * entries to the catalog and `objects` adds objects numbered from 5 (written as they are, so
 * a test can spell a name as an attacker would); `before` and `header` go at the very start.
 */
export function handMadePdf({
  encrypt,
  encryptKey = "/Encrypt",
  catalog = "",
  objects: extra = [],
  before = "",
  header = "%\u00e2\u00e3\u00cf\u00d3",
}: {
  encrypt: boolean;
  encryptKey?: string;
  catalog?: string;
  objects?: string[];
  before?: string;
  header?: string;
}): Uint8Array {
  const objects = [
    `<< /Type /Catalog /Pages 2 0 R${catalog ? ` ${catalog}` : ""} >>`,
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    "<< /Length 8 >>\nstream\n(secret)\nendstream",
    ...extra,
  ];
  if (encrypt) {
    const hex32 = "<" + "28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A" + ">";
    objects.push(`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O ${hex32} /U ${hex32} >>`);
  }
  let body = `${before}%PDF-1.4\n${header}\n`;
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

/**
 * A photo-like JPEG (smooth colour plus sensor-like noise) of several MB, taken with the phone
 * held upright (EXIF orientation 6) and carrying a GPS position. The defaults give a 4000×3000
 * photo of about 5 MB; the benchmark asks for a 12 MP one with more noise.
 */
export async function phonePhoto(options: { width?: number; height?: number; noise?: number; quality?: number } = {}): Promise<Buffer> {
  const { width = 4000, height = 3000, noise: amplitude = 40, quality = 92 } = options;
  const raw = Buffer.alloc(width * height * 3);
  let seed = 1;
  const noise = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return (seed / 0x7fffffff - 0.5) * amplitude;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const n = noise();
      raw[i] = 128 + 90 * Math.sin(x / 170) * Math.cos(y / 230) + n;
      raw[i + 1] = 120 + 80 * Math.sin((x + y) / 310) + n;
      raw[i + 2] = 100 + 60 * Math.cos(x / 90 - y / 140) + n;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .withMetadata({ orientation: 6 }) // taken with the phone held upright: stored sideways
    .withExif({
      IFD0: { Make: "Telefon", Model: "Modell 1" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "59/1 54/1 3600/100", GPSLongitudeRef: "E", GPSLongitude: "10/1 45/1 0/1", GPSMapDatum: "WGS-84" },
    })
    .toBuffer();
}

/** The ways a PDF can carry active content, and look-alikes that are harmless. */
export type PdfContent =
  | "javascript-names"
  | "javascript-open-action"
  | "javascript-link"
  | "launch"
  | "uri-on-open"
  | "page-aa"
  | "submit-form"
  | "embedded-file"
  | "xfa"
  | "open-at-page"
  | "goto-on-open"
  | "web-link"
  | "plain-form";

/**
 * A one-page PDF made with pdf-lib that carries `content`. pdf-lib writes its dictionaries
 * into compressed object streams, so none of these names is in the file's bytes as text.
 */
export async function pdfWith(content: PdfContent): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  page.drawText("Kontoutskrift", { x: 50, y: 700, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  const { context, catalog } = doc;
  const javascript = () => context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('hei')") });
  const annotate = (action: PDFDict) =>
    page.node.set(PDFName.of("Annots"), context.obj([context.obj({ Type: "Annot", Subtype: "Link", Rect: [50, 690, 200, 720], Border: [0, 0, 0], A: action })]));
  switch (content) {
    case "javascript-names":
      catalog.set(PDFName.of("Names"), context.obj({ JavaScript: context.obj({ Names: [PDFString.of("velkommen"), context.register(javascript())] }) }));
      break;
    case "javascript-open-action":
      catalog.set(PDFName.of("OpenAction"), context.register(javascript()));
      break;
    case "javascript-link":
      annotate(javascript());
      break;
    case "launch":
      catalog.set(PDFName.of("OpenAction"), context.obj({ S: "Launch", F: PDFString.of("cmd.exe") }));
      break;
    case "uri-on-open":
      catalog.set(PDFName.of("OpenAction"), context.obj({ S: "URI", URI: PDFString.of("https://example.org/sporing") }));
      break;
    case "page-aa":
      page.node.set(PDFName.of("AA"), context.obj({ O: context.obj({ S: "URI", URI: PDFString.of("https://example.org/sporing") }) }));
      break;
    case "submit-form":
      annotate(context.obj({ S: "SubmitForm", F: PDFString.of("https://example.org/skjema") }));
      break;
    case "embedded-file":
      await doc.attach(Buffer.from("MZ not really a program"), "faktura.exe", { mimeType: "application/octet-stream" });
      break;
    case "xfa":
      catalog.set(PDFName.of("AcroForm"), context.obj({ Fields: [], XFA: context.register(context.stream("<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"/>")) }));
      break;
    case "open-at-page":
      catalog.set(PDFName.of("OpenAction"), context.obj([page.ref, "Fit"]));
      break;
    case "goto-on-open":
      catalog.set(PDFName.of("OpenAction"), context.obj({ S: "GoTo", D: [page.ref, "Fit"] }));
      break;
    case "web-link":
      annotate(context.obj({ S: "URI", URI: PDFString.of("https://www.nav.no") }));
      break;
    case "plain-form":
      doc.getForm().createTextField("navn").addToPage(page, { x: 50, y: 600 });
      break;
  }
  return doc.save();
}
