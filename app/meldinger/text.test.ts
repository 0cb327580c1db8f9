import { describe, expect, it } from "vitest";
import { cleanMessageText, isTrustedNavUrl, textPieces } from "./text";

const links = (text: string) => textPieces(text, { links: true }).filter((piece) => piece.kind === "link").map((piece) => piece.kind === "link" && piece.href);

describe("links in the office's messages", () => {
  it("makes addresses on nav.no and its subdomains links, without the sentence's full stop", () => {
    expect(links("Les mer på https://www.nav.no/okonomisk-sosialhjelp. Eller https://nav.no/kontakt!")).toEqual([
      "https://www.nav.no/okonomisk-sosialhjelp",
      "https://nav.no/kontakt",
    ]);
    expect(links("Se www.nav.no/sosialhjelp")).toEqual(["https://www.nav.no/sosialhjelp"]);
    expect(links("https://innsyn.sosialhjelp.nav.no/side?x=1#y")).toEqual(["https://innsyn.sosialhjelp.nav.no/side?x=1#y"]);
  });

  it.each([
    ["a lookalike domain", "https://nav.no.evil.example/login"],
    ["a host that only ends in nav.no", "https://evilnav.no/login"],
    ["a user name before the host", "https://nav.no@evil.example/"],
    ["a user name that is nav.no's host", "https://www.nav.no:pw@evil.example/"],
    ["punycode that imitates nav", "https://xn--nv-jja.no/"],
    ["a punycode subdomain", "https://xn--80ak6aa92e.nav.no/"],
    ["unicode letters that look like nav (Cyrillic а)", "https://nаv.no/"],
    ["plain http", "http://www.nav.no/"],
    ["a port", "https://www.nav.no:8443/"],
    ["a backslash a browser reads as a slash", "https://evil.example\\@nav.no/"],
    ["an encoded dot", "https://nav%2eno.evil.example/"],
    ["nav.no in the path", "https://evil.example/nav.no"],
    ["javascript", "javascript:alert(1)//nav.no"],
  ])("does not link %s", (_, address) => {
    expect(links(`Logg inn her: ${address} i dag`)).toEqual([]);
    expect(isTrustedNavUrl(address)).toBeNull();
    expect(textPieces(`Logg inn her: ${address} i dag`, { links: true }).map((piece) => piece.text).join("")).toBe(`Logg inn her: ${address} i dag`);
  });

  it("never links anything in the person's own messages", () => {
    expect(textPieces("https://www.nav.no/", { links: false })).toEqual([{ kind: "text", text: "https://www.nav.no/" }]);
  });

  it("keeps markup as text", () => {
    const pieces = textPieces('<a href="https://evil.example">https://www.nav.no</a> <script>alert(1)</script>', { links: true });
    expect(pieces.map((piece) => piece.text).join("")).toContain("<script>alert(1)</script>");
    // The markup's own href is never used: only the nav.no address written as text is a link.
    expect(pieces.flatMap((piece) => (piece.kind === "link" ? [piece.href] : []))).toEqual(["https://www.nav.no/"]);
  });
});

describe("cleanMessageText", () => {
  it("keeps line breaks and tabs and removes other control characters and direction overrides", () => {
    expect(cleanMessageText("  Hei\r\nNAV\rlinje\tto\u0000\u0007\u001b[31m\u202egnp.exe  ")).toBe("Hei\nNAV\nlinje\tto[31mgnp.exe");
  });
  it("replaces a lone surrogate and composes", () => {
    expect(cleanMessageText("a\ud800b")).toBe("a\ufffdb");
    expect(cleanMessageText("a\u030a")).toBe("å");
    expect(cleanMessageText("😀")).toBe("😀");
  });
});
