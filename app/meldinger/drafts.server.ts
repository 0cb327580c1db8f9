/**
 * Message drafts: what a person has typed in a conversation and not yet sent, kept on the server
 * (never in the browser) so a reload, a failed send or another device finds it again. One per
 * person and conversation. Its meldingId is the message's idempotency key: the form carries it,
 * so a second post of the same form is the same message; once sent, the draft gets a new one.
 */
import crypto from "node:crypto";
import { store, storableText, type Queryable } from "~/store/store.server";
import { DRAFT_LIFETIME_DAYS } from "~/soknad/drafts.server";

export type MeldingDraft = { samtaleId: string; meldingId: string; tekst: string; updatedAt: Date };

type Row = { samtale_id: string; melding_id: string; tekst: string; updated_at: string | Date };

type Options = { db?: Queryable; now?: Date };
const db = async (options: Options) => options.db ?? (await store());
const deleteAfter = (now: Date) => new Date(now.getTime() + DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000);
const toDraft = (row: Row): MeldingDraft => ({ samtaleId: row.samtale_id, meldingId: row.melding_id, tekst: row.tekst, updatedAt: new Date(row.updated_at) });

/** The person's draft in a conversation; a new, empty one when there is none (or it had expired). */
export async function currentMeldingDraft(ownerFnr: string, samtaleId: string, options: Options = {}): Promise<MeldingDraft> {
  const now = options.now ?? new Date();
  const database = await db(options);
  const rows = await database.query<Row>(`SELECT * FROM melding_drafts WHERE owner_fnr = $1 AND samtale_id = $2 AND delete_after > $3`, [ownerFnr, samtaleId, now.toISOString()]);
  if (rows[0]) return toDraft(rows[0]);
  // An expired row is replaced; of two requests creating one at once, the first wins and both get it.
  const created = await database.query<Row>(
    `INSERT INTO melding_drafts (owner_fnr, samtale_id, melding_id, tekst, updated_at, delete_after) VALUES ($1, $2, $3, '', $4, $5)
     ON CONFLICT (owner_fnr, samtale_id) DO UPDATE SET melding_id = EXCLUDED.melding_id, tekst = '', updated_at = EXCLUDED.updated_at, delete_after = EXCLUDED.delete_after
       WHERE melding_drafts.delete_after <= $4
     RETURNING *`,
    [ownerFnr, samtaleId, crypto.randomUUID(), now.toISOString(), deleteAfter(now).toISOString()],
  );
  if (created[0]) return toDraft(created[0]);
  const winner = await database.query<Row>(`SELECT * FROM melding_drafts WHERE owner_fnr = $1 AND samtale_id = $2`, [ownerFnr, samtaleId]);
  return toDraft(winner[0]!);
}

/** Keeps what was typed, if the draft is still the one the form was for; false when it has been sent meanwhile. */
export async function saveMeldingDraft(ownerFnr: string, samtaleId: string, meldingId: string, tekst: string, options: Options = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query(
    `UPDATE melding_drafts SET tekst = $4, updated_at = $5, delete_after = $6 WHERE owner_fnr = $1 AND samtale_id = $2 AND melding_id = $3 RETURNING melding_id`,
    // A form can carry a NUL, which PostgreSQL refuses in text: it was a 500 (e2e/hostile-input.spec.ts).
    [ownerFnr, samtaleId, meldingId, storableText(tekst), now.toISOString(), deleteAfter(now).toISOString()],
  );
  return rows.length > 0;
}

/** The message with this id has been sent: the conversation's next draft starts empty, with a new id. */
export async function finishMeldingDraft(ownerFnr: string, samtaleId: string, meldingId: string, options: Options = {}): Promise<void> {
  const now = options.now ?? new Date();
  await (await db(options)).query(
    `UPDATE melding_drafts SET melding_id = $4, tekst = '', updated_at = $5, delete_after = $6 WHERE owner_fnr = $1 AND samtale_id = $2 AND melding_id = $3`,
    [ownerFnr, samtaleId, meldingId, crypto.randomUUID(), now.toISOString(), deleteAfter(now).toISOString()],
  );
}

export async function deleteExpiredMeldingDrafts(options: Options = {}): Promise<number> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query(`DELETE FROM melding_drafts WHERE delete_after <= $1 RETURNING melding_id`, [now.toISOString()]);
  return rows.length;
}
