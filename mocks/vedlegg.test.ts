import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  PERSON_HEADER,
  VEDLEGG_HEADERS,
  errorBodySchema,
  folkeregisterPersonSchema,
  mellomlagretFilSchema,
  mellomlagringSchema,
  navKontorSchema,
  paths,
  sendSoknadResponseSchema,
  vedleggFilSchema,
  vedleggJsonSchema,
  type SendSoknadRequest,
} from "../app/fagsystem/contract";
import { placeholderPdf } from "./pdf";
import { FILES_DIR } from "./state";
import { startTestMock, type TestMock } from "./test-support";
import { MAX_VEDLEGG_FILE_BYTES } from "./vedlegg-handlers";

let t: TestMock;

beforeAll(async () => {
  t = await startTestMock();
});

afterAll(async () => {
  await t?.close();
});

const fnrOf = (id: string) => t.user(id).fnr;
const sha512 = (bytes: Uint8Array) => createHash("sha512").update(bytes).digest("hex");
const pdf = (text: string) => Buffer.from(placeholderPdf(text, ["Åse Ødegård"]));
const jpeg = (seed: string) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(seed), Buffer.from([0xff, 0xd9])]);

interface UploadOptions {
  fnr: string;
  bytes: Uint8Array;
  contentType?: string;
  type?: string;
  tilleggsinfo?: string;
  filnavn?: string;
  sha512?: string;
  hendelseType?: string;
  hendelseReferanse?: string;
}

/** One file as the portal sends it: raw bytes, described by headers. */
function upload(pathname: string, options: UploadOptions): Promise<Response> {
  const headers: Record<string, string> = {
    [PERSON_HEADER]: options.fnr,
    "Content-Type": options.contentType ?? "application/pdf",
    [VEDLEGG_HEADERS.type]: options.type ?? "husleie|kontrakt",
    [VEDLEGG_HEADERS.filnavn]: encodeURIComponent(options.filnavn ?? "leiekontrakt æøå.pdf"),
    [VEDLEGG_HEADERS.sha512]: options.sha512 ?? sha512(options.bytes),
  };
  if (options.tilleggsinfo !== undefined) headers[VEDLEGG_HEADERS.tilleggsinfo] = encodeURIComponent(options.tilleggsinfo);
  if (options.hendelseType !== undefined) headers[VEDLEGG_HEADERS.hendelseType] = options.hendelseType;
  if (options.hendelseReferanse !== undefined) headers[VEDLEGG_HEADERS.hendelseReferanse] = options.hendelseReferanse;
  return fetch(new URL(pathname, t.mock.url), { method: "POST", headers, body: Uint8Array.from(options.bytes) });
}

async function uploadOk(draftId: string, options: UploadOptions) {
  const response = await upload(paths.mellomlagring(draftId), options);
  expect(response.status, await response.clone().text()).toBe(201);
  return mellomlagretFilSchema.parse(await response.json());
}

async function listed(draftId: string, fnr: string) {
  return mellomlagringSchema.parse(await t.json(paths.mellomlagring(draftId), fnr)).filer;
}

const onDisk = async (id: string) =>
  fs.access(path.join(t.dataDir, FILES_DIR, id)).then(
    () => true,
    () => false,
  );

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  if (code) expect(body.error).toBe(code);
}

async function officeOf(fnr: string): Promise<string> {
  const person = folkeregisterPersonSchema.parse(await t.json(paths.folkeregisterPerson, fnr));
  const office = navKontorSchema.parse(await t.json(`${paths.norgKontor}?kommunenummer=${person.bostedsadresse?.kommunenummer}`));
  return office.enhetsnummer;
}

async function sendBody(fnr: string, draftId: string, vedlegg: SendSoknadRequest["vedlegg"]): Promise<SendSoknadRequest> {
  return {
    idempotencyKey: draftId,
    navEnhet: await officeOf(fnr),
    urgent: false,
    language: "nb",
    soknad: { version: "1.0.0" },
    vedlegg,
    pdf: { filename: "søknad.pdf", base64: pdf("Søknad").toString("base64") },
  };
}

const send = (fnr: string, body: unknown) => t.call(paths.sendSoknad, { fnr, method: "POST", body });

describe("mellomlagring", () => {
  it("keeps a draft's files in upload order and deletes one with its bytes", async () => {
    const fnr = fnrOf("forstegang");
    const draftId = randomUUID();
    expect(await listed(draftId, fnr)).toEqual([]);

    const before = Date.now();
    const first = await uploadOk(draftId, { fnr, bytes: pdf("kontrakt"), tilleggsinfo: "Leiekontrakt for hybel på Grünerløkka" });
    expect(first).toMatchObject({
      filnavn: "leiekontrakt æøå.pdf",
      mimetype: "application/pdf",
      storrelse: pdf("kontrakt").byteLength,
      sha512: sha512(pdf("kontrakt")),
      type: "husleie|kontrakt",
      tilleggsinfo: "Leiekontrakt for hybel på Grünerløkka",
    });
    expect(Date.parse(first.lastetOpp)).toBeGreaterThanOrEqual(before - 1000);
    const second = await uploadOk(draftId, { fnr, bytes: jpeg("kvittering"), contentType: "image/jpeg", type: "annet|annet", filnavn: "kvittering.jpg" });
    expect(second).toMatchObject({ mimetype: "image/jpeg", type: "annet|annet", tilleggsinfo: null });

    expect(await listed(draftId, fnr)).toEqual([first, second]);
    expect(await onDisk(first.id)).toBe(true);

    const deleted = await t.call(paths.mellomlagringFil(draftId, first.id), { fnr, method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect(await listed(draftId, fnr)).toEqual([second]);
    expect(await onDisk(first.id)).toBe(false);
    expect((await t.call(paths.mellomlagringFil(draftId, first.id), { fnr, method: "DELETE" })).status).toBe(404);
  });

  it("refuses a damaged, mislabelled, duplicate or too large file", async () => {
    const fnr = fnrOf("aleneforelder");
    const draftId = randomUUID();
    const bytes = pdf("lønnsslipp");
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes, sha512: sha512(pdf("something else")) }), 400, "sha512-mismatch");
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes, contentType: "image/jpeg" }), 400, "content-mismatch");
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes: jpeg("x"), contentType: "application/pdf" }), 400, "content-mismatch");
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes: Buffer.from("hello"), contentType: "text/plain" }), 415);
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes: Buffer.alloc(0) }), 400, "empty");
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes, type: "" }), 400);
    await expectError(await upload(paths.mellomlagring("not-a-uuid"), { fnr, bytes }), 400, "invalid-draft-id");
    const noFilnavn = await fetch(new URL(paths.mellomlagring(draftId), t.mock.url), {
      method: "POST",
      headers: { [PERSON_HEADER]: fnr, "Content-Type": "application/pdf", [VEDLEGG_HEADERS.type]: "annet|annet", [VEDLEGG_HEADERS.sha512]: sha512(bytes) },
      body: bytes,
    });
    await expectError(noFilnavn, 400, "invalid-filnavn");

    await uploadOk(draftId, { fnr, bytes });
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes, filnavn: "same bytes, other name.pdf" }), 409, "duplicate");
    // The same file for another draft is fine.
    await uploadOk(randomUUID(), { fnr, bytes });

    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_VEDLEGG_FILE_BYTES)]);
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes: big }), 413, "too-large");
    expect(await listed(draftId, fnr)).toHaveLength(1);
  });

  it("shows a draft to its own person only", async () => {
    const owner = fnrOf("forstegang");
    const other = fnrOf("avslag");
    const draftId = randomUUID();
    const fil = await uploadOk(draftId, { fnr: owner, bytes: pdf("privat") });

    expect(await listed(draftId, other)).toEqual([]);
    expect((await t.call(paths.mellomlagringFil(draftId, fil.id), { fnr: other, method: "DELETE" })).status).toBe(404);
    // Another person's space under the same draft id is their own: the same bytes are no duplicate there.
    await uploadOk(draftId, { fnr: other, bytes: pdf("privat") });
    expect((await listed(draftId, owner)).map((file) => file.id)).toEqual([fil.id]);
    expect(await onDisk(fil.id)).toBe(true);
    expect((await t.call(paths.mellomlagring(draftId))).status).toBe(400); // no person
  });
});

describe("sending with vedlegg", () => {
  it("moves the draft's files into vedlegg.json, readable by the owner only, and a retry changes nothing", async () => {
    const fnr = fnrOf("nylig-hjelp");
    const draftId = randomUUID();
    const kontrakt = await uploadOk(draftId, { fnr, bytes: pdf("kontrakt 1"), tilleggsinfo: "Husleie" });
    const side2 = await uploadOk(draftId, { fnr, bytes: jpeg("side 2"), contentType: "image/jpeg", filnavn: "side2.jpg" });
    const forgotten = await uploadOk(draftId, { fnr, bytes: pdf("not used"), type: "annet|annet" });

    const body = await sendBody(fnr, draftId, [
      { type: "husleie|kontrakt", tilleggsinfo: "Husleie", status: "LastetOpp", filIder: [kontrakt.id, side2.id] },
      { type: "lonnslipp|arbeid", status: "VedleggKreves", filIder: [] },
      { type: "skattemelding|skattemelding", tilleggsinfo: null, status: "VedleggAlleredeSendt", filIder: [] },
    ]);
    const response = await send(fnr, body);
    expect(response.status).toBe(201);
    const sent = sendSoknadResponseSchema.parse(await response.json());

    const strip = ({ type: _type, tilleggsinfo: _tilleggsinfo, ...fil }: typeof kontrakt) => fil;
    const expected = {
      vedlegg: [
        { type: "husleie|kontrakt", tilleggsinfo: "Husleie", status: "LastetOpp", hendelseType: null, hendelseReferanse: null, filer: [strip(kontrakt), strip(side2)] },
        { type: "lonnslipp|arbeid", tilleggsinfo: null, status: "VedleggKreves", hendelseType: null, hendelseReferanse: null, filer: [] },
        { type: "skattemelding|skattemelding", tilleggsinfo: null, status: "VedleggAlleredeSendt", hendelseType: null, hendelseReferanse: null, filer: [] },
      ],
    };
    expect(vedleggJsonSchema.parse(await t.json(paths.vedlegg(sent.fiksDigisosId), fnr))).toEqual(expected);

    // The draft is empty; the unused file's bytes are gone, the moved files' bytes stay.
    expect(await listed(draftId, fnr)).toEqual([]);
    expect(await onDisk(forgotten.id)).toBe(false);

    const file = await t.call(paths.dokumentlager(side2.id), { fnr });
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await file.arrayBuffer())).toEqual(jpeg("side 2"));
    expect((await t.call(paths.dokumentlager(kontrakt.id), { fnr: fnrOf("innvilget") })).status).toBe(404);
    expect((await t.call(paths.vedlegg(sent.fiksDigisosId), { fnr: fnrOf("innvilget") })).status).toBe(404);

    // A retry with the same key: the same søknad, nothing moved or duplicated.
    const again = await send(fnr, body);
    expect(again.status).toBe(200);
    expect(sendSoknadResponseSchema.parse(await again.json())).toEqual(sent);
    expect(vedleggJsonSchema.parse(await t.json(paths.vedlegg(sent.fiksDigisosId), fnr))).toEqual(expected);
    expect(t.mock.state.soknaderFor(fnr).filter((soknad) => soknad.innsending?.idempotencyKey === draftId)).toHaveLength(1);

    // The draft is sent: a late upload to it is refused instead of being lost.
    await expectError(await upload(paths.mellomlagring(draftId), { fnr, bytes: pdf("late") }), 409, "already-sent");
  });

  it("refuses files that are not the person's own for this draft, and creates nothing", async () => {
    const fnr = fnrOf("under-behandling");
    const draftId = randomUUID();
    const own = await uploadOk(draftId, { fnr, bytes: pdf("own") });
    const otherDraft = await uploadOk(randomUUID(), { fnr, bytes: pdf("other draft") });
    const othersFile = await uploadOk(draftId, { fnr: fnrOf("forstegang"), bytes: pdf("someone else") });
    const soknaderBefore = t.mock.state.soknaderFor(fnr).length;

    for (const vedlegg of [
      [{ type: "a|b", status: "LastetOpp" as const, filIder: [otherDraft.id] }],
      [{ type: "a|b", status: "LastetOpp" as const, filIder: [othersFile.id] }],
      [{ type: "a|b", status: "LastetOpp" as const, filIder: [randomUUID()] }],
      [{ type: "a|b", status: "LastetOpp" as const, filIder: [own.id, own.id] }],
      [{ type: "a|b", status: "LastetOpp" as const, filIder: [] }],
      [{ type: "a|b", status: "VedleggKreves" as const, filIder: [own.id] }],
    ]) {
      await expectError(await send(fnr, await sendBody(fnr, draftId, vedlegg)), 400, "invalid-vedlegg");
    }
    expect(t.mock.state.soknaderFor(fnr)).toHaveLength(soknaderBefore);
    expect((await listed(draftId, fnr)).map((file) => file.id)).toEqual([own.id]);
    expect(await onDisk(own.id)).toBe(true);
  });
});

describe("ettersendelse", () => {
  async function sentSoknad(fnr: string) {
    const draftId = randomUUID();
    const kontrakt = await uploadOk(draftId, { fnr, bytes: pdf(`kontrakt ${draftId}`) });
    const response = await send(fnr, await sendBody(fnr, draftId, [{ type: "husleie|kontrakt", status: "LastetOpp", filIder: [kontrakt.id] }]));
    expect(response.status).toBe(201);
    return sendSoknadResponseSchema.parse(await response.json()).fiksDigisosId;
  }

  it("appends a file to the document it answers, with when it arrived", async () => {
    const fnr = fnrOf("forstegang");
    const id = await sentSoknad(fnr);
    const before = Date.now();
    const answer = await upload(paths.vedlegg(id), {
      fnr,
      bytes: pdf("lønnsslipp mars"),
      type: "lonnslipp|arbeid",
      tilleggsinfo: "Lønnsslipp",
      filnavn: "lønn mars.pdf",
      hendelseType: "dokumentasjonEtterspurt",
      hendelseReferanse: "ref-lonn",
    });
    expect(answer.status).toBe(201);
    const first = vedleggFilSchema.parse(await answer.json());
    expect(first).toMatchObject({ filnavn: "lønn mars.pdf", mimetype: "application/pdf", sha512: sha512(pdf("lønnsslipp mars")) });
    expect(Date.parse(first.lastetOpp)).toBeGreaterThanOrEqual(before - 1000);

    const secondAnswer = await upload(paths.vedlegg(id), { fnr, bytes: jpeg("lønn april"), contentType: "image/jpeg", type: "lonnslipp|arbeid", hendelseReferanse: "ref-lonn" });
    expect(secondAnswer.status).toBe(201);
    const second = vedleggFilSchema.parse(await secondAnswer.json());
    // Same type and no request: it joins the document sent with the søknad.
    const husleie = await upload(paths.vedlegg(id), { fnr, bytes: pdf("kvittering husleie"), type: "husleie|kontrakt" });
    expect(husleie.status).toBe(201);
    const third = vedleggFilSchema.parse(await husleie.json());

    const { vedlegg } = vedleggJsonSchema.parse(await t.json(paths.vedlegg(id), fnr));
    expect(vedlegg).toHaveLength(2);
    expect(vedlegg[0]).toMatchObject({ type: "husleie|kontrakt", status: "LastetOpp", hendelseReferanse: null });
    expect(vedlegg[0]?.filer.at(-1)).toEqual(third);
    expect(vedlegg[1]).toEqual({
      type: "lonnslipp|arbeid",
      tilleggsinfo: "Lønnsslipp",
      status: "LastetOpp",
      hendelseType: "dokumentasjonEtterspurt",
      hendelseReferanse: "ref-lonn",
      filer: [first, second],
    });

    const file = await t.call(paths.dokumentlager(second.id), { fnr });
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer())).toEqual(jpeg("lønn april"));

    // A file already among the søknad's vedlegg (also the one sent with it) is a duplicate.
    await expectError(await upload(paths.vedlegg(id), { fnr, bytes: pdf("lønnsslipp mars"), type: "annet|annet" }), 409, "duplicate");
    await expectError(await upload(paths.vedlegg(id), { fnr, bytes: pdf(`kontrakt x`), sha512: sha512(pdf("y")) }), 400, "sha512-mismatch");
    expect(vedleggJsonSchema.parse(await t.json(paths.vedlegg(id), fnr)).vedlegg.flatMap((document) => document.filer)).toHaveLength(4);
  });

  it("is for the owner only", async () => {
    const owner = fnrOf("aleneforelder");
    const id = await sentSoknad(owner);
    const stranger = fnrOf("innvilget");
    await expectError(await upload(paths.vedlegg(id), { fnr: stranger, bytes: pdf("not mine") }), 404, "not-found");
    await expectError(await upload(paths.vedlegg(randomUUID()), { fnr: owner, bytes: pdf("nowhere") }), 404, "not-found");
    expect((await t.call(paths.vedlegg(id), { fnr: stranger })).status).toBe(404);
    expect(vedleggJsonSchema.parse(await t.json(paths.vedlegg(id), owner)).vedlegg.flatMap((document) => document.filer)).toHaveLength(1);
  });

  it("gives seeded søknader an empty vedlegg.json", async () => {
    const fnr = fnrOf("avslag");
    const [soknad] = t.mock.state.soknaderFor(fnr);
    expect(await t.json(paths.vedlegg(soknad?.fiksDigisosId ?? ""), fnr)).toEqual({ vedlegg: [] });
  });
});

describe("the portal's client against the mock", () => {
  it("uploads, lists, deletes, sends and ettersender, and names the refusals", async () => {
    process.env.FAGSYSTEM_URL = t.mock.url;
    process.env.MOCKS = "true";
    const { fagsystem } = await import("../app/fagsystem/client.server");
    const fnr = fnrOf("innvilget");
    const draftId = randomUUID();
    const file = (text: string) => ({ type: "husleie|kontrakt", tilleggsinfo: "Husleie for mars – Tøyen", filnavn: `${text} æøå.pdf`, sha512: sha512(pdf(text)), mimetype: "application/pdf" as const, bytes: pdf(text) });

    const first = await fagsystem.lastOppMellomlagring(fnr, draftId, file("a"));
    expect(first).toMatchObject({ filnavn: "a æøå.pdf", tilleggsinfo: "Husleie for mars – Tøyen" });
    const second = await fagsystem.lastOppMellomlagring(fnr, draftId, file("b"));
    expect(await fagsystem.mellomlagring(fnr, draftId)).toEqual([first, second]);
    await expect(fagsystem.lastOppMellomlagring(fnr, draftId, file("a"))).rejects.toMatchObject({ name: "FagsystemError", kind: "duplicate", status: 409 });
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(MAX_VEDLEGG_FILE_BYTES)]);
    await expect(fagsystem.lastOppMellomlagring(fnr, draftId, { ...file("c"), bytes: big, sha512: sha512(big) })).rejects.toMatchObject({ kind: "too-large", code: "too-large" });
    await expect(fagsystem.lastOppMellomlagring(fnr, draftId, { ...file("d"), sha512: sha512(pdf("e")) })).rejects.toMatchObject({ kind: "rejected", status: 400, code: "sha512-mismatch" });

    await fagsystem.slettMellomlagring(fnr, draftId, second.id);
    expect(await fagsystem.mellomlagring(fnr, draftId)).toEqual([first]);
    await expect(fagsystem.slettMellomlagring(fnr, draftId, second.id)).rejects.toMatchObject({ kind: "not-found" });

    const sent = await fagsystem.sendSoknad(fnr, await sendBody(fnr, draftId, [{ type: "husleie|kontrakt", status: "LastetOpp", filIder: [first.id] }]));
    const ettersendt = await fagsystem.ettersend(fnr, sent.fiksDigisosId, { ...file("f"), type: "lonnslipp|arbeid", hendelseType: "dokumentasjonEtterspurt", hendelseReferanse: "ref-1" });
    const { vedlegg } = await fagsystem.vedlegg(fnr, sent.fiksDigisosId);
    expect(vedlegg.map((document) => [document.type, document.hendelseReferanse, document.filer.map((fil) => fil.id)])).toEqual([
      ["husleie|kontrakt", null, [first.id]],
      ["lonnslipp|arbeid", "ref-1", [ettersendt.id]],
    ]);
    await expect(fagsystem.vedlegg(fnrOf("avslag"), sent.fiksDigisosId)).rejects.toMatchObject({ kind: "not-found" });
  });
});

describe("innsyn", () => {
  it("shows files sent after the søknad as deliveries, and the page survives a failing vedlegg.json", async () => {
    process.env.FAGSYSTEM_URL = t.mock.url;
    process.env.MOCKS = "true";
    const { loadOverview } = await import("../app/innsyn/innsyn.server");
    const fnr = fnrOf("mindrearig");
    const draftId = randomUUID();
    const withSoknad = await uploadOk(draftId, { fnr, bytes: pdf("with the søknad") });
    const sent = sendSoknadResponseSchema.parse(await (await send(fnr, await sendBody(fnr, draftId, [{ type: "husleie|kontrakt", status: "LastetOpp", filIder: [withSoknad.id] }]))).json());
    expect((await upload(paths.vedlegg(sent.fiksDigisosId), { fnr, bytes: pdf("later"), hendelseReferanse: "ref-9" })).status).toBe(201);

    const delivered = async () => {
      const overview = await loadOverview(fnr, new Date());
      if (overview.kind !== "ok") throw new Error("overview unavailable");
      return overview.soknader.find((soknad) => soknad.id === sent.fiksDigisosId)?.view?.timeline.filter((entry) => entry.kind === "dokumentasjon-levert");
    };
    expect(await delivered()).toEqual([{ at: expect.any(String), kind: "dokumentasjon-levert", antall: 1 }]);

    const fault = await t.call("/mock/faults", { method: "PUT", body: { path: paths.vedlegg(sent.fiksDigisosId), status: 503 } });
    expect(fault.status).toBe(201);
    try {
      expect(await delivered()).toEqual([]);
    } finally {
      await t.call("/mock/faults", { method: "DELETE" });
    }
  });
});
