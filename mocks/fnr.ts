/**
 * Norwegian mod-11 identifiers for the mock: fødselsnummer, kontonummer and
 * organisasjonsnummer. Generated fødselsnumre are synthetic (month + 80, as in
 * Skatteetaten's and NAV's synthetic test persons) so they can never belong to
 * a real person.
 */

/** The mod-11 check digit for `digits`, or null when the remainder makes the number unusable. */
function mod11(digits: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits.charAt(i)) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const KONTO_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
const ORGNR_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];
const SYNTHETIC_MONTH_OFFSET = 80;

const pad = (value: number, length: number) => String(value).padStart(length, "0");

/** The century an individnummer implies for a two-digit year (Skatteetaten's allocation rules), or null. */
function centuryOf(individnr: number, yy: number): number | null {
  if (individnr <= 499) return 1900;
  if (individnr <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individnr >= 900) return 1900;
  return null;
}

function withCheckDigits(first9: string): string | null {
  const k1 = mod11(first9, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = mod11(first9 + k1, K2_WEIGHTS);
  return k2 === null ? null : `${first9}${k1}${k2}`;
}

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

/**
 * Whether `fnr` is a well-formed fødselsnummer: both check digits and a real
 * date. D-numbers (day + 40) and synthetic numbers (month + 40 or + 80) pass.
 */
export function isValidFnr(fnr: string): boolean {
  if (!/^\d{11}$/.test(fnr) || withCheckDigits(fnr.slice(0, 9)) !== fnr) return false;
  let day = Number(fnr.slice(0, 2));
  let month = Number(fnr.slice(2, 4));
  const yy = Number(fnr.slice(4, 6));
  if (day > 40) day -= 40;
  if (month > 80) month -= 80;
  else if (month > 40) month -= 40;
  const century = centuryOf(Number(fnr.slice(6, 9)), yy);
  if (century === null) return false;
  const date = new Date(Date.UTC(century + yy, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
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
