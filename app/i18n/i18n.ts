import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { defaultNamespace, type Language } from "./languages";

/** The instance made last for each language, with the translations it was made from. */
const instances = new Map<Language, { bundle: unknown; instance: i18n }>();

/**
 * One i18next instance for a page language. The same function runs on the server
 * and in the browser, from resources the root loader sends, so the first render
 * matches and the browser needs no extra request for translations.
 *
 * Made once per language and translations, not per render: on the server every page's
 * translations are the same objects (app/i18n/resources.ts), so all requests share one
 * instance per language, which they only read (t); nothing changes its language or
 * resources after init. In the browser a new instance comes when new translations do.
 */
export function createI18n(language: Language, resources: Resource): i18n {
  const bundle = resources[language];
  const cached = instances.get(language);
  if (cached && bundle !== undefined && cached.bundle === bundle) return cached.instance;
  const instance = makeInstance(language, resources);
  instances.set(language, { bundle, instance });
  return instance;
}

function makeInstance(language: Language, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources,
    ns: Object.keys(resources[language] ?? {}),
    defaultNS: defaultNamespace,
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  });
  return instance;
}
