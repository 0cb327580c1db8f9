/**
 * The one store module: Postgres dialect everywhere. PGlite (embedded, data under
 * DATA_DIR) by default, a real PostgreSQL server when DATABASE_URL is set.
 * Migrations are plain SQL files, applied in order on first use and recorded.
 */
import path from "node:path";
import fs from "node:fs";
import { config } from "~/config.server";
import { logFor } from "~/log.server";

const log = logFor("store");

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface Store extends Queryable {
  /** Runs `work` in one transaction; rolls back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const migrationFiles = import.meta.glob("./migrations/*.sql", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

export const migrations: { name: string; sql: string }[] = Object.entries(migrationFiles)
  .map(([file, sql]) => ({ name: path.basename(file, ".sql"), sql }))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Any constant: the advisory lock every portal process takes before it migrates. */
const MIGRATION_LOCK = 7_301_142_001;

async function migrate(store: Store): Promise<void> {
  // Two processes starting together against one PostgreSQL: without a lock both may create the
  // table at once, and one fails (a unique violation in pg_type), so its store never opens.
  await store.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`);
  });
  for (const migration of migrations) {
    await store.transaction(async (tx) => {
      // A lock so that two processes starting together against one PostgreSQL do not race.
      await tx.query(`LOCK TABLE schema_migrations IN EXCLUSIVE MODE`);
      const done = await tx.query(`SELECT 1 FROM schema_migrations WHERE name = $1`, [migration.name]);
      if (done.length > 0) return;
      await tx.query(migration.sql);
      await tx.query(`INSERT INTO schema_migrations (name) VALUES ($1)`, [migration.name]);
    });
  }
}

async function openPglite(dataDir: string | undefined): Promise<Store> {
  const { PGlite } = await import("@electric-sql/pglite");
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // PGlite runs one query at a time; a queue keeps transactions from interleaving.
  let queue: Promise<unknown> = Promise.resolve();
  const serialise = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };
  // Without parameters a text may hold several statements (migrations), which needs exec.
  type Target = Pick<typeof db, "query" | "exec">;
  const run = async <Row>(target: Target, sql: string, params?: unknown[]) => {
    if (params && params.length > 0) return (await target.query<Row>(sql, params)).rows;
    const results = await target.exec(sql);
    return (results.at(-1)?.rows ?? []) as Row[];
  };
  return {
    query: (sql, params) => serialise(() => run(db, sql, params)),
    transaction: (work) => serialise(() => db.transaction((tx) => work({ query: (sql, params) => run(tx, sql, params) }))),
    close: () => db.close(),
  };
}

async function openPostgres(url: string): Promise<Store> {
  const pg = await import("pg");
  const Pool = pg.default?.Pool ?? pg.Pool;
  const pool = new Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, a fail-over) must not take the process down:
  // the pool drops it and opens a new one on the next query.
  pool.on("error", (error: Error) => log.warn({ err: error }, "idle PostgreSQL connection lost"));
  return {
    query: async (sql, params) => (await pool.query(sql, params as unknown[])).rows,
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work({ query: async (sql, params) => (await client.query(sql, params as unknown[])).rows });
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export type StoreOptions = { databaseUrl?: string; dataDir?: string; inMemory?: boolean };

/** Opens a store and applies pending migrations. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const store = options.databaseUrl
    ? await openPostgres(options.databaseUrl)
    : await openPglite(options.inMemory ? undefined : options.dataDir);
  try {
    await migrate(store);
  } catch (error) {
    // Closed, so that opening again (the next request) does not find the database still held.
    await store.close().catch(() => undefined);
    throw error;
  }
  return store;
}

let shared: Promise<Store> | undefined;
let closed = false;

/** The application's store, opened once per process. A failed open is tried again by the next caller. */
export function store(): Promise<Store> {
  if (closed) return Promise.reject(new Error("the store is closed: the process is shutting down"));
  shared ??= openStore({
    databaseUrl: config().DATABASE_URL,
    dataDir: path.join(config().DATA_DIR, "portal-db"),
  }).catch((error: unknown) => {
    // Not kept: a database that was down or busy at the first request must not fail every later one.
    shared = undefined;
    throw error;
  });
  return shared;
}

/** At shutdown, after the last request: closes the store for good (nothing opens it again in this process). */
export async function closeStore(): Promise<void> {
  closed = true;
  const open = shared;
  shared = undefined;
  const opened = await open?.catch(() => undefined);
  await opened?.close();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function storable(value: unknown): unknown {
  if (typeof value === "string") return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD");
  if (Array.isArray(value)) return value.map(storable);
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [storable(key), storable(item)]));
  return value;
}

/**
 * JSON for a jsonb column. PostgreSQL refuses the NUL character and lone surrogates in text
 * (a form can carry both), so NUL is dropped and a lone surrogate becomes U+FFFD, for every
 * writer, instead of the write failing.
 */
export function toJsonb(value: unknown): string {
  return JSON.stringify(storable(value));
}

/** Text for a text column, by the same rule: NUL dropped, a lone surrogate as U+FFFD. */
export function storableText(value: string): string {
  return storable(value) as string;
}
