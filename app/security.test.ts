import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossOriginStateChange, securityHeaders } from "./security.server";
import { parseConfig } from "./config.server";

describe("security headers", () => {
  it("has a nonce-based CSP without unsafe-inline scripts and no framing", () => {
    const csp = contentSecurityPolicy("abc");
    const scriptSrc = csp.split("; ").find((d) => d.startsWith("script-src"));
    expect(scriptSrc).toBe("script-src 'self' 'nonce-abc'");
    expect(csp).toContain("frame-ancestors 'none'");
  });
  it("sends HSTS outside localhost only", () => {
    expect(securityHeaders({ nonce: "n", host: "localhost:3000" })["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders({ nonce: "n", host: "sosialhjelp.nav.no" })["Strict-Transport-Security"]).toContain("max-age=");
    expect(securityHeaders({ nonce: "n", host: "x" })).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer" });
  });
});

describe("cross-origin state changes", () => {
  const base = { host: "localhost:3000", secFetchSite: undefined };
  it("refuses a POST from another origin", () => {
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: "https://evil.example" })).toBe(true);
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: "null" })).toBe(true);
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: "null", secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: undefined, secFetchSite: "same-site" })).toBe(true);
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: undefined, secFetchSite: "cross-site" })).toBe(true);
  });
  it("allows same-origin POSTs and any GET", () => {
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: "http://localhost:3000" })).toBe(false);
    // A form post from our own page under Referrer-Policy: no-referrer.
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: "null", secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossOriginStateChange({ ...base, method: "GET", origin: "https://evil.example" })).toBe(false);
  });
});

describe("configuration", () => {
  it("refuses to run without mocks unless identity providers and the fagsystem are configured", () => {
    expect(() => parseConfig({ MOCKS: "false" })).toThrow(/IDPORTEN_WELL_KNOWN_URL/);
    expect(parseConfig({ MOCKS: "true" }).MOCKS).toBe(true);
    expect(
      parseConfig({
        FAGSYSTEM_URL: "https://fagsystem.example",
        IDPORTEN_WELL_KNOWN_URL: "https://idporten.example/.well-known/openid-configuration",
        IDPORTEN_CLIENT_ID: "id",
        IDPORTEN_CLIENT_JWK: "{}",
        AZURE_APP_WELL_KNOWN_URL: "https://login.example/.well-known/openid-configuration",
        AZURE_APP_CLIENT_ID: "id",
        AZURE_APP_CLIENT_SECRET: "secret",
      }).MOCKS,
    ).toBe(false);
  });
});
