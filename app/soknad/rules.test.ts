import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import {
  appliesToAnswers,
  documentRule,
  documentRules,
  isNordicCitizen,
  isUrgent,
  registerDataFrom,
  requiredDocuments,
  type DocumentId,
  type RegisterData,
} from "./rules";
import type { Answers, InntektAnswer, UtgifterAnswer } from "./schemas";

const register: RegisterData = { maritalStatus: "UGIFT", spouseRegistered: false, children: [], citizenship: ["NOR"] };
const withChildren: RegisterData = { ...register, children: [{ livesWithApplicant: true }, { livesWithApplicant: false }] };

const inntekt = (overrides: Partial<InntektAnswer> = {}): InntektAnswer => ({
  skattConsent: "ja",
  bostotteConsent: "ja",
  studentLoan: "nei",
  otherIncome: [],
  otherIncomeAmounts: {},
  savings: [],
  assets: [],
  ...overrides,
});
const utgifter = (overrides: Partial<UtgifterAnswer> = {}): UtgifterAnswer => ({ housingCosts: [], otherCosts: [], ...overrides });

describe("documentRules", () => {
  /** For every rule: answers (and register) that trigger it. The baseline triggers only skattemelding. */
  const triggers: Record<DocumentId, { answers: Answers; register?: RegisterData }> = {
    skattemelding: { answers: {} },
    oppholdstillatelse: { answers: {}, register: { ...register, citizenship: ["POL"] } },
    husleiekontrakt: { answers: { bosituasjon: { housing: "leier", householdSize: 1 } } },
    studielan: { answers: { inntekt: inntekt({ studentLoan: "ja" }) } },
    bostotte: { answers: { inntekt: inntekt({ bostotteConsent: "nei" }) } },
    inntektBarnebidrag: { answers: { inntekt: inntekt({ otherIncome: ["barnebidrag"] }) } },
    inntektUtbytte: { answers: { inntekt: inntekt({ otherIncome: ["utbytte"] }) } },
    inntektSalg: { answers: { inntekt: inntekt({ otherIncome: ["salg"] }) } },
    inntektLeie: { answers: { inntekt: inntekt({ otherIncome: ["leieinntekt"] }) } },
    inntektForsikring: { answers: { inntekt: inntekt({ otherIncome: ["forsikring"] }) } },
    inntektAnnet: { answers: { inntekt: inntekt({ otherIncome: ["annet"] }) } },
    kontoutskriftBrukskonto: { answers: { inntekt: inntekt({ savings: ["brukskonto"] }) } },
    kontoutskriftSparekonto: { answers: { inntekt: inntekt({ savings: ["sparekonto"] }) } },
    kontoutskriftBsu: { answers: { inntekt: inntekt({ savings: ["bsu"] }) } },
    oversiktAksjer: { answers: { inntekt: inntekt({ savings: ["aksjer"] }) } },
    oversiktLivsforsikring: { answers: { inntekt: inntekt({ savings: ["livsforsikring"] }) } },
    oversiktSparingAnnet: { answers: { inntekt: inntekt({ savings: ["annet"] }) } },
    husleiekvittering: { answers: { utgifter: utgifter({ housingCosts: ["husleie"] }) } },
    stromregning: { answers: { utgifter: utgifter({ housingCosts: ["strom"] }) } },
    kommunaleAvgifterFaktura: { answers: { utgifter: utgifter({ housingCosts: ["kommunaleAvgifter"] }) } },
    oppvarmingFaktura: { answers: { utgifter: utgifter({ housingCosts: ["oppvarming"] }) } },
    boliglanAvdrag: { answers: { utgifter: utgifter({ housingCosts: ["boliglanAvdrag"] }) } },
    boliglanRenter: { answers: { utgifter: utgifter({ housingCosts: ["boliglanRenter"] }) } },
    boutgiftAnnet: { answers: { utgifter: utgifter({ housingCosts: ["annet"] }) } },
    barnehageFaktura: { answers: { utgifter: utgifter({ childCosts: ["barnehage"] }) }, register: withChildren },
    sfoFaktura: { answers: { utgifter: utgifter({ childCosts: ["sfo"] }) }, register: withChildren },
    fritidsaktiviteterKvittering: { answers: { utgifter: utgifter({ childCosts: ["fritidsaktiviteter"] }) }, register: withChildren },
    tannreguleringFaktura: { answers: { utgifter: utgifter({ childCosts: ["tannregulering"] }) }, register: withChildren },
    barneutgiftAnnet: { answers: { utgifter: utgifter({ childCosts: ["annet"] }) }, register: withChildren },
    medisinKvittering: { answers: { utgifter: utgifter({ otherCosts: ["medisin"] }) } },
    tannlegeFaktura: { answers: { utgifter: utgifter({ otherCosts: ["tannlege"] }) } },
    utgiftAnnet: { answers: { utgifter: utgifter({ otherCosts: ["annet"] }) } },
  };

  it("has a trigger in this test for every rule, and unique ids", () => {
    const ids = documentRules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(triggers).sort()).toEqual([...ids].sort());
  });

  it("always needs the tax return, and nothing else for a Norwegian with no answers", () => {
    expect(requiredDocuments({}, register)).toEqual(["skattemelding"]);
    expect(requiredDocuments({ bosituasjon: { housing: "eier", householdSize: 1 }, inntekt: inntekt(), utgifter: utgifter() }, register)).toEqual([
      "skattemelding",
    ]);
  });

  it.each(Object.entries(triggers).filter(([id]) => id !== "skattemelding"))("%s: needed exactly when its answer is given", (id, trigger) => {
    expect(requiredDocuments(trigger.answers, trigger.register ?? register)).toEqual(["skattemelding", id]);
  });

  it("marks which documents ask for an amount", () => {
    expect(documentRule("skattemelding").hasAmount).toBe(false);
    expect(documentRule("husleiekontrakt").hasAmount).toBe(false);
    expect(documentRule("oppholdstillatelse").hasAmount).toBe(false);
    expect(documentRule("stromregning").hasAmount).toBe(true);
    expect(documentRule("kontoutskriftBrukskonto").hasAmount).toBe(true);
  });

  it("lists the documents in the table's order, whatever the order of the answers", () => {
    const answers: Answers = {
      utgifter: utgifter({ otherCosts: ["tannlege", "medisin"], housingCosts: ["strom", "husleie"] }),
      inntekt: inntekt({ savings: ["sparekonto", "brukskonto"], otherIncome: ["salg"], studentLoan: "ja", bostotteConsent: "nei" }),
      bosituasjon: { housing: "leier", householdSize: 2 },
    };
    expect(requiredDocuments(answers, { ...register, citizenship: ["USA"] })).toEqual([
      "skattemelding",
      "oppholdstillatelse",
      "husleiekontrakt",
      "studielan",
      "bostotte",
      "inntektSalg",
      "kontoutskriftBrukskonto",
      "kontoutskriftSparekonto",
      "husleiekvittering",
      "stromregning",
      "medisinKvittering",
      "tannlegeFaktura",
    ]);
  });

  it("ignores answers that no longer apply", () => {
    // Costs for children are stale when the register has no children.
    expect(requiredDocuments({ utgifter: utgifter({ childCosts: ["barnehage"] }) }, register)).toEqual(["skattemelding"]);
    // The short application has no housing step.
    expect(requiredDocuments({ bosituasjon: { housing: "leier", householdSize: 1 } }, register, "kort")).toEqual(["skattemelding"]);
    expect(requiredDocuments({ bosituasjon: { housing: "leier", householdSize: 1 } }, register, "standard")).toEqual(["skattemelding", "husleiekontrakt"]);
  });

  it("has a title and a description in every language for every document", () => {
    for (const language of ["nb", "nn", "en"]) {
      const texts = JSON.parse(fs.readFileSync(path.join(__dirname, "../../locales", language, "soknad-documents.json"), "utf8")) as Record<
        string,
        { title?: string; description?: string }
      >;
      for (const rule of documentRules) {
        expect(rule.title).toBe(`soknad-documents:${rule.id}.title`);
        expect(rule.description).toBe(`soknad-documents:${rule.id}.description`);
        expect(texts[rule.id]?.title, `${language}: ${rule.id}`).toBeTruthy();
        expect(texts[rule.id]?.description, `${language}: ${rule.id}`).toBeTruthy();
      }
      expect(Object.keys(texts).sort()).toEqual(documentRules.map((rule) => rule.id).sort());
    }
  });
});

describe("citizenship", () => {
  it.each([
    [["NOR"], true],
    [["SWE"], true],
    [["DNK"], true],
    [["FIN"], true],
    [["ISL"], true],
    [["POL", "SWE"], true],
    [["POL"], false],
    [["GBR"], false],
    [["FRO"], false],
    [[], false],
  ])("%j is Nordic: %s", (citizenship, nordic) => {
    expect(isNordicCitizen({ citizenship })).toBe(nordic);
    expect(requiredDocuments({}, { ...register, citizenship }).includes("oppholdstillatelse")).toBe(!nordic);
  });
});

describe("isUrgent", () => {
  it("is urgent exactly when nødhjelp is chosen", () => {
    expect(isUrgent({})).toBe(false);
    expect(isUrgent({ behov: { categories: ["husleie", "strom"] } })).toBe(false);
    expect(isUrgent({ behov: { categories: ["husleie", "nodhjelp"], emergency: ["stromStenges"] } })).toBe(true);
  });
});

describe("appliesToAnswers", () => {
  it("drops emergency details and the annet text when those categories are unticked", () => {
    const answers: Answers = { behov: { categories: ["husleie"], emergency: ["ingenMat"], otherText: "x", details: "kept" } };
    expect(appliesToAnswers(answers)).toEqual({ behov: { categories: ["husleie"], details: "kept" } });
    const urgent: Answers = { behov: { categories: ["nodhjelp", "annet"], emergency: ["ingenMat"], otherText: "x" } };
    expect(appliesToAnswers(urgent)).toEqual(urgent);
  });

  it("drops the study load when the person is not a student", () => {
    expect(appliesToAnswers({ arbeid: { student: "nei", studyLoad: "heltid" } })).toEqual({ arbeid: { student: "nei" } });
    expect(appliesToAnswers({ arbeid: { student: "ja", studyLoad: "heltid" } })).toEqual({ arbeid: { student: "ja", studyLoad: "heltid" } });
  });

  it("drops child support and costs for children when there are no children", () => {
    const answers: Answers = {
      familie: { maritalStatus: "ugift", maritalStatusFromRegister: true, children: [], childSupport: "mottar" },
      utgifter: utgifter({ housingCosts: ["husleie"], childCosts: ["barnehage"] }),
    };
    expect(appliesToAnswers(answers)).toEqual({
      familie: { maritalStatus: "ugift", maritalStatusFromRegister: true, children: [] },
      utgifter: { housingCosts: ["husleie"], otherCosts: [] },
    });
    // With the register, its children count, not the answers'.
    const stale: Answers = {
      familie: { maritalStatus: "ugift", maritalStatusFromRegister: true, children: [{ sharedResidence: "ja" }], childSupport: "mottar" },
      utgifter: utgifter({ childCosts: ["sfo"] }),
    };
    expect(appliesToAnswers(stale, { register })).toEqual({
      familie: { maritalStatus: "ugift", maritalStatusFromRegister: true, children: [] },
      utgifter: { housingCosts: [], otherCosts: [] },
    });
    expect(appliesToAnswers(stale, { register: withChildren }).utgifter?.childCosts).toEqual(["sfo"]);
  });

  it("drops the spouse unless married or cohabiting, and visitation when it was not asked", () => {
    const familie = {
      maritalStatus: "skilt" as const,
      maritalStatusFromRegister: true,
      spouse: { name: "Kari", birthDate: "1990-01-01", livesTogether: "ja" as const },
      children: [
        { sharedResidence: "ja" as const, visitationPercent: 40 },
        { sharedResidence: "nei" as const, visitationPercent: 40 },
      ],
      childSupport: "betaler" as const,
    };
    expect(appliesToAnswers({ familie })).toEqual({
      familie: { ...familie, spouse: undefined, children: [{ sharedResidence: "ja" }, { sharedResidence: "nei", visitationPercent: 40 }] },
    });
    expect(appliesToAnswers({ familie })).not.toHaveProperty("familie.spouse");
    expect(appliesToAnswers({ familie: { ...familie, maritalStatus: "samboer" } }).familie?.spouse).toEqual(familie.spouse);
    // The first child lives with the person: visitation was not asked.
    const both = { ...familie, children: [{ sharedResidence: "nei" as const, visitationPercent: 10 }, { sharedResidence: "nei" as const, visitationPercent: 20 }] };
    expect(appliesToAnswers({ familie: both }, { register: withChildren }).familie?.children).toEqual([
      { sharedResidence: "nei" },
      { sharedResidence: "nei", visitationPercent: 20 },
    ]);
    // A married person whose spouse is in the register was not asked about the spouse.
    const married = { ...familie, maritalStatus: "gift" as const };
    expect(appliesToAnswers({ familie: married }, { register: { ...withChildren, spouseRegistered: true } }).familie).not.toHaveProperty("spouse");
    expect(appliesToAnswers({ familie: married }, { register: withChildren }).familie?.spouse).toEqual(familie.spouse);
  });

  it("drops the other address, the account number and housing text when they no longer apply", () => {
    expect(
      appliesToAnswers({
        personalia: { addressChoice: "folkeregistrert", otherAddress: { street: "a", postnummer: "0150", poststed: "Oslo" }, noBankAccount: true, accountNumber: "12345678903" },
        bosituasjon: { housing: "leier", housingOther: "x", householdSize: 1 },
      }),
    ).toEqual({ personalia: { addressChoice: "folkeregistrert", noBankAccount: true }, bosituasjon: { housing: "leier", householdSize: 1 } });
  });

  it("drops amounts for income kinds no longer chosen", () => {
    expect(appliesToAnswers({ inntekt: inntekt({ otherIncome: ["salg"], otherIncomeAmounts: { salg: 10, utbytte: 20 } }) }).inntekt?.otherIncomeAmounts).toEqual({
      salg: 10,
    });
  });

  it("keeps only what the kind of application asks", () => {
    const answers: Answers = {
      behov: { categories: ["husleie"], changedSinceLast: "ja", changeDescription: "Ny jobb" },
      arbeid: { student: "nei" },
      inntekt: inntekt({ accountBalance: 100 }),
      utgifter: utgifter(),
    };
    expect(appliesToAnswers(answers, { kind: "standard" })).toEqual({
      behov: { categories: ["husleie"] },
      arbeid: { student: "nei" },
      inntekt: inntekt(),
      utgifter: utgifter(),
    });
    expect(appliesToAnswers(answers, { kind: "kort" })).toEqual({
      behov: answers.behov,
      inntekt: answers.inntekt,
    });
    expect(appliesToAnswers({ behov: { categories: ["husleie"], changedSinceLast: "nei", changeDescription: "stale" } }, { kind: "kort" })).toEqual({
      behov: { categories: ["husleie"], changedSinceLast: "nei" },
    });
  });

  it("drops documents no longer required, and amounts on documents without one", () => {
    const answers: Answers = {
      bosituasjon: { housing: "eier", householdSize: 1 },
      utgifter: utgifter({ housingCosts: ["strom"] }),
      dokumentasjon: {
        documents: [
          { id: "skattemelding", choice: "levertTidligere", amount: 5 },
          { id: "husleiekontrakt", choice: "senderSenere" },
          { id: "stromregning", choice: "lasterOppNa", amount: 900 },
        ],
      },
    };
    expect(appliesToAnswers(answers, { register }).dokumentasjon).toEqual({
      documents: [
        { id: "skattemelding", choice: "levertTidligere" },
        { id: "stromregning", choice: "lasterOppNa", amount: 900 },
      ],
    });
    // Without the register it cannot tell which documents apply, so it keeps them.
    expect(appliesToAnswers(answers).dokumentasjon?.documents.map((document) => document.id)).toEqual(["skattemelding", "husleiekontrakt", "stromregning"]);
  });

  it("drops documents with ids it does not know (an older draft)", () => {
    const answers = { dokumentasjon: { documents: [{ id: "gammelType", choice: "senderSenere" }] } } as unknown as Answers;
    expect(appliesToAnswers(answers).dokumentasjon).toEqual({ documents: [] });
  });

  it("does not change its input and is idempotent", () => {
    const answers: Answers = {
      behov: { categories: ["husleie"], emergency: ["ingenMat"] },
      arbeid: { student: "nei", studyLoad: "deltid" },
      utgifter: utgifter({ childCosts: ["sfo"] }),
    };
    const copy = structuredClone(answers);
    const once = appliesToAnswers(answers, { kind: "standard", register });
    expect(answers).toEqual(copy);
    expect(appliesToAnswers(once, { kind: "standard", register })).toEqual(once);
  });
});

describe("registerDataFrom", () => {
  it("takes what the application needs from the folkeregister", () => {
    const child = (folkeregistrertSammen: boolean) => ({ fnr: "01011012345", navn: { fornavn: "A", etternavn: "B" }, fodselsdato: "2010-01-01", folkeregistrertSammen });
    const person: FolkeregisterPerson = {
      fnr: "01018012345",
      navn: { fornavn: "Ola", etternavn: "Nordmann" },
      fodselsdato: "1980-01-01",
      adressebeskyttelse: "UGRADERT",
      statsborgerskap: ["NOR", "POL"],
      sivilstand: "GIFT",
      ektefelle: { ...child(true), fodselsdato: "1981-01-01" },
      bostedsadresse: null,
      oppholdsadresse: null,
      barn: [child(true), child(false)],
    };
    expect(registerDataFrom(person)).toEqual({
      maritalStatus: "GIFT",
      spouseRegistered: true,
      children: [{ livesWithApplicant: true }, { livesWithApplicant: false }],
      citizenship: ["NOR", "POL"],
    });
    expect(registerDataFrom({ ...person, ektefelle: null, barn: [] })).toMatchObject({ spouseRegistered: false, children: [] });
  });
});
