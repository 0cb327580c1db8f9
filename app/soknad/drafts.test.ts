import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "~/store/store.server";
import {
  createDraft,
  deleteDraft,
  deleteExpiredDrafts,
  findDraft,
  listDrafts,
  markSubmitted,
  saveStep,
  submissionsLastDay,
} from "./drafts.server";

const A = "01019012345";
const B = "02029054321";
const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 24 * 60 * 60 * 1000);

describe("drafts", () => {
  let db: Store;
  beforeAll(async () => {
    db = await openStore({ inMemory: true });
  });
  afterAll(() => db.close());

  it("keeps every step's answers and where the person was", async () => {
    const draft = await createDraft(A, { kind: "standard", firstStep: "personalia" }, { db, now: day(0) });
    await saveStep(A, draft.id, "personalia", { phone: "+47 400 00 000" }, { db, now: day(1), currentStep: "behov" });
    await saveStep(A, draft.id, "behov", { categories: ["husleie"], details: "<script>alert(1)</script>" }, { db, now: day(1) });
    const found = await findDraft(A, draft.id, { db });
    expect(found?.answers).toEqual({
      personalia: { phone: "+47 400 00 000" },
      behov: { categories: ["husleie"], details: "<script>alert(1)</script>" },
    });
    expect(found?.currentStep).toBe("behov");
  });

  it("keeps text with a NUL character or a lone surrogate instead of failing the write", async () => {
    const draft = await createDraft(A, { kind: "standard", firstStep: "personalia" }, { db, now: day(0) });
    await saveStep(A, draft.id, "behov", { details: "før\u0000etter \uD800", ["nøkkel\u0000"]: "x" }, { db, now: day(1) });
    const found = await findDraft(A, draft.id, { db });
    expect(found?.answers).toEqual({ behov: { details: "føretter \uFFFD", ["nøkkel"]: "x" } });
  });

  it("never shows or changes another person's draft", async () => {
    const draft = await createDraft(A, { kind: "standard", firstStep: "personalia" }, { db, now: day(0) });
    expect(await findDraft(B, draft.id, { db })).toBeNull();
    expect(await saveStep(B, draft.id, "personalia", { phone: "1" }, { db })).toBeNull();
    expect(await deleteDraft(B, draft.id, { db })).toBe(false);
    expect(await findDraft(A, draft.id, { db })).not.toBeNull();
    expect(await findDraft(A, "not-a-uuid' OR 1=1 --", { db })).toBeNull();
  });

  it("is deleted 14 days after the last change, and each change moves the date", async () => {
    await db.query(`DELETE FROM drafts`);
    const old = await createDraft(A, { kind: "standard", firstStep: "personalia" }, { db, now: day(0) });
    const active = await createDraft(A, { kind: "kort", firstStep: "personalia" }, { db, now: day(0) });
    expect(old.deleteAfter.toISOString()).toBe(day(14).toISOString());
    await saveStep(A, active.id, "behov", {}, { db, now: day(10) });
    expect(await deleteExpiredDrafts({ db, now: day(14) })).toBe(1);
    expect(await findDraft(A, old.id, { db })).toBeNull();
    const listed = await listDrafts(A, { db, now: day(14) });
    expect(listed.map((draft) => draft.id)).toEqual([active.id]);
    expect(listed[0]?.deleteAfter.toISOString()).toBe(day(24).toISOString());
  });

  it("is sent once, and counts towards the two per day", async () => {
    await db.query(`DELETE FROM drafts`);
    const draft = await createDraft(A, { kind: "standard", firstStep: "personalia" }, { db, now: day(0) });
    expect(await markSubmitted(A, draft.id, "fiks-1", { db, now: day(1) })).toBe(true);
    expect(await markSubmitted(A, draft.id, "fiks-2", { db, now: day(1) })).toBe(false);
    expect((await findDraft(A, draft.id, { db }))?.fiksDigisosId).toBe("fiks-1");
    expect(await saveStep(A, draft.id, "behov", {}, { db })).toBeNull();
    expect(await submissionsLastDay(A, { db, now: day(1) })).toBe(1);
    expect(await submissionsLastDay(A, { db, now: day(3) })).toBe(0);
    expect(await listDrafts(A, { db, now: day(1) })).toEqual([]);
  });
});
