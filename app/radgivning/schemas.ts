/**
 * The advice form's rules, on the server (the browser's counter and `required` only help). Error
 * messages are translation keys; the fagsystem's contract checks the same request again.
 */
import { z } from "zod";
import { MAX_RADGIVNING_TEXT } from "~/fagsystem/limits";
import { cleanMessageText } from "~/meldinger/text";

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

export const adviceFormSchema = z
  .object({
    beskrivelse: z
      .string()
      .transform(cleanMessageText)
      .pipe(z.string().min(1, "radgivning:errors.beskrivelseRequired").max(MAX_RADGIVNING_TEXT, "radgivning:errors.beskrivelseTooLong")),
    kontaktmate: z.enum(CONTACT_WAYS, { errorMap: () => ({ message: "radgivning:errors.kontaktmateRequired" }) }),
    telefonnummer: z.string().max(100, "radgivning:errors.telefonInvalid"),
    // An unknown time is no time: the field is optional, and a tampered value is not worth a refusal.
    kontakttid: z.string().transform((value) => (CALL_TIMES as readonly string[]).includes(value) ? (value as CallTime) : null),
  })
  .transform((form, ctx) => {
    if (form.kontaktmate !== "TELEFON") return { beskrivelse: form.beskrivelse, kontaktmate: form.kontaktmate, telefonnummer: null, kontakttid: null };
    if (form.telefonnummer.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["telefonnummer"], message: "radgivning:errors.telefonRequired" });
      return z.NEVER;
    }
    const telefonnummer = normalisePhone(form.telefonnummer);
    if (!telefonnummer) {
      ctx.addIssue({ code: "custom", path: ["telefonnummer"], message: "radgivning:errors.telefonInvalid" });
      return z.NEVER;
    }
    return { beskrivelse: form.beskrivelse, kontaktmate: form.kontaktmate, telefonnummer, kontakttid: form.kontakttid };
  });
export type AdviceForm = z.output<typeof adviceFormSchema>;

/** The first error of each field, as translation keys. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}
