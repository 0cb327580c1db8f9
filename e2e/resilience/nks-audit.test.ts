/**
 * The contact-centre view's audit log (sporingslogg) on PostgreSQL, as an auditor would check it:
 *
 * - when the database will not take the record, nothing about the person is shown: the search
 *   answers 503 ("Oppslaget kunne ikke logges") and leads nowhere, and a lookup made before the
 *   failure opens no page with the person's name on it;
 * - a search and each view leave their row in nks_audit_log before the answer comes back: PERMIT
 *   or DENY, the staff member's ident, the person's number, what was looked at, and the request
 *   id the answer carried (X-Request-Id), the same id as the CEF line on standard output;
 * - the table is append-only: UPDATE, DELETE and TRUNCATE are refused by the database itself.
 *
 * Needs TEST_DATABASE_URL (a PostgreSQL server the test may create a database on; .ci/run starts
 * one). Without it these tests are skipped, and say so.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, expectRedirect, testUser, textOf } from "./client";
import { portsFor, startPortal, stopAll, tempDir, throwawayDatabase, type Proc } from "./harness";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const SKIPPED = "skipped: TEST_DATABASE_URL is not set (a PostgreSQL server such as postgres://postgres@127.0.0.1:54329/postgres; .ci/run starts one)";
if (!TEST_DATABASE_URL) {
  if (process.env.RESILIENCE_REQUIRE_POSTGRES === "1") throw new Error("RESILIENCE_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set");
  console.warn(`[resilience] the NKS audit log on PostgreSQL ${SKIPPED}`);
}

const port = portsFor(6);

/** What the portal answered, with the request id it gave the request. */
type Answer = { status: number; location: string | null; requestId: string | null; html: string };

type AuditRow = { nav_ident: string; fnr: string; action: string; resource: string; decision: string; reason: string | null; request_id: string | null };

describe.skipIf(!TEST_DATABASE_URL)(`the NKS audit log on PostgreSQL${TEST_DATABASE_URL ? "" : ` (${SKIPPED})`}`, () => {
  const work = tempDir("nks-audit");
  let database: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
  let db: pg.Client;
  let portal: Proc | undefined;
  const mockUrl = `http://127.0.0.1:${port(1)}`;

  beforeAll(async () => {
    // A database of its own, so the audit table starts empty.
    database = await throwawayDatabase(TEST_DATABASE_URL!, "resilience_nks");
    portal = await startPortal({ port: port(0), mockPort: port(1), dataDir: `${work.dir}/portal`, databaseUrl: database.url });
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.query("ALTER TABLE nks_audit_log DROP CONSTRAINT IF EXISTS nks_test_refuse").catch(() => undefined);
    await db?.end();
    await stopAll(portal);
    await database?.drop();
    work.cleanup();
  });

  /** A request as the staff member's browser sends it (their session cookie; a form post from the portal's own page). */
  async function send(staff: Browser, method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<Answer> {
    const headers: Record<string, string> = { Accept: "text/html", Cookie: [...staff.cookies].map(([name, value]) => `${name}=${value}`).join("; ") };
    if (method === "POST") Object.assign(headers, { Origin: portal!.url, "Sec-Fetch-Site": "same-origin" });
    const response = await fetch(new URL(path, portal!.url), { method, headers, body: form ? new URLSearchParams(form) : undefined, redirect: "manual" });
    return { status: response.status, location: response.headers.get("Location"), requestId: response.headers.get("X-Request-Id"), html: await response.text() };
  }

  /** A contact-centre staff member, logged in through the mock staff login. */
  async function staffMember(navIdent = "Z990001"): Promise<Browser> {
    const staff = new Browser(portal!.url);
    expectRedirect(await staff.post("/nb/nks/logg-inn", { navIdent }), /^\/nb\/nks$/);
    return staff;
  }

  /** The search form's post (the index route's action), with the number as staff type it. */
  const search = (staff: Browser, fnr: string) => send(staff, "POST", "/nb/nks?index", { fnr });

  /** A permitted search: the person's page, under its lookup id. */
  async function lookUp(staff: Browser, fnr: string): Promise<{ answer: Answer; personPath: string }> {
    const answer = await search(staff, fnr);
    expect(answer.status, textOf(answer.html).slice(0, 300)).toBe(303);
    expect(answer.location).toMatch(/^\/nb\/nks\/person\/[A-Za-z0-9_-]{24}$/);
    return { answer, personPath: answer.location! };
  }

  const rowsOf = async (requestId: string | null): Promise<AuditRow[]> =>
    (await db.query<AuditRow>("SELECT nav_ident, fnr, action, resource, decision, reason, request_id FROM nks_audit_log WHERE request_id = $1 ORDER BY id", [requestId])).rows;
  const cefLinesOf = (requestId: string | null) => portal!.output().split("\n").filter((line) => line.startsWith("CEF:") && line.includes(`sproc=${requestId}`));
  const countRows = async () => Number((await db.query<{ count: string }>("SELECT count(*) FROM nks_audit_log")).rows[0]!.count);

  it("a search and each view leave their row before the answer: PERMIT, the staff ident, the number, what was looked at, and the answer's request id", async () => {
    const jonas = await testUser(mockUrl, "under-behandling");
    const soknadId = ((await (await fetch(`${mockUrl}/api/v1/soknader`, { headers: { "Nav-Personident": jonas.fnr } })).json()) as { fiksDigisosId: string }[])[0]!.fiksDigisosId;
    const staff = await staffMember();

    // Typed with spaces, as read aloud: the row holds the number itself.
    const { answer: searched, personPath } = await lookUp(staff, `${jonas.fnr.slice(0, 6)} ${jonas.fnr.slice(6)}`);
    expect(searched.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const expected = { nav_ident: "Z990001", fnr: jonas.fnr, decision: "PERMIT", reason: null };
    expect(await rowsOf(searched.requestId)).toEqual([{ ...expected, action: "search", resource: "search", request_id: searched.requestId }]);

    const person = await send(staff, "GET", personPath);
    expect(person.status).toBe(200);
    expect(textOf(person.html)).toContain(jonas.name);
    expect(await rowsOf(person.requestId)).toEqual([{ ...expected, action: "person", resource: "person", request_id: person.requestId }]);

    const soknad = await send(staff, "GET", `${personPath}/soknad/${soknadId}`);
    expect(soknad.status).toBe(200);
    expect(await rowsOf(soknad.requestId)).toEqual([{ ...expected, action: "soknad", resource: `soknad:${soknadId}`, request_id: soknad.requestId }]);

    // A refusal is a row too, with its reason (which staff never see).
    const kode6 = await testUser(mockUrl, "kode6");
    const refused = await search(staff, kode6.fnr);
    expect(refused.status).toBe(200);
    expect(textOf(refused.html)).toContain("Du kan ikke se denne personen her");
    expect(await rowsOf(refused.requestId)).toEqual([
      { nav_ident: "Z990001", fnr: kode6.fnr, action: "search", resource: "search", decision: "DENY", reason: "kode6", request_id: refused.requestId },
    ]);

    // The CEF line on standard output carries the same request id (written after the row).
    for (const [answer, act] of [[searched, "search"], [person, "person"], [soknad, "soknad"]] as const) {
      await expect.poll(() => cefLinesOf(answer.requestId), { timeout: 5000 }).toHaveLength(1);
      expect(cefLinesOf(answer.requestId)[0]).toContain(`suid=Z990001 duid=${jonas.fnr} act=${act} `);
      expect(cefLinesOf(answer.requestId)[0]).toContain("flexString1=Permit");
    }
    await expect.poll(() => cefLinesOf(refused.requestId), { timeout: 5000 }).toHaveLength(1);
    expect(cefLinesOf(refused.requestId)[0]).toMatch(new RegExp(`\\|WARN\\|.* duid=${kode6.fnr} .*flexString1=Deny flexString2Label=Reason flexString2=kode6`));
  });

  it("when the audit table refuses the record, the search answers 503 and leads nowhere, and a lookup made before shows nothing of the person", async () => {
    const jonas = await testUser(mockUrl, "under-behandling");
    const soknadId = ((await (await fetch(`${mockUrl}/api/v1/soknader`, { headers: { "Nav-Personident": jonas.fnr } })).json()) as { fiksDigisosId: string }[])[0]!.fiksDigisosId;
    const staff = await staffMember();
    const { personPath } = await lookUp(staff, jonas.fnr);
    const rowsBefore = await countRows();

    // From here every insert into the audit table fails (existing rows are not checked: NOT VALID).
    await db.query("ALTER TABLE nks_audit_log ADD CONSTRAINT nks_test_refuse CHECK (false) NOT VALID");
    try {
      const searched = await search(staff, jonas.fnr);
      expect(searched.status).toBe(503);
      expect(searched.location).toBeNull();
      expect(textOf(searched.html)).toContain("Oppslaget kunne ikke logges");
      expect(searched.html).not.toContain(jonas.name);
      expect(searched.html, "no new lookup id to go to").not.toMatch(/\/nks\/person\/[A-Za-z0-9_-]{24}/);

      for (const path of [personPath, `${personPath}/soknad/${soknadId}`]) {
        const view = await send(staff, "GET", path);
        expect(view.status, path).toBe(503);
        expect(textOf(view.html), path).toContain("Oppslaget kunne ikke logges");
        // Nowhere in the HTML: not in the page, its title, or the data the page's script gets.
        expect(view.html, path).not.toContain(jonas.name);
        expect(view.html, path).not.toContain(jonas.fnr);
        expect(view.html, path).not.toContain("Jonas");
        expect(cefLinesOf(view.requestId), `no audit line claims ${path} was logged`).toEqual([]);
      }
      expect(cefLinesOf(searched.requestId)).toEqual([]);
      expect(await countRows(), "nothing was written").toBe(rowsBefore);
    } finally {
      await db.query("ALTER TABLE nks_audit_log DROP CONSTRAINT nks_test_refuse");
    }

    // Once the audit log takes records again, the same lookup opens the person's page.
    const again = await send(staff, "GET", personPath);
    expect(again.status).toBe(200);
    expect(textOf(again.html)).toContain(jonas.name);
    expect(await rowsOf(again.requestId)).toHaveLength(1);
  });

  it("the audit table refuses UPDATE, DELETE and TRUNCATE, whoever asks: the rows stay as written", async () => {
    const jonas = await testUser(mockUrl, "under-behandling");
    const staff = await staffMember();
    await lookUp(staff, jonas.fnr);
    const before = (await db.query("SELECT * FROM nks_audit_log ORDER BY id")).rows;
    expect(before.length).toBeGreaterThan(0);

    for (const statement of [
      "UPDATE nks_audit_log SET decision = 'DENY', nav_ident = 'Z000000'",
      `UPDATE nks_audit_log SET fnr = '00000000000' WHERE fnr = '${jonas.fnr}'`,
      "DELETE FROM nks_audit_log",
      `DELETE FROM nks_audit_log WHERE fnr = '${jonas.fnr}'`,
      "TRUNCATE nks_audit_log",
    ]) {
      await expect(db.query(statement), statement).rejects.toThrow(/append-only/);
    }
    expect((await db.query("SELECT * FROM nks_audit_log ORDER BY id")).rows).toEqual(before);
  });
});
