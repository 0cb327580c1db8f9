/**
 * Deadlines for call-back requests (ring tilbake): when the NAV office must have called a person
 * the contact centre asked it to call, from the moment the request was filed, how urgent it is
 * and the office's opening hours (NORG's `apningstider`, Norwegian wall-clock time).
 *
 * Plain TypeScript with type-only imports: the fagsystem mock computes the deadline it publishes
 * with it, and the portal's pages can use the same calendar (is the on-call phone open now? is
 * the deadline today?) in the browser or on the server.
 *
 * The rules, in one place:
 * - Time is Norwegian time (Europe/Oslo, with summer time): "15:00" is 15:00 on the office's
 *   wall clock, winter or summer.
 * - A working day (virkedag) is Monday to Friday, except the public holidays (helligdager, see
 *   publicHolidays). An office day is a working day on which the office has opening hours.
 * - I_DAG ("today: the person may lack food, a place to sleep or heat tonight"): within 2 hours,
 *   and no later than the office closes that day. When fewer than 2 hours are left, the deadline is
 *   the closing time. Filed while the office is closed (before opening, after closing, at a
 *   weekend or on a holiday), the 2 hours run from the next opening, again no later than that
 *   day's closing. The person's need tonight is then met by the municipality's emergency service
 *   (the advisor's page says so); the office's part is to call first thing.
 * - TO_VIRKEDAGER: by the office's closing time on the second office day after the day it was
 *   filed. As for statutory deadlines counted in days (domstolloven § 148), the day it was filed
 *   does not count, whatever the time: filed on Monday, at 09:00 or at 20:00, it is due on
 *   Wednesday at closing; filed on a Saturday, on Tuesday.
 * - NAR_DET_PASSER ("when it suits"): counted the same way, over 5 office days, a week of office
 *   days. We chose 5 because a request nobody must hurry with still needs a deadline, or it is the
 *   one forgotten (Helsetilsynet's finding); a week is what an office can promise without
 *   putting it ahead of anything urgent.
 * - An office whose opening hours are missing or unreadable is taken to keep ordinary working
 *   hours (DEFAULT_APNINGSTIDER), so a deadline is always computed, never left out.
 * - 24 and 31 December are not public holidays. Offices that close early then would need a
 *   calendar of closures, which NORG's format does not carry.
 */
import type { Hastegrad, NavKontor } from "../fagsystem/contract";

export type Apningstider = NavKontor["apningstider"];

/** The 2 hours of I_DAG. */
export const I_DAG_MS = 2 * 60 * 60 * 1000;
/** Office days to call within, after the day it was filed. */
export const OFFICE_DAYS: Readonly<Record<Exclude<Hastegrad, "I_DAG">, number>> = { TO_VIRKEDAGER: 2, NAR_DET_PASSER: 5 };

/** Ordinary working hours, for an office NORG gives no usable hours for. */
export const DEFAULT_APNINGSTIDER: Apningstider = (["MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG"] as const).map((dag) => ({ dag, fra: "08:00", til: "15:30" }));

/** Weekdays as NORG names them, Sunday first like Date.getUTCDay(). */
export const WEEKDAYS = ["SONDAG", "MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG", "LORDAG"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const DAY_MS = 24 * 60 * 60 * 1000;
const OSLO = "Europe/Oslo";

/* ---------- dates (YYYY-MM-DD) ---------- */

const utcMidnight = (date: string) => Date.parse(`${date}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A YYYY-MM-DD date `days` days after `date` (negative: before). */
export const addDays = (date: string, days: number): string => isoDay(utcMidnight(date) + days * DAY_MS);

/** The weekday of a calendar date. */
export const weekdayOf = (date: string): Weekday => WEEKDAYS[new Date(utcMidnight(date)).getUTCDay()]!;

/**
 * Easter Sunday of a year in the Gregorian calendar, by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher). Norway's moving holidays all follow from it.
 */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export type Holiday = { date: string; name: string };

/**
 * The public holidays (helligdager and høytidsdager, lov om helligdager og helligdagsfred § 1 and
 * lov om 1. og 17. mai som høgtidsdager) that can fall on a weekday, in date order. Easter Sunday
 * and Whit Sunday are holidays too, but always Sundays, so they change no count. Two can fall on
 * one date (Whit Monday was 17 May in 2027): both are listed.
 */
export function publicHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: `${year}-01-01`, name: "Første nyttårsdag" },
    { date: addDays(easter, -3), name: "Skjærtorsdag" },
    { date: addDays(easter, -2), name: "Langfredag" },
    { date: addDays(easter, 1), name: "Andre påskedag" },
    { date: `${year}-05-01`, name: "Offentlig høytidsdag" },
    { date: `${year}-05-17`, name: "Grunnlovsdag" },
    { date: addDays(easter, 39), name: "Kristi himmelfartsdag" },
    { date: addDays(easter, 50), name: "Andre pinsedag" },
    { date: `${year}-12-25`, name: "Første juledag" },
    { date: `${year}-12-26`, name: "Andre juledag" },
  ];
  return holidays.sort((a, b) => a.date.localeCompare(b.date));
}

/** Per year, the holiday dates: a queue page asks for a few dozen days, the same years each time. */
const holidayDates = new Map<number, Set<string>>();

export function isPublicHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let dates = holidayDates.get(year);
  if (!dates) {
    dates = new Set(publicHolidays(year).map((holiday) => holiday.date));
    holidayDates.set(year, dates);
  }
  return dates.has(date);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = weekdayOf(date);
  return weekday !== "LORDAG" && weekday !== "SONDAG" && !isPublicHoliday(date);
}

/* ---------- Norwegian wall-clock time ---------- */

const wallClockFormat = new Intl.DateTimeFormat("en-US", {
  timeZone: OSLO,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Oslo's wall clock at an instant, as if it were UTC (milliseconds dropped). */
function wallClockMs(instant: Date): number {
  const parts = wallClockFormat.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)?.value);
  return Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
}

/** How far Oslo's clock is ahead of UTC at an instant: one hour in winter, two in summer. */
const osloOffsetMs = (instant: Date) => wallClockMs(instant) - Math.floor(instant.getTime() / 1000) * 1000;

/** The calendar date in Norway at an instant (YYYY-MM-DD). */
export const osloDate = (instant: Date | string): string => isoDay(wallClockMs(new Date(instant)));

/** The time of day in Norway at an instant, as "HH:MM". */
export const osloTimeOfDay = (instant: Date | string): string => new Date(wallClockMs(new Date(instant))).toISOString().slice(11, 16);

/** The weekday in Norway at an instant. */
export const osloWeekday = (instant: Date | string): Weekday => weekdayOf(osloDate(instant));

/**
 * The instant a Norwegian wall clock shows `minutes` after midnight on `date`. Two passes, because
 * the offset at the guess may differ from the offset at the answer on the days the clocks change.
 * A time the clocks skip (02:00–03:00 on the last Sunday of March) comes out an hour later; office
 * hours never fall there.
 */
export function osloInstant(date: string, minutes: number): Date {
  const wall = utcMidnight(date) + minutes * 60_000;
  let instant = wall - osloOffsetMs(new Date(wall));
  const offset = osloOffsetMs(new Date(instant));
  if (wall - offset !== instant) instant = wall - offset;
  return new Date(instant);
}

/* ---------- opening hours ---------- */

export type Opening = { fra: Date; til: Date };

/** "08:00" (or "8.00") as minutes after midnight; null when it is not a time of day. */
function minutesOf(time: string): number | null {
  const match = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/.exec(time.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** The usable entries: readable times, opening before closing. None usable: the default hours. */
function usable(apningstider: Apningstider): { dag: Weekday; fra: number; til: number }[] {
  const read = (hours: Apningstider) =>
    hours.flatMap(({ dag, fra, til }) => {
      const from = minutesOf(fra);
      const to = minutesOf(til);
      return from !== null && to !== null && from < to ? [{ dag, fra: from, til: to }] : [];
    });
  const entries = read(apningstider);
  return entries.length > 0 ? entries : read(DEFAULT_APNINGSTIDER);
}

/**
 * The office's openings on a date, earliest first, as instants: none at a weekend, on a public
 * holiday or on a weekday it has no hours. A day may have more than one (a lunch break).
 */
export function openingsOn(apningstider: Apningstider, date: string): Opening[] {
  if (!isWorkingDay(date)) return [];
  const weekday = weekdayOf(date);
  return usable(apningstider)
    .filter((entry) => entry.dag === weekday)
    .sort((a, b) => a.fra - b.fra)
    .map((entry) => ({ fra: osloInstant(date, entry.fra), til: osloInstant(date, entry.til) }));
}

/** Open at `at`: within one of the day's openings, from its opening time up to (not at) its closing time. */
export function isOfficeOpen(apningstider: Apningstider, at: Date): boolean {
  return openingsOn(apningstider, osloDate(at)).some((opening) => opening.fra <= at && at < opening.til);
}

/** The most days looked ahead for an opening: Easter and Christmas close offices for four days at most. */
const HORIZON_DAYS = 60;

/**
 * The opening `at` falls in, or else the next one to begin. Always found: every office has hours
 * (the default ones if need be), and no stretch of holidays is longer than a few days.
 */
export function nextOpening(apningstider: Apningstider, at: Date): Opening {
  const start = osloDate(at);
  for (let offset = 0; offset <= HORIZON_DAYS; offset++) {
    const found = openingsOn(apningstider, addDays(start, offset)).find((opening) => at < opening.til);
    if (found) return found;
  }
  throw new Error(`no opening within ${HORIZON_DAYS} days of ${at.toISOString()}`);
}

/** When the office closes for the day on `date` (its last opening's end), or null on a day it is closed. */
export function closingOn(apningstider: Apningstider, date: string): Date | null {
  return openingsOn(apningstider, date).at(-1)?.til ?? null;
}

/** The `count`th office day after `date` (the date itself not counted). */
export function officeDaysAfter(apningstider: Apningstider, date: string, count: number): string {
  let day = date;
  for (let found = 0, seen = 0; found < count; seen++) {
    if (seen > 366) throw new Error(`no ${count} office days within a year of ${date}`);
    day = addDays(day, 1);
    if (openingsOn(apningstider, day).length > 0) found++;
  }
  return day;
}

/* ---------- the deadline ---------- */

/** When the office must have called, for a request filed at `filed` (see the rules at the top). */
export function callbackDeadline(filed: Date, hastegrad: Hastegrad, apningstider: Apningstider): Date {
  if (hastegrad === "I_DAG") {
    const opening = nextOpening(apningstider, filed);
    const from = Math.max(filed.getTime(), opening.fra.getTime());
    const closing = closingOn(apningstider, osloDate(opening.fra)) ?? opening.til;
    return new Date(Math.min(from + I_DAG_MS, closing.getTime()));
  }
  const day = officeDaysAfter(apningstider, osloDate(filed), OFFICE_DAYS[hastegrad]);
  // officeDaysAfter only lands on days with openings.
  return closingOn(apningstider, day)!;
}

/** Past the deadline (at the deadline itself, still in time). */
export function isOverdue(deadline: Date | string, now: Date): boolean {
  return now.getTime() > new Date(deadline).getTime();
}

/**
 * How to say when the deadline is, from the person's point of view at `now`: today, tomorrow, or
 * on a weekday and date ("NAV Hamar ringer deg i dag / innen tirsdag 12. mai").
 */
export function deadlineDay(deadline: Date | string, now: Date): { when: "I_DAG" | "I_MORGEN" | "SENERE"; date: string; weekday: Weekday } {
  const date = osloDate(deadline);
  const today = osloDate(now);
  return { when: date <= today ? "I_DAG" : date === addDays(today, 1) ? "I_MORGEN" : "SENERE", date, weekday: weekdayOf(date) };
}
