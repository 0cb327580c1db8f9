import type { LoaderFunctionArgs } from "@remix-run/node";
import { messageFile } from "~/meldinger/samtaler.server";

/** A file attached to a message in one of the person's conversations (404 for anyone else's). */
export const loader = ({ request, params }: LoaderFunctionArgs) => messageFile(request, params);
