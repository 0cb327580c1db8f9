/**
 * What the step pages need from the søknad's answers without zod: the options of each
 * question, the limits, the shapes of the answers and `formDataToValues`. The browser
 * loads this with a step; `schemas.ts` (zod, `parseStep`) comes only when a field is left
 * (StepFrame), and the server uses both. `schemas.ts` re-exports all of it.
 */
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import type { DocumentId } from "./rules";

/* ---------- options ---------- */

export const jaNei = ["ja", "nei"] as const;
export const addressChoices = ["folkeregistrert", "midlertidig", "annen"] as const;
export const behovCategories = ["livsopphold", "husleie", "strom", "nodhjelp", "annet"] as const;
export const emergencyOptions = ["ingenMat", "ikkeSovested", "stromStenges"] as const;
export const studyLoads = ["heltid", "deltid"] as const;
export const maritalStatuses = ["ugift", "gift", "samboer", "separert", "skilt", "enke"] as const;
export const childSupportOptions = ["betaler", "mottar", "begge", "ingen"] as const;
export const housingOptions = [
  "eier",
  "leier",
  "kommunal",
  "familieVenner",
  "institusjon",
  "krisesenter",
  "fengsel",
  "utenBolig",
  "annet",
] as const;
export const otherIncomeTypes = ["barnebidrag", "utbytte", "salg", "leieinntekt", "forsikring", "annet"] as const;
export const savingsTypes = ["brukskonto", "sparekonto", "bsu", "aksjer", "livsforsikring", "annet"] as const;
export const assetTypes = ["bolig", "kjoretoy", "fritidseiendom", "campingvogn", "annet"] as const;
export const housingCostTypes = [
  "husleie",
  "strom",
  "kommunaleAvgifter",
  "oppvarming",
  "boliglanAvdrag",
  "boliglanRenter",
  "annet",
] as const;
export const childCostTypes = ["barnehage", "sfo", "fritidsaktiviteter", "tannregulering", "annet"] as const;
export const otherCostTypes = ["medisin", "tannlege", "annet"] as const;
export const documentChoices = ["lasterOppNa", "levertTidligere", "senderSenere"] as const;

export type JaNei = (typeof jaNei)[number];
export type AddressChoice = (typeof addressChoices)[number];
export type BehovCategory = (typeof behovCategories)[number];
export type Emergency = (typeof emergencyOptions)[number];
export type StudyLoad = (typeof studyLoads)[number];
export type MaritalStatus = (typeof maritalStatuses)[number];
export type ChildSupport = (typeof childSupportOptions)[number];
export type Housing = (typeof housingOptions)[number];
export type OtherIncomeType = (typeof otherIncomeTypes)[number];
export type SavingsType = (typeof savingsTypes)[number];
export type AssetType = (typeof assetTypes)[number];
export type HousingCostType = (typeof housingCostTypes)[number];
export type ChildCostType = (typeof childCostTypes)[number];
export type OtherCostType = (typeof otherCostTypes)[number];
export type DocumentChoice = (typeof documentChoices)[number];

/* ---------- limits ---------- */

export const limits = {
  /** Street, names and other one-line texts. */
  shortText: 200,
  /** Poststed. */
  placeName: 100,
  /** "Annet" descriptions. */
  otherText: 200,
  /** Comments and descriptions of a change. */
  comment: 1000,
  /** "Tell us more about your situation". */
  details: 2000,
  /** Largest amount in kroner. */
  maxAmount: 10_000_000,
  maxHouseholdSize: 20,
} as const;

/**
 * Bounds for `formDataToValues`. Strings are cut well above the longest allowed
 * text, so a too-long answer is still reported as too long rather than cut.
 */
export const formLimits = {
  maxEntries: 1000,
  maxKeys: 300,
  maxKeyLength: 100,
  maxValuesPerKey: 100,
  maxValueLength: 10_000,
} as const;

/* ---------- answers ---------- */

export interface PersonaliaAnswer {
  addressChoice: AddressChoice;
  otherAddress?: { street: string; postnummer: string; poststed: string };
  /** Normalised: `+47` and eight digits, or `+` and 7–15 digits. */
  phone?: string;
  noBankAccount: boolean;
  /** Eleven digits, no separators. */
  accountNumber?: string;
}

export interface BehovAnswer {
  categories: BehovCategory[];
  emergency?: Emergency[];
  otherText?: string;
  details?: string;
  /** Short application only. */
  changedSinceLast?: JaNei;
  changeDescription?: string;
}

export interface ArbeidAnswer {
  employmentComment?: string;
  student: JaNei;
  studyLoad?: StudyLoad;
}

export interface ChildAnswer {
  sharedResidence: JaNei;
  /** Only when the residence is not shared and the child does not live with the person. */
  visitationPercent?: number;
}

export interface FamilieAnswer {
  maritalStatus: MaritalStatus;
  /** True when taken from the register, false when the person answered. */
  maritalStatusFromRegister: boolean;
  /** Only when married or cohabiting and the spouse is not in the register. */
  spouse?: { name: string; birthDate: string; livesTogether: JaNei };
  /** One per child in the register, by index. */
  children: ChildAnswer[];
  childSupport?: ChildSupport;
}

export interface BosituasjonAnswer {
  housing: Housing;
  housingOther?: string;
  householdSize: number;
}

export interface InntektAnswer {
  skattConsent: JaNei;
  bostotteConsent: JaNei;
  studentLoan: JaNei;
  otherIncome: OtherIncomeType[];
  /** Whole kroner, only for the kinds chosen and only when given. */
  otherIncomeAmounts: Partial<Record<OtherIncomeType, number>>;
  savings: SavingsType[];
  assets: AssetType[];
  /** Short application only; may be negative (overdrawn). */
  accountBalance?: number;
}

export interface UtgifterAnswer {
  housingCosts: HousingCostType[];
  /** Only when the person has children. */
  childCosts?: ChildCostType[];
  otherCosts: OtherCostType[];
}

export interface DocumentAnswer {
  id: DocumentId;
  choice: DocumentChoice;
  amount?: number;
}

export interface DokumentasjonAnswer {
  documents: DocumentAnswer[];
}

export interface OppsummeringAnswer {
  confirm: true;
}

/** The answer each step produces. */
export interface StepAnswers {
  personalia: PersonaliaAnswer;
  behov: BehovAnswer;
  arbeid: ArbeidAnswer;
  familie: FamilieAnswer;
  bosituasjon: BosituasjonAnswer;
  inntekt: InntektAnswer;
  utgifter: UtgifterAnswer;
  dokumentasjon: DokumentasjonAnswer;
  oppsummering: OppsummeringAnswer;
}

/** Everything answered so far in a draft, by step. */
export type Answers = Partial<StepAnswers>;

/** Form values as they come from `formDataToValues`. */
export type FormValues = Record<string, string | string[]>;

/** Nødhjelp chosen: the office must assess the application the same day. */
export function isUrgent(answers: Answers): boolean {
  return answers.behov?.categories.includes("nodhjelp") ?? false;
}

/** What the register's marital status counts as in an answer (UOPPGITT means we must ask). */
export const maritalStatusFromRegister: Record<Exclude<FolkeregisterPerson["sivilstand"], "UOPPGITT">, MaritalStatus> = {
  UGIFT: "ugift",
  GIFT: "gift",
  REGISTRERT_PARTNER: "gift",
  SEPARERT: "separert",
  SKILT: "skilt",
  ENKE_ELLER_ENKEMANN: "enke",
};

/**
 * FormData (or URLSearchParams) as a plain object: a repeated key becomes an
 * array. Files are skipped (uploads have their own route). Bounded by
 * `formLimits`: entries past the limits are ignored and long strings are cut.
 */
export function formDataToValues(formData: FormData | URLSearchParams): FormValues {
  const collected = new Map<string, string[]>();
  let seen = 0;
  for (const [key, value] of formData) {
    if (++seen > formLimits.maxEntries) break;
    if (typeof value !== "string" || key.length > formLimits.maxKeyLength) continue;
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    let list = collected.get(key);
    if (!list) {
      if (collected.size >= formLimits.maxKeys) continue;
      list = [];
      collected.set(key, list);
    }
    if (list.length < formLimits.maxValuesPerKey) list.push(value.slice(0, formLimits.maxValueLength));
  }
  return Object.fromEntries([...collected].map(([key, list]) => [key, list.length === 1 ? (list[0] as string) : list]));
}
