import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrations, openStore, type Store } from "./store.server";

// Runs against embedded PGlite always, and against a real PostgreSQL when TEST_DATABASE_URL is set (CI does).
const targets: [string, { databaseUrl?: string; inMemory?: boolean }][] = [["PGlite", { inMemory: true }]];
if (process.env.TEST_DATABASE_URL) targets.push(["PostgreSQL", { databaseUrl: process.env.TEST_DATABASE_URL }]);

describe.each(targets)("store on %s", (_name, options) => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore(options);
  });
  afterAll(async () => {
    await store.close();
  });

  it("applies every migration once and records it", async () => {
    const rows = await store.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY name`);
    expect(rows.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
    expect(migrations.length).toBeGreaterThan(0);
  });

  it("is idempotent when opened again (restart)", async () => {
    const again = await openStore(options);
    const rows = await again.query<{ count: string | number }>(`SELECT count(*) AS count FROM schema_migrations`);
    expect(Number(rows[0]?.count)).toBe(migrations.length);
    if (options.databaseUrl) await again.close();
    else await again.close();
  });

  it("commits a transaction and rolls back a failed one", async () => {
    await store.query(`CREATE TEMP TABLE IF NOT EXISTS t_tx (v TEXT)`);
    await store.transaction(async (tx) => {
      await tx.query(`INSERT INTO t_tx (v) VALUES ($1)`, ["kept"]);
    });
    await expect(
      store.transaction(async (tx) => {
        await tx.query(`INSERT INTO t_tx (v) VALUES ($1)`, ["lost"]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    const rows = await store.query<{ v: string }>(`SELECT v FROM t_tx ORDER BY v`);
    expect(rows.map((row) => row.v)).toEqual(["kept"]);
  });

  it("passes parameters safely (no SQL injection through values)", async () => {
    const hostile = "x'); DROP TABLE sessions; --";
    const rows = await store.query<{ v: string }>(`SELECT $1::text AS v`, [hostile]);
    expect(rows[0]?.v).toBe(hostile);
    const still = await store.query(`SELECT 1 FROM sessions LIMIT 1`);
    expect(Array.isArray(still)).toBe(true);
  });
});

describe("store on disk", () => {
  it("keeps data across a restart", async () => {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "store-"));
    const first = await openStore({ dataDir: dir });
    await first.query(`INSERT INTO sessions (id_hash, kind, subject, created_at, last_seen_at, expires_at) VALUES ('h', 'staff', '{}', now(), now(), now())`);
    await first.close();
    const second = await openStore({ dataDir: dir });
    const rows = await second.query(`SELECT id_hash FROM sessions`);
    expect(rows).toHaveLength(1);
    await second.close();
  });
});

describe.skipIf(!process.env.TEST_DATABASE_URL)("store on a fresh PostgreSQL database opened by several processes at once", () => {
  it("migrates once, and every opener gets a working store (no race on schema_migrations)", async () => {
    const pg = await import("pg");
    const Client = pg.default?.Client ?? pg.Client;
    const admin = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    const database = `store_race_${process.pid}_${Date.now()}`;
    await admin.query(`CREATE DATABASE ${database}`);
    try {
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${database}`;
      // Four portal processes starting together; before the advisory lock, all but one failed here.
      const stores = await Promise.all(Array.from({ length: 4 }, () => openStore({ databaseUrl: url.toString() })));
      const rows = await stores[0]!.query<{ name: string }>(`SELECT name FROM schema_migrations ORDER BY name`);
      expect(rows.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
      await Promise.all(stores.map((opened) => opened.close()));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await admin.end();
    }
  });
});
