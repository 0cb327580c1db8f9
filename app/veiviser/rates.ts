/**
 * Server-side (the guide page's loader): the browser gets the rates as loader data, not this module, zod or the file.
 *
 * The state's guideline rates for living costs (statlige veiledende retningslinjer for økonomisk
 * stønad, per month), as data with their year, start date and source: a new year is one entry in
 * guideline-rates.json. They are guidelines; each municipality judges each case (sosialtjenesteloven § 18).
 */
import { z } from "zod";
import data from "./guideline-rates.json";

const kroner = z.number().int().positive();

const periodSchema = z.object({
  year: z.number().int().min(2000),
  validFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  source: z.string().min(1),
  monthly: z.object({ single: kroner, couple: kroner, sharedHousehold: kroner, child0to5: kroner, child6to10: kroner, child11to17: kroner }).strict(),
});

export const guidelineRatesSchema = z.object({
  source: z.string().min(1),
  periods: z
    .array(periodSchema)
    .min(1)
    .refine((periods) => periods.every((period, index) => index === 0 || period.validFrom < (periods[index - 1] as { validFrom: string }).validFrom), "newest period first"),
});

export type RatePeriod = z.infer<typeof periodSchema>;

const rates = guidelineRatesSchema.parse(data);

/** The period in force on a day (the newest that has begun), and the one before it. */
export function guidelineRates(today = new Date().toISOString().slice(0, 10)): { current: RatePeriod; previous: RatePeriod | null } {
  const index = Math.max(0, rates.periods.findIndex((period) => period.validFrom <= today));
  return { current: rates.periods[index] as RatePeriod, previous: rates.periods[index + 1] ?? null };
}
