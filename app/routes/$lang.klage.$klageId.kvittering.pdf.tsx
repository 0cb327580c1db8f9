import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { postNotAllowed } from "~/http-refusal.server";
import { klageReceiptPdf } from "~/klage/flow.server";

/** The person's own copy of the complaint. */
export const loader = ({ request, params }: LoaderFunctionArgs) => klageReceiptPdf(request, params);

/** Nothing is posted to a file: 405 in words. */
export const action = ({ request }: ActionFunctionArgs) => postNotAllowed(request);
