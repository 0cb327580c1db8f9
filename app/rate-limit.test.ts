import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openStore, type Store } from "~/store/store.server";
import { createRateLimits, type LimitName, type LimitRule } from "./rate-limit.server";

const rules = (points: number, seconds = 60): Record<LimitName, LimitRule> => ({
  "login-address": { points, seconds },
  "login-person": { points, seconds },
  "staff-login-address": { points, seconds },
  "staff-login-person": { points, seconds },
  "send-person": { points, seconds },
  "message-person": { points, seconds },
});

/** The answer a refused attempt throws: Remix's data() with status and headers. */
async function refusal(attempt: Promise<void>) {
  const thrown = await attempt.then(
    () => null,
    (error: unknown) => error,
  );
  expect(thrown, "refused").not.toBeNull();
  const { data, init } = thrown as { data: { retryAfterSeconds: number }; init: { status: number; headers: Record<string, string> } };
  return { status: init.status, retryAfter: Number(init.headers["Retry-After"]), data };
}

let db: Store;
beforeAll(async () => {
  db = await openStore({ inMemory: true });
});
afterAll(async () => {
  await db.close();
});

describe("rate limits", () => {
  it("lets the allowed number through, then answers 429 with when to try again", async () => {
    const limits = createRateLimits({ rules: rules(3, 60), store: async () => db });
    for (let i = 0; i < 3; i++) await limits.check(["login-person", "01010100001"]);
    const refused = await refusal(limits.check(["login-person", "01010100001"]));
    expect(refused.status).toBe(429);
    expect(refused.retryAfter).toBeGreaterThan(55);
    expect(refused.retryAfter).toBeLessThanOrEqual(60);
    expect(refused.data.retryAfterSeconds).toBe(refused.retryAfter);
    // Someone else is not held by it.
    await limits.check(["login-person", "01010100002"]);
  });

  it("shares the counts between processes through the database", async () => {
    // Two portal processes: two limiters of their own over one database.
    const first = createRateLimits({ rules: rules(4), store: async () => db });
    const second = createRateLimits({ rules: rules(4), store: async () => db });
    await first.check(["send-person", "02020200001"]);
    await second.check(["send-person", "02020200001"]);
    await first.check(["send-person", "02020200001"]);
    await second.check(["send-person", "02020200001"]);
    expect((await refusal(first.check(["send-person", "02020200001"]))).status).toBe(429);
    expect((await refusal(second.check(["send-person", "02020200001"]))).status).toBe(429);
  });

  it("counts the address and the person both: a new address does not help a person, a new person does not help an address", async () => {
    const limits = createRateLimits({ rules: rules(2), store: async () => db });
    await limits.check(["login-address", "203.0.113.1"], ["login-person", "03030300001"]);
    await limits.check(["login-address", "203.0.113.2"], ["login-person", "03030300001"]);
    await refusal(limits.check(["login-address", "203.0.113.3"], ["login-person", "03030300001"]));
    await limits.check(["login-address", "203.0.113.1"], ["login-person", "03030300002"]);
    await refusal(limits.check(["login-address", "203.0.113.1"], ["login-person", "03030300003"]));
    // The staff login has counts of its own.
    await limits.check(["staff-login-address", "203.0.113.1"], ["staff-login-person", "Z123456"]);
  });

  it("opens again when the window is over, and housekeeping deletes the finished windows", async () => {
    const limits = createRateLimits({ rules: rules(1, 1), store: async () => db });
    await limits.check(["login-address", "198.51.100.7"]);
    const refused = await refusal(limits.check(["login-address", "198.51.100.7"]));
    expect(refused.retryAfter).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await limits.check(["login-address", "198.51.100.7"]);
    const key = "login-address:198.51.100.7";
    expect(await db.query(`SELECT key FROM rate_limits WHERE key = $1`, [key])).toHaveLength(1);
    expect(await limits.deleteExpired(new Date(Date.now() + 2000))).toBeGreaterThan(0);
    expect(await db.query(`SELECT key FROM rate_limits WHERE key = $1`, [key])).toHaveLength(0);
  });

  it("keeps no fødselsnummer in the table, only its hash", async () => {
    const limits = createRateLimits({ rules: rules(5), store: async () => db });
    await limits.check(["login-person", "04040400001"]);
    const keys = (await db.query<{ key: string }>(`SELECT key FROM rate_limits`)).map((row) => row.key);
    expect(keys.some((key) => key.includes("04040400001"))).toBe(false);
    expect(keys.some((key) => /^login-person:[0-9a-f]{64}$/.test(key))).toBe(true);
  });

  it("counts in the process alone when the database does not answer", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const down = createRateLimits({ rules: rules(2), store: () => Promise.reject(new Error("database down")) });
    await down.check(["login-person", "05050500001"]);
    await down.check(["login-person", "05050500001"]);
    expect((await refusal(down.check(["login-person", "05050500001"]))).status).toBe(429);
    error.mockRestore();
  });
});
