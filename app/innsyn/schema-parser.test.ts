import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { datetimeRegex } from "zod";
import { generateEventLog } from "../../bench/event-log";
import { hendelseSchemas, klageHendelseSchemas, type KnownHendelseType } from "../fagsystem/contract";
import { canonicalJson } from "./fold";
import { isWrittenDate, isWrittenUtcTime, safeParseFast } from "./schema-parser";


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
    // What JSON never makes, zod copies into plain objects and full arrays: so does the fast path.
    // eslint-disable-next-line no-sparse-arrays
    expectSameAsZod(hendelseSchemas.dokumentasjonEtterspurt, { ...seed, vedlegg: [1, , 3] });
    expectSameAsZod(hendelseSchemas.dokumentasjonEtterspurt, Object.assign(Object.create(null) as object, seed));
    expectSameAsZod(hendelseSchemas.dokumentasjonEtterspurt, { ...seed, vedlegg: Object.assign(Object.create(null) as object, { 0: 1, length: 1 }) });
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
      { numRuns: Number(process.env.FOLD_RUNS ?? 2000) },
    );
  });

  it("answers as zod does for any value, for the søknad's and the complaint's schemas", () => {
    const schemas = [...Object.values(hendelseSchemas), ...Object.values(klageHendelseSchemas)] as (typeof hendelseSchemas)[KnownHendelseType][];
    fc.assert(fc.property(fc.constantFrom(...schemas), value, (schema, anything) => expectSameAsZod(schema, anything)), { numRuns: 1000 });
  });

  it("checks a date as the contract's date pattern does, without it", () => {
    const pattern = /^\d{4}-\d{2}-\d{2}$/;
    const date = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 }), fc.nat(12), fc.string({ minLength: 1, maxLength: 2 }))
      .map(([year, month, day, at, characters]) => {
        const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        // Now and then characters changed, added or taken away, anywhere.
        return at % 3 === 0 ? value.slice(0, at) + characters + value.slice(at + 1) : at % 3 === 1 ? value.slice(0, at) + value.slice(at + 1) : value;
      });
    const odd = fc.constantFrom("", "2025-03-10\n", "\n2025-03-10", "2025-03-1", "2025-03-100", "２０２５-03-10", "2025/03/10", "2025-03-10T00:00:00Z");
    fc.assert(
      fc.property(fc.oneof(date, odd, fc.string({ maxLength: 12 })), (value) => {
        expect(isWrittenDate(value), value).toBe(pattern.test(value));
      }),
      { numRuns: 5000 },
    );
  });

  it("checks a time in the fagsystem's form as zod's datetime pattern does, leap days and out-of-range fields too", () => {
    const patterns = [datetimeRegex({ offset: true, precision: null, local: false }), datetimeRegex({ offset: false, precision: null, local: false }), datetimeRegex({ offset: true, precision: null, local: true })];
    const two = (max: number) => fc.integer({ min: 0, max }).map((value) => String(value).padStart(2, "0"));
    const written = fc
      .tuple(fc.integer({ min: 0, max: 9999 }), two(19), two(39), two(29), two(69), two(69), fc.option(fc.integer({ min: 0, max: 999 }), { nil: undefined }), fc.nat(40), fc.string({ minLength: 1, maxLength: 1 }))
      .map(([year, month, day, hours, minutes, seconds, ms, at, character]) => {
        const value = `${String(year).padStart(4, "0")}-${month}-${day}T${hours}:${minutes}:${seconds}${ms === undefined ? "" : `.${String(ms).padStart(3, "0")}`}Z`;
        // Now and then one character changed, anywhere.
        return at < value.length && at % 3 === 0 ? value.slice(0, at) + character + value.slice(at + 1) : value;
      });
    const leapDays = fc.constantFrom("2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2000-02-29T23:59:59.999Z", "1900-02-29T12:00:00Z", "0000-02-29T00:00:00Z", "2025-04-31T00:00:00Z");
    fc.assert(
      fc.property(fc.oneof(written, leapDays), (value) => {
        for (const pattern of patterns) if (isWrittenUtcTime(value)) expect(pattern.test(value), value).toBe(true);
        expect(isWrittenUtcTime(value), value).toBe(patterns[0]?.test(value) && value.endsWith("Z") && (value.length === 20 || value.length === 24));
      }),
      { numRuns: 5000 },
    );
  });
});
