import { PassThrough } from "node:stream";
import type { IncomingMessage } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DISCARD_LIMITS, discardUnreadBody, FORM_LIMITS, parseUrlEncoded, readForm } from "./request-body.server";

const FORM = "application/x-www-form-urlencoded";

/** A body that arrives in chunks and counts how much of it was pulled. */
function countedBody(chunks: Uint8Array[]) {
  const pulled = { bytes: 0, chunks: 0 };
  let index = 0;
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[index++];
        if (!chunk) return controller.close();
        pulled.bytes += chunk.byteLength;
        pulled.chunks++;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, pulled };
}

function post(body: BodyInit | ReadableStream<Uint8Array> | null, headers: Record<string, string> = {}) {
  return new Request("http://localhost/nb/logg-ut", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function refusalOf(promise: Promise<unknown>) {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown, "a refusal").toBeInstanceOf(Response);
  const response = thrown as Response;
  return { status: response.status, body: (await response.json()) as unknown };
}

const megabyteOf = (byte: string) => new Uint8Array(1024 * 1024).fill(byte.charCodeAt(0));

describe("readForm", () => {
  it("reads a urlencoded form in UTF-8, in order, repeated names and all", async () => {
    const form = await readForm(post("reason=inactive&a=1&a=%C3%B8+%C3%A6&b=&c", { "Content-Type": `${FORM};charset=UTF-8` }), "small");
    expect([...form]).toEqual([
      ["reason", "inactive"],
      ["a", "1"],
      ["a", "ø æ"],
      ["b", ""],
      ["c", ""],
    ]);
  });

  it("takes an empty body as an empty form, whatever it says it is", async () => {
    expect([...(await readForm(post(null), "small"))]).toEqual([]);
    expect([...(await readForm(post("", { "Content-Type": "application/json", "Content-Length": "0" }), "small"))]).toEqual([]);
  });

  it("refuses a Content-Length over the limit with 413 before reading a byte", async () => {
    const { stream, pulled } = countedBody([megabyteOf("a")]);
    const request = post(stream, { "Content-Type": FORM, "Content-Length": String(FORM_LIMITS.small + 1) });
    expect(await refusalOf(readForm(request, "small"))).toEqual({ status: 413, body: { refused: "too-large" } });
    expect(pulled.bytes).toBe(0);
  });

  it("refuses a body without a Content-Length (chunked) once it passes the limit, holding no more than the limit and a chunk", async () => {
    const chunk = new Uint8Array(4096).fill(0x61);
    const { stream, pulled } = countedBody(Array.from({ length: 25_600 }, () => chunk)); // 100 MB
    expect(await refusalOf(readForm(post(stream, { "Content-Type": FORM }), "small"))).toEqual({ status: 413, body: { refused: "too-large" } });
    expect(pulled.bytes).toBeLessThanOrEqual(FORM_LIMITS.small + chunk.byteLength);
  });

  it("takes a body of exactly the limit, and a step's bigger limit for steps", async () => {
    const exactly = `a=${"x".repeat(FORM_LIMITS.small - 2)}`;
    expect((await readForm(post(exactly, { "Content-Type": FORM }), "small")).get("a")).toHaveLength(FORM_LIMITS.small - 2);
    const bigger = `a=${"x".repeat(100 * 1024)}`;
    expect(await refusalOf(readForm(post(bigger, { "Content-Type": FORM }), "small"))).toMatchObject({ status: 413 });
    expect((await readForm(post(bigger, { "Content-Type": FORM }), "step")).get("a")).toHaveLength(100 * 1024);
    expect(await refusalOf(readForm(post(`a=${"x".repeat(FORM_LIMITS.step)}`, { "Content-Type": FORM }), "step"))).toMatchObject({ status: 413 });
  });

  it.each([
    ["JSON", "application/json", '{"reason":"inactive"}'],
    ["text/plain (a form trick from other sites)", "text/plain", "reason=inactive"],
    ["multipart outside the upload places", "multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--"],
    ["a form in another charset", `${FORM}; charset=iso-8859-1`, "reason=inactive"],
    ["no Content-Type at all", null, "reason=inactive"],
  ])("refuses %s with 415, without reading it", async (_, contentType, body) => {
    const { stream, pulled } = countedBody([new TextEncoder().encode(body)]);
    const headers: Record<string, string> = contentType ? { "Content-Type": contentType } : {};
    expect(await refusalOf(readForm(post(stream, headers), "small"))).toEqual({ status: 415, body: { refused: "not-a-form" } });
    if (contentType) expect(pulled.bytes).toBe(0);
  });

  it("refuses a compressed body with 415", async () => {
    expect(await refusalOf(readForm(post("reason=x", { "Content-Type": FORM, "Content-Encoding": "gzip" }), "small"))).toMatchObject({ status: 415 });
  });

  it.each([
    ["a broken %-escape", "a=%zz"],
    ["a cut-off %-escape", "a=%C"],
    ["an escaped byte that is not UTF-8", "a=%FF"],
    ["an escaped lone surrogate", "a=%ED%A0%80"],
  ])("refuses %s with 400", async (_, body) => {
    expect(await refusalOf(readForm(post(body, { "Content-Type": FORM }), "small"))).toEqual({ status: 400, body: { refused: "unreadable" } });
  });

  it("refuses raw bytes that are not UTF-8 with 400, and takes raw UTF-8 as curl sends it", async () => {
    const latin1 = new Uint8Array([0x61, 0x3d, 0xf8]); // "a=ø" in latin-1
    expect(await refusalOf(readForm(post(latin1, { "Content-Type": FORM }), "small"))).toMatchObject({ status: 400 });
    expect((await readForm(post("a=ø", { "Content-Type": FORM }), "small")).get("a")).toBe("ø");
  });
});

describe("parseUrlEncoded", () => {
  it("keeps NUL and other characters that are valid UTF-8 for the schemas to judge", () => {
    expect(parseUrlEncoded(new TextEncoder().encode("a=%00b&%E2%80%AE=x"))?.get("a")).toBe("\u0000b");
  });
});

/** An IncomingMessage stand-in: a stream with the few fields discardUnreadBody reads. */
function incoming(headers: Record<string, string> = {}) {
  const stream = new PassThrough({ autoDestroy: false });
  const closed = { byUs: false };
  const destroy = stream.destroy.bind(stream);
  stream.destroy = (error?: Error) => {
    closed.byUs = true;
    return destroy(error);
  };
  return { request: Object.assign(stream, { headers, complete: false }) as unknown as IncomingMessage & PassThrough, closed };
}

describe("discardUnreadBody", () => {
  // The real moment is long enough for a busy client; the tests do not need to wait for it.
  const linger = DISCARD_LIMITS.lingerMs;
  beforeEach(() => void (DISCARD_LIMITS.lingerMs = 300));
  afterEach(() => void (DISCARD_LIMITS.lingerMs = linger));
  it("throws away what is left of a form, up to its limit, and then closes the connection after a moment", async () => {
    const { request, closed } = incoming({ "content-type": FORM });
    let pending = 0;
    request.on("data", () => pending++); // the reader that gave up: it gets nothing more
    discardUnreadBody(request);
    const chunk = Buffer.alloc(64 * 1024);
    for (let sent = 0; sent <= DISCARD_LIMITS.formBytes; sent += chunk.length) request.write(chunk);
    await new Promise((resolve) => setImmediate(resolve));
    expect(pending).toBe(0);
    expect(request.isPaused(), "stopped reading past the limit").toBe(true);
    expect(closed.byUs).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, DISCARD_LIMITS.lingerMs + 100));
    expect(closed.byUs, "closed once the client had time to read the answer").toBe(true);
  });

  it("reads a body within the limit to its end and keeps the connection", async () => {
    const { request, closed } = incoming({ "content-type": FORM });
    discardUnreadBody(request);
    request.end(Buffer.alloc(100 * 1024));
    await new Promise((resolve) => request.once("end", resolve));
    await new Promise((resolve) => setTimeout(resolve, DISCARD_LIMITS.lingerMs + 100));
    expect(closed.byUs).toBe(false);
  });
});
