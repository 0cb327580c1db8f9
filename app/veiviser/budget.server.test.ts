import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "~/store/store.server";
import { emptyBudgetForm } from "./budget";
import { BUDGET_LIFETIME_DAYS, budgetOutline, deleteBudget, deleteExpiredBudgets, findBudget, saveBudget } from "./budget.server";

describe("saved budgets", () => {
  let db: Store;
  beforeAll(async () => {
    db = await openStore({ inMemory: true });
  });
  afterAll(async () => {
    await db.close();
  });

  const form = () => {
    const budget = emptyBudgetForm();
    budget.income.wages = "25 000";
    budget.debts = [{ kind: "tax", creditor: "Skatteetaten\u0000", owed: "12 000", monthly: "1 000" }];
    return budget;
  };

  it("keeps one budget per person, as typed, and replaces it on the next save", async () => {
    const now = new Date("2026-12-07T12:00:00Z");
    expect(await findBudget("12345678901", { db, now })).toBeNull();
    await saveBudget("12345678901", form(), { db, now });
    const saved = await findBudget("12345678901", { db, now });
    expect(saved?.form.income.wages).toBe("25 000");
    expect(saved?.form.debts[0]?.creditor, "a NUL is dropped, not a 500").toBe("Skatteetaten");
    expect(saved?.updatedAt).toEqual(now);
    const changed = { ...form(), income: { ...form().income, wages: "30 000" } };
    await saveBudget("12345678901", changed, { db, now });
    expect((await findBudget("12345678901", { db, now }))?.form.income.wages).toBe("30 000");
    expect(await findBudget("10987654321", { db, now }), "another person sees nothing").toBeNull();
  });

  it("is gone when deleted, and after its lifetime", async () => {
    const now = new Date("2026-12-07T12:00:00Z");
    await saveBudget("22222222222", form(), { db, now });
    await deleteBudget("22222222222", { db });
    expect(await findBudget("22222222222", { db, now })).toBeNull();

    await saveBudget("33333333333", form(), { db, now });
    const later = new Date(now.getTime() + (BUDGET_LIFETIME_DAYS + 1) * 24 * 60 * 60 * 1000);
    expect(await findBudget("33333333333", { db, now: later })).toBeNull();
    expect(await deleteExpiredBudgets({ db, now: later })).toBeGreaterThanOrEqual(1);
  });
});

describe("budgetOutline", () => {
  it("says what the page says: the month, then the debts in the order to deal with them", () => {
    const budget = emptyBudgetForm();
    budget.income.wages = "10 000";
    budget.costs.housing = "12 000";
    budget.debts = [
      { kind: "creditCard", creditor: "Kortet", owed: "5 000", monthly: "300" },
      { kind: "electricity", creditor: "", owed: "2 000", monthly: "500" },
    ];
    const t = (key: string, values?: Record<string, unknown>) => (values ? `${key} ${JSON.stringify(values)}` : key);
    const outline = budgetOutline(budget, { language: "nb", t, savedAt: new Date("2026-12-07T12:00:00Z") });
    const summary = outline.sections[0]!;
    expect(summary.items.at(-1)).toEqual({ kind: "field", label: "veiviser-verktoy:budget.summary.balance", value: "-2\u00a0800\u00a0kr".replace("-", "−") });
    const debts = outline.sections.at(-1)!.items[0]!;
    expect(debts.kind === "list" && debts.items.map((line) => JSON.parse(line.slice(line.indexOf("{"))).kind)).toEqual([
      "veiviser-verktoy:budget.debtKinds.electricity",
      "veiviser-verktoy:budget.debtKinds.creditCard",
    ]);
  });
});
