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

export function readSessionToken(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = cookieName(request);
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index < 0) continue;
    if (part.slice(0, index).trim() === name) {
      const value = part.slice(index + 1).trim();
      return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : null;
    }
  }
  return null;
}

export function sessionCookie(request: Request, token: string): string {
  const secure = isLocalRequest(request) ? "" : "; Secure";
  return `${cookieName(request)}=${token}; Path=/; HttpOnly; SameSite=Lax${secure}`;
}

export function clearSessionCookie(request: Request): string {
  const secure = isLocalRequest(request) ? "" : "; Secure";
  return `${cookieName(request)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure}`;
}
