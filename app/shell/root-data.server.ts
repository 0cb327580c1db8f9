import type { Params } from "@remix-run/react";
import { currentSession } from "~/auth/auth.server";
import { defaultLanguage, isLanguage } from "~/i18n/languages";
import { resourcesJsonFor } from "~/i18n/resources";
import { namespacesFor } from "~/i18n/namespaces";
import { akselTranslationsJson } from "~/i18n/aksel.server";
import { config } from "~/config.server";
import { sessionEndsAt, sessionTimes } from "~/session/session.server";
import { unreadCount } from "~/meldinger/unread.server";
import { logFor } from "~/log.server";

const log = logFor("session");

/**
 * What every page needs: its language and the translations its components use, who is logged in, and when the
 * session ends (for the timeout warning). It never throws, so error pages can render.
 */
export async function rootData(request: Request, params: Params) {
  const language = isLanguage(params.lang) ? params.lang : defaultLanguage;
  let session = null;
  try {
    session = await currentSession(request);
  } catch (error) {
    log.error({ err: error }, "the session lookup failed: the page is shown as logged out");
  }
  // The header's "Meldinger (2 nye)": never more than a short wait, never an error (unread.server.ts).
  const unreadMessages = session?.kind === "applicant" && !session.subject.refusal ? await unreadCount(session.subject.fnr) : null;
  return {
    language,
    // Both as JSON strings made once, read with parsedJson (app/i18n/i18n.ts).
    resourcesJson: resourcesJsonFor(language, namespacesFor(new URL(request.url).pathname)),
    akselTranslationsJson: akselTranslationsJson(language),
    user: session ? { kind: session.kind, name: session.subject.name } : null,
    unreadMessages,
    session: session
      ? {
          endsAt: sessionEndsAt(session, sessionTimes(session.kind)).toISOString(),
          idleSeconds: sessionTimes(session.kind).idleSeconds,
          warningSeconds: config().SESSION_WARNING_SECONDS,
        }
      : null,
  };
}

/** What every page gets from the root loader (app/root.tsx returns it as it is). */
export type RootData = Awaited<ReturnType<typeof rootData>>;
