/**
 * A search result's address. The fødselsnummer stays on the server: the browser gets a random
 * lookup id, bound to the staff session that searched and valid for an hour, and the pages that
 * show the person are addressed by it. Another session's id, an expired one, or one from a session
 * that has ended (logout deletes its lookups with it) finds nothing.
 */
import crypto from "node:crypto";
import { store, type Queryable } from "~/store/store.server";

export const LOOKUP_SECONDS = 60 * 60;

type Options = { now?: Date; db?: Queryable };

export async function createLookup(sessionIdHash: string, fnr: string, options: Options = {}): Promise<string> {
  const now = options.now ?? new Date();
  const lookupId = crypto.randomBytes(18).toString("base64url");
  const db = options.db ?? (await store());
  await db.query(`INSERT INTO nks_lookups (lookup_id, session_id_hash, fnr, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`, [
    lookupId,
    sessionIdHash,
    fnr,
    now.toISOString(),
    new Date(now.getTime() + LOOKUP_SECONDS * 1000).toISOString(),
  ]);
  return lookupId;
}

/** The fnr behind a lookup id of this session, or null. */
export async function findLookup(sessionIdHash: string, lookupId: string, options: Options = {}): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{24}$/.test(lookupId)) return null;
  const db = options.db ?? (await store());
  const rows = await db.query<{ fnr: string }>(`SELECT fnr FROM nks_lookups WHERE lookup_id = $1 AND session_id_hash = $2 AND expires_at > $3`, [
    lookupId,
    sessionIdHash,
    (options.now ?? new Date()).toISOString(),
  ]);
  return rows[0]?.fnr ?? null;
}

export async function deleteExpiredLookups(options: Options = {}): Promise<number> {
  const db = options.db ?? (await store());
  const rows = await db.query(`DELETE FROM nks_lookups WHERE expires_at <= $1 RETURNING lookup_id`, [(options.now ?? new Date()).toISOString()]);
  return rows.length;
}
