/**
 * Norwegian mod-11 identifiers for the mock: fødselsnummer, kontonummer and
 * organisasjonsnummer. Generated fødselsnumre are synthetic (month + 80, as in
 * Skatteetaten's and NAV's synthetic test persons) so they can never belong to
 * a real person.
 */

import { centuryOf, isValidFnr, mod11, withCheckDigits } from "../app/fagsystem/fnr";

export { isValidFnr };

const KONTO_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];
const SYNTHETIC_MONTH_OFFSET = 80;

const pad = (value: number, length: number) => String(value).padStart(length, "0");

/**
 * A fødselsnummer for `birthDate` (UTC date) and `individnr` (0–999). Throws a
 * RangeError when the individnummer does not fit the birth year's century or
 * yields a check digit of 10 (such numbers are never issued): try the next one.
 */
export function makeFnr(birthDate: Date | string, individnr: number, { synthetic = true } = {}): string {
  const date = typeof birthDate === "string" ? new Date(`${birthDate}T00:00:00Z`) : birthDate;
  const year = date.getUTCFullYear();
  if (!Number.isInteger(individnr) || individnr < 0 || individnr > 999) throw new RangeError(`individnr ${individnr} is not 0–999`);
  if (centuryOf(individnr, year % 100) !== year - (year % 100)) throw new RangeError(`individnr ${individnr} is not used for ${year}`);
  const month = date.getUTCMonth() + 1 + (synthetic ? SYNTHETIC_MONTH_OFFSET : 0);
  const fnr = withCheckDigits(`${pad(date.getUTCDate(), 2)}${pad(month, 2)}${pad(year % 100, 2)}${pad(individnr, 3)}`);
  if (!fnr) throw new RangeError(`individnr ${individnr} gives an invalid check digit for ${date.toISOString().slice(0, 10)}`);
  return fnr;
}

/** The first valid fødselsnummer for `birthDate` from `fromIndividnr` upwards. */
export function nextValidFnr(birthDate: Date | string, fromIndividnr: number): string {
  for (let individnr = fromIndividnr; individnr <= 999; individnr++) {
    try {
      return makeFnr(birthDate, individnr);
    } catch {
      // a check digit of 10 or the wrong century: the next individnummer
    }
  }
  throw new RangeError(`no valid individnr from ${fromIndividnr}`);
}

/** An 11-digit kontonummer from its first 10 digits; throws when they allow no check digit. */
export function makeKontonummer(first10: string): string {
  if (!/^\d{10}$/.test(first10)) throw new RangeError("a kontonummer starts with 10 digits");
  const check = mod11(first10, KONTO_WEIGHTS);
  if (check === null) throw new RangeError(`${first10} allows no check digit`);
  return `${first10}${check}`;
}

export function isValidKontonummer(kontonummer: string): boolean {
  return /^\d{11}$/.test(kontonummer) && mod11(kontonummer, KONTO_WEIGHTS) === Number(kontonummer.charAt(10));
}

/** A 9-digit organisasjonsnummer from its first 8 digits; throws when they allow no check digit. */
export function makeOrgnr(first8: string): string {
  if (!/^\d{8}$/.test(first8)) throw new RangeError("an organisasjonsnummer starts with 8 digits");
  const check = mod11(first8, ORGNR_WEIGHTS);
  if (check === null) throw new RangeError(`${first8} allows no check digit`);
  return `${first8}${check}`;
}

export function isValidOrgnr(orgnr: string): boolean {
  return /^\d{9}$/.test(orgnr) && mod11(orgnr, ORGNR_WEIGHTS) === Number(orgnr.charAt(8));
}
