export const languages = ["nb", "nn", "en"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "nb";
/** Keys without a namespace prefix are looked up here. */
export const defaultNamespace = "common";

/**
 * The locale each page language uses for Intl (dates, times, amounts). Chromium ships no Intl
 * data for nynorsk and would fall back to American English, so the server's and the browser's
 * text would differ; nynorsk pages use bokmål's formats, which write dates and amounts the same.
 */
export const intlLocale: Record<Language, string> = { nb: "nb-NO", nn: "nb-NO", en: "en-GB" };

/** The BCP 47 tag of each language, for documents that declare their language (PDF /Lang). */
export const languageTag: Record<Language, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

/** The language of a path such as `/nn/soknad`, or null. */
export function languageOfPath(pathname: string): Language | null {
  const first = pathname.split("/")[1];
  return isLanguage(first) ? first : null;
}

/** The same page in another language: swaps or adds the first path segment. */
export function pathInLanguage(pathname: string, language: Language): string {
  const parts = pathname.split("/");
  if (isLanguage(parts[1])) parts[1] = language;
  else parts.splice(1, 0, language);
  const result = parts.join("/");
  return result.endsWith("/") && result.length > 1 ? result.slice(0, -1) : result;
}

export const LANGUAGE_COOKIE = "sprak";

/**
 * The language for `/`: the remembered choice, then the browser's Accept-Language,
 * then bokmål. Plain "no" counts as bokmål.
 */
export function negotiateLanguage(cookieHeader: string | null, acceptLanguage: string | null): Language {
  const remembered = cookieHeader
    ?.split(";")
    .map((part) => part.trim().split("="))
    .find(([name]) => name === LANGUAGE_COOKIE)?.[1];
  if (isLanguage(remembered)) return remembered;
  const ranked = (acceptLanguage ?? "")
    .split(",")
    .map((entry) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const primary = tag.split("-")[0];
    if (primary === "nn") return "nn";
    if (primary === "nb" || primary === "no") return "nb";
    if (primary === "en") return "en";
  }
  return defaultLanguage;
}
