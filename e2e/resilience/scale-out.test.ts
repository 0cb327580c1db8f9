/**
 * Scale-out: two portal processes on different ports against one PostgreSQL database and one
 * fagsystem mock of their own (mocks/standalone.ts, reached through FAGSYSTEM_URL), as behind a
 * load balancer without sticky sessions. A person's session and draft move freely between them,
 * a logout on one ends the session on both, and twenty sends split over both give one søknad.
 *
 * Needs TEST_DATABASE_URL (a PostgreSQL server the tests may create a database on; .ci/run starts
 * one). Without it these tests are skipped, and say so.
 */
import crypto from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Browser,
  checkedValues,
  completeStep,
  expectRedirect,
  fillUntil,
  sendInParallel,
  sendOutcome,
  soknaderOf,
  STANDARD_STEPS,
  tally,
  testUser,
  textOf,
  valueOf,
  type Reply,
} from "./client";
import { portsFor, startMock, startPortal, stopAll, tempDir, throwawayDatabase, type Proc } from "./harness";

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
const SKIPPED = "skipped: TEST_DATABASE_URL is not set (a PostgreSQL server such as postgres://postgres@127.0.0.1:54329/postgres; .ci/run starts one)";
if (!TEST_DATABASE_URL) {
  // .ci/run sets this: there a missing database is a failure, not a skip.
  if (process.env.RESILIENCE_REQUIRE_POSTGRES === "1") throw new Error("RESILIENCE_REQUIRE_POSTGRES=1 but TEST_DATABASE_URL is not set");
  console.warn(`[resilience] scale-out on PostgreSQL ${SKIPPED}`);
}

const port = portsFor(1);

describe.skipIf(!TEST_DATABASE_URL)(`two portal processes, one PostgreSQL, one shared fagsystem mock${TEST_DATABASE_URL ? "" : ` (${SKIPPED})`}`, () => {
  const work = tempDir("scale-out");
  let database: Awaited<ReturnType<typeof throwawayDatabase>> | undefined;
  let databaseUrl: string;
  let mock: Proc | undefined;
  let a: Proc | undefined;
  let b: Proc | undefined;

  /** One query in the portals' database, on a connection of its own. */
  async function query(sql: string, params: unknown[]): Promise<unknown[]> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    // A database of its own, so the store's tables start empty.
    database = await throwawayDatabase(TEST_DATABASE_URL!, "resilience");
    databaseUrl = database.url;

    mock = await startMock({ port: port(0), dataDir: `${work.dir}/mock` });
    [a, b] = await Promise.all(
      [1, 2].map((offset) => startPortal({ name: `portal-${offset === 1 ? "a" : "b"}`, port: port(offset), dataDir: `${work.dir}/portal-${offset}`, databaseUrl, fagsystemUrl: mock!.url })),
    );
  });

  afterAll(async () => {
    await stopAll(a, b, mock);
    await database?.drop();
    work.cleanup();
  });

  it("both use the one external mock: no mock of their own, and the simulator is forwarded to it", async () => {
    for (const portal of [a!, b!]) {
      expect(portal.output()).toContain(`Fagsystem mock at ${mock!.url} (external)`);
      expect(portal.output()).not.toContain("Fagsystem mock on");
      const simulator = await fetch(`${portal.url}/mock/fagsystem`);
      expect(simulator.status).toBe(200);
      await simulator.text();
    }
  });

  it("both processes take their first logins at the same moment on a fresh database (the migrations do not race)", async () => {
    const users = await Promise.all(["avslag", "under-behandling"].map((id) => testUser(mock!.url, id)));
    const browsers = [new Browser(a!.url), new Browser(b!.url)];
    await Promise.all(browsers.map((browser, index) => browser.login(users[index]!.fnr)));
    for (const browser of browsers) expect(browser.sessionToken).toBeTruthy();
  });

  let person: { fnr: string };
  let draftId: string;
  let onA: Browser;
  let onB: Browser;

  it("a session and a draft begun on one process continue on the other, step by step, in turn", async () => {
    person = await testUser(mock!.url, "forstegang");
    onA = new Browser(a!.url);
    // The browser's cookie for localhost goes to both ports, as to two servers behind one address.
    onB = onA.at(b!.url);
    await onA.login(person.fnr);
    draftId = await onA.startDraft();
    await fillUntil(onA, draftId, "arbeid", "skalering");

    // On B: logged in, the draft listed, and what was answered on A.
    const front = await onB.page("/nb");
    expect(front.html).toContain(`href="/nb/soknad/${draftId}"`);
    expectRedirect(await onB.get(`/nb/soknad/${draftId}`), new RegExp(`/nb/soknad/${draftId}/arbeid$`));
    const behov = await onB.page(`/nb/soknad/${draftId}/behov`);
    expect(checkedValues(behov.html, "categories")).toEqual(["livsopphold", "husleie"]);
    expect(valueOf(behov.html, "details")).toBe("Behov skalering: jobben tok slutt.");

    // The remaining steps alternate: each step's page from one process, its post to the other.
    let page: Reply = await onB.page(`/nb/soknad/${draftId}/arbeid`);
    const remaining = STANDARD_STEPS.slice(STANDARD_STEPS.indexOf("arbeid"), STANDARD_STEPS.indexOf("oppsummering"));
    for (const [index, step] of remaining.entries()) {
      const poster = index % 2 === 0 ? onA : onB;
      page = await completeStep(poster, draftId, step, page, "skalering");
    }
    expect(page.path).toBe(`/nb/soknad/${draftId}/oppsummering`);
    for (const browser of [onA, onB]) {
      const summary = textOf((await browser.page(`/nb/soknad/${draftId}/oppsummering`)).html);
      for (const answer of ["Behov skalering: jobben tok slutt.", "Arbeid skalering: kafeen stengte.", "Leier privat", "Strøm"]) expect(summary).toContain(answer);
    }
  });

  it("twenty parallel sends split over the two processes give exactly one søknad; every answer is the receipt or a clear page", async () => {
    expect(draftId, "the draft from the test above").toBeTruthy();
    const before = await soknaderOf(mock!.url, person.fnr);
    const replies = await sendInParallel([onA, onB], draftId, 20);
    const receiptPath = `/nb/soknad/${draftId}/kvittering`;
    const outcomes = replies.map((reply) => sendOutcome(reply, receiptPath));
    console.log(`[scale-out] PostgreSQL, sends split over two processes: ${JSON.stringify(tally(outcomes))}`);
    const fresh = (await soknaderOf(mock!.url, person.fnr)).filter((soknad) => !before.some((earlier) => earlier.fiksDigisosId === soknad.fiksDigisosId));
    expect(fresh).toHaveLength(1);
    expect(replies.map((reply) => reply.status).filter((status) => status >= 500)).toEqual([]);
    expect(outcomes.filter((outcome) => outcome !== "receipt" && outcome !== "clear page")).toEqual([]);
    for (const browser of [onA, onB]) expect(textOf((await browser.page(receiptPath)).html)).toContain(fresh[0]!.fiksDigisosId);
    // The database agrees: the draft is sent once, with the søknad's id.
    const rows = await query(`SELECT fiks_digisos_id FROM drafts WHERE id = $1 AND submitted_at IS NOT NULL`, [draftId]);
    expect(rows).toEqual([{ fiks_digisos_id: fresh[0]!.fiksDigisosId }]);
  });

  it("a logout on one process ends the session on both: the old cookie is refused everywhere and the row is gone", async () => {
    const token = onA.sessionToken!;
    expect(token).toBeTruthy();
    // Still in on both before.
    for (const browser of [onA, onB]) expect((await browser.get("/nb/soknad")).status).toBe(200);
    await onB.logout();
    expect(onA.sessionToken).toBeUndefined(); // the jar is shared: the browser forgot the cookie

    // Someone who kept a copy of the cookie (a second tab that did not see the logout, or a copy) is still out, on both.
    for (const portal of [a!, b!]) {
      const replay = new Browser(portal.url);
      replay.cookies.set("sosialhjelp-sesjon", token);
      expectRedirect(await replay.get("/nb/soknad"), /^\/nb\/logg-inn\?returnTo=/);
    }
    const hash = crypto.createHash("sha256").update(token).digest("hex");
    expect(await query(`SELECT 1 FROM sessions WHERE id_hash = $1`, [hash])).toEqual([]);
  });
});
