/**
 * The locale check: every text in every language against the rules of docs/glossary.md (forms the
 * glossary rules out, English "complain" about a decision, the wrong quotation marks), plurals in
 * every language, and readability (LIX). A failure names the key and the reason.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { lix } from "./lix";

const root = path.resolve(__dirname, "..");
const languages = ["nb", "nn", "en"] as const;
type Language = (typeof languages)[number];

function flatten(node: unknown, prefix: string, out: Map<string, string>) {
  if (node && typeof node === "object") {
    for (const [key, child] of Object.entries(node)) flatten(child, prefix.endsWith(":") ? `${prefix}${key}` : `${prefix}.${key}`, out);
  } else if (typeof node === "string") out.set(prefix, node);
}

function texts(language: Language): Map<string, string> {
  const out = new Map<string, string>();
  const dir = path.join(root, "locales", language);
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    flatten(JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")), `${file.replace(/\.json$/, "")}:`, out);
  }
  return out;
}

const byLanguage = Object.fromEntries(languages.map((language) => [language, texts(language)])) as Record<Language, Map<string, string>>;

/** `\b` as a word boundary that knows letters beyond ASCII (æ, ø, å, ò), which JavaScript's does not. */
const letterBoundary = String.raw`(?:(?<![\p{L}\p{N}])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}])(?![\p{L}\p{N}]))`;

export type GlossaryRule = { languages: Language[]; pattern: RegExp; reason: string; allowedIn: (key: string) => boolean };

/** "ns:key, ns:prefix.* (why)" → a test for keys where the form is right after all. */
function allowedKeys(cell: string): (key: string) => boolean {
  const keys = cell.replace(/\([^)]*\)/g, "").split(",").map((key) => key.trim()).filter(Boolean);
  return (key) => keys.some((allowed) => (allowed.endsWith(".*") ? key.startsWith(allowed.slice(0, -1)) : key === allowed));
}

/** The rows of the glossary's "Rules the locale check enforces" table. */
export function glossaryRules(markdown: string): GlossaryRule[] {
  const section = markdown.split(/^## Rules the locale check enforces$/m)[1]?.split(/^## /m)[0] ?? "";
  return section.split("\n").flatMap((line) => {
    const row = /^\| (nb|nn|en|no) \| `(.+)` \| (.+?) \|(.*)\|$/.exec(line);
    if (!row) return [];
    const [, language, source, reason, allowed] = row as unknown as [string, string, string, string, string];
    const caseless = source.startsWith("(?i)");
    const body = (caseless ? source.slice(4) : source).replaceAll("\\|", "|").replaceAll("\\b", letterBoundary);
    return [
      {
        languages: language === "no" ? ["nb", "nn"] : [language as Language],
        pattern: new RegExp(body, caseless ? "iu" : "u"),
        reason: reason.trim(),
        allowedIn: allowedKeys(allowed),
      },
    ];
  });
}

const rules = glossaryRules(fs.readFileSync(path.join(root, "docs", "glossary.md"), "utf8"));

describe("the locale check", () => {
  it("reads the glossary's rules", () => {
    expect(rules.length).toBeGreaterThan(20);
    // Word boundaries know Norwegian letters: "òg" alone is caught, "også" and "lòg" are not.
    const og = rules.find((rule) => rule.pattern.source.includes("òg"))!;
    expect(og.pattern.test("Du kan òg levere")).toBe(true);
    expect(og.pattern.test("Du kan også levere")).toBe(false);
    const born = rules.find((rule) => rule.pattern.source.includes("born"))!;
    expect(born.pattern.test("to born")).toBe(true);
    expect(born.pattern.test("Borna dine")).toBe(true);
    expect(born.pattern.test("bornholmsk")).toBe(false);
    const complain = rules.find((rule) => rule.pattern.source.includes("complain"))!;
    expect(complain.allowedIn("info:privacy.rights.complaint")).toBe(true);
    expect(complain.allowedIn("innsyn:vedtakPage.klageBody")).toBe(false);
  });

  it("finds no text the glossary rules out", () => {
    const problems: string[] = [];
    for (const rule of rules) {
      for (const language of rule.languages) {
        for (const [key, text] of byLanguage[language]) {
          if (rule.pattern.test(text) && !rule.allowedIn(key)) problems.push(`${language} ${key}: ${rule.reason} — “${text}”`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("has every plural form in every language", () => {
    const problems: string[] = [];
    for (const language of languages) {
      const keys = byLanguage[language];
      for (const key of keys.keys()) {
        const base = /^(.*)_(one|other)$/.exec(key)?.[1];
        if (base && (!keys.has(`${base}_one`) || !keys.has(`${base}_other`))) problems.push(`${language} ${key}: a plural needs both _one and _other`);
        if (base && keys.has(base)) problems.push(`${language} ${key}: a plural key also exists without its suffix`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("keeps every text of 20 words or more at LIX 50 or below", () => {
    const problems: string[] = [];
    for (const language of languages) {
      for (const [key, text] of byLanguage[language]) {
        const { words, value } = lix(text);
        if (words >= 20 && value > 50) problems.push(`${language} ${key}: LIX ${value.toFixed(1)} (${words} words) is hard to read; shorten the sentences or the words`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("measures LIX as the editors' tool does", () => {
    // 4 words, 1 sentence, 2 long words ("Søknaden", "behandlet"): 4 + 50.
    expect(lix("Søknaden er nå behandlet.").value).toBeCloseTo(54);
    expect(lix("Du har {{count}} nye vedtak. Les dem.").value).toBeCloseTo(3);
  });
});
