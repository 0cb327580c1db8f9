/**
 * "Før du søker" (before you apply): a few questions about a person's situation, turned into
 * the smallest set of søknad answers that says the same, and handed to the application's own
 * `requiredDocuments`. The list is the documentation step's list, never a copy of its rules
 * (docs/decisions/035-tools-without-a-login.md). Nothing here is stored.
 */
import { z } from "zod";
import { requiredDocuments, type DocumentId, type RegisterData } from "~/soknad/rules";
import type { Answers, Housing } from "~/soknad/options";
import { once } from "~/shell/once";

export const livesWithOptions = ["alone", "partner", "others"] as const;
export const housingChoices = ["rent", "own", "familyFriends", "noFixedPlace"] as const;
export const incomeKinds = ["wages", "navBenefits", "studentLoan", "other", "none"] as const;
export const yesNo = ["yes", "no"] as const;

export type LivesWith = (typeof livesWithOptions)[number];
export type HousingChoice = (typeof housingChoices)[number];
export type IncomeKind = (typeof incomeKinds)[number];
export type YesNo = (typeof yesNo)[number];

export interface Situation {
  livesWith: LivesWith;
  children: YesNo;
  housing: HousingChoice;
  income: IncomeKind[];
  student: YesNo;
  /** Nordic citizens need no residence permit: the one register fact the list depends on. */
  nordic: YesNo;
}

/** The form's field names, in the order the questions come (the error summary's order). */
export const situationFields = ["livesWith", "children", "housing", "income", "student", "nordic"] as const;
export type SituationField = (typeof situationFields)[number];

const errorKey = (field: SituationField) => `veiviser-verktoy:beforeYouApply.errors.${field}`;

/** One of the options, or the question's "required" message (a missing and a foreign value alike). */
const oneOf = <T extends readonly [string, ...string[]]>(options: T, field: SituationField) =>
  z.enum(options, { errorMap: () => ({ message: errorKey(field) }) });

// Built on first use (once): the page takes the option lists above from this module, not zod.
const situationSchema = once(() =>
  z
    .object({
      livesWith: oneOf(livesWithOptions, "livesWith"),
      children: oneOf(yesNo, "children"),
      housing: oneOf(housingChoices, "housing"),
      income: z
        .array(z.unknown())
        .transform((values) => incomeKinds.filter((kind) => values.includes(kind)))
        .refine((chosen) => chosen.length > 0, { message: errorKey("income") })
        .refine((chosen) => !(chosen.includes("none") && chosen.length > 1), { message: "veiviser-verktoy:beforeYouApply.errors.incomeNoneAndOther" }),
      student: oneOf(yesNo, "student"),
      nordic: oneOf(yesNo, "nordic"),
    })
    .strip(),
);

export type SituationErrors = Partial<Record<SituationField, string>>;
export type SituationParse = { ok: true; situation: Situation } | { ok: false; errors: SituationErrors };

/** The form as posted: one value per question, every value for the checkboxes. */
export function situationValues(form: URLSearchParams): Record<SituationField, string | string[] | undefined> {
  return {
    livesWith: form.get("livesWith") ?? undefined,
    children: form.get("children") ?? undefined,
    housing: form.get("housing") ?? undefined,
    income: form.getAll("income"),
    student: form.get("student") ?? undefined,
    nordic: form.get("nordic") ?? undefined,
  };
}

export function parseSituation(values: Record<string, unknown>): SituationParse {
  const result = situationSchema().safeParse(values);
  if (result.success) return { ok: true, situation: result.data };
  const errors: SituationErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if (typeof field === "string" && (situationFields as readonly string[]).includes(field)) errors[field as SituationField] ??= issue.message;
  }
  return { ok: false, errors };
}

const housingAnswer: Record<HousingChoice, Housing> = { rent: "leier", own: "eier", familyFriends: "familieVenner", noFixedPlace: "utenBolig" };

/**
 * The søknad's answers and register facts that the situation stands for. Only what the person
 * told us: no costs they did not name, no savings; consent to fetch bostøtte is assumed, as the
 * application's default. Everything else about the person stays empty.
 */
export function applicationFor(situation: Situation): { answers: Answers; register: RegisterData } {
  const hasChildren = situation.children === "yes";
  const household = 1 + (situation.livesWith === "alone" ? 0 : 1) + (hasChildren ? 1 : 0);
  const answers: Answers = {
    arbeid: { student: situation.student === "yes" ? "ja" : "nei" },
    familie: {
      maritalStatus: situation.livesWith === "partner" ? "samboer" : "ugift",
      maritalStatusFromRegister: false,
      children: hasChildren ? [{ sharedResidence: "nei" }] : [],
    },
    bosituasjon: { housing: housingAnswer[situation.housing], householdSize: household },
    inntekt: {
      skattConsent: "ja",
      bostotteConsent: "ja",
      studentLoan: situation.income.includes("studentLoan") ? "ja" : "nei",
      otherIncome: situation.income.includes("other") ? ["annet"] : [],
      otherIncomeAmounts: {},
      savings: [],
      assets: [],
    },
    utgifter: { housingCosts: situation.housing === "rent" ? ["husleie"] : [], childCosts: [], otherCosts: [] },
  };
  const register: RegisterData = {
    maritalStatus: "UOPPGITT",
    spouseRegistered: false,
    children: hasChildren ? [{ livesWithApplicant: true }] : [],
    citizenship: situation.nordic === "yes" ? ["NOR"] : [],
  };
  return { answers, register };
}

/** The documents to have ready: exactly what the application's documentation step would ask for. */
export function documentsToHaveReady(situation: Situation): DocumentId[] {
  const { answers, register } = applicationFor(situation);
  return requiredDocuments(answers, register, "standard");
}
