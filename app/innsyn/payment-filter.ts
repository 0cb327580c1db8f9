/**
 * The filters of the payments page, read from the query string (a GET form, so they work
 * without JavaScript), and the grouping of paid payments by month.
 */
import { z } from "zod";
import type { Utbetaling } from "./view";

export const paymentFilters = ["alle", "kommende", "siste-3-maneder", "i-ar", "i-fjor", "egendefinert"] as const;
export type PaymentFilter = (typeof paymentFilters)[number];

/** How far back a person can look (NAV keeps 15 months in innsyn). */
export const MAX_MONTHS_BACK = 15;

/** DD.MM.ÅÅÅÅ (what people type) or YYYY-MM-DD (what a date input sends) → YYYY-MM-DD. */
export function parseDateInput(value: string): string | null {
  const trimmed = value.trim();
  const norwegian = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const [year, month, day] = norwegian ? [norwegian[3], norwegian[2], norwegian[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return null;
  return date.toISOString().slice(0, 10);
}

/** Made on first use, so the page's browser code (which needs only `paymentFilters`) leaves zod out. */
let filterSchema: ReturnType<typeof makeFilterSchema> | undefined;
function makeFilterSchema() {
  return z.object({
    filter: z.enum(paymentFilters).catch("alle"),
    // An over-long date is kept short and then refused as an invalid date, with the message.
    fra: z.string().optional().transform((value) => value?.slice(0, 30)),
    til: z.string().optional().transform((value) => value?.slice(0, 30)),
  });
}

export type FilterError = "fra-invalid" | "til-invalid" | "fra-after-til" | "too-old";
export type PaymentQuery = {
  filter: PaymentFilter;
  /** What the person typed, to show it again. */
  input: { fra: string; til: string };
  /** The range paid payments must fall in (inclusive); null for no bound. */
  range: { from: string | null; to: string | null };
  /** Upcoming (planned) payments are listed. */
  upcoming: boolean;
  /** Paid and stopped payments are listed. */
  past: boolean;
  errors: Partial<Record<"fra" | "til", FilterError>>;
};

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

function monthsBack(now: Date, months: number): string {
  const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return isoDay(date);
}

export function parsePaymentQuery(searchParams: URLSearchParams, now: Date): PaymentQuery {
  filterSchema ??= makeFilterSchema();
  const parsed = filterSchema.parse({
    filter: searchParams.get("filter") ?? undefined,
    fra: searchParams.get("fra") ?? undefined,
    til: searchParams.get("til") ?? undefined,
  });
  const input = { fra: parsed.fra ?? "", til: parsed.til ?? "" };
  const earliest = monthsBack(now, MAX_MONTHS_BACK);
  const today = isoDay(now);
  const year = now.getUTCFullYear();
  const base = { filter: parsed.filter, input, errors: {} as PaymentQuery["errors"] };
  switch (parsed.filter) {
    case "kommende":
      return { ...base, range: { from: null, to: null }, upcoming: true, past: false };
    case "siste-3-maneder":
      return { ...base, range: { from: monthsBack(now, 3), to: today }, upcoming: false, past: true };
    case "i-ar":
      return { ...base, range: { from: `${year}-01-01`, to: `${year}-12-31` }, upcoming: true, past: true };
    case "i-fjor":
      return { ...base, range: { from: `${year - 1}-01-01`, to: `${year - 1}-12-31` }, upcoming: false, past: true };
    case "egendefinert": {
      const errors: PaymentQuery["errors"] = {};
      const from = input.fra ? parseDateInput(input.fra) : earliest;
      const to = input.til ? parseDateInput(input.til) : today;
      if (!from) errors.fra = "fra-invalid";
      else if (from < earliest) errors.fra = "too-old";
      if (!to) errors.til = "til-invalid";
      if (from && to && !errors.fra && from > to) errors.til = "fra-after-til";
      if (Object.keys(errors).length > 0) return { ...base, errors, range: { from: earliest, to: today }, upcoming: false, past: true };
      return { ...base, range: { from, to }, upcoming: (to ?? today) >= today, past: true };
    }
    default:
      return { ...base, range: { from: earliest, to: null }, upcoming: true, past: true };
  }
}

/** The day a payment belongs to: paid ones by payment date, others by due date. */
export const paymentDay = (payment: Pick<Utbetaling, "status" | "utbetalingsdato" | "forfallsdato">) =>
  (payment.status === "UTBETALT" ? (payment.utbetalingsdato ?? payment.forfallsdato) : payment.forfallsdato) ?? null;

export type MonthGroup<P> = { month: string; payments: P[] };

/** Upcoming payments (soonest first), and the others grouped by month (newest first) within the range. */
export function arrangePayments<P extends Utbetaling>(payments: readonly P[], query: PaymentQuery): { upcoming: P[]; months: MonthGroup<P>[] } {
  const inRange = (day: string | null) => day !== null && (!query.range.from || day >= query.range.from) && (!query.range.to || day <= query.range.to);
  const upcoming = query.upcoming
    ? payments
        .filter((payment) => payment.status === "PLANLAGT_UTBETALING" && (query.filter === "kommende" || query.filter === "alle" || inRange(paymentDay(payment))))
        .sort((a, b) => (paymentDay(a) ?? "").localeCompare(paymentDay(b) ?? ""))
    : [];
  const past = query.past
    ? payments.filter((payment) => payment.status !== "PLANLAGT_UTBETALING" && inRange(paymentDay(payment))).sort((a, b) => (paymentDay(b) ?? "").localeCompare(paymentDay(a) ?? ""))
    : [];
  const months: MonthGroup<P>[] = [];
  for (const payment of past) {
    const month = paymentDay(payment)!.slice(0, 7);
    const group = months.at(-1);
    if (group?.month === month) group.payments.push(payment);
    else months.push({ month, payments: [payment] });
  }
  return { upcoming, months };
}
