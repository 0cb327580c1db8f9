/**
 * "Be kontoret ringe tilbake": the advisor asks the person's NAV office to call them back. The
 * form is read and posted under the lookup id like the other staff pages, each time checked and
 * audited (act "ringtilbake") before anything about the person is read or sent. The form's
 * ringTilbakeId, made when the form is shown and carried in a hidden field, makes a double click
 * or a retry one request at the fagsystem.
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { requireStaff } from "~/auth/auth.server";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { MAX_RINGTILBAKE_NOTAT, ringTilbakeTemaSchema, hastegradSchema, type Hastegrad, type NavKontor, type RingTilbakeTema } from "~/fagsystem/contract";
import { logFor } from "~/log.server";
import { UUID } from "~/meldinger/ids";
import { cleanMessageText } from "~/meldinger/text";
import { normalisePhone } from "~/radgivning/schemas";
import { readForm } from "~/request-body.server";
import { isOfficeOpen } from "~/ringtilbake/deadline";
import { formatName } from "~/auth/login.server";
import { languageOfPath } from "~/i18n/languages";
import { openLookup, type RegisterPerson } from "./nks.server";

const log = logFor("nks");
const NO_STORE = { "Cache-Control": "no-store" } as const;

export const CALLBACK_TIMES = ["FORMIDDAG", "ETTERMIDDAG", "HELE_DAGEN"] as const;

/** Interpreter languages offered, as ISO 639 codes (the contract's sprakkodeSchema); the page names them with Intl.DisplayNames. */
export const INTERPRETER_LANGUAGES = ["ar", "so", "ti", "uk", "pl", "fa", "prs", "ps", "ku", "ru", "lt", "ro", "tr", "vi", "th", "sq", "en", "fr", "es"] as const;

/** The form's fields as typed: what the page shows again after a refusal. */
export type CallbackFormValues = { tema: string; hastegrad: string; telefonnummer: string; kontakttid: string; tolk: string; tolkesprak: string; notat: string };

const fieldsSchema = z.object({
  tema: z.enum(ringTilbakeTemaSchema.options, { errorMap: () => ({ message: "nks:callbackForm.errors.temaRequired" }) }),
  hastegrad: z.enum(hastegradSchema.options, { errorMap: () => ({ message: "nks:callbackForm.errors.hastegradRequired" }) }),
  telefonnummer: z
    .string()
    .refine((value) => value.trim() !== "", "nks:callbackForm.errors.telefonRequired")
    .transform((value, ctx) => {
      const phone = value.length <= 100 ? normalisePhone(value) : null;
      if (phone === null) ctx.addIssue({ code: "custom", message: "nks:callbackForm.errors.telefonInvalid" });
      return phone ?? z.NEVER;
    }),
  // An unknown time is no time: any time the office is open.
  kontakttid: z.string().transform((value) => ((CALLBACK_TIMES as readonly string[]).includes(value) ? (value as (typeof CALLBACK_TIMES)[number]) : null)),
  notat: z.string().transform(cleanMessageText).pipe(z.string().max(MAX_RINGTILBAKE_NOTAT, "nks:callbackForm.errors.notatTooLong")),
});

export type CallbackForm = { tema: RingTilbakeTema; hastegrad: Hastegrad; telefonnummer: string; kontakttid: (typeof CALLBACK_TIMES)[number] | null; tolkesprak: string | null; notat: string | null };

/** The form as the contract's request, or each field's first error (translation keys), all at once. */
export function parseCallbackForm(values: CallbackFormValues): { ok: true; form: CallbackForm } | { ok: false; errors: Record<string, string> } {
  const fields = fieldsSchema.safeParse(values);
  const errors: Record<string, string> = {};
  if (!fields.success) for (const issue of fields.error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  const interpreter = values.tolk === "ja";
  const language = (INTERPRETER_LANGUAGES as readonly string[]).includes(values.tolkesprak) ? values.tolkesprak : null;
  if (interpreter && language === null) errors.tolkesprak = "nks:callbackForm.errors.tolkesprakRequired";
  if (!fields.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    form: { ...fields.data, tolkesprak: interpreter ? language : null, notat: fields.data.notat === "" ? null : fields.data.notat },
  };
}

export type OnCall = { telefon: string; apningstider: NavKontor["apningstider"]; open: boolean };
export type CallbackOffice = { name: string; onCall: OnCall | null } | null | "unavailable";

/** The office of the person's municipality, with its on-call phone for social services and whether it is staffed now. */
async function officeOf(person: RegisterPerson, now: Date): Promise<CallbackOffice> {
  const kommunenummer = person.bostedsadresse?.kommunenummer ?? person.oppholdsadresse?.kommunenummer ?? null;
  if (!kommunenummer) return null;
  try {
    const office = await fagsystem.navKontor(kommunenummer);
    if (!office) return null;
    const vakt = office.sosialVakt ?? null;
    return { name: office.navn, onCall: vakt ? { telefon: vakt.telefon, apningstider: vakt.apningstider, open: isOfficeOpen(vakt.apningstider, now) } : null };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.warn({ err: error }, "the office could not be read for the call-back form");
    return "unavailable";
  }
}

/** The mobile number in the contact register (KRR), to confirm with the caller; empty when none or when KRR cannot say now. */
async function registeredPhone(fnr: string): Promise<string> {
  try {
    return (await fagsystem.krrKontaktinfo(fnr)).mobiltelefonnummer ?? "";
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.warn({ err: error }, "the contact register could not be read for the call-back form");
    return "";
  }
}

/** The form: the person's name, the number from the register, the office and its on-call phone, and a fresh ringTilbakeId. */
/** The interpreter languages by name in the page's language, sorted as its readers sort: named on the server, so the browser's Intl data cannot differ from it. */
export function interpreterLanguages(language: string): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([language], { type: "language" });
  const collator = new Intl.Collator(language);
  return INTERPRETER_LANGUAGES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

export async function loadCallbackForm(request: Request, lookupId: string) {
  const opened = await openLookup(request, lookupId, "ringtilbake", "ringtilbake:skjema");
  if (opened.kind !== "open") return opened;
  const now = new Date();
  const [phone, office] = await Promise.all([registeredPhone(opened.fnr), officeOf(opened.person, now)]);
  return {
    kind: "ok" as const,
    lookupId,
    name: formatName(opened.person.navn),
    registeredPhone: phone,
    office,
    ringTilbakeId: crypto.randomUUID(),
    maxLength: MAX_RINGTILBAKE_NOTAT,
    languages: interpreterLanguages(languageOfPath(new URL(request.url).pathname) ?? "nb"),
  };
}

export type CallbackActionData = { kind: "invalid"; errors: Record<string, string>; values: CallbackFormValues; ringTilbakeId: string };

/**
 * The post: who asks, the lookup and the person checked and audited, the form validated, then
 * one send with the form's id; to the person's page with a confirmation.
 */
export async function fileCallback(request: Request, lookupId: string, language: string) {
  const staff = await requireStaff(request);
  const form = await readForm(request, "step");
  const field = (name: string) => form.get(name) ?? "";
  const values: CallbackFormValues = {
    tema: field("tema"),
    hastegrad: field("hastegrad"),
    telefonnummer: field("telefonnummer"),
    kontakttid: field("kontakttid"),
    tolk: field("tolk"),
    tolkesprak: field("tolkesprak"),
    notat: field("notat"),
  };
  const posted = field("ringTilbakeId");
  const ringTilbakeId = UUID.test(posted) ? posted.toLowerCase() : crypto.randomUUID();
  const invalid = (errors: Record<string, string>, status: number, id = ringTilbakeId) => data<CallbackActionData>({ kind: "invalid", errors, values, ringTilbakeId: id }, { status, headers: NO_STORE });

  const parsed = parseCallbackForm(values);
  if (!parsed.ok) return invalid(parsed.errors, 400);
  // The audit record before the fagsystem hears of it.
  const opened = await openLookup(request, lookupId, "ringtilbake", `ringtilbake:${ringTilbakeId}`);
  if (opened.kind !== "open") return data(opened, { status: opened.kind === "expired" ? 404 : opened.kind === "refused" ? 200 : 503, headers: NO_STORE });
  try {
    await fagsystem.sendRingTilbake(opened.fnr, { ringTilbakeId, navIdent: staff.navIdent, ...parsed.form, language: null });
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "rejected" && error.code === "no-nav-kontor") return invalid({ form: "nks:callbackForm.errors.noOffice" }, 400);
    if (error.kind === "rejected" || error.kind === "not-found") {
      log.warn({ err: error }, "the fagsystem refused a call-back request");
      return invalid({ form: "nks:callbackForm.errors.refused" }, 400, crypto.randomUUID());
    }
    log.error({ err: error }, "a call-back request could not be sent");
    return invalid({ form: "nks:callbackForm.errors.unavailable" }, 503);
  }
  throw redirect(`/${language}/nks/person/${lookupId}?ringtilbake=sendt`, { status: 303, headers: NO_STORE });
}
