import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateEventLog } from "../../bench/event-log";
import { hendelseSchemas, klageHendelseSchemas, type KnownHendelseType } from "../fagsystem/contract";
import { safeParseFast } from "./schema-parser";

/** Key order too: the fold's identity of an event is its JSON. */
const shape = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(shape) : value && typeof value === "object" ? Object.entries(value).map(([key, item]) => [key, shape(item)]) : value;

function expectSameAsZod(schema: (typeof hendelseSchemas)[KnownHendelseType], value: unknown) {
  const fast = safeParseFast(schema, value);
  const zod = schema.safeParse(value);
  expect(fast.success).toBe(zod.success);
  if (fast.success && zod.success) {
    expect(fast.data).toStrictEqual(zod.data);
    expect(shape(fast.data)).toStrictEqual(shape(zod.data));
  } else if (!fast.success && !zod.success) expect(fast.error.issues).toStrictEqual(zod.error.issues);
}

describe("safeParseFast", () => {
  const seeds = generateEventLog(200).document.hendelser as Record<string, unknown>[];
  const odd = fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -0, 1, "", "x", true, [], {}, [1], { referanse: { type: "t", id: "i" } }, "2025-02-30T10:00:00Z", "2025-03-10T12:00:00+0100", "2025-03-10", "__proto__");
  const value = fc.oneof(odd, fc.anything());

  it("answers as zod does for every event of a generated log", () => {
    for (const seed of seeds) expectSameAsZod(hendelseSchemas[seed.type as KnownHendelseType], seed);
  });

  it("answers as zod does when a field, a nested field or an extra key is changed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.nat(), fc.constantFrom("set", "delete", "nested"), fc.string({ maxLength: 12 }), value, (seed, at, how, extra, replacement) => {
        const event = structuredClone(seed);
        const keys = Object.keys(event);
        const key = keys[at % keys.length] as string;
        if (how === "delete") delete event[key];
        else if (how === "set") event[at % 3 === 0 ? extra : key] = replacement;
        else {
          const inner = Object.values(event).find((item) => item && typeof item === "object") as Record<string, unknown> | unknown[] | undefined;
          const target = Array.isArray(inner) ? inner[0] : inner;
          if (target && typeof target === "object") (target as Record<string, unknown>)[Object.keys(target)[at % Math.max(1, Object.keys(target).length)] ?? extra] = replacement;
        }
        expectSameAsZod(hendelseSchemas[seed.type as KnownHendelseType], event);
      }),
      { numRuns: 2000 },
    );
  });

  it("answers as zod does for any value, for the søknad's and the complaint's schemas", () => {
    const schemas = [...Object.values(hendelseSchemas), ...Object.values(klageHendelseSchemas)] as (typeof hendelseSchemas)[KnownHendelseType][];
    fc.assert(fc.property(fc.constantFrom(...schemas), value, (schema, anything) => expectSameAsZod(schema, anything)), { numRuns: 1000 });
  });
});
