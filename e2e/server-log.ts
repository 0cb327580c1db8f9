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

/**
 * The entries of a log that are errors nobody handled: the portal's own "[error]" (Remix's
 * handleError) and "[server]" (Express's error handler) lines, and any stack trace that does
 * not belong to a tagged line. The portal's deliberate logs start with a "[tag]" (for example
 * "[login] person lookup failed"), sometimes with the error's stack: those are expected.
 */
export function unexpectedErrors(log: string): string[] {
  const entries: string[][] = [];
  for (const line of log.split("\n")) {
    if (/^\S/.test(line) || entries.length === 0) entries.push([line]);
    else entries.at(-1)!.push(line);
  }
  return entries
    .filter(([head = "", ...rest]) => {
      if (/^\[(error|server)\]/.test(head)) return true;
      const stack = rest.some((line) => /^\s+at .+(\(.*:\d+:\d+\)|:\d+:\d+)$/.test(line));
      return stack && !/^\[[\w/-]+\]/.test(head);
    })
    .map((entry) => entry.slice(0, 6).join("\n"));
}
