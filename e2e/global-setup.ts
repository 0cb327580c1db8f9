import { MOCK_CONTROL, SHORT_SESSION_MOCK_CONTROL } from "../playwright.config";

/** Every run starts from the seeded personas. */
export default async function globalSetup() {
  for (const url of [MOCK_CONTROL, SHORT_SESSION_MOCK_CONTROL]) {
    const response = await fetch(`${url}/mock/reset`, { method: "POST" });
    if (!response.ok) throw new Error(`Could not reset the fagsystem mock at ${url}: ${response.status}`);
  }
}
