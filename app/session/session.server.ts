/**
 * Server-side sessions. The browser only holds a random token in an HttpOnly cookie;
 * everything else lives in the `sessions` table. Both the inactivity timeout and the
 * absolute lifetime are enforced here, on every request, whatever the browser does.
 */
import crypto from "node:crypto";
import { config } from "~/config.server";
import { store, type Queryable } from "~/store/store.server";

export type ApplicantSubject = {
  fnr: string;
  name: string;
  birthDate: string;
  /** Why the person cannot use the digital service, if they cannot. */
  refusal: "protected-address" | "under-18" | null;
};
export type StaffSubject = { navIdent: string; name: string; roles: string[] };

/** The identity provider behind a real login (docs/decisions/028); null for the test login under MOCKS=true. */
export type IdentityProviderName = "idporten" | "entra";
export type ProviderSession = { idp: IdentityProviderName; sid: string | null; idToken: string };

type SessionBase = { idHash: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; provider: ProviderSession | null };
export type Session = ({ kind: "applicant"; subject: ApplicantSubject } | { kind: "staff"; subject: StaffSubject }) & SessionBase;

export type SessionTimes = { idleSeconds: number; maxSeconds: number };

/** The clock of one kind of session: applicants and staff each have their own settings. */
export function sessionTimes(kind: Session["kind"] = "applicant"): SessionTimes {
  const settings = config();
  return kind === "staff"
    ? { idleSeconds: settings.STAFF_SESSION_IDLE_SECONDS, maxSeconds: settings.STAFF_SESSION_MAX_SECONDS }
    : { idleSeconds: settings.SESSION_IDLE_SECONDS, maxSeconds: settings.SESSION_MAX_SECONDS };
}

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

type Row = {
  id_hash: string;
  kind: "applicant" | "staff";
  subject: unknown;
  created_at: Date | string;
  last_seen_at: Date | string;
  expires_at: Date | string;
  idp: IdentityProviderName | null;
  idp_sid: string | null;
  id_token: string | null;
};

function toSession(row: Row): Session {
  const subject = typeof row.subject === "string" ? JSON.parse(row.subject) : row.subject;
  return {
    kind: row.kind,
    subject,
    idHash: row.id_hash,
    createdAt: new Date(row.created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    provider: row.idp && row.id_token ? { idp: row.idp, sid: row.idp_sid, idToken: row.id_token } : null,
  } as Session;
}

/** When the session ends if nothing more happens: the earlier of idle and absolute expiry. */
export function sessionEndsAt(session: Pick<Session, "lastSeenAt" | "expiresAt">, times: SessionTimes): Date {
  const idleEnd = session.lastSeenAt.getTime() + times.idleSeconds * 1000;
  return new Date(Math.min(idleEnd, session.expiresAt.getTime()));
}

export async function createSession(
  kind: Session["kind"],
  subject: ApplicantSubject | StaffSubject,
  options: { now?: Date; times?: SessionTimes; db?: Queryable; provider?: ProviderSession } = {},
): Promise<{ token: string; session: Session }> {
  const now = options.now ?? new Date();
  const times = options.times ?? sessionTimes(kind);
  const db = options.db ?? (await store());
  // Logins are a natural moment to sweep out sessions nobody can use any more.
  await deleteExpiredSessions({ now, times: options.times, db });
  const token = crypto.randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + times.maxSeconds * 1000);
  const rows = await db.query<Row>(
    `INSERT INTO sessions (id_hash, kind, subject, created_at, last_seen_at, expires_at, idp, idp_sid, id_token)
     VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8) RETURNING *`,
    [hash(token), kind, JSON.stringify(subject), now.toISOString(), expiresAt.toISOString(), options.provider?.idp ?? null, options.provider?.sid ?? null, options.provider?.idToken ?? null],
  );
  return { token, session: toSession(rows[0]!) };
}

/**
 * Activity within this long of the last recorded activity is not written again: a page's root
 * and route loaders each look the session up (Remix gives every loader its own Request), and
 * one write per second is enough for a timeout counted in minutes. The idle deadline can
 * come at most this much earlier than the last request plus the idle time.
 */
export const TOUCH_GRANULARITY_MS = 1000;

/**
 * Looks a session up by its token. An expired session is deleted and treated as absent.
 * With `touch`, the inactivity clock starts again (every real request does this).
 */
export async function findSession(
  token: string,
  options: { now?: Date; times?: SessionTimes; db?: Queryable; touch?: boolean } = {},
): Promise<Session | null> {
  const now = options.now ?? new Date();
  const db = options.db ?? (await store());
  const rows = await db.query<Row>(`SELECT * FROM sessions WHERE id_hash = $1`, [hash(token)]);
  const row = rows[0];
  if (!row) return null;
  const session = toSession(row);
  const times = options.times ?? sessionTimes(session.kind);
  if (sessionEndsAt(session, times).getTime() <= now.getTime()) {
    await db.query(`DELETE FROM sessions WHERE id_hash = $1`, [session.idHash]);
    return null;
  }
  if (options.touch && now.getTime() - session.lastSeenAt.getTime() >= TOUCH_GRANULARITY_MS) {
    await db.query(`UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1`, [session.idHash, now.toISOString()]);
    session.lastSeenAt = now;
  }
  return session;
}

export async function destroySession(token: string, options: { db?: Queryable } = {}): Promise<void> {
  const db = options.db ?? (await store());
  await db.query(`DELETE FROM sessions WHERE id_hash = $1`, [hash(token)]);
}

/** Ends every local session that the identity provider's session `sid` made (front-channel logout); returns how many. */
export async function destroyProviderSessions(idp: IdentityProviderName, sid: string, options: { db?: Queryable } = {}): Promise<number> {
  const db = options.db ?? (await store());
  const rows = await db.query<{ id_hash: string }>(`DELETE FROM sessions WHERE idp = $1 AND idp_sid = $2 RETURNING id_hash`, [idp, sid]);
  return rows.length;
}

/** Removes sessions that can no longer be used, each kind by its own idle time (`times` sets one for both, in tests). */
export async function deleteExpiredSessions(options: { now?: Date; times?: SessionTimes; db?: Queryable } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const db = options.db ?? (await store());
  const cutoff = (kind: Session["kind"]) => new Date(now.getTime() - (options.times ?? sessionTimes(kind)).idleSeconds * 1000).toISOString();
  const rows = await db.query(
    `DELETE FROM sessions
      WHERE expires_at <= $1 OR (kind = 'applicant' AND last_seen_at <= $2) OR (kind = 'staff' AND last_seen_at <= $3)
      RETURNING id_hash`,
    [now.toISOString(), cutoff("applicant"), cutoff("staff")],
  );
  return rows.length;
}
