/**
 * Upload: time to accept a 10 MB PDF and an 8 MB phone photo in the søknad's documentation
 * step, and the server's peak memory growth while doing it (budget `uploadMemoryGrowthMb`).
 *
 * As a browser without JavaScript posts the step's form: multipart/form-data to
 * `/nb/soknad/<draftId>/dokumentasjon` with `intent=last-opp:skattemelding` before the file
 * in `filer.skattemelding`, same-origin headers and the session cookie; one file per request,
 * one after the other, into a fresh draft (so neither is a duplicate). The time runs from
 * sending until the whole answer (the re-rendered page) is read.
 *
 * Memory: the resident memory of the portal's process group (`groupRssMb`; the fagsystem mock,
 * which stores the files, runs in a process of its own) sampled every 20 ms from before the first
 * upload until the last answer; growth = the peak minus the median of the samples before.
 */
import { randomBytes } from "node:crypto";
import { PDFDocument, PDFName } from "pdf-lib";
import sharp from "sharp";
import { phonePhoto } from "../../app/vedlegg/fixtures.test-support";
import { MAX_FILE_BYTES } from "../../app/vedlegg/limits";
import { BASE_URL } from "../config";
import { get, groupRssMb, login, sameOrigin, startDraft, type RunningPortal, type Session } from "../portal";

export interface UploadFileResult {
  name: string;
  /** The file's size in MiB (2^20 bytes, the unit of the 10 MiB limit). */
  megabytes: number;
  /** Until the whole answer was read. */
  ms: number;
  httpStatus: number;
  /** The peak during this request minus the last sample before it. */
  peakGrowthMb: number;
  accepted: boolean;
}

export type UploadSection =
  | { status: "not built"; detail: string }
  | { status: "error"; detail: string }
  | { status: "ok"; files: UploadFileResult[]; memoryGrowthMb: number; baselineMb: number; peakMb: number };

const MiB = 1024 * 1024;
/** Just under the per-file limit (10 MiB), as a person's biggest allowed PDF would be. */
const PDF_BYTES = MAX_FILE_BYTES - 64 * 1024;
const PHOTO_TARGET_BYTES = 8 * MiB;
const SAMPLE_MS = 20;
const DOCUMENT = "skattemelding";

/** A sensor-noise JPEG of the given size, as a scanner or camera writes one (incompressible). */
async function noiseJpeg(width: number, height: number, quality: number): Promise<Buffer> {
  return sharp(randomBytes(width * height * 3), { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/**
 * A scanned-document PDF of `bytes` bytes: A4 pages, each a noisy scan image, made with
 * pdf-lib (so the portal's PDF check opens it), the last bytes made up by a padding stream.
 */
export async function bigPdf(bytes: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const scan = await noiseJpeg(1240, 1754, 60); // A4 at 150 dpi
  for (;;) {
    const image = await doc.embedJpg(await noiseJpeg(1240, 1754, 60));
    const page = doc.addPage([595, 842]);
    page.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    page.drawText("Skattemelding (benchmark)", { x: 40, y: 800, size: 14 });
    const size = (await doc.save({ useObjectStreams: false })).length;
    if (size + scan.length + 64 * 1024 > bytes) break;
  }
  const padTo = async (padding: number) => {
    // A plain stream: typed as an embedded file it would be refused as active content (decision 022).
    const stream = doc.context.stream(randomBytes(Math.max(0, padding)));
    doc.catalog.set(PDFName.of("BenchPadding"), doc.context.register(stream));
    return doc.save({ useObjectStreams: false });
  };
  const withoutPadding = (await padTo(0)).length;
  const saved = await padTo(bytes - withoutPadding);
  if (saved.length > MAX_FILE_BYTES) throw new Error(`the PDF came out at ${saved.length} bytes, above the limit`);
  return saved;
}

/**
 * A phone photo of about `bytes` bytes: 4032×3024 (12 MP, a phone's main camera) at high JPEG
 * quality, from the tests' `phonePhoto()`, with the noise tuned to the size.
 */
export async function bigPhonePhoto(bytes: number): Promise<Buffer> {
  const encode = (noise: number) => phonePhoto({ width: 4032, height: 3024, noise, quality: 97 });
  // The size grows with the noise; a few steps find the amplitude that gives about `bytes`.
  let low = 10;
  let high = 120;
  let best = await encode(high);
  for (let round = 0; round < 5; round++) {
    const middle = (low + high) / 2;
    const photo = await encode(middle);
    if (Math.abs(photo.length - bytes) < Math.abs(best.length - bytes)) best = photo;
    if (photo.length < bytes) low = middle;
    else high = middle;
  }
  return best;
}

/** Samples the group's RSS every SAMPLE_MS until stopped; `peakSince(i)` is the peak from sample i on. */
function rssSampler(pgid: number) {
  const samples: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      samples.push(await groupRssMb(pgid));
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    samples,
    mark: () => samples.length,
    peakSince: (index: number) => Math.max(...samples.slice(index)),
    valueBefore: (index: number) => samples[Math.max(0, index - 1)] ?? 0,
    stop: async () => {
      running = false;
      await done;
      samples.push(await groupRssMb(pgid));
    },
  };
}

async function post(session: Session, draftId: string, name: string, type: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("intent", `last-opp:${DOCUMENT}`);
  form.append(`filer.${DOCUMENT}`, new Blob([new Uint8Array(bytes)], { type }), name);
  const started = performance.now();
  const response = await fetch(`${BASE_URL}/nb/soknad/${draftId}/dokumentasjon`, {
    method: "POST",
    redirect: "manual",
    headers: { ...sameOrigin, Cookie: session.cookie },
    body: form,
  });
  const html = await response.text();
  return { ms: Math.round(performance.now() - started), httpStatus: response.status, html };
}

export async function runUpload(portal: RunningPortal): Promise<UploadSection> {
  try {
    const files = [
      { name: "skattemelding-skannet.pdf", type: "application/pdf", bytes: await bigPdf(PDF_BYTES) },
      { name: "IMG_4032.jpg", type: "image/jpeg", bytes: await bigPhonePhoto(PHOTO_TARGET_BYTES) },
    ];
    const session = await login("forstegang");
    const draftId = await startDraft(session);
    const page = await get(session, `/nb/soknad/${draftId}/dokumentasjon`);
    if (page.status !== 200) return { status: "error", detail: `the documentation step answered ${page.status}` };
    await page.text();

    const sampler = rssSampler(portal.pgid);
    await new Promise((resolve) => setTimeout(resolve, 500)); // the value before
    const before = [...sampler.samples].sort((a, b) => a - b);
    const baselineMb = before[Math.floor(before.length / 2)] ?? (await groupRssMb(portal.pgid));
    const results: UploadFileResult[] = [];
    try {
      for (const file of files) {
        const from = sampler.mark();
        const answer = await post(session, draftId, file.name, file.type, file.bytes);
        await new Promise((resolve) => setTimeout(resolve, 2 * SAMPLE_MS)); // a last sample after the answer
        results.push({
          name: file.name,
          megabytes: Number((file.bytes.length / MiB).toFixed(2)),
          ms: answer.ms,
          httpStatus: answer.httpStatus,
          peakGrowthMb: Number((sampler.peakSince(from) - sampler.valueBefore(from)).toFixed(1)),
          accepted: false,
        });
      }
    } finally {
      await sampler.stop();
    }
    // Accepted = listed in the step afterwards (the answer itself shows refusals as text).
    const after = await (await get(session, `/nb/soknad/${draftId}/dokumentasjon`)).text();
    for (const result of results) result.accepted = result.httpStatus === 200 && after.includes(result.name);
    const peakMb = Math.max(...sampler.samples);
    const refused = results.filter((result) => !result.accepted);
    if (refused.length > 0) {
      return { status: "error", detail: `not accepted: ${refused.map((result) => `${result.name} (HTTP ${result.httpStatus})`).join(", ")}` };
    }
    return { status: "ok", files: results, memoryGrowthMb: Number((peakMb - baselineMb).toFixed(1)), baselineMb: Math.round(baselineMb), peakMb: Math.round(peakMb) };
  } catch (error) {
    return { status: "error", detail: error instanceof Error ? error.message : String(error) };
  }
}
