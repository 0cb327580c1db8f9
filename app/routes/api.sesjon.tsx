import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { currentSession, peekSession } from "~/auth/auth.server";
import { readForm } from "~/request-body.server";
import { sessionEndsAt, sessionTimes } from "~/session/session.server";

function status(session: Awaited<ReturnType<typeof peekSession>>) {
  if (!session) return { endsAt: null };
  const endsAt = sessionEndsAt(session, sessionTimes(session.kind));
  // At the absolute lifetime, continuing no longer moves the end.
  const extendable = endsAt.getTime() < session.expiresAt.getTime();
  return { endsAt: endsAt.toISOString(), extendable };
}

/** When the session ends, without extending it. */
export async function loader({ request }: LoaderFunctionArgs) {
  return Response.json(status(await peekSession(request)));
}

/** "Fortsett": counts as activity, so the inactivity clock starts again. */
export async function action({ request }: ActionFunctionArgs) {
  await readForm(request, "small"); // no fields; a refused body is answered {"refused": …} with its status
  return Response.json(status(await currentSession(request)));
}
