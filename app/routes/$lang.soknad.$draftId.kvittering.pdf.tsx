import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { postNotAllowed } from "~/http-refusal.server";
import { receiptPdf } from "~/soknad/receipt.server";

/** The person's own copy of the søknad. */
export const loader = ({ request, params }: LoaderFunctionArgs) => receiptPdf(request, params);

/** Nothing is posted to a file: 405 in words. */
export const action = ({ request }: ActionFunctionArgs) => postNotAllowed(request);
