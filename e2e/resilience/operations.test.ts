/**
 * Operations (issue 16, docs/decisions/027): the health endpoints of a real portal process, readiness with the database
 * out of reach, and graceful shutdown: SIGTERM while a request is in flight lets it finish, refuses new connections and
 * exits 0; a second signal ends the process at once.
 */
import net from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { Browser, testUser } from "./client";
import { portsFor, startPortal, stopAll, tempDir, type Proc } from "./harness";
import { logRecords } from "../server-log";

const port = portsFor(7);
const work = tempDir("operations");
const started: Proc[] = [];

afterAll(async () => {
  await stopAll(...started);
  work.cleanup();
});

async function portal(offset: number, options: { env?: Record<string, string>; databaseUrl?: string; readyPath?: string } = {}): Promise<Proc> {
  const proc = await startPortal({ port: port(offset), mockPort: port(offset + 1), dataDir: `${work.dir}/data-${offset}`, ...options });
  started.push(proc);
  return proc;
}

/** Resolves with the error code of a fresh TCP connection, or "connected". */
function connect(portNumber: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(portNumber, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

/** A port nobody listens on: one the OS just gave out and took back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port: free } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return free;
}

/** What the server itself logged (area "server"), message by message. */
const serverMessages = (output: string) => logRecords(output).flatMap((record) => (record.area === "server" ? [record.msg ?? ""] : []));

const until = async (done: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!done() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
};

describe("health endpoints", () => {
  it("isalive and isready answer 200, uncached and without a session, when the database answers", async () => {
    const proc = await portal(0);
    const alive = await fetch(`${proc.url}/internal/isalive`);
    expect(alive.status).toBe(200);
    expect(await alive.text()).toBe("ok");
    const ready = await fetch(`${proc.url}/internal/isready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true });
    for (const response of [alive, ready]) {
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(response.headers.getSetCookie()).toEqual([]);
    }
    // Not logged per request: the platform asks every few seconds.
    expect(proc.output()).not.toContain("/internal/is");
    await proc.kill("SIGTERM");
    expect(proc.exitCode).toBe(0);
  });

  it("isready answers 503 naming the database when PostgreSQL is out of reach, while isalive stays 200", async () => {
    const proc = await portal(2, { databaseUrl: `postgres://portal@127.0.0.1:${await closedPort()}/portal`, readyPath: "/internal/isalive" });
    const ready = await fetch(`${proc.url}/internal/isready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, notReady: ["database"] });
    expect((await fetch(`${proc.url}/internal/isalive`)).status).toBe(200);
    await proc.kill("SIGTERM");
  });
});

describe("graceful shutdown", () => {
  /** A logged-in person whose next page waits `delayMs` on every fagsystem call (the mock's fault injection). */
  async function slowPage(proc: Proc, mockPort: number, delayMs: number): Promise<{ browser: Browser }> {
    const mock = `http://127.0.0.1:${mockPort}`;
    const person = await testUser(mock, "forstegang");
    const browser = new Browser(proc.url);
    await browser.login(person.fnr);
    const fault = await fetch(`${mock}/mock/faults`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ path: "/", delayMs }) });
    expect(fault.ok).toBe(true);
    return { browser };
  }

  it("SIGTERM: the request in flight completes with 200, a new connection is refused, and the process exits 0", async () => {
    const proc = await portal(4, { env: { SHUTDOWN_GRACE_MS: "20000" } });
    // Every fagsystem call of the page waits 4 s: the request is surely under way when SIGTERM comes a second in, even on a busy machine.
    const { browser } = await slowPage(proc, port(5), 4000);
    const startedAt = Date.now();
    const inFlight = browser.get("/nb/mine-soknader");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    process.kill(proc.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await connect(proc.port)).toBe("ECONNREFUSED");
    expect(proc.exited).toBe(false);
    const reply = await inFlight;
    expect(reply.status).toBe(200);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(3900);
    await until(() => proc.exited, 10_000);
    expect(proc.exitCode).toBe(0);
    const messages = serverMessages(proc.output());
    expect(messages).toContainEqual(expect.stringMatching(/^SIGTERM: no new connections/));
    expect(messages).toContain("stopped");
    expect(messages).not.toContain("closing the database");
  });

  it("a second signal ends the process at once, request in flight or not", async () => {
    const proc = await portal(6, { env: { SHUTDOWN_GRACE_MS: "60000" } });
    const { browser } = await slowPage(proc, port(7), 30_000);
    const inFlight = browser.get("/nb/mine-soknader").catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 500));
    process.kill(proc.pid, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(proc.exited).toBe(false);
    const signalledAt = Date.now();
    process.kill(proc.pid, "SIGINT");
    await until(() => proc.exited, 5000);
    expect(proc.exited).toBe(true);
    expect(Date.now() - signalledAt).toBeLessThan(3000);
    expect(proc.exitCode).toBe(1);
    await inFlight;
  });
});
