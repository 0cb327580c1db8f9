/**
 * The budget (økonomi og gjeld): income, fixed costs and debts a month, the balance, and the
 * debts to deal with first. Pure, so the server (a post without JavaScript) and the browser (the
 * summary as one types) compute the same thing from the same form. Amounts stay the text the
 * person typed until they are read here, so a wrong one is shown back as it was, with a message.
 */
import { z } from "zod";
import { once } from "~/shell/once";

export const incomeFields = ["wages", "benefits", "otherIncome"] as const;
export const costFields = ["housing", "electricity", "food", "transport", "phoneInternet", "insurance", "childcare", "otherCosts"] as const;

/**
 * The kinds of debt, in the order to deal with them: first what can cost the home, the power or
 * a child's maintenance, and tax (the state can take it from wages); then loans with security
 * (the home or the car can be sold); last debt collection (inkasso) and unsecured credit.
 */
export const debtKinds = ["rentArrears", "electricity", "childMaintenance", "tax", "securedLoan", "inkasso", "creditCard", "consumerLoan", "otherDebt"] as const;

export type IncomeField = (typeof incomeFields)[number];
export type CostField = (typeof costFields)[number];
export type DebtKind = (typeof debtKinds)[number];
export type Priority = 1 | 2 | 3;

const priorityOf: Record<DebtKind, Priority> = {
  rentArrears: 1,
  electricity: 1,
  childMaintenance: 1,
  tax: 1,
  securedLoan: 2,
  inkasso: 3,
  creditCard: 3,
  consumerLoan: 3,
  otherDebt: 3,
};

export const MAX_DEBTS = 20;
/** The largest amount taken, as in the søknad (app/soknad/options.ts limits.maxAmount). */
export const MAX_AMOUNT = 10_000_000;
export const MAX_CREDITOR_LENGTH = 100;
/** What is kept of a typed value: enough to show a wrong one back, never a megabyte. */
const MAX_RAW_LENGTH = 200;

export function isDebtKind(value: unknown): value is DebtKind {
  return typeof value === "string" && (debtKinds as readonly string[]).includes(value);
}

/* ---------- the form, as typed ---------- */

export interface DebtRow {
  kind: string;
  creditor: string;
  owed: string;
  monthly: string;
}

export interface BudgetForm {
  income: Record<IncomeField, string>;
  costs: Record<CostField, string>;
  debts: DebtRow[];
}

export const fieldName = {
  income: (field: IncomeField) => `income.${field}`,
  cost: (field: CostField) => `cost.${field}`,
  debt: (index: number, part: keyof DebtRow) => `debt.${index}.${part}`,
};

const emptyRecord = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, ""])) as Record<K, string>;
export const emptyDebt = (): DebtRow => ({ kind: "", creditor: "", owed: "", monthly: "" });
export const emptyBudgetForm = (): BudgetForm => ({ income: emptyRecord(incomeFields), costs: emptyRecord(costFields), debts: [emptyDebt()] });

/** What a form (URLSearchParams or the browser's FormData) holds. */
export interface FormSource {
  get(name: string): unknown;
  has(name: string): boolean;
}

const text = (value: unknown) => (typeof value === "string" ? value.slice(0, MAX_RAW_LENGTH) : "");
const debtParts = ["kind", "creditor", "owed", "monthly"] as const;

/** The budget form from a post: known fields only, at most MAX_DEBTS rows, each value cut to a sane length. */
export function budgetFormFrom(form: FormSource): BudgetForm {
  const debts: DebtRow[] = [];
  for (let index = 0; index < MAX_DEBTS; index++) {
    if (!debtParts.some((part) => form.has(fieldName.debt(index, part)))) continue;
    debts.push({
      kind: text(form.get(fieldName.debt(index, "kind"))),
      creditor: text(form.get(fieldName.debt(index, "creditor"))),
      owed: text(form.get(fieldName.debt(index, "owed"))),
      monthly: text(form.get(fieldName.debt(index, "monthly"))),
    });
  }
  return {
    income: Object.fromEntries(incomeFields.map((field) => [field, text(form.get(fieldName.income(field)))])) as Record<IncomeField, string>,
    costs: Object.fromEntries(costFields.map((field) => [field, text(form.get(fieldName.cost(field)))])) as Record<CostField, string>,
    debts,
  };
}

/** The shape a saved budget is read back with (a row from the store is not trusted either); built on first use (once). */
export const budgetFormSchema = once(
  () =>
    z.object({
      income: z.object(Object.fromEntries(incomeFields.map((field) => [field, z.string().max(MAX_RAW_LENGTH)])) as Record<IncomeField, z.ZodString>),
      costs: z.object(Object.fromEntries(costFields.map((field) => [field, z.string().max(MAX_RAW_LENGTH)])) as Record<CostField, z.ZodString>),
      debts: z.array(z.object({ kind: z.string(), creditor: z.string(), owed: z.string(), monthly: z.string() })).max(MAX_DEBTS),
    }) as z.ZodType<BudgetForm, z.ZodTypeDef, unknown>,
);

/** The add and remove buttons (name="intent"), which work without JavaScript. */
export const ADD_DEBT = "add-debt";
export const removeDebtIntent = (index: number) => `remove-debt:${index}`;

export function applyRowIntent(form: BudgetForm, intent: string): BudgetForm {
  if (intent === ADD_DEBT) return form.debts.length < MAX_DEBTS ? { ...form, debts: [...form.debts, emptyDebt()] } : form;
  const removed = /^remove-debt:(\d{1,2})$/.exec(intent);
  if (removed) {
    const index = Number(removed[1]);
    return { ...form, debts: form.debts.filter((_, at) => at !== index) };
  }
  return form;
}

/* ---------- amounts ---------- */

export type AmountError = "notANumber" | "negative" | "tooLarge";
export type AmountParse = { ok: true; value: number | null } | { ok: false; error: AmountError };

const PREFIX = /^(?:kr\.?|nok)\s*/i;
const SUFFIX = /\s*(?:kr\.?|nok|,-|,–|\.-)$/i;
const PLAIN = /^\d+(?:[.,]\d{1,2})?$/;
const DOT_THOUSANDS = /^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/;
const COMMA_THOUSANDS = /^\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?$/;

/**
 * Kroner as a person types them: "12 500", "12500,50", "kr 1 200", "1 200,-", "12.500",
 * "NOK 12,500.50" (and what formatMoney writes, in every language). Empty is no amount (null).
 * Never throws.
 */
export function parseKroner(raw: string): AmountParse {
  // NFKC: a no-break or narrow no-break space (as Intl writes them, or a paste) is a space.
  let value = raw.normalize("NFKC").trim();
  if (value === "") return { ok: true, value: null };
  for (let round = 0; round < 2; round++) value = value.replace(PREFIX, "").replace(SUFFIX, "").trim();
  const negative = /^[-−–]/.test(value);
  if (negative) value = value.slice(1).trim();
  for (let round = 0; round < 2 && !negative; round++) value = value.replace(PREFIX, "").replace(SUFFIX, "").trim();
  value = value.replace(/[\s']/g, "");
  let number: number;
  if (PLAIN.test(value)) number = Number(value.replace(",", "."));
  else if (DOT_THOUSANDS.test(value)) number = Number(value.replaceAll(".", "").replace(",", "."));
  else if (COMMA_THOUSANDS.test(value)) number = Number(value.replaceAll(",", ""));
  else return { ok: false, error: "notANumber" };
  if (!Number.isFinite(number)) return { ok: false, error: "notANumber" };
  if (negative && number > 0) return { ok: false, error: "negative" };
  if (number > MAX_AMOUNT) return { ok: false, error: "tooLarge" };
  return { ok: true, value: Math.round(number * 100) / 100 };
}

export const amountErrorKey = (error: AmountError) => `veiviser-verktoy:budget.errors.${error}`;

/** The same as a zod schema (built on first use): a number of kroner or null, or an issue whose message is a translation key. */
export const kronerSchema = once(() =>
  z.unknown().transform((raw, ctx): number | null => {
    const parsed = parseKroner(typeof raw === "string" ? raw : raw === undefined || raw === null ? "" : String(raw));
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: amountErrorKey(parsed.error) });
    return z.NEVER;
  }),
);

/* ---------- reading and calculating ---------- */

export interface Debt {
  kind: DebtKind;
  creditor: string;
  owed: number;
  monthly: number;
}

export interface BudgetAmounts {
  income: Record<IncomeField, number>;
  costs: Record<CostField, number>;
  debts: Debt[];
}

/** Field name → translation key of what is wrong there. */
export type BudgetErrors = Record<string, string>;

/** What kronerSchema says of `raw`, without zod: the page reads the budget in the browser too. */
function amountOf(raw: string, name: string, errors: BudgetErrors): number {
  const parsed = parseKroner(raw);
  if (parsed.ok) return parsed.value ?? 0;
  errors[name] = amountErrorKey(parsed.error);
  return 0;
}

/**
 * The amounts of the form, and what is wrong in it. A wrong amount counts as nothing, so the
 * summary still shows the rest; a row left empty is no debt.
 */
export function readBudget(form: BudgetForm): { amounts: BudgetAmounts; errors: BudgetErrors } {
  const errors: BudgetErrors = {};
  const income = Object.fromEntries(incomeFields.map((field) => [field, amountOf(form.income[field] ?? "", fieldName.income(field), errors)])) as Record<IncomeField, number>;
  const costs = Object.fromEntries(costFields.map((field) => [field, amountOf(form.costs[field] ?? "", fieldName.cost(field), errors)])) as Record<CostField, number>;
  const debts: Debt[] = [];
  form.debts.forEach((row, index) => {
    const creditor = row.creditor.trim();
    if (row.kind === "" && creditor === "" && row.owed.trim() === "" && row.monthly.trim() === "") return;
    const owed = amountOf(row.owed, fieldName.debt(index, "owed"), errors);
    const monthly = amountOf(row.monthly, fieldName.debt(index, "monthly"), errors);
    if (creditor.length > MAX_CREDITOR_LENGTH) errors[fieldName.debt(index, "creditor")] = "veiviser-verktoy:budget.errors.creditorTooLong";
    if (!isDebtKind(row.kind)) {
      errors[fieldName.debt(index, "kind")] = "veiviser-verktoy:budget.errors.kind";
      return;
    }
    debts.push({ kind: row.kind, creditor: creditor.slice(0, MAX_CREDITOR_LENGTH), owed, monthly });
  });
  return { amounts: { income, costs, debts }, errors };
}

export interface PrioritisedDebt extends Debt {
  priority: Priority;
}

export interface BudgetResult {
  income: number;
  fixedCosts: number;
  debtPayments: number;
  /** Income less fixed costs and debt payments; negative when the month does not go round. */
  balance: number;
  totalOwed: number;
  /** Every debt, the ones to deal with first at the top (by kind, then as entered). */
  debts: PrioritisedDebt[];
}

/** Sums in øre, so 0.1 + 0.2 is 0.3 kr. */
const sum = (values: number[]) => values.reduce((total, value) => total + Math.round(value * 100), 0) / 100;

export function prioritiseDebts(debts: readonly Debt[]): PrioritisedDebt[] {
  return debts
    .map((debt, index) => ({ debt: { ...debt, priority: priorityOf[debt.kind] }, index }))
    .sort((a, b) => a.debt.priority - b.debt.priority || debtKinds.indexOf(a.debt.kind) - debtKinds.indexOf(b.debt.kind) || a.index - b.index)
    .map(({ debt }) => debt);
}

export function calculateBudget(amounts: BudgetAmounts): BudgetResult {
  const income = sum(incomeFields.map((field) => amounts.income[field]));
  const fixedCosts = sum(costFields.map((field) => amounts.costs[field]));
  const debtPayments = sum(amounts.debts.map((debt) => debt.monthly));
  return {
    income,
    fixedCosts,
    debtPayments,
    balance: sum([income, -fixedCosts, -debtPayments]),
    totalOwed: sum(amounts.debts.map((debt) => debt.owed)),
    debts: prioritiseDebts(amounts.debts),
  };
}
