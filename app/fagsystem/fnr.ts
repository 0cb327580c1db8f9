/**
 * The fødselsnummer's two mod-11 check digits and its date: the one check the contact-centre search
 * uses and the mock's number generator builds on (mocks/fnr.ts).
 */

/** The mod-11 check digit for `digits`, or null when the remainder makes the number unusable. */
export function mod11(digits: string, weights: readonly number[]): number | null {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits.charAt(i)) * (weights[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 11 ? 0 : check === 10 ? null : check;
}

const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2];
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/** The century an individnummer implies for a two-digit year (Skatteetaten's allocation rules), or null. */
export function centuryOf(individnr: number, yy: number): number | null {
  if (individnr <= 499) return 1900;
  if (individnr <= 749 && yy >= 54) return 1800;
  if (yy <= 39) return 2000;
  if (individnr >= 900) return 1900;
  return null;
}

/** The first nine digits with both check digits, or null when a check digit would be 10. */
export function withCheckDigits(first9: string): string | null {
  const k1 = mod11(first9, K1_WEIGHTS);
  if (k1 === null) return null;
  const k2 = mod11(first9 + k1, K2_WEIGHTS);
  return k2 === null ? null : `${first9}${k1}${k2}`;
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
