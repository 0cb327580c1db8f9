import { RemixI18Next } from "remix-i18next/server";
import { defaultLanguage, languageOfPath, languages } from "./languages";
import { defaultNamespace, resources } from "./resources";

const remix = new RemixI18Next({
  detection: {
    supportedLanguages: [...languages],
    fallbackLanguage: defaultLanguage,
    // The language lives in the URL; nothing else decides it for a page.
    findLocale: async (request) => languageOfPath(new URL(request.url).pathname) ?? defaultLanguage,
  },
  i18next: { resources, defaultNS: defaultNamespace, fallbackLng: false, interpolation: { escapeValue: false } },
});

const makeFixedT = (locale: string) => remix.getFixedT(locale);
type FixedT = Awaited<ReturnType<typeof makeFixedT>>;

/**
 * remix-i18next makes a new i18next instance (with every language's translations) for each
 * getFixedT; the translations never change while the server runs, so one `t` per language is
 * made on first use and shared (a fixed `t` only reads).
 */
const fixedT = new Map<string, Promise<FixedT>>();

/** Server-side translation outside React (page titles, PDFs, messages built in actions). */
export const remixI18n = {
  getLocale: (request: Request) => remix.getLocale(request),
  async getFixedT(requestOrLocale: Request | string): Promise<FixedT> {
    const locale = typeof requestOrLocale === "string" ? requestOrLocale : await remix.getLocale(requestOrLocale);
    if (!(languages as readonly string[]).includes(locale)) return makeFixedT(locale);
    let t = fixedT.get(locale);
    if (!t) {
      t = makeFixedT(locale);
      fixedT.set(locale, t);
      t.catch(() => fixedT.delete(locale));
    }
    return t;
  },
};
