/**
 * A fast path for zod's `safeParse` of the event schemas, for the fold's hot loop (zod's own parse
 * was half the fold's time: it builds a context per value and a new RegExp per datetime).
 * The schema stays the one truth: this reads it and answers only when the value is valid, with
 * what zod would return (a fresh object, shape keys in order, unknown keys stripped); anything
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
  let parser = compiled.get(schema);
  if (parser === undefined) {
    parser = compile(schema);
    compiled.set(schema, parser);
  }
  if (parser !== null) {
    const data = parser(value);
    if (data !== ASK_ZOD) return { success: true, data };
  }
  return schema.safeParse(value);
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
      const inner = compile(def.innerType as ZodTypeAny);
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
        const result: unknown[] = new Array(value.length);
        for (let index = 0; index < value.length; index++) {
          const item = element(value[index]);
          if (item === ASK_ZOD) return ASK_ZOD;
          result[index] = item;
        }
        return result;
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
        const result: Record<string, unknown> = {};
        for (const { key, parse } of fields) {
          const item = parse(record[key]);
          if (item === ASK_ZOD) return ASK_ZOD;
          if (item !== undefined || key in record) result[key] = item;
        }
        return result;
      };
    }
    default:
      return null;
  }
}
