import { test, expect, loginAs, logout, notAtPhoneWidth } from "./fixtures";
import { persona, testUsers } from "./personas";

test("log in as a person, see the name, log out, and the back button shows nothing personal", async ({ page }) => {
  const person = await persona("forstegang");
  await loginAs(page, person.name);
  await expect(page.locator("header")).toContainText(person.name);
  await page.getByRole("link", { name: "Mine søknader" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Mine søknader" })).toBeVisible();
  const privatePage = page.url();

  await logout(page);
  await expect(page.locator("header")).not.toContainText(person.name);

  await page.goBack();
  // The browser must ask the server again (no-store), which sends it to login.
  await expect(page).toHaveURL(/\/nb\/logg-inn\?returnTo=/);
  await expect(page.locator("header")).not.toContainText(person.name);
  await expect(page.getByRole("heading", { level: 1, name: "Mine søknader" })).toHaveCount(0);
  await page.goto(privatePage);
  await expect(page).toHaveURL(/\/nb\/logg-inn/);
});

test("the fødselsnummer never appears in a URL", async ({ page }) => {
  notAtPhoneWidth();
  const person = await persona("aleneforelder");
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  await loginAs(page, person.name);
  await page.goto("/nb/mine-soknader");
  expect(urls.filter((url) => url.includes(person.fnr))).toEqual([]);
});

test("every test person can log in", async ({ page, isMobile, javaScriptEnabled }) => {
  test.skip(isMobile || !javaScriptEnabled, "the personas' data, not the form: once, in the desktop project");
  // Twelve personas, each a login and a logout: more than the default minute on the slow phone profile.
  test.setTimeout(180_000);
  // The seeded personas; other tests add synthetic persons (freshPerson), who log in the same way.
  for (const user of (await testUsers()).filter((candidate) => !candidate.id.startsWith("syntetisk-"))) {
    await loginAs(page, user.name, "en");
    await expect(page.locator("header")).toContainText(user.name);
    await logout(page);
  }
});

test("a person with a protected address is refused with where to get help", async ({ page }) => {
  notAtPhoneWidth();
  const person = await persona("kode6");
  await loginAs(page, person.name);
  await expect(page.getByRole("heading", { name: "Du kan ikke søke digitalt" })).toBeVisible();
  await expect(page.getByText(/55 55 33 33/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: "Søk om økonomisk sosialhjelp" })).toHaveCount(0);
  // Going straight to the application is refused too.
  await page.goto("/nb/soknad");
  await expect(page).toHaveURL(/\/nb$/);
  await expect(page.getByRole("heading", { name: "Du kan ikke søke digitalt" })).toBeVisible();
});

test("a 17-year-old is refused with what to do instead", async ({ page }) => {
  notAtPhoneWidth();
  const person = await persona("mindrearig");
  await loginAs(page, person.name, "nn");
  await expect(page.getByRole("heading", { name: "Du må vere 18 år for å søkje her" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Søk om økonomisk sosialhjelp" })).toHaveCount(0);
});

test("personal pages send anonymous visitors to login and back", async ({ page }) => {
  notAtPhoneWidth();
  await page.goto("/en/mine-soknader");
  await expect(page).toHaveURL(/\/en\/logg-inn\?returnTo=%2Fen%2Fmine-soknader/);
  const person = await persona("innvilget");
  await page.getByRole("radio", { name: person.name }).check();
  await page.locator("main").getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/en\/mine-soknader$/);
  await expect(page.getByRole("heading", { level: 1, name: "My applications" })).toBeVisible();
});

test("login without choosing shows an error summary linked to the field", async ({ page, javaScriptEnabled }) => {
  await page.goto("/nb/logg-inn");
  await page.locator("main").getByRole("button", { name: "Logg inn" }).click();
  const summary = page.getByRole("heading", { name: "Du må rette dette før du kan gå videre:" });
  await expect(summary).toBeVisible();
  if (javaScriptEnabled) {
    // The summary takes focus, so screen readers read it first.
    await expect(page.locator(":focus")).toContainText("Du må rette dette");
  }
  await page.getByRole("link", { name: "Velg en testperson for å logge inn." }).click();
});

test("staff log in separately, and applicants cannot open staff pages", async ({ page }) => {
  notAtPhoneWidth();
  await page.goto("/nb/nks/logg-inn");
  await page.getByRole("radio").first().check();
  await page.locator("main").getByRole("button", { name: "Logg inn" }).click();
  // The search page itself (the login page's h1 also names NAV Kontaktsenter, so this waits for the new page).
  await expect(page).toHaveURL(/\/nb\/nks$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Finn innringeren");
  await logout(page);

  const person = await persona("forstegang");
  await loginAs(page, person.name);
  const response = await page.goto("/nb/nks");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har ikke tilgang til denne siden");
});

test("logout refuses GET and cross-site POSTs", async ({ page, request }) => {
  notAtPhoneWidth();
  const person = await persona("avslag");
  await loginAs(page, person.name);
  await page.goto("/nb/logg-ut");
  await expect(page.locator("header")).toContainText(person.name);
  const crossSite = await request.post("/nb/logg-ut", { headers: { Origin: "https://evil.example" }, maxRedirects: 0 });
  expect(crossSite.status()).toBe(403);
});

test("when the fagsystem fails at login, the person gets a translated message and can retry", async ({ page }) => {
  notAtPhoneWidth();
  const { MOCK_CONTROL } = await import("../playwright.config");
  const person = await persona("nylig-hjelp");
  // Only this person's lookups fail, so tests running beside this one are not disturbed.
  const fault = { path: "/api/v1/folkeregister", fnr: person.fnr, status: 503 };
  expect((await fetch(`${MOCK_CONTROL}/mock/faults`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(fault) })).ok).toBe(true);
  try {
    await page.goto("/nn/logg-inn");
    await page.getByRole("radio", { name: person.name }).check();
    await page.locator("main").getByRole("button", { name: "Logg inn" }).click();
    await expect(page.getByText("Vi får ikkje kontakt med innlogginga akkurat no. Prøv igjen om litt.")).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/503|Error:|at \w+ \(/);
  } finally {
    await fetch(`${MOCK_CONTROL}/mock/faults`, { method: "DELETE" });
  }
  await page.getByRole("radio", { name: person.name }).check();
  await page.locator("main").getByRole("button", { name: "Logg inn" }).click();
  await expect(page.locator("header")).toContainText(person.name);
});
