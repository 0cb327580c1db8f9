/**
 * HTTP-level helpers for tests that need no browser: a request context logged in through the
 * mock login form, posting as a browser on the portal's own page would (Origin set).
 */
import { request as playwrightRequest, expect, type APIRequestContext } from "@playwright/test";
import { persona } from "./personas";
import { PORTAL } from "../playwright.config";

/**
 * A request context logged in as the persona (the mock login form, posted as a browser would).
 * A person given whole (a fresh one from the mock of `baseURL`) is not looked up.
 */
export async function loggedIn(
  who: string | { fnr: string; name: string },
  baseURL = PORTAL,
  options: { freshConnections?: boolean } = {},
): Promise<{ api: APIRequestContext; fnr: string; name: string }> {
  const person = typeof who === "string" ? await persona(who) : who;
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


/* ---------- complaints (klage) ---------- */

/** "Klag på vedtaket" on the decision: the new complaint draft's id. */
export async function startKlage(api: APIRequestContext, decision: { soknadId: string; vedtakId: string }, language = "nb"): Promise<string> {
  const response = await api.post(`/${language}/klage`, { form: decision, maxRedirects: 0 });
  expect(response.status(), `start: ${(await response.text()).slice(0, 200)}`).toBe(302);
  const klageId = /\/klage\/([0-9a-f-]{36})\/vedtak$/.exec(response.headers()["location"] ?? "")?.[1];
  expect(klageId, "the complaint draft's id").toBeTruthy();
  return klageId!;
}

/** Steps 1–3 answered (the decision, the words, no files): the draft waits on its summary. */
export async function fillKlage(api: APIRequestContext, klageId: string, vedtakId: string, tekst = "Jeg er uenig i vedtaket.", language = "nb") {
  const base = `/${language}/klage/${klageId}`;
  for (const [step, form] of [
    ["vedtak", { intent: "next", vedtakIds: vedtakId }],
    ["begrunnelse", { intent: "next", tekst }],
    ["vedlegg", { intent: "next" }],
  ] as const) {
    const response = await api.post(`${base}/${step}`, { form, maxRedirects: 0 });
    expect(response.status(), `${step}: ${(await response.text()).slice(0, 300)}`).toBe(302);
  }
}

/** "Send klagen" on the summary: the receipt follows. */
export async function sendKlage(api: APIRequestContext, klageId: string, language = "nb") {
  const response = await api.post(`/${language}/klage/${klageId}/oppsummering`, { form: { intent: "next" }, maxRedirects: 0 });
  expect(response.status(), `send: ${(await response.text()).slice(0, 300)}`).toBe(302);
  expect(response.headers()["location"]).toBe(`/${language}/klage/${klageId}/kvittering`);
}

/** A complaint about the decision, started, answered and sent: its id (the draft's, which is the klageId). */
export async function sentKlage(api: APIRequestContext, decision: { soknadId: string; vedtakId: string }, tekst?: string): Promise<string> {
  const klageId = await startKlage(api, decision);
  await fillKlage(api, klageId, decision.vedtakId, tekst);
  await sendKlage(api, klageId);
  return klageId;
}

/* ---------- messages (meldinger) ---------- */

/** The meldingId the conversation page's form carries (the draft's idempotency key). */
export async function formMeldingId(api: APIRequestContext, pagePath: string): Promise<string> {
  const html = await (await api.get(pagePath)).text();
  const meldingId = /name="meldingId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
  expect(meldingId, `the form's meldingId on ${pagePath}`).toBeTruthy();
  return meldingId!;
}
