/**
 * The scheduled clean-up: søknad, complaint and message drafts past their 14 days, sessions nobody can use any more, logins that
 * never came back from the identity provider and rate-limit counters whose window is over.
 * Runs in every portal process; the deletes are idempotent, so several processes may share it.
 */
import { deleteExpiredDrafts } from "~/soknad/drafts.server";
import { deleteExpiredKlageDrafts } from "~/klage/drafts.server";
import { deleteExpiredMeldingDrafts } from "~/meldinger/drafts.server";
import { deleteExpiredSessions } from "~/session/session.server";
import { deleteExpiredLookups } from "~/nks/lookups.server";
import { deleteExpiredLogins } from "~/auth/oidc.server";
import { deleteExpiredBudgets } from "~/veiviser/budget.server";
import { rateLimits } from "~/rate-limit.server";
import { logFor } from "~/log.server";

const log = logFor("housekeeping");

const EVERY_MS = 60 * 60 * 1000;
let started = false;

export async function runHousekeeping(now = new Date()) {
  const [drafts, klageDrafts, sessions, meldingDrafts, lookups, logins, , budgets] = await Promise.all([
    deleteExpiredDrafts({ now }),
    deleteExpiredKlageDrafts({ now }),
    deleteExpiredSessions({ now }),
    deleteExpiredMeldingDrafts({ now }),
    deleteExpiredLookups({ now }),
    deleteExpiredLogins({ now }),
    rateLimits().deleteExpired(now),
    deleteExpiredBudgets({ now }),
  ]);
  if (drafts + klageDrafts + meldingDrafts + sessions + lookups + logins + budgets > 0)
    log.info({ drafts: drafts + klageDrafts + meldingDrafts, sessions, lookups, unfinishedLogins: logins, budgets }, "deleted what expired");
}

export function startHousekeeping() {
  if (started || process.env.VITEST) return;
  started = true;
  const run = () => runHousekeeping().catch((error: unknown) => log.error({ err: error }, "the clean-up failed"));
  setTimeout(run, 10_000).unref();
  setInterval(run, EVERY_MS).unref();
}
