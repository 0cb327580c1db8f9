/**
 * A fast path for zod's `safeParse` of the event schemas, for the fold's hot loop (zod's own parse
 * was half the fold's time: it builds a context per value and a new RegExp per datetime).
 * The schema stays the one truth: this reads it and answers only when the value is valid, with
 * what zod would return: the same keys and values (unknown keys stripped), though the value itself
 * where there is nothing to strip, since copying every event cost the fold its garbage collections; anything
 * else, and any schema part it does not know, goes to zod itself, so an invalid event gets zod's
 * error word for word. Why: docs/decisions/031-fold-fast-parse.md.
 */
import { datetimeRegex, type SafeParseReturnType, type ZodTypeAny } from "zod";

/** What a fast parser returns when it cannot vouch for the value: ask zod. */
export const ASK_ZOD: unique symbol = Symbol("ask zod");
type Parser = (value: unknown) => unknown;

const compiled = new WeakMap<ZodTypeAny, Parser | null>();

/** `schema.safeParse(value)`, with the fast path where the schema allows it. */
export function safeParseFast(schema: ZodTypeAny, value: unknown): SafeParseReturnType<unknown, unknown> {
  const data = parseFast(schema, value);
  return data !== ASK_ZOD ? { success: true, data } : schema.safeParse(value);
}

/** What zod's parse would return for a valid value, or `ASK_ZOD`: then `schema.safeParse` gives the answer (and the error). */
export function parseFast(schema: ZodTypeAny, value: unknown): unknown {
  return fastParser(schema)(value);
}

const askZod: Parser = () => ASK_ZOD;

/** `parseFast` of one schema, for a caller that parses many values with it. */
export function fastParser(schema: ZodTypeAny): Parser {
  let parser = compiled.get(schema);
  if (parser === undefined) {
    parser = compile(schema);
    compiled.set(schema, parser);
  }
  return parser ?? askZod;
}

const digitAt = (value: string, at: number): number => {
  const code = value.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
};
const twoDigitsAt = (value: string, at: number): number => digitAt(value, at) * 10 + digitAt(value, at + 1);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `value` is a real UTC time in the form the fagsystem writes (`2025-03-10T12:00:00Z` or
 * `…:00.000Z`): exactly what zod's datetime pattern (any offset rule, no fixed precision) accepts of
 * strings of that form (a real date, leap years too, hours to 23, minutes and seconds to 59). A false
 * only means "run the pattern". Property-tested against the pattern.
 */
export function isWrittenUtcTime(value: string): boolean {
  const length = value.length;
  if ((length !== 20 && length !== 24) || value.charCodeAt(length - 1) !== 90 /* Z */) return false;
  // - - T : : and, with milliseconds, the dot and three digits
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return false;
  if (length === 24 && (value.charCodeAt(19) !== 46 || Number.isNaN(digitAt(value, 20) + twoDigitsAt(value, 21)))) return false;
  const year = twoDigitsAt(value, 0) * 100 + twoDigitsAt(value, 2);
  const month = twoDigitsAt(value, 5);
  const day = twoDigitsAt(value, 8);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  // NaN (a character that is no digit) fails every comparison.
  return day >= 1 && day <= daysInMonth && twoDigitsAt(value, 11) <= 23 && twoDigitsAt(value, 14) <= 59 && twoDigitsAt(value, 17) <= 59 && year >= 0;
}

/** Keys as `Object.keys` counts them, without making the list (for...in adds only inherited enumerable keys, which make it larger, never smaller). */
function countKeys(record: object): number {
  let count = 0;
  for (const _ in record) count++;
  return count;
}

/** The parts the event schemas use, each as zod v3 parses it; null for any other. */
function compile(schema: ZodTypeAny): Parser | null {
  const def = schema._def as Record<string, unknown> & { typeName?: string };
  switch (def.typeName) {
    case "ZodString": {
      const checks = def.checks as { kind: string; regex?: RegExp }[];
      if (def.coerce) return null;
      const patterns: RegExp[] = [];
      for (const check of checks) {
        if (check.kind === "regex" && check.regex) patterns.push(check.regex);
        else if (check.kind === "datetime") patterns.push(datetimeRegex(check as Parameters<typeof datetimeRegex>[0]));
        else return null;
      }
      if (patterns.length === 0) return (value) => (typeof value === "string" ? value : ASK_ZOD);
      const [check] = checks as [{ kind: string; precision?: number | null }];
      if (checks.length === 1 && check.kind === "datetime" && check.precision == null) {
        // Every time in the log has this pattern: the fagsystem's own form is checked without it.
        const [pattern] = patterns as [RegExp];
        return (value) => (typeof value === "string" && (isWrittenUtcTime(value) || pattern.test(value)) ? value : ASK_ZOD);
      }
      if (patterns.length === 1) {
        const [pattern] = patterns as [RegExp];
        if (!pattern.global && !pattern.sticky) return (value) => (typeof value === "string" && pattern.test(value) ? value : ASK_ZOD);
      }
      return (value) => {
        if (typeof value !== "string") return ASK_ZOD;
        for (const pattern of patterns) {
          pattern.lastIndex = 0;
          if (!pattern.test(value)) return ASK_ZOD;
        }
        return value;
      };
    }
    case "ZodNumber":
      if (def.coerce || (def.checks as unknown[]).length > 0) return null;
      return (value) => (typeof value === "number" && !Number.isNaN(value) ? value : ASK_ZOD);
    case "ZodBoolean":
      if (def.coerce) return null;
      return (value) => (typeof value === "boolean" ? value : ASK_ZOD);
    case "ZodUnknown":
      return (value) => value;
    case "ZodLiteral": {
      const literal = def.value;
      return (value) => (value === literal ? value : ASK_ZOD);
    }
    case "ZodEnum": {
      const values = new Set(def.values as string[]);
      return (value) => (typeof value === "string" && values.has(value) ? value : ASK_ZOD);
    }
    case "ZodOptional":
    case "ZodNullable": {
      const innerType = def.innerType as ZodTypeAny;
      // `.nullish()`, the contract's most common part: one check instead of two nested ones.
      if (def.typeName === "ZodOptional" && innerType._def.typeName === "ZodNullable") {
        const inner = compile(innerType._def.innerType as ZodTypeAny);
        if (inner === null) return null;
        return (value) => (value === undefined || value === null ? value : inner(value));
      }
      const inner = compile(innerType);
      if (inner === null) return null;
      const empty = def.typeName === "ZodOptional" ? undefined : null;
      return (value) => (value === empty ? value : inner(value));
    }
    case "ZodArray": {
      if (def.minLength !== null || def.maxLength !== null || def.exactLength !== null) return null;
      const element = compile(def.type as ZodTypeAny);
      if (element === null) return null;
      return (value) => {
        if (!Array.isArray(value)) return ASK_ZOD;
        // Made only when an element comes back changed (or a hole, or an array of another kind): zod's copy is a plain, full array.
        let result: unknown[] | null = Object.getPrototypeOf(value) === Array.prototype ? null : [];
        for (let index = 0; index < value.length; index++) {
          const item = element(value[index]);
          if (item === ASK_ZOD) return ASK_ZOD;
          if (result === null && (item !== value[index] || (item === undefined && !(index in value)))) result = Array.prototype.slice.call(value, 0, index) as unknown[];
          if (result !== null) result.push(item);
        }
        return result ?? value;
      };
    }
    case "ZodObject": {
      const catchall = def.catchall as ZodTypeAny;
      if (def.unknownKeys !== "strip" || catchall._def.typeName !== "ZodNever") return null;
      const shape = (def.shape as () => Record<string, ZodTypeAny>)();
      const fields: { key: string; parse: Parser }[] = [];
      for (const key of Object.keys(shape)) {
        const parse = compile(shape[key] as ZodTypeAny);
        if (parse === null || key === "__proto__") return null;
        fields.push({ key, parse });
      }
      return (value) => {
        // Only plain objects: zod reads anything else (a Map, a Date, a thenable) its own way.
        if (typeof value !== "object" || value === null || Array.isArray(value)) return ASK_ZOD;
        const prototype: unknown = Object.getPrototypeOf(value);
        if (prototype !== Object.prototype && prototype !== null) return ASK_ZOD;
        const record = value as Record<string, unknown>;
        if (typeof record.then === "function") return ASK_ZOD;
        let present = 0;
        let changed = prototype === null; // zod's copy would be a plain object
        for (let index = 0; index < fields.length; index++) {
          const { key, parse } = fields[index] as (typeof fields)[number];
          const field = record[key];
          const item = parse(field);
          if (item === ASK_ZOD) return ASK_ZOD;
          if (item !== field) changed = true;
          if (item !== undefined || key in record) present++;
        }
        // Nothing to strip (no key outside the shape, here or below): zod's copy would equal the value.
        if (!changed && countKeys(record) === present) return value;
        const result: Record<string, unknown> = {};
        for (const { key, parse } of fields) {
          const item = parse(record[key]);
          if (item !== undefined || key in record) result[key] = item;
        }
        return result;
      };
    }
    default:
      return null;
  }
}
