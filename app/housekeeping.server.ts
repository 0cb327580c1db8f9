/**
 * The scheduled clean-up: søknad, complaint and message drafts past their 14 days, sessions nobody can use any more and
 * rate-limit counters whose window is over.
 * Runs in every portal process; the deletes are idempotent, so several processes may share it.
 */
import { deleteExpiredDrafts } from "~/soknad/drafts.server";
import { deleteExpiredKlageDrafts } from "~/klage/drafts.server";
import { deleteExpiredMeldingDrafts } from "~/meldinger/drafts.server";
import { deleteExpiredSessions } from "~/session/session.server";
import { deleteExpiredLookups } from "~/nks/lookups.server";
import { rateLimits } from "~/rate-limit.server";

const EVERY_MS = 60 * 60 * 1000;
let started = false;

export async function runHousekeeping(now = new Date()) {
  const [drafts, klageDrafts, sessions, meldingDrafts, lookups] = await Promise.all([
    deleteExpiredDrafts({ now }),
    deleteExpiredKlageDrafts({ now }),
    deleteExpiredSessions({ now }),
    deleteExpiredMeldingDrafts({ now }),
    deleteExpiredLookups({ now }),
    rateLimits().deleteExpired(now),
  ]);
  if (drafts + klageDrafts + meldingDrafts + sessions + lookups > 0)
    console.log(`[housekeeping] deleted ${drafts + klageDrafts + meldingDrafts} expired drafts, ${sessions} expired sessions and ${lookups} expired lookups`);
}

export function startHousekeeping() {
  if (started || process.env.VITEST) return;
  started = true;
  const run = () => runHousekeeping().catch((error) => console.error("[housekeeping]", error));
  setTimeout(run, 10_000).unref();
  setInterval(run, EVERY_MS).unref();
}
