import type { Resource } from "i18next";
import { languages, type Language } from "./languages";
export { defaultNamespace } from "./languages";

const files = import.meta.glob("../../locales/*/*.json", { eager: true, import: "default" }) as Record<string, Record<string, unknown>>;

/** All translations, by language and namespace (one namespace per file in `locales/<lang>/`). */
export const resources: Resource = Object.fromEntries(languages.map((lang) => [lang, {}]));
for (const [file, content] of Object.entries(files)) {
  const match = /locales\/([a-z]{2})\/([\w-]+)\.json$/.exec(file);
  if (!match) continue;
  const [, lang, namespace] = match as unknown as [string, string, string];
  const bucket = resources[lang];
  if (bucket) bucket[namespace] = content;
}

export const namespaces = Object.keys(resources.nb ?? {});

const subsets = new Map<string, Resource>();

/**
 * The translations a page needs (see `namespacesFor`): whole namespaces and subtrees such as
 * `soknad:drafts`. Made once per language and list and then shared, so every request for the
 * same kind of page gets the same object (and the same i18n instance, app/i18n/i18n.ts).
 */
export function resourcesFor(language: Language, wanted: readonly string[]): Resource {
  const cacheKey = `${language}|${wanted.join(",")}`;
  let subset = subsets.get(cacheKey);
  if (!subset) {
    const all = resources[language] ?? {};
    const picked: Record<string, Record<string, unknown>> = {};
    for (const entry of wanted) {
      const [namespace = "", path] = entry.split(":", 2) as [string, string | undefined];
      const content = all[namespace] as Record<string, unknown> | undefined;
      if (!content) continue;
      if (path === undefined) {
        picked[namespace] = content;
        continue;
      }
      const parts = path.split(".");
      let node: unknown = content;
      for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
      if (node === undefined) continue;
      // Copy the path down to the subtree; the subtree itself is shared.
      let target = (picked[namespace] ??= {});
      if (target === content) continue;
      parts.forEach((part, index) => {
        if (index === parts.length - 1) target[part] = node;
        else target = (target[part] ??= {}) as Record<string, unknown>;
      });
    }
    subset = { [language]: picked };
    subsets.set(cacheKey, subset);
  }
  return subset;
}

const serialized = new Map<string, string>();

/**
 * `resourcesFor` as one JSON string, made once per language and list: what the root loader
 * sends. Remix's encoder (turbo-stream) walks an object's every key and text on every request
 * (about a thousand on a status page); a string it writes as it is (docs/decisions/037).
 */
export function resourcesJsonFor(language: Language, wanted: readonly string[]): string {
  const cacheKey = `${language}|${wanted.join(",")}`;
  let json = serialized.get(cacheKey);
  if (json === undefined) {
    json = JSON.stringify(resourcesFor(language, wanted));
    serialized.set(cacheKey, json);
  }
  return json;
}
