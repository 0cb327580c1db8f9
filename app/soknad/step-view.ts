/**
 * What a step's fields receive. Each step component renders only its fields; the frame
 * (StepFrame) renders the heading, progress, error summary, form and buttons around them.
 */
import type { RegisterData } from "./rules";
import type { Answers, FormValues } from "./schemas";
import type { ApplicationKind, StepId } from "./steps";
import type { SoknadOutline } from "./soknad-outline";
import type { ListedFile } from "~/vedlegg/UploadField";
import type { UploadOutcome } from "~/vedlegg/upload.server";

export type RegisterSource = "krr" | "kontoregister" | "aareg";

export type RegisterView = {
  data: RegisterData;
  name: string;
  fnr: string;
  citizenship: string[];
  /** The citizenships' names in the page's language, in the same order (set by the step loader). */
  citizenshipNames?: string[];
  registeredAddress: string | null;
  temporaryAddress: string | null;
  phone: string | null;
  accountNumber: string | null;
  employments: { employer: string; from: string; to: string | null; percent: number }[];
  maritalStatus: string;
  children: { name: string; birthDate: string; livesWithApplicant: boolean }[];
  office: { name: string; municipality: string; phone: string } | null;
  /**
   * Registers that did not answer this time: their part is empty because we could not ask,
   * not because nothing is registered, and the step says so.
   */
  notFetched: RegisterSource[];
  /** Fetched for the income step: NAV payments always, tax and housing allowance only with consent. */
  income?: {
    /** null: NAV's payment register did not answer. */
    navPayments: { benefit: string; amount: number; date: string }[] | null;
    tax: { payer: string; month: string; gross: number; withheld: number }[] | null;
    bostotte: { date: string; amount: number }[] | null;
  };
};

/**
 * What of the register each step shows; the step loader sends only that, so the page's data
 * (its HTML and the hydration data in it) holds no more than the page renders: the
 * fødselsnummer only on personalia (which shows it) and the summary (whose outline shows it).
 * Every step gets `data`, the register facts the rules and the browser's validation read.
 */
export const shownRegister = {
  personalia: ["name", "fnr", "citizenship", "citizenshipNames", "registeredAddress", "temporaryAddress", "phone", "accountNumber", "notFetched", "office"],
  behov: ["office"],
  arbeid: ["employments", "notFetched"],
  familie: ["children"],
  bosituasjon: [],
  inntekt: ["income"],
  utgifter: [],
  dokumentasjon: [],
  oppsummering: ["office"],
} as const satisfies Record<StepId, readonly Exclude<keyof RegisterView, "data">[]>;

/** The register as step `S` receives it. */
export type StepRegister<S extends StepId> = Pick<RegisterView, "data" | (typeof shownRegister)[S][number]>;

/** Only what step `step` shows of `view`. */
export function registerFor<S extends StepId>(step: S, view: RegisterView): StepRegister<S> {
  const shown: Record<string, unknown> = { data: view.data };
  for (const field of shownRegister[step] as readonly (keyof RegisterView)[]) {
    if (view[field] !== undefined) shown[field] = view[field];
  }
  return shown as StepRegister<S>;
}

type StepViewPropsOf<S extends StepId> = {
  draftId: string;
  step: S;
  kind: ApplicationKind;
  /** The form's current values: saved answers, or what the person just sent back with errors. */
  values: FormValues;
  /** Field name → i18n key of the message. */
  errors: Record<string, string>;
  register: StepRegister<S>;
  /** Earlier answers, pruned to what still applies. */
  answers: Answers;
  /** Documents the answers call for (the documentation step). */
  documents: { id: string; title: string; description: string; hasAmount: boolean; files: ListedFile[] }[];
  /** Files that belong to no listed document ("Annen dokumentasjon"). */
  otherFiles?: ListedFile[];
  /** The results of an upload just made, per document. */
  uploads?: UploadOutcome[];
  /** The summary step: every answer in the words of the PDF. */
  outline?: SoknadOutline;
};

/** What a step's fields receive: `StepViewProps<"familie">` for one step, the union of all by default. */
export type StepViewProps<S extends StepId = StepId> = { [Step in S]: StepViewPropsOf<Step> }[S];

/** The DOM id of a field, so the error summary can link to it. */
export function fieldId(name: string): string {
  return `felt-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

/** One value of a field as a string ("" when absent). */
export function valueOf(values: FormValues, name: string): string {
  const value = values[name];
  return Array.isArray(value) ? (value[0] ?? "") : (value ?? "");
}

/** All values of a multi-choice field. */
export function valuesOf(values: FormValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : value ? [value] : [];
}
