import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isAllowedMethod, isCrossOriginStateChange, isValidHost, requestHost, securityHeaders } from "./security.server";
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
  it("refuses a POST with neither Origin nor Sec-Fetch-Site unless its Referer is this site", () => {
    const bare = { ...base, method: "POST", origin: undefined };
    expect(isCrossOriginStateChange({ ...bare, referer: "https://evil.example/page" })).toBe(true);
    expect(isCrossOriginStateChange({ ...bare, referer: "http://localhost:3000.evil.example/" })).toBe(true);
    expect(isCrossOriginStateChange({ ...bare, referer: "not a url" })).toBe(true);
    expect(isCrossOriginStateChange({ ...bare, referer: undefined }), "no Referer either").toBe(true);
    expect(isCrossOriginStateChange({ ...bare, referer: "http://localhost:3000/nb/soknad" })).toBe(false);
    expect(isCrossOriginStateChange({ ...bare, referer: "http://LOCALHOST:3000/nb" })).toBe(false);
    // Origin and Sec-Fetch-Site, when there, decide; a Referer cannot overrule them.
    expect(isCrossOriginStateChange({ ...bare, origin: "https://evil.example", referer: "http://localhost:3000/nb" })).toBe(true);
    expect(isCrossOriginStateChange({ ...bare, secFetchSite: "cross-site", referer: "http://localhost:3000/nb" })).toBe(true);
    expect(isCrossOriginStateChange({ ...bare, origin: "null", referer: "http://localhost:3000/nb" })).toBe(true);
    expect(isCrossOriginStateChange({ ...base, method: "GET", origin: undefined, referer: "https://evil.example/" })).toBe(false);
  });
  it("allows same-origin POSTs and any GET", () => {
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: "http://localhost:3000" })).toBe(false);
    // A form post from our own page under Referrer-Policy: no-referrer.
    expect(isCrossOriginStateChange({ ...base, method: "POST", origin: "null", secFetchSite: "same-origin" })).toBe(false);
    expect(isCrossOriginStateChange({ ...base, method: "GET", origin: "https://evil.example" })).toBe(false);
  });
});

describe("methods and hosts", () => {
  it("answers GET, HEAD and POST only", () => {
    for (const method of ["GET", "HEAD", "POST"]) expect(isAllowedMethod(method)).toBe(true);
    for (const method of ["TRACE", "TRACK", "CONNECT", "OPTIONS", "PUT", "DELETE", "PATCH", "PROPFIND", "post", "BREW"]) expect(isAllowedMethod(method)).toBe(false);
  });

  it.each(["localhost", "localhost:3000", "sosialhjelp.nav.no", "sosialhjelp.intern.nav.no:443", "127.0.0.1:8080", "[::1]:3000", "[::1]", "portal_1:3000"])("takes the host %s", (host) => {
    expect(isValidHost(host)).toBe(true);
  });

  it.each(["", "a b", "[::1", "%%%", "localhost:99999", "localhost:0", "localhost:", "localhost:3000:1", "evil.example/path", "evil.example\r\nX: y", "-start.example", "user@host", "x".repeat(400)])(
    "refuses the host %j",
    (host) => {
      expect(isValidHost(host)).toBe(false);
    },
  );

  it("reads X-Forwarded-Host only from a trusted proxy, its first value, lower-cased", () => {
    expect(requestHost({ host: "localhost:3000", forwardedHost: "evil.example", proxyTrusted: false })).toBe("localhost:3000");
    expect(requestHost({ host: "10.0.0.5:3000", forwardedHost: "Sosialhjelp.NAV.no, other", proxyTrusted: true })).toBe("sosialhjelp.nav.no");
    expect(requestHost({ host: "localhost:3000", forwardedHost: undefined, proxyTrusted: true })).toBe("localhost:3000");
    expect(requestHost({ host: "localhost:3000", forwardedHost: "a b", proxyTrusted: true })).toBeUndefined();
    expect(requestHost({ host: undefined, forwardedHost: undefined, proxyTrusted: false })).toBeUndefined();
    // Remix's adapter takes the port from Host when the forwarded host has none: Host must be valid too.
    expect(requestHost({ host: "localhost:99999", forwardedHost: "sosialhjelp.nav.no", proxyTrusted: true })).toBeUndefined();
  });
});

describe("configuration", () => {
  it("refuses to run without mocks unless identity providers and the fagsystem are configured", () => {
    expect(() => parseConfig({ MOCKS: "false" })).toThrow(/IDPORTEN_WELL_KNOWN_URL/);
    expect(parseConfig({ MOCKS: "true", NODE_ENV: "test" }).MOCKS).toBe(true);
    expect(
      parseConfig({
        FAGSYSTEM_URL: "https://fagsystem.example",
        IDPORTEN_WELL_KNOWN_URL: "https://idporten.example/.well-known/openid-configuration",
        IDPORTEN_CLIENT_ID: "id",
        IDPORTEN_CLIENT_JWK: JSON.stringify(crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" })),
        AZURE_APP_WELL_KNOWN_URL: "https://login.example/.well-known/openid-configuration",
        AZURE_APP_CLIENT_ID: "id",
        AZURE_APP_CLIENT_SECRET: "s".repeat(40),
        AZURE_NKS_GROUP_ID: "group",
        PUBLIC_URL: "https://sosialhjelp.example",
        CLAMAV_HOST: "clamav.example",
      }).MOCKS,
    ).toBe(false);
  });
});
