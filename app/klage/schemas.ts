/** The rules of the complaint's steps (zod), used by the server on every post. */
import { z } from "zod";
import { MAX_KLAGE_LATE_REASON, MAX_KLAGE_TEXT } from "~/fagsystem/limits";
import type { StepContext } from "./steps";

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
