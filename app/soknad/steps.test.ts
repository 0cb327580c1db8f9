import { describe, expect, it } from "vitest";
import {
  allSteps,
  applicableSteps,
  firstStep,
  isApplicableStep,
  isApplicationKind,
  isStepId,
  nextStep,
  previousStep,
  stepPosition,
  stepsFor,
  type StepId,
} from "./steps";

const standard: StepId[] = ["personalia", "behov", "arbeid", "familie", "bosituasjon", "inntekt", "utgifter", "dokumentasjon", "oppsummering"];
const kort: StepId[] = ["personalia", "behov", "inntekt", "oppsummering"];

describe("stepsFor", () => {
  it("lists the standard and the short flow in order", () => {
    expect(stepsFor("standard")).toEqual(standard);
    expect(stepsFor("kort")).toEqual(kort);
    expect(allSteps).toEqual(standard);
  });

  it("applies every step today", () => {
    expect(applicableSteps("standard", {})).toEqual(standard);
    expect(applicableSteps("kort", { behov: { categories: ["nodhjelp"], emergency: ["ingenMat"] } })).toEqual(kort);
  });

  it("returns a copy callers cannot use to change the flow", () => {
    applicableSteps("kort", {}).pop();
    expect(applicableSteps("kort", {})).toEqual(kort);
  });
});

describe("navigation", () => {
  it.each([
    ["standard", standard],
    ["kort", kort],
  ] as const)("walks the %s flow forwards and backwards", (kind, steps) => {
    for (let i = 0; i < steps.length; i++) {
      expect(nextStep(kind, steps[i]!, {})).toBe(steps[i + 1] ?? null);
      expect(previousStep(kind, steps[i]!, {})).toBe(i === 0 ? null : steps[i - 1]);
    }
    expect(firstStep(kind, {})).toBe("personalia");
  });

  it("skips the steps the short flow does not have", () => {
    expect(nextStep("kort", "behov", {})).toBe("inntekt");
    expect(previousStep("kort", "inntekt", {})).toBe("behov");
    expect(previousStep("kort", "oppsummering", {})).toBe("inntekt");
  });

  it("finds the way on from a step outside the flow (an old bookmark)", () => {
    expect(nextStep("kort", "familie", {})).toBe("inntekt");
    expect(previousStep("kort", "familie", {})).toBe("behov");
    expect(nextStep("kort", "dokumentasjon", {})).toBe("oppsummering");
  });

  it("knows the position for the progress indicator", () => {
    expect(stepPosition("standard", "familie", {})).toEqual({ number: 4, total: 9 });
    expect(stepPosition("kort", "inntekt", {})).toEqual({ number: 3, total: 4 });
    expect(stepPosition("kort", "familie", {})).toBeNull();
  });
});

describe("guards", () => {
  it("accepts only known step ids and kinds (URL slugs)", () => {
    expect(isStepId("behov")).toBe(true);
    for (const value of ["Behov", "behov/", "", "__proto__", "toString", 3, null, undefined]) expect(isStepId(value)).toBe(false);
    expect(isApplicationKind("kort")).toBe(true);
    expect(isApplicationKind("long")).toBe(false);
  });

  it("tells whether a step belongs to the application", () => {
    expect(isApplicableStep("kort", "familie", {})).toBe(false);
    expect(isApplicableStep("standard", "familie", {})).toBe(true);
    expect(isApplicableStep("standard", "nope", {})).toBe(false);
  });
});
