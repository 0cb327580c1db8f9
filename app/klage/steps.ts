/**
 * The complaint's four steps, their answers and its deadline. Plain TypeScript without zod, so the
 * pages (and the front page's draft list) carry none of it; the rules of each step are in schemas.ts.
 */
import { klagefrist } from "~/innsyn/klagefrist";

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

/** The deadline that matters for a complaint about these decisions: the earliest. */
export function earliestDeadline(decisions: readonly KlageDecision[]): string | null {
  return decisions.map((decision) => klagefrist(decision.fattet)).sort()[0] ?? null;
}

export const chosenDecisions = (answers: KlageAnswers): KlageDecision[] => {
  const chosen = new Set(answers.vedtak?.vedtakIds ?? []);
  return (answers.decisions ?? []).filter((decision) => chosen.has(decision.letterId));
};

export type StepContext = { decisions: readonly KlageDecision[]; late: boolean };
