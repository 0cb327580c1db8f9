/**
 * Real portal processes for the resilience suite: the production build (made once per run by
 * global-setup.ts), `node --import tsx server.ts` with its environment, readiness, SIGKILL, and
 * a throwaway directory per test file. The portal is started with node itself, never through
 * npx or the tsx CLI, so the pid we signal is the server and SIGKILL really kills it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Inside node_modules: ignored by git, ESLint and tsc, and never the e2e tests' `build/`. */
export const BUILD_DIR = process.env.RESILIENCE_BUILD_DIR ?? path.join(ROOT, "node_modules/.cache/resilience-build");
/** The suite's ports are PORT_BASE … PORT_BASE + 99 (default 3500–3599). */
export const PORT_BASE = Number(process.env.RESILIENCE_PORT_BASE ?? 3500);

/** Ports for one test file: each file has its own block of ten. */
export function portsFor(block: number): (offset: number) => number {
  return (offset) => {
    if (offset < 0 || offset > 9) throw new RangeError(`port offset ${offset} is outside the block`);
    return PORT_BASE + block * 10 + offset;
  };
}

/** A fresh directory under the OS temp dir; removed by `cleanup` unless RESILIENCE_KEEP=1. */
export function tempDir(name: string): { dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `resilience-${name}-`));
  return {
    dir,
    cleanup() {
      if (process.env.RESILIENCE_KEEP === "1") console.log(`[resilience] kept ${dir}`);
      else fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Proc {
  name: string;
  url: string;
  port: number;
  pid: number;
  /** Everything the process wrote so far (also in `<logFile>`). */
  output(): string;
  /** Kills with `signal` and resolves once the process is gone. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  exited: boolean;
  /** The exit code once it has exited (null after a signal it did not handle). */
  exitCode: number | null;
}

const running = new Set<ChildProcess>();
// If the test runner dies, no portal is left behind holding a port or a database.
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

function spawnNode(name: string, script: string, env: Record<string, string>, logFile: string): { child: ChildProcess; output(): string } {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    cwd: ROOT,
    env: { ...process.env, ...env } as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let text = "";
  const log = fs.createWriteStream(logFile, { flags: "a" });
  const take = (chunk: Buffer) => {
    log.write(chunk);
    text += chunk.toString("utf8");
    if (text.length > 200_000) text = text.slice(-100_000);
  };
  child.stdout!.on("data", take);
  child.stderr!.on("data", take);
  child.once("exit", () => log.end());
  return { child, output: () => text };
}

async function waitUntilReady(name: string, probe: string, child: ChildProcess, output: () => string, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  child.once("exit", (code, signal) => {
    exitCode = code ?? (signal ? -1 : null);
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`${name} exited (${exitCode}) before it was ready:\n${output().slice(-4000)}`);
    try {
      const response = await fetch(probe, { redirect: "manual", signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  child.kill("SIGKILL");
  throw new Error(`${name} was not ready after ${timeoutMs} ms:\n${output().slice(-4000)}`);
}

function procOf(name: string, port: number, url: string, child: ChildProcess, output: () => string): Proc {
  const proc: Proc = {
    name,
    url,
    port,
    pid: child.pid!,
    output,
    exited: false,
    exitCode: null,
    kill(signal = "SIGTERM") {
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const force = signal === "SIGKILL" ? undefined : setTimeout(() => child.kill("SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          resolve();
        });
        child.kill(signal);
      });
    },
  };
  child.once("exit", (code) => {
    proc.exited = true;
    proc.exitCode = code;
  });
  return proc;
}

export interface PortalOptions {
  name?: string;
  port: number;
  /** The in-process mock's port; not used with `fagsystemUrl`. */
  mockPort?: number;
  dataDir: string;
  /** PostgreSQL instead of PGlite under `dataDir`. */
  databaseUrl?: string;
  /** An external fagsystem mock (mocks/standalone.ts) instead of one in the portal's process. */
  fagsystemUrl?: string;
  env?: Record<string, string>;
  /** What must answer 200 before the portal counts as started (default the login page). */
  readyPath?: string;
}

/** A portal from the production build, with mocks and the test login, ready to serve. */
export async function startPortal(options: PortalOptions): Promise<Proc> {
  const name = options.name ?? `portal:${options.port}`;
  // Without a port the in-process mock would take 3001, which may belong to someone else.
  if (!options.fagsystemUrl && !options.mockPort) throw new Error("a portal needs mockPort or fagsystemUrl");
  const env: Record<string, string> = {
    NODE_ENV: "production",
    MOCKS: "true",
    ALLOW_MOCKS_IN_PRODUCTION: "true",
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    BUILD_DIR,
    DATABASE_URL: options.databaseUrl ?? "",
    FAGSYSTEM_URL: options.fagsystemUrl ?? "",
    MOCK_PORT: String(options.mockPort ?? 0),
    // Every client here is one address: the load test's hundred applicants log in within seconds (decision 023).
    RATE_LIMIT_LOGINS_PER_ADDRESS: "1000",
    ...options.env,
  };
  // An empty string is "not set" for the portal's config, except that zod's url() refuses it.
  for (const key of ["DATABASE_URL", "FAGSYSTEM_URL"]) if (!env[key]) delete env[key];
  fs.mkdirSync(options.dataDir, { recursive: true });
  const { child, output } = spawnNode(name, "server.ts", env, path.join(options.dataDir, `${name.replace(/[^a-z0-9-]/gi, "_")}.log`));
  const url = `http://localhost:${options.port}`;
  const started = Date.now();
  // Seen from outside: the fagsystem mock's test users only come through once it is up too.
  await waitUntilReady(name, `${url}${options.readyPath ?? "/nb/logg-inn"}`, child, output);
  if (process.env.RESILIENCE_VERBOSE === "1") console.log(`[resilience] ${name} ready in ${Date.now() - started} ms`);
  return procOf(name, options.port, url, child, output);
}

/** The fagsystem mock on its own (`npm run mock:server`), for portals that share it. */
export async function startMock(options: { port: number; dataDir: string; name?: string }): Promise<Proc> {
  const name = options.name ?? `mock:${options.port}`;
  fs.mkdirSync(options.dataDir, { recursive: true });
  const { child, output } = spawnNode(
    name,
    "mocks/standalone.ts",
    { MOCK_PORT: String(options.port), DATA_DIR: options.dataDir },
    path.join(options.dataDir, `${name.replace(/[^a-z0-9-]/gi, "_")}.log`),
  );
  const url = `http://127.0.0.1:${options.port}`;
  await waitUntilReady(name, `${url}/mock/testbrukere`, child, output);
  return procOf(name, options.port, url, child, output);
}

/** Stops what is still running, politely, in parallel. */
export async function stopAll(...procs: (Proc | undefined)[]): Promise<void> {
  await Promise.all(procs.map((proc) => proc?.kill("SIGTERM")));
}

/**
 * A database of its own on the PostgreSQL server at `serverUrl`, so a test's tables start empty and
 * nothing else is touched; `drop()` removes it (forcing out the portals' connections).
 */
export async function throwawayDatabase(serverUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error: unknown) => console.warn("[resilience] could not drop", name, error));
      await admin.end();
    },
  };
}
