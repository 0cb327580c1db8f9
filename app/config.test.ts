import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

/** Mocks outside production: what vitest runs with (NODE_ENV=test). */
const withMocks = { MOCKS: "true", NODE_ENV: "test" } as const;

describe("the settings", () => {
  it("take a warning period shorter than the idle period", () => {
    const config = parseConfig({ ...withMocks, SESSION_IDLE_SECONDS: "60", SESSION_WARNING_SECONDS: "20" });
    expect(config.SESSION_IDLE_SECONDS).toBe(60);
    expect(config.SESSION_WARNING_SECONDS).toBe(20);
  });

  it("have defaults whose warning comes before the idle end", () => {
    const config = parseConfig({ ...withMocks });
    expect(config.SESSION_WARNING_SECONDS).toBeLessThan(config.SESSION_IDLE_SECONDS);
  });

  it.each([
    ["longer than", "90"],
    ["as long as", "60"],
  ])("refuse a warning period %s the idle period, saying which setting and why", (_, warning) => {
    const parse = () => parseConfig({ ...withMocks, SESSION_IDLE_SECONDS: "60", SESSION_WARNING_SECONDS: warning });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/SESSION_WARNING_SECONDS: must be shorter than SESSION_IDLE_SECONDS/);
  });

  it("refuse the default warning (5 minutes) with an idle period shorter than it", () => {
    expect(() => parseConfig({ ...withMocks, SESSION_IDLE_SECONDS: "120" })).toThrow(/SESSION_WARNING_SECONDS/);
  });
});

describe("TRUST_PROXY", () => {
  it("trusts no proxy unless told to", () => {
    expect(parseConfig({ ...withMocks }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ ...withMocks, TRUST_PROXY: "" }).TRUST_PROXY).toBe(false);
  });

  it("takes a number of hops, or addresses, subnets and Express's names", () => {
    expect(parseConfig({ ...withMocks, TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ ...withMocks, TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "fd00::/8"]);
  });

  it.each(["true", "*", "everyone", "10.0.0.0/8; rm -rf"])("refuses %s", (value) => {
    expect(() => parseConfig({ ...withMocks, TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});

describe("what is refused as unsafe", () => {
  it("refuses MOCKS=true under NODE_ENV=production, and under the default (production), naming MOCKS in one line", () => {
    for (const env of [{ MOCKS: "true", NODE_ENV: "production" }, { MOCKS: "true" }]) {
      const refusal = (() => {
        try {
          parseConfig(env);
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(ConfigError);
      expect((refusal as ConfigError).problems).toEqual([expect.stringMatching(/^MOCKS: MOCKS=true with NODE_ENV=production .*ALLOW_MOCKS_IN_PRODUCTION=true/)]);
    }
  });

  it("runs mocks under NODE_ENV=production only with the explicit override, and in development and test without it", () => {
    expect(parseConfig({ MOCKS: "true", NODE_ENV: "production", ALLOW_MOCKS_IN_PRODUCTION: "true" }).MOCKS).toBe(true);
    expect(parseConfig({ MOCKS: "true", NODE_ENV: "development" }).MOCKS).toBe(true);
    expect(parseConfig(withMocks).MOCKS).toBe(true);
    expect(() => parseConfig({ MOCKS: "true", NODE_ENV: "production", ALLOW_MOCKS_IN_PRODUCTION: "false" })).toThrow(/MOCKS: /);
  });

  it("takes the shutdown grace period, 10 s unless set", () => {
    expect(parseConfig(withMocks).SHUTDOWN_GRACE_MS).toBe(10_000);
    expect(parseConfig({ ...withMocks, SHUTDOWN_GRACE_MS: "2500" }).SHUTDOWN_GRACE_MS).toBe(2500);
    expect(() => parseConfig({ ...withMocks, SHUTDOWN_GRACE_MS: "-1" })).toThrow(/SHUTDOWN_GRACE_MS/);
  });
});

/** The "NAME: why" lines a configuration is refused with; none when it is taken. */
function problems(env: Record<string, string | undefined>): string[] {
  try {
    parseConfig(env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
}

describe("ClamAV", () => {

  it("is required without mocks: the server refuses to start with one line naming CLAMAV_HOST", () => {
    expect(problems({ NODE_ENV: "production" })).toContainEqual(expect.stringMatching(/^CLAMAV_HOST: CLAMAV_HOST \(or CLAMAV_SOCKET\) is required when MOCKS is not true/));
    for (const clamav of [{ CLAMAV_HOST: "clamav.nais-system" }, { CLAMAV_SOCKET: "/run/clamav/clamd.ctl" }]) {
      expect(problems({ NODE_ENV: "production", ...clamav }).filter((problem) => problem.startsWith("CLAMAV"))).toEqual([]);
    }
  });

  it("is optional with mocks, and then the address, port 3310 and a 10 s timeout unless set", () => {
    const defaults = parseConfig(withMocks);
    expect([defaults.CLAMAV_HOST, defaults.CLAMAV_SOCKET, defaults.CLAMAV_PORT, defaults.CLAMAV_TIMEOUT_MS]).toEqual([undefined, undefined, 3310, 10_000]);
    expect(parseConfig({ ...withMocks, CLAMAV_HOST: "127.0.0.1", CLAMAV_PORT: "4510", CLAMAV_TIMEOUT_MS: "2000" })).toMatchObject({ CLAMAV_HOST: "127.0.0.1", CLAMAV_PORT: 4510, CLAMAV_TIMEOUT_MS: 2000 });
  });

  it("refuses both a host and a socket, a port out of range and a timeout of zero", () => {
    expect(problems({ ...withMocks, CLAMAV_HOST: "clamav", CLAMAV_SOCKET: "/run/clamav/clamd.ctl" })).toEqual([expect.stringMatching(/^CLAMAV_SOCKET: set CLAMAV_HOST .* or CLAMAV_SOCKET, not both/)]);
    expect(problems({ ...withMocks, CLAMAV_HOST: "clamav", CLAMAV_PORT: "70000" })).toEqual([expect.stringMatching(/^CLAMAV_PORT: /)]);
    expect(problems({ ...withMocks, CLAMAV_TIMEOUT_MS: "0" })).toEqual([expect.stringMatching(/^CLAMAV_TIMEOUT_MS: /)]);
  });
});

describe("real login (docs/decisions/028)", () => {
  const rsa = (bits: number) => JSON.stringify(crypto.generateKeyPairSync("rsa", { modulusLength: bits }).privateKey.export({ format: "jwk" }));
  const production = {
    NODE_ENV: "production",
    FAGSYSTEM_URL: "https://fagsystem.example",
    PUBLIC_URL: "https://sosialhjelp.example",
    IDPORTEN_WELL_KNOWN_URL: "https://idporten.example/.well-known/openid-configuration",
    IDPORTEN_CLIENT_ID: "portal",
    IDPORTEN_CLIENT_JWK: rsa(2048),
    AZURE_APP_WELL_KNOWN_URL: "https://login.example/v2.0/.well-known/openid-configuration",
    AZURE_APP_CLIENT_ID: "nks",
    AZURE_APP_CLIENT_SECRET: "x".repeat(40),
    AZURE_NKS_GROUP_ID: "a-group",
    CLAMAV_HOST: "clamav.example",
  };

  it("runs with every setting present and safe, asking for substantial assurance unless told high", () => {
    expect(problems(production)).toEqual([]);
    expect(parseConfig(production).IDPORTEN_ACR).toBe("idporten-loa-substantial");
    expect(parseConfig({ ...production, IDPORTEN_ACR: "idporten-loa-high" }).IDPORTEN_ACR).toBe("idporten-loa-high");
    expect(problems({ ...production, IDPORTEN_ACR: "idporten-loa-low" })).toEqual([expect.stringMatching(/^IDPORTEN_ACR: /)]);
  });

  it("names each missing setting in one line", () => {
    for (const key of ["PUBLIC_URL", "IDPORTEN_CLIENT_JWK", "AZURE_APP_CLIENT_SECRET", "AZURE_NKS_GROUP_ID"] as const) {
      expect(problems({ ...production, [key]: undefined })).toEqual([`${key}: ${key} is required when MOCKS is not true`]);
    }
  });

  it("refuses an http:// public URL or provider in production, except on this machine", () => {
    expect(problems({ ...production, PUBLIC_URL: "http://sosialhjelp.example" })).toEqual([expect.stringMatching(/^PUBLIC_URL: must be an https:\/\/ address in production/)]);
    expect(problems({ ...production, IDPORTEN_WELL_KNOWN_URL: "http://idporten.example/.well-known/openid-configuration" })).toEqual([expect.stringMatching(/^IDPORTEN_WELL_KNOWN_URL: must be an https/)]);
    expect(problems({ ...production, PUBLIC_URL: "http://localhost:3000", IDPORTEN_WELL_KNOWN_URL: "http://127.0.0.1:4000/.well-known/openid-configuration" })).toEqual([]);
    expect(problems({ ...production, NODE_ENV: "development", PUBLIC_URL: "http://sosialhjelp.example" })).toEqual([]);
  });

  it("refuses a weak or broken client key and a short client secret", () => {
    expect(problems({ ...production, IDPORTEN_CLIENT_JWK: rsa(1024) })).toEqual(["IDPORTEN_CLIENT_JWK: is a weak RSA key (1024 bits, at least 2048)"]);
    expect(problems({ ...production, IDPORTEN_CLIENT_JWK: "not json" })).toEqual([expect.stringMatching(/^IDPORTEN_CLIENT_JWK: must be a JSON Web Key/)]);
    const publicOnly = JSON.stringify(crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey.export({ format: "jwk" }));
    expect(problems({ ...production, IDPORTEN_CLIENT_JWK: publicOnly })).toEqual([expect.stringMatching(/^IDPORTEN_CLIENT_JWK: must be a private JSON Web Key/)]);
    expect(problems({ ...production, AZURE_APP_CLIENT_SECRET: "secret" })).toEqual([expect.stringMatching(/^AZURE_APP_CLIENT_SECRET: is too short .* \(6 characters, at least 32\)/)]);
  });
});
