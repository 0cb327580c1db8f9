/**
 * The portal's own texts, read from locales/<lang>/<namespace>.json, so a test can find
 * a label in whichever language it runs in: `text("nn", "soknad-behov", "category.husleie")`.
 * A missing key throws, so a renamed text fails the test that uses it instead of
 * silently looking for the wrong words.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Language } from "./fixtures";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "locales");
const cache = new Map<string, Record<string, unknown>>();

function namespace(language: Language, ns: string): Record<string, unknown> {
  const file = path.join(root, language, `${ns}.json`);
  let loaded = cache.get(file);
  if (!loaded) {
    loaded = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    cache.set(file, loaded);
  }
  return loaded;
}

/** The text at `key` (dotted) in `ns`, with `{{name}}` filled in from `values`. */
export function text(language: Language, ns: string, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = namespace(language, ns);
  for (const part of key.split(".")) {
    node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== "string") throw new Error(`No text ${language}/${ns}:${key}`);
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    if (!(name in values)) throw new Error(`${language}/${ns}:${key} needs a value for {{${name}}}`);
    return String(values[name]);
  });
}

/** `texts("nn")("soknad-behov:category.husleie")`: the same, with the namespace before a colon. */
export function texts(language: Language) {
  return (nsAndKey: string, values?: Record<string, string | number>) => {
    const colon = nsAndKey.indexOf(":");
    if (colon < 0) throw new Error(`Give the namespace: "${nsAndKey}"`);
    return text(language, nsAndKey.slice(0, colon), nsAndKey.slice(colon + 1), values);
  };
}

/**
 * The text as a pattern where each `{{name}}` without a value matches anything, for texts
 * that hold a date or time the test does not know.
 */
export function textPattern(language: Language, ns: string, key: string, values: Record<string, string | number> = {}): RegExp {
  const placeholder = "\u0000";
  const raw = text(
    language,
    ns,
    key,
    new Proxy(values, { has: () => true, get: (target, name: string) => (name in target ? target[name] : placeholder) }),
  );
  const escaped = raw.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").split(placeholder).join(".+?");
  return new RegExp(escaped);
}
