import { test, expect, hydrated } from "./fixtures";

const landing = {
  nb: { heading: "Økonomisk sosialhjelp", apply: "Søk om økonomisk sosialhjelp", emergency: "Trenger du hjelp i dag?" },
  nn: { heading: "Økonomisk sosialhjelp", apply: "Søk om økonomisk sosialhjelp", emergency: "Treng du hjelp i dag?" },
  en: { heading: "Financial social assistance", apply: "Apply for financial social assistance", emergency: "Do you need help today?" },
} as const;

for (const language of ["nb", "nn", "en"] as const) {
  test(`landing page in ${language}`, async ({ page }) => {
    await page.goto(`/${language}`);
    await expect(page.locator("html")).toHaveAttribute("lang", language);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(landing[language].heading);
    await expect(page.getByRole("link", { name: landing[language].apply })).toBeVisible();
    await expect(page.getByRole("heading", { name: landing[language].emergency })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(landing[language].heading));
  });
}

test("/ follows the browser's language, then the remembered choice", async ({ page }) => {
  await page.setExtraHTTPHeaders({ "Accept-Language": "en-GB,en;q=0.9" });
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  // Choosing nynorsk is remembered for the next visit to /.
  await page.getByRole("link", { name: "Norsk nynorsk" }).click();
  await expect(page).toHaveURL(/\/nn$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/nn$/);
});

test("the language switch keeps the page", async ({ page }) => {
  await page.goto("/nb/personvern");
  const h1 = page.getByRole("heading", { level: 1 });
  const bokmal = await h1.textContent();
  await page.getByRole("link", { name: "English" }).click();
  await expect(page).toHaveURL(/\/en\/personvern$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(h1).not.toHaveText(bokmal ?? "");
  await page.getByRole("link", { name: "Norsk nynorsk" }).click();
  await expect(page).toHaveURL(/\/nn\/personvern$/);
  await expect(page.getByRole("link", { name: "Norsk nynorsk" })).toHaveAttribute("aria-current", "true");
});

test("footer pages exist in every language", async ({ page }) => {
  for (const language of ["nb", "nn", "en"]) {
    for (const path of ["personvern", "tilgjengelighet", "kontakt"]) {
      const response = await page.goto(`/${language}/${path}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    }
  }
  await page.goto("/nb");
  await page.getByRole("link", { name: "Tilgjengelighetserklæring" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/tilgjengelighet/i);
});

test("unknown pages give a translated 404 without technical details", async ({ page }) => {
  const response = await page.goto("/en/finnes-ikke");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  const nn = await page.goto("/nn/finst/ikkje");
  expect(nn?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fann ikkje sida");
  const noLanguage = await page.goto("/xx/noe");
  expect(noLanguage?.status()).toBe(404);
  await expect(page.locator("body")).not.toContainText(/at .*\.(js|ts):\d+/);
});

test("skip link leads to the main content", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "keyboard focus is the same without JavaScript");
  await page.goto("/nb");
  // Hydration must not take the focus a Tab pressed while the page loads gave (seen once in CI under load).
  await hydrated(page);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hopp til hovedinnhold" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#maincontent$/);
});

test("every response carries the security headers, and pages are not cached", async ({ page }) => {
  const response = await page.goto("/nb");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("no-referrer");
  expect(headers["cache-control"]).toBe("no-store");
});

test("the page does not scroll sideways at 320 px", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "measuring needs script in the page");
  await page.setViewportSize({ width: 320, height: 640 });
  for (const path of ["/nb", "/nn/logg-inn", "/en/tilgjengelighet"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
