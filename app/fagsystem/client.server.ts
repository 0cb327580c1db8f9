/**
 * The only module that talks HTTP to the fagsystem. Every response is validated
 * against the shared contract; anything else becomes a FagsystemError that pages
 * turn into a translated message, never a crash or a stack trace.
 */
import crypto from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { z } from "zod";
import { config } from "~/config.server";
import { currentRequestScope } from "~/request-scope.server";
import {
  CALL_ID_HEADER,
  PERSON_HEADER,
  VEDLEGG_HEADERS,
  arbeidsforholdListSchema,
  digisosSokerSchema,
  errorBodySchema,
  folkeregisterPersonSchema,
  husbankenBostotteSchema,
  kontoregisterKontoSchema,
  klageListSchema,
  klageSchema,
  krrKontaktinfoSchema,
  skjermingSchema,
  mellomlagretFilSchema,
  mellomlagringSchema,
  navKontorSchema,
  navUtbetalingListSchema,
  meldingSchema,
  paths,
  radgivningListSchema,
  radgivningSchema,
  ringTilbakeListSchema,
  ringTilbakeRapportSchema,
  ringTilbakeSchema,
  samtaleListSchema,
  samtaleSideSchema,
  sendSoknadResponseSchema,
  skatteetatenInntektSchema,
  soknadSummaryListSchema,
  vedleggFilSchema,
  vedleggJsonSchema,
  type SendKlageRequest,
  type SendMeldingRequest,
  type SendRadgivningRequest,
  type SendRingTilbakeRequest,
  type SendSoknadRequest,
  type vedleggMimetypeSchema,
} from "./contract";

/**
 * `duplicate`: the same file (sha512) is already among the draft's or søknad's files (409).
 * `too-large`: the file, or all files together, is over the limit (413; `code` says which:
 * "too-large" or "total-too-large").
 */
export type FagsystemErrorKind = "unavailable" | "timeout" | "invalid-response" | "not-found" | "rejected" | "duplicate" | "too-large";

export class FagsystemError extends Error {
  constructor(
    readonly kind: FagsystemErrorKind,
    message: string,
    readonly status?: number,
    /** The `error` of the fagsystem's error body, when a 4xx answer had one. */
    readonly code?: string,
  ) {
    super(message);
    this.name = "FagsystemError";
  }
}

/** A request body that is a file: its bytes as they are, under its own content type. */
type RawBody = { contentType: string; bytes: Uint8Array };

type RequestOptions = {
  fnr?: string;
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** Sent as JSON; `raw` sends bytes instead. */
  body?: unknown;
  raw?: RawBody;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  /** A POST that is safe to repeat (the søknad carries its idempotency key). */
  repeatable?: boolean;
};

export function fagsystemBaseUrl(): string {
  const url = config().FAGSYSTEM_URL ?? process.env.FAGSYSTEM_URL;
  if (!url) throw new FagsystemError("unavailable", "FAGSYSTEM_URL is not set");
  return url;
}

/**
 * The fagsystem's answer, its body not yet read. `body()` reads it whole within the call's
 * timeout; an answer the caller does not read is drained with `discard()`, so the kept-alive
 * connection serves the next call.
 */
type Answer = {
  status: number;
  header(name: string): string | null;
  body(): Promise<Buffer>;
  discard(): void;
};

/**
 * Kept-alive connections to the fagsystem, per scheme. node:http rather than fetch: a page makes
 * five to eight calls, and fetch's WHATWG layer (Request, Headers, web streams, an AbortSignal
 * per call) cost about 0.2 ms of CPU each on the bench's machine, a tenth of the status page's
 * cost with the rest of the transport (docs/decisions/037).
 */
const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

function exchange(url: URL, method: string, headers: Record<string, string>, body: Uint8Array | string | undefined, signal: AbortSignal): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const agent = url.protocol === "https:" ? agents["https:"] : agents["http:"];
    if (body !== undefined) headers["Content-Length"] = String(typeof body === "string" ? Buffer.byteLength(body) : body.byteLength);
    const call = transport.request(url, { method, headers, agent, signal }, (response) => {
      resolve({
        status: response.statusCode ?? 0,
        header: (name) => {
          const value = response.headers[name.toLowerCase()];
          return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
        },
        body: () =>
          new Promise<Buffer>((resolveBody, rejectBody) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.once("end", () => resolveBody(Buffer.concat(chunks)));
            response.once("error", (error) => rejectBody(signal.aborted ? timeoutError() : error));
            response.once("close", () => {
              if (!response.complete) rejectBody(signal.aborted ? timeoutError() : new Error("the connection closed before the whole answer"));
            });
          }),
        discard: () => {
          response.on("error", () => {});
          response.resume();
        },
      });
    });
    call.once("error", (error) => reject(signal.aborted ? timeoutError() : error));
    call.end(body);
  });
}

const timeoutError = () => Object.assign(new Error("timed out"), { name: "TimeoutError" });
const isTimeout = (error: unknown) => ["TimeoutError", "AbortError"].includes((error as Error)?.name);

/** One call to the fagsystem: the timeout, and transport failures and non-2xx answers mapped to FagsystemError. */
async function send(path: string, accept: string, options: RequestOptions): Promise<Answer> {
  const url = new URL(path, fagsystemBaseUrl());
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.set(key, value);
  const headers: Record<string, string> = { ...options.headers, Accept: accept, [CALL_ID_HEADER]: crypto.randomUUID() };
  if (options.fnr) headers[PERSON_HEADER] = options.fnr;
  let body: Uint8Array | string | undefined;
  if (options.raw) {
    headers["Content-Type"] = options.raw.contentType;
    // As they are, without a copy (10 MB for the largest PDF, docs/decisions/017).
    body = options.raw.bytes;
  } else if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(options.body);
  }

  // A connection that broke before any answer (typically a kept-alive one the other side had
  // just closed) is tried once more for calls that are safe to repeat, within the same timeout.
  const method = options.method ?? "GET";
  if (method !== "GET") currentRequestScope()?.fagsystemReads?.clear();
  const repeatable = method === "GET" || method === "DELETE" || options.repeatable === true;
  const signal = AbortSignal.timeout(config().FAGSYSTEM_TIMEOUT_MS);
  let response: Answer | undefined;
  for (let attempt = 1; !response; attempt++) {
    try {
      response = await exchange(url, method, { ...headers }, body, signal);
    } catch (error) {
      if (isTimeout(error)) {
        throw new FagsystemError("timeout", `${path} timed out after ${config().FAGSYSTEM_TIMEOUT_MS} ms`);
      }
      if (repeatable && attempt === 1) continue;
      throw new FagsystemError("unavailable", `${path} failed: ${(error as Error)?.message ?? String(error)}`);
    }
  }

  if (response.status === 404) {
    response.discard();
    throw new FagsystemError("not-found", `${path} answered 404`, 404);
  }
  if (response.status >= 500) {
    response.discard();
    throw new FagsystemError("unavailable", `${path} answered ${response.status}`, response.status);
  }
  if (response.status < 200 || response.status > 299) {
    const code = await errorCodeOf(response);
    const message = `${path} answered ${response.status}${code ? ` (${code})` : ""}`;
    if (response.status === 409 && code === "duplicate") throw new FagsystemError("duplicate", message, 409, code);
    if (response.status === 413) throw new FagsystemError("too-large", message, 413, code);
    throw new FagsystemError("rejected", message, response.status, code);
  }
  return response;
}

/** The `error` of a 4xx answer's JSON body, if it has one; the body is read within the call's timeout or not at all. */
async function errorCodeOf(response: Answer): Promise<string | undefined> {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse((await response.body()).toString("utf8")));
    return parsed.success ? parsed.data.error : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A read is made once per HTTP request (request-scope.server.ts): a page whose loaders both need
 * the same document share one call and one validation. Any write in the request forgets them.
 * Callers treat answers as read-only.
 */
function request<S extends z.ZodTypeAny>(path: string, schema: S, options: RequestOptions = {}): Promise<z.infer<S>> {
  const reads = (options.method ?? "GET") === "GET" ? currentRequestScope() : undefined;
  if (!reads) return requestOnce(path, schema, options);
  reads.fagsystemReads ??= new Map();
  const key = `${options.fnr ?? ""} ${path} ${JSON.stringify(options.query ?? {})}`;
  let answer = reads.fagsystemReads.get(key) as Promise<z.infer<S>> | undefined;
  if (!answer) {
    answer = requestOnce(path, schema, options);
    reads.fagsystemReads.set(key, answer);
  }
  return answer;
}

async function requestOnce<S extends z.ZodTypeAny>(path: string, schema: S, options: RequestOptions): Promise<z.infer<S>> {
  const response = await send(path, "application/json", options);
  let body: unknown;
  try {
    body = JSON.parse((await response.body()).toString("utf8"));
  } catch (error) {
    if (isTimeout(error)) throw new FagsystemError("timeout", `${path} timed out while reading`);
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

/** A call answered with 204 and no body. */
async function requestNoContent(path: string, options: RequestOptions): Promise<void> {
  const response = await send(path, "application/json", options);
  response.discard();
}

/** One file to upload, as the vedlegg pipeline leaves it. */
export type VedleggUpload = {
  /** The document it belongs to, e.g. "husleie|kontrakt". */
  type: string;
  tilleggsinfo?: string | null;
  filnavn: string;
  /** Lowercase hex of the bytes' SHA-512: the fagsystem refuses bytes that do not match. */
  sha512: string;
  mimetype: z.infer<typeof vedleggMimetypeSchema>;
  bytes: Uint8Array;
  /** PDFs: the number of pages. */
  sider?: number | null;
};

/** A file sent after the søknad, optionally answering a request (dokumentasjonEtterspurt). */
export type Ettersending = VedleggUpload & { hendelseType?: string | null; hendelseReferanse?: string | null };

/** The file as raw bytes, described by the VEDLEGG_HEADERS; free text is URI-encoded. */
function uploadOptions(fnr: string, file: Ettersending): RequestOptions {
  const headers: Record<string, string> = {
    [VEDLEGG_HEADERS.type]: file.type,
    [VEDLEGG_HEADERS.filnavn]: encodeURIComponent(file.filnavn),
    [VEDLEGG_HEADERS.sha512]: file.sha512,
  };
  if (file.tilleggsinfo) headers[VEDLEGG_HEADERS.tilleggsinfo] = encodeURIComponent(file.tilleggsinfo);
  if (file.sider) headers[VEDLEGG_HEADERS.sider] = String(file.sider);
  if (file.hendelseType) headers[VEDLEGG_HEADERS.hendelseType] = file.hendelseType;
  if (file.hendelseReferanse) headers[VEDLEGG_HEADERS.hendelseReferanse] = file.hendelseReferanse;
  return { fnr, method: "POST", headers, raw: { contentType: file.mimetype, bytes: file.bytes } };
}

/** A file from the dokumentlager: its bytes as they are, and the type the fagsystem gives them. */
export type Dokument = { contentType: string; bytes: Uint8Array };

async function requestBytes(path: string, options: RequestOptions = {}): Promise<Dokument> {
  const response = await send(path, "*/*", options);
  const contentType = response.header("Content-Type");
  if (!contentType) {
    response.discard();
    throw new FagsystemError("invalid-response", `${path} answered without a Content-Type`);
  }
  try {
    const bytes = await response.body();
    return { contentType, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
  } catch (error) {
    if (isTimeout(error)) throw new FagsystemError("timeout", `${path} timed out while reading`);
    throw new FagsystemError("unavailable", `${path} broke off while reading: ${(error as Error)?.message ?? String(error)}`);
  }
}

/**
 * NORG's offices (names, phone numbers, opening hours) change a few times a year, and every
 * status page and søknad start asks for them: answers are kept in memory for ten minutes, per
 * process, at most OFFICE_CACHE_MAX of them (the oldest goes first). Only answers are kept;
 * a failure is not, so the next call asks again. Concurrent calls for one office share a request.
 */
const OFFICE_CACHE_MS = 10 * 60 * 1000;
const OFFICE_CACHE_MAX = 500;
const officeCache = new Map<string, { until: number; answer: Promise<z.infer<typeof navKontorSchema>> }>();

function cachedOffice(key: string, load: () => Promise<z.infer<typeof navKontorSchema>>): Promise<z.infer<typeof navKontorSchema>> {
  const now = Date.now();
  const cached = officeCache.get(key);
  if (cached && cached.until > now) return cached.answer.then((office) => structuredClone(office));
  if (cached) officeCache.delete(key);
  const answer = load();
  officeCache.set(key, { until: now + OFFICE_CACHE_MS, answer });
  answer.catch(() => {
    if (officeCache.get(key)?.answer === answer) officeCache.delete(key);
  });
  while (officeCache.size > OFFICE_CACHE_MAX) officeCache.delete(officeCache.keys().next().value as string);
  return answer.then((office) => structuredClone(office));
}

/** Forgets the cached offices (tests, and a mock whose offices were changed). */
export function clearOfficeCache(): void {
  officeCache.clear();
}

export const fagsystem = {
  folkeregisterPerson: (fnr: string) => request(paths.folkeregisterPerson, folkeregisterPersonSchema, { fnr }),
  krrKontaktinfo: (fnr: string) => request(paths.krrKontaktinfo, krrKontaktinfoSchema, { fnr }),
  skjerming: (fnr: string) => request(paths.skjerming, skjermingSchema, { fnr }),
  kontoregisterKonto: (fnr: string) => request(paths.kontoregisterKonto, kontoregisterKontoSchema, { fnr }),
  aaregArbeidsforhold: (fnr: string) => request(paths.aaregArbeidsforhold, arbeidsforholdListSchema, { fnr }),
  navUtbetalinger: (fnr: string) => request(paths.navUtbetalinger, navUtbetalingListSchema, { fnr }),
  skatteetatenInntekt: (fnr: string) => request(paths.skatteetatenInntekt, skatteetatenInntektSchema, { fnr }),
  husbankenBostotte: (fnr: string) => request(paths.husbankenBostotte, husbankenBostotteSchema, { fnr }),
  /** The office of a municipality (cached, see OFFICE_CACHE_MS). */
  navKontor: (kommunenummer: string) => cachedOffice(`kommune:${kommunenummer}`, () => request(paths.norgKontor, navKontorSchema, { query: { kommunenummer } })),
  /** An office by its number (cached, see OFFICE_CACHE_MS). */
  navEnhet: (enhetsnummer: string) => cachedOffice(`enhet:${enhetsnummer}`, () => request(paths.norgEnhet(enhetsnummer), navKontorSchema)),
  soknader: (fnr: string) => request(paths.soknader, soknadSummaryListSchema, { fnr }),
  innsyn: (fnr: string, fiksDigisosId: string) => request(paths.innsyn(fiksDigisosId), digisosSokerSchema, { fnr }),
  /** Sends a søknad. Safe to retry with the same idempotencyKey: the fagsystem answers with the søknad it already has. */
  sendSoknad: (fnr: string, body: SendSoknadRequest) => request(paths.sendSoknad, sendSoknadResponseSchema, { fnr, method: "POST", body, repeatable: true }),
  /** A file of one of the person's own søknader; someone else's file is not-found. */
  dokument: (fnr: string, id: string) => requestBytes(paths.dokumentlager(id), { fnr }),
  /** The person's files in mellomlagring for a draft, in upload order; another person's draft is empty. */
  mellomlagring: (fnr: string, draftId: string) => request(paths.mellomlagring(draftId), mellomlagringSchema, { fnr }).then((answer) => answer.filer),
  /** Adds a file to a draft's mellomlagring. Refusals: `duplicate`, `too-large`, or `rejected` (400: damaged, type mismatch). */
  lastOppMellomlagring: (fnr: string, draftId: string, file: VedleggUpload) => request(paths.mellomlagring(draftId), mellomlagretFilSchema, uploadOptions(fnr, file)),
  /** Removes a file from a draft's mellomlagring; not-found if it is not there (or not the person's). */
  slettMellomlagring: (fnr: string, draftId: string, fileId: string) => requestNoContent(paths.mellomlagringFil(draftId, fileId), { fnr, method: "DELETE" }),
  /** The vedlegg.json of one of the person's own søknader. */
  vedlegg: (fnr: string, fiksDigisosId: string) => request(paths.vedlegg(fiksDigisosId), vedleggJsonSchema, { fnr }),
  /** Sends one more file for a sent søknad (ettersendelse). Refusals as for lastOppMellomlagring. */
  ettersend: (fnr: string, fiksDigisosId: string, file: Ettersending) => request(paths.vedlegg(fiksDigisosId), vedleggFilSchema, uploadOptions(fnr, file)),
  /** All of the person's complaints, each with its event log. */
  klager: (fnr: string) => request(paths.klager, klageListSchema, { fnr }),
  /** Sends a complaint. Safe to retry with the same klageId: the fagsystem answers with the complaint it already has. */
  sendKlage: (fnr: string, body: SendKlageRequest) => request(paths.klager, klageSchema, { fnr, method: "POST", body, repeatable: true }),
  /** One more file for a complaint not yet decided; `rejected` with code "klage-avgjort" once it is. */
  ettersendKlage: (fnr: string, klageId: string, file: VedleggUpload) => request(paths.klageVedlegg(klageId), vedleggFilSchema, uploadOptions(fnr, file)),
  /** Withdraws a complaint; safe to repeat. `rejected` with code "klage-avgjort" when it is already decided. */
  trekkKlage: (fnr: string, klageId: string) => request(paths.trekkKlage(klageId), klageSchema, { fnr, method: "POST", body: {}, repeatable: true }),
  /** The person's conversations: the general one first, then one per søknad. */
  samtaler: (fnr: string) => request(paths.samtaler, samtaleListSchema, { fnr }),
  /** One page of a conversation, newest first; `foer` gives the page older than that message. Another person's is not-found. */
  samtale: (fnr: string, samtaleId: string, foer?: string) => request(paths.samtale(samtaleId), samtaleSideSchema, { fnr, query: foer ? { foer } : {} }),
  /** Writes a message. Safe to retry with the same meldingId: the fagsystem answers with the message it already has. */
  sendMelding: (fnr: string, samtaleId: string, body: SendMeldingRequest) =>
    request(paths.samtaleMeldinger(samtaleId), meldingSchema, { fnr, method: "POST", body, repeatable: true }),
  /** The person has read the office's messages in the conversation so far. */
  markerLest: (fnr: string, samtaleId: string) => requestNoContent(paths.samtaleLest(samtaleId), { fnr, method: "POST", body: {}, repeatable: true }),
  /** The person's requests for economic advice, newest first. */
  radgivninger: (fnr: string) => request(paths.radgivning, radgivningListSchema, { fnr }),
  /** Asks the person's office for economic advice. Safe to retry with the same radgivningId: the fagsystem answers with the request it already has. */
  sendRadgivning: (fnr: string, body: SendRadgivningRequest) => request(paths.radgivning, radgivningSchema, { fnr, method: "POST", body, repeatable: true }),
  /** The person's call-back requests, newest first: state, deadline, overdue, and the office's calls. */
  ringTilbake: (fnr: string) => request(paths.ringTilbake, ringTilbakeListSchema, { fnr }),
  /**
   * Asks the person's office to call them back (a contact-centre advisor files it). Safe to retry
   * with the same ringTilbakeId: the fagsystem answers with the request it already has.
   * `rejected` with code "no-nav-kontor" when the person has no office (no address).
   */
  sendRingTilbake: (fnr: string, body: SendRingTilbakeRequest) => request(paths.ringTilbake, ringTilbakeSchema, { fnr, method: "POST", body, repeatable: true }),
  /** Per office, the last RINGTILBAKE_RAPPORT_DAGER days of call-back requests: how many, the share called in time, the median time to the first call. */
  ringTilbakeRapport: () => request(paths.ringTilbakeRapport, ringTilbakeRapportSchema),
};
