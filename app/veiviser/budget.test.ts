import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatMoney } from "~/i18n/format";
import {
  ADD_DEBT,
  MAX_DEBTS,
  applyRowIntent,
  budgetFormFrom,
  calculateBudget,
  debtKinds,
  emptyBudgetForm,
  kronerSchema,
  parseKroner,
  prioritiseDebts,
  readBudget,
  removeDebtIntent,
  type Debt,
} from "./budget";

describe("parseKroner", () => {
  it.each([
    ["12 500", 12500],
    ["12500,50", 12500.5],
    ["kr 1 200", 1200],
    ["1 200 kr", 1200],
    ["1 200,-", 1200],
    ["12.500", 12500],
    ["12.500,75", 12500.75],
    ["NOK 12,500.50", 12500.5],
    ["12,5", 12.5],
    ["  7850 ", 7850],
    ["0", 0],
    ["10 000 000", 10_000_000],
  ])("reads %j as %d", (raw, value) => {
    expect(parseKroner(raw)).toEqual({ ok: true, value });
  });

  it("reads an empty field as no amount", () => {
    expect(parseKroner("")).toEqual({ ok: true, value: null });
    expect(parseKroner("   ")).toEqual({ ok: true, value: null });
  });

  it.each([
    ["tolv", "notANumber"],
    ["12 500 500,5,5", "notANumber"],
    ["1e5", "notANumber"],
    ["NaN", "notANumber"],
    ["Infinity", "notANumber"],
    ["0x10", "notANumber"],
    ["<script>", "notANumber"],
    ["-200", "negative"],
    ["kr −1 200", "negative"],
    ["10 000 001", "tooLarge"],
    ["99999999999999999999", "tooLarge"],
  ])("refuses %j: %s", (raw, error) => {
    expect(parseKroner(raw)).toEqual({ ok: false, error });
  });

  it("never throws, whatever is typed", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), (raw) => {
        const result = parseKroner(raw);
        expect(typeof result.ok).toBe("boolean");
        const zod = kronerSchema().safeParse(raw);
        expect(zod.success).toBe(result.ok);
      }),
      { numRuns: 2000 },
    );
  });

  it("reads back any amount written the way people and the portal write it", () => {
    const ore = fc.integer({ min: 0, max: 1_000_000_000 });
    fc.assert(
      fc.property(ore, fc.constantFrom("nb", "nn", "en") as fc.Arbitrary<"nb" | "nn" | "en">, (cents, language) => {
        const value = cents / 100;
        for (const written of [String(value), value.toFixed(2).replace(".", ","), formatMoney(value, language), `kr ${String(value).replace(".", ",")}`]) {
          expect(parseKroner(written), written).toEqual({ ok: true, value });
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("gives the zod issue a translation key", () => {
    const result = kronerSchema().safeParse("abc");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("veiviser-verktoy:budget.errors.notANumber");
  });
});

describe("budgetFormFrom and row intents", () => {
  it("takes known fields only, up to the row limit", () => {
    const form = new URLSearchParams();
    form.set("income.wages", "20 000");
    form.set("debt.0.kind", "tax");
    form.set("debt.3.owed", "100");
    form.set("debt.25.owed", "5");
    form.set("__proto__", "x");
    const budget = budgetFormFrom(form);
    expect(budget.income.wages).toBe("20 000");
    expect(budget.debts).toEqual([
      { kind: "tax", creditor: "", owed: "", monthly: "" },
      { kind: "", creditor: "", owed: "100", monthly: "" },
    ]);
  });

  it("adds rows up to the limit and removes the one asked for", () => {
    let form = emptyBudgetForm();
    for (let i = 0; i < 30; i++) form = applyRowIntent(form, ADD_DEBT);
    expect(form.debts).toHaveLength(MAX_DEBTS);
    form = { ...form, debts: form.debts.map((row, index) => ({ ...row, creditor: `c${index}` })) };
    const removed = applyRowIntent(form, removeDebtIntent(3));
    expect(removed.debts).toHaveLength(MAX_DEBTS - 1);
    expect(removed.debts.map((row) => row.creditor)).not.toContain("c3");
    expect(applyRowIntent(form, "remove-debt:abc")).toBe(form);
  });
});

describe("readBudget and calculateBudget", () => {
  it("adds up the month and gives the balance", () => {
    const form = emptyBudgetForm();
    form.income.wages = "25 000";
    form.income.benefits = "3 000,50";
    form.costs.housing = "kr 11 000";
    form.costs.electricity = "1 200,-";
    form.costs.food = "4000";
    form.debts = [
      { kind: "consumerLoan", creditor: "Lånebanken", owed: "80 000", monthly: "2 500" },
      { kind: "tax", creditor: "Skatteetaten", owed: "12 000", monthly: "1 000" },
      { kind: "", creditor: "", owed: "", monthly: "" },
    ];
    const { amounts, errors } = readBudget(form);
    expect(errors).toEqual({});
    const result = calculateBudget(amounts);
    expect(result.income).toBe(28000.5);
    expect(result.fixedCosts).toBe(16200);
    expect(result.debtPayments).toBe(3500);
    expect(result.balance).toBe(8300.5);
    expect(result.totalOwed).toBe(92000);
    expect(result.debts.map((debt) => debt.creditor)).toEqual(["Skatteetaten", "Lånebanken"]);
  });

  it("shows a negative balance when the month does not go round, and sums in øre", () => {
    const form = emptyBudgetForm();
    form.income.wages = "0,1";
    form.income.otherIncome = "0,2";
    form.costs.housing = "1";
    const result = calculateBudget(readBudget(form).amounts);
    expect(result.income).toBe(0.3);
    expect(result.balance).toBe(-0.7);
  });

  it("names each wrong field and counts it as nothing", () => {
    const form = emptyBudgetForm();
    form.income.wages = "mye";
    form.costs.food = "-5";
    form.costs.housing = "20 000 000";
    form.debts = [{ kind: "", creditor: "Noen", owed: "1", monthly: "1" }, { kind: "inkasso", creditor: "x".repeat(101), owed: "abc", monthly: "" }];
    const { amounts, errors } = readBudget(form);
    expect(errors).toEqual({
      "income.wages": "veiviser-verktoy:budget.errors.notANumber",
      "cost.food": "veiviser-verktoy:budget.errors.negative",
      "cost.housing": "veiviser-verktoy:budget.errors.tooLarge",
      "debt.0.kind": "veiviser-verktoy:budget.errors.kind",
      "debt.1.creditor": "veiviser-verktoy:budget.errors.creditorTooLong",
      "debt.1.owed": "veiviser-verktoy:budget.errors.notANumber",
    });
    expect(amounts.income.wages).toBe(0);
    expect(amounts.debts).toHaveLength(1);
  });
});

describe("prioritiseDebts", () => {
  const debt = (kind: Debt["kind"], creditor: string = kind): Debt => ({ kind, creditor, owed: 1, monthly: 1 });

  it("puts housing, electricity, child maintenance and tax first, then secured loans, then the rest", () => {
    const ordered = prioritiseDebts([debt("creditCard"), debt("inkasso"), debt("securedLoan"), debt("tax"), debt("consumerLoan"), debt("childMaintenance"), debt("electricity"), debt("rentArrears"), debt("otherDebt")]);
    expect(ordered.map((d) => d.kind)).toEqual(["rentArrears", "electricity", "childMaintenance", "tax", "securedLoan", "inkasso", "creditCard", "consumerLoan", "otherDebt"]);
    expect(ordered.map((d) => d.priority)).toEqual([1, 1, 1, 1, 2, 3, 3, 3, 3]);
  });

  it("keeps debts of the same kind in the order they were entered, for any list", () => {
    const kinds = debtKinds;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...kinds), { maxLength: MAX_DEBTS }), (list) => {
        const debts = list.map((kind, index) => debt(kind, String(index)));
        const ordered = prioritiseDebts(debts);
        expect(ordered).toHaveLength(debts.length);
        for (let i = 1; i < ordered.length; i++) {
          const [a, b] = [ordered[i - 1]!, ordered[i]!];
          expect(a.priority).toBeLessThanOrEqual(b.priority);
          if (a.kind === b.kind) expect(Number(a.creditor)).toBeLessThan(Number(b.creditor));
        }
      }),
    );
  });
});
