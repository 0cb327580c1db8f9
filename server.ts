/**
 * The HTTP server: security headers, static files, the fagsystem mock (with MOCKS=true)
 * and the Remix request handler. `npm start` runs it in production mode, `npm run dev`
 * with Vite's dev server.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, parseConfig, type Config } from "./app/config.server";
import { ALLOWED_METHODS, isAllowedMethod, isCrossOriginStateChange, requestHost, securityHeaders } from "./app/security.server";
import { LANGUAGE_COOKIE, languageOfPath } from "./app/i18n/languages";
import { requestScope } from "./app/request-scope.server";
import { discardUnreadBody } from "./app/request-body.server";
import { refusalText, type EarlyRefusal } from "./app/http-refusal.server";
import { healthRoutes } from "./app/health.server";
import { logFor } from "./app/log.server";
import { routePatterns, type RoutePattern } from "./app/route-pattern.server";

const development = process.env.NODE_ENV === "development";

let cfg: Config;
try {
  cfg = parseConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    // One line per refused setting, naming it: what a platform's log view shows of a crash loop.
    for (const problem of error.problems) console.error(`Refusing to start: ${problem}`);
    if (error.problems.some((problem) => problem.includes("is required when MOCKS is not true"))) {
      console.error("Set MOCKS=true (and, under NODE_ENV=production, ALLOW_MOCKS_IN_PRODUCTION=true) to run with the fagsystem mock and test login.");
    }
    process.exit(1);
  }
  throw error;
}
const log = logFor("server");

/** The mock's caseworker simulator, forwarded so a demo needs only the portal's port. */
let fagsystemSimulator: express.RequestHandler | undefined;
if (cfg.MOCKS) {
  let mockUrl: string;
  if (cfg.FAGSYSTEM_URL) {
    // A mock of its own (`npm run mock:server`), e.g. one shared by several portal processes:
    // the test login and the simulator use it, and no mock starts in this process.
    mockUrl = cfg.FAGSYSTEM_URL;
    log.info(`Fagsystem mock at ${mockUrl} (external)`);
  } else {
    const { startFagsystemMock } = await import("./mocks/server");
    const mock = await startFagsystemMock({ port: cfg.MOCK_PORT || 3001, dataDir: path.resolve(cfg.DATA_DIR) });
    process.env.FAGSYSTEM_URL = mock.url;
    mockUrl = mock.url;
    log.info(`Fagsystem mock on ${mock.url}`);
  }
  const { proxyTo } = await import("./mocks/proxy");
  fagsystemSimulator = proxyTo(mockUrl);
}

const app = express();
app.disable("x-powered-by");
// X-Forwarded-Host and -Proto only from the proxies TRUST_PROXY names (none unless set).
app.set("trust proxy", cfg.TRUST_PROXY);
const trustsProxy = app.get("trust proxy fn") as (address: string | undefined, hop: number) => boolean;

/** What server.ts asks of the build's entry module (app/entry.server.tsx). */
type EntryModule = { ready?: () => Promise<void>; databaseAnswers?: () => Promise<void>; closeDatabase?: () => Promise<void> };
const entryModule = async () => (await build()).entry.module as EntryModule;
let shuttingDown = false;

/** The route patterns of the build that answers (in development a new build after each change). */
const patternsOf = new WeakMap<ServerBuild, (pathname: string) => RoutePattern>();
async function routePatternOf(pathname: string): Promise<RoutePattern> {
  const serverBuild = await build();
  let patterns = patternsOf.get(serverBuild);
  if (!patterns) patternsOf.set(serverBuild, (patterns = routePatterns(serverBuild.routes)));
  return patterns(pathname);
}

// One line per request, with the id the answer carries as X-Request-Id (and the request's audit
// records and log lines too): method, route pattern, status and duration. Never the URL, whose
// path holds ids and whose query what a person typed; no address, no cookie. Static files and the
// platform's health checks (every few seconds) only at debug.
const requestLog = logFor("http");
app.use((req, res, next) => {
  const requestId = crypto.randomUUID();
  res.locals.requestId = requestId;
  res.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  const method = req.method;
  res.once("close", () => {
    const durationMs = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    const line = { requestId, method, status: res.statusCode, durationMs, ...(res.writableFinished ? {} : { aborted: true }) };
    if (res.locals.staticFile || req.path.startsWith("/internal/")) {
      if (requestLog.isLevelEnabled("debug")) requestLog.debug({ ...line, route: res.locals.staticFile ? "static" : req.path.slice(0, 64) }, "request");
      return;
    }
    if (res.locals.route) return requestLog.info({ ...line, route: res.locals.route as string }, "request");
    routePatternOf(req.path).then(
      (pattern) => requestLog.info({ ...line, ...pattern }, "request"),
      () => requestLog.info({ ...line, route: null }, "request"),
    );
  });
  next();
});

// For the platform and the load balancer, before everything else (docs/decisions/027). The
// fagsystem is asked only when it is a real one: the mock is part of a test run.
app.use(
  healthRoutes({
    database: async () => {
      const entry = await entryModule();
      if (!entry.databaseAnswers) throw new Error("the build has no databaseAnswers");
      await entry.databaseAnswers();
    },
    fagsystemUrl: cfg.MOCKS ? undefined : cfg.FAGSYSTEM_URL,
    shuttingDown: () => shuttingDown,
  }),
);
app.use(compression());

// What nobody read of a request body is thrown away after the answer, within limits, so the
// client sees the answer and no body is ever held (app/request-body.server.ts).
app.use((req, res, next) => {
  res.once("finish", () => discardUnreadBody(req));
  next();
});

/** Where a logout form's answer may send the browser: the identity providers' own logout (docs/decisions/028). */
const formActionOrigins = cfg.MOCKS ? [] : [cfg.IDPORTEN_WELL_KNOWN_URL, cfg.AZURE_APP_WELL_KNOWN_URL].flatMap((url) => (url ? [new URL(url).origin] : []));

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  for (const [name, value] of Object.entries(securityHeaders({ nonce, host: req.headers.host, development, formActionOrigins }))) {
    res.setHeader(name, value);
  }
  next();
});

/** A request refused before Remix: in words, and its body (if any) thrown away within limits. */
function refuse(req: express.Request, res: express.Response, status: number, kind: EarlyRefusal, headers: Record<string, string> = {}) {
  discardUnreadBody(req);
  res.status(status).set(headers).type("text/plain; charset=utf-8").send(refusalText(req.path, kind, status));
}

// Pages and forms only, at a path: no other method, and no absolute URL (a request for a proxy).
app.use((req, res, next) => {
  if (!isAllowedMethod(req.method)) return refuse(req, res, 405, "methodNotAllowed", { Allow: ALLOWED_METHODS.join(", ") });
  if (!req.url.startsWith("/")) return refuse(req, res, 400, "badRequest");
  // Remix runs a route's action for anything but GET on a `.data` address, HEAD included: HEAD is
  // a GET whose body Node leaves out (it knows the method from when the request came).
  if (req.method === "HEAD") req.method = "GET";
  next();
});

// The host the request was sent to, which Remix builds its URL from: from a trusted proxy its
// X-Forwarded-Host, otherwise Host; one that cannot be a host is refused. Proxy headers from
// anyone else are removed, so neither Express nor Remix reads them.
app.use((req, res, next) => {
  const proxyTrusted = trustsProxy(req.socket.remoteAddress, 0);
  const forwardedHost = req.get("X-Forwarded-Host");
  const host = requestHost({ host: req.headers.host, forwardedHost, proxyTrusted });
  if (!host) return refuse(req, res, 400, "badRequest");
  if (proxyTrusted) {
    if (forwardedHost !== undefined) req.headers["x-forwarded-host"] = host;
    const proto = req.get("X-Forwarded-Proto")?.split(",")[0]?.trim().toLowerCase();
    if (proto !== undefined && proto !== "http" && proto !== "https") return refuse(req, res, 400, "badRequest");
  } else {
    delete req.headers["x-forwarded-host"];
    delete req.headers["x-forwarded-proto"];
  }
  res.locals.host = host;
  next();
});

app.use((req, res, next) => {
  const crossOrigin = isCrossOriginStateChange({
    method: req.method,
    origin: req.headers.origin,
    secFetchSite: req.get("Sec-Fetch-Site"),
    referer: req.get("Referer"),
    host: res.locals.host as string,
  });
  if (crossOrigin) return refuse(req, res, 403, "crossSite");
  // Under Referrer-Policy: no-referrer a plain form post from our own page says Origin: null.
  // Sec-Fetch-Site has shown it is ours, so spare Remix's own origin check the "null".
  if (req.headers.origin === "null") delete req.headers.origin;
  next();
});

// `_data` is how Remix's loaders were fetched before single fetch; nothing of ours sends it, and
// Remix would answer it with JSON (and a warning in the log). It is dropped: the page is answered.
app.use((req, _res, next) => {
  if (req.query._data === undefined) return next();
  const [path, query = ""] = req.url.split("?", 2) as [string, string?];
  const params = new URLSearchParams(query);
  params.delete("_data");
  req.url = req.originalUrl = params.size > 0 ? `${path}?${params}` : path;
  next();
});

// "//" in a path matches no route (and would be the root's error page without its texts).
app.use((req, res, next) => {
  if (!req.path.includes("//")) return next();
  const query = req.url.indexOf("?");
  res.redirect(308, req.path.replace(/\/{2,}/g, "/") + (query < 0 ? "" : req.url.slice(query)));
});

if (fagsystemSimulator) {
  const simulator = fagsystemSimulator;
  app.use("/mock/fagsystem", (_req, res, next) => {
    res.locals.route = "/mock/fagsystem/*";
    simulator(_req, res, next);
  });
}

let build: () => Promise<ServerBuild>;
if (development) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  // What Vite answers itself (modules, HMR) counts as a static file in the request log.
  app.use((req, res, next) => {
    res.locals.staticFile = true;
    viteServer.middlewares(req, res, (error?: unknown) => {
      res.locals.staticFile = false;
      next(error);
    });
  });
  build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
} else {
  const buildDir = process.env.BUILD_DIR ?? "build";
  const markStatic = (res: express.Response) => (res.locals.staticFile = true);
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y", setHeaders: markStatic }));
  // Only a path whose first segment names something in the client folder (favicon.svg, assets) can be a file
  // there: every other request (every page) goes on without a look at the disk (a stat, and send's work around it).
  const clientDir = path.join(buildDir, "client");
  const clientEntries = new Set(fs.readdirSync(clientDir));
  const clientFiles = express.static(clientDir, { maxAge: "1h", setHeaders: markStatic });
  app.use((req, res, next) => {
    let first: string;
    try {
      first = decodeURIComponent(req.path.split("/", 2)[1] ?? "");
    } catch {
      return clientFiles(req, res, next); // as before: the static files answer a path that cannot be decoded
    }
    if (clientEntries.has(first)) return clientFiles(req, res, next);
    next();
  });
  const serverBuild = (await import(path.resolve(buildDir, "server/index.js"))) as ServerBuild;
  build = async () => serverBuild;
  // The database is open before the first request (app/entry.server.tsx); if it cannot be opened
  // now, the first request tries again and answers in words.
  await (serverBuild.entry.module as EntryModule).ready?.().catch((error: unknown) => {
    log.error({ err: error }, "the database could not be opened at start");
  });
}

// Pages are personal and must never be kept by the browser or a proxy (shared PCs),
// and the language a person last used is remembered for `/`.
app.use((req, res, next) => {
  res.setHeader("Cache-Control", "no-store");
  const language = languageOfPath(req.path);
  if (language && req.method === "GET") {
    res.append("Set-Cookie", `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  next();
});

// One scope per request, shared by every loader Remix runs for it (app/request-scope.server.ts),
// with the id that ties its audit records and log lines together (the request log's, above).
app.use((_req, res, next) => {
  requestScope.run({ requestId: res.locals.requestId as string }, next);
});

app.all(
  "*",
  createRequestHandler({
    build: async () => build(),
    // The client's address for the rate limits: Express reads X-Forwarded-For only from a trusted proxy.
    getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientAddress: req.ip ?? "" }),
  }),
);

// What Express itself refuses (a path that cannot be decoded: its status is 400) is answered in
// words, without a stack trace in the log; anything else is logged once, as an error, and is a 500.
app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
  if (res.headersSent) return next(error);
  const status = Number((error as { status?: unknown } | null)?.status);
  if (status >= 400 && status < 500) return refuse(req, res, 400, "badRequest");
  logFor("express").error({ err: error, requestId: res.locals.requestId as string, method: req.method }, "unhandled error");
  refuse(req, res, 500, "unexpected");
});

const server = app.listen(cfg.PORT, () => {
  log.info(`Portal on http://localhost:${cfg.PORT}${cfg.MOCKS ? " (mocks on)" : ""}`);
});

/**
 * SIGTERM (the platform) or SIGINT: no new connections and not ready, the requests in flight
 * answered (up to SHUTDOWN_GRACE_MS), then the database closed and exit 0. A second signal ends
 * the process at once.
 */
function shutdown(signal: NodeJS.Signals) {
  if (shuttingDown) {
    log.warn(`${signal} again: exiting now`);
    process.exit(1);
  }
  shuttingDown = true;
  log.info(`${signal}: no new connections; waiting up to ${cfg.SHUTDOWN_GRACE_MS} ms for requests in flight`);
  let finished = false;
  const finish = async (inTime: boolean) => {
    if (finished) return;
    finished = true;
    if (!inTime) log.warn(`requests still in flight after ${cfg.SHUTDOWN_GRACE_MS} ms: closing them`);
    server.closeAllConnections();
    try {
      await (await entryModule()).closeDatabase?.();
    } catch (error) {
      log.error({ err: error }, "closing the database");
    }
    log.info("stopped");
    process.exit(0);
  };
  server.close(() => void finish(true));
  // A kept-alive connection is closed as soon as it has no request; one with a request in flight
  // is closed when its answer has gone.
  const idle = setInterval(() => server.closeIdleConnections(), 100);
  idle.unref();
  server.closeIdleConnections();
  setTimeout(() => void finish(false), cfg.SHUTDOWN_GRACE_MS);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
