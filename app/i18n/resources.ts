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


export function resourcesFor(language: Language): Resource {
  return { [language]: resources[language] ?? {} };
}
