/**
 * Asking the NAV office for economic advice (sosialtjenesteloven § 17): the form, sending the
 * request, and its receipt. The fagsystem holds the requests; the portal holds nothing. The
 * form carries the request's id (radgivningId), made once per form: a double click, a second
 * post of the same form or a retry after a lost answer is the same request
 * (docs/decisions/036-advice-request.md).
 */
import crypto from "node:crypto";
import { data, redirect } from "@remix-run/node";
import type { Params } from "@remix-run/react";
import { requireApplicant } from "~/auth/auth.server";
import type { Radgivning } from "~/fagsystem/contract";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { MAX_RADGIVNING_TEXT } from "~/fagsystem/limits";
import { formatDateTime } from "~/i18n/format";
import { isLanguage, type Language } from "~/i18n/languages";
import { logFor } from "~/log.server";
import { UUID } from "~/meldinger/ids";
import { rateLimits } from "~/rate-limit.server";
import { readForm } from "~/request-body.server";
import { parseAdviceForm, type AdviceFormValues, type CallTime, type ContactWay } from "./schemas";

const log = logFor("radgivning");

/** Personal pages: never kept by the browser or a proxy. */
export const NO_STORE = { "Cache-Control": "no-store" } as const;

const languageOf = (params: Params): Language => (isLanguage(params.lang) ? params.lang : "nb");
export const advicePath = (language: Language) => `/${language}/veiviser/okonomi-og-gjeld/be-om-rad`;
export const receiptPath = (language: Language, radgivningId: string) => `${advicePath(language)}/kvittering/${radgivningId}`;

/** A request as the pages show it, its times formatted on the server in the page's language. */
export type AdviceRequestView = {
  id: string;
  receivedAt: string;
  office: string;
  description: string;
  contactWay: ContactWay;
  phone: string | null;
  callTime: CallTime | null;
  state: "MOTTATT" | "KONTAKTET";
  contactedAt: string | null;
};

function viewOf(request: Radgivning, language: Language): AdviceRequestView {
  return {
    id: request.radgivningId,
    receivedAt: formatDateTime(request.mottattTidspunkt, language),
    office: request.kontornavn,
    description: request.beskrivelse,
    contactWay: request.kontaktmate,
    phone: request.telefonnummer,
    callTime: request.kontakttid,
    state: request.status,
    contactedAt: request.kontaktetTidspunkt ? formatDateTime(request.kontaktetTidspunkt, language) : null,
  };
}

export type AdviceRequestList = { kind: "ok"; requests: AdviceRequestView[] } | { kind: "unavailable" };

/** The person's requests, newest first; `unavailable` when the fagsystem cannot say now. */
async function listRequests(fnr: string, language: Language): Promise<AdviceRequestList> {
  try {
    return { kind: "ok", requests: (await fagsystem.radgivninger(fnr)).map((request) => viewOf(request, language)) };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the requests for advice could not be listed");
    return { kind: "unavailable" };
  }
}

/** The mobile number in the contact register, to fill in; none when there is none or the register cannot say now. */
async function registeredPhone(fnr: string): Promise<string> {
  try {
    return (await fagsystem.krrKontaktinfo(fnr)).mobiltelefonnummer ?? "";
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.warn({ err: error }, "the contact register could not be read for the advice form");
    return "";
  }
}

export async function loadAdviceForm(request: Request, params: Params) {
  const applicant = await requireApplicant(request, { eligible: true });
  const language = languageOf(params);
  const [earlier, phone] = await Promise.all([listRequests(applicant.fnr, language), registeredPhone(applicant.fnr)]);
  return data({ radgivningId: crypto.randomUUID(), registeredPhone: phone, earlier, maxLength: MAX_RADGIVNING_TEXT }, { headers: NO_STORE });
}

export type AdviceActionData = { errors: Record<string, string>; values: AdviceFormValues; radgivningId: string };

const answer = (body: AdviceActionData, status: number) => data(body, { status, headers: NO_STORE });

export async function sendAdviceRequest(request: Request, params: Params) {
  const applicant = await requireApplicant(request, { eligible: true });
  const language = languageOf(params);
  const form = await readForm(request, "step");
  const field = (name: string) => form.get(name) ?? "";
  const values: AdviceFormValues = { beskrivelse: field("beskrivelse"), kontaktmate: field("kontaktmate"), telefonnummer: field("telefonnummer"), kontakttid: field("kontakttid") };
  // The form's id, kept through every refusal so a retry is the same request; a form without one gets one now.
  const posted = field("radgivningId");
  const radgivningId = UUID.test(posted) ? posted.toLowerCase() : crypto.randomUUID();

  const parsed = parseAdviceForm(values);
  if (!parsed.ok) return answer({ errors: parsed.errors, values, radgivningId }, 400);
  // Counted with the person's other sends (søknad, complaint): a script cannot flood the office.
  await rateLimits().check(["send-person", applicant.fnr]);
  try {
    await fagsystem.sendRadgivning(applicant.fnr, { radgivningId, language, ...parsed.form });
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "rejected" && error.code === "no-nav-kontor") {
      log.warn({ err: error }, "a request for advice has no office to go to");
      return answer({ errors: { form: "radgivning:errors.noOffice" }, values, radgivningId }, 400);
    }
    if (error.kind === "rejected" || error.kind === "not-found") {
      // Another person's id (a tampered form) or a request the contract refused: a fresh id, nothing of anyone's shown.
      log.warn({ err: error }, "the fagsystem refused a request for advice");
      return answer({ errors: { form: "radgivning:errors.refused" }, values, radgivningId: crypto.randomUUID() }, 400);
    }
    log.error({ err: error }, "a request for advice could not be sent");
    return answer({ errors: { form: "radgivning:errors.unavailable" }, values, radgivningId }, 503);
  }
  return redirect(receiptPath(language, radgivningId), { headers: NO_STORE });
}

export async function loadAdviceReceipt(request: Request, params: Params) {
  const applicant = await requireApplicant(request, { eligible: true });
  const language = languageOf(params);
  const id = params.radgivningId ?? "";
  if (!UUID.test(id)) throw new Response("Not Found", { status: 404, headers: NO_STORE });
  const list = await listRequests(applicant.fnr, language);
  if (list.kind === "unavailable") return data({ kind: "unavailable" as const }, { headers: NO_STORE });
  const received = list.requests.find((candidate) => candidate.id === id.toLowerCase());
  // Someone else's id, or none: the same 404.
  if (!received) throw new Response("Not Found", { status: 404, headers: NO_STORE });
  return data({ kind: "ok" as const, received, earlier: list.requests.filter((candidate) => candidate !== received) }, { headers: NO_STORE });
}
