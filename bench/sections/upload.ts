/**
 * Upload: time to accept a 10 MB PDF and an 8 MB photo, and the server's peak memory
 * growth while doing it (budget `uploadMemoryGrowthMb` in bench/budgets.json).
 *
 * ─── NOT BUILT YET ───────────────────────────────────────────────────────────────────
 * The upload route does not exist yet. To fill this in once it does:
 *  - log in (`login` from ../portal) and make whatever the upload belongs to;
 *  - sample `groupRssMb(portal.pgid)` (../portal) every ~20 ms from before the first
 *    upload until the last answer, and report the peak minus the value before;
 *  - POST each file as multipart/form-data with `sameOrigin` headers and the cookie,
 *    and time it until the answer;
 *  - return `{ status: "ok", ... }` with `memoryGrowthMb`; run.ts checks the budget.
 * ─────────────────────────────────────────────────────────────────────────────────────
 */
import type { RunningPortal } from "../portal";

export type UploadSection =
  | { status: "not built"; detail: string }
  | { status: "error"; detail: string }
  | { status: "ok"; files: { name: string; megabytes: number; ms: number; httpStatus: number }[]; memoryGrowthMb: number };

export async function runUpload(_portal: RunningPortal): Promise<UploadSection> {
  return { status: "not built", detail: "no upload route yet" };
}
