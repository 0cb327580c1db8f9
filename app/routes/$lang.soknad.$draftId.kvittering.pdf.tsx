import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptPdf } from "~/soknad/receipt.server";

/** The person's own copy of the søknad. */
export const loader = ({ request, params }: LoaderFunctionArgs) => receiptPdf(request, params);
