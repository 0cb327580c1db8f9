/**
 * HTTP-level helpers for tests that need no browser: a request context logged in through the
 * mock login form, posting as a browser on the portal's own page would (Origin set).
 */
import { request as playwrightRequest, expect, type APIRequestContext } from "@playwright/test";
import { persona } from "./personas";
import { PORTAL } from "../playwright.config";

/** A request context logged in as the persona (the mock login form, posted as a browser would). */
export async function loggedIn(
  personaId: string,
  baseURL = PORTAL,
  options: { freshConnections?: boolean } = {},
): Promise<{ api: APIRequestContext; fnr: string; name: string }> {
  const person = await persona(personaId);
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, ...(options.freshConnections ? FRESH : {}) } });
  const response = await api.post("/nb/logg-inn", { form: { fnr: person.fnr }, maxRedirects: 0 });
  expect(response.status(), "login").toBe(302);
  return { api, fnr: person.fnr, name: person.name };
}

export async function anonymous(baseURL = PORTAL, options: { freshConnections?: boolean } = {}) {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Origin: baseURL, ...(options.freshConnections ? FRESH : {}) } });
}

/**
 * One connection per request. A request the server answers without reading all of its body
 * makes Node close that keep-alive connection; a client that reuses it at that moment gets
 * ECONNRESET (browsers retry such a request on their own; this client does not).
 */
const FRESH = { Connection: "close" };

export async function newDraft(api: APIRequestContext): Promise<string> {
  const response = await api.post("/nb/soknad", { form: { kind: "standard" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  const draftId = /\/soknad\/([0-9a-f-]{36})\//.exec(response.headers()["location"] ?? "")?.[1];
  expect(draftId, "the new draft's id").toBeTruthy();
  return draftId!;
}

