import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isValidFnr, isValidKontonummer, isValidOrgnr, makeFnr, makeKontonummer, makeOrgnr, nextValidFnr } from "./fnr";

/** Every single-digit change of `value` (a mod-11 check catches them all). */
function mutations(value: string): string[] {
  const result: string[] = [];
  for (let i = 0; i < value.length; i++) {
    for (let digit = 0; digit <= 9; digit++) {
      if (String(digit) !== value[i]) result.push(value.slice(0, i) + digit + value.slice(i + 1));
    }
  }
  return result;
}

const birthDates = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2039-12-31T00:00:00Z"), noInvalidDate: true }).map((date) => new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate())));

describe("fødselsnummer", () => {
  it("accepts known valid numbers and rejects broken ones", () => {
    expect(isValidFnr("01010101006")).toBe(true);
    expect(isValidFnr("01010101007")).toBe(false);
    expect(isValidFnr("3101010100")).toBe(false);
    expect(isValidFnr("31020112345")).toBe(false);
  });

  it("makes synthetic numbers (month + 80) with the birth date encoded", () => {
    const fnr = makeFnr("1990-01-31", 123);
    expect(fnr.slice(0, 9)).toBe("318190123");
    expect(isValidFnr(fnr)).toBe(true);
    expect(makeFnr("1990-01-31", 123, { synthetic: false }).slice(0, 9)).toBe("310190123");
  });

  it("refuses an individnummer from another century", () => {
    expect(() => makeFnr("2008-05-01", 123)).toThrow(RangeError);
    expect(() => makeFnr("1985-05-01", 612)).toThrow(RangeError);
    expect(isValidFnr(nextValidFnr("2008-05-01", 500))).toBe(true);
  });

  it("every generated number is valid and every single-digit change is caught", () => {
    fc.assert(
      fc.property(birthDates, fc.integer({ min: 0, max: 999 }), (date, individnr) => {
        let fnr: string;
        try {
          fnr = makeFnr(date, individnr);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          return;
        }
        expect(isValidFnr(fnr)).toBe(true);
        expect(Number(fnr.slice(2, 4)) - 80).toBe(date.getUTCMonth() + 1);
        for (const wrong of mutations(fnr)) expect(isValidFnr(wrong)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("kontonummer and organisasjonsnummer", () => {
  it("accepts known valid numbers", () => {
    expect(isValidKontonummer("12345678903")).toBe(true);
    expect(isValidKontonummer("12345678904")).toBe(false);
    expect(isValidOrgnr("889640782")).toBe(true);
    expect(isValidOrgnr("889640783")).toBe(false);
  });

  it("generated numbers are valid and every single-digit change is caught", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{10}$/), (first10) => {
        let konto: string;
        try {
          konto = makeKontonummer(first10);
        } catch {
          return;
        }
        expect(isValidKontonummer(konto)).toBe(true);
        for (const wrong of mutations(konto)) expect(isValidKontonummer(wrong)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), (first8) => {
        let orgnr: string;
        try {
          orgnr = makeOrgnr(first8);
        } catch {
          return;
        }
        expect(isValidOrgnr(orgnr)).toBe(true);
        for (const wrong of mutations(orgnr)) expect(isValidOrgnr(wrong)).toBe(false);
      }),
    );
  });
});
