import { en, nb, nn } from "@navikt/ds-react/locales";
import type { Language } from "./languages";

type AkselLocale = typeof nb;
/** An Aksel locale without its date-fns locale (functions): plain text, sent with the root loader's data. */
export type AkselTranslations = Omit<AkselLocale, "global"> & { global: Omit<AkselLocale["global"], "dateLocale"> };

function withoutDateLocale(locale: AkselLocale): AkselTranslations {
  const { dateLocale: _dateLocale, ...global } = locale.global;
  return { ...locale, global };
}

/**
 * Aksel's nynorsk has bokmål in two texts (8.15); the portal's nynorsk is nynorsk throughout.
 * app/i18n/aksel.server.test.ts checks every text of the nynorsk locale for bokmål words, so a
 * new one in a later Aksel is caught and set right here.
 */
function nynorsk(locale: AkselTranslations): AkselTranslations {
  return {
    ...locale,
    Combobox: { ...locale.Combobox, loading: "Søkjer…" },
    ProgressBar: { ...locale.ProgressBar, progressUnknown: "Framdrift kan ikkje bereknast, venta tid er {seconds} sekund." },
  };
}

const byLanguage: Record<Language, AkselTranslations> = { nb: withoutDateLocale(nb), nn: nynorsk(withoutDateLocale(nn)), en: withoutDateLocale(en) };

/**
 * The texts of Aksel's components (Lukk, Steg 1 av 3, …) in the page's language. The page gets
 * them as data, so the browser loads only bokmål's Aksel locale (the Provider's default) instead
 * of all three with their date-fns locales. The portal has no date picker, the only user of the
 * date-fns locale; add `dateLocale` to the Provider's locale before adding one.
 */
export function akselTranslations(language: Language): AkselTranslations {
  return byLanguage[language];
}

const serialized: Record<Language, string> = {
  nb: JSON.stringify(byLanguage.nb),
  nn: JSON.stringify(byLanguage.nn),
  en: JSON.stringify(byLanguage.en),
};

/** The same as one JSON string, made once: what the root loader sends (see resourcesJsonFor). */
export function akselTranslationsJson(language: Language): string {
  return serialized[language];
}
