/**
 * The deadline to complain about a decision: three weeks (forvaltningsloven § 29), counted here
 * from the decision's time, to the end of that day in Norway. Plain TypeScript: the decision page,
 * the complaint's steps and its PDF all read it from here.
 */
export const KLAGE_DAYS = 21;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The day in Norway (YYYY-MM-DD) of an instant. */
export function osloDay(instant: Date | string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
}

/** The last day to complain about a decision made at `fattet` (an instant on that day). */
export function klagefrist(fattet: string): string {
  return new Date(Date.parse(fattet) + KLAGE_DAYS * DAY_MS).toISOString();
}

/** Late when the last day has passed in Norway. */
export function isLate(fattet: string, now: Date): boolean {
  return osloDay(now) > osloDay(klagefrist(fattet));
}
