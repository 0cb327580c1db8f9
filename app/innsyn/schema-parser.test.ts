import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateEventLog } from "../../bench/event-log";
import { hendelseSchemas, klageHendelseSchemas, type KnownHendelseType } from "../fagsystem/contract";
import { canonicalJson } from "./fold";
import { safeParseFast } from "./schema-parser";


function expectSameAsZod(schema: (typeof hendelseSchemas)[KnownHendelseType], value: unknown) {
  const fast = safeParseFast(schema, value);
  const zod = schema.safeParse(value);
  expect(fast.success).toBe(zod.success);
  if (fast.success && zod.success) {
    expect(fast.data).toStrictEqual(zod.data);
    // The fold's identity of an event (de-duplication, the last tie-break) is its JSON with keys sorted.
    expect(canonicalJson(fast.data)).toBe(canonicalJson(zod.data));
  } else if (!fast.success && !zod.success) expect(fast.error.issues).toStrictEqual(zod.error.issues);
}

describe("safeParseFast", () => {
  const seeds = generateEventLog(200).document.hendelser as Record<string, unknown>[];
  const odd = fc.constantFrom<unknown>(undefined, null, NaN, Infinity, -0, 1, "", "x", true, [], {}, [1], { referanse: { type: "t", id: "i" } }, "2025-02-30T10:00:00Z", "2025-03-10T12:00:00+0100", "2025-03-10", "__proto__");
  const value = fc.oneof(odd, fc.anything());

  it("answers as zod does for every event of a generated log", () => {
    for (const seed of seeds) expectSameAsZod(hendelseSchemas[seed.type as KnownHendelseType], seed);
  });

  it("hands back the event itself when there is nothing to strip, and a copy without the unknown keys when there is", () => {
    const [seed] = seeds.filter((event) => event.type === "dokumentasjonEtterspurt") as [Record<string, unknown> & { dokumenter: Record<string, unknown>[] }];
    expect(safeParseFast(hendelseSchemas.dokumentasjonEtterspurt, seed)).toEqual({ success: true, data: seed });
    expect((safeParseFast(hendelseSchemas.dokumentasjonEtterspurt, seed) as { data: unknown }).data).toBe(seed);
    const nested = { ...seed, dokumenter: [...seed.dokumenter, { ...seed.dokumenter[0], fraFremtiden: 1 }] };
    const parsed = safeParseFast(hendelseSchemas.dokumentasjonEtterspurt, nested) as { data: typeof nested };
    expect(parsed.data).not.toBe(nested);
    expect(parsed.data.dokumenter.at(-1)).toEqual(seed.dokumenter[0]);
    expect(parsed.data.dokumenter[0]).toBe(seed.dokumenter[0]);
    expect(nested.dokumenter.at(-1)).toHaveProperty("fraFremtiden", 1);
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
