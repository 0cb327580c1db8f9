import { describe, expect, it } from "vitest";
import { languages } from "~/i18n/languages";
import { publicPaths, robotsTxt, sitemapXml } from "./sitemap.server";

describe("sitemap.xml", () => {
  const xml = sitemapXml("https://sosialhjelp.example", languages);

  it("lists every public page in every language, with its alternates", () => {
    for (const path of ["", "/kontakt", "/personvern", "/tilgjengelighet", "/veiviser", "/veiviser/sosialhjelp", "/veiviser/sosialhjelp/satser", "/veiviser/okonomi-og-gjeld/gjeldsordning", "/veiviser/sosialhjelp/for-du-soker", "/veiviser/okonomi-og-gjeld/budsjett"]) {
      for (const language of languages) expect(xml).toContain(`<loc>https://sosialhjelp.example/${language}${path}</loc>`);
    }
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="x-default" href="https://sosialhjelp.example/nb/veiviser/sosialhjelp/satser"/>');
    expect(xml.match(/<url>/g)).toHaveLength(publicPaths().length * 3);
  });

  it("leaves out pages behind login", () => {
    expect(xml).not.toMatch(/be-om-rad|\/soknad<|mine-soknader|innsyn|meldinger/);
  });
});

describe("robots.txt", () => {
  it("lets search engines read the public pages only, and points to the sitemap", () => {
    const robots = robotsTxt("https://sosialhjelp.example", languages);
    expect(robots).toContain("Allow: /nn/veiviser/sosialhjelp\n");
    expect(robots).toContain("Allow: /en$\n");
    expect(robots).toMatch(/Disallow: \/\n/);
    expect(robots).toContain("Sitemap: https://sosialhjelp.example/sitemap.xml");
  });
});
