import { test, expect, hydrated, loginAs } from "./fixtures";
import { SHORT_SESSION_PORTAL } from "../playwright.config";
import { persona } from "./personas";

// This portal runs with a 30 s inactivity timeout and the warning 20 s before it.
test.use({ baseURL: SHORT_SESSION_PORTAL });

test("the timeout warning appears, and Fortsett keeps the session", async ({ page, javaScriptEnabled }) => {
  test.skip(!javaScriptEnabled, "the warning is a JavaScript comfort; the server expiry is tested below");
  const person = await persona("forstegang");
  await loginAs(page, person.name);
  const loggedInAt = Date.now();
  const dialog = page.getByRole("dialog", { name: "Du blir snart logget ut" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await expect(dialog.getByRole("button", { name: "Fortsett" })).toBeVisible();
  await dialog.getByRole("button", { name: "Fortsett" }).click();
  await expect(dialog).toBeHidden();
  // Past the original end: still logged in because Fortsett extended the session on the server.
  await page.waitForTimeout(Math.max(0, loggedInAt + 33_000 - Date.now()));
  await page.reload();
  await expect(page.locator("header")).toContainText(person.name);
});

test("without an answer to the warning, the person is logged out", async ({ page, javaScriptEnabled, isMobile }) => {
  test.skip(!javaScriptEnabled, "needs the warning");
  test.skip(isMobile, "the warning at phone width is the test above; the logout is the same at every width");
  const person = await persona("forstegang");
  await loginAs(page, person.name, "en");
  await expect(page.getByRole("dialog", { name: "You will soon be logged out" })).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(/\/en\/logget-ut\?arsak=inaktiv/, { timeout: 30_000 });
  await expect(page.getByText("You were logged out because you had not done anything for a while.")).toBeVisible();
  await expect(page.locator("body")).not.toContainText(person.name);
});

test("a step left with focus in a field: logged out at the limit, with no new error on the page", async ({ page, javaScriptEnabled, isMobile }) => {
  test.skip(!javaScriptEnabled, "the warning and the autosave need JavaScript");
  test.skip(isMobile, "focus and autosave are the same at every width; the desktop project covers them");
  test.setTimeout(90_000);
  const person = await persona("forstegang");
  await loginAs(page, person.name);
  await page.goto("/nb/soknad");
  await hydrated(page);
  await page.getByRole("button", { name: "Start søknaden" }).click();
  await expect(page).toHaveURL(/\/soknad\/[0-9a-f-]{36}\/personalia$/);
  const behov = page.url().replace(/personalia$/, "behov");

  // The last thing the person does is open the step and go into its first question.
  const lastRequest = Date.now();
  await page.goto(behov);
  await hydrated(page);
  await page.getByRole("checkbox").first().focus();
  const main = page.locator("main");
  const before = await main.innerText();

  // The warning takes the focus from the field; that is not the person doing something.
  const dialog = page.getByRole("dialog", { name: "Du blir snart logget ut" });
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(3_000);
  expect.soft(await main.innerText(), "no error appeared under a question the person never answered").toBe(before);

  await expect(page).toHaveURL(/\/nb\/logget-ut\?arsak=inaktiv/, { timeout: 40_000 });
  const loggedOut = Date.now();
  // SESSION_IDLE_SECONDS=30 after the last request, give or take what a navigation takes.
  expect(loggedOut - lastRequest, "logged out at the idle limit, not later").toBeLessThanOrEqual(33_000);
  // The server counts from the request, which came after lastRequest: a slow page load (a busy
  // machine) must not make an on-time logout look early, so the lower bound counts from there too.
  expect(loggedOut - lastRequest, "not before the idle limit").toBeGreaterThanOrEqual(29_500);
  await page.goto(behov);
  await expect(page, "the session is gone on the server too").toHaveURL(/\/nb\/logg-inn/);
});

test("the server ends an idle session on its own", async ({ page, javaScriptEnabled }) => {
  // Without JavaScript nothing in the page can log out or extend the session: only the server's expiry is tested.
  test.skip(javaScriptEnabled, "the server's expiry, without any script: the no-js project");
  const person = await persona("aleneforelder");
  await loginAs(page, person.name);
  await page.goto("/nb/mine-soknader");
  await expect(page.getByRole("heading", { level: 1, name: "Mine søknader" })).toBeVisible();
  // Nothing happens for longer than the timeout (and no script can extend it).
  await page.waitForTimeout(31_000);
  await page.goto("/nb/mine-soknader");
  await expect(page).toHaveURL(/\/nb\/logg-inn/);
});
