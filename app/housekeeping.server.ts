/**
 * The scheduled clean-up: søknad and complaint drafts past their 14 days, sessions nobody can use any more and
 * rate-limit counters whose window is over.
 * Runs in every portal process; the deletes are idempotent, so several processes may share it.
 */
import { deleteExpiredDrafts } from "~/soknad/drafts.server";
import { deleteExpiredKlageDrafts } from "~/klage/drafts.server";
import { deleteExpiredSessions } from "~/session/session.server";
import { rateLimits } from "~/rate-limit.server";

const EVERY_MS = 60 * 60 * 1000;
let started = false;

export async function runHousekeeping(now = new Date()) {
  const [drafts, klageDrafts, sessions] = await Promise.all([
    deleteExpiredDrafts({ now }),
    deleteExpiredKlageDrafts({ now }),
    deleteExpiredSessions({ now }),
    rateLimits().deleteExpired(now),
  ]);
  if (drafts + klageDrafts + sessions > 0) console.log(`[housekeeping] deleted ${drafts + klageDrafts} expired drafts and ${sessions} expired sessions`);
}

export function startHousekeeping() {
  if (started || process.env.VITEST) return;
  started = true;
  const run = () => runHousekeeping().catch((error) => console.error("[housekeeping]", error));
  setTimeout(run, 10_000).unref();
  setInterval(run, EVERY_MS).unref();
}
