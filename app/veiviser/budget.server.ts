/**
 * The budget page on the server: the post without JavaScript (recalculate, add or remove a debt),
 * and for a logged-in person the one saved budget (save, show again, delete, PDF). Anonymous use
 * writes nothing: no session, no row.
 */
import { data } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { currentSession, requireApplicant } from "~/auth/auth.server";
import { formatDate, formatMoney } from "~/i18n/format";
import { remixI18n } from "~/i18n/i18n.server";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/languages";
import { readForm } from "~/request-body.server";
import { renderOutlinePdf, type PdfOutline } from "~/soknad/pdf.server";
import { store, toJsonb, type Queryable } from "~/store/store.server";
import {
  ADD_DEBT,
  applyRowIntent,
  budgetFormFrom,
  budgetFormSchema,
  calculateBudget,
  costFields,
  emptyBudgetForm,
  incomeFields,
  readBudget,
  type BudgetErrors,
  type BudgetForm,
} from "./budget";

/** A saved budget is kept this long after it was last saved. */
export const BUDGET_LIFETIME_DAYS = 365;

type Options = { db?: Queryable; now?: Date };
const db = async (options: Options) => options.db ?? (await store());
type Row = { form: unknown; updated_at: string | Date };

export type SavedBudget = { form: BudgetForm; updatedAt: Date };

export async function findBudget(ownerFnr: string, options: Options = {}): Promise<SavedBudget | null> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query<Row>(`SELECT form, updated_at FROM budgets WHERE owner_fnr = $1 AND delete_after > $2`, [ownerFnr, now.toISOString()]);
  const row = rows[0];
  if (!row) return null;
  const form = budgetFormSchema().safeParse(typeof row.form === "string" ? JSON.parse(row.form) : row.form);
  return form.success ? { form: form.data, updatedAt: new Date(row.updated_at) } : null;
}

export async function saveBudget(ownerFnr: string, form: BudgetForm, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  const deleteAfter = new Date(now.getTime() + BUDGET_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
  await (await db(options)).query(
    `INSERT INTO budgets (owner_fnr, form, updated_at, delete_after) VALUES ($1, $2::jsonb, $3, $4)
     ON CONFLICT (owner_fnr) DO UPDATE SET form = EXCLUDED.form, updated_at = EXCLUDED.updated_at, delete_after = EXCLUDED.delete_after`,
    [ownerFnr, toJsonb(form), now.toISOString(), deleteAfter.toISOString()],
  );
}

export async function deleteBudget(ownerFnr: string, options: Options = {}): Promise<void> {
  await (await db(options)).query(`DELETE FROM budgets WHERE owner_fnr = $1`, [ownerFnr]);
}

/** For the scheduled clean-up (app/housekeeping.server.ts). */
export async function deleteExpiredBudgets(options: Options = {}): Promise<number> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query(`DELETE FROM budgets WHERE delete_after <= $1 RETURNING owner_fnr`, [now.toISOString()]);
  return rows.length;
}

const noStore = { "Cache-Control": "no-store" };

/** The logged-in applicant, or null; never a redirect: the budget works without logging in. */
async function applicantOf(request: Request) {
  const session = await currentSession(request);
  return session?.kind === "applicant" ? session.subject : null;
}

export async function loadBudgetPage(request: Request) {
  const applicant = await applicantOf(request);
  const saved = applicant ? await findBudget(applicant.fnr) : null;
  const url = new URL(request.url);
  return data(
    {
      form: saved?.form ?? emptyBudgetForm(),
      loggedIn: applicant !== null,
      savedAt: saved?.updatedAt.toISOString() ?? null,
      returnTo: url.pathname,
    },
    { headers: noStore },
  );
}

export type BudgetAnswer = { form: BudgetForm; errors: BudgetErrors; notice?: "saved" | "deleted"; focus?: "debts" };

export async function budgetAction(request: Request) {
  const form = await readForm(request, "step");
  const intent = form.get("intent") ?? "calculate";
  const budget = budgetFormFrom(form);
  if (intent === ADD_DEBT || intent.startsWith("remove-debt:")) {
    return data<BudgetAnswer>({ form: applyRowIntent(budget, intent), errors: {}, focus: "debts" }, { headers: noStore });
  }
  if (intent === "delete") {
    const applicant = await requireApplicant(request);
    await deleteBudget(applicant.fnr);
    return data<BudgetAnswer>({ form: emptyBudgetForm(), errors: {}, notice: "deleted" }, { headers: noStore });
  }
  const { errors } = readBudget(budget);
  if (Object.keys(errors).length > 0) return data<BudgetAnswer>({ form: budget, errors }, { status: 400, headers: noStore });
  if (intent === "save") {
    const applicant = await requireApplicant(request);
    await saveBudget(applicant.fnr, budget);
    return data<BudgetAnswer>({ form: budget, errors: {}, notice: "saved" }, { headers: noStore });
  }
  return data<BudgetAnswer>({ form: budget, errors: {} }, { headers: noStore });
}

/* ---------- the PDF ---------- */

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** What the PDF says: the same parts as the page's summary, in the page's language. */
export function budgetOutline(form: BudgetForm, { language, t, savedAt }: { language: Language; t: Translate; savedAt: Date }): PdfOutline {
  const { amounts } = readBudget(form);
  const result = calculateBudget(amounts);
  const money = (amount: number) => formatMoney(amount, language);
  const k = (key: string) => t(`veiviser-verktoy:budget.${key}`);
  return {
    title: k("pdf.title"),
    meta: [{ kind: "field", label: k("pdf.saved"), value: formatDate(savedAt, language) }],
    sections: [
      {
        heading: k("summary.heading"),
        items: [
          { kind: "field", label: k("summary.income"), value: money(result.income) },
          { kind: "field", label: k("summary.fixedCosts"), value: money(result.fixedCosts) },
          { kind: "field", label: k("summary.debtPayments"), value: money(result.debtPayments) },
          { kind: "field", label: k("summary.balance"), value: money(result.balance) },
        ],
      },
      { heading: k("income.legend"), items: incomeFields.map((field) => ({ kind: "field" as const, label: k(`income.${field}`), value: money(amounts.income[field]) })) },
      { heading: k("costs.legend"), items: costFields.map((field) => ({ kind: "field" as const, label: k(`costs.${field}`), value: money(amounts.costs[field]) })) },
      {
        heading: k("priority.heading"),
        items: [
          {
            kind: "list",
            label: result.debts.length > 0 ? k("priority.intro") : k("priority.none"),
            items: result.debts.map((debt) =>
              t("veiviser-verktoy:budget.priority.line", {
                kind: k(`debtKinds.${debt.kind}`),
                creditor: debt.creditor || k(`debtKinds.${debt.kind}`),
                owed: money(debt.owed),
                monthly: money(debt.monthly),
                priority: k(`priority.levels.${debt.priority}`),
              }),
            ),
          },
        ],
      },
    ],
  };
}

export async function budgetPdf(request: Request, params: Params): Promise<Response> {
  const applicant = await requireApplicant(request);
  const saved = await findBudget(applicant.fnr);
  if (!saved) throw new Response("Not Found", { status: 404 });
  const language = isLanguage(params.lang) ? params.lang : defaultLanguage;
  const t = (await remixI18n.getFixedT(language)) as unknown as Translate;
  const outline = budgetOutline(saved.form, { language, t, savedAt: saved.updatedAt });
  const pdf = await renderOutlinePdf(outline, { language, author: applicant.name, createdAt: saved.updatedAt, pageLabel: t("veiviser-verktoy:budget.pdf.page") });
  return new Response(Buffer.from(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": 'attachment; filename="budsjett.pdf"', ...noStore },
  });
}
