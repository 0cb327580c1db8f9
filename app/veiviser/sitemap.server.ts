import type { Language } from "~/i18n/languages";
import { allGuidePagePaths, publicPortalPaths, toolPaths } from "./guides";

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The pages anyone may open, language-free: the landing page, the information pages, the guides and their open tools. */
export function publicPaths(): string[] {
  // Asking for advice needs a login: it is linked from the guide, not offered to search engines.
  const openTools = toolPaths.filter((path) => !path.endsWith("/be-om-rad"));
  return [...publicPortalPaths, ...allGuidePagePaths(), ...openTools];
}

/** sitemap.xml: every public page in every language, each with its alternates (hreflang, x-default bokmål). */
export function sitemapXml(origin: string, languages: readonly Language[]): string {
  const url = (language: Language, path: string) => escapeXml(`${origin}/${language}${path}`);
  const entries = publicPaths().flatMap((path) =>
    languages.map((language) =>
      [
        "  <url>",
        `    <loc>${url(language, path)}</loc>`,
        ...languages.map((other) => `    <xhtml:link rel="alternate" hreflang="${other}" href="${url(other, path)}"/>`),
        `    <xhtml:link rel="alternate" hreflang="x-default" href="${url(languages[0] as Language, path)}"/>`,
        "  </url>",
      ].join("\n"),
    ),
  );
  return ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">', ...entries, "</urlset>", ""].join("\n");
}

/**
 * robots.txt: an allow-list of the public pages (`$` ends a landing page's rule, so /nb/ is not
 * everything below it), everything else disallowed: personal pages ask for login anyway, and a
 * page added later stays out of search engines until it is made public here.
 */
export function robotsTxt(origin: string, languages: readonly Language[]): string {
  const allow = publicPaths().flatMap((path) => languages.map((language) => (path === "" ? `Allow: /${language}$` : `Allow: /${language}${path}`)));
  return ["User-agent: *", ...allow, "Disallow: /", "", `Sitemap: ${origin}/sitemap.xml`, ""].join("\n");
}
