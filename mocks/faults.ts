/** A fault the mock injects for tests (`PUT /mock/faults`): a path prefix, optionally a method and a person, and what goes wrong. */
import { z } from "zod";

export const faultSchema = z
  .object({
    /** A path prefix such as "/api/v1/folkeregister". */
    path: z.string().startsWith("/"),
    method: z
      .string()
      .regex(/^[a-z]+$/i)
      .transform((method) => method.toUpperCase())
      .optional(),
    fnr: z.string().regex(/^\d{11}$/).optional(),
    status: z.number().int().min(200).max(599).optional(),
    delayMs: z.number().int().min(0).max(120_000).optional(),
    drop: z.boolean().optional(),
  })
  .strict()
  .refine((fault) => fault.status !== undefined || fault.delayMs !== undefined || fault.drop === true, "a fault needs status, delayMs or drop")
  .refine((fault) => !(fault.drop && fault.status !== undefined), "drop and status exclude each other");
export type Fault = z.infer<typeof faultSchema>;
