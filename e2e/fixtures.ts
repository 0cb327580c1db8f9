import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";

export type Language = "nb" | "nn" | "en";

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page as it is now; returns readable violations. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map(
    (violation) => `${page.url()}: ${violation.id} (${violation.impact}) ${violation.help} → ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
  );
}

type Fixtures = { axe: { check: () => Promise<void> } };

/**
 * In the JavaScript projects every page a test visits is checked with axe when it has
 * loaded, and the page a test ends on is checked too; any violation fails the test.
 * (axe needs JavaScript, so the no-JS project cannot run it.)
 */
export const test = base.extend<Fixtures>({
  axe: [
    async ({ page, javaScriptEnabled }, use) => {
      const violations: string[] = [];
      let queue: Promise<void> = Promise.resolve();
      const check = () => {
        queue = queue.then(async () => {
          if (page.isClosed() || page.url() === "about:blank") return;
          const url = page.url();
          try {
            await page.waitForLoadState("load");
            violations.push(...(await axeViolations(page)));
          } catch (error) {
            // The test navigated on while axe ran: that next page is checked on its own load.
            if (page.isClosed() || page.url() !== url || /destroyed|navigat|closed/i.test(String(error))) return;
            throw error;
          }
        });
        return queue;
      };
      const onLoad = () => void check();
      // A script error or a blocked resource is something a person would notice: fail on it.
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error" && /Content Security Policy|Hydration|hydrat/i.test(message.text())) pageErrors.push(`${page.url()}: ${message.text()}`);
      });
      if (javaScriptEnabled) page.on("load", onLoad);
      await use({ check: javaScriptEnabled ? check : async () => undefined });
      if (javaScriptEnabled) {
        page.off("load", onLoad);
        if (!page.isClosed()) await check();
        await queue;
        expect(violations, "axe violations").toEqual([]);
      }
      expect(pageErrors, "errors in the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Skips the test in the mobile project. For what the server answers (refusals, 404s, faults,
 * duplicates): the same at every width, covered by the desktop and no-js projects, while the phone
 * width keeps the journeys and the accessibility sweep checks every page at 320 px.
 */
export function notAtPhoneWidth(reason = "the server's answer is the same at every width: desktop and no-js cover it") {
  test.skip(test.info().project.name === "mobile", reason);
}

/** Logs in through the mock ID-porten login as the named test person. */
/** With JavaScript, waits until React has hydrated, so a click is not lost to a re-render. */
export async function hydrated(page: Page) {
  if (base.info().project.use.javaScriptEnabled === false) return;
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

export async function loginAs(page: Page, personName: string | RegExp, language: Language = "nb") {
  await page.goto(`/${language}/logg-inn`);
  await hydrated(page);
  await page.getByRole("radio", { name: personName }).check();
  await page.locator("main").getByRole("button", { name: /logg inn|log in/i }).click();
  await expect(page.locator("header")).toContainText(personName);
}

export async function logout(page: Page) {
  await page.getByRole("button", { name: /logg ut|log out/i }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/logget ut|logga ut|logged out/i);
}
