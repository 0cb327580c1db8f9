/**
 * Messages (meldinger) in the fagsystem mock, for the security, hostile-input, fault and HTML
 * suites: a person's conversations as the portal gets them, the office writing, and a
 * conversation with every message as the simulator sees it. (Small local helpers; when
 * e2e/mock-control.ts has its own for messages, these fold into those.)
 */
import { expect, type APIRequestContext } from "@playwright/test";
import type { Melding, Samtale } from "../app/fagsystem/contract";
import { MOCK_CONTROL } from "../playwright.config";

/** The person's conversations as the fagsystem lists them: the general one first. */
export async function samtalerOf(fnr: string, control = MOCK_CONTROL): Promise<Samtale[]> {
  const response = await fetch(`${control}/api/v1/samtaler`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return (await response.json()) as Samtale[];
}

/** The id of the person's general conversation with their office (it exists before its first message). */
export async function generalSamtaleOf(fnr: string, control = MOCK_CONTROL): Promise<string> {
  const general = (await samtalerOf(fnr, control)).find((samtale) => samtale.fiksDigisosId === null);
  expect(general, "the general conversation").toBeTruthy();
  return general!.samtaleId;
}

/** The office writes in the conversation (with a one-page PDF letter when `vedlegg`): the message. */
export async function officeReply(samtaleId: string, reply: { tekst: string; saksbehandler?: string; vedlegg?: boolean }, control = MOCK_CONTROL): Promise<Melding> {
  const response = await fetch(`${control}/mock/fagsystem/api/samtaler/${samtaleId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action: "svar", ...reply }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { melding: Melding }).melding;
}

export type StoredMelding = Melding & { lestAv: "NAV" | "PERSON" | null };

/** Every message of the conversation, oldest first, as the fagsystem holds them. */
export async function meldingerIn(samtaleId: string, control = MOCK_CONTROL): Promise<StoredMelding[]> {
  const response = await fetch(`${control}/mock/fagsystem/api/samtaler/${samtaleId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { meldinger: StoredMelding[] }).meldinger;
}

/** The meldingId the conversation page's form carries (the draft's idempotency key). */
export async function formMeldingId(api: APIRequestContext, pagePath: string): Promise<string> {
  const html = await (await api.get(pagePath)).text();
  const meldingId = /name="meldingId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
  expect(meldingId, `the form's meldingId on ${pagePath}`).toBeTruthy();
  return meldingId!;
}
