/**
 * The session cookie: only a random token, HttpOnly, SameSite=Lax, and Secure with the
 * `__Host-` prefix everywhere except plain-HTTP localhost (where browsers would drop it).
 */
const PLAIN_NAME = "sosialhjelp-sesjon";
const HOST_NAME = "__Host-sosialhjelp-sesjon";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLocalRequest(request: Request): boolean {
  return LOCAL_HOSTS.has(new URL(request.url).hostname);
}

function cookieName(request: Request) {
  return isLocalRequest(request) ? PLAIN_NAME : HOST_NAME;
}

/** The value of the request's cookie `name`, or null; no cookie library for the one header we read. */
export function cookieValue(request: Request, name: string): string | null {
  for (const part of (request.headers.get("Cookie") ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === name) return part.slice(index + 1).trim();
  }
  return null;
}

export function readSessionToken(request: Request): string | null {
  const value = cookieValue(request, cookieName(request));
  return value !== null && /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
}

export function sessionCookie(request: Request, token: string): string {
  const secure = isLocalRequest(request) ? "" : "; Secure";
  return `${cookieName(request)}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

export function clearSessionCookie(request: Request): string {
  const secure = isLocalRequest(request) ? "" : "; Secure";
  return `${cookieName(request)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
