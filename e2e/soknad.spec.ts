import { test, expect, loginAs } from "./fixtures";
import { persona } from "./personas";

test("the start page says what will happen and which office receives the søknad", async ({ page }) => {
  const person = await persona("forstegang");
  await loginAs(page, person.name, "nn");
  await page.getByRole("link", { name: "Søk om økonomisk sosialhjelp" }).click();
  await expect(page).toHaveURL(/\/nn\/soknad$/);
  await expect(page.getByRole("heading", { level: 2, name: "Opplysningar vi hentar" })).toBeVisible();
  await expect(page.getByText(/Søknaden blir send til NAV .+, .+\./)).toBeVisible();
  await expect(page.getByText(/blir sletta etter 14 dagar/)).toBeVisible();
});
