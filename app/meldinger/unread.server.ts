/**
 * How many of the office's messages the person has not read, for the header on every page.
 * The header must never hold a page up or break it: the count is kept per person for a short
 * while in this process, a page waits for a fresh one at most UNREAD_WAIT_MS (a late answer still
 * fills the cache for the next page), and a failure shows no count rather than an error.
 */
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { logFor } from "~/log.server";

const log = logFor("meldinger");

const UNREAD_CACHE_MS = 30_000;
const UNREAD_WAIT_MS = 800;
const UNREAD_CACHE_MAX = 10_000;
const cache = new Map<string, { until: number; count: number }>();
const pending = new Map<string, Promise<number | null>>();
/** Bumped by forgetUnread: an answer asked for before it is not kept (it may predate the change). */
const generations = new Map<string, number>();
let lastGeneration = 0;

function fetchUnread(fnr: string): Promise<number | null> {
  let request = pending.get(fnr);
  if (request) return request;
  const generation = generations.get(fnr) ?? 0;
  request = fagsystem
    .samtaler(fnr)
    .then((samtaler) => {
      const count = samtaler.reduce((sum, samtale) => sum + samtale.antallUleste, 0);
      if ((generations.get(fnr) ?? 0) !== generation) return count;
      cache.delete(fnr);
      cache.set(fnr, { until: Date.now() + UNREAD_CACHE_MS, count });
      while (cache.size > UNREAD_CACHE_MAX) cache.delete(cache.keys().next().value as string);
      return count;
    })
    .catch((error: unknown) => {
      if (!(error instanceof FagsystemError)) log.error({ err: error }, "the unread count failed");
      return null;
    })
    .finally(() => {
      if (pending.get(fnr) === request) pending.delete(fnr);
    });
  pending.set(fnr, request);
  return request;
}

/** The number of unread messages from the office, or null when it is not known right now. */
export async function unreadCount(fnr: string): Promise<number | null> {
  const cached = cache.get(fnr);
  if (cached && cached.until > Date.now()) return cached.count;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), UNREAD_WAIT_MS);
  });
  try {
    return await Promise.race([fetchUnread(fnr), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** After the person read or wrote: the next page asks again. */
export function forgetUnread(fnr: string): void {
  cache.delete(fnr);
  pending.delete(fnr);
  generations.delete(fnr); // re-added at the end, so the oldest entries are the ones let go
  generations.set(fnr, ++lastGeneration);
  while (generations.size > UNREAD_CACHE_MAX) generations.delete(generations.keys().next().value as string);
}
