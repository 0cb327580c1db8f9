import { describe, expect, it } from "vitest";
import { requiredDocuments, type RegisterData } from "~/soknad/rules";
import type { Answers } from "~/soknad/options";
import { documentsToHaveReady, parseSituation, situationValues, type Situation } from "./before-you-apply";

const base: Situation = { livesWith: "alone", children: "no", housing: "familyFriends", income: ["none"], student: "no", nordic: "yes" };
const nordic: RegisterData = { maritalStatus: "UOPPGITT", spouseRegistered: false, children: [], citizenship: ["NOR"] };

describe("documentsToHaveReady", () => {
  it("asks a Nordic citizen living with family, with no income, only for the tax return", () => {
    expect(documentsToHaveReady(base)).toEqual(["skattemelding"]);
  });

  it("equals what the application's documentation step asks for the same answers", () => {
    const renter: Answers = {
      bosituasjon: { housing: "leier", householdSize: 2 },
      inntekt: { skattConsent: "ja", bostotteConsent: "ja", studentLoan: "ja", otherIncome: ["annet"], otherIncomeAmounts: {}, savings: [], assets: [] },
      utgifter: { housingCosts: ["husleie"], otherCosts: [] },
    };
    const situation: Situation = { ...base, livesWith: "partner", housing: "rent", income: ["wages", "studentLoan", "other"], student: "yes" };
    expect(documentsToHaveReady(situation)).toEqual(requiredDocuments(renter, nordic, "standard"));
    expect(documentsToHaveReady(situation)).toEqual(["skattemelding", "husleiekontrakt", "studielan", "inntektAnnet", "husleiekvittering"]);
  });

  it("asks for a residence permit when the person is not a Nordic citizen, as the application does without one in the register", () => {
    const situation: Situation = { ...base, nordic: "no", children: "yes", housing: "own" };
    expect(documentsToHaveReady(situation)).toEqual(requiredDocuments({}, { ...nordic, citizenship: [] }, "standard"));
    expect(documentsToHaveReady(situation)).toContain("oppholdstillatelse");
  });

  it("asks nothing more of a person with no fixed place to live", () => {
    expect(documentsToHaveReady({ ...base, housing: "noFixedPlace", income: ["navBenefits"] })).toEqual(["skattemelding"]);
  });
});

describe("parseSituation", () => {
  it("reads a complete form", () => {
    const form = new URLSearchParams("livesWith=partner&children=yes&housing=rent&income=wages&income=studentLoan&student=no&nordic=yes");
    expect(parseSituation(situationValues(form))).toEqual({
      ok: true,
      situation: { livesWith: "partner", children: "yes", housing: "rent", income: ["wages", "studentLoan"], student: "no", nordic: "yes" },
    });
  });

  it("names every question left out or answered with something it does not offer", () => {
    const form = new URLSearchParams("livesWith=<script>&housing=castle&income=lottery");
    const result = parseSituation(situationValues(form));
    expect(result).toEqual({
      ok: false,
      errors: {
        livesWith: "veiviser-verktoy:beforeYouApply.errors.livesWith",
        children: "veiviser-verktoy:beforeYouApply.errors.children",
        housing: "veiviser-verktoy:beforeYouApply.errors.housing",
        income: "veiviser-verktoy:beforeYouApply.errors.income",
        student: "veiviser-verktoy:beforeYouApply.errors.student",
        nordic: "veiviser-verktoy:beforeYouApply.errors.nordic",
      },
    });
  });

  it("refuses 'no income' together with an income", () => {
    const form = new URLSearchParams("livesWith=alone&children=no&housing=own&income=none&income=wages&student=no&nordic=yes");
    expect(parseSituation(situationValues(form))).toEqual({ ok: false, errors: { income: "veiviser-verktoy:beforeYouApply.errors.incomeNoneAndOther" } });
  });
});
