import { describe, expect, it } from "vitest";
import data from "./guideline-rates.json";
import { guidelineRates, guidelineRatesSchema } from "./rates";

describe("guideline rates", () => {
  it("are the rates of rundskriv A-3/2023 from 1 January 2024, with the set before them", () => {
    const { current, previous } = guidelineRates("2026-12-07");
    expect(current).toMatchObject({ year: 2024, validFrom: "2024-01-01", source: "rundskriv A-3/2023" });
    expect(current.monthly).toEqual({ single: 7850, couple: 13100, sharedHousehold: 6600, child0to5: 3850, child6to10: 3950, child11to17: 5150 });
    expect(previous?.validFrom).toBe("2023-07-01");
    expect(previous?.monthly.single).toBe(7550);
  });

  it("shows the set in force on a day", () => {
    expect(guidelineRates("2023-12-31").current.validFrom).toBe("2023-07-01");
    expect(guidelineRates("2023-12-31").previous).toBeNull();
  });

  it("refuses a file with a missing rate, a rate that is not whole kroner, or periods out of order", () => {
    const period = data.periods[0]!;
    expect(guidelineRatesSchema.safeParse({ ...data, periods: [{ ...period, monthly: { ...period.monthly, single: undefined } }] }).success).toBe(false);
    expect(guidelineRatesSchema.safeParse({ ...data, periods: [{ ...period, monthly: { ...period.monthly, single: 7850.5 } }] }).success).toBe(false);
    expect(guidelineRatesSchema.safeParse({ ...data, periods: [...data.periods].reverse() }).success).toBe(false);
  });
});
