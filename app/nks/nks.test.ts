import crypto from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeFnr } from "../../mocks/fnr";
import { openStore, type Store } from "~/store/store.server";
import { createSession, destroySession } from "~/session/session.server";
import { AuditUnavailable, auditRecordsOf, cefLine, writeAudit } from "./audit.server";
import { createLookup, deleteExpiredLookups, findLookup } from "./lookups.server";
import { searchSchema } from "./nks.server";

const at = (minutes: number) => new Date(Date.UTC(2026, 11, 7, 8, 0) + minutes * 60_000);
const staff = { navIdent: "Z990001", name: "Nora Kontaktsenter", roles: ["nks"] };
const times = { idleSeconds: 10 * 60 * 60, maxSeconds: 10 * 60 * 60 };
const fnr = makeFnr("1980-05-17", 123);
/** How the session table keys a session: the token's SHA-256 (session.server.ts). */
const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

describe("the search field", () => {
  const error = (value: unknown) => {
    const parsed = searchSchema.safeParse({ fnr: value });
    return parsed.success ? null : parsed.error.issues[0]?.message;
  };

  it("takes a number as it is read aloud, and says what is wrong with one that is not a fødselsnummer", () => {
    expect(searchSchema.parse({ fnr: ` ${fnr.slice(0, 6)} ${fnr.slice(6)} ` }).fnr).toBe(fnr);
    expect(searchSchema.parse({ fnr: `${fnr.slice(0, 6)}.${fnr.slice(6)}` }).fnr).toBe(fnr);
    expect(error("")).toBe("required");
    expect(error(undefined)).toBe("required");
    expect(error("1234")).toBe("format");
    expect(error(`${fnr}0`)).toBe("format");
    expect(error("abcdefghijk")).toBe("format");
    // One digit changed: the check digits catch it.
    const wrong = fnr.slice(0, 10) + String((Number(fnr[10]) + 1) % 10);
    expect(error(wrong)).toBe("checksum");
  });
});

describe("the audit line", () => {
  it("is CEF as NAV's sporingslogg writes it, with the decision, the reason on a refusal and the request id", () => {
    const line = cefLine({ navIdent: "Z990001", fnr, action: "search", resource: "search", decision: "DENY", reason: "kode6", at: at(0), requestId: "r-1" });
    expect(line).toBe(
      `CEF:0|NAV|sosialhjelp-portal|1.0|audit:access|Sporingslogg|WARN|end=${at(
        0
      ).getTime()} suid=Z990001 duid=${fnr} act=search request=search flexString1Label=Decision flexString1=Deny flexString2Label=Reason flexString2=kode6 sproc=r-1`
    );
  });

  it("cannot be split or given extra fields by what it carries", () => {
    const line = cefLine({ navIdent: "Z1=2", fnr, action: "soknad", resource: "soknad:a\nCEF:0|forged\\", decision: "PERMIT", at: at(0), requestId: null });
    expect(line.split("\n")).toHaveLength(1);
    expect(line).toContain("suid=Z1\\=2 ");
    expect(line).toContain("request=soknad:a CEF:0|forged\\\\ ");
    expect(line).toContain("|INFO|");
  });
});

describe("the audit table and the lookups", () => {
  let db: Store;
  beforeAll(async () => {
    db = await openStore({ inMemory: true });
  });
  afterAll(() => db.close());

  it("keeps every record, refuses to change or delete one, and writes the line only after the row", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    try {
      await writeAudit({ navIdent: "Z990001", fnr, action: "person", resource: "person", decision: "PERMIT" }, { now: at(0), db });
      expect(write).toHaveBeenCalledWith(expect.stringContaining(`duid=${fnr} act=person`));
    } finally {
      write.mockRestore();
    }
    const [row] = await auditRecordsOf(fnr, { db });
    expect(row).toMatchObject({ navIdent: "Z990001", fnr, action: "person", resource: "person", decision: "PERMIT", reason: null });
    await expect(db.query(`UPDATE nks_audit_log SET decision = 'DENY'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM nks_audit_log`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE nks_audit_log`)).rejects.toThrow(/append-only/);
    expect(await auditRecordsOf(fnr, { db })).toHaveLength(1);
  });

  it("says so, and writes no line, when the record cannot be stored", async () => {
    const write = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const broken = { query: () => Promise.reject(new Error("disk full")) };
    try {
      await expect(writeAudit({ navIdent: "Z990001", fnr, action: "search", resource: "search", decision: "PERMIT" }, { db: broken })).rejects.toBeInstanceOf(AuditUnavailable);
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });

  it("finds a lookup only for the session that made it, for an hour, and not after logout", async () => {
    const own = await createSession("staff", staff, { now: at(0), times, db });
    const other = await createSession("staff", staff, { now: at(0), times, db });
    const mine = sha256(own.token);
    const theirs = sha256(other.token);
    const lookupId = await createLookup(mine, fnr, { now: at(0), db });
    expect(lookupId).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(lookupId).not.toContain(fnr);
    expect(await findLookup(mine, lookupId, { now: at(59), db })).toBe(fnr);
    expect(await findLookup(theirs, lookupId, { now: at(1), db })).toBeNull();
    expect(await findLookup(mine, "x".repeat(24), { now: at(1), db })).toBeNull();
    expect(await findLookup(mine, lookupId, { now: at(60), db })).toBeNull();
    expect(await deleteExpiredLookups({ now: at(60), db })).toBe(1);

    const again = await createLookup(mine, fnr, { now: at(61), db });
    await destroySession(own.token, { db });
    expect(await findLookup(mine, again, { now: at(62), db })).toBeNull();
    expect(await db.query(`SELECT 1 FROM nks_lookups WHERE lookup_id = $1`, [again])).toHaveLength(0);
  });
});
