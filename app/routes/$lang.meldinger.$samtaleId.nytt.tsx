import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { postNotAllowed } from "~/http-refusal.server";
import { newMessages } from "~/meldinger/samtaler.server";

/** The browser's poll for messages newer than the page's newest (app/meldinger/live.ts): JSON, not counted as activity. */
export const loader = ({ request, params }: LoaderFunctionArgs) => newMessages(request, params);
export const action = ({ request }: ActionFunctionArgs) => postNotAllowed(request);
