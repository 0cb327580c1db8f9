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

/** The two digits at `at` as a number (0-99), or -1: whole numbers, so V8 compares and divides integers. */
function twoDigitsAt(value: string, at: number): number {
  const high = value.charCodeAt(at) - 48;
  const low = value.charCodeAt(at + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}
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
  if (length === 24) {
    const hundreds = value.charCodeAt(20) - 48;
    if (value.charCodeAt(19) !== 46 || hundreds < 0 || hundreds > 9 || twoDigitsAt(value, 21) < 0) return false;
  }
  const century = twoDigitsAt(value, 0);
  const yearOfCentury = twoDigitsAt(value, 2);
  const month = twoDigitsAt(value, 5);
  const day = twoDigitsAt(value, 8);
  const hours = twoDigitsAt(value, 11);
  const minutes = twoDigitsAt(value, 14);
  const seconds = twoDigitsAt(value, 17);
  if ((century | yearOfCentury | month | day | hours | minutes | seconds) < 0) return false; // -1 has every bit set
  const year = century * 100 + yearOfCentury;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = month < 1 || month > 12 ? 0 : month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number);
  return day >= 1 && day <= daysInMonth && hours <= 23 && minutes <= 59 && seconds <= 59;
}

/** Keys as `Object.keys` counts them, without making the list (for...in adds only inherited enumerable keys, which make it larger, never smaller). */
function countKeys(record: object): number {
  let count = 0;
  for (const _ in record) count++;
  return count;
}

/** The one pattern of the contract's dates, `^\d{4}-\d{2}-\d{2}$`, which `isWrittenDate` answers without the regular expression. */
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** `DATE_PATTERN.test(value)` for a string: ten characters, digits and two dashes (`\d` is 0-9 alone, and `$` only the end). */
export function isWrittenDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (let at = 0; at < 10; at++) {
    if (at === 4 || at === 7) continue;
    const code = value.charCodeAt(at);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/**
 * A schema compiled into the source of one function (zod v3's parse of the parts the event schemas use),
 * so a field is read by its name where V8 can look it up directly. The first version walked the schema
 * at parse time, a closure per part: every object's fields read with a key from a list (V8's slow,
 * shared lookup) and a call per field, half the fold's time. Only the schema's shape goes into the
 * source (keys as JSON strings, variable names of its own); values it compares with (patterns, enum
 * values, literals) are passed in as constants.
 */
class ParserSource {
  /** What the source reads as K[i]. */
  readonly constants: unknown[] = [];
  private names = 0;

  constant(value: unknown): string {
    let index = this.constants.indexOf(value);
    if (index === -1) index = this.constants.push(value) - 1;
    return `K[${index}]`;
  }

  name(prefix: string): string {
    return `${prefix}${this.names++}`;
  }

  /** Statements that set `output` to what zod would return for `input` (variable names), or return ASK; null for a part it does not know. */
  part(schema: ZodTypeAny, input: string, output: string): string | null {
    const def = schema._def as Record<string, unknown> & { typeName?: string };
    const valid = (condition: string) => `if (${condition}) return ASK;\n${output} = ${input};`;
    switch (def.typeName) {
      case "ZodString": {
        if (def.coerce) return null;
        const checks = def.checks as { kind: string; regex?: RegExp; precision?: number | null }[];
        const tests: string[] = [];
        for (const check of checks) {
          let pattern: RegExp;
          if (check.kind === "regex" && check.regex) pattern = check.regex;
          else if (check.kind === "datetime") pattern = datetimeRegex(check as Parameters<typeof datetimeRegex>[0]);
          else return null;
          // zod sets lastIndex to 0 before each test; only a global or sticky pattern reads it.
          const test = pattern.global || pattern.sticky ? `(${this.constant(pattern)}.lastIndex = 0, ${this.constant(pattern)}.test(${input}))` : `${this.constant(pattern)}.test(${input})`;
          // The forms every fagsystem writes are checked without the patterns (property-tested against them).
          if (check.kind === "datetime" && checks.length === 1 && check.precision == null) tests.push(`(${this.constant(isWrittenUtcTime)}(${input}) || ${test})`);
          else if (pattern.source === DATE_PATTERN.source && pattern.flags === "") tests.push(`${this.constant(isWrittenDate)}(${input})`);
          else tests.push(test);
        }
        return valid([`typeof ${input} !== "string"`, ...tests.map((test) => `!${test}`)].join(" || "));
      }
      case "ZodNumber":
        if (def.coerce || (def.checks as unknown[]).length > 0) return null;
        return valid(`typeof ${input} !== "number" || Number.isNaN(${input})`);
      case "ZodBoolean":
        if (def.coerce) return null;
        return valid(`typeof ${input} !== "boolean"`);
      case "ZodUnknown":
        return `${output} = ${input};`;
      case "ZodLiteral":
        return valid(`${input} !== ${this.constant(def.value)}`);
      case "ZodEnum":
        return valid(`typeof ${input} !== "string" || !${this.constant(new Set(def.values as string[]))}.has(${input})`);
      case "ZodOptional":
      case "ZodNullable": {
        const innerType = def.innerType as ZodTypeAny;
        // `.nullish()`, the contract's most common part: one check instead of two nested ones.
        const nullish = def.typeName === "ZodOptional" && innerType._def.typeName === "ZodNullable";
        const inner = this.part(nullish ? (innerType._def.innerType as ZodTypeAny) : innerType, input, output);
        if (inner === null) return null;
        const empty = nullish ? `${input} === undefined || ${input} === null` : `${input} === ${def.typeName === "ZodOptional" ? "undefined" : "null"}`;
        return `if (${empty}) ${output} = ${input};\nelse {\n${inner}\n}`;
      }
      case "ZodArray": {
        if (def.minLength !== null || def.maxLength !== null || def.exactLength !== null) return null;
        const [index, element, item, copy] = [this.name("index"), this.name("element"), this.name("item"), this.name("copy")];
        const inner = this.part(def.type as ZodTypeAny, element, item);
        if (inner === null) return null;
        // The copy is made only when an element comes back changed (or a hole, or an array of another kind): zod's copy is a plain, full array.
        return [
          `if (!Array.isArray(${input})) return ASK;`,
          `let ${copy} = Object.getPrototypeOf(${input}) === Array.prototype ? null : [];`,
          `for (let ${index} = 0; ${index} < ${input}.length; ${index}++) {`,
          `const ${element} = ${input}[${index}];`,
          `let ${item};`,
          inner,
          `if (${copy} === null && (${item} !== ${element} || (${item} === undefined && !(${index} in ${input})))) ${copy} = Array.prototype.slice.call(${input}, 0, ${index});`,
          `if (${copy} !== null) ${copy}.push(${item});`,
          `}`,
          `${output} = ${copy} ?? ${input};`,
        ].join("\n");
      }
      case "ZodObject": {
        const catchall = def.catchall as ZodTypeAny;
        if (def.unknownKeys !== "strip" || catchall._def.typeName !== "ZodNever") return null;
        const shape = (def.shape as () => Record<string, ZodTypeAny>)();
        const [prototype, present, changed] = [this.name("prototype"), this.name("present"), this.name("changed")];
        const lines = [
          // Only plain objects: zod reads anything else (a Map, a Date, a thenable) its own way.
          `if (typeof ${input} !== "object" || ${input} === null || Array.isArray(${input})) return ASK;`,
          `const ${prototype} = Object.getPrototypeOf(${input});`,
          `if (${prototype} !== Object.prototype && ${prototype} !== null) return ASK;`,
          `if (typeof ${input}.then === "function") return ASK;`,
          `let ${present} = 0;`,
          `let ${changed} = ${prototype} === null;`, // zod's copy would be a plain object
        ];
        const fields: { key: string; item: string; has: string }[] = [];
        for (const key of Object.keys(shape)) {
          if (key === "__proto__") return null;
          const [field, item, has] = [this.name("field"), this.name("item"), this.name("has")];
          const inner = this.part(shape[key] as ZodTypeAny, field, item);
          if (inner === null) return null;
          const name = JSON.stringify(key);
          lines.push(
            `const ${field} = ${input}[${name}];`,
            `let ${item};`,
            `{\n${inner}\n}`,
            `if (${item} !== ${field}) ${changed} = true;`,
            `const ${has} = ${item} !== undefined || ${name} in ${input};`,
            `if (${has}) ${present}++;`,
          );
          fields.push({ key: name, item, has });
        }
        // Nothing to strip (no key outside the shape, here or below): zod's copy would equal the value.
        lines.push(
          `if (!${changed} && ${this.constant(countKeys)}(${input}) === ${present}) ${output} = ${input};`,
          `else {`,
          `${output} = {};`,
          ...fields.map(({ key, item, has }) => `if (${has}) ${output}[${key}] = ${item};`),
          `}`,
        );
        return lines.join("\n");
      }
      default:
        return null;
    }
  }
}

/** The parser of a schema, or null when it has a part the parser does not know (then zod parses every value). */
function compile(schema: ZodTypeAny): Parser | null {
  const source = new ParserSource();
  const body = source.part(schema, "value", "result");
  if (body === null) return null;
  try {
    // Code made from the schema's shape only, see ParserSource.
    const make = new Function("K", "ASK", `"use strict";\nreturn function parse(value) {\nlet result;\n${body}\nreturn result;\n};`) as (constants: unknown[], ask: typeof ASK_ZOD) => Parser;
    return make(source.constants, ASK_ZOD);
  } catch {
    return null; // code generation refused (node --disallow-code-generation-from-strings): zod parses
  }
}
