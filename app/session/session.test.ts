import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "~/store/store.server";
import { createSession, deleteExpiredSessions, destroySession, findSession, sessionEndsAt, type ApplicantSubject } from "./session.server";

const times = { idleSeconds: 30 * 60, maxSeconds: 6 * 60 * 60 };
const subject: ApplicantSubject = { fnr: "12345678901", name: "Test Person", birthDate: "1990-01-01", refusal: null };
const at = (minutes: number) => new Date(Date.UTC(2026, 10, 23, 8, 0) + minutes * 60_000);

describe("sessions", () => {
  let db: Store;
  beforeAll(async () => {
    db = await openStore({ inMemory: true });
  });
  afterAll(() => db.close());

  it("stores only a hash of the token", async () => {
    const { token } = await createSession("applicant", subject, { now: at(0), times, db });
    const rows = await db.query<{ id_hash: string }>(`SELECT id_hash FROM sessions`);
    expect(rows.some((row) => row.id_hash === token)).toBe(false);
    expect(await findSession(token, { now: at(1), times, db })).toMatchObject({ kind: "applicant", subject });
  });

  it("expires after the inactivity timeout, and activity moves the timeout", async () => {
    const { token } = await createSession("applicant", subject, { now: at(0), times, db });
    expect(await findSession(token, { now: at(29), times, db, touch: true })).not.toBeNull();
    // 29 + 30 = 59: still alive at 58 because of the touch at 29.
    expect(await findSession(token, { now: at(58), times, db })).not.toBeNull();
    expect(await findSession(token, { now: at(59), times, db })).toBeNull();
    // Once expired it is gone for good, even if asked about at an earlier time.
    expect(await findSession(token, { now: at(30), times, db })).toBeNull();
  });

  it("writes activity at most once a second (a page's loaders each look the session up)", async () => {
    const { token } = await createSession("applicant", subject, { now: at(0), times, db });
    const second = (ms: number) => new Date(at(10).getTime() + ms);
    expect((await findSession(token, { now: second(0), times, db, touch: true }))?.lastSeenAt).toEqual(second(0));
    expect((await findSession(token, { now: second(999), times, db, touch: true }))?.lastSeenAt).toEqual(second(0));
    expect((await findSession(token, { now: second(1000), times, db, touch: true }))?.lastSeenAt).toEqual(second(1000));
  });

  it("ends at the absolute lifetime however active the person is", async () => {
    const { token } = await createSession("applicant", subject, { now: at(0), times, db });
    for (let minute = 20; minute < 360; minute += 20) {
      expect(await findSession(token, { now: at(minute), times, db, touch: true })).not.toBeNull();
    }
    expect(await findSession(token, { now: at(360), times, db, touch: true })).toBeNull();
  });

  it("reports the end as the earlier of idle and absolute expiry", () => {
    const end = sessionEndsAt({ lastSeenAt: at(340), expiresAt: at(360) }, times);
    expect(end.toISOString()).toBe(at(360).toISOString());
    expect(sessionEndsAt({ lastSeenAt: at(10), expiresAt: at(360) }, times).toISOString()).toBe(at(40).toISOString());
  });

  it("is gone after logout", async () => {
    const { token } = await createSession("staff", { navIdent: "Z990001", name: "N", roles: ["nks"] }, { now: at(0), times, db });
    await destroySession(token, { db });
    expect(await findSession(token, { now: at(1), times, db })).toBeNull();
  });

  it("cleans up expired sessions", async () => {
    await db.query(`DELETE FROM sessions`);
    await createSession("applicant", subject, { now: at(0), times, db });
    await createSession("applicant", subject, { now: at(20), times, db });
    expect(await deleteExpiredSessions({ now: at(35), times, db })).toBe(1);
  });
});
