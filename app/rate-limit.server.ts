/**
 * Rate limits on what a script would hammer: the logins, sending a søknad, complaint or request for advice, and messages. Counted with
 * rate-limiter-flexible's PostgreSQL limiter over the portal's one store (table `rate_limits`),
 * so every portal process shares the counts; over the limit, the request gets the 429 page,
 * which says when to try again, and a Retry-After header (docs/decisions/023).
 */
import { createHash } from "node:crypto";
import { data } from "@remix-run/node";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { config } from "~/config.server";
import { store, type Queryable } from "~/store/store.server";
import { logFor } from "~/log.server";

const log = logFor("rate-limit");

export type LimitName = "login-address" | "login-person" | "staff-login-address" | "staff-login-person" | "send-person" | "message-person";

export type LimitRule = { points: number; seconds: number };

/** The limits as configured: logins per minute, sends and messages per hour. */
export function configuredRules(): Record<LimitName, LimitRule> {
  const { RATE_LIMIT_LOGINS_PER_ADDRESS: perAddress, RATE_LIMIT_LOGINS_PER_PERSON: perPerson, RATE_LIMIT_SENDS_PER_PERSON: sends, RATE_LIMIT_MESSAGES_PER_PERSON: messages } = config();
  return {
    "login-address": { points: perAddress, seconds: 60 },
    "login-person": { points: perPerson, seconds: 60 },
    "staff-login-address": { points: perAddress, seconds: 60 },
    "staff-login-person": { points: perPerson, seconds: 60 },
    "send-person": { points: sends, seconds: 60 * 60 },
    "message-person": { points: messages, seconds: 60 * 60 },
  };
}

const TABLE = "rate_limits";

/**
 * The limiter's PostgreSQL client, spoken through the portal's store (PGlite or PostgreSQL).
 * The limiter reads `expire` as a number; PostgreSQL's BIGINT comes back as a string.
 */
function storeClient(open: () => Promise<Queryable>) {
  return {
    async query({ text, values }: { text: string; values?: unknown[] }) {
      const rows = await (await open()).query<{ points: unknown; expire: unknown }>(text, values);
      return {
        rows: rows.map((row) => ({ points: Number(row.points), expire: row.expire === null || row.expire === undefined ? null : Number(row.expire) })),
        rowCount: rows.length,
      };
    },
  };
}

/** What a key is counted as: a person's identifier only as a hash, so the table holds no fødselsnummer. */
function counted(limit: LimitName, key: string): string {
  return limit.endsWith("-person") ? createHash("sha256").update(key).digest("hex") : key || "unknown";
}

/** Seconds until the window ends, as Retry-After says it: whole seconds, at least one. */
const retryAfterSeconds = (msBeforeNext: number) => Math.max(1, Math.ceil(msBeforeNext / 1000));

export type RateLimits = {
  /**
   * Counts one attempt for each `[limit, key]`; throws the 429 answer when any of them is over
   * its limit (all are counted, so a script is held by each). A database that does not answer
   * falls back to counting in this process alone.
   */
  check(...attempts: [LimitName, string][]): Promise<void>;
  /** Deletes the counters whose window is over. */
  deleteExpired(now?: Date): Promise<number>;
};

export function createRateLimits(options: { rules: Record<LimitName, LimitRule>; store: () => Promise<Queryable> }): RateLimits {
  const client = storeClient(options.store);
  const limiters = new Map<LimitName, RateLimiterPostgres>();
  const limiter = (limit: LimitName) => {
    let found = limiters.get(limit);
    if (!found) {
      const { points, seconds } = options.rules[limit];
      found = new RateLimiterPostgres({
        storeClient: client,
        storeType: "client",
        tableName: TABLE,
        tableCreated: true, // by migration 003
        clearExpiredByTimeout: false, // housekeeping does it
        keyPrefix: limit,
        points,
        duration: seconds,
        insuranceLimiter: new RateLimiterMemory({ keyPrefix: `${limit}-memory`, points, duration: seconds }),
      });
      limiters.set(limit, found);
    }
    return found;
  };
  return {
    async check(...attempts) {
      const results = await Promise.allSettled(attempts.map(([limit, key]) => limiter(limit).consume(counted(limit, key))));
      let waitMs = 0;
      for (const result of results) {
        if (result.status === "fulfilled") continue;
        if (result.reason instanceof RateLimiterRes) waitMs = Math.max(waitMs, result.reason.msBeforeNext);
        // Neither the database nor the fallback could count: let the person through rather than stop everyone.
        else log.error({ err: result.reason }, "could not count: the person is let through");
      }
      if (waitMs > 0) {
        const seconds = retryAfterSeconds(waitMs);
        throw data({ retryAfterSeconds: seconds }, { status: 429, headers: { "Retry-After": String(seconds) } });
      }
    },
    async deleteExpired(now = new Date()) {
      const rows = await (await options.store()).query(`DELETE FROM ${TABLE} WHERE expire < $1 RETURNING key`, [now.getTime()]);
      return rows.length;
    },
  };
}

let shared: RateLimits | undefined;

/** The portal's limits, over its store and its configuration. */
export function rateLimits(): RateLimits {
  shared ??= createRateLimits({ rules: configuredRules(), store });
  return shared;
}
