/**
 * Complaint drafts. As with søknad drafts, a draft is only read or changed together with its
 * owner's fnr, so another person's id behaves exactly like one that does not exist.
 */
import crypto from "node:crypto";
import { store, toJsonb, type Queryable } from "~/store/store.server";
import { DRAFT_LIFETIME_DAYS } from "~/soknad/drafts.server";
import type { KlageAnswers, KlageStepId } from "./steps";

export type KlageDraft = {
  id: string;
  soknadId: string;
  answers: KlageAnswers;
  currentStep: KlageStepId;
  createdAt: Date;
  updatedAt: Date;
  deleteAfter: Date;
  submittedAt: Date | null;
};

type Row = {
  id: string;
  fiks_digisos_id: string;
  answers: unknown;
  current_step: KlageStepId;
  created_at: string | Date;
  updated_at: string | Date;
  delete_after: string | Date;
  submitted_at: string | Date | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toDraft = (row: Row): KlageDraft => ({
  id: row.id,
  soknadId: row.fiks_digisos_id,
  answers: (typeof row.answers === "string" ? JSON.parse(row.answers) : row.answers) as KlageAnswers,
  currentStep: row.current_step,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
  deleteAfter: new Date(row.delete_after),
  submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
});

type Options = { db?: Queryable; now?: Date };
const db = async (options: Options) => options.db ?? (await store());
const deleteAfter = (now: Date) => new Date(now.getTime() + DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000);

export async function createKlageDraft(ownerFnr: string, soknadId: string, answers: KlageAnswers, options: Options = {}): Promise<KlageDraft> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query<Row>(
    `INSERT INTO klage_drafts (id, owner_fnr, fiks_digisos_id, answers, current_step, created_at, updated_at, delete_after)
     VALUES ($1, $2, $3, $4, 'vedtak', $5, $5, $6) RETURNING *`,
    [crypto.randomUUID(), ownerFnr, soknadId, toJsonb(answers), now.toISOString(), deleteAfter(now).toISOString()],
  );
  return toDraft(rows[0]!);
}

export async function findKlageDraft(ownerFnr: string, id: string, options: Options = {}): Promise<KlageDraft | null> {
  if (!UUID.test(id)) return null;
  const rows = await (await db(options)).query<Row>(`SELECT * FROM klage_drafts WHERE id = $1 AND owner_fnr = $2`, [id, ownerFnr]);
  return rows[0] ? toDraft(rows[0]) : null;
}

/** The person's unsent complaint drafts, newest change first; only those of one søknad when given. */
export async function listKlageDrafts(ownerFnr: string, options: Options & { soknadId?: string } = {}): Promise<KlageDraft[]> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query<Row>(
    `SELECT * FROM klage_drafts WHERE owner_fnr = $1 AND submitted_at IS NULL AND delete_after > $2 AND ($3::text IS NULL OR fiks_digisos_id = $3)
      ORDER BY updated_at DESC`,
    [ownerFnr, now.toISOString(), options.soknadId ?? null],
  );
  return rows.map(toDraft);
}

/** Saves one part of the answers (replacing it) and where the person is; moves the deletion date. */
export async function saveKlageAnswers(
  ownerFnr: string,
  id: string,
  key: string,
  value: unknown,
  options: Options & { currentStep: KlageStepId },
): Promise<KlageDraft | null> {
  if (!UUID.test(id)) return null;
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query<Row>(
    `UPDATE klage_drafts
        SET answers = jsonb_set(answers, ARRAY[$3::text], $4::jsonb, true), current_step = $5, updated_at = $6, delete_after = $7
      WHERE id = $1 AND owner_fnr = $2 AND submitted_at IS NULL
      RETURNING *`,
    [id, ownerFnr, key, toJsonb(value ?? null), options.currentStep, now.toISOString(), deleteAfter(now).toISOString()],
  );
  return rows[0] ? toDraft(rows[0]) : null;
}

export async function deleteKlageDraft(ownerFnr: string, id: string, options: Options = {}): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await (await db(options)).query(`DELETE FROM klage_drafts WHERE id = $1 AND owner_fnr = $2 AND submitted_at IS NULL RETURNING id`, [id, ownerFnr]);
  return rows.length > 0;
}

/** Marks a draft sent; false if it already was (the caller shows the receipt anyway). */
export async function markKlageSubmitted(ownerFnr: string, id: string, options: Options = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query(
    `UPDATE klage_drafts SET submitted_at = $3, updated_at = $3 WHERE id = $1 AND owner_fnr = $2 AND submitted_at IS NULL RETURNING id`,
    [id, ownerFnr, now.toISOString()],
  );
  return rows.length > 0;
}

export async function deleteExpiredKlageDrafts(options: Options = {}): Promise<number> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query(`DELETE FROM klage_drafts WHERE submitted_at IS NULL AND delete_after <= $1 RETURNING id`, [now.toISOString()]);
  return rows.length;
}
