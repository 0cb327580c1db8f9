/**
 * Application drafts (utkast). A draft is only ever read or changed together with its
 * owner's fnr, so another person's draft id behaves exactly like one that does not exist.
 */
import crypto from "node:crypto";
import { store, toJsonb, type Queryable } from "~/store/store.server";

export const DRAFT_LIFETIME_DAYS = 14;

export type DraftKind = "standard" | "kort";
export type DraftAnswers = Record<string, Record<string, unknown>>;

export type Draft = {
  id: string;
  kind: DraftKind;
  answers: DraftAnswers;
  currentStep: string;
  createdAt: Date;
  updatedAt: Date;
  deleteAfter: Date;
  submittedAt: Date | null;
  fiksDigisosId: string | null;
};

type Row = {
  id: string;
  kind: DraftKind;
  answers: unknown;
  current_step: string;
  created_at: string | Date;
  updated_at: string | Date;
  delete_after: string | Date;
  submitted_at: string | Date | null;
  fiks_digisos_id: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function toDraft(row: Row): Draft {
  return {
    id: row.id,
    kind: row.kind,
    answers: (typeof row.answers === "string" ? JSON.parse(row.answers) : row.answers) as DraftAnswers,
    currentStep: row.current_step,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    deleteAfter: new Date(row.delete_after),
    submittedAt: row.submitted_at ? new Date(row.submitted_at) : null,
    fiksDigisosId: row.fiks_digisos_id,
  };
}

type Options = { db?: Queryable; now?: Date };
const db = async (options: Options) => options.db ?? (await store());
const deleteAfter = (now: Date) => new Date(now.getTime() + DRAFT_LIFETIME_DAYS * 24 * 60 * 60 * 1000);

export async function createDraft(
  ownerFnr: string,
  input: { kind: DraftKind; firstStep: string; answers?: DraftAnswers },
  options: Options = {},
): Promise<Draft> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query<Row>(
    `INSERT INTO drafts (id, owner_fnr, kind, answers, current_step, created_at, updated_at, delete_after)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7) RETURNING *`,
    [crypto.randomUUID(), ownerFnr, input.kind, toJsonb(input.answers ?? {}), input.firstStep, now.toISOString(), deleteAfter(now).toISOString()],
  );
  return toDraft(rows[0]!);
}

/** The owner's draft, or null for an unknown id, someone else's draft, or a malformed id. */
export async function findDraft(ownerFnr: string, id: string, options: Options = {}): Promise<Draft | null> {
  if (!UUID.test(id)) return null;
  const rows = await (await db(options)).query<Row>(`SELECT * FROM drafts WHERE id = $1 AND owner_fnr = $2`, [id, ownerFnr]);
  return rows[0] ? toDraft(rows[0]) : null;
}

/** The person's unsent drafts, newest change first. */
export async function listDrafts(ownerFnr: string, options: Options = {}): Promise<Draft[]> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query<Row>(
    `SELECT * FROM drafts WHERE owner_fnr = $1 AND submitted_at IS NULL AND delete_after > $2 ORDER BY updated_at DESC`,
    [ownerFnr, now.toISOString()],
  );
  return rows.map(toDraft);
}

/**
 * Saves one step's answers (replacing that step's earlier answers) and where the person is.
 * Every save moves the deletion date: a draft someone works on is not deleted under them.
 */
export async function saveStep(
  ownerFnr: string,
  id: string,
  step: string,
  values: Record<string, unknown>,
  options: Options & { currentStep?: string } = {},
): Promise<Draft | null> {
  if (!UUID.test(id)) return null;
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query<Row>(
    `UPDATE drafts
        SET answers = jsonb_set(answers, ARRAY[$3::text], $4::jsonb, true),
            current_step = $5, updated_at = $6, delete_after = $7
      WHERE id = $1 AND owner_fnr = $2 AND submitted_at IS NULL
      RETURNING *`,
    [id, ownerFnr, step, toJsonb(values), options.currentStep ?? step, now.toISOString(), deleteAfter(now).toISOString()],
  );
  return rows[0] ? toDraft(rows[0]) : null;
}

export async function deleteDraft(ownerFnr: string, id: string, options: Options = {}): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const rows = await (await db(options)).query(`DELETE FROM drafts WHERE id = $1 AND owner_fnr = $2 AND submitted_at IS NULL RETURNING id`, [
    id,
    ownerFnr,
  ]);
  return rows.length > 0;
}

/** The scheduled clean-up: unsent drafts past their deletion date. */
export async function deleteExpiredDrafts(options: Options = {}): Promise<number> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query(`DELETE FROM drafts WHERE submitted_at IS NULL AND delete_after <= $1 RETURNING id`, [
    now.toISOString(),
  ]);
  return rows.length;
}

/** How many søknader the person has sent in the 24 hours before `now` (NAV allows 2). */
export async function submissionsLastDay(ownerFnr: string, options: Options = {}): Promise<number> {
  const now = options.now ?? new Date();
  const since = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const rows = await (await db(options)).query<{ count: string | number }>(
    `SELECT count(*) AS count FROM drafts WHERE owner_fnr = $1 AND submitted_at > $2`,
    [ownerFnr, since.toISOString()],
  );
  return Number(rows[0]?.count ?? 0);
}

/** Marks a draft sent. Returns false if it was already sent (the caller shows the receipt). */
export async function markSubmitted(ownerFnr: string, id: string, fiksDigisosId: string, options: Options = {}): Promise<boolean> {
  const now = options.now ?? new Date();
  const rows = await (await db(options)).query(
    `UPDATE drafts SET submitted_at = $3, fiks_digisos_id = $4, updated_at = $3
      WHERE id = $1 AND owner_fnr = $2 AND submitted_at IS NULL RETURNING id`,
    [id, ownerFnr, now.toISOString(), fiksDigisosId],
  );
  return rows.length > 0;
}
