/**
 * The only module that talks HTTP to the fagsystem. Every response is validated
 * against the shared contract; anything else becomes a FagsystemError that pages
 * turn into a translated message, never a crash or a stack trace.
 */
import crypto from "node:crypto";
import type { z } from "zod";
import { config } from "~/config.server";
import {
  CALL_ID_HEADER,
  PERSON_HEADER,
  arbeidsforholdListSchema,
  digisosSokerSchema,
  folkeregisterPersonSchema,
  husbankenBostotteSchema,
  kontoregisterKontoSchema,
  krrKontaktinfoSchema,
  navKontorSchema,
  navUtbetalingListSchema,
  paths,
  sendSoknadResponseSchema,
  skatteetatenInntektSchema,
  soknadSummaryListSchema,
  type SendSoknadRequest,
} from "./contract";

export type FagsystemErrorKind = "unavailable" | "timeout" | "invalid-response" | "not-found" | "rejected";

export class FagsystemError extends Error {
  constructor(
    readonly kind: FagsystemErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "FagsystemError";
  }
}

type RequestOptions = { fnr?: string; method?: "GET" | "POST" | "PUT" | "DELETE"; body?: unknown; query?: Record<string, string> };

export function fagsystemBaseUrl(): string {
  const url = config().FAGSYSTEM_URL ?? process.env.FAGSYSTEM_URL;
  if (!url) throw new FagsystemError("unavailable", "FAGSYSTEM_URL is not set");
  return url;
}

/** One call to the fagsystem: the timeout, and transport failures and non-2xx answers mapped to FagsystemError. */
async function send(path: string, accept: string, options: RequestOptions): Promise<Response> {
  const url = new URL(path, fagsystemBaseUrl());
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { Accept: accept, [CALL_ID_HEADER]: crypto.randomUUID() };
  if (options.fnr) headers[PERSON_HEADER] = options.fnr;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";

  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(config().FAGSYSTEM_TIMEOUT_MS),
    });
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === "TimeoutError" || name === "AbortError") {
      throw new FagsystemError("timeout", `${path} timed out after ${config().FAGSYSTEM_TIMEOUT_MS} ms`);
    }
    throw new FagsystemError("unavailable", `${path} failed: ${(error as Error)?.message ?? String(error)}`);
  }

  if (response.status === 404) throw new FagsystemError("not-found", `${path} answered 404`, 404);
  if (response.status >= 500) throw new FagsystemError("unavailable", `${path} answered ${response.status}`, response.status);
  if (!response.ok) throw new FagsystemError("rejected", `${path} answered ${response.status}`, response.status);
  return response;
}

async function request<S extends z.ZodTypeAny>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  const response = await send(path, "application/json", options);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if ((error as Error)?.name === "TimeoutError") throw new FagsystemError("timeout", `${path} timed out while reading`);
    throw new FagsystemError("invalid-response", `${path} answered with a body that is not JSON`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 5)
      .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
      .join("; ");
    throw new FagsystemError("invalid-response", `${path} answered with an invalid body: ${issues}`);
  }
  return parsed.data;
}

/** A file from the dokumentlager: its bytes as they are, and the type the fagsystem gives them. */
export type Dokument = { contentType: string; bytes: Uint8Array };

async function requestBytes(path: string, options: RequestOptions = {}): Promise<Dokument> {
  const response = await send(path, "*/*", options);
  const contentType = response.headers.get("Content-Type");
  if (!contentType) throw new FagsystemError("invalid-response", `${path} answered without a Content-Type`);
  try {
    return { contentType, bytes: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === "TimeoutError" || name === "AbortError") throw new FagsystemError("timeout", `${path} timed out while reading`);
    throw new FagsystemError("unavailable", `${path} broke off while reading: ${(error as Error)?.message ?? String(error)}`);
  }
}

export const fagsystem = {
  folkeregisterPerson: (fnr: string) => request(paths.folkeregisterPerson, folkeregisterPersonSchema, { fnr }),
  krrKontaktinfo: (fnr: string) => request(paths.krrKontaktinfo, krrKontaktinfoSchema, { fnr }),
  kontoregisterKonto: (fnr: string) => request(paths.kontoregisterKonto, kontoregisterKontoSchema, { fnr }),
  aaregArbeidsforhold: (fnr: string) => request(paths.aaregArbeidsforhold, arbeidsforholdListSchema, { fnr }),
  navUtbetalinger: (fnr: string) => request(paths.navUtbetalinger, navUtbetalingListSchema, { fnr }),
  skatteetatenInntekt: (fnr: string) => request(paths.skatteetatenInntekt, skatteetatenInntektSchema, { fnr }),
  husbankenBostotte: (fnr: string) => request(paths.husbankenBostotte, husbankenBostotteSchema, { fnr }),
  navKontor: (kommunenummer: string) => request(paths.norgKontor, navKontorSchema, { query: { kommunenummer } }),
  navEnhet: (enhetsnummer: string) => request(paths.norgEnhet(enhetsnummer), navKontorSchema),
  soknader: (fnr: string) => request(paths.soknader, soknadSummaryListSchema, { fnr }),
  innsyn: (fnr: string, fiksDigisosId: string) => request(paths.innsyn(fiksDigisosId), digisosSokerSchema, { fnr }),
  /** Sends a søknad. Safe to retry with the same idempotencyKey: the fagsystem answers with the søknad it already has. */
  sendSoknad: (fnr: string, body: SendSoknadRequest) => request(paths.sendSoknad, sendSoknadResponseSchema, { fnr, method: "POST", body }),
  /** A file of one of the person's own søknader; someone else's file is not-found. */
  dokument: (fnr: string, id: string) => requestBytes(paths.dokumentlager(id), { fnr }),
};
