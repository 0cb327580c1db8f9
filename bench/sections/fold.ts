/**
 * Fold: time to fold generated event logs of growing size (median of a few runs), to
 * show how its cost grows. Reports "not built" while app/innsyn/fold.ts does not exist.
 */
import fs from "node:fs/promises";
import { performance } from "node:perf_hooks";
import { hendelseSchemas, digisosSokerSchema, type DigisosSoker, type KnownHendelseType } from "../../app/fagsystem/contract";
import type { FoldOptions } from "../../app/innsyn/view";
import { foldRuns, foldSizes } from "../config";
import { generateEventLog } from "../event-log";

export type FoldSection =
  | { status: "not built"; detail: string }
  | { status: "error"; detail: string }
  | { status: "ok"; results: { events: number; medianMs: number; minMs: number; runs: number; ok: boolean }[] };

type Fold = (document: DigisosSoker, options: FoldOptions) => { ok: boolean };

const FOLD_MODULE = new URL("../../app/innsyn/fold.ts", import.meta.url);

/** The generated logs must be what the fagsystem could send, or the timing means nothing. */
function checkAgainstContract(document: DigisosSoker) {
  digisosSokerSchema.parse(document);
  for (const hendelse of document.hendelser) hendelseSchemas[hendelse.type as KnownHendelseType].parse(hendelse);
}

export async function runFold(): Promise<FoldSection> {
  try {
    await fs.access(FOLD_MODULE);
  } catch {
    return { status: "not built", detail: "app/innsyn/fold.ts does not exist yet" };
  }
  let fold: Fold;
  try {
    const module = (await import(FOLD_MODULE.href)) as { foldEventLog?: Fold };
    if (typeof module.foldEventLog !== "function") return { status: "not built", detail: "app/innsyn/fold.ts has no foldEventLog yet" };
    fold = module.foldEventLog;
  } catch (error) {
    return { status: "error", detail: `importing app/innsyn/fold.ts failed: ${error instanceof Error ? error.message : String(error)}` };
  }

  // Timed in optimized code, as the portal runs it: one warm-up fold per size left V8's compile of the
  // fold (a background thread, starved on a busy 2-core box) unfinished, and the medians swung 3-5×
  // between runs of the same code with the JIT, not the fold.
  const warmUp = generateEventLog(1_000);
  const warmUpOptions: FoldOptions = { sendtTidspunkt: warmUp.sendtTidspunkt, deliveries: [], now: new Date("2100-01-01T00:00:00.000Z") };
  const warmUpStart = performance.now();
  for (let count = 0; count < 200 && (count < 20 || performance.now() - warmUpStart < 500); count++) fold(warmUp.document, warmUpOptions);

  const results = [];
  for (const events of foldSizes) {
    const { document, sendtTidspunkt } = generateEventLog(events);
    checkAgainstContract(document);
    // The person looks a day after the last event.
    const now = new Date(Date.parse(document.hendelser.at(-1)?.hendelsestidspunkt ?? sendtTidspunkt) + 86_400_000);
    const options: FoldOptions = { sendtTidspunkt, deliveries: [], now };
    const first = fold(document, options); // warm-up, and whether it folded at all
    const times: number[] = [];
    for (let run = 0; run < foldRuns; run++) {
      const start = performance.now();
      fold(document, options);
      times.push(performance.now() - start);
      if (times.reduce((sum, time) => sum + time, 0) > 20_000) break; // a slow fold must not hold up the whole run
    }
    times.sort((a, b) => a - b);
    const medianMs = times[Math.floor(times.length / 2)] ?? NaN;
    results.push({ events, medianMs: Number(medianMs.toFixed(2)), minMs: Number((times[0] ?? NaN).toFixed(2)), runs: times.length, ok: first.ok });
  }
  return { status: "ok", results };
}
