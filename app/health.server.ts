/**
 * `/internal/isalive` and `/internal/isready` for the platform (nais) and a load balancer, answered in server.ts before
 * anything else: no session, no rate limit, no log line, never cached (docs/decisions/027).
 */
import express from "express";

/** How long readiness waits for the database and the fagsystem before it says "not ready". */
export const READINESS_TIMEOUT_MS = 2000;

export interface ReadinessChecks {
  /** Resolves once the database has answered `SELECT 1`. */
  database(): Promise<void>;
  /** The fagsystem's base URL, when a real one is configured (not with mocks). */
  fagsystemUrl?: string;
  /** True once SIGTERM or SIGINT has come: a load balancer should send nothing new. */
  shuttingDown(): boolean;
  timeoutMs?: number;
}

export type NotReady = "shutdown" | "database" | "fagsystem";

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Any answer below 500 is a fagsystem that is there (its base URL need not be a page of its own). */
async function fagsystemAnswers(url: string, timeoutMs: number): Promise<void> {
  const response = await fetch(url, { method: "GET", redirect: "manual", signal: AbortSignal.timeout(timeoutMs) });
  await response.body?.cancel();
  if (response.status >= 500) throw new Error(`status ${response.status}`);
}

/** What is not ready, empty when all is. */
export async function notReady(checks: ReadinessChecks): Promise<NotReady[]> {
  if (checks.shuttingDown()) return ["shutdown"];
  const timeoutMs = checks.timeoutMs ?? READINESS_TIMEOUT_MS;
  const [database, fagsystem] = await Promise.all([
    within(checks.database(), timeoutMs).then(
      () => undefined,
      () => "database" as const,
    ),
    checks.fagsystemUrl
      ? fagsystemAnswers(checks.fagsystemUrl, timeoutMs).then(
          () => undefined,
          () => "fagsystem" as const,
        )
      : undefined,
  ]);
  return [database, fagsystem].filter((name) => name !== undefined);
}

export function healthRoutes(checks: ReadinessChecks): express.Router {
  const router = express.Router();
  router.get("/internal/isalive", (_req, res) => {
    res.set("Cache-Control", "no-store").type("text/plain; charset=utf-8").send("ok");
  });
  router.get("/internal/isready", (_req, res, next) => {
    notReady(checks).then((missing) => {
      res.set("Cache-Control", "no-store");
      if (missing.length === 0) res.status(200).json({ ready: true });
      else res.status(503).json({ ready: false, notReady: missing });
    }, next);
  });
  return router;
}
