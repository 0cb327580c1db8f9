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

export type StepViewProps = {
  draftId: string;
  step: StepId;
  kind: ApplicationKind;
  /** The form's current values: saved answers, or what the person just sent back with errors. */
  values: FormValues;
  /** Field name → i18n key of the message. */
  errors: Record<string, string>;
  register: RegisterView;
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
