import { defineConfig, devices } from "@playwright/test";

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

/**
 * The portal under test, and a second one with short session times for the timeout tests.
 * E2E_PORT_BASE moves all four ports (base, base+1, base+100, base+101), so two runs can
 * share a machine; BUILD_DIR (read by server.ts) lets each run use its own build.
 */
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3100);
export const PORTAL = `http://localhost:${PORT_BASE}`;
export const SHORT_SESSION_PORTAL = `http://localhost:${PORT_BASE + 100}`;
export const MOCK_CONTROL = `http://127.0.0.1:${PORT_BASE + 1}`;
export const SHORT_SESSION_MOCK_CONTROL = `http://127.0.0.1:${PORT_BASE + 101}`;

const server = (port: number, mockPort: number, extra: Record<string, string> = {}) => ({
  // The output goes to data/e2e-<port>.log, where tests look for errors nobody handled (e2e/server-log.ts) and
  // the run's teardown for personal data (e2e/global-teardown.ts); the run's own output leaves out the request lines.
  command: `mkdir -p data && npx tsx server.ts 2>&1 | tee data/e2e-${port}.log | grep --line-buffered -v '"msg":"request"'`,
  url: `http://localhost:${port}/nb`,
  reuseExistingServer: false,
  timeout: 120_000,
  stdout: "pipe" as const,
  env: {
    NODE_ENV: "production",
    MOCKS: "true",
    ALLOW_MOCKS_IN_PRODUCTION: "true",
    PORT: String(port),
    MOCK_PORT: String(mockPort),
    DATA_DIR: `./data/e2e-${port}`,
    ...extra,
  },
});

/**
 * Every test speaks from one address (127.0.0.1) and logs the same personas in again and again,
 * so the login limits are raised (decision 023). The rate-limit test in e2e/security.spec.ts
 * reaches them from addresses and persons of its own (X-Forwarded-For, which the portal reads
 * from a proxy on the same machine).
 */
export const RATE_LIMITS = { RATE_LIMIT_LOGINS_PER_ADDRESS: "1000", RATE_LIMIT_LOGINS_PER_PERSON: "30" };

export default defineConfig({
  testDir: "./e2e",
  // HTTP-level vitest files of `npm run test:resilience`, not Playwright tests.
  testIgnore: ["resilience/**"],
  // A run on moved ports keeps its results apart: each run empties its own folder at start.
  outputDir: process.env.E2E_PORT_BASE ? `./test-results-${PORT_BASE}` : "./test-results",
  fullyParallel: false,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: "./e2e/global-setup.ts",
  // After the journeys: no personal data in the portals' logs outside the audit stream (decision 030).
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: PORTAL,
    // A trace records every action's page: in CI only for a failed test's retry, which is where it is read.
    trace: process.env.CI ? "on-first-retry" : "retain-on-failure",
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, channel: undefined } },
    {
      name: "mobile",
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, userAgent: devices["Pixel 5"].userAgent },
    },
    { name: "no-js", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 }, javaScriptEnabled: false, channel: undefined } },
  ],
  webServer: [
    // The main portal believes a proxy on this machine (as behind a local reverse proxy); the
    // short-session one trusts none, so X-Forwarded-Host is tested both ways (security.spec.ts).
    server(PORT_BASE, PORT_BASE + 1, { ...RATE_LIMITS, TRUST_PROXY: "loopback" }),
    server(PORT_BASE + 100, PORT_BASE + 101, { ...RATE_LIMITS, SESSION_IDLE_SECONDS: "30", SESSION_WARNING_SECONDS: "20", SESSION_MAX_SECONDS: "75", FAGSYSTEM_TIMEOUT_MS: "4000" }),
  ],
});
