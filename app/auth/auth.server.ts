/**
 * What the rest of the app calls to know who is asking. Routes never read cookies
 * or sessions themselves: they call requireApplicant / requireStaff / currentSession.
 */
import { redirect } from "@remix-run/node";
import { defaultLanguage, languageOfPath } from "~/i18n/languages";
import { findSession, type ApplicantSubject, type Session, type StaffSubject } from "~/session/session.server";
import { readSessionToken } from "~/session/cookie.server";
import { currentRequestScope } from "~/request-scope.server";

const perRequest = new WeakMap<Request, Promise<Session | null>>();

/**
 * The session behind this request, or null. Every request counts as activity. Looked up once
 * per HTTP request: the root and route loaders of a page share the answer (request-scope.server.ts).
 */
export function currentSession(request: Request): Promise<Session | null> {
  const scope = currentRequestScope();
  let found = (scope?.session as Promise<Session | null> | undefined) ?? perRequest.get(request);
  if (!found) {
    const token = readSessionToken(request);
    found = token ? findSession(token, { touch: true }) : Promise.resolve(null);
    perRequest.set(request, found);
    if (scope) scope.session = found;
  }
  return found;
}

/** A path and query as the portal writes them (loginRedirect encodes them): printable ASCII only. */
const LOCAL_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;

/**
 * A path to come back to after login: only a local path of the portal, never another site, and
 * nothing that cannot go into a Location header (a CR LF would be a 500): anything else is ignored.
 */
export function safeReturnPath(value: unknown, fallback: string): string {
  if (typeof value !== "string" || value.length > 2000 || !LOCAL_PATH.test(value)) return fallback;
  if (!languageOfPath(value)) return fallback;
  return value;
}

function loginRedirect(request: Request, loginPath: string): never {
  const url = new URL(request.url);
  const language = languageOfPath(url.pathname) ?? defaultLanguage;
  const returnTo = url.pathname + url.search;
  throw redirect(`/${language}/${loginPath}?returnTo=${encodeURIComponent(returnTo)}`);
}

export type Applicant = ApplicantSubject & { session: Session };

/**
 * The logged-in applicant, or a redirect to login. With `eligible`, a person who cannot
 * be served digitally (protected address, under 18) is sent to the landing page, which
 * explains where to get help instead.
 */
export async function requireApplicant(request: Request, options: { eligible?: boolean } = {}): Promise<Applicant> {
  const session = await currentSession(request);
  if (!session || session.kind !== "applicant") loginRedirect(request, "logg-inn");
  if (options.eligible && session.subject.refusal) {
    const language = languageOfPath(new URL(request.url).pathname) ?? defaultLanguage;
    throw redirect(`/${language}`);
  }
  return { ...session.subject, session };
}

export type Staff = StaffSubject & { session: Session };

/** A logged-in staff member with the role, or a redirect to staff login; applicants get 403. */
export async function requireStaff(request: Request, role = "nks"): Promise<Staff> {
  const session = await currentSession(request);
  if (!session) loginRedirect(request, "nks/logg-inn");
  if (session.kind !== "staff" || !session.subject.roles.includes(role)) {
    throw new Response("Forbidden", { status: 403 });
  }
  return { ...session.subject, session };
}

/** The session's end without counting this request as activity (for the timeout warning). */
export async function peekSession(request: Request): Promise<Session | null> {
  const token = readSessionToken(request);
  return token ? findSession(token, { touch: false }) : null;
}
