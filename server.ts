/**
 * The HTTP server: security headers, static files, the fagsystem mock (with MOCKS=true)
 * and the Remix request handler. `npm start` runs it in production mode, `npm run dev`
 * with Vite's dev server.
 */
import crypto from "node:crypto";
import path from "node:path";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { ConfigError, parseConfig } from "./app/config.server";
import { isCrossOriginStateChange, securityHeaders } from "./app/security.server";
import { LANGUAGE_COOKIE, languageOfPath } from "./app/i18n/languages";
import { requestScope } from "./app/request-scope.server";
import { discardUnreadBody } from "./app/request-body.server";

const development = process.env.NODE_ENV === "development";

let cfg;
try {
  cfg = parseConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    const missing = error.message.includes("is required when MOCKS is not true");
    console.error(`Refusing to start.${missing ? " Set MOCKS=true to run with the fagsystem mock and test login." : ""}`);
    process.exit(1);
  }
  throw error;
}

/** The mock's caseworker simulator, forwarded so a demo needs only the portal's port. */
let fagsystemSimulator: express.RequestHandler | undefined;
if (cfg.MOCKS) {
  let mockUrl: string;
  if (cfg.FAGSYSTEM_URL) {
    // A mock of its own (`npm run mock:server`), e.g. one shared by several portal processes:
    // the test login and the simulator use it, and no mock starts in this process.
    mockUrl = cfg.FAGSYSTEM_URL;
    console.log(`Fagsystem mock at ${mockUrl} (external)`);
  } else {
    const { startFagsystemMock } = await import("./mocks/server");
    const mock = await startFagsystemMock({ port: cfg.MOCK_PORT || 3001, dataDir: path.resolve(cfg.DATA_DIR) });
    process.env.FAGSYSTEM_URL = mock.url;
    mockUrl = mock.url;
    console.log(`Fagsystem mock on ${mock.url}`);
  }
  const { proxyTo } = await import("./mocks/proxy");
  fagsystemSimulator = proxyTo(mockUrl);
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", "loopback");
app.use(compression());

// What nobody read of a request body is thrown away after the answer, within limits, so the
// client sees the answer and no body is ever held (app/request-body.server.ts).
app.use((req, res, next) => {
  res.once("finish", () => discardUnreadBody(req));
  next();
});

app.use((req, res, next) => {
  const nonce = crypto.randomBytes(16).toString("base64");
  res.locals.cspNonce = nonce;
  for (const [name, value] of Object.entries(securityHeaders({ nonce, host: req.headers.host, development }))) {
    res.setHeader(name, value);
  }
  next();
});

app.use((req, res, next) => {
  const crossOrigin = isCrossOriginStateChange({
    method: req.method,
    origin: req.headers.origin,
    secFetchSite: req.headers["sec-fetch-site"] as string | undefined,
    host: req.headers.host,
  });
  if (crossOrigin) {
    res.status(403).type("text/plain").send("Forbidden");
    return;
  }
  // Under Referrer-Policy: no-referrer a plain form post from our own page says Origin: null.
  // Sec-Fetch-Site has shown it is ours, so spare Remix's own origin check the "null".
  if (req.headers.origin === "null") delete req.headers.origin;
  next();
});

if (fagsystemSimulator) app.use("/mock/fagsystem", fagsystemSimulator);

let build: () => Promise<ServerBuild>;
if (development) {
  const vite = await import("vite");
  const viteServer = await vite.createServer({ server: { middlewareMode: true } });
  app.use(viteServer.middlewares);
  build = () => viteServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
} else {
  const buildDir = process.env.BUILD_DIR ?? "build";
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  const serverBuild = (await import(path.resolve(buildDir, "server/index.js"))) as ServerBuild;
  build = async () => serverBuild;
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

// One scope per request, shared by every loader Remix runs for it (app/request-scope.server.ts).
app.use((_req, _res, next) => requestScope.run({}, next));

app.all(
  "*",
  createRequestHandler({
    build: async () => build(),
    getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
  }),
);

const server = app.listen(cfg.PORT, () => {
  console.log(`Portal on http://localhost:${cfg.PORT}${cfg.MOCKS ? " (mocks on)" : ""}`);
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 3000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
