import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { postNotAllowed } from "~/http-refusal.server";
import { budgetPdf } from "~/veiviser/budget.server";

/** The person's saved budget as a PDF, in the page's language. */
export const loader = ({ request, params }: LoaderFunctionArgs) => budgetPdf(request, params);

/** Nothing is posted to a file: 405 in words. */
export const action = ({ request }: ActionFunctionArgs) => postNotAllowed(request);
