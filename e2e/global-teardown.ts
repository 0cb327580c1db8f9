/**
 * After every journey of the run: the portals' logs hold no personal data (issue 16, docs/decisions/030).
 *
 * Reads what this run's two portals wrote (data/e2e-<port>.log: each portal's `tee` starts its file
 * afresh, so only this run's lines) and looks for every person the fagsystem mock knows (the seeded
 * personas, their spouses and children, and the synthetic applicants tests added): fødselsnummer, also
 * as read aloud ("123456 78901"), full name and first and last name, street address; the staff users'
 * names and NAV idents; and the names of the files the upload tests send. A hit outside the audit
 * stream (app/nks/audit.server.ts: the CEF lines, the one place a fnr belongs) fails the run with
 * the line.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PORTAL, SHORT_SESSION_PORTAL } from "../playwright.config";
import { seed, staffUsers } from "../mocks/personas";
import { STATE_FILE } from "../mocks/state";
import { serverLogFile } from "./server-log";

type Needle = { what: string; text: string };

/** The audit stream's lines: a staff lookup names the person here, and only here. */
const isAuditLine = (line: string) => line.startsWith("CEF:0|NAV|sosialhjelp-portal|") && line.includes("|audit:access|");

/** Every fnr, name and street address in a person's record, wherever in it they are (the person, a spouse, a child). */
function needlesOf(value: unknown, found: Needle[]): Needle[] {
  if (Array.isArray(value)) value.forEach((item) => needlesOf(item, found));
  if (typeof value !== "object" || value === null) return found;
  const record = value as Record<string, unknown>;
  if (typeof record.fnr === "string" && /^\d{11}$/.test(record.fnr)) {
    found.push({ what: "fnr", text: record.fnr }, { what: "fnr", text: `${record.fnr.slice(0, 6)} ${record.fnr.slice(6)}` });
  }
  if (typeof record.fornavn === "string" && typeof record.etternavn === "string") {
    const middle = typeof record.mellomnavn === "string" && record.mellomnavn ? ` ${record.mellomnavn}` : "";
    found.push({ what: "name", text: `${record.fornavn}${middle} ${record.etternavn}` }, { what: "name", text: `${record.fornavn} ${record.etternavn}` });
  }
  if (typeof record.adressenavn === "string" && typeof record.husnummer === "string") found.push({ what: "address", text: `${record.adressenavn} ${record.husnummer}` });
  for (const [key, child] of Object.entries(record)) if (key !== "fnr") needlesOf(child, found);
  return found;
}

/** The persons of a mock: as this run's mock stored them (with any synthetic applicants), and as it seeds them today. */
function persons(port: number): unknown[] {
  const stored = path.resolve(`data/e2e-${port}`, STATE_FILE);
  const state = fs.existsSync(stored) ? (JSON.parse(fs.readFileSync(stored, "utf8")) as { persons?: { folkeregister?: unknown }[] }) : {};
  return [...(state.persons ?? []), ...seed(new Date()).persons].map((person) => person.folkeregister);
}

/** The names of the files the specs upload (`name: "kontoutskrift.pdf"`). */
function uploadedFileNames(): Needle[] {
  const names = new Set<string>();
  const specs = path.dirname(fileURLToPath(import.meta.url));
  for (const file of fs.readdirSync(specs).filter((name) => name.endsWith(".spec.ts"))) {
    const source = fs.readFileSync(path.join(specs, file), "utf8");
    for (const match of source.matchAll(/\bname: "([^"/\\]{3,80}\.(?:pdf|png|jpe?g|heic|gif|txt|docx?))"/gi)) names.add(match[1]!);
  }
  return [...names].map((text) => ({ what: "file name", text }));
}

/** "file:line: a fnr "…" in: <the line, shortened>" for each hit outside the audit stream. */
export function personalDataIn(file: string, log: string, needles: readonly Needle[]): string[] {
  const hits: string[] = [];
  log.split("\n").forEach((line, index) => {
    if (isAuditLine(line)) return;
    const needle = needles.find((candidate) => line.includes(candidate.text));
    if (needle) hits.push(`${file}:${index + 1}: ${needle.what} "${needle.text}" in: ${line.length > 300 ? `${line.slice(0, 300)}…` : line}`);
  });
  return hits;
}

export default async function globalTeardown() {
  const ports = [PORTAL, SHORT_SESSION_PORTAL].map((url) => Number(new URL(url).port));
  const hits: string[] = [];
  for (const port of ports) {
    const file = serverLogFile(port);
    if (!fs.existsSync(file)) throw new Error(`no portal log at ${file}: the personal-data check has nothing to read`);
    const needles = [
      ...persons(port).flatMap((person) => needlesOf(person, [])),
      ...staffUsers.flatMap((user) => [
        { what: "staff name", text: user.name },
        { what: "NAV ident", text: user.navIdent },
      ]),
      ...uploadedFileNames(),
    ];
    // The longest first: a hit names the whole name rather than a part of it.
    const unique = [...new Map(needles.map((needle) => [needle.text, needle])).values()].sort((a, b) => b.text.length - a.text.length);
    hits.push(...personalDataIn(path.relative(process.cwd(), file), fs.readFileSync(file, "utf8"), unique));
  }
  if (hits.length > 0) {
    throw new Error(`Personal data in the portal's log, outside the audit stream (${hits.length} lines):\n${hits.slice(0, 20).join("\n")}${hits.length > 20 ? "\n…" : ""}`);
  }
}
