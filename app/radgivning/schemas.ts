/**
 * The advice form's rules, on the server (the browser's counter and `required` only help). Error
 * messages are translation keys; the fagsystem's contract checks the same request again.
 */
import { z } from "zod";
import { MAX_RADGIVNING_TEXT } from "~/fagsystem/limits";
import { cleanMessageText } from "~/meldinger/text";
import { once } from "~/shell/once";

export const CONTACT_WAYS = ["TELEFON", "MELDING", "BREV"] as const;
export type ContactWay = (typeof CONTACT_WAYS)[number];
export const CALL_TIMES = ["FORMIDDAG", "ETTERMIDDAG", "HELE_DAGEN"] as const;
export type CallTime = (typeof CALL_TIMES)[number];

/** The form's fields, as typed: what the page shows again after a refusal. */
export type AdviceFormValues = { beskrivelse: string; kontaktmate: string; telefonnummer: string; kontakttid: string };

/**
 * A phone number as people write it ("412 34 501", "+47 412-34-501", "0047 41234501") to digits
 * with an optional leading +; null when it is not 8 to 15 digits.
 */
export function normalisePhone(input: string): string | null {
  const compact = input.trim().replace(/[\s\u00a0\-().]/g, "").replace(/^00/, "+");
  return /^\+?\d{8,15}$/.test(compact) ? compact : null;
}

// Built on first use (once): the advice form takes the option lists above from this module, not zod.
const fieldsSchema = once(() =>
  z.object({
    beskrivelse: z
      .string()
      .transform(cleanMessageText)
      .pipe(z.string().min(1, "radgivning:errors.beskrivelseRequired").max(MAX_RADGIVNING_TEXT, "radgivning:errors.beskrivelseTooLong")),
    kontaktmate: z.enum(CONTACT_WAYS, { errorMap: () => ({ message: "radgivning:errors.kontaktmateRequired" }) }),
    // An unknown time is no time: the field is optional, and a tampered value is not worth a refusal.
    kontakttid: z.string().transform((value) => ((CALL_TIMES as readonly string[]).includes(value) ? (value as CallTime) : null)),
  }),
);

/** The phone number when the person asked to be called: normalised, or the key of what is wrong with it. */
const phoneSchema = once(() =>
  z
    .string()
    .refine((value) => value.trim() !== "", "radgivning:errors.telefonRequired")
    .transform((value, ctx) => {
      const phone = value.length <= 100 ? normalisePhone(value) : null;
      if (phone === null) ctx.addIssue({ code: "custom", message: "radgivning:errors.telefonInvalid" });
      return phone ?? z.NEVER;
    }),
);

export type AdviceForm = {
  beskrivelse: string;
  kontaktmate: ContactWay;
  telefonnummer: string | null;
  kontakttid: CallTime | null;
};

/**
 * The form as the request the contract takes, or every field's first error at once (a phone
 * number that is wrong is said together with a missing text). The phone number and the time to
 * call count only with "Ring meg".
 */
export function parseAdviceForm(values: AdviceFormValues): { ok: true; form: AdviceForm } | { ok: false; errors: Record<string, string> } {
  const fields = fieldsSchema().safeParse(values);
  const calling = values.kontaktmate === "TELEFON";
  const phone = calling ? phoneSchema().safeParse(values.telefonnummer) : null;
  const errors: Record<string, string> = fields.success ? {} : fieldErrorsOf(fields.error);
  if (phone && !phone.success) errors.telefonnummer = phone.error.issues[0]!.message;
  if (!fields.success || (phone && !phone.success)) return { ok: false, errors };
  return {
    ok: true,
    form: {
      beskrivelse: fields.data.beskrivelse,
      kontaktmate: fields.data.kontaktmate,
      telefonnummer: phone?.success ? phone.data : null,
      kontakttid: calling ? fields.data.kontakttid : null,
    },
  };
}

/** The first error of each field, as translation keys. */
function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
