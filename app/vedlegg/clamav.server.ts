/**
 * ClamAV: the real virus scanner (docs/decisions/029). Speaks clamd's own protocol over TCP or a
 * unix socket: `zINSTREAM\0`, the bytes in chunks each prefixed by its length (4 bytes, big-endian),
 * a zero-length chunk to end, then one NUL-terminated answer:
 *   "stream: OK" · "stream: <signature> FOUND" · "<why> ERROR" (e.g. "INSTREAM size limit exceeded. ERROR").
 * Anything but OK or FOUND (an error, no connection, no answer in time) refuses the file: fail closed.
 */
import net from "node:net";
import type { ScanResult, VirusScanner } from "./scanner.server";
import { logFor } from "~/log.server";

const log = logFor("clamav");

/** Where clamd listens: TCP (its default port is 3310) or a unix socket. */
export type ClamdAddress = { host: string; port: number } | { socket: string };

/** clamd reads chunks of any size up to StreamMaxLength; 64 KiB keeps each write small. */
const CHUNK_BYTES = 64 * 1024;
const NUL = 0;

function describe(address: ClamdAddress): string {
  return "socket" in address ? address.socket : `${address.host}:${address.port}`;
}

function frames(bytes: Uint8Array): Buffer[] {
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Buffer[] = [Buffer.from("zINSTREAM\0", "latin1")];
  for (let offset = 0; offset < all.length; offset += CHUNK_BYTES) {
    const chunk = all.subarray(offset, offset + CHUNK_BYTES);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(chunk.length);
    out.push(length, chunk);
  }
  out.push(Buffer.alloc(4)); // zero length: the end of the stream
  return out;
}

/**
 * Sends one command and reads clamd's NUL-terminated answer. Rejects when it cannot connect, when
 * no answer comes within `timeoutMs` (counted from the start, connecting included), or when the
 * connection closes without one.
 */
export function clamdExchange(address: ClamdAddress, request: Buffer[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = "socket" in address ? net.connect({ path: address.socket }) : net.connect({ host: address.host, port: address.port });
    const received: Buffer[] = [];
    let settled = false;
    const answer = () => {
      const all = Buffer.concat(received);
      const end = all.indexOf(NUL);
      return (end >= 0 ? all.subarray(0, end) : all).toString("utf8").trim();
    };
    const finish = (error: Error | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      if (error) reject(error);
      else resolve(answer());
    };
    const timer = setTimeout(() => finish(new Error(`no answer from clamd at ${describe(address)} within ${timeoutMs} ms`)), timeoutMs);
    socket.on("connect", () => {
      for (const part of request) socket.write(part);
    });
    socket.on("data", (data) => {
      received.push(data);
      if (data.includes(NUL)) finish(null);
    });
    socket.on("end", () => finish(received.length > 0 ? null : new Error(`clamd at ${describe(address)} closed the connection without an answer`)));
    // clamd answers a stream over StreamMaxLength and closes while the rest is still being written:
    // the write then fails, and the answer, if it came, is what counts.
    socket.on("error", (error) => finish(answer() ? null : new Error(`clamd at ${describe(address)}: ${error.message}`)));
  });
}

/** clamd's answer to INSTREAM as a scan result; any answer but OK or FOUND is an error. */
export function parseClamdAnswer(answer: string): ScanResult {
  if (answer === "stream: OK") return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(answer);
  if (found) return { clean: false, signature: found[1]! };
  return { clean: false, error: `clamd answered: ${answer.slice(0, 200) || "(nothing)"}` };
}

/** True when clamd at `address` answers PING with PONG within `timeoutMs`. */
export async function pingClamd(address: ClamdAddress, timeoutMs = 1000): Promise<boolean> {
  try {
    return (await clamdExchange(address, [Buffer.from("zPING\0", "latin1")], timeoutMs)) === "PONG";
  } catch {
    return false;
  }
}

/**
 * A scanner that sends each file to clamd. It never throws: a failed scan comes back as
 * `{ clean: false, error }`, which the pipeline turns into "try again". Logs carry the signature or
 * the reason, never the file's name or content.
 */
export function clamavScanner(address: ClamdAddress, timeoutMs: number): VirusScanner {
  return {
    async scan(bytes) {
      let result: ScanResult;
      try {
        result = parseClamdAnswer(await clamdExchange(address, frames(bytes), timeoutMs));
      } catch (error) {
        result = { clean: false, error: error instanceof Error ? error.message : String(error) };
      }
      if ("error" in result) log.error({ bytes: bytes.byteLength, error: result.error }, "scan failed, file refused");
      else if (!result.clean) log.warn({ signature: result.signature }, `found ${result.signature}, file refused`);
      return result;
    },
  };
}
