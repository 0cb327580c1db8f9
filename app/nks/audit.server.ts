/**
 * The audit log (sporingslogg) of the contact-centre view. Every search and every view writes one
 * record before anything about the person is shown: to the database (append-only, see migration
 * 006) and as a CEF line on standard output, the format NAV's audit log collector (ArcSight) reads.
 * If the record cannot be written, the caller shows nothing (AuditUnavailable).
 *
 * There is no update or delete here, and the database refuses both.
 */
import { currentRequestScope } from "~/request-scope.server";
import { store, type Queryable } from "~/store/store.server";
import { logFor } from "~/log.server";

const log = logFor("nks");

export type AuditDecision = "PERMIT" | "DENY";

/** What was looked at: a search, the person's overview, or one søknad. */
export type AuditAction = "search" | "person" | "soknad" | "ringtilbake";

export type AuditRecord = {
  navIdent: string;
  fnr: string;
  action: AuditAction;
  /** What exactly: "person", or "soknad:<id>". */
  resource: string;
  decision: AuditDecision;
  /** Why a DENY (never shown to staff): protected-address, skjermet, not-found. */
  reason?: string | null;
};

export class AuditUnavailable extends Error {
  constructor(cause: unknown) {
    super("the audit record could not be written", { cause });
    this.name = "AuditUnavailable";
  }
}

/** CEF escapes: backslash and equals in extension values, and no line breaks. */
const cefValue = (value: string) =>
  value
    .replace(/\\/g, "\\\\")
    .replace(/=/g, "\\=")
    .replace(/[\r\n]+/g, " ");

/** One line of Common Event Format, as NAV's sporingslogg writes it (audit:access, Sporingslogg). */
export function cefLine(record: AuditRecord & { at: Date; requestId: string | null }): string {
  const severity = record.decision === "PERMIT" ? "INFO" : "WARN";
  const extension = [
    `end=${record.at.getTime()}`,
    `suid=${cefValue(record.navIdent)}`,
    `duid=${cefValue(record.fnr)}`,
    `act=${cefValue(record.action)}`,
    `request=${cefValue(record.resource)}`,
    `flexString1Label=Decision`,
    `flexString1=${record.decision === "PERMIT" ? "Permit" : "Deny"}`,
    ...(record.reason ? [`flexString2Label=Reason`, `flexString2=${cefValue(record.reason)}`] : []),
    ...(record.requestId ? [`sproc=${cefValue(record.requestId)}`] : []),
  ].join(" ");
  return `CEF:0|NAV|sosialhjelp-portal|1.0|audit:access|Sporingslogg|${severity}|${extension}`;
}

/**
 * Writes the record, then the CEF line; throws AuditUnavailable if the database did not take it,
 * so no caller can go on to show data that was never logged.
 */
export async function writeAudit(record: AuditRecord, options: { now?: Date; db?: Queryable } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const requestId = currentRequestScope()?.requestId ?? null;
  try {
    const db = options.db ?? (await store());
    await db.query(
      `INSERT INTO nks_audit_log (logged_at, nav_ident, fnr, action, resource, decision, reason, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [now.toISOString(), record.navIdent, record.fnr, record.action, record.resource, record.decision, record.reason ?? null, requestId]
    );
  } catch (error) {
    // The error itself (a database message) may not name the person; the record is what is lost.
    log.error({ err: error }, "the audit record could not be written: nothing is shown");
    throw new AuditUnavailable(error);
  }
  // Not the JSON log (app/log.server.ts): this is the audit stream, the one place a fnr is written,
  // as a line of its own that starts with "CEF:" so a collector can route it (docs/deploy.md "Logs").
  process.stdout.write(`${cefLine({ ...record, at: now, requestId })}\n`);
}

export type AuditRow = {
  loggedAt: Date;
  navIdent: string;
  fnr: string;
  action: AuditAction;
  resource: string;
  decision: AuditDecision;
  reason: string | null;
  requestId: string | null;
};

/** The records of one person, oldest first (for tests and an auditor's question). */
export async function auditRecordsOf(fnr: string, options: { db?: Queryable } = {}): Promise<AuditRow[]> {
  const db = options.db ?? (await store());
  const rows = await db.query<Record<string, unknown>>(`SELECT * FROM nks_audit_log WHERE fnr = $1 ORDER BY id`, [fnr]);
  return rows.map((row) => ({
    loggedAt: new Date(row.logged_at as string),
    navIdent: row.nav_ident as string,
    fnr: row.fnr as string,
    action: row.action as AuditAction,
    resource: row.resource as string,
    decision: row.decision as AuditDecision,
    reason: (row.reason as string | null) ?? null,
    requestId: (row.request_id as string | null) ?? null,
  }));
}
