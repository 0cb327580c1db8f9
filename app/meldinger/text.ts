/**
 * Message text is text: never HTML, never markdown. It is cut into pieces React renders as
 * text nodes (line breaks are kept by CSS), and in the office's messages an address on nav.no
 * or one of its subdomains becomes a link. Everything else that looks like an address stays
 * text, so a phishing lookalike in a reply (nav.no.evil.example, punycode, user@host tricks)
 * can never be clicked. Shared by server and browser: no zod, no Node.
 */

export type TextPiece = { kind: "text"; text: string } | { kind: "link"; text: string; href: string };

/** Candidates: anything that starts like an address, up to the next space or bracket. */
const CANDIDATE = /\b(?:https?:\/\/|www\.)[^\s<>"'()[\]{}]+/giu;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?»”’]+$/u;

/**
 * The only addresses that may be links: https (or a bare www.), the host nav.no or a subdomain of
 * it, written in plain ASCII (no punycode label, which can imitate other letters), with no user
 * name, password or port.
 */
export function isTrustedNavUrl(candidate: string): URL | null {
  const withScheme = /^www\./i.test(candidate) ? `https://${candidate}` : candidate;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== "https:") return null;
  if (url.username || url.password || url.port) return null;
  // The raw text must name the same host the parser found: backslashes, encoded dots and
  // other tricks that a browser would read differently are refused.
  const rawHost = /^[a-z]+:\/\/([^/?#]*)/i.exec(withScheme)?.[1]?.toLowerCase();
  const host = url.hostname.toLowerCase();
  if (rawHost !== host) return null;
  if (!/^[a-z0-9.-]+$/.test(host) || host.split(".").some((label) => label === "" || label.startsWith("xn--"))) return null;
  return host === "nav.no" || host.endsWith(".nav.no") ? url : null;
}

/** The text in pieces; with `links`, addresses on nav.no become links (the office's messages only). */
export function textPieces(text: string, options: { links: boolean }): TextPiece[] {
  if (!options.links) return text ? [{ kind: "text", text }] : [];
  const pieces: TextPiece[] = [];
  let plain = "";
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index ?? 0;
    const address = match[0].replace(TRAILING, "");
    const url = isTrustedNavUrl(address);
    if (!url) continue;
    plain += text.slice(last, start);
    if (plain) pieces.push({ kind: "text", text: plain });
    plain = "";
    pieces.push({ kind: "link", text: address, href: url.href });
    last = start + address.length;
  }
  plain += text.slice(last);
  if (plain) pieces.push({ kind: "text", text: plain });
  return pieces;
}

/**
 * What a person typed, as it is stored and sent: line breaks as \n, no control characters
 * (other than line breaks and tabs), no invisible direction overrides that can disguise text,
 * in Unicode's composed form, without space at either end.
 */
export function cleanMessageText(input: string): string {
  return input
    .replace(/\r\n?/g, "\n")
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
    .normalize("NFC")
    .trim();
}
