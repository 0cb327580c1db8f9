import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RegisterData } from "./rules";
import {
  formDataToValues,
  formLimits,
  formValuesFor,
  isValidAccountNumber,
  normalisePhone,
  parseKroner,
  parseStep,
  toText,
  type Answers,
  type FormValues,
  type StepContext,
} from "./schemas";
import { allSteps, type StepId } from "./steps";

const register: RegisterData = { maritalStatus: "UGIFT", spouseRegistered: false, children: [], citizenship: ["NOR"] };
const withChildren: RegisterData = {
  ...register,
  maritalStatus: "SKILT",
  children: [{ livesWithApplicant: true }, { livesWithApplicant: false }],
};
const today = new Date("2025-06-01T10:00:00Z");
const context = (overrides: Partial<StepContext> = {}): StepContext => ({ kind: "standard", register, answers: {}, today, ...overrides });

function errorsOf(step: StepId, values: unknown, ctx = context()) {
  const result = parseStep(step, values, ctx);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors;
}

function valueOf<S extends StepId>(step: S, values: unknown, ctx = context()) {
  const result = parseStep(step, values, ctx);
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

/** Appends an 11th digit that makes a valid account number, or null when the check digit would be 10. */
function withAccountCheckDigit(first10: string): string | null {
  const weights = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
  const sum = weights.reduce((total, weight, i) => total + weight * Number(first10[i]), 0);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? null : `${first10}${check}`;
}

const validAccount = "12345678903";

/* ---------- building blocks ---------- */

describe("toText", () => {
  it("trims, normalises line breaks and drops control characters", () => {
    expect(toText("  hei  ")).toBe("hei");
    expect(toText("   ")).toBeUndefined();
    expect(toText("a\u0000b\u0007c")).toBe("a b c");
    expect(toText("linje 1\r\nlinje 2\rlinje 3", { multiline: true })).toBe("linje 1\nlinje 2\nlinje 3");
    expect(toText("linje 1\r\nlinje 2")).toBe("linje 1 linje 2");
    expect(toText("a\u0000b", { multiline: true })).toBe("ab");
  });

  it("treats wrong types as missing and takes the first of repeated values", () => {
    for (const value of [undefined, null, 3, true, {}, [], [3], () => "x"]) expect(toText(value)).toBeUndefined();
    expect(toText(["first", "second"])).toBe("first");
  });
});

describe("phone numbers", () => {
  it.each([
    ["91234567", "+4791234567"],
    ["912 34 567", "+4791234567"],
    ["+47 912 34 567", "+4791234567"],
    ["004791234567", "+4791234567"],
    ["22 22 22 22", "+4722222222"],
    ["+46 70 123 45 67", "+46701234567"],
    ["0046701234567", "+46701234567"],
    ["+1 202 555 0143", "+12025550143"],
    ["+3581234", "+3581234"],
  ])("accepts %s as %s", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    ["1234567", "seven Norwegian digits"],
    ["912345678", "nine Norwegian digits"],
    ["01234567", "Norwegian number starting with 0"],
    ["+47 1234567", "+47 with seven digits"],
    ["+47 912345678", "+47 with nine digits"],
    ["+123456", "international with six digits"],
    ["+1234567890123456", "international with sixteen digits"],
    ["+0123456789", "country code 0"],
    ["912-34-567", "dashes"],
    ["tlf 91234567", "letters"],
    ["+47+4791234567", "two prefixes"],
  ])("refuses %s (%s)", (input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it("is optional in personalia, but must be valid when given", () => {
    const base = { addressChoice: "folkeregistrert", accountNumber: validAccount };
    expect(valueOf("personalia", base).phone).toBeUndefined();
    expect(valueOf("personalia", { ...base, phone: " +47 912 34 567 " }).phone).toBe("+4791234567");
    expect(errorsOf("personalia", { ...base, phone: "123" })).toEqual({ phone: "soknad-errors:phone.invalid" });
    expect(errorsOf("personalia", { ...base, phone: "9".repeat(5000) })).toEqual({ phone: "soknad-errors:phone.invalid" });
  });
});

describe("account numbers (mod 11)", () => {
  it("accepts valid numbers", () => {
    for (const number of ["12345678903", "86011117947", "15030000002", "15030000010"]) expect(isValidAccountNumber(number)).toBe(true);
  });

  it("refuses a wrong check digit, wrong length and non-digits", () => {
    expect(isValidAccountNumber("12345678904")).toBe(false);
    expect(isValidAccountNumber("86011117940")).toBe(false);
    expect(isValidAccountNumber("1234567890")).toBe(false);
    expect(isValidAccountNumber("123456789031")).toBe(false);
    expect(isValidAccountNumber("1234567890a")).toBe(false);
  });

  it("refuses every number whose check digit would be 10", () => {
    // 1234567892x: the weighted sum leaves remainder 1, so no digit is valid.
    for (let digit = 0; digit <= 9; digit++) expect(isValidAccountNumber(`1234567892${digit}`)).toBe(false);
    expect(withAccountCheckDigit("1234567892")).toBeNull();
  });

  it("agrees with an independent check-digit computation", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (first10) => {
        const valid = withAccountCheckDigit(first10);
        if (valid) expect(isValidAccountNumber(valid)).toBe(true);
        for (let digit = 0; digit <= 9; digit++) {
          const candidate = `${first10}${digit}`;
          expect(isValidAccountNumber(candidate)).toBe(candidate === valid);
        }
      }),
    );
  });

  it("takes spaces and dots in the input and stores the digits", () => {
    const base = { addressChoice: "folkeregistrert" };
    expect(valueOf("personalia", { ...base, accountNumber: "1234 56 78903" }).accountNumber).toBe("12345678903");
    expect(valueOf("personalia", { ...base, accountNumber: "1234.56.78903" }).accountNumber).toBe("12345678903");
    expect(valueOf("personalia", { ...base, accountNumber: " 8601 11 17947 " }).accountNumber).toBe("86011117947");
  });

  it("says whether the number is missing, has the wrong form, or fails the check", () => {
    const base = { addressChoice: "folkeregistrert" };
    expect(errorsOf("personalia", base)).toEqual({ accountNumber: "soknad-errors:accountNumber.required" });
    expect(errorsOf("personalia", { ...base, accountNumber: "1234 56 7890" })).toEqual({ accountNumber: "soknad-errors:accountNumber.format" });
    expect(errorsOf("personalia", { ...base, accountNumber: "1234-56-78903" })).toEqual({ accountNumber: "soknad-errors:accountNumber.format" });
    expect(errorsOf("personalia", { ...base, accountNumber: "1234 56 78904" })).toEqual({ accountNumber: "soknad-errors:accountNumber.checksum" });
  });
});

describe("amounts in kroner", () => {
  it.each([
    ["1500", 1500],
    ["1 500", 1500],
    ["1\u00a0500", 1500],
    ["1,500", 1500],
    ["1.500", 1500],
    ["1 234 567", 1234567],
    ["1.234.567", 1234567],
    ["1500,-", 1500],
    ["1500,00", 1500],
    ["kr 1500", 1500],
    ["1500 kr", 1500],
    ["0", 0],
    ["10 000 000", 10_000_000],
  ])("reads %s as %d", (input, expected) => {
    expect(parseKroner(input)).toBe(expected);
  });

  it.each([["12,50"], ["1,5"], ["1,50,000"], ["1.500,000"], ["abc"], ["1e6"], ["0x10"], ["Infinity"], ["12 kr 50"], ["--5"]])("refuses %s", (input) => {
    expect(parseKroner(input)).toBe("invalid");
  });

  it("refuses negative amounts unless allowed, and amounts over 10 million", () => {
    expect(parseKroner("-100")).toBe("negative");
    expect(parseKroner("-100", { allowNegative: true })).toBe(-100);
    expect(parseKroner("\u22121 000", { allowNegative: true })).toBe(-1000);
    expect(parseKroner("10 000 001")).toBe("tooLarge");
    expect(parseKroner("99999999999999")).toBe("tooLarge");
    expect(parseKroner("9999999999999999")).toBe("invalid");
  });
});

/* ---------- steps ---------- */

describe("personalia", () => {
  it("accepts the register address and an account number", () => {
    expect(valueOf("personalia", { addressChoice: "folkeregistrert", phone: "91234567", accountNumber: validAccount })).toEqual({
      addressChoice: "folkeregistrert",
      phone: "+4791234567",
      noBankAccount: false,
      accountNumber: validAccount,
    });
  });

  it("requires an address choice", () => {
    expect(errorsOf("personalia", { accountNumber: validAccount })).toEqual({ addressChoice: "soknad-errors:addressChoice.required" });
    expect(errorsOf("personalia", { addressChoice: "hjemme", accountNumber: validAccount })).toEqual({
      addressChoice: "soknad-errors:addressChoice.required",
    });
  });

  it("asks for the other address only when annen is chosen", () => {
    expect(errorsOf("personalia", { addressChoice: "annen", accountNumber: validAccount })).toEqual({
      otherStreet: "soknad-errors:otherStreet.required",
      otherPostnummer: "soknad-errors:otherPostnummer.required",
      otherPoststed: "soknad-errors:otherPoststed.required",
    });
    expect(
      errorsOf("personalia", { addressChoice: "annen", otherStreet: "x".repeat(201), otherPostnummer: "123", otherPoststed: "y".repeat(101), accountNumber: validAccount }),
    ).toEqual({
      otherStreet: "soknad-errors:otherStreet.tooLong",
      otherPostnummer: "soknad-errors:otherPostnummer.invalid",
      otherPoststed: "soknad-errors:otherPoststed.tooLong",
    });
    expect(
      valueOf("personalia", { addressChoice: "annen", otherStreet: " Storgata 1 ", otherPostnummer: "0 150", otherPoststed: "Oslo", accountNumber: validAccount }).otherAddress,
    ).toEqual({ street: "Storgata 1", postnummer: "0150", poststed: "Oslo" });
    // A stale other address is dropped when the register address is chosen.
    expect(
      valueOf("personalia", { addressChoice: "midlertidig", otherStreet: "Storgata 1", otherPostnummer: "abc", accountNumber: validAccount }),
    ).not.toHaveProperty("otherAddress");
  });

  it("needs no account number when the person has no bank account, and drops one that was typed", () => {
    expect(valueOf("personalia", { addressChoice: "folkeregistrert", noBankAccount: "on" })).toEqual({ addressChoice: "folkeregistrert", noBankAccount: true });
    expect(valueOf("personalia", { addressChoice: "folkeregistrert", noBankAccount: "on", accountNumber: "123" })).not.toHaveProperty("accountNumber");
    // Only "on" ticks the box.
    expect(errorsOf("personalia", { addressChoice: "folkeregistrert", noBankAccount: "true" })).toHaveProperty("accountNumber");
  });

  it("reports every error at once", () => {
    expect(Object.keys(errorsOf("personalia", { addressChoice: "annen", phone: "1", accountNumber: "1" })).sort()).toEqual(
      ["accountNumber", "otherPostnummer", "otherPoststed", "otherStreet", "phone"].sort(),
    );
  });
});

describe("behov", () => {
  it("requires at least one category", () => {
    expect(errorsOf("behov", {})).toEqual({ categories: "soknad-errors:categories.required" });
    expect(errorsOf("behov", { categories: [] })).toEqual({ categories: "soknad-errors:categories.required" });
  });

  it("accepts one value or several, deduplicated and in a stable order", () => {
    expect(valueOf("behov", { categories: "husleie" })).toEqual({ categories: ["husleie"] });
    expect(valueOf("behov", { categories: ["strom", "livsopphold", "strom"] })).toEqual({ categories: ["livsopphold", "strom"] });
  });

  it("refuses categories that are not offered", () => {
    expect(errorsOf("behov", { categories: ["husleie", "ferie"] })).toEqual({ categories: "soknad-errors:choice.invalid" });
  });

  it("requires what the emergency is when nødhjelp is chosen, and ignores it otherwise", () => {
    expect(errorsOf("behov", { categories: "nodhjelp" })).toEqual({ emergency: "soknad-errors:emergency.required" });
    expect(valueOf("behov", { categories: "nodhjelp", emergency: ["stromStenges", "ingenMat"] })).toEqual({
      categories: ["nodhjelp"],
      emergency: ["ingenMat", "stromStenges"],
    });
    expect(valueOf("behov", { categories: "husleie", emergency: ["ingenMat", "tull"] })).toEqual({ categories: ["husleie"] });
  });

  it("requires a short text for annet, at most 200 characters", () => {
    expect(errorsOf("behov", { categories: "annet" })).toEqual({ otherText: "soknad-errors:otherText.required" });
    expect(errorsOf("behov", { categories: "annet", otherText: "x".repeat(201) })).toEqual({ otherText: "soknad-errors:otherText.tooLong" });
    expect(valueOf("behov", { categories: "annet", otherText: "x".repeat(200) }).otherText).toHaveLength(200);
    expect(valueOf("behov", { categories: "husleie", otherText: "ignored" })).not.toHaveProperty("otherText");
  });

  it("takes optional details up to 2000 characters, counting a line break as one", () => {
    expect(valueOf("behov", { categories: "husleie", details: "" })).not.toHaveProperty("details");
    expect(valueOf("behov", { categories: "husleie", details: "x".repeat(2000) }).details).toHaveLength(2000);
    expect(errorsOf("behov", { categories: "husleie", details: "x".repeat(2001) })).toEqual({ details: "soknad-errors:details.tooLong" });
    // Browsers send a textarea's line breaks as CRLF; maxlength counted them as one.
    const lines = Array.from({ length: 500 }, () => "abc").join("\r\n");
    expect(valueOf("behov", { categories: "husleie", details: lines }).details).toHaveLength(1999);
  });

  it("asks whether anything has changed only in the short application", () => {
    expect(valueOf("behov", { categories: "husleie", changedSinceLast: "ja", changeDescription: "x" })).toEqual({ categories: ["husleie"] });
    const kort = context({ kind: "kort" });
    expect(errorsOf("behov", { categories: "husleie" }, kort)).toEqual({ changedSinceLast: "soknad-errors:changedSinceLast.required" });
    expect(errorsOf("behov", { categories: "husleie", changedSinceLast: "ja" }, kort)).toEqual({
      changeDescription: "soknad-errors:changeDescription.required",
    });
    expect(errorsOf("behov", { categories: "husleie", changedSinceLast: "ja", changeDescription: "x".repeat(1001) }, kort)).toEqual({
      changeDescription: "soknad-errors:changeDescription.tooLong",
    });
    expect(valueOf("behov", { categories: "husleie", changedSinceLast: "ja", changeDescription: "Ny jobb\r\nmindre lønn" }, kort)).toEqual({
      categories: ["husleie"],
      changedSinceLast: "ja",
      changeDescription: "Ny jobb\nmindre lønn",
    });
    expect(valueOf("behov", { categories: "husleie", changedSinceLast: "nei", changeDescription: "stale" }, kort)).toEqual({
      categories: ["husleie"],
      changedSinceLast: "nei",
    });
  });
});

describe("arbeid", () => {
  it("requires the student question and the study load for students", () => {
    expect(errorsOf("arbeid", {})).toEqual({ student: "soknad-errors:student.required" });
    expect(errorsOf("arbeid", { student: "ja" })).toEqual({ studyLoad: "soknad-errors:studyLoad.required" });
    expect(errorsOf("arbeid", { student: "ja", studyLoad: "litt" })).toEqual({ studyLoad: "soknad-errors:studyLoad.required" });
    expect(valueOf("arbeid", { student: "ja", studyLoad: "deltid" })).toEqual({ student: "ja", studyLoad: "deltid" });
    expect(valueOf("arbeid", { student: "nei", studyLoad: "heltid" })).toEqual({ student: "nei" });
  });

  it("takes an optional comment up to 1000 characters", () => {
    expect(valueOf("arbeid", { student: "nei", employmentComment: "  Sagt opp i mai.  " })).toEqual({ student: "nei", employmentComment: "Sagt opp i mai." });
    expect(errorsOf("arbeid", { student: "nei", employmentComment: "x".repeat(1001) })).toEqual({
      employmentComment: "soknad-errors:employmentComment.tooLong",
    });
  });
});

describe("familie", () => {
  const unknownStatus = context({ register: { ...register, maritalStatus: "UOPPGITT" } });

  it("takes the marital status from the register when it is known", () => {
    expect(valueOf("familie", { maritalStatus: "gift" })).toEqual({ maritalStatus: "ugift", maritalStatusFromRegister: true, children: [] });
    const partner = context({ register: { ...register, maritalStatus: "REGISTRERT_PARTNER", spouseRegistered: true } });
    expect(valueOf("familie", {}, partner)).toEqual({ maritalStatus: "gift", maritalStatusFromRegister: true, children: [] });
    const widow = context({ register: { ...register, maritalStatus: "ENKE_ELLER_ENKEMANN" } });
    expect(valueOf("familie", {}, widow).maritalStatus).toBe("enke");
  });

  it("asks for the marital status when the register says UOPPGITT", () => {
    expect(errorsOf("familie", {}, unknownStatus)).toEqual({ maritalStatus: "soknad-errors:maritalStatus.required" });
    expect(errorsOf("familie", { maritalStatus: "forlovet" }, unknownStatus)).toEqual({ maritalStatus: "soknad-errors:maritalStatus.required" });
    expect(valueOf("familie", { maritalStatus: "skilt" }, unknownStatus)).toEqual({ maritalStatus: "skilt", maritalStatusFromRegister: false, children: [] });
  });

  it("asks about the spouse when married or cohabiting and the spouse is not in the register", () => {
    expect(errorsOf("familie", { maritalStatus: "samboer" }, unknownStatus)).toEqual({
      spouseName: "soknad-errors:spouseName.required",
      spouseBirthDate: "soknad-errors:spouseBirthDate.required",
      spouseLivesTogether: "soknad-errors:spouseLivesTogether.required",
    });
    const married = context({ register: { ...register, maritalStatus: "GIFT", spouseRegistered: false } });
    expect(valueOf("familie", { spouseName: " Kari Nordmann ", spouseBirthDate: "1990-02-28", spouseLivesTogether: "ja" }, married)).toEqual({
      maritalStatus: "gift",
      maritalStatusFromRegister: true,
      spouse: { name: "Kari Nordmann", birthDate: "1990-02-28", livesTogether: "ja" },
      children: [],
    });
    const registeredSpouse = context({ register: { ...register, maritalStatus: "GIFT", spouseRegistered: true } });
    expect(valueOf("familie", { spouseName: "Ignored" }, registeredSpouse)).not.toHaveProperty("spouse");
    expect(valueOf("familie", { maritalStatus: "ugift", spouseName: "Ignored" }, unknownStatus)).not.toHaveProperty("spouse");
  });

  it("checks the spouse's birth date and name", () => {
    const married = context({ register: { ...register, maritalStatus: "GIFT" } });
    const base = { spouseName: "Kari", spouseLivesTogether: "nei" };
    for (const date of ["1990-02-30", "1990-13-01", "30.02.1990", "31.04.1990", "00.01.1990", "1.2.90", "01.02-1990", "1990-2-1", "2000.01.01", "tomorrow", "١٧.٠٥.١٩٩٠"]) {
      expect(errorsOf("familie", { ...base, spouseBirthDate: date }, married)).toEqual({ spouseBirthDate: "soknad-errors:spouseBirthDate.invalid" });
    }
    expect(errorsOf("familie", { ...base, spouseBirthDate: "2025-06-02" }, married)).toEqual({ spouseBirthDate: "soknad-errors:spouseBirthDate.future" });
    expect(errorsOf("familie", { ...base, spouseBirthDate: "02.06.2025" }, married)).toEqual({ spouseBirthDate: "soknad-errors:spouseBirthDate.future" });
    expect(valueOf("familie", { ...base, spouseBirthDate: "2000-02-29" }, married).spouse?.birthDate).toBe("2000-02-29");
    expect(errorsOf("familie", { ...base, spouseBirthDate: "2000-01-01", spouseName: "x".repeat(201) }, married)).toEqual({
      spouseName: "soknad-errors:spouseName.tooLong",
    });
  });

  it("takes the birth date as Norwegians write it and stores it as YYYY-MM-DD", () => {
    const married = context({ register: { ...register, maritalStatus: "GIFT" } });
    const birthDate = (typed: string) => valueOf("familie", { spouseName: "Kari", spouseLivesTogether: "nei", spouseBirthDate: typed }, married).spouse?.birthDate;
    for (const typed of ["17.05.1990", "17.5.1990", " 17. 5. 1990 ", "17/05/1990", "17-05-1990", "17051990", "1990-05-17"]) {
      expect(birthDate(typed), typed).toBe("1990-05-17");
    }
    expect(birthDate("1.2.1990")).toBe("1990-02-01");
    expect(birthDate("29.02.2000")).toBe("2000-02-29");
  });

  it("refuses a spouse's birth date that gives an implausible age", () => {
    // today is 2025-06-01: 16 years old from 2009-06-01, 120 until the day before the 121st birthday.
    const married = context({ register: { ...register, maritalStatus: "GIFT" } });
    const base = { spouseName: "Kari", spouseLivesTogether: "nei" };
    expect(errorsOf("familie", { ...base, spouseBirthDate: "02.06.2009" }, married)).toEqual({ spouseBirthDate: "soknad-errors:spouseBirthDate.tooYoung" });
    expect(errorsOf("familie", { ...base, spouseBirthDate: "2019-12-24" }, married)).toEqual({ spouseBirthDate: "soknad-errors:spouseBirthDate.tooYoung" });
    expect(valueOf("familie", { ...base, spouseBirthDate: "01.06.2009" }, married).spouse?.birthDate).toBe("2009-06-01");
    expect(valueOf("familie", { ...base, spouseBirthDate: "02.06.1904" }, married).spouse?.birthDate).toBe("1904-06-02");
    expect(errorsOf("familie", { ...base, spouseBirthDate: "01.06.1904" }, married)).toEqual({ spouseBirthDate: "soknad-errors:spouseBirthDate.tooOld" });
    expect(errorsOf("familie", { ...base, spouseBirthDate: "1899-12-31" }, married)).toEqual({ spouseBirthDate: "soknad-errors:spouseBirthDate.tooOld" });
  });

  it("shows a stored birth date back as DD.MM.ÅÅÅÅ, which parses to the same date", () => {
    const answer = { maritalStatus: "gift" as const, maritalStatusFromRegister: true, spouse: { name: "Kari", birthDate: "1990-05-07", livesTogether: "ja" as const }, children: [] };
    const values = formValuesFor("familie", answer);
    expect(values.spouseBirthDate).toBe("07.05.1990");
    const married = context({ register: { ...register, maritalStatus: "GIFT" } });
    expect(valueOf("familie", values, married)).toEqual(answer);
  });

  it("asks about each registered child and about child support", () => {
    const ctx = context({ register: withChildren });
    expect(errorsOf("familie", {}, ctx)).toEqual({
      "child.0.sharedResidence": "soknad-errors:child.sharedResidence.required",
      "child.1.sharedResidence": "soknad-errors:child.sharedResidence.required",
      childSupport: "soknad-errors:childSupport.required",
    });
    // The child who does not live with the person and has no shared residence: how much contact?
    expect(errorsOf("familie", { "child.0.sharedResidence": "nei", "child.1.sharedResidence": "nei", childSupport: "mottar" }, ctx)).toEqual({
      "child.1.visitationPercent": "soknad-errors:child.visitationPercent.required",
    });
    for (const percent of ["101", "-1", "12.5", "mye"]) {
      expect(
        errorsOf("familie", { "child.0.sharedResidence": "ja", "child.1.sharedResidence": "nei", "child.1.visitationPercent": percent, childSupport: "ingen" }, ctx),
      ).toEqual({ "child.1.visitationPercent": "soknad-errors:child.visitationPercent.invalid" });
    }
    expect(
      valueOf(
        "familie",
        { "child.0.sharedResidence": "nei", "child.0.visitationPercent": "50", "child.1.sharedResidence": "nei", "child.1.visitationPercent": "20 %", childSupport: "begge" },
        ctx,
      ),
    ).toEqual({
      maritalStatus: "skilt",
      maritalStatusFromRegister: true,
      children: [{ sharedResidence: "nei" }, { sharedResidence: "nei", visitationPercent: 20 }],
      childSupport: "begge",
    });
    expect(
      valueOf("familie", { "child.0.sharedResidence": "ja", "child.1.sharedResidence": "ja", "child.1.visitationPercent": "0", childSupport: "ingen" }, ctx).children,
    ).toEqual([{ sharedResidence: "ja" }, { sharedResidence: "ja" }]);
  });

  it("ignores child fields when the register has no children", () => {
    expect(valueOf("familie", { "child.0.sharedResidence": "ja", childSupport: "betaler" })).toEqual({
      maritalStatus: "ugift",
      maritalStatusFromRegister: true,
      children: [],
    });
  });
});

describe("bosituasjon", () => {
  it("requires housing and household size", () => {
    expect(errorsOf("bosituasjon", {})).toEqual({ housing: "soknad-errors:housing.required", householdSize: "soknad-errors:householdSize.required" });
    expect(valueOf("bosituasjon", { housing: "leier", householdSize: " 3 " })).toEqual({ housing: "leier", householdSize: 3 });
  });

  it("asks what annet means", () => {
    expect(errorsOf("bosituasjon", { housing: "annet", householdSize: "1" })).toEqual({ housingOther: "soknad-errors:housingOther.required" });
    expect(errorsOf("bosituasjon", { housing: "annet", housingOther: "x".repeat(201), householdSize: "1" })).toEqual({
      housingOther: "soknad-errors:housingOther.tooLong",
    });
    expect(valueOf("bosituasjon", { housing: "annet", housingOther: "Campingvogn", householdSize: "1" })).toEqual({
      housing: "annet",
      housingOther: "Campingvogn",
      householdSize: 1,
    });
    expect(valueOf("bosituasjon", { housing: "utenBolig", housingOther: "stale", householdSize: "1" })).not.toHaveProperty("housingOther");
  });

  it("takes a household size from 1 to 20", () => {
    for (const size of ["0", "21", "2.5", "to", "-1", "1e1"]) {
      expect(errorsOf("bosituasjon", { housing: "eier", householdSize: size })).toEqual({ householdSize: "soknad-errors:householdSize.invalid" });
    }
    expect(valueOf("bosituasjon", { housing: "eier", householdSize: "20" }).householdSize).toBe(20);
  });
});

describe("inntekt", () => {
  const consents = { skattConsent: "ja", bostotteConsent: "nei", studentLoan: "nei" };

  it("requires the three yes/no questions", () => {
    expect(errorsOf("inntekt", {})).toEqual({
      skattConsent: "soknad-errors:skattConsent.required",
      bostotteConsent: "soknad-errors:bostotteConsent.required",
      studentLoan: "soknad-errors:studentLoan.required",
    });
    expect(valueOf("inntekt", consents)).toEqual({ ...consents, otherIncome: [], otherIncomeAmounts: {}, savings: [], assets: [] });
  });

  it("takes amounts for the income kinds chosen, and ignores the others", () => {
    const value = valueOf("inntekt", {
      ...consents,
      otherIncome: ["salg", "barnebidrag"],
      "otherIncomeAmount.barnebidrag": "1 720",
      "otherIncomeAmount.salg": "",
      "otherIncomeAmount.utbytte": "not a number, but not asked",
      savings: ["bsu", "brukskonto"],
      assets: "kjoretoy",
    });
    expect(value).toEqual({
      ...consents,
      otherIncome: ["barnebidrag", "salg"],
      otherIncomeAmounts: { barnebidrag: 1720 },
      savings: ["brukskonto", "bsu"],
      assets: ["kjoretoy"],
    });
  });

  it("checks the amounts", () => {
    const base = { ...consents, otherIncome: ["utbytte", "forsikring", "annet"] };
    expect(
      errorsOf("inntekt", { ...base, "otherIncomeAmount.utbytte": "12,50", "otherIncomeAmount.forsikring": "-5", "otherIncomeAmount.annet": "20 000 000" }),
    ).toEqual({
      "otherIncomeAmount.utbytte": "soknad-errors:amount.invalid",
      "otherIncomeAmount.forsikring": "soknad-errors:amount.negative",
      "otherIncomeAmount.annet": "soknad-errors:amount.tooLarge",
    });
  });

  it("refuses kinds that are not offered", () => {
    expect(errorsOf("inntekt", { ...consents, savings: ["gull"], assets: ["bolig", "yacht"] })).toEqual({
      savings: "soknad-errors:choice.invalid",
      assets: "soknad-errors:choice.invalid",
    });
  });

  it("asks for the account balance in the short application only", () => {
    expect(valueOf("inntekt", { ...consents, accountBalance: "500" })).not.toHaveProperty("accountBalance");
    const kort = context({ kind: "kort" });
    expect(errorsOf("inntekt", consents, kort)).toEqual({ accountBalance: "soknad-errors:accountBalance.required" });
    expect(errorsOf("inntekt", { ...consents, accountBalance: "mye" }, kort)).toEqual({ accountBalance: "soknad-errors:amount.invalid" });
    expect(valueOf("inntekt", { ...consents, accountBalance: "0" }, kort).accountBalance).toBe(0);
    expect(valueOf("inntekt", { ...consents, accountBalance: "-1 200" }, kort).accountBalance).toBe(-1200);
  });
});

describe("utgifter", () => {
  it("accepts nothing ticked", () => {
    expect(valueOf("utgifter", {})).toEqual({ housingCosts: [], otherCosts: [] });
  });

  it("asks about costs for children only when there are children", () => {
    const values = { housingCosts: ["strom", "husleie"], childCosts: ["barnehage"], otherCosts: "medisin" };
    expect(valueOf("utgifter", values)).toEqual({ housingCosts: ["husleie", "strom"], otherCosts: ["medisin"] });
    expect(valueOf("utgifter", values, context({ register: withChildren }))).toEqual({
      housingCosts: ["husleie", "strom"],
      childCosts: ["barnehage"],
      otherCosts: ["medisin"],
    });
  });

  it("refuses kinds that are not offered", () => {
    expect(errorsOf("utgifter", { housingCosts: ["husleie", "<script>"], otherCosts: ["tannlege", 5] })).toEqual({
      housingCosts: "soknad-errors:choice.invalid",
    });
  });
});

describe("dokumentasjon", () => {
  const answers: Answers = {
    bosituasjon: { housing: "leier", householdSize: 1 },
    utgifter: { housingCosts: ["strom"], otherCosts: [] },
  };
  const ctx = context({ answers });

  it("asks how each required document is delivered", () => {
    expect(errorsOf("dokumentasjon", {}, ctx)).toEqual({
      "doc.skattemelding.choice": "soknad-errors:doc.choice.required",
      "doc.husleiekontrakt.choice": "soknad-errors:doc.choice.required",
      "doc.stromregning.choice": "soknad-errors:doc.choice.required",
    });
  });

  it("keeps the amount only for documents that have one", () => {
    const value = valueOf(
      "dokumentasjon",
      {
        "doc.skattemelding.choice": "levertTidligere",
        "doc.skattemelding.amount": "100",
        "doc.husleiekontrakt.choice": "senderSenere",
        "doc.stromregning.choice": "lasterOppNa",
        "doc.stromregning.amount": "1 850",
        "doc.barnehageFaktura.choice": "lasterOppNa",
      },
      ctx,
    );
    expect(value).toEqual({
      documents: [
        { id: "skattemelding", choice: "levertTidligere" },
        { id: "husleiekontrakt", choice: "senderSenere" },
        { id: "stromregning", choice: "lasterOppNa", amount: 1850 },
      ],
    });
  });

  it("checks choices and amounts", () => {
    expect(
      errorsOf(
        "dokumentasjon",
        { "doc.skattemelding.choice": "kanskje", "doc.husleiekontrakt.choice": "senderSenere", "doc.stromregning.choice": "lasterOppNa", "doc.stromregning.amount": "x" },
        ctx,
      ),
    ).toEqual({ "doc.skattemelding.choice": "soknad-errors:doc.choice.required", "doc.stromregning.amount": "soknad-errors:amount.invalid" });
  });
});

describe("oppsummering", () => {
  it("requires the truthfulness checkbox", () => {
    expect(errorsOf("oppsummering", {})).toEqual({ confirm: "soknad-errors:confirm.required" });
    expect(errorsOf("oppsummering", { confirm: "yes" })).toEqual({ confirm: "soknad-errors:confirm.required" });
    expect(valueOf("oppsummering", { confirm: "on" })).toEqual({ confirm: true });
  });
});

/* ---------- hostile input ---------- */

const hostileContext = context({
  register: { maritalStatus: "UOPPGITT", spouseRegistered: false, children: [{ livesWithApplicant: false }], citizenship: [] },
  answers: { bosituasjon: { housing: "leier", householdSize: 2 }, inntekt: { skattConsent: "ja", bostotteConsent: "nei", studentLoan: "ja", otherIncome: ["salg"], otherIncomeAmounts: {}, savings: ["bsu"], assets: [] } },
});
const contexts = [hostileContext, { ...hostileContext, kind: "kort" as const }];

/** Every field name a step knows about, with "child.0" and "doc.<id>" filled in. */
const fieldNames = [
  "addressChoice", "otherStreet", "otherPostnummer", "otherPoststed", "phone", "noBankAccount", "accountNumber",
  "categories", "emergency", "otherText", "details", "changedSinceLast", "changeDescription",
  "employmentComment", "student", "studyLoad",
  "maritalStatus", "spouseName", "spouseBirthDate", "spouseLivesTogether", "child.0.sharedResidence", "child.0.visitationPercent", "childSupport",
  "housing", "housingOther", "householdSize",
  "skattConsent", "bostotteConsent", "studentLoan", "otherIncome", "otherIncomeAmount.salg", "savings", "assets", "accountBalance",
  "housingCosts", "childCosts", "otherCosts",
  "doc.skattemelding.choice", "doc.skattemelding.amount", "doc.studielan.choice", "doc.studielan.amount",
  "confirm",
];

describe("hostile input", () => {
  const huge = `<script>alert(1)</script>${"x".repeat(100 * 1024)}`;

  it.each(allSteps)("%s: never throws, whatever arrives", (step) => {
    const weird: unknown[] = [
      undefined, null, 0, -1, NaN, Infinity, true, "", "   ", huge, {}, [], [huge], [[["nested"]]], { a: 1 }, () => 1, Symbol("s"), 10n,
      Array.from({ length: 10_000 }, () => "on"), Array.from({ length: 10_000 }, (_, i) => `v${i}`), new Date(), Object.create(null),
    ];
    for (const ctx of contexts) {
      for (const value of weird) {
        for (const input of [value, Object.fromEntries(fieldNames.map((name) => [name, value]))]) {
          expect(() => parseStep(step, input, ctx)).not.toThrow();
        }
      }
    }
  });

  it.each(allSteps)("%s: never throws on random objects (property test)", (step) => {
    const anyValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 20 }), fc.anything());
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...fieldNames, "__proto__", "constructor", "toString"), anyValue), fc.constantFrom(...contexts), (values, ctx) => {
        const result = parseStep(step, values, ctx);
        if (!result.ok) for (const key of Object.values(result.errors)) expect(key).toMatch(/^soknad-errors:[\w.]+$/);
      }),
      { numRuns: 300 },
    );
  });

  it("treats anything that is not an object as an empty form", () => {
    for (const input of [null, "categories=nodhjelp", 42, ["categories"]]) {
      expect(parseStep("behov", input, context())).toEqual({ ok: false, errors: { categories: "soknad-errors:categories.required" }, values: {} });
    }
  });

  it("reports 100 KB strings as too long and keeps script tags as plain text", () => {
    expect(errorsOf("behov", { categories: "annet", otherText: huge, details: huge })).toEqual({
      otherText: "soknad-errors:otherText.tooLong",
      details: "soknad-errors:details.tooLong",
    });
    const script = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    expect(valueOf("behov", { categories: "annet", otherText: script, details: script })).toEqual({
      categories: ["annet"],
      otherText: script,
      details: script,
    });
  });

  it("strips unknown keys silently", () => {
    const value = valueOf("arbeid", { student: "nei", isAdmin: "true", __proto__: { polluted: true }, constructor: "x", "student.extra": "1" });
    expect(value).toEqual({ student: "nei" });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("caps arrays of 10 000 entries", () => {
    const many = Array.from({ length: 10_000 }, () => "husleie");
    expect(valueOf("behov", { categories: many })).toEqual({ categories: ["husleie"] });
    const junk = Array.from({ length: 10_000 }, (_, i) => `x${i}`);
    expect(errorsOf("behov", { categories: junk })).toEqual({ categories: "soknad-errors:choice.invalid" });
    const result = parseStep("behov", { categories: junk }, context());
    expect(result.ok ? [] : result.values.categories).toHaveLength(formLimits.maxValuesPerKey);
  });

  it("takes the first of repeated values for a one-value field", () => {
    expect(valueOf("arbeid", { student: ["nei", "ja"] })).toEqual({ student: "nei" });
  });

  it("gives back the submitted values of the step's own fields to fill the form in again", () => {
    const result = parseStep("personalia", { addressChoice: "annen", otherStreet: "Gata 1", accountNumber: "1234 56 78904", evil: "x", phone: 5 }, context());
    expect(result).toEqual({
      ok: false,
      errors: {
        otherPostnummer: "soknad-errors:otherPostnummer.required",
        otherPoststed: "soknad-errors:otherPoststed.required",
        accountNumber: "soknad-errors:accountNumber.checksum",
      },
      values: { addressChoice: "annen", otherStreet: "Gata 1", accountNumber: "1234 56 78904" },
    });
  });
});

describe("formDataToValues", () => {
  it("turns repeated keys into arrays and drops files", () => {
    const form = new FormData();
    form.append("categories", "husleie");
    form.append("categories", "strom");
    form.append("details", "hei");
    form.append("upload", new Blob(["%PDF"]), "a.pdf");
    expect(formDataToValues(form)).toEqual({ categories: ["husleie", "strom"], details: "hei" });
  });

  it("reads URLSearchParams too", () => {
    expect(formDataToValues(new URLSearchParams("student=ja&studyLoad=heltid"))).toEqual({ student: "ja", studyLoad: "heltid" });
  });

  it("is bounded: values per key, keys, key length, string length, entries", () => {
    const form = new FormData();
    for (let i = 0; i < 10_000; i++) form.append("categories", "husleie");
    expect((formDataToValues(form).categories as string[]).length).toBe(formLimits.maxValuesPerKey);

    const manyKeys = new FormData();
    for (let i = 0; i < 900; i++) manyKeys.append(`k${i}`, "v");
    expect(Object.keys(formDataToValues(manyKeys))).toHaveLength(formLimits.maxKeys);

    const manyEntries = new FormData();
    for (let i = 0; i < 5000; i++) manyEntries.append("a", "v");
    manyEntries.append("late", "v");
    expect(formDataToValues(manyEntries)).not.toHaveProperty("late");

    const long = new FormData();
    long.append("details", "x".repeat(1_000_000));
    long.append("k".repeat(500), "v");
    const values = formDataToValues(long);
    expect(values.details).toHaveLength(formLimits.maxValueLength);
    expect(Object.keys(values)).toEqual(["details"]);
  });

  it("cannot pollute prototypes", () => {
    const form = new FormData();
    form.append("__proto__", "x");
    form.append("constructor", "x");
    form.append("student", "ja");
    const values = formDataToValues(form);
    expect(Object.keys(values)).toEqual(["student"]);
    expect(Object.getPrototypeOf(values)).toBe(Object.prototype);
  });

  it("feeds parseStep end to end", () => {
    const form = new FormData();
    form.append("addressChoice", "folkeregistrert");
    form.append("phone", "+47 912 34 567");
    form.append("accountNumber", "1234.56.78903");
    form.append("noBankAccount", "off");
    expect(valueOf("personalia", formDataToValues(form))).toEqual({
      addressChoice: "folkeregistrert",
      phone: "+4791234567",
      noBankAccount: false,
      accountNumber: "12345678903",
    });
  });
});

describe("formValuesFor", () => {
  const fullRegister: RegisterData = { maritalStatus: "UOPPGITT", spouseRegistered: false, children: [{ livesWithApplicant: false }], citizenship: ["POL"] };
  const answers: Answers = {
    personalia: { addressChoice: "annen", otherAddress: { street: "Gata 1", postnummer: "0150", poststed: "Oslo" }, phone: "+4791234567", noBankAccount: true },
    behov: { categories: ["nodhjelp", "annet"], emergency: ["ingenMat"], otherText: "Tannlege", details: "Linje 1\nLinje 2", changedSinceLast: "ja", changeDescription: "Ny jobb" },
    arbeid: { student: "ja", studyLoad: "heltid", employmentComment: "Deltid" },
    familie: {
      maritalStatus: "samboer",
      maritalStatusFromRegister: false,
      spouse: { name: "Kari", birthDate: "1990-01-01", livesTogether: "ja" },
      children: [{ sharedResidence: "nei", visitationPercent: 30 }],
      childSupport: "betaler",
    },
    bosituasjon: { housing: "annet", housingOther: "Hybel", householdSize: 2 },
    inntekt: {
      skattConsent: "ja",
      bostotteConsent: "nei",
      studentLoan: "ja",
      otherIncome: ["salg"],
      otherIncomeAmounts: { salg: 5000 },
      savings: ["bsu"],
      assets: ["kjoretoy"],
      accountBalance: -300,
    },
    utgifter: { housingCosts: ["husleie"], childCosts: ["sfo"], otherCosts: [] },
  };

  it.each(["personalia", "behov", "arbeid", "familie", "bosituasjon", "inntekt", "utgifter"] as const)("%s: parses back to the same answer", (step) => {
    const ctx = context({ kind: "kort", register: fullRegister, answers });
    const values: FormValues = formValuesFor(step, answers[step]);
    expect(valueOf(step, values, ctx)).toEqual(answers[step]);
  });

  it("dokumentasjon: parses back to the same answer", () => {
    const ctx = context({ register: fullRegister, answers });
    const documents = valueOf(
      "dokumentasjon",
      Object.fromEntries(
        ["skattemelding", "oppholdstillatelse", "studielan", "bostotte", "inntektSalg", "kontoutskriftBsu", "husleiekvittering", "sfoFaktura"].map((id) => [
          `doc.${id}.choice`,
          "senderSenere",
        ]),
      ),
      ctx,
    );
    expect(valueOf("dokumentasjon", formValuesFor("dokumentasjon", documents), ctx)).toEqual(documents);
  });

  it("gives nothing for a missing answer and never the confirmation", () => {
    expect(formValuesFor("behov", undefined)).toEqual({});
    expect(formValuesFor("oppsummering", { confirm: true })).toEqual({});
  });
});

describe("translations", () => {
  it("has a text for every error key the schemas use", () => {
    const source = fs.readFileSync(path.join(__dirname, "schemas.ts"), "utf8");
    const keys = [...source.matchAll(/"soknad-errors:([\w.]+)"/g)].map((match) => match[1]!);
    expect(keys.length).toBeGreaterThan(40);
    for (const language of ["nb", "nn", "en"]) {
      const texts = JSON.parse(fs.readFileSync(path.join(__dirname, "../../locales", language, "soknad-errors.json"), "utf8")) as unknown;
      for (const key of keys) {
        const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], texts);
        expect(typeof text, `${language}: ${key}`).toBe("string");
      }
    }
  });
});
