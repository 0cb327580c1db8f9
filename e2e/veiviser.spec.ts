/**
 * The guides (veivisere): every guide page in bokmål, nynorsk and English at 1280 and 320 px with
 * axe (the fixture checks each page as it loads), what a search engine reads (title, description,
 * canonical, hreflang, sitemap.xml, robots.txt), "In this guide", the office lookup without
 * JavaScript, and a logged-in person's own office. Runs in the desktop project: it sets its own widths
 * and its own no-JS context.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, loginAs, test, type Language } from "./fixtures";
import { PORTAL } from "../playwright.config";
import { persona, wholeName } from "./personas";
import { guideIds, guidePagePath, guides } from "../app/veiviser/guides";

const languages: Language[] = ["nb", "nn", "en"];
const service: Record<Language, string> = { nb: "Økonomisk sosialhjelp", nn: "Økonomisk sosialhjelp", en: "Financial social assistance" };

/** Guide 2's prose is written beside this spec; its pages are checked once its files are there. */
const written = guideIds.filter((guide) => fs.existsSync(path.join("locales", "nb", "veiviser", guide, "index.md")));
const pages = written.flatMap((guide) => guides[guide].map((page) => ({ guide, page, path: guidePagePath(guide, page) })));

test.beforeEach(() => {
  test.skip(test.info().project.name !== "desktop", "sets its own window sizes and its own no-JS context");
});

// The tests share nothing, and these two sweeps were the longest tests of the e2e run: one per
// language, spread over the workers, keeps the run short.
test.describe.configure({ mode: "parallel" });

for (const language of languages) {
  test(`every guide page in ${language}: one h1, its title, description, canonical and hreflang, and where it is in the guide`, async ({ page }) => {
    test.setTimeout(300_000);
    expect(written).toContain("sosialhjelp");
    const problems: string[] = [];
    for (const { guide, path: pagePath } of pages) {
      const url = `/${language}${pagePath}`;
      const response = await page.goto(url);
      if (response?.status() !== 200) {
        problems.push(`${url}: status ${response?.status()}`);
        continue;
      }
      const h1 = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
      const title = await page.title();
      if (!title.startsWith(`${h1} – `) || !title.endsWith(service[language]) || title.split(service[language]).length > 2) problems.push(`${url}: title "${title}" for h1 "${h1}"`);
      const description = await page.locator('meta[name="description"]').getAttribute("content");
      if (!description || description.length > 160) problems.push(`${url}: description "${description}"`);
      const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
      if (canonical !== `${PORTAL}${url}`) problems.push(`${url}: canonical ${canonical}`);
      for (const [hreflang, target] of [...languages.map((other) => [other, other]), ["x-default", "nb"]] as const) {
        const href = await page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`).getAttribute("href");
        if (href !== `${PORTAL}/${target}${pagePath}`) problems.push(`${url}: hreflang ${hreflang} → ${href}`);
      }
      const current = page.locator("nav.guide-nav").locator('a[aria-current="page"]');
      if ((await current.count()) !== 1 || (await current.getAttribute("href")) !== url) problems.push(`${url}: "In this guide" does not mark this page`);
      const navLinks = await page.locator("nav.guide-nav").locator("ol a").count();
      if (navLinks !== guides[guide].length) problems.push(`${url}: "In this guide" has ${navLinks} pages`);
    }
    expect(problems).toEqual([]);
  });

  test(`every guide page in ${language} reflows at 320 px (axe checks each as it loads)`, async ({ page }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 320, height: 640 });
    const problems: string[] = [];
    for (const { path: pagePath } of pages) {
      await page.goto(`/${language}${pagePath}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) problems.push(`/${language}${pagePath}: ${width} px wide`);
    }
    expect(problems).toEqual([]);
  });
}

test("the rates page shows the guideline rates as a table in the page's language, and says they are guidelines", async ({ page }) => {
  await page.goto("/nn/veiviser/sosialhjelp/satser");
  const table = page.getByRole("table", { name: /rettleiande satsar/i });
  await expect(table.getByRole("row", { name: /Einsleg/ })).toContainText("7 850 kr");
  await expect(table.getByRole("columnheader", { name: "Frå 1. januar 2024" })).toBeVisible();
  await expect(page.locator("main")).toContainText("Kommunen bestemmer sjølv");
  await expect(page.locator("main")).toContainText("Du kan alltid søkje");
  await page.goto("/en/veiviser/sosialhjelp/satser");
  await expect(page.getByRole("table").getByRole("row", { name: /Single person/ })).toContainText("NOK 7,850");
});

test("without JavaScript, a person finds their NAV office's phone and opening hours by municipality, and an unknown one gets a message", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: PORTAL });
  const page = await context.newPage();
  await page.goto("/nn/veiviser/sosialhjelp/hjelp-i-dag");
  await page.getByLabel("Kva kommune bur du i?").fill("bergen");
  await page.getByRole("button", { name: "Finn kontoret" }).click();
  await expect(page).toHaveURL(/\/nn\/veiviser\/sosialhjelp\/hjelp-i-dag\?kommune=bergen$/);
  const box = page.locator("section", { has: page.getByRole("heading", { name: "Finn NAV-kontoret ditt" }) });
  await expect(box.getByRole("heading", { name: "NAV Bergenhus (Bergen)" })).toBeVisible();
  await expect(box.getByRole("link", { name: "55 55 33 33" })).toHaveAttribute("href", "tel:+4755553333");
  await expect(box).toContainText("Måndag: 10:00–15:00");
  await expect(box).toContainText("Fredag: 10:00–14:00");

  await box.getByLabel("Finn kontoret i ein annan kommune").fill("<b>Narnia</b>");
  await box.getByRole("button", { name: "Finn kontoret" }).click();
  await expect(box).toContainText("Vi fann ikkje kommunen «<b>Narnia</b>»");
  await expect(box.getByLabel("Kva kommune bur du i?")).toHaveValue("<b>Narnia</b>");
  await expect(page.locator("main b")).toHaveCount(0);

  await box.getByLabel("Kva kommune bur du i?").fill("4601");
  await box.getByRole("button", { name: "Finn kontoret" }).click();
  await expect(box.getByRole("heading", { name: "NAV Bergenhus (Bergen)" })).toBeVisible();
  await context.close();
});

test("a logged-in person sees their own office without asking, and the application's start page leads to the guide", async ({ page }) => {
  const person = await persona("aleneforelder");
  await loginAs(page, wholeName(person.name));
  await page.goto("/nb/veiviser/sosialhjelp/hjelp-i-dag");
  await expect(page.locator("main")).toContainText("Du bor i Bergen kommune. Dette er NAV-kontoret ditt:");
  await expect(page.getByRole("heading", { name: "NAV Bergenhus (Bergen)" })).toBeVisible();
  // The application's start page leads to the guide.
  await page.goto("/nb/soknad");
  await page.getByRole("link", { name: "Les veiviseren om økonomisk sosialhjelp" }).click();
  await expect(page).toHaveURL(/\/nb\/veiviser\/sosialhjelp$/);
});

test("search engines: sitemap.xml lists every public page in every language, robots.txt points to it, unknown pages are 404", async ({ request, page }) => {
  const sitemap = await request.get("/sitemap.xml");
  expect(sitemap.headers()["content-type"]).toContain("application/xml");
  const xml = await sitemap.text();
  for (const language of languages) {
    for (const pagePath of ["", "/kontakt", "/personvern", "/tilgjengelighet", "/veiviser", ...pages.map((entry) => entry.path), "/veiviser/sosialhjelp/for-du-soker", "/veiviser/okonomi-og-gjeld/budsjett"]) {
      expect(xml).toContain(`<loc>${PORTAL}/${language}${pagePath}</loc>`);
    }
  }
  expect(xml).not.toContain("be-om-rad");
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toContain(`Sitemap: ${PORTAL}/sitemap.xml`);
  expect(robots).toContain("Allow: /nb/veiviser");

  for (const url of ["/nb/veiviser/sosialhjelp/finnes-ikke", "/nb/veiviser/finnes-ikke", "/nb/veiviser/sosialhjelp/index"]) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
});

test("the landing page leads to both guides, the guides' front page to each, and the guide to its next page", async ({ page }) => {
  await page.goto("/nn");
  await page.getByRole("link", { name: "Vegvisar: økonomisk sosialhjelp" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kva er økonomisk sosialhjelp?");
  await expect(page.getByRole("link", { name: "Før du søkjer" })).toHaveAttribute("href", "/nn/veiviser/sosialhjelp/for-du-soker");
  await page.getByRole("link", { name: /^Neste side:/ }).click();
  await expect(page).toHaveURL(/\/nn\/veiviser\/sosialhjelp\/hvem-kan-fa$/);
  await page.goto("/en");
  await expect(page.getByRole("link", { name: "Guide: money and debt" })).toHaveAttribute("href", "/en/veiviser/okonomi-og-gjeld");
  await page.goto("/en/veiviser");
  await expect(page.locator("main").getByRole("link", { name: "Financial social assistance" })).toHaveAttribute("href", "/en/veiviser/sosialhjelp");
});

test("printed, a guide page keeps its text, the rates and an office found, and leaves out the search form, the boxes and the list of pages", async ({ page }) => {
  await page.goto("/nb/veiviser/sosialhjelp/hjelp-i-dag?kommune=Bergen");
  const main = page.locator("main");
  await expect(main.getByRole("heading", { name: "NAV Bergenhus (Bergen)" })).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(main.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(main.getByRole("heading", { name: "NAV Bergenhus (Bergen)" }), "the office found is on paper").toBeVisible();
  await expect(main.locator(".guide-box form"), "the search form is not").toBeHidden();
  await expect(main.getByRole("navigation"), "nor the list of pages").toBeHidden();
  await page.goto("/nb/veiviser/sosialhjelp/satser");
  await expect(main.getByRole("table")).toBeVisible();
  await page.goto("/nb/veiviser/sosialhjelp");
  await expect(main.locator(".guide-link-box").first(), "a box that leads elsewhere is not on paper").toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await expect(main.locator(".guide-link-box").first()).toBeVisible();
});
