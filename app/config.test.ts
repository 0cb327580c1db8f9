import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "./config.server";

describe("the settings", () => {
  it("take a warning period shorter than the idle period", () => {
    const config = parseConfig({ MOCKS: "true", SESSION_IDLE_SECONDS: "60", SESSION_WARNING_SECONDS: "20" });
    expect(config.SESSION_IDLE_SECONDS).toBe(60);
    expect(config.SESSION_WARNING_SECONDS).toBe(20);
  });

  it("have defaults whose warning comes before the idle end", () => {
    const config = parseConfig({ MOCKS: "true" });
    expect(config.SESSION_WARNING_SECONDS).toBeLessThan(config.SESSION_IDLE_SECONDS);
  });

  it.each([
    ["longer than", "90"],
    ["as long as", "60"],
  ])("refuse a warning period %s the idle period, saying which setting and why", (_, warning) => {
    const parse = () => parseConfig({ MOCKS: "true", SESSION_IDLE_SECONDS: "60", SESSION_WARNING_SECONDS: warning });
    expect(parse).toThrow(ConfigError);
    expect(parse).toThrow(/SESSION_WARNING_SECONDS: must be shorter than SESSION_IDLE_SECONDS/);
  });

  it("refuse the default warning (5 minutes) with an idle period shorter than it", () => {
    expect(() => parseConfig({ MOCKS: "true", SESSION_IDLE_SECONDS: "120" })).toThrow(/SESSION_WARNING_SECONDS/);
  });
});

describe("TRUST_PROXY", () => {
  it("trusts no proxy unless told to", () => {
    expect(parseConfig({ MOCKS: "true" }).TRUST_PROXY).toBe(false);
    expect(parseConfig({ MOCKS: "true", TRUST_PROXY: "" }).TRUST_PROXY).toBe(false);
  });

  it("takes a number of hops, or addresses, subnets and Express's names", () => {
    expect(parseConfig({ MOCKS: "true", TRUST_PROXY: "1" }).TRUST_PROXY).toBe(1);
    expect(parseConfig({ MOCKS: "true", TRUST_PROXY: "loopback, 10.0.0.0/8,fd00::/8" }).TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "fd00::/8"]);
  });

  it.each(["true", "*", "everyone", "10.0.0.0/8; rm -rf"])("refuses %s", (value) => {
    expect(() => parseConfig({ MOCKS: "true", TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
  });
});
