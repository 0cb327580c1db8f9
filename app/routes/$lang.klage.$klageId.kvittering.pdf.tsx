import type { LoaderFunctionArgs } from "@remix-run/node";
import { klageReceiptPdf } from "~/klage/flow.server";

/** The person's own copy of the complaint. */
export const loader = ({ request, params }: LoaderFunctionArgs) => klageReceiptPdf(request, params);
