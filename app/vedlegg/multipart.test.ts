import { describe, expect, it } from "vitest";
import { MultipartError, parseMultipart } from "./multipart.server";

const BOUNDARY = "----vedleggGrense7MA4YWxkTrZu0gW";
const CRLF = "\r\n";

type Part = { name: string; value: string } | { name: string; filename: string; content: Uint8Array; type?: string };

function partHead(part: Part): string {
  if ("value" in part) return `--${BOUNDARY}${CRLF}Content-Disposition: form-data; name="${part.name}"${CRLF}${CRLF}`;
  return (
    `--${BOUNDARY}${CRLF}Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"${CRLF}` +
    `Content-Type: ${part.type ?? "application/octet-stream"}${CRLF}${CRLF}`
  );
}

function multipartBody(parts: Part[]): Uint8Array<ArrayBuffer> {
  const pieces: Buffer[] = [];
  for (const part of parts) {
    pieces.push(Buffer.from(partHead(part), "utf8"));
    pieces.push("value" in part ? Buffer.from(part.value, "utf8") : Buffer.from(part.content));
    pieces.push(Buffer.from(CRLF));
  }
  pieces.push(Buffer.from(`--${BOUNDARY}--${CRLF}`));
  return new Uint8Array(Buffer.concat(pieces));
}

function uploadRequest(body: BodyInit, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/soknad/1/vedlegg", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}`, ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

/** A body stream that yields `total` bytes of one file part in 64 KiB chunks, and counts what was pulled. */
function countingUpload(total: number) {
  const chunkSize = 64 * 1024;
  const head = Buffer.from(partHead({ name: "dokumenttype", value: "" }) + "husleie" + CRLF + partHead({ name: "fil", filename: "stor.jpg", content: new Uint8Array() }));
  const tail = Buffer.from(`${CRLF}--${BOUNDARY}--${CRLF}`);
  const filler = Buffer.alloc(chunkSize, 0x41);
  const stats = { pulls: 0, pulledBytes: 0, cancelled: false, done: false, totalChunks: Math.ceil(total / chunkSize) + 2 };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      stats.pulls++;
      let chunk: Buffer;
      if (stats.pulls === 1) chunk = head;
      else if (sent < total) {
        chunk = filler.subarray(0, Math.min(chunkSize, total - sent));
        sent += chunk.length;
      } else {
        chunk = tail;
      }
      stats.pulledBytes += chunk.length;
      controller.enqueue(new Uint8Array(chunk));
      if (chunk === tail) {
        stats.done = true;
        controller.close();
      }
    },
    cancel() {
      stats.cancelled = true;
    },
  });
  return { stream, stats };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
};

async function refusal(promise: Promise<unknown>): Promise<MultipartError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MultipartError);
  return error as MultipartError;
}

describe("parseMultipart", () => {
  it("reads fields and files in order, with repeated fields as arrays and UTF-8 names", async () => {
    const pdf = Buffer.from("%PDF-1.7 ...");
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const result = await parseMultipart(
      uploadRequest(
        multipartBody([
          { name: "dokumenttype", value: "husleie|kontrakt" },
          { name: "valg", value: "a" },
          { name: "valg", value: "b" },
          { name: "fil", filename: "Leiekontrakt Ørnes.pdf", content: pdf },
          { name: "fil", filename: "C:\\fakepath\\bilde\u202Egpj.exe", content: jpeg },
        ]),
      ),
    );
    expect(result.fields).toEqual({ dokumenttype: "husleie|kontrakt", valg: ["a", "b"] });
    expect(result.truncated).toBe(false);
    expect(result.files).toEqual([
      { fieldName: "fil", originalName: "Leiekontrakt Ørnes.pdf", bytes: pdf },
      { fieldName: "fil", originalName: "bildegpj.exe", bytes: jpeg },
    ]);
  });

  it("keeps every byte of each file, with and without a Content-Length, in chunks of any size", async () => {
    const big = Buffer.alloc(700 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 31 + (i >> 9)) & 0xff;
    const small = Buffer.from("%PDF-1.7 small");
    const body = multipartBody([
      { name: "fil", filename: "stor.pdf", content: big },
      { name: "fil", filename: "liten.pdf", content: small },
      { name: "fil", filename: "stor2.pdf", content: big.subarray(1000) },
    ]);
    const inChunks = (size: number) =>
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < body.length; at += size) controller.enqueue(body.slice(at, at + size));
          controller.close();
        },
      });
    for (const [stream, headers] of [
      [inChunks(64 * 1024), { "content-length": String(body.length) }],
      [inChunks(1000), {}], // no length: the buffer grows
      [inChunks(body.length), { "content-length": String(body.length) }],
    ] as const) {
      const result = await parseMultipart(uploadRequest(stream, headers));
      const files = result.files as { originalName: string; bytes: Buffer }[];
      expect(files.map((file) => file.originalName)).toEqual(["stor.pdf", "liten.pdf", "stor2.pdf"]);
      expect(files.map((file) => Buffer.compare(file.bytes, [big, small, big.subarray(1000)][files.indexOf(file)]!))).toEqual([0, 0, 0]);
      // A small file after others in the same request gets a buffer of its own size.
      expect(files[1]!.bytes.buffer.byteLength).toBeLessThan(64 * 1024);
    }
  });

  it("refuses an empty file and ignores a file input left empty", async () => {
    const result = await parseMultipart(
      uploadRequest(
        multipartBody([
          { name: "fil", filename: "", content: new Uint8Array() },
          { name: "fil", filename: "tom.pdf", content: new Uint8Array() },
        ]),
      ),
    );
    expect(result.files).toEqual([{ fieldName: "fil", originalName: "tom.pdf", refused: "empty" }]);
  });

  it("accepts a file of exactly the limit, and refuses one byte more as too-large", async () => {
    const exact = await parseMultipart(uploadRequest(multipartBody([{ name: "fil", filename: "a.pdf", content: new Uint8Array(1000) }])), { maxFileBytes: 1000 });
    expect(exact.files[0]).toMatchObject({ bytes: expect.any(Buffer) });
    const over = await parseMultipart(
      uploadRequest(
        multipartBody([
          { name: "fil", filename: "b.pdf", content: new Uint8Array(1001) },
          { name: "fil", filename: "c.pdf", content: new Uint8Array(10) },
        ]),
      ),
      { maxFileBytes: 1000 },
    );
    expect(over.files).toEqual([{ fieldName: "fil", originalName: "b.pdf", refused: "too-large" }]);
    expect(over.truncated).toBe(true);
  });

  it("stops keeping a 30 MB file as soon as it passes 10 MB, and answers once the rest is thrown away", async () => {
    const { stream, stats } = countingUpload(30 * 1024 * 1024);
    const result = await parseMultipart(uploadRequest(stream));

    expect(result.fields).toEqual({ dokumenttype: "husleie" });
    expect(result.files).toEqual([{ fieldName: "fil", originalName: "stor.jpg", refused: "too-large" }]);
    expect(result.truncated).toBe(true);
    // The answer comes after the browser has sent everything (a plain form post would otherwise
    // see the connection close instead of the message), and the body was not cancelled.
    expect(stats.done).toBe(true);
    expect(stats.cancelled).toBe(false);
  });

  it("cancels the body when the whole request passes its limit", async () => {
    const { stream, stats } = countingUpload(30 * 1024 * 1024);
    const maxRequestBytes = 4 * 1024 * 1024;
    const error = await refusal(parseMultipart(uploadRequest(stream), { maxRequestBytes }));
    expect(error.code).toBe("request-too-large");
    await until(() => stats.cancelled);
    expect(stats.cancelled).toBe(true);
    expect(stats.pulledBytes).toBeLessThan(maxRequestBytes + 512 * 1024);
  });

  it("cancels a too-large file's rest once the request passes its limit", async () => {
    const { stream, stats } = countingUpload(30 * 1024 * 1024);
    const result = await parseMultipart(uploadRequest(stream), { maxRequestBytes: 16 * 1024 * 1024 });
    expect(result.files[0]).toMatchObject({ refused: "too-large" });
    await until(() => stats.cancelled);
    expect(stats.cancelled).toBe(true);
    expect(stats.done).toBe(false);
  });

  it("refuses up front when Content-Length is over the request limit", async () => {
    const error = await refusal(parseMultipart(uploadRequest("x".repeat(100), { "content-length": String(200 * 1024 * 1024) })));
    expect(error.code).toBe("request-too-large");
  });

  it("refuses files past the per-request number, one by one", async () => {
    const parts = Array.from({ length: 4 }, (_, i) => ({ name: "fil", filename: `side${i + 1}.jpg`, content: new Uint8Array([0xff, 0xd8, 0xff, i]) }));
    const result = await parseMultipart(uploadRequest(multipartBody(parts)), { maxFiles: 2 });
    expect(result.files.map((file) => ("refused" in file ? file.refused : "ok"))).toEqual(["ok", "ok", "too-many-files", "too-many-files"]);
  });

  it("turns a wrong boundary, a missing boundary and a non-multipart body into a typed error", async () => {
    const body = multipartBody([{ name: "fil", filename: "a.pdf", content: Buffer.from("%PDF-") }]);
    const wrongBoundary = uploadRequest(body, { "content-type": "multipart/form-data; boundary=something-else" });
    expect((await refusal(parseMultipart(wrongBoundary))).code).toBe("malformed");
    const noBoundary = uploadRequest(body, { "content-type": "multipart/form-data; charset=utf-8" });
    expect((await refusal(parseMultipart(noBoundary))).code).toBe("malformed");
    const json = uploadRequest("{}", { "content-type": "application/json" });
    expect((await refusal(parseMultipart(json))).code).toBe("malformed");
    const cutOff = uploadRequest(body.subarray(0, body.length - 20));
    expect((await refusal(parseMultipart(cutOff))).code).toBe("malformed");
  });

  it("refuses a field that is too long, and too many fields", async () => {
    const long = uploadRequest(multipartBody([{ name: "tekst", value: "x".repeat(9000) }]));
    expect((await refusal(parseMultipart(long))).code).toBe("malformed");
    const many = uploadRequest(multipartBody(Array.from({ length: 21 }, (_, i) => ({ name: `f${i}`, value: "1" }))));
    expect((await refusal(parseMultipart(many))).code).toBe("malformed");
  });
  it("refuses a malformed body only after reading it to its end, so the client gets the answer and not a reset", async () => {
    // A part header of 100 kB first (busboy gives up on it), then 2 MB more of the body on its way.
    const tooLong = Buffer.from(partHead({ name: "x".repeat(100_000), value: "" }));
    let pulls = 0;
    const stats = { done: false, cancelled: false };
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        pulls++;
        await new Promise((resolve) => setTimeout(resolve, 2)); // arriving over a network, not all at once
        if (pulls === 1) controller.enqueue(new Uint8Array(tooLong));
        else if (pulls <= 33) controller.enqueue(new Uint8Array(64 * 1024));
        else {
          stats.done = true;
          controller.close();
        }
      },
      cancel() {
        stats.cancelled = true;
      },
    });
    const error = await refusal(parseMultipart(uploadRequest(stream)));
    expect(error.code).toBe("malformed");
    expect(stats.done).toBe(true);
    expect(stats.cancelled).toBe(false);
  });
});
