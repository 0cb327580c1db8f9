/**
 * The steps of the guided application (søknad), for both kinds of application.
 * The step id is also the URL slug (`/nb/soknad/<draftId>/<step>`), so ids are
 * lower-case Norwegian words that never change.
 */
import type { Answers } from "./schemas";

export const applicationKinds = ["standard", "kort"] as const;
/** `standard` is the full application; `kort` is the short one for people who got help recently. */
export type ApplicationKind = (typeof applicationKinds)[number];

/** Every step in the order they come in the full application; the short one keeps the same order. */
export const allSteps = [
  "personalia",
  "behov",
  "arbeid",
  "familie",
  "bosituasjon",
  "inntekt",
  "utgifter",
  "dokumentasjon",
  "oppsummering",
] as const;
export type StepId = (typeof allSteps)[number];

const flows: Record<ApplicationKind, readonly StepId[]> = {
  standard: allSteps,
  // In the short flow, behov also asks whether anything has changed since last time,
  // and inntekt asks for the current account balance.
  kort: ["personalia", "behov", "inntekt", "oppsummering"],
};

export function isApplicationKind(value: unknown): value is ApplicationKind {
  return typeof value === "string" && (applicationKinds as readonly string[]).includes(value);
}

/** Whether `value` is a step id (any kind); use it on URL slugs before anything else. */
export function isStepId(value: unknown): value is StepId {
  return typeof value === "string" && (allSteps as readonly string[]).includes(value);
}

/** All steps of an application kind, in order. */
export function stepsFor(kind: ApplicationKind): readonly StepId[] {
  return flows[kind];
}

/**
 * The steps that apply to this person given what they have answered so far.
 * Today every step of the kind applies; the answers are here so a step can be
 * skipped later without changing the callers.
 */
export function applicableSteps(kind: ApplicationKind, _answers: Answers): StepId[] {
  return [...stepsFor(kind)];
}

/** Whether `step` is part of this application as it stands (use it to refuse a slug typed by hand). */
export function isApplicableStep(kind: ApplicationKind, step: unknown, answers: Answers): step is StepId {
  return isStepId(step) && applicableSteps(kind, answers).includes(step);
}

export function firstStep(kind: ApplicationKind, answers: Answers): StepId {
  return applicableSteps(kind, answers)[0] ?? "oppsummering";
}

/**
 * The step after `current`, or null after the last one. When `current` does not
 * apply (an old bookmark, or answers that changed), the next applicable step in
 * the overall order is returned.
 */
export function nextStep(kind: ApplicationKind, current: StepId, answers: Answers): StepId | null {
  const position = allSteps.indexOf(current);
  return applicableSteps(kind, answers).find((step) => allSteps.indexOf(step) > position) ?? null;
}

/** The step before `current`, or null on the first one. */
export function previousStep(kind: ApplicationKind, current: StepId, answers: Answers): StepId | null {
  const position = allSteps.indexOf(current);
  return (
    applicableSteps(kind, answers)
      .filter((step) => allSteps.indexOf(step) < position)
      .at(-1) ?? null
  );
}

/** "Step n of total" for the progress indicator; n is 1-based, or null when the step does not apply. */
export function stepPosition(kind: ApplicationKind, current: StepId, answers: Answers): { number: number; total: number } | null {
  const steps = applicableSteps(kind, answers);
  const index = steps.indexOf(current);
  return index < 0 ? null : { number: index + 1, total: steps.length };
}
