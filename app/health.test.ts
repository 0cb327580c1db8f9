import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";
import { healthRoutes, type ReadinessChecks } from "./health.server";

const open: http.Server[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

async function listen(handler: http.RequestListener): Promise<string> {
  const server = http.createServer(handler);
  open.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function portal(checks: Partial<ReadinessChecks>): Promise<string> {
  const app = express();
  app.use(healthRoutes({ database: async () => undefined, shuttingDown: () => false, timeoutMs: 300, ...checks }));
  return listen(app);
}

describe("/internal/isalive", () => {
  it("answers ok, never cached, without a cookie, even with the database gone", async () => {
    const base = await portal({ database: () => Promise.reject(new Error("gone")) });
    const response = await fetch(`${base}/internal/isalive`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("ok");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Set-Cookie")).toBeNull();
  });
});

describe("/internal/isready", () => {
  const ready = async (base: string) => {
    const response = await fetch(`${base}/internal/isready`);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it("is ready when the database answers and no fagsystem is configured (mocks)", async () => {
    expect(await ready(await portal({}))).toEqual({ status: 200, body: { ready: true } });
  });

  it("is not ready, naming the database, when the database refuses or does not answer in time", async () => {
    expect(await ready(await portal({ database: () => Promise.reject(new Error("ECONNREFUSED")) }))).toEqual({ status: 503, body: { ready: false, notReady: ["database"] } });
    const started = Date.now();
    expect(await ready(await portal({ database: () => new Promise(() => undefined) }))).toEqual({ status: 503, body: { ready: false, notReady: ["database"] } });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("asks a configured fagsystem: any answer below 500 is there; 5xx, a closed port or no answer in time is not", async () => {
    const answers404 = await listen((_req, res) => res.writeHead(404).end());
    expect(await ready(await portal({ fagsystemUrl: answers404 }))).toEqual({ status: 200, body: { ready: true } });

    const answers503 = await listen((_req, res) => res.writeHead(503).end());
    expect(await ready(await portal({ fagsystemUrl: answers503 }))).toEqual({ status: 503, body: { ready: false, notReady: ["fagsystem"] } });

    const closed = await listen(() => undefined);
    await new Promise((resolve) => open.pop()!.close(resolve));
    expect(await ready(await portal({ fagsystemUrl: closed }))).toEqual({ status: 503, body: { ready: false, notReady: ["fagsystem"] } });

    const silent = await listen(() => undefined);
    expect(await ready(await portal({ fagsystemUrl: silent, database: () => Promise.reject(new Error("down")) }))).toEqual({
      status: 503,
      body: { ready: false, notReady: ["database", "fagsystem"] },
    });
  });

  it("is not ready once shutdown has begun, without asking anything", async () => {
    let asked = false;
    const base = await portal({
      shuttingDown: () => true,
      database: async () => {
        asked = true;
      },
    });
    expect(await ready(base)).toEqual({ status: 503, body: { ready: false, notReady: ["shutdown"] } });
    expect(asked).toBe(false);
  });
});
