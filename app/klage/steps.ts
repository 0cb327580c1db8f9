/**
 * The complaint's four steps, their answers and the rules of each (zod). Plain TypeScript, no
 * server code: the page and the server check with the same schemas.
 */
import { z } from "zod";
import { MAX_KLAGE_LATE_REASON, MAX_KLAGE_TEXT } from "~/fagsystem/contract";

export const klageSteps = ["vedtak", "begrunnelse", "vedlegg", "oppsummering"] as const;
export type KlageStepId = (typeof klageSteps)[number];
export const isKlageStep = (value: unknown): value is KlageStepId => typeof value === "string" && (klageSteps as readonly string[]).includes(value);

export const nextKlageStep = (step: KlageStepId): KlageStepId | null => klageSteps[klageSteps.indexOf(step) + 1] ?? null;
export const previousKlageStep = (step: KlageStepId): KlageStepId | null => klageSteps[klageSteps.indexOf(step) - 1] ?? null;

/** The headings of the steps, written out so each key is visible in code. */
export const klageStepTitleKeys: Record<KlageStepId, string> = {
  vedtak: "klage:steps.vedtak.title",
  begrunnelse: "klage:steps.begrunnelse.title",
  vedlegg: "klage:steps.vedlegg.title",
  oppsummering: "klage:steps.oppsummering.title",
};

/** A decision of the søknad as the complaint shows it; kept in the draft so every step knows the deadline. */
export type KlageDecision = {
  letterId: string;
  fattet: string;
  utfall: "INNVILGET" | "DELVIS_INNVILGET" | "AVSLATT" | "AVVIST" | null;
  sakTittel: string | null;
};

export type KlageAnswers = {
  /** The søknad's decisions when the person last saw the first step. */
  decisions?: KlageDecision[];
  vedtak?: { vedtakIds: string[] };
  begrunnelse?: { tekst: string; forSentBegrunnelse: string | null };
  /** What was typed in a step that did not validate yet, as it was typed. */
  [raw: `utkast:${string}`]: Record<string, string | string[]> | undefined;
};

/** A complaint must reach the office within three weeks (forvaltningsloven § 29). */
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

/** The deadline that matters for a complaint about these decisions: the earliest. */
export function earliestDeadline(decisions: readonly KlageDecision[]): string | null {
  return decisions.map((decision) => klagefrist(decision.fattet)).sort()[0] ?? null;
}

export const chosenDecisions = (answers: KlageAnswers): KlageDecision[] => {
  const chosen = new Set(answers.vedtak?.vedtakIds ?? []);
  return (answers.decisions ?? []).filter((decision) => chosen.has(decision.letterId));
};

export type StepContext = { decisions: readonly KlageDecision[]; late: boolean };
export type ParsedStep<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const text = (max: number, required: string, tooLong: string) =>
  z
    .string({ required_error: required, invalid_type_error: required })
    .transform((value) => value.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(1, required).max(max, tooLong));

/** One form value, or the first of several. */
const one = (value: unknown) => (Array.isArray(value) ? value[0] : value);
const many = (value: unknown) => (Array.isArray(value) ? value : value === undefined || value === "" ? [] : [value]);

const errorsOf = (error: z.ZodError) => {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
};

export function parseVedtakStep(values: Record<string, unknown>, context: StepContext): ParsedStep<{ vedtakIds: string[] }> {
  const known = new Set(context.decisions.map((decision) => decision.letterId));
  const ids = [...new Set(many(values.vedtakIds).filter((id): id is string => typeof id === "string" && known.has(id)))];
  if (ids.length === 0) return { ok: false, errors: { vedtakIds: "klage:errors.vedtakRequired" } };
  // In the order the page lists them.
  return { ok: true, value: { vedtakIds: context.decisions.map((decision) => decision.letterId).filter((id) => ids.includes(id)) } };
}

export function parseBegrunnelseStep(values: Record<string, unknown>, context: StepContext): ParsedStep<{ tekst: string; forSentBegrunnelse: string | null }> {
  const schema = z.object({
    tekst: text(MAX_KLAGE_TEXT, "klage:errors.tekstRequired", "klage:errors.tekstTooLong"),
    forSentBegrunnelse: context.late
      ? text(MAX_KLAGE_LATE_REASON, "klage:errors.lateRequired", "klage:errors.lateTooLong")
      : z.unknown().transform(() => null),
  });
  const parsed = schema.safeParse({ tekst: one(values.tekst) ?? "", forSentBegrunnelse: one(values.forSentBegrunnelse) ?? "" });
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: errorsOf(parsed.error) };
}
