/**
 * msw handlers for attachments: mellomlagring (files uploaded for a draft before it is sent),
 * the vedlegg.json of a sent søknad, and ettersendelse (one more file after sending). A file
 * travels as the raw request body, described by the VEDLEGG_HEADERS. Like the rest of the mock,
 * the person comes from the header only, and someone else's draft or søknad looks empty or missing.
 */
import { createHash, randomUUID } from "node:crypto";
import { http, HttpResponse, type RequestHandler } from "msw";
import { z } from "zod";
import {
  MAX_SOKNAD_PDF_BYTES,
  VEDLEGG_HEADERS,
  paths,
  vedleggMimetypeSchema,
  type MellomlagretFil,
  type SendVedlegg,
  type Vedlegg,
  type VedleggFil,
} from "../app/fagsystem/contract";
import type { MockState, PersonRecord, StoredFile } from "./personas";
import type { MockStore } from "./state";

const MB = 1024 * 1024;
/** Per file, as NAV's own application. */
export const MAX_VEDLEGG_FILE_BYTES = 10 * MB;
/** All files of one draft, and all attachments of one søknad. */
export const MAX_VEDLEGG_TOTAL_BYTES = 150 * MB;

export const error = (status: number, code: string, message?: string) => HttpResponse.json({ error: code, ...(message ? { message } : {}) }, { status });
export const notFound = () => error(404, "not-found");

/** The body as JSON, or the 400 to answer; an empty body is `fallback`. */
export async function jsonBody(request: Request, fallback?: unknown): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === "" && fallback !== undefined) return fallback;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return error(400, "invalid-json", "The body must be JSON");
  }
}

const mellomlagringPattern = paths.mellomlagring("__draft__").replace("__draft__", ":draftId");
const mellomlagringFilPattern = paths.mellomlagringFil("__draft__", "__file__").replace("__draft__", ":draftId").replace("__file__", ":fileId");
const vedleggPattern = paths.vedlegg("__id__").replace("__id__", ":fiksDigisosId");

const draftIdSchema = z.string().uuid();
const MAGIC: Record<z.infer<typeof vedleggMimetypeSchema>, number[]> = {
  "application/pdf": [...Buffer.from("%PDF-", "latin1")],
  "image/jpeg": [0xff, 0xd8, 0xff],
};

/**
 * The whole body, but only up to one byte past the limit in memory: a larger body is still read
 * to its end (so the client, still sending, gets to see the 413) and reported as too large.
 */
async function readCapped(request: Request, limit: number): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total <= limit) chunks.push(value);
    }
  }
  return { bytes: Buffer.concat(chunks), tooLarge: total > limit };
}

export interface Upload {
  type: string;
  tilleggsinfo: string | null;
  filnavn: string;
  sha512: string;
  mimetype: z.infer<typeof vedleggMimetypeSchema>;
  bytes: Buffer;
  hendelseType: string | null;
  hendelseReferanse: string | null;
  sider: number | null;
}

const decoded = (value: string | null): string | null | undefined => {
  if (value === null) return null;
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
};
const hasControlChars = (value: string) => [...value].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f);

/** The file and its description from a raw-bytes request, or the 400/413/415 to answer instead. */
export async function readUpload(request: Request): Promise<Upload | Response> {
  const { bytes, tooLarge } = await readCapped(request, MAX_VEDLEGG_FILE_BYTES);
  if (tooLarge) return error(413, "too-large", `A file may be at most ${MAX_VEDLEGG_FILE_BYTES} bytes`);
  if (bytes.byteLength === 0) return error(400, "empty", "The body holds no file");

  const mimetype = vedleggMimetypeSchema.safeParse((request.headers.get("Content-Type") ?? "").split(";")[0]?.trim().toLowerCase());
  if (!mimetype.success) return error(415, "unsupported-type", "Content-Type must be application/pdf or image/jpeg");
  if (!MAGIC[mimetype.data].every((byte, index) => bytes[index] === byte)) return error(400, "content-mismatch", `The bytes are not ${mimetype.data}`);

  const header = (name: string) => request.headers.get(name);
  const type = header(VEDLEGG_HEADERS.type);
  if (!type || type.length > 100 || hasControlChars(type)) return error(400, "invalid-type", `${VEDLEGG_HEADERS.type} is required (1–100 characters)`);
  const filnavn = decoded(header(VEDLEGG_HEADERS.filnavn));
  if (!filnavn || filnavn.length > 255 || hasControlChars(filnavn)) return error(400, "invalid-filnavn", `${VEDLEGG_HEADERS.filnavn} is required, URI-encoded, 1–255 characters`);
  const tilleggsinfo = decoded(header(VEDLEGG_HEADERS.tilleggsinfo));
  if (tilleggsinfo === undefined || (tilleggsinfo && tilleggsinfo.length > 500)) return error(400, "invalid-tilleggsinfo", `${VEDLEGG_HEADERS.tilleggsinfo} must be URI-encoded, at most 500 characters`);
  const hendelseType = header(VEDLEGG_HEADERS.hendelseType);
  const hendelseReferanse = header(VEDLEGG_HEADERS.hendelseReferanse);
  for (const [name, value] of [
    [VEDLEGG_HEADERS.hendelseType, hendelseType],
    [VEDLEGG_HEADERS.hendelseReferanse, hendelseReferanse],
  ] as const) {
    if (value !== null && (value.length === 0 || value.length > 100)) return error(400, "invalid-hendelse", `${name} must be 1–100 characters`);
  }

  const siderHeader = header(VEDLEGG_HEADERS.sider);
  const sider = siderHeader === null ? null : Number(siderHeader);
  if (sider !== null && !(Number.isInteger(sider) && sider > 0 && sider <= 100_000)) return error(400, "invalid-sider", `${VEDLEGG_HEADERS.sider} must be a whole number of pages`);
  const sha512 = (header(VEDLEGG_HEADERS.sha512) ?? "").toLowerCase();
  if (!/^[0-9a-f]{128}$/.test(sha512)) return error(400, "invalid-sha512", `${VEDLEGG_HEADERS.sha512} must be the SHA-512 of the body in hex`);
  if (createHash("sha512").update(bytes).digest("hex") !== sha512) return error(400, "sha512-mismatch", "The body does not match its SHA-512: it was damaged on the way");

  return { type, tilleggsinfo: tilleggsinfo || null, filnavn, sha512, mimetype: mimetype.data, bytes, hendelseType, hendelseReferanse, sider };
}

export const storedFile = (fil: VedleggFil, tittel: string): StoredFile => ({ filnavn: fil.filnavn, tittel, mimetype: fil.mimetype, storrelse: fil.storrelse, sha512: fil.sha512 });

/** What is wrong with a set of files, if anything: one sha512 twice, or too many bytes together. */
export function refusal(existing: readonly VedleggFil[], fil: VedleggFil): Response | null {
  if (existing.some((other) => other.sha512 === fil.sha512)) return error(409, "duplicate", "This file is already uploaded");
  const total = existing.reduce((sum, other) => sum + other.storrelse, fil.storrelse);
  if (total > MAX_VEDLEGG_TOTAL_BYTES) return error(413, "total-too-large", `All files together may be at most ${MAX_VEDLEGG_TOTAL_BYTES} bytes`);
  return null;
}

const draftFiles = (state: MockState, fnr: string, draftId: string) => state.mellomlagring.filter((entry) => entry.fnr === fnr && entry.draftId === draftId);

/**
 * Sending a søknad: turns what the portal says about each document into vedlegg.json documents,
 * taking LastetOpp files out of the person's mellomlagring for this draft and registering them in
 * the dokumentlager. Called inside the store update that creates the søknad, so all of it happens
 * together or not at all: on a problem nothing is changed. Every mellomlagring entry of the draft
 * is dropped; `unused` are the ids of those no document took, whose bytes the caller removes.
 */
export function moveMellomlagringToVedlegg(
  state: MockState,
  fnr: string,
  draftId: string,
  documents: readonly SendVedlegg[],
): { problem: string } | { vedlegg: Vedlegg[]; unused: string[] } {
  const available = new Map(draftFiles(state, fnr, draftId).map((entry) => [entry.fil.id, entry.fil]));
  const taken = new Set<string>();
  const vedlegg: Vedlegg[] = [];
  for (const [index, document] of documents.entries()) {
    if (document.status === "LastetOpp" && document.filIder.length === 0) return { problem: `vedlegg.${index}: LastetOpp needs at least one file` };
    if (document.status !== "LastetOpp" && document.filIder.length > 0) return { problem: `vedlegg.${index}: only LastetOpp has files` };
    const filer: VedleggFil[] = [];
    for (const id of document.filIder) {
      const fil = available.get(id);
      if (!fil) return { problem: `vedlegg.${index}: no file ${id} in this draft's mellomlagring` };
      if (taken.has(id)) return { problem: `vedlegg.${index}: file ${id} is used twice` };
      taken.add(id);
      filer.push({ id: fil.id, filnavn: fil.filnavn, mimetype: fil.mimetype, storrelse: fil.storrelse, sha512: fil.sha512, lastetOpp: fil.lastetOpp, sider: fil.sider ?? null });
    }
    vedlegg.push({ type: document.type, tilleggsinfo: document.tilleggsinfo ?? null, status: document.status, hendelseType: null, hendelseReferanse: null, filer });
  }

  for (const document of vedlegg) for (const fil of document.filer) state.files[fil.id] = storedFile(fil, document.tilleggsinfo || document.type);
  state.mellomlagring = state.mellomlagring.filter((entry) => !(entry.fnr === fnr && entry.draftId === draftId));
  return { vedlegg, unused: [...available.keys()].filter((id) => !taken.has(id)) };
}

/**
 * Sending a complaint or a message: takes the listed files out of the person's mellomlagring under
 * the draft's id (the klageId, the meldingId) and registers them in the dokumentlager. Called
 * inside the store update that creates the complaint or message; on a problem nothing is changed. Every mellomlagring entry
 * of the draft is dropped; `unused` are the ids of those not listed, whose bytes the caller removes.
 */
export function takeFromMellomlagring(state: MockState, fnr: string, draftId: string, filIder: readonly string[]): { problem: string } | { filer: VedleggFil[]; unused: string[] } {
  const available = new Map(draftFiles(state, fnr, draftId).map((entry) => [entry.fil.id, entry.fil]));
  const filer: VedleggFil[] = [];
  for (const id of filIder) {
    const fil = available.get(id);
    if (!fil) return { problem: `filIder: no file ${id} in this draft's mellomlagring` };
    if (filer.some((taken) => taken.id === id)) return { problem: `filIder: file ${id} is listed twice` };
    filer.push({ id: fil.id, filnavn: fil.filnavn, mimetype: fil.mimetype, storrelse: fil.storrelse, sha512: fil.sha512, lastetOpp: fil.lastetOpp, sider: fil.sider ?? null });
  }
  for (const fil of filer) {
    const entry = available.get(fil.id);
    state.files[fil.id] = storedFile(fil, entry?.tilleggsinfo || entry?.type || fil.filnavn);
  }
  state.mellomlagring = state.mellomlagring.filter((entry) => !(entry.fnr === fnr && entry.draftId === draftId));
  return { filer, unused: [...available.keys()].filter((id) => !filer.some((fil) => fil.id === id)) };
}

/** An uploaded file as the dokumentlager will hold it, its bytes already on disk (registered by the caller's update). */
export async function writeUploadedFile(store: MockStore, upload: Upload): Promise<{ fil: VedleggFil; stored: StoredFile }> {
  const fil: VedleggFil = {
    id: randomUUID(),
    filnavn: upload.filnavn,
    mimetype: upload.mimetype,
    storrelse: upload.bytes.byteLength,
    sha512: upload.sha512,
    lastetOpp: new Date().toISOString(),
    sider: upload.sider,
  };
  const stored = await store.writeFileBytes(fil.id, { filnavn: fil.filnavn, tittel: upload.tilleggsinfo || upload.type, mimetype: fil.mimetype }, upload.bytes);
  return { fil, stored };
}

/**
 * What a søknad or complaint is sent with: its PDF (checked: a PDF, not too large) and its JSON,
 * written under fresh ids; the caller's update registers them, or discards them when unused.
 */
export async function writeSentDocuments(
  store: MockStore,
  input: { pdf: { filename: string; base64: string }; json: unknown; pdfTitle: string; jsonName: string; jsonTitle: string },
) {
  const pdf = Buffer.from(input.pdf.base64, "base64");
  if (pdf.byteLength > MAX_SOKNAD_PDF_BYTES) return error(400, "pdf-too-large", `The PDF may be at most ${MAX_SOKNAD_PDF_BYTES} bytes`);
  if (pdf.subarray(0, 5).toString("latin1") !== "%PDF-") return error(400, "invalid-pdf", "pdf.base64 is not a PDF");
  const pdfRef = { type: "dokumentlager" as const, id: randomUUID() };
  const jsonRef = { type: "dokumentlager" as const, id: randomUUID() };
  const [pdfFile, jsonFile] = await Promise.all([
    store.writeFileBytes(pdfRef.id, { filnavn: input.pdf.filename, tittel: input.pdfTitle, mimetype: "application/pdf" }, pdf),
    store.writeFileBytes(jsonRef.id, { filnavn: input.jsonName, tittel: input.jsonTitle, mimetype: "application/json" }, Buffer.from(JSON.stringify(input.json), "utf8")),
  ]);
  return { pdfRef, jsonRef, pdfFile, jsonFile };
}

export function createVedleggHandlers(store: MockStore, personOf: (request: Request) => PersonRecord | Response): RequestHandler[] {
  /** The person's own søknad, or null: someone else's is answered exactly like a missing one. */
  const ownSoknad = (person: PersonRecord, fiksDigisosId: string) => {
    const soknad = store.soknad(fiksDigisosId);
    return soknad && soknad.fnr === person.folkeregister.fnr ? soknad : null;
  };
  const sentWithKey = (fnr: string, key: string) => store.soknaderFor(fnr).some((soknad) => soknad.innsending?.idempotencyKey === key);
  /** A complaint's draft id is its klageId; a message's its meldingId. */
  const klageSent = (fnr: string, klageId: string) => store.klage(klageId)?.fnr === fnr;
  const meldingSent = (fnr: string, meldingId: string) => store.melding(meldingId)?.fnr === fnr;

  return [
    http.get(mellomlagringPattern, ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const draftId = String(params.draftId);
      if (!draftIdSchema.safeParse(draftId).success) return error(400, "invalid-draft-id", "The draft id must be a uuid");
      const filer = store.mellomlagringFor(person.folkeregister.fnr, draftId);
      return HttpResponse.json({ filer });
    }),

    http.post(mellomlagringPattern, async ({ request, params }) => {
      const upload = await readUpload(request);
      const person = personOf(request);
      if (person instanceof Response) return person;
      const fnr = person.folkeregister.fnr;
      const draftId = String(params.draftId);
      if (!draftIdSchema.safeParse(draftId).success) return error(400, "invalid-draft-id", "The draft id must be a uuid");
      if (upload instanceof Response) return upload;
      if (sentWithKey(fnr, draftId)) return error(409, "already-sent", "This draft is already sent: send the file as an ettersendelse");
      if (klageSent(fnr, draftId)) return error(409, "already-sent", "This complaint is already sent: send the file to the complaint (klageVedlegg)");
      if (meldingSent(fnr, draftId)) return error(409, "already-sent", "This message is already sent: write a new one");

      const fil: MellomlagretFil = {
        id: randomUUID(),
        filnavn: upload.filnavn,
        mimetype: upload.mimetype,
        storrelse: upload.bytes.byteLength,
        sha512: upload.sha512,
        lastetOpp: new Date().toISOString(),
        sider: upload.sider,
        type: upload.type,
        tilleggsinfo: upload.tilleggsinfo,
      };
      // Bytes first, unregistered; the update decides whether the entry is added.
      await store.writeFileBytes(fil.id, { filnavn: fil.filnavn, tittel: fil.type, mimetype: fil.mimetype }, upload.bytes);
      const refused = await store.update((state) => {
        const problem = refusal(
          draftFiles(state, fnr, draftId).map((entry) => entry.fil),
          fil,
        );
        if (!problem) state.mellomlagring.push({ fnr, draftId, fil });
        return problem;
      });
      if (refused) {
        await store.discardFileBytes(fil.id);
        return refused;
      }
      return HttpResponse.json(fil, { status: 201 });
    }),

    http.delete(mellomlagringFilPattern, async ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const fnr = person.folkeregister.fnr;
      const draftId = String(params.draftId);
      const fileId = String(params.fileId);
      const removed = await store.update((state) => {
        const index = state.mellomlagring.findIndex((entry) => entry.fnr === fnr && entry.draftId === draftId && entry.fil.id === fileId);
        if (index === -1) return false;
        state.mellomlagring.splice(index, 1);
        return true;
      });
      if (!removed) return notFound();
      await store.discardFileBytes(fileId);
      return new HttpResponse(null, { status: 204 });
    }),

    http.get(vedleggPattern, ({ request, params }) => {
      const person = personOf(request);
      if (person instanceof Response) return person;
      const soknad = ownSoknad(person, String(params.fiksDigisosId));
      if (!soknad) return notFound();
      return HttpResponse.json({ vedlegg: soknad.vedlegg ?? [] });
    }),

    http.post(vedleggPattern, async ({ request, params }) => {
      const upload = await readUpload(request);
      const person = personOf(request);
      if (person instanceof Response) return person;
      const fiksDigisosId = String(params.fiksDigisosId);
      if (!ownSoknad(person, fiksDigisosId)) return notFound();
      if (upload instanceof Response) return upload;

      const { fil, stored } = await writeUploadedFile(store, upload);
      const refused = await store.update((state) => {
        const soknad = state.soknader.find((candidate) => candidate.fiksDigisosId === fiksDigisosId);
        if (!soknad) return notFound();
        const vedlegg = (soknad.vedlegg ??= []);
        const problem = refusal(
          vedlegg.flatMap((document) => document.filer),
          fil,
        );
        if (problem) return problem;
        const document = vedlegg.find((candidate) => candidate.type === upload.type && (candidate.hendelseReferanse ?? null) === upload.hendelseReferanse);
        if (document) {
          document.filer.push(fil);
          document.status = "LastetOpp"; // a document that was to come later now has its file
          document.hendelseType ??= upload.hendelseType;
        } else {
          vedlegg.push({
            type: upload.type,
            tilleggsinfo: upload.tilleggsinfo,
            status: "LastetOpp",
            hendelseType: upload.hendelseType,
            hendelseReferanse: upload.hendelseReferanse,
            filer: [fil],
          });
        }
        state.files[fil.id] = stored;
        return null;
      });
      if (refused) {
        await store.discardFileBytes(fil.id);
        return refused;
      }
      return HttpResponse.json(fil, { status: 201 });
    }),
  ];
}
