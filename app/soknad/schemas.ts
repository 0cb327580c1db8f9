/**
 * What the person submits from each step of the application, validated and
 * turned into the answers stored in the draft.
 *
 * Values arrive from FormData as strings or arrays of strings and are never
 * trusted: every string is trimmed and length-checked, every list is capped,
 * unknown keys are dropped, and wrong types count as missing. Nothing here
 * throws on any input. Error messages are i18n keys in the `soknad-errors`
 * namespace; a step reports every error at once, keyed by the form field name.
 */
import { z } from "zod";
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import { documentRule, requiredDocuments, type DocumentId, type RegisterData } from "./rules";
import type { ApplicationKind, StepId } from "./steps";
import {
  jaNei,
  addressChoices,
  behovCategories,
  emergencyOptions,
  studyLoads,
  maritalStatuses,
  childSupportOptions,
  housingOptions,
  otherIncomeTypes,
  savingsTypes,
  assetTypes,
  housingCostTypes,
  childCostTypes,
  otherCostTypes,
  documentChoices,
  type JaNei,
  type OtherIncomeType,
  limits,
  formLimits,
  type PersonaliaAnswer,
  type BehovAnswer,
  type ArbeidAnswer,
  type ChildAnswer,
  type FamilieAnswer,
  type BosituasjonAnswer,
  type InntektAnswer,
  type UtgifterAnswer,
  type DocumentAnswer,
  type DokumentasjonAnswer,
  type OppsummeringAnswer,
  type StepAnswers,
  type Answers,
  type FormValues,
  maritalStatusFromRegister,
} from "./options";

export * from "./options";

/** What a step's validation needs besides the form values. */
export interface StepContext {
  kind: ApplicationKind;
  register: RegisterData;
  /** Earlier answers (the documentation step depends on them). */
  answers: Answers;
  /** "Today" for date checks; defaults to now. */
  today?: Date;
}

/* ---------- input normalisation ---------- */

const GENERIC_ERROR = "soknad-errors:generic.invalid";

function firstOf(raw: unknown): unknown {
  return Array.isArray(raw) ? raw[0] : raw;
}

/**
 * A submitted text: the first value if repeated, NFC, line breaks as `\n`,
 * control characters removed (one-line texts also lose line breaks), trimmed.
 * Empty or not a string → undefined. Only the first `maxValueLength + 1`
 * characters are looked at, which is enough to know that it is too long.
 */
export function toText(raw: unknown, { multiline = false }: { multiline?: boolean } = {}): string | undefined {
  const value = firstOf(raw);
  if (typeof value !== "string") return undefined;
  let text = value.slice(0, formLimits.maxValueLength + 1).normalize("NFC").replace(/\r\n?/g, "\n");
  text = multiline ? text.replace(/(?![\n\t])\p{Cc}/gu, "") : text.replace(/\p{Cc}+/gu, " ");
  text = text.trim();
  return text === "" ? undefined : text;
}

/** A submitted list (checkbox group): at most `maxValuesPerKey` texts, missing or wrong types dropped. */
export function toList(raw: unknown): string[] {
  const values = Array.isArray(raw) ? raw.slice(0, formLimits.maxValuesPerKey) : raw === undefined ? [] : [raw];
  return values.map((value) => toText(value)).filter((value): value is string => value !== undefined);
}

/* ---------- field schemas ---------- */

type Field<T> = z.ZodType<T, z.ZodTypeDef, unknown>;

function fail(ctx: z.RefinementCtx, message: string): typeof z.NEVER {
  ctx.addIssue({ code: z.ZodIssueCode.custom, message });
  return z.NEVER;
}

export function requiredText(max: number, requiredKey: string, tooLongKey: string, options?: { multiline?: boolean }): Field<string> {
  return z.unknown().transform((raw, ctx) => {
    const text = toText(raw, options);
    if (text === undefined) return fail(ctx, requiredKey);
    if (text.length > max) return fail(ctx, tooLongKey);
    return text;
  });
}

export function optionalText(max: number, tooLongKey: string, options?: { multiline?: boolean }): Field<string | undefined> {
  return z.unknown().transform((raw, ctx) => {
    const text = toText(raw, options);
    if (text !== undefined && text.length > max) return fail(ctx, tooLongKey);
    return text;
  });
}

/** One of `options` (radio buttons); missing and unknown values give `requiredKey`. */
export function choice<T extends string>(options: readonly T[], requiredKey: string): Field<T> {
  return z.unknown().transform((raw, ctx) => {
    const text = toText(raw);
    return text !== undefined && (options as readonly string[]).includes(text) ? (text as T) : fail(ctx, requiredKey);
  });
}

/**
 * Any of `options` (checkboxes), deduplicated and in the options' order. Unknown
 * values are an error (only a tampered form sends them); `requiredKey` makes at
 * least one choice required.
 */
export function choices<T extends string>(options: readonly T[], requiredKey?: string): Field<T[]> {
  return z.unknown().transform((raw, ctx) => {
    const list = toList(raw);
    if (list.some((value) => !(options as readonly string[]).includes(value))) return fail(ctx, "soknad-errors:choice.invalid");
    const chosen = options.filter((option) => list.includes(option));
    if (requiredKey && chosen.length === 0) return fail(ctx, requiredKey);
    return chosen;
  });
}

/** A checkbox: checked only when the value is exactly "on" (what browsers send). */
export const checkbox: Field<boolean> = z.unknown().transform((raw) => toText(raw) === "on");

/** Norwegian number: 8 digits, first 2–9. */
const NORWEGIAN_NUMBER = /^[2-9]\d{7}$/;

/**
 * A phone number in the normalised form (`+4791234567`, `+46701234567`), or null.
 * Accepts 8 Norwegian digits with or without +47/0047, or an international
 * number with + (or 00) and 7–15 digits; spaces are ignored.
 */
export function normalisePhone(input: string): string | null {
  const compact = input.replace(/\s+/g, "");
  const norwegian = /^(?:\+47|0047)?(\d+)$/.exec(compact);
  if (norwegian && (compact.startsWith("+47") || compact.startsWith("0047") || !/^(?:\+|00)/.test(compact))) {
    return NORWEGIAN_NUMBER.test(norwegian[1] ?? "") ? `+47${norwegian[1]}` : null;
  }
  const international = /^(?:\+|00)([1-9]\d{6,14})$/.exec(compact);
  return international ? `+${international[1]}` : null;
}

/** Optional phone number, normalised. */
export const phoneSchema: Field<string | undefined> = z.unknown().transform((raw, ctx) => {
  const text = toText(raw);
  if (text === undefined) return undefined;
  if (text.length > 40) return fail(ctx, "soknad-errors:phone.invalid");
  return normalisePhone(text) ?? fail(ctx, "soknad-errors:phone.invalid");
});

const ACCOUNT_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Whether `digits` is an 11-digit Norwegian account number with a valid mod-11 check digit. */
export function isValidAccountNumber(digits: string): boolean {
  if (!/^\d{11}$/.test(digits)) return false;
  const sum = ACCOUNT_WEIGHTS.reduce((total, weight, index) => total + weight * Number(digits[index]), 0);
  const remainder = sum % 11;
  const check = remainder === 0 ? 0 : 11 - remainder;
  return check !== 10 && check === Number(digits[10]);
}

/** Account number with spaces and dots removed, checked with mod 11. Required. */
export const accountNumberSchema: Field<string> = z.unknown().transform((raw, ctx) => {
  const text = toText(raw);
  if (text === undefined) return fail(ctx, "soknad-errors:accountNumber.required");
  const digits = text.replace(/[\s.]/g, "");
  if (!/^\d{11}$/.test(digits)) return fail(ctx, "soknad-errors:accountNumber.format");
  if (!isValidAccountNumber(digits)) return fail(ctx, "soknad-errors:accountNumber.checksum");
  return digits;
});

export const postnummerSchema: Field<string> = z.unknown().transform((raw, ctx) => {
  const text = toText(raw)?.replace(/\s+/g, "");
  if (text === undefined) return fail(ctx, "soknad-errors:otherPostnummer.required");
  return /^\d{4}$/.test(text) ? text : fail(ctx, "soknad-errors:otherPostnummer.invalid");
});

/**
 * Whole kroner from what people type: "1500", "1 500", "1,500", "1.500",
 * "1500,-", "1500,00", "kr 1500". Decimals other than zero are refused
 * (in Norwegian the comma is the decimal sign, so "12,50" is not 1250).
 */
export function parseKroner(input: string, { allowNegative = false } = {}): number | "invalid" | "negative" | "tooLarge" {
  let text = input.replace(/\s+/g, "").replace(/^kr\.?/i, "").replace(/(?:kr|nok)\.?$/i, "");
  let negative = false;
  if (/^[-\u2212]/.test(text)) {
    negative = true;
    text = text.slice(1);
  }
  text = text.replace(/[,.](?:-|00?)$/, "");
  if (/^\d{1,3}(?:([,.])\d{3})(?:\1\d{3})*$/.test(text)) text = text.replace(/[,.]/g, "");
  if (!/^\d{1,15}$/.test(text)) return "invalid";
  const amount = Number(text);
  if (negative && amount !== 0 && !allowNegative) return "negative";
  if (amount > limits.maxAmount) return "tooLarge";
  return negative ? -amount : amount;
}

/** An amount in whole kroner; optional unless `requiredKey` is given. */
export function amountSchema(options: { requiredKey: string; allowNegative?: boolean }): Field<number>;
export function amountSchema(options?: { requiredKey?: undefined; allowNegative?: boolean }): Field<number | undefined>;
export function amountSchema({ requiredKey, allowNegative = false }: { requiredKey?: string; allowNegative?: boolean } = {}): Field<number | undefined> {
  return z.unknown().transform((raw, ctx) => {
    const text = toText(raw);
    if (text === undefined) return requiredKey ? fail(ctx, requiredKey) : undefined;
    if (text.length > 40) return fail(ctx, "soknad-errors:amount.invalid");
    const amount = parseKroner(text, { allowNegative });
    if (amount === "invalid") return fail(ctx, "soknad-errors:amount.invalid");
    if (amount === "negative") return fail(ctx, "soknad-errors:amount.negative");
    if (amount === "tooLarge") return fail(ctx, "soknad-errors:amount.tooLarge");
    return amount;
  });
}

/** A whole number in [min, max], "%" and spaces allowed. */
function integerSchema(min: number, max: number, requiredKey: string, invalidKey: string): Field<number> {
  return z.unknown().transform((raw, ctx) => {
    const text = toText(raw)?.replace(/[\s%]/g, "");
    if (text === undefined || text === "") return fail(ctx, requiredKey);
    if (!/^\d{1,4}$/.test(text)) return fail(ctx, invalidKey);
    const value = Number(text);
    return value >= min && value <= max ? value : fail(ctx, invalidKey);
  });
}

/**
 * A calendar date from what people type, as YYYY-MM-DD, or null: DD.MM.ÅÅÅÅ and
 * D.M.ÅÅÅÅ (also with / or - between), DDMMÅÅÅÅ, and YYYY-MM-DD (a date input's value).
 * The date must exist (no 30 February).
 */
export function parseDate(input: string): string | null {
  const text = input.replace(/\s+/g, "");
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const dmy = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/.exec(text) ?? /^(\d{2})()(\d{2})(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]].map(Number) : dmy ? [dmy[4], dmy[3], dmy[1]].map(Number) : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** YYYY-MM-DD as Norwegians write it, DD.MM.ÅÅÅÅ (anything else is returned as it is). */
export function formatNorwegianDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}.${match[2]}.${match[1]}` : iso;
}

/** Ages outside these are taken as a typing error in the year. */
export const spouseAge = { min: 16, max: 120 } as const;

/** A real date in the past, as YYYY-MM-DD, that gives an age within `spouseAge` on `today`. */
function birthDateSchema(today: Date): Field<string> {
  return z.unknown().transform((raw, ctx) => {
    const text = toText(raw);
    if (text === undefined) return fail(ctx, "soknad-errors:spouseBirthDate.required");
    const date = text.length <= 40 ? parseDate(text) : null;
    if (!date) return fail(ctx, "soknad-errors:spouseBirthDate.invalid");
    const todayIso = today.toISOString().slice(0, 10);
    if (date > todayIso) return fail(ctx, "soknad-errors:spouseBirthDate.future");
    const [year, monthDay] = [Number(todayIso.slice(0, 4)), todayIso.slice(4)];
    const yearsAgo = (years: number) => `${String(year - years).padStart(4, "0")}${monthDay}`;
    // Born on or before this day `min` years ago, and after this day `max + 1` years ago.
    if (date > yearsAgo(spouseAge.min)) return fail(ctx, "soknad-errors:spouseBirthDate.tooYoung");
    if (date <= yearsAgo(spouseAge.max + 1)) return fail(ctx, "soknad-errors:spouseBirthDate.tooOld");
    return date;
  });
}

/* ---------- step schemas ---------- */

/** Collects the errors of one step while its answer is built. */
class Resolver {
  readonly issues: Array<[field: string, key: string]> = [];

  constructor(private readonly values: Record<string, unknown>) {}

  /** Validates the field `name` with `schema`; on error records it and returns undefined. */
  take<T>(name: string, schema: Field<T>): T | undefined {
    const result = schema.safeParse(this.values[name]);
    if (result.success) return result.data;
    const message = result.error.issues[0]?.message;
    this.issues.push([name, message?.startsWith("soknad-errors:") ? message : GENERIC_ERROR]);
    return undefined;
  }

  /**
   * The answer without its undefined properties. A required property can only be
   * undefined when its error was recorded, and then the answer is thrown away.
   */
  build<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
    return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
  }
}

/**
 * A step schema: a zod object of the step's field names (anything else is
 * stripped), whose transform validates every field, the conditional ones only
 * when they apply, and reports all errors at once with the field name as path.
 */
function stepSchema<T>(fields: readonly string[], resolve: (r: Resolver) => T): z.ZodType<T, z.ZodTypeDef, unknown> & { fields: readonly string[] } {
  const schema = z.object(Object.fromEntries(fields.map((field) => [field, z.unknown()]))).transform((values, ctx) => {
    const resolver = new Resolver(values);
    const answer = resolve(resolver);
    for (const [field, message] of resolver.issues) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [field], message });
    return resolver.issues.length > 0 ? z.NEVER : answer;
  });
  return Object.assign(schema, { fields });
}

export function personaliaSchema() {
  const fields = ["addressChoice", "otherStreet", "otherPostnummer", "otherPoststed", "phone", "noBankAccount", "accountNumber"];
  return stepSchema(fields, (r): PersonaliaAnswer => {
    const addressChoice = r.take("addressChoice", choice(addressChoices, "soknad-errors:addressChoice.required"));
    const otherAddress =
      addressChoice === "annen"
        ? r.build<NonNullable<PersonaliaAnswer["otherAddress"]>>({
            street: r.take("otherStreet", requiredText(limits.shortText, "soknad-errors:otherStreet.required", "soknad-errors:otherStreet.tooLong")),
            postnummer: r.take("otherPostnummer", postnummerSchema),
            poststed: r.take("otherPoststed", requiredText(limits.placeName, "soknad-errors:otherPoststed.required", "soknad-errors:otherPoststed.tooLong")),
          })
        : undefined;
    const phone = r.take("phone", phoneSchema);
    const noBankAccount = r.take("noBankAccount", checkbox);
    const accountNumber = noBankAccount ? undefined : r.take("accountNumber", accountNumberSchema);
    return r.build<PersonaliaAnswer>({ addressChoice, otherAddress, phone, noBankAccount, accountNumber });
  });
}

export function behovSchema(kind: ApplicationKind) {
  const fields = ["categories", "emergency", "otherText", "details", ...(kind === "kort" ? ["changedSinceLast", "changeDescription"] : [])];
  return stepSchema(fields, (r): BehovAnswer => {
    const categories = r.take("categories", choices(behovCategories, "soknad-errors:categories.required"));
    const emergency = categories?.includes("nodhjelp") ? r.take("emergency", choices(emergencyOptions, "soknad-errors:emergency.required")) : undefined;
    const otherText = categories?.includes("annet")
      ? r.take("otherText", requiredText(limits.otherText, "soknad-errors:otherText.required", "soknad-errors:otherText.tooLong"))
      : undefined;
    const details = r.take("details", optionalText(limits.details, "soknad-errors:details.tooLong", { multiline: true }));
    let changedSinceLast: JaNei | undefined;
    let changeDescription: string | undefined;
    if (kind === "kort") {
      changedSinceLast = r.take("changedSinceLast", choice(jaNei, "soknad-errors:changedSinceLast.required"));
      if (changedSinceLast === "ja") {
        changeDescription = r.take(
          "changeDescription",
          requiredText(limits.comment, "soknad-errors:changeDescription.required", "soknad-errors:changeDescription.tooLong", { multiline: true }),
        );
      }
    }
    return r.build<BehovAnswer>({ categories, emergency, otherText, details, changedSinceLast, changeDescription });
  });
}

export function arbeidSchema() {
  return stepSchema(["employmentComment", "student", "studyLoad"], (r): ArbeidAnswer => {
    const employmentComment = r.take("employmentComment", optionalText(limits.comment, "soknad-errors:employmentComment.tooLong", { multiline: true }));
    const student = r.take("student", choice(jaNei, "soknad-errors:student.required"));
    const studyLoad = student === "ja" ? r.take("studyLoad", choice(studyLoads, "soknad-errors:studyLoad.required")) : undefined;
    return r.build<ArbeidAnswer>({ employmentComment, student, studyLoad });
  });
}

export interface FamilieOptions {
  /** The marital status is asked only when the register says UOPPGITT. */
  registerMaritalStatus: FolkeregisterPerson["sivilstand"];
  spouseRegistered: boolean;
  children: RegisterData["children"];
  today?: Date;
}

export function familieSchema({ registerMaritalStatus, spouseRegistered, children, today = new Date() }: FamilieOptions) {
  const childFields = children.flatMap((_, index) => [`child.${index}.sharedResidence`, `child.${index}.visitationPercent`]);
  const fields = ["maritalStatus", "spouseName", "spouseBirthDate", "spouseLivesTogether", ...childFields, "childSupport"];
  return stepSchema(fields, (r): FamilieAnswer => {
    const fromRegister = registerMaritalStatus !== "UOPPGITT";
    const maritalStatus =
      registerMaritalStatus === "UOPPGITT"
        ? r.take("maritalStatus", choice(maritalStatuses, "soknad-errors:maritalStatus.required"))
        : maritalStatusFromRegister[registerMaritalStatus];
    const spouseAsked = (maritalStatus === "gift" && !spouseRegistered) || maritalStatus === "samboer";
    const spouse = spouseAsked
      ? r.build<NonNullable<FamilieAnswer["spouse"]>>({
          name: r.take("spouseName", requiredText(limits.shortText, "soknad-errors:spouseName.required", "soknad-errors:spouseName.tooLong")),
          birthDate: r.take("spouseBirthDate", birthDateSchema(today)),
          livesTogether: r.take("spouseLivesTogether", choice(jaNei, "soknad-errors:spouseLivesTogether.required")),
        })
      : undefined;
    const childAnswers = children.map((child, index) => {
      const sharedResidence = r.take(`child.${index}.sharedResidence`, choice(jaNei, "soknad-errors:child.sharedResidence.required"));
      const visitationPercent =
        sharedResidence === "nei" && !child.livesWithApplicant
          ? r.take(
              `child.${index}.visitationPercent`,
              integerSchema(0, 100, "soknad-errors:child.visitationPercent.required", "soknad-errors:child.visitationPercent.invalid"),
            )
          : undefined;
      return r.build<ChildAnswer>({ sharedResidence, visitationPercent });
    });
    const childSupport = children.length > 0 ? r.take("childSupport", choice(childSupportOptions, "soknad-errors:childSupport.required")) : undefined;
    return r.build<FamilieAnswer>({ maritalStatus, maritalStatusFromRegister: fromRegister, spouse, children: childAnswers, childSupport });
  });
}

export function bosituasjonSchema() {
  return stepSchema(["housing", "housingOther", "householdSize"], (r): BosituasjonAnswer => {
    const housing = r.take("housing", choice(housingOptions, "soknad-errors:housing.required"));
    const housingOther =
      housing === "annet"
        ? r.take("housingOther", requiredText(limits.otherText, "soknad-errors:housingOther.required", "soknad-errors:housingOther.tooLong"))
        : undefined;
    const householdSize = r.take(
      "householdSize",
      integerSchema(1, limits.maxHouseholdSize, "soknad-errors:householdSize.required", "soknad-errors:householdSize.invalid"),
    );
    return r.build<BosituasjonAnswer>({ housing, housingOther, householdSize });
  });
}

export function inntektSchema(kind: ApplicationKind) {
  const fields = [
    "skattConsent",
    "bostotteConsent",
    "studentLoan",
    "otherIncome",
    ...otherIncomeTypes.map((type) => `otherIncomeAmount.${type}`),
    "savings",
    "assets",
    ...(kind === "kort" ? ["accountBalance"] : []),
  ];
  return stepSchema(fields, (r): InntektAnswer => {
    const skattConsent = r.take("skattConsent", choice(jaNei, "soknad-errors:skattConsent.required"));
    const bostotteConsent = r.take("bostotteConsent", choice(jaNei, "soknad-errors:bostotteConsent.required"));
    const studentLoan = r.take("studentLoan", choice(jaNei, "soknad-errors:studentLoan.required"));
    const otherIncome = r.take("otherIncome", choices(otherIncomeTypes));
    const otherIncomeAmounts: Partial<Record<OtherIncomeType, number>> = {};
    for (const type of otherIncome ?? []) {
      const amount = r.take(`otherIncomeAmount.${type}`, amountSchema());
      if (amount !== undefined) otherIncomeAmounts[type] = amount;
    }
    const savings = r.take("savings", choices(savingsTypes));
    const assets = r.take("assets", choices(assetTypes));
    const accountBalance =
      kind === "kort" ? r.take("accountBalance", amountSchema({ requiredKey: "soknad-errors:accountBalance.required", allowNegative: true })) : undefined;
    return r.build<InntektAnswer>({ skattConsent, bostotteConsent, studentLoan, otherIncome, otherIncomeAmounts, savings, assets, accountBalance });
  });
}

/** `hasChildren`: whether the person has children in the register (then costs for children are asked). */
export function utgifterSchema(hasChildren: boolean) {
  const fields = ["housingCosts", ...(hasChildren ? ["childCosts"] : []), "otherCosts"];
  return stepSchema(fields, (r): UtgifterAnswer => {
    const housingCosts = r.take("housingCosts", choices(housingCostTypes));
    const childCosts = hasChildren ? r.take("childCosts", choices(childCostTypes)) : undefined;
    const otherCosts = r.take("otherCosts", choices(otherCostTypes));
    return r.build<UtgifterAnswer>({ housingCosts, childCosts, otherCosts });
  });
}

/** `documents`: the required documents (from `requiredDocuments`), in order. */
export function dokumentasjonSchema(documents: readonly DocumentId[]) {
  const fields = documents.flatMap((id) => [`doc.${id}.choice`, `doc.${id}.amount`]);
  return stepSchema(fields, (r): DokumentasjonAnswer => ({
    documents: documents.map((id) =>
      r.build<DocumentAnswer>({
        id,
        choice: r.take(`doc.${id}.choice`, choice(documentChoices, "soknad-errors:doc.choice.required")),
        amount: documentRule(id).hasAmount ? r.take(`doc.${id}.amount`, amountSchema()) : undefined,
      }),
    ),
  }));
}

export function oppsummeringSchema() {
  const confirmed: Field<true> = z.unknown().transform((raw, ctx) => (toText(raw) === "on" ? (true as const) : fail(ctx, "soknad-errors:confirm.required")));
  return stepSchema(["confirm"], (r): OppsummeringAnswer => r.build<OppsummeringAnswer>({ confirm: r.take("confirm", confirmed) }));
}

/** The schema of `step` in this context, with `fields`: the form field names it reads. */
export function schemaFor<S extends StepId>(step: S, context: StepContext): z.ZodType<StepAnswers[S], z.ZodTypeDef, unknown> & { fields: readonly string[] } {
  const { kind, register, answers } = context;
  const schemas: { [K in StepId]: () => z.ZodType<StepAnswers[K], z.ZodTypeDef, unknown> & { fields: readonly string[] } } = {
    personalia: personaliaSchema,
    behov: () => behovSchema(kind),
    arbeid: arbeidSchema,
    familie: () =>
      familieSchema({
        registerMaritalStatus: register.maritalStatus,
        spouseRegistered: register.spouseRegistered,
        children: register.children,
        today: context.today,
      }),
    bosituasjon: bosituasjonSchema,
    inntekt: () => inntektSchema(kind),
    utgifter: () => utgifterSchema(register.children.length > 0),
    dokumentasjon: () => dokumentasjonSchema(requiredDocuments(answers, register, kind)),
    oppsummering: oppsummeringSchema,
  };
  return schemas[step]();
}

/* ---------- parsing ---------- */

export type ParseResult<S extends StepId> =
  | { ok: true; value: StepAnswers[S] }
  | {
      ok: false;
      /** Form field name → i18n key; the first error of each field. */
      errors: Record<string, string>;
      /** What was submitted, for the step's fields only, to fill the form in again. */
      values: FormValues;
    };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The submitted values of `fields` only, as strings, bounded. */
function echoValues(values: Record<string, unknown>, fields: readonly string[]): FormValues {
  const echo: FormValues = {};
  for (const field of fields) {
    if (!Object.hasOwn(values, field)) continue;
    const raw = values[field];
    const cut = (value: unknown) => (typeof value === "string" ? value.slice(0, formLimits.maxValueLength) : undefined);
    if (Array.isArray(raw)) {
      echo[field] = raw
        .slice(0, formLimits.maxValuesPerKey)
        .map(cut)
        .filter((value): value is string => value !== undefined);
    } else {
      const value = cut(raw);
      if (value !== undefined) echo[field] = value;
    }
  }
  return echo;
}

/**
 * Validates what was submitted from `step`. Never throws: anything that is not
 * an object counts as an empty form.
 */
export function parseStep<S extends StepId>(step: S, formValues: unknown, context: StepContext): ParseResult<S> {
  const schema = schemaFor(step, context);
  const values = isRecord(formValues) ? formValues : {};
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message.startsWith("soknad-errors:") ? issue.message : GENERIC_ERROR;
  }
  return { ok: false, errors, values: echoValues(values, schema.fields) };
}


/**
 * The form values that show a stored answer again (the inverse of `parseStep`),
 * for filling in a step the person comes back to.
 */
export function formValuesFor<S extends StepId>(step: S, answer: StepAnswers[S] | undefined): FormValues {
  if (!answer) return {};
  const values: FormValues = {};
  const set = (key: string, value: string | number | string[] | undefined) => {
    if (value !== undefined) values[key] = typeof value === "number" ? String(value) : value;
  };
  const a = answer as StepAnswers[StepId];
  switch (step) {
    case "personalia": {
      const p = a as PersonaliaAnswer;
      set("addressChoice", p.addressChoice);
      set("otherStreet", p.otherAddress?.street);
      set("otherPostnummer", p.otherAddress?.postnummer);
      set("otherPoststed", p.otherAddress?.poststed);
      set("phone", p.phone);
      if (p.noBankAccount) set("noBankAccount", "on");
      set("accountNumber", p.accountNumber);
      break;
    }
    case "behov": {
      const b = a as BehovAnswer;
      set("categories", b.categories);
      set("emergency", b.emergency);
      set("otherText", b.otherText);
      set("details", b.details);
      set("changedSinceLast", b.changedSinceLast);
      set("changeDescription", b.changeDescription);
      break;
    }
    case "arbeid": {
      const w = a as ArbeidAnswer;
      set("employmentComment", w.employmentComment);
      set("student", w.student);
      set("studyLoad", w.studyLoad);
      break;
    }
    case "familie": {
      const f = a as FamilieAnswer;
      if (!f.maritalStatusFromRegister) set("maritalStatus", f.maritalStatus);
      set("spouseName", f.spouse?.name);
      set("spouseBirthDate", f.spouse?.birthDate === undefined ? undefined : formatNorwegianDate(f.spouse.birthDate));
      set("spouseLivesTogether", f.spouse?.livesTogether);
      f.children.forEach((child, index) => {
        set(`child.${index}.sharedResidence`, child.sharedResidence);
        set(`child.${index}.visitationPercent`, child.visitationPercent);
      });
      set("childSupport", f.childSupport);
      break;
    }
    case "bosituasjon": {
      const h = a as BosituasjonAnswer;
      set("housing", h.housing);
      set("housingOther", h.housingOther);
      set("householdSize", h.householdSize);
      break;
    }
    case "inntekt": {
      const i = a as InntektAnswer;
      set("skattConsent", i.skattConsent);
      set("bostotteConsent", i.bostotteConsent);
      set("studentLoan", i.studentLoan);
      set("otherIncome", i.otherIncome);
      for (const [type, amount] of Object.entries(i.otherIncomeAmounts)) set(`otherIncomeAmount.${type}`, amount);
      set("savings", i.savings);
      set("assets", i.assets);
      set("accountBalance", i.accountBalance);
      break;
    }
    case "utgifter": {
      const u = a as UtgifterAnswer;
      set("housingCosts", u.housingCosts);
      set("childCosts", u.childCosts);
      set("otherCosts", u.otherCosts);
      break;
    }
    case "dokumentasjon": {
      for (const document of (a as DokumentasjonAnswer).documents) {
        set(`doc.${document.id}.choice`, document.choice);
        set(`doc.${document.id}.amount`, document.amount);
      }
      break;
    }
    case "oppsummering":
      // The confirmation is given again on every submit.
      break;
  }
  return values;
}
