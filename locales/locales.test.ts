import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");
const languages = ["nb", "nn", "en"] as const;

function leaves(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

function load(language: string) {
  const dir = path.join(root, "locales", language);
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .map((file) => [file.replace(/\.json$/, ""), JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as unknown]),
  );
}

const byLanguage = Object.fromEntries(languages.map((language) => [language, load(language)]));
const keysOf = (language: string) =>
  new Set(Object.entries(byLanguage[language]!).flatMap(([namespace, content]) => leaves(content).map((key) => `${namespace}:${key}`)));

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("translations", () => {
  it("has every key in nb, nn and en", () => {
    const all = new Set(languages.flatMap((language) => [...keysOf(language)]));
    const missing = languages.flatMap((language) => {
      const own = keysOf(language);
      return [...all].filter((key) => !own.has(key)).map((key) => `${language}: ${key}`);
    });
    expect(missing).toEqual([]);
  });

  it("has no empty texts, and the same {{placeholders}} in every language", () => {
    const problems: string[] = [];
    for (const key of keysOf("nb")) {
      const [namespace, keyPath] = key.split(":") as [string, string];
      const texts = languages.map((language) => keyPath.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], byLanguage[language]![namespace]));
      const placeholders = texts.map((text) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(","));
      if (texts.some((text) => typeof text !== "string" || text.trim() === "")) problems.push(`empty: ${key}`);
      if (new Set(placeholders).size > 1) problems.push(`placeholders differ: ${key}`);
    }
    expect(problems).toEqual([]);
  });

  it("uses every key somewhere in the code", () => {
    const code = [...sourceFiles(path.join(root, "app")), ...sourceFiles(path.join(root, "mocks"))].map((file) => fs.readFileSync(file, "utf8")).join("\n");
    const unused = [...keysOf("nb")].filter((key) => {
      const [namespace, keyPath] = key.split(":") as [string, string];
      const base = keyPath.replace(/_(zero|one|two|few|many|other)$/, "");
      const literals = [base, `${namespace}:${base}`].flatMap((candidate) => [`"${candidate}"`, `'${candidate}'`, `\`${candidate}\``]);
      if (literals.some((literal) => code.includes(literal))) return false;
      // A key built from a template such as t(`testUsers.${id}`) counts for every key under it.
      const parts = base.split(".");
      for (let length = parts.length - 1; length > 0; length--) {
        const prefix = parts.slice(0, length).join(".");
        if (code.includes(`\`${prefix}.\${`) || code.includes(`\`${namespace}:${prefix}.\${`)) return false;
      }
      return true;
    });
    expect(unused).toEqual([]);
  });
});
