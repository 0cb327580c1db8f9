/**
 * Once per run: the production build the portals are started from, in its own directory so a
 * concurrent `npm run build` (the e2e tests) cannot change it under us. RESILIENCE_SKIP_BUILD=1
 * reuses an existing one (when iterating on the tests alone).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { BUILD_DIR, ROOT } from "./harness";

export default function setup() {
  const built = fs.existsSync(path.join(BUILD_DIR, "server/index.js"));
  if (process.env.RESILIENCE_SKIP_BUILD === "1" && built) {
    console.log(`[resilience] using the existing build in ${path.relative(ROOT, BUILD_DIR)}`);
    return;
  }
  const started = Date.now();
  console.log(`[resilience] building into ${path.relative(ROOT, BUILD_DIR)} …`);
  // Not as a vitest child: vite.config.ts leaves the Remix plugin out when VITEST is set.
  const env: NodeJS.ProcessEnv = { ...process.env, BUILD_DIR, NODE_ENV: "production" };
  for (const key of Object.keys(env)) if (key === "VITEST" || key.startsWith("VITEST_")) delete env[key];
  const result = spawnSync(process.execPath, [path.join(ROOT, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: ROOT,
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) throw new Error(`the build failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  console.log(`[resilience] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
