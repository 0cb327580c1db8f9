import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "~/store/store.server";
import { currentMeldingDraft, saveMeldingDraft } from "./drafts.server";

const A = "01019012345";
const SAMTALE = "16ad0f3f-7765-45ff-bc26-418f44a855be";

describe("message drafts", () => {
  let db: Store;
  beforeAll(async () => {
    db = await openStore({ inMemory: true });
  });
  afterAll(() => db.close());

  it("keeps text with a NUL character or a lone surrogate instead of failing the write", async () => {
    const draft = await currentMeldingDraft(A, SAMTALE, { db });
    expect(await saveMeldingDraft(A, SAMTALE, draft.meldingId, "før\u0000etter \uD800", { db })).toBe(true);
    expect((await currentMeldingDraft(A, SAMTALE, { db })).tekst).toBe("føretter \uFFFD");
  });
});
