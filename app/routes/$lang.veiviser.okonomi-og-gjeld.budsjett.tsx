import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { actionDataOf, pageTitle } from "~/shell/meta";
import { BudgetPage } from "~/veiviser/BudgetPage";
import { budgetAction, loadBudgetPage, type BudgetAnswer } from "~/veiviser/budget.server";
import "~/veiviser/budget.css";

export const meta: MetaFunction = (args) =>
  pageTitle(args, "veiviser-verktoy:budget.title", { errors: Object.keys(actionDataOf<BudgetAnswer>(args)?.errors ?? {}).length > 0 });

/** A saved budget is personal: never kept by a browser or a proxy. */
export const headers = () => ({ "Cache-Control": "no-store" });

export const loader = ({ request }: LoaderFunctionArgs) => loadBudgetPage(request);

/** Recalculate, add or remove a debt; save or delete for a logged-in person. */
export const action = ({ request }: ActionFunctionArgs) => budgetAction(request);

export default function Budget() {
  useTranslation("veiviser-verktoy");
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<BudgetAnswer>();
  return <BudgetPage page={page} answer={answer} />;
}
