import { intlLocale, type Language } from "./languages";

export function formatDate(value: Date | string, language: Language, style: "long" | "short" = "long"): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[language], {
    dateStyle: style === "long" ? "long" : "short",
    timeZone: "Europe/Oslo",
  }).format(date);
}

export function formatDateTime(value: Date | string, language: Language): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[language], { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" }).format(date);
}

export function formatTime(value: Date | string, language: Language): string {
  const date = typeof value === "string" ? new Date(value) : value;
  return new Intl.DateTimeFormat(intlLocale[language], { timeStyle: "short", timeZone: "Europe/Oslo" }).format(date);
}

export function formatMoney(amount: number, language: Language): string {
  return new Intl.NumberFormat(intlLocale[language], { style: "currency", currency: "NOK", maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(amount);
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  let age = day.getUTCFullYear() - y;
  const beforeBirthday = day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d);
  if (beforeBirthday) age -= 1;
  return age;
}
