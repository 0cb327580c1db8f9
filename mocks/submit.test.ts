import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  PERSON_HEADER,
  digisosSokerSchema,
  errorBodySchema,
  folkeregisterPersonSchema,
  navKontorSchema,
  paths,
  sendSoknadResponseSchema,
  soknadSummaryListSchema,
  type SendSoknadRequest,
} from "../app/fagsystem/contract";
import { placeholderPdf } from "./pdf";
import { startFagsystemMock, type FagsystemMock } from "./server";
import { FILES_DIR } from "./state";

const NOW = new Date("2025-03-10T10:00:00Z");
const testUserSchema = z.array(z.object({ id: z.string(), fnr: z.string().regex(/^\d{11}$/) }));

let dataDir: string;
let mock: FagsystemMock;
let users: z.infer<typeof testUserSchema>;

function call(pathname: string, init: { fnr?: string; method?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.fnr) headers[PERSON_HEADER] = init.fnr;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(new URL(pathname, mock.url), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

async function json(pathname: string, fnr?: string): Promise<unknown> {
  const response = await call(pathname, { fnr });
  expect(response.status, pathname).toBe(200);
  return response.json();
}

const fnrOf = (id: string) => {
  const found = users.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no test user ${id}`);
  return found.fnr;
};

/** The NAV office of the person's registered address, as the portal would find it. */
async function officeOf(fnr: string): Promise<string> {
  const person = folkeregisterPersonSchema.parse(await json(paths.folkeregisterPerson, fnr));
  const office = navKontorSchema.parse(await json(`${paths.norgKontor}?kommunenummer=${person.bostedsadresse?.kommunenummer}`));
  return office.enhetsnummer;
}

function sendBody(navEnhet: string, overrides: Partial<SendSoknadRequest> = {}): SendSoknadRequest {
  return {
    idempotencyKey: randomUUID(),
    navEnhet,
    urgent: false,
    language: "nb",
    soknad: { version: "1.0.0", data: { begrunnelse: { hvorforSoke: "Trenger hjelp til mat og husleie, særlig før lønn." } } },
    pdf: { filename: "søknad.pdf", base64: Buffer.from(placeholderPdf("Søknad om økonomisk sosialhjelp", ["Åse Ødegård"])).toString("base64") },
    ...overrides,
  };
}

const send = (fnr: string, body: unknown) => call(paths.sendSoknad, { fnr, method: "POST", body });

async function soknadIds(fnr: string) {
  return soknadSummaryListSchema.parse(await json(paths.soknader, fnr)).map((soknad) => soknad.fiksDigisosId);
}

/** Registered files and files on disk must match: a lost race leaves no orphan bytes behind. */
async function fileCounts() {
  const onDisk = (await fs.readdir(path.join(dataDir, FILES_DIR))).filter((name) => !name.includes(".tmp"));
  const state = JSON.parse(await fs.readFile(path.join(dataDir, "fagsystem-mock.json"), "utf8")) as { files: Record<string, unknown> };
  return { onDisk: onDisk.length, registered: Object.keys(state.files).length };
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "fagsystem-submit-"));
  mock = await startFagsystemMock({ port: 0, dataDir, now: () => NOW });
  users = testUserSchema.parse(await json("/mock/testbrukere"));
});

afterAll(async () => {
  await mock?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("sending a søknad", () => {
  it("creates the søknad with MOTTATT and tildeltNavKontor at the same moment, MOTTATT first", async () => {
    const fnr = fnrOf("forstegang");
    const navEnhet = await officeOf(fnr);
    const before = Date.now();
    const body = sendBody(navEnhet, { urgent: true });
    const response = await send(fnr, body);
    expect(response.status).toBe(201);
    const sent = sendSoknadResponseSchema.parse(await response.json());
    expect(sent.navEnhet).toBe(navEnhet);
    expect(Date.parse(sent.mottattTidspunkt)).toBeGreaterThanOrEqual(before - 1000);

    const summaries = soknadSummaryListSchema.parse(await json(paths.soknader, fnr));
    expect(summaries).toEqual([
      {
        fiksDigisosId: sent.fiksDigisosId,
        sendtTidspunkt: sent.mottattTidspunkt,
        sistOppdatert: sent.mottattTidspunkt,
        navKontor: navEnhet,
        kanal: "DIGITAL",
        soknadPdf: { type: "dokumentlager", id: expect.any(String) },
      },
    ]);
    // The søknad's own PDF is listed, and its owner can fetch it.
    const ownPdf = await call(paths.dokumentlager(summaries[0]!.soknadPdf!.id), { fnr });
    expect(ownPdf.status).toBe(200);
    expect(ownPdf.headers.get("content-type")).toBe("application/pdf");

    const log = digisosSokerSchema.parse(await json(paths.innsyn(sent.fiksDigisosId), fnr));
    expect(log.hendelser).toEqual([
      { type: "soknadsStatus", hendelsestidspunkt: sent.mottattTidspunkt, status: "MOTTATT" },
      { type: "tildeltNavKontor", hendelsestidspunkt: sent.mottattTidspunkt, navKontor: navEnhet },
    ]);

    const record = mock.state.soknad(sent.fiksDigisosId);
    expect(record?.innsending).toMatchObject({ idempotencyKey: body.idempotencyKey, urgent: true, language: "nb", navEnhet });

    // Both files are in the dokumentlager and readable by the applicant.
    const pdf = await call(paths.dokumentlager(record?.innsending?.pdf.id ?? ""), { fnr });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toContain("filename*=UTF-8''s%C3%B8knad.pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).toString("base64")).toBe(body.pdf.base64);
    const soknadJson = await call(paths.dokumentlager(record?.innsending?.soknadJson.id ?? ""), { fnr });
    expect(soknadJson.headers.get("content-type")).toBe("application/json");
    expect(await soknadJson.json()).toEqual(body.soknad);
  });

  it("answers the same key with the same søknad and creates nothing new", async () => {
    const fnr = fnrOf("aleneforelder");
    const body = sendBody(await officeOf(fnr));
    const first = await send(fnr, body);
    expect(first.status).toBe(201);
    const firstAnswer = sendSoknadResponseSchema.parse(await first.json());
    const filesBefore = await fileCounts();

    const again = await send(fnr, body);
    expect(again.status).toBe(200);
    expect(sendSoknadResponseSchema.parse(await again.json())).toEqual(firstAnswer);
    expect(await soknadIds(fnr)).toEqual([firstAnswer.fiksDigisosId]);
    expect(await fileCounts()).toEqual(filesBefore);

    // The key belongs to the person: a new key is a new søknad.
    const other = await send(fnr, sendBody(body.navEnhet));
    expect(other.status).toBe(201);
    expect(await soknadIds(fnr)).toHaveLength(2);
  });

  it("creates one søknad for 20 parallel sends with one key", async () => {
    const fnr = fnrOf("mindrearig");
    const body = sendBody(await officeOf(fnr));
    const filesBefore = await fileCounts();
    const responses = await Promise.all(Array.from({ length: 20 }, () => send(fnr, body)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 200)).toHaveLength(19);
    const ids = new Set(await Promise.all(responses.map(async (response) => sendSoknadResponseSchema.parse(await response.json()).fiksDigisosId)));
    expect(ids.size).toBe(1);
    expect(await soknadIds(fnr)).toEqual([...ids]);
    await mock.state.flush();
    const filesAfter = await fileCounts();
    expect(filesAfter.registered).toBe(filesBefore.registered + 2);
    expect(filesAfter.onDisk).toBe(filesAfter.registered);
  });

  it("refuses an invalid body with 400 and creates nothing", async () => {
    const fnr = fnrOf("nylig-hjelp");
    const navEnhet = await officeOf(fnr);
    const before = await soknadIds(fnr);
    const valid = sendBody(navEnhet);
    const invalid: unknown[] = [
      "{not json",
      {},
      { ...valid, idempotencyKey: "not-a-uuid" },
      { ...valid, navEnhet: "315" },
      { ...valid, urgent: "yes" },
      { ...valid, language: "se" },
      { ...valid, soknad: [] },
      { ...valid, pdf: { filename: "../etc/passwd", base64: valid.pdf.base64 } },
      { ...valid, pdf: { filename: "a.pdf", base64: "not base64!" } },
      { ...valid, pdf: { filename: "a.pdf", base64: Buffer.from("hello, not a pdf").toString("base64") } },
      { ...valid, navEnhet: "9999" }, // no such office
      { ...valid, navEnhet: "1151" }, // takes no digital applications
    ];
    for (const body of invalid) {
      const response = await send(fnr, body);
      expect(response.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      errorBodySchema.parse(await response.json());
    }
    expect((await call(paths.sendSoknad, { method: "POST", body: valid })).status).toBe(400); // no person
    expect(await soknadIds(fnr)).toEqual(before);
  });
});

describe("dokumentlager", () => {
  it("gives a søknad's files to its applicant only", async () => {
    const owner = fnrOf("forstegang");
    const [id] = await soknadIds(owner);
    const pdfId = mock.state.soknad(id ?? "")?.innsending?.pdf.id ?? "";
    expect(pdfId).not.toBe("");

    const own = await call(paths.dokumentlager(pdfId), { fnr: owner });
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    const foreign = await call(paths.dokumentlager(pdfId), { fnr: fnrOf("avslag") });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: "not-found" });
    expect((await call(paths.dokumentlager(randomUUID()), { fnr: owner })).status).toBe(404);
    expect((await call(paths.dokumentlager("../fagsystem-mock.json"), { fnr: owner })).status).toBe(404);
    expect((await call(paths.dokumentlager(pdfId))).status).toBe(400);
  });

  it("serves letters referenced by a søknad's events to their owner", async () => {
    const owner = fnrOf("avslag");
    const [id] = await soknadIds(owner);
    const log = digisosSokerSchema.parse(await json(paths.innsyn(id ?? ""), owner));
    const vedtak = log.hendelser.find((hendelse) => hendelse.type === "vedtakFattet") as { vedtaksfil: { referanse: { id: string } } } | undefined;
    const letterId = vedtak?.vedtaksfil.referanse.id ?? "";
    const letter = await call(paths.dokumentlager(letterId), { fnr: owner });
    expect(letter.status).toBe(200);
    expect(letter.headers.get("content-type")).toBe("application/pdf");
    expect((await call(paths.dokumentlager(letterId), { fnr: fnrOf("innvilget") })).status).toBe(404);
  });
});

describe("the portal's client against the mock", () => {
  it("sends, retries safely and fetches the PDF back", async () => {
    process.env.FAGSYSTEM_URL = mock.url;
    process.env.MOCKS = "true";
    const { fagsystem } = await import("../app/fagsystem/client.server");
    const fnr = fnrOf("under-behandling");
    const body = sendBody(await officeOf(fnr), { language: "nn" });
    const sent = await fagsystem.sendSoknad(fnr, body);
    expect(await fagsystem.sendSoknad(fnr, body)).toEqual(sent);
    const pdfId = mock.state.soknad(sent.fiksDigisosId)?.innsending?.pdf.id ?? "";
    const dokument = await fagsystem.dokument(fnr, pdfId);
    expect(dokument.contentType).toBe("application/pdf");
    expect(dokument.bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(dokument.bytes).toString("base64")).toBe(body.pdf.base64);
    await expect(fagsystem.dokument(fnrOf("innvilget"), pdfId)).rejects.toMatchObject({ name: "FagsystemError", kind: "not-found" });
    await expect(fagsystem.sendSoknad(fnr, { ...body, idempotencyKey: randomUUID(), navEnhet: "9999" })).rejects.toMatchObject({ kind: "rejected", status: 400 });
  });
});
