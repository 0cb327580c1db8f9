/**
 * `npm run test:resilience`: HTTP-level tests against real portal processes from a production
 * build (see README "Quality"). Files run one after another: they start servers, kill them and
 * measure them, and share two cores. The normal `vitest run` (vite.config.ts) never includes them,
 * and Playwright ignores this folder (playwright.config.ts).
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: { alias: { "~": fileURLToPath(new URL("../../app", import.meta.url)) } },
  test: {
    include: ["e2e/resilience/**/*.test.ts"],
    globalSetup: ["e2e/resilience/global-setup.ts"],
    environment: "node",
    pool: "forks",
    fileParallelism: false,
    // Servers start, get killed and start again; the load test runs for minutes.
    testTimeout: 240_000,
    hookTimeout: 180_000,
    reporters: ["verbose"],
  },
});
