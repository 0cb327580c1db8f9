/**
 * The one way a request body that is not an upload is read (docs/decisions/021). Every action
 * calls `readForm` with the kind of route it is; uploads (multipart/form-data to the upload
 * places) have their own streaming reader in app/vedlegg/multipart.server.ts.
 *
 * - The bytes are counted as they arrive, with or without a Content-Length: a body over the
 *   route's limit is refused (413) as soon as it is known to be, never held whole; one whose
 *   Content-Length says it is over is refused before a byte is read.
 * - Only `application/x-www-form-urlencoded` in UTF-8 is a form (415 otherwise); one that is not
 *   valid in that encoding (a broken %-escape, bytes that are not UTF-8) is a 400.
 * - A refusal is a thrown Response, so the page is the language's error page ($lang's
 *   ErrorBoundary), and what the action would have done is not done.
 *
 * What nobody read of a body (a refusal, a redirect to login, a route without an action) is
 * thrown away after the answer by `discardUnreadBody` (server.ts), up to a limit.
 */
import type { IncomingMessage } from "node:http";
import { MAX_REQUEST_BYTES } from "./vedlegg/limits";

const KB = 1024;

/**
 * How large a form each kind of route takes. `small`: logins, logout, start, delete, the session
 * (a few short fields; anyone can post to the anonymous ones). `step`: a step of the søknad, whose
 * longest texts are a few thousand characters.
 */
export const FORM_LIMITS = { small: 16 * KB, step: 256 * KB } as const;
export type FormKind = keyof typeof FORM_LIMITS;

export type BodyRefusal = "too-large" | "not-a-form" | "unreadable";
const STATUS: Record<BodyRefusal, number> = { "too-large": 413, "not-a-form": 415, unreadable: 400 };

/** The thrown answer: the error page for the status (app/shell/ErrorPage.tsx), JSON for resource routes. */
function refusal(reason: BodyRefusal): Response {
  return Response.json({ refused: reason }, { status: STATUS[reason] });
}

const FORM_TYPE = "application/x-www-form-urlencoded";

/** `application/x-www-form-urlencoded`, with no charset or UTF-8. */
function isUrlEncodedForm(contentType: string): boolean {
  const [type = "", ...parameters] = contentType.split(";");
  if (type.trim().toLowerCase() !== FORM_TYPE) return false;
  return parameters.every((parameter) => {
    const [name = "", value = ""] = parameter.split("=", 2).map((part) => part.trim().toLowerCase());
    return name !== "charset" || ["utf-8", "utf8", '"utf-8"'].includes(value);
  });
}

/** The whole body if it is at most `limit` bytes, or null as soon as it is more (what came is dropped). */
async function readAtMost(body: ReadableStream<Uint8Array>, limit: number, declared: number | null): Promise<Buffer | null> {
  const reader = body.getReader();
  // With a Content-Length (already known to be within the limit) one buffer of that size.
  let buffer = Buffer.allocUnsafe(declared ?? Math.min(limit, 8 * KB));
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return buffer.subarray(0, size);
      if (size + value.byteLength > limit) return null;
      if (size + value.byteLength > buffer.length) {
        const grown = Buffer.allocUnsafe(Math.min(limit, Math.max(size + value.byteLength, buffer.length * 2)));
        buffer.copy(grown, 0, 0, size);
        buffer = grown;
      }
      buffer.set(value, size);
      size += value.byteLength;
    }
  } finally {
    // Not cancel(): that would close the connection before the answer is written. What is left
    // is thrown away after the answer (discardUnreadBody).
    reader.releaseLock();
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The form's fields in order, or null when the body is not valid urlencoded UTF-8. */
export function parseUrlEncoded(bytes: Uint8Array): URLSearchParams | null {
  const form = new URLSearchParams();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  try {
    for (const pair of text.split("&")) {
      if (pair === "") continue;
      const index = pair.indexOf("=");
      const name = index < 0 ? pair : pair.slice(0, index);
      const value = index < 0 ? "" : pair.slice(index + 1);
      // decodeURIComponent refuses a broken %-escape and escaped bytes that are not UTF-8.
      form.append(decodeURIComponent(name.replace(/\+/g, " ")), decodeURIComponent(value.replace(/\+/g, " ")));
    }
  } catch {
    return null;
  }
  return form;
}

/**
 * The form posted to an action, read within the route kind's limit. Throws the refusal
 * (413, 415 or 400) as a Response. An empty body is an empty form, whatever its type.
 */
export async function readForm(request: Request, kind: FormKind): Promise<URLSearchParams> {
  const limit = FORM_LIMITS[kind];
  const encoding = request.headers.get("Content-Encoding");
  if (encoding !== null && encoding.trim().toLowerCase() !== "identity") throw refusal("not-a-form");
  const lengthHeader = request.headers.get("Content-Length");
  // Node's HTTP parser has already refused a Content-Length that is not a number.
  const declared = lengthHeader === null ? null : Number(lengthHeader);
  if (declared !== null && declared > limit) throw refusal("too-large");
  const contentType = request.headers.get("Content-Type");
  if (contentType !== null && !isUrlEncodedForm(contentType)) {
    if (declared === 0 || !request.body) return new URLSearchParams();
    throw refusal("not-a-form");
  }
  if (!request.body || declared === 0) return new URLSearchParams();
  const bytes = await readAtMost(request.body, limit, declared);
  if (bytes === null) throw refusal("too-large");
  if (bytes.length === 0) return new URLSearchParams();
  if (contentType === null) throw refusal("not-a-form");
  const form = parseUrlEncoded(bytes);
  if (!form) throw refusal("unreadable");
  return form;
}

/**
 * A body nobody reads is read to its end and thrown away, up to a limit, before the connection is
 * used again: a client that is still sending when the answer comes (a browser posting a form)
 * sees the answer instead of a reset connection. Past the limit the reading stops and, after a
 * moment for the client to take the answer, the connection is closed. Nothing is kept.
 */
export const DISCARD_LIMITS = {
  /** Bytes thrown away after the answer, for a form. */
  formBytes: 1024 * KB,
  /** For a multipart upload, as much as the upload reader itself reads (MAX_REQUEST_BYTES). */
  uploadBytes: MAX_REQUEST_BYTES,
  /** How long the connection stays open once the limit is reached: long enough for a client on a busy machine (or a slow phone) to read the answer first (2 s was not, in the resilience suite). */
  lingerMs: 10_000,
};

/** Throws away what is left of `request`'s body (see DISCARD_LIMITS). Call once the answer is sent, or before a refusal. */
export function discardUnreadBody(request: IncomingMessage): void {
  if (request.complete || request.destroyed || request.readableEnded) return;
  const upload = /^multipart\/form-data/i.test(request.headers["content-type"] ?? "");
  const limit = upload ? DISCARD_LIMITS.uploadBytes : DISCARD_LIMITS.formBytes;
  // A reader that gave up (the Remix request's stream) no longer takes the bytes.
  request.removeAllListeners("data");
  let discarded = 0;
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded <= limit || request.isPaused()) return;
    request.pause();
    setTimeout(() => request.destroy(), DISCARD_LIMITS.lingerMs).unref();
  });
  request.on("error", () => {}); // the client went away: nothing to do
  request.resume();
}
