/**
 * Reads a multipart/form-data upload from a Remix action's `Request` as a stream, with a hard
 * limit on each file, on the number of files and fields, and on the whole request. Nothing
 * unbounded is ever buffered.
 *
 * When a file passes MAX_FILE_BYTES the parser stops reading at once and answers: that file
 * is `too-large`, and parts after it are not read (`truncated`). A form should therefore put
 * its text fields (document type, CSRF token) before its file input; browsers send parts in
 * the order of the form. The rest of the body is then pulled and thrown away in the
 * background, up to MAX_REQUEST_BYTES, so the browser, still sending, gets to see the answer
 * instead of a reset connection.
 */
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";
import { displayName } from "./file-name";
import { MAX_FILE_BYTES, MAX_FILES_PER_DOCUMENT, MAX_REQUEST_BYTES, type RequestRefusalCode } from "./limits";

export type ParsedFile =
  | { fieldName: string; originalName: string; bytes: Buffer }
  | { fieldName: string; originalName: string; refused: "too-large" | "too-many-files" | "empty" };

export type ParsedUpload = {
  fields: Record<string, string | string[]>;
  /** In the order they came; `originalName` is already sanitised display text. */
  files: ParsedFile[];
  /** A file was too large, and parts after it were not read. */
  truncated: boolean;
};

/** The whole request is refused: `malformed` → 400, `request-too-large` → 413. */
export class MultipartError extends Error {
  constructor(
    readonly code: RequestRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = "MultipartError";
  }
}

export type MultipartLimits = {
  maxFileBytes: number;
  maxFiles: number;
  maxRequestBytes: number;
  maxFields: number;
  maxFieldBytes: number;
};

const DEFAULT_LIMITS: MultipartLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxFiles: MAX_FILES_PER_DOCUMENT,
  maxRequestBytes: MAX_REQUEST_BYTES,
  maxFields: 20,
  maxFieldBytes: 8 * 1024,
};

function addField(fields: ParsedUpload["fields"], name: string, value: string) {
  const existing = fields[name];
  if (existing === undefined) fields[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else fields[name] = [existing, value];
}

/** Room a file starts with when the request does not say how long it is. */
const INITIAL_FILE_CAPACITY = 256 * 1024;
/** A file that leaves more room than this unused in its buffer is copied into one of its own size. */
const MAX_UNUSED_BYTES = 64 * 1024;

/** A buffer with room for `needed` bytes (`hint` the first time, then doubling, up to `max`), holding the first `used` bytes of `buffer`. */
function grown(buffer: Buffer, used: number, needed: number, hint: number, max: number): Buffer {
  const capacity = Math.max(needed, Math.min(max, buffer.length === 0 ? hint : buffer.length * 2));
  const next = Buffer.allocUnsafeSlow(capacity);
  buffer.copy(next, 0, 0, used);
  return next;
}

/** The first `size` bytes; a small file in a big buffer gets a buffer of its own, so the rest is freed. */
function fitted(buffer: Buffer, size: number): Buffer {
  if (buffer.length - size <= MAX_UNUSED_BYTES) return buffer.subarray(0, size);
  const own = Buffer.allocUnsafeSlow(size);
  buffer.copy(own, 0, 0, size);
  return own;
}

export function parseMultipart(request: Request, limits: Partial<MultipartLimits> = {}): Promise<ParsedUpload> {
  const { maxFileBytes, maxFiles, maxRequestBytes, maxFields, maxFieldBytes } = { ...DEFAULT_LIMITS, ...limits };

  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    return Promise.reject(new MultipartError("malformed", "Expected a multipart/form-data body"));
  }
  const declaredLength = Number(request.headers.get("content-length"));
  if (declaredLength > maxRequestBytes) {
    void request.body.cancel().catch(() => {});
    return Promise.reject(new MultipartError("request-too-large", `Content-Length ${declaredLength} is over ${maxRequestBytes}`));
  }

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8", // browsers send file names as raw UTF-8
      limits: {
        // busboy reports a limit when a part *reaches* it; one more byte lets a file of exactly the limit through.
        fileSize: maxFileBytes + 1,
        fieldSize: maxFieldBytes + 1,
        fieldNameSize: 100,
        fields: maxFields,
        // Files past maxFiles are counted and refused here, not silently skipped by busboy.
        files: maxFiles + 50,
        parts: maxFields + maxFiles + 50,
        headerPairs: 20,
      },
    });
  } catch (error) {
    return Promise.reject(new MultipartError("malformed", (error as Error).message));
  }

  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);

  return new Promise<ParsedUpload>((resolve, reject) => {
    const fields: ParsedUpload["fields"] = {};
    const files: (ParsedFile | null)[] = []; // null: still arriving, or a part with no file chosen
    let fileCount = 0;
    let openFiles = 0;
    let parserClosed = false;
    let received = 0;
    let currentChunk = 0; // the length of the chunk the parser is reading
    let settled = false;

    const discardRest = () => {
      parser.removeAllListeners("drain");
      // Not synchronously: busboy is still inside its 'limit' emit and touches the file stream after it.
      process.nextTick(() => parser.destroy());
      source.resume();
    };

    const fail = (code: RequestRefusalCode, message: string) => {
      if (settled) return;
      settled = true;
      const refuse = () => reject(new MultipartError(code, message));
      if (code === "request-too-large") {
        source.destroy(); // stop pulling: cancels the request body
        process.nextTick(() => parser.destroy()); // we may be inside one of busboy's emits
        return refuse();
      }
      // A body we cannot read is still taken to its end (thrown away, at most the request limit)
      // before the answer, as in finish(): answered mid-body, the client sees the connection
      // reset instead of our message.
      discardRest();
      if (source.readableEnded || source.destroyed) return refuse();
      source.once("end", refuse);
      source.once("close", refuse);
      source.once("error", refuse);
    };

    const finish = (truncated: boolean) => {
      if (settled) return;
      settled = true;
      const result = { fields, files: files.filter((file): file is ParsedFile => file !== null), truncated };
      if (!truncated) return resolve(result);
      // Nothing more is kept, but the answer waits until the browser has sent the rest (at most
      // the request limit, thrown away as it comes): a browser posting a plain form that gets its
      // answer mid-upload sees the connection close, not our message.
      discardRest();
      const answer = () => resolve(result);
      if (source.readableEnded || source.destroyed) return answer();
      source.once("end", answer);
      source.once("close", answer);
      source.once("error", answer);
    };

    const maybeDone = () => {
      if (parserClosed && openFiles === 0) finish(false);
    };

    source.on("data", (chunk: Buffer) => {
      received += chunk.length;
      currentChunk = chunk.length;
      if (received > maxRequestBytes) {
        if (settled) source.destroy();
        else fail("request-too-large", `The request is over ${maxRequestBytes} bytes`);
        return;
      }
      if (settled) return; // thrown away
      if (!parser.write(chunk)) {
        source.pause();
        parser.once("drain", () => source.resume());
      }
    });
    source.on("end", () => {
      if (!settled) parser.end();
    });
    source.on("error", (error) => fail("malformed", `The request body could not be read: ${error.message}`));

    parser.on("field", (name, value, info) => {
      if (info.nameTruncated || info.valueTruncated) return fail("malformed", `Field ${name} is too long`);
      addField(fields, name, value);
    });
    parser.on("fieldsLimit", () => fail("malformed", "Too many fields"));
    parser.on("partsLimit", () => fail("malformed", "Too many parts"));
    parser.on("filesLimit", () => fail("malformed", "Too many files"));

    parser.on("file", (fieldName, stream, info) => {
      const index = files.push(null) - 1;
      const originalName = displayName(info.filename ?? "");
      const noFileChosen = !info.filename;
      if (!noFileChosen && ++fileCount > maxFiles) {
        files[index] = { fieldName, originalName, refused: "too-many-files" };
        stream.resume();
        return;
      }
      openFiles++;
      // The bytes go straight into one buffer as they come: no list of chunks and no second,
      // joined copy (docs/decisions/017). A file is no longer than what is left of the body
      // from the chunk it starts in, so with a Content-Length a one-file request (the usual
      // case) never grows or copies it.
      const capacityHint = Math.min(maxFileBytes + 1, declaredLength > 0 ? Math.max(1, declaredLength - received + currentChunk) : INITIAL_FILE_CAPACITY);
      let buffer: Buffer = Buffer.allocUnsafeSlow(0);
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        if (size + chunk.length > buffer.length) buffer = grown(buffer, size, size + chunk.length, capacityHint, maxFileBytes + 1);
        chunk.copy(buffer, size);
        size += chunk.length;
      });
      stream.on("limit", () => {
        buffer = Buffer.allocUnsafeSlow(0);
        files[index] = { fieldName, originalName, refused: "too-large" };
        finish(true);
      });
      stream.on("error", () => {}); // the parser reports the same error
      stream.on("end", () => {
        openFiles--;
        if (settled) return;
        if (noFileChosen && size === 0) files[index] = null;
        else if (size === 0) files[index] = { fieldName, originalName, refused: "empty" };
        else files[index] = { fieldName, originalName, bytes: fitted(buffer, size) };
        maybeDone();
      });
    });
    parser.on("error", (error: Error) => fail("malformed", `Malformed multipart body: ${error.message}`));
    parser.on("close", () => {
      parserClosed = true;
      maybeDone();
    });
  });
}
