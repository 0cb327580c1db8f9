/**
 * Security headers for every response, and the cross-origin check for state changes.
 * Pure functions: the HTTP server (server.ts) applies them, tests call them directly.
 */
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

export function isLocalHost(hostHeader: string | undefined): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.startsWith("[") ? hostHeader.slice(0, hostHeader.indexOf("]") + 1) : hostHeader.split(":")[0]!;
  return LOCAL_HOSTS.has(host);
}

export function contentSecurityPolicy(nonce: string, options: { development?: boolean; formActionOrigins?: string[] } = {}): string {
  return [
    "default-src 'self'",
    // No inline script without the per-response nonce; Vite's dev server needs its websocket.
    `script-src 'self' 'nonce-${nonce}'${options.development ? " 'unsafe-eval'" : ""}`,
    // Aksel sets a few style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    // Logging out posts a form whose answer redirects to the identity provider's logout (docs/decisions/028).
    `form-action 'self'${(options.formActionOrigins ?? []).map((origin) => ` ${origin}`).join("")}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

export function securityHeaders(options: { nonce: string; host: string | undefined; development?: boolean; formActionOrigins?: string[] }): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(options.nonce, options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), geolocation=(), microphone=()",
  };
  if (!isLocalHost(options.host)) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** What the portal answers: pages (GET, HEAD) and forms (POST). Anything else is a 405. */
export const ALLOWED_METHODS = ["GET", "HEAD", "POST"] as const;

export function isAllowedMethod(method: string): boolean {
  return (ALLOWED_METHODS as readonly string[]).includes(method);
}

const HOST_NAME = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*\.?$/i;
const IPV6_LITERAL = /^\[[0-9a-f:.]{2,45}\]$/i;

/**
 * A Host (or forwarded host) the portal can build its own URL from: a host name, an IPv4 address
 * or a bracketed IPv6 address, and a port from 1 to 65535. Anything else would make that URL
 * invalid (a 500), so it is refused (400).
 */
export function isValidHost(value: string | undefined): value is string {
  if (!value || value.length > 300) return false;
  const portAt = value.lastIndexOf(":");
  const hasPort = portAt > value.lastIndexOf("]");
  const name = hasPort ? value.slice(0, portAt) : value;
  if (hasPort) {
    const port = value.slice(portAt + 1);
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return false;
  }
  return HOST_NAME.test(name) || IPV6_LITERAL.test(name);
}

/**
 * The host a request was sent to: a trusted proxy's X-Forwarded-Host (its first value), otherwise
 * the Host header. Undefined when either is not a valid host (see isValidHost): the Host header is
 * checked even behind a proxy, since Remix's adapter takes the port from it when the forwarded
 * host has none.
 */
export function requestHost(input: { host: string | undefined; forwardedHost: string | undefined; proxyTrusted: boolean }): string | undefined {
  if (!isValidHost(input.host)) return undefined;
  const forwarded = input.proxyTrusted ? input.forwardedHost?.split(",")[0]?.trim() : undefined;
  if (!forwarded) return input.host.toLowerCase();
  return isValidHost(forwarded) ? forwarded.toLowerCase() : undefined;
}

/** Whether an absolute URL (an Origin or a Referer) is on `host`; anything unreadable is not. */
function isOnHost(url: string, host: string | undefined): boolean {
  try {
    return new URL(url).host === host?.toLowerCase();
  } catch {
    return false;
  }
}

/**
 * CSRF defence on top of SameSite=Lax cookies: a state-changing request must not come
 * from another origin. Browsers send Origin on POST, but as "null" for form posts from a
 * page with Referrer-Policy: no-referrer (ours); then Sec-Fetch-Site tells where it came from.
 * A request with neither is not from a browser of today (they send Origin with every POST):
 * it is let through only when its Referer is this site, and refused without one.
 */
export function isCrossOriginStateChange(input: {
  method: string;
  origin: string | undefined;
  secFetchSite: string | undefined;
  referer?: string | undefined;
  host: string | undefined;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.origin && input.origin !== "null") return !isOnHost(input.origin, input.host);
  if (input.secFetchSite) return input.secFetchSite !== "same-origin" && input.secFetchSite !== "none";
  // "null" without Sec-Fetch-Site cannot be told apart from a sandboxed attacker page.
  if (input.origin === "null") return true;
  return !input.referer || !isOnHost(input.referer, input.host);
}
