/**
 * What the test portals write (playwright.config.ts tees each one's output to
 * data/e2e-<port>.log), for tests that must leave no unexpected error behind.
 */
import fs from "node:fs";
import path from "node:path";

export function serverLogFile(port: number): string {
  return path.resolve(`data/e2e-${port}.log`);
}

/** Where the log ends now: read from here with `logSince`. */
export function logMark(port: number): number {
  try {
    return fs.statSync(serverLogFile(port)).size;
  } catch {
    return 0;
  }
}

export function logSince(port: number, mark: number): string {
  const file = serverLogFile(port);
  if (!fs.existsSync(file)) throw new Error(`no server log at ${file}: is the portal started by playwright.config.ts?`);
  const bytes = fs.readFileSync(file);
  return bytes.subarray(Math.min(mark, bytes.length)).toString("utf8");
}

/** A record of the portal's JSON log (app/log.server.ts). */
export type LogRecord = { level: string; area?: string; msg?: string; err?: { type?: string; message?: string; stack?: string } } & Record<string, unknown>;

/** The line as a record of the portal's log, or null for anything else (a CEF audit line, Vite's, Node's or the mock's own words). */
export function logRecord(line: string): LogRecord | null {
  if (!line.startsWith("{")) return null;
  try {
    const record = JSON.parse(line) as unknown;
    return typeof record === "object" && record !== null && typeof (record as LogRecord).level === "string" ? (record as LogRecord) : null;
  } catch {
    return null;
  }
}

export function logRecords(log: string): LogRecord[] {
  return log.split("\n").flatMap((line) => logRecord(line) ?? []);
}

/**
 * The areas whose errors nobody handled: Remix's handleError and a render that failed ("remix"),
 * Express's error handler ("express") and the server's own start and stop ("server"). Every other
 * area logs an error it handled (the person saw a message), which a test may well cause.
 */
const UNHANDLED = new Set(["remix", "express", "server"]);

/**
 * The entries of a log that are errors nobody handled: an error (or fatal) record of the portal's
 * log without an area or in one of UNHANDLED, and any stack trace among the other lines that does
 * not belong to a tagged line (the fagsystem mock's "[fagsystem-mock]" are expected).
 */
export function unexpectedErrors(log: string): string[] {
  const found: string[] = [];
  const entries: string[][] = [];
  let entry: string[] | undefined;
  for (const line of log.split("\n")) {
    const record = logRecord(line);
    if (record) {
      entry = undefined;
      if ((record.level === "error" || record.level === "fatal") && (record.area === undefined || UNHANDLED.has(record.area))) {
        const stack = record.err?.stack?.split("\n").slice(1, 5) ?? [];
        found.push([`[${record.area ?? "no area"}] ${record.msg ?? ""}${record.err ? `: ${record.err.type}: ${record.err.message}` : ""}`, ...stack].join("\n"));
      }
    } else if (/^\S/.test(line) || !entry) entries.push((entry = [line]));
    else entry.push(line);
  }
  for (const [head = "", ...rest] of entries) {
    const stack = rest.some((line) => /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/.test(line));
    if (stack && !/^\[[\w/-]+\]/.test(head)) found.push([head, ...rest].slice(0, 6).join("\n"));
  }
  return found;
}
