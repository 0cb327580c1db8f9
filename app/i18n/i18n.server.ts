import { RemixI18Next } from "remix-i18next/server";
import { defaultLanguage, languageOfPath, languages } from "./languages";
import { defaultNamespace, resources } from "./resources";

/** Server-side translation outside React (page titles, PDFs, messages built in actions). */
export const remixI18n = new RemixI18Next({
  detection: {
    supportedLanguages: [...languages],
    fallbackLanguage: defaultLanguage,
    // The language lives in the URL; nothing else decides it for a page.
    findLocale: async (request) => languageOfPath(new URL(request.url).pathname) ?? defaultLanguage,
  },
  i18next: { resources, defaultNS: defaultNamespace, fallbackLng: false, interpolation: { escapeValue: false } },
});
