import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(__dirname, "..");

describe("starting the server", () => {
  it("refuses to start without mocks unless the identity providers and fagsystem are configured", () => {
    const env: Record<string, string | undefined> = { ...process.env, MOCKS: "false", NODE_ENV: "production", PORT: "3999" };
    for (const key of Object.keys(env)) if (/^(IDPORTEN_|AZURE_APP_|FAGSYSTEM_URL|CLAMAV_)/.test(key)) delete env[key];
    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to start: IDPORTEN_WELL_KNOWN_URL: IDPORTEN_WELL_KNOWN_URL is required when MOCKS is not true");
    expect(result.stderr).toContain("Refusing to start: CLAMAV_HOST: CLAMAV_HOST (or CLAMAV_SOCKET) is required when MOCKS is not true");
    expect(result.stderr).toContain("Set MOCKS=true");
    expect(result.stdout).not.toContain("Fagsystem mock on");
  });

  it("refuses to start when the timeout warning would come before the idle period has begun", () => {
    const env = { ...process.env, MOCKS: "true", NODE_ENV: "production" as const, ALLOW_MOCKS_IN_PRODUCTION: "true", PORT: "3999", SESSION_IDLE_SECONDS: "60", SESSION_WARNING_SECONDS: "90" };
    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env, encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Refusing to start: SESSION_WARNING_SECONDS: must be shorter than SESSION_IDLE_SECONDS");
    expect(result.stderr).not.toContain("Set MOCKS=true");
    expect(result.stdout).not.toContain("Fagsystem mock on");
  });

  it("refuses to start with mocks under NODE_ENV=production without ALLOW_MOCKS_IN_PRODUCTION, in one line naming MOCKS", () => {
    const env: Record<string, string | undefined> = { ...process.env, MOCKS: "true", NODE_ENV: "production", PORT: "3999" };
    delete env.ALLOW_MOCKS_IN_PRODUCTION;
    const result = spawnSync(process.execPath, ["--import", "tsx", "server.ts"], { cwd: root, env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Refusing to start: MOCKS: MOCKS=true with NODE_ENV=production .*ALLOW_MOCKS_IN_PRODUCTION=true/)]);
    expect(result.stdout).not.toContain("Fagsystem mock on");
  });
});
