import { PassThrough, type Writable } from "node:stream";
import { buffer } from "node:stream/consumers";

/**
 * The bytes of a rendered document, collected from React's `pipe` into one buffer.
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
  return withoutZeroBytes(await buffer(body));
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
