import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { postNotAllowed } from "~/http-refusal.server";
import { messageFile } from "~/meldinger/samtaler.server";

/** A file attached to a message in one of the person's conversations (404 for anyone else's). */
export const loader = ({ request, params }: LoaderFunctionArgs) => messageFile(request, params);

/** Nothing is posted to a file: 405 in words. */
export const action = ({ request }: ActionFunctionArgs) => postNotAllowed(request);
