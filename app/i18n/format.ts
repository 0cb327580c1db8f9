import { intlLocale, type Language } from "./languages";

/**
 * Intl formatters are costly to make (tens of microseconds each, and a page formats many
 * dates) and cheap to reuse: one per locale and options, made on first use. The key space
 * is small and fixed (three languages × the few option sets below).
 */
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateTimeFormat(language: Language, key: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const cacheKey = `date|${intlLocale[language]}|${key}`;
  let formatter = formatters.get(cacheKey) as Intl.DateTimeFormat | undefined;
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(intlLocale[language], options);
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

function numberFormat(language: Language, key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `number|${intlLocale[language]}|${key}`;
  let formatter = formatters.get(cacheKey) as Intl.NumberFormat | undefined;
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale[language], options);
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

export function formatDate(value: Date | string, language: Language, style: "long" | "short" = "long"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return dateTimeFormat(language, `date-${style}`, {
    dateStyle: style === "long" ? "long" : "short",
    timeZone: "Europe/Oslo",
  }).format(date);
}

export function formatDateTime(value: Date | string, language: Language): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return dateTimeFormat(language, "date-time", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" }).format(date);
}

export function formatTime(value: Date | string, language: Language): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return dateTimeFormat(language, "time", { timeStyle: "short", timeZone: "Europe/Oslo" }).format(date);
}

/**
 * An amount in kroner: whole kroner without decimals ("7 850 kr"), and with øre always two
 * digits ("1 754,50 kr", "NOK 1,754.50"), as a bank or a letter from NAV writes them. The
 * amount is rounded to øre first, so 1754.004 is whole kroner. Every amount the portal shows
 * (payments, decisions, the summary and the PDF) is written here.
 */
export function formatMoney(amount: number, language: Language): string {
  const ore = Math.round(amount * 100);
  const digits = ore % 100 === 0 ? 0 : 2;
  return numberFormat(language, `money-${digits}`, { style: "currency", currency: "NOK", minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ore / 100 + 0); // + 0: no "-0 kr"
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  let age = day.getUTCFullYear() - y;
  const beforeBirthday = day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}
