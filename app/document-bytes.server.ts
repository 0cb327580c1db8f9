import { PassThrough, type Writable } from "node:stream";
import { buffer } from "node:stream/consumers";

/**
 * The bytes of a rendered document, collected from React's `pipe` into one buffer, with what
 * React streams after the shell moved into the body (see `withTailInBody`).
 *
 * React 18.3's stream renderer fills 2 kB buffers; when a character of two or more bytes (æ, ø,
 * å) does not fit at the end of one, it still writes the whole buffer, with zero bytes where the
 * character did not fit (facebook/react#31134). The page then carries NUL characters: in text
 * the browser drops them, in the hydration data they become U+FFFD. A NUL is never a legitimate
 * part of an HTML document, and a zero byte is never part of another character in UTF-8, so every
 * zero byte is removed.
 */
export async function documentBytes(pipe: (destination: Writable) => void): Promise<Buffer<ArrayBuffer>> {
  const body = new PassThrough();
  pipe(body);
  return withTailInBody(withoutZeroBytes(await buffer(body)));
}

const END = Buffer.from("</body></html>", "latin1");

/**
 * React ends the shell with `</body></html>` and writes what completes later (Remix's data
 * scripts, finished Suspense boundaries) after it: not valid HTML ("stray start tag"), though a
 * browser puts it at the end of the body anyway. The whole document is here before it is sent,
 * so that tail goes before `</body>`: the same page in the browser, valid as sent. The first
 * `</body></html>` is the shell's end; text and data in the page never hold a raw `<`.
 */
export function withTailInBody(bytes: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  const end = bytes.indexOf(END);
  if (end === -1 || end + END.length === bytes.length) return bytes;
  return Buffer.concat([bytes.subarray(0, end), bytes.subarray(end + END.length), END]) as Buffer<ArrayBuffer>;
}

export function withoutZeroBytes(bytes: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> {
  let at = bytes.indexOf(0);
  if (at === -1) return bytes;
  const kept = Buffer.allocUnsafe(bytes.length);
  let length = 0;
  let from = 0;
  while (at !== -1) {
    length += bytes.copy(kept, length, from, at);
    from = at + 1;
    at = bytes.indexOf(0, from);
  }
  length += bytes.copy(kept, length, from);
  return kept.subarray(0, length);
}
