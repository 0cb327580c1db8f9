import { en, nb, nn } from "@navikt/ds-react/locales";
import type { Language } from "./languages";

type AkselLocale = typeof nb;
/** An Aksel locale without its date-fns locale (functions): plain text, sent with the root loader's data. */
export type AkselTranslations = Omit<AkselLocale, "global"> & { global: Omit<AkselLocale["global"], "dateLocale"> };

function withoutDateLocale(locale: AkselLocale): AkselTranslations {
  const { dateLocale: _dateLocale, ...global } = locale.global;
  return { ...locale, global };
}

const byLanguage: Record<Language, AkselTranslations> = { nb: withoutDateLocale(nb), nn: withoutDateLocale(nn), en: withoutDateLocale(en) };

/**
 * The texts of Aksel's components (Lukk, Steg 1 av 3, …) in the page's language. The page gets
 * them as data, so the browser loads only bokmål's Aksel locale (the Provider's default) instead
 * of all three with their date-fns locales. The portal has no date picker, the only user of the
 * date-fns locale; add `dateLocale` to the Provider's locale before adding one.
 */
export function akselTranslations(language: Language): AkselTranslations {
  return byLanguage[language];
}
