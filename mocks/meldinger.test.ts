import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  MELDINGER_PER_SIDE,
  PERSON_HEADER,
  VEDLEGG_HEADERS,
  errorBodySchema,
  mellomlagringSchema,
  meldingSchema,
  paths,
  samtaleListSchema,
  samtaleSideSchema,
  sendSoknadResponseSchema,
  soknadSummaryListSchema,
  type Melding,
  type SendMeldingRequest,
} from "../app/fagsystem/contract";
import { samtaleIdFor } from "./meldinger";
import { placeholderPdf } from "./pdf";
import { stableUuid, type PersonRecord } from "./personas";
import { FILES_DIR, MockStore, STATE_FILE } from "./state";
import { pdfText, startTestMock, type TestMock } from "./test-support";
import { VARSEL_TEKST, varselFor } from "./varsler";

let t: TestMock;

beforeAll(async () => {
  t = await startTestMock();
});

afterAll(async () => {
  await t?.close();
});

const API = "/mock/fagsystem/api";
const sha512 = (bytes: Uint8Array) => createHash("sha512").update(bytes).digest("hex");
const pdf = (text: string) => Buffer.from(placeholderPdf(text, ["Melding"]));
const fnrOf = (id: string) => t.user(id).fnr;

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  if (code) expect(body.error).toBe(code);
  return body.message ?? "";
}

const samtaler = async (fnr: string) => samtaleListSchema.parse(await t.json(paths.samtaler, fnr));
const side = async (fnr: string, samtaleId: string, foer?: string) =>
  samtaleSideSchema.parse(await t.json(`${paths.samtale(samtaleId)}${foer ? `?foer=${encodeURIComponent(foer)}` : ""}`, fnr));

function meldingBody(overrides: Partial<SendMeldingRequest> = {}): SendMeldingRequest {
  return { meldingId: randomUUID(), language: "nb", tekst: "Hei! Når får jeg svar på søknaden?", filIder: [], ...overrides };
}

const send = (fnr: string, samtaleId: string, body: unknown) => t.call(paths.samtaleMeldinger(samtaleId), { fnr, method: "POST", body });

async function sent(fnr: string, samtaleId: string, body: SendMeldingRequest = meldingBody()): Promise<Melding> {
  const response = await send(fnr, samtaleId, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return meldingSchema.parse(await response.json());
}

/** A synthetic person of the test's own: no søknader, no messages, a mobile number in KRR. */
async function freshPerson(): Promise<{ id: string; fnr: string }> {
  const response = await t.call("/mock/syntetiske-personer", { method: "POST", body: { antall: 1 } });
  expect(response.status).toBe(201);
  return z.array(z.object({ id: z.string(), fnr: z.string() })).parse(await response.json())[0]!;
}

/** The simulator's office actions. */
async function office(samtaleId: string, body: Record<string, unknown>, status = 201) {
  const response = await t.call(`${API}/samtaler/${samtaleId}/handlinger`, { method: "POST", body });
  const text = await response.text();
  expect(response.status, text).toBe(status);
  return JSON.parse(text) as Record<string, unknown>;
}

const varselSchema = z.object({
  varselId: z.string().uuid(),
  fnr: z.string(),
  personaId: z.string().nullable(),
  samtaleId: z.string().uuid(),
  meldingId: z.string().uuid(),
  kanal: z.enum(["SMS", "EPOST"]),
  mottaker: z.string(),
  language: z.enum(["nb", "nn", "en"]),
  tekst: z.string(),
  tidspunkt: z.string(),
});
const varsler = async () => z.array(varselSchema).parse(await t.json(`${API}/varsler`));

/** One file into mellomlagring under a draft id, as the portal sends it. */
function upload(draftId: string, fnr: string, bytes: Uint8Array): Promise<Response> {
  return fetch(new URL(paths.mellomlagring(draftId), t.mock.url), {
    method: "POST",
    headers: {
      [PERSON_HEADER]: fnr,
      "Content-Type": "application/pdf",
      [VEDLEGG_HEADERS.type]: "melding|vedlegg",
      [VEDLEGG_HEADERS.filnavn]: encodeURIComponent("husleie æøå.pdf"),
      [VEDLEGG_HEADERS.sha512]: sha512(bytes),
    },
    body: Uint8Array.from(bytes),
  });
}

const download = (id: string, fnr: string) => t.call(paths.dokumentlager(id), { fnr });

/** Jonas's seeded conversation about his seeded søknad (tests add newer søknader before it in his list). */
const jonasSamtale = () => samtaleIdFor(fnrOf("under-behandling"), stableUuid("soknad/under-behandling/1"));

describe("the person's conversations", () => {
  it("lists the general conversation first, then one per sent søknad, newest first, with ids that do not change", async () => {
    const fnr = fnrOf("under-behandling");
    const [seededSoknad] = soknadSummaryListSchema.parse(await t.json(paths.soknader, fnr));
    const before = await samtaler(fnr);
    expect(before.map((samtale) => samtale.fiksDigisosId)).toEqual([null, seededSoknad!.fiksDigisosId]);
    expect(before[0]).toMatchObject({ samtaleId: samtaleIdFor(fnr, null), navEnhet: "1601", kontornavn: "NAV Falkenborg", antallMeldinger: 1, antallUleste: 0, antallUlesteAvNav: 1 });

    // A newer søknad comes second; the earlier ids stay what they were.
    const created = await t.call(`${API}/soknader`, { method: "POST", body: { personaId: "under-behandling" } });
    const { fiksDigisosId } = z.object({ fiksDigisosId: z.string() }).parse(await created.json());
    const after = await samtaler(fnr);
    expect(after.map((samtale) => samtale.fiksDigisosId)).toEqual([null, fiksDigisosId, seededSoknad!.fiksDigisosId]);
    expect(after[0]!.samtaleId).toBe(before[0]!.samtaleId);
    expect(after[2]!.samtaleId).toBe(before[1]!.samtaleId);
    expect(new Set(after.map((samtale) => samtale.samtaleId)).size).toBe(3);
    expect(await samtaler(fnr)).toEqual(after);
  });

  it("gives every persona a list that matches the contract; a person without an address has a general conversation without an office", async () => {
    for (const user of t.users) {
      const list = await samtaler(user.fnr);
      expect(list[0]?.fiksDigisosId, user.id).toBeNull();
    }
    expect((await samtaler(fnrOf("kode6")))[0]).toMatchObject({ navEnhet: null, kontornavn: null });
    // The id is the person's and the søknad's: nobody else's conversation has it.
    expect(samtaleIdFor(fnrOf("avslag"), null)).not.toBe(samtaleIdFor(fnrOf("innvilget"), null));
    expect(samtaleIdFor(fnrOf("avslag"), null)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("starts with two seeded conversations: Jonas's about his søknad with one unread answer, Amina's general one in nynorsk", async () => {
    const jonas = fnrOf("under-behandling");
    const page = await side(jonas, jonasSamtale());
    expect(page.samtale).toMatchObject({ antallMeldinger: 4, antallUleste: 1, sisteMelding: { fraNav: true } });
    expect(page.meldinger.map((melding) => melding.avsender.type)).toEqual(["NAV_KONTOR", "PERSON", "NAV_KONTOR", "PERSON"]);
    expect(page.meldinger[0]).toMatchObject({ avsender: { kontornavn: "NAV Falkenborg", saksbehandlerFornavn: "Kari" }, lestTidspunkt: null });
    expect(page.meldinger[0]!.tekst).toContain("https://www.nav.no/");
    expect(page.eldre).toBeNull();

    const amina = fnrOf("aleneforelder");
    const [general] = await samtaler(amina);
    expect(general).toMatchObject({ antallMeldinger: 2, antallUleste: 0, navEnhet: "1209" });
    const seededVarsler = (await varsler()).filter((varsel) => varsel.personaId === "aleneforelder");
    expect(seededVarsler).toEqual([expect.objectContaining({ language: "nn", kanal: "SMS", tekst: VARSEL_TEKST.nn })]);
  });
});

describe("someone else's conversation", () => {
  it("answers 404 for GET, a message and lest, exactly like a conversation that does not exist, and changes nothing", async () => {
    const jonas = fnrOf("under-behandling");
    const sofie = fnrOf("forstegang");
    const before = await side(jonas, jonasSamtale());
    for (const samtaleId of [jonasSamtale(), randomUUID(), "not-a-uuid"]) {
      const notFound = await t.call(paths.samtale(samtaleId), { fnr: sofie });
      await expectError(notFound, 404, "not-found");
      await expectError(await send(sofie, samtaleId, meldingBody()), 404, "not-found");
      await expectError(await t.call(paths.samtaleLest(samtaleId), { fnr: sofie, method: "POST", body: {} }), 404, "not-found");
    }
    expect(await side(jonas, jonasSamtale())).toEqual(before);
  });
});

describe("sending a message", () => {
  it("creates it once: a retry with the same meldingId answers 200 with the same message; another person's meldingId is 404", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    const body = meldingBody({ tekst: "  Hei!\nKan jeg få et møte?  " });
    const first = await sent(person.fnr, general!.samtaleId, body);
    expect(first).toMatchObject({ meldingId: body.meldingId, samtaleId: general!.samtaleId, avsender: { type: "PERSON" }, tekst: "Hei!\nKan jeg få et møte?", filer: [], lestTidspunkt: null });
    expect(Object.keys(first)).not.toContain("fnr");

    const again = await send(person.fnr, general!.samtaleId, { ...body, tekst: "Changed on the way" });
    expect(again.status).toBe(200);
    expect(meldingSchema.parse(await again.json())).toEqual(first);
    expect((await side(person.fnr, general!.samtaleId)).meldinger).toEqual([first]);

    const other = await freshPerson();
    const [otherGeneral] = await samtaler(other.fnr);
    await expectError(await send(other.fnr, otherGeneral!.samtaleId, body), 404, "not-found");
    expect((await side(other.fnr, otherGeneral!.samtaleId)).meldinger).toEqual([]);
  });

  it("gives one message for parallel sends with one meldingId", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    const body = meldingBody();
    const responses = await Promise.all(Array.from({ length: 10 }, () => send(person.fnr, general!.samtaleId, body)));
    expect(responses.map((response) => response.status).sort((a, b) => a - b)).toEqual([...Array<number>(9).fill(200), 201]);
    const bodies = await Promise.all(responses.map(async (response) => meldingSchema.parse(await response.json())));
    expect(new Set(bodies.map((melding) => JSON.stringify(melding))).size).toBe(1);
    expect((await side(person.fnr, general!.samtaleId)).samtale.antallMeldinger).toBe(1);
  });

  it("refuses what the contract does not allow with 400, never 500", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    const id = general!.samtaleId;
    await expectError(await send(person.fnr, id, meldingBody({ tekst: "   " })), 400, "invalid-melding");
    await expectError(await send(person.fnr, id, meldingBody({ tekst: "x".repeat(4001) })), 400, "invalid-melding");
    await expectError(await send(person.fnr, id, { ...meldingBody(), meldingId: "abc" }), 400, "invalid-melding");
    await expectError(await send(person.fnr, id, { ...meldingBody(), language: "de" }), 400, "invalid-melding");
    await expectError(await send(person.fnr, id, meldingBody({ filIder: Array.from({ length: 6 }, () => randomUUID()) })), 400, "invalid-melding");
    await expectError(await send(person.fnr, id, "{not json"), 400, "invalid-json");
    await expectError(await send(person.fnr, id, meldingBody({ filIder: [randomUUID()] })), 400, "invalid-vedlegg");
    expect((await side(person.fnr, id)).samtale.antallMeldinger).toBe(0);
  });

  it("moves the listed files out of mellomlagring; the owner can read them, nobody else can, and the unlisted file is gone", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    const meldingId = randomUUID();
    const kept = pdf("Husleie");
    const dropped = pdf("Strøm");
    const keptFil = z.object({ id: z.string() }).parse(await (await upload(meldingId, person.fnr, kept)).json());
    const droppedFil = z.object({ id: z.string() }).parse(await (await upload(meldingId, person.fnr, dropped)).json());

    const melding = await sent(person.fnr, general!.samtaleId, meldingBody({ meldingId, filIder: [keptFil.id] }));
    expect(melding.filer).toEqual([expect.objectContaining({ id: keptFil.id, filnavn: "husleie æøå.pdf", sha512: sha512(kept), storrelse: kept.byteLength })]);
    expect(mellomlagringSchema.parse(await t.json(paths.mellomlagring(meldingId), person.fnr)).filer).toEqual([]);

    const own = await download(keptFil.id, person.fnr);
    expect(own.status).toBe(200);
    expect(Buffer.from(await own.arrayBuffer()).equals(kept)).toBe(true);
    await expectError(await download(keptFil.id, fnrOf("forstegang")), 404, "not-found");
    await expectError(await download(droppedFil.id, person.fnr), 404, "not-found");
    await expect(fs.access(path.join(t.dataDir, FILES_DIR, droppedFil.id))).rejects.toThrow();

    // The draft is sent: a late file for it is refused, not silently kept.
    await expectError(await upload(meldingId, person.fnr, pdf("Sent")), 409, "already-sent");
  });
});

describe("pages", () => {
  it("pages 45 messages as 20, 20 and 5, newest first, and ends with eldre null", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    const id = general!.samtaleId;
    const written: string[] = [];
    for (let index = 1; index <= 45; index++) written.push((await sent(person.fnr, id, meldingBody({ tekst: `Melding ${index}` }))).meldingId);

    const first = await side(person.fnr, id);
    const second = await side(person.fnr, id, first.eldre!);
    const third = await side(person.fnr, id, second.eldre!);
    expect([first, second, third].map((page) => page.meldinger.length)).toEqual([MELDINGER_PER_SIDE, MELDINGER_PER_SIDE, 5]);
    expect([first.eldre, second.eldre].every((eldre) => eldre !== null)).toBe(true);
    expect(third.eldre).toBeNull();
    expect([...first.meldinger, ...second.meldinger, ...third.meldinger].map((melding) => melding.meldingId)).toEqual([...written].reverse());
    expect(first.meldinger[0]!.tekst).toBe("Melding 45");
    expect(first.samtale.antallMeldinger).toBe(45);

    // A foer that is not a message of this conversation is no page: 404.
    await expectError(await t.call(`${paths.samtale(id)}?foer=${randomUUID()}`, { fnr: person.fnr }), 404, "not-found");
    await expectError(await t.call(`${paths.samtale(id)}?foer=not-a-uuid`, { fnr: person.fnr }), 404, "not-found");
    const jonasMelding = (await side(fnrOf("under-behandling"), jonasSamtale())).meldinger[0]!.meldingId;
    await expectError(await t.call(`${paths.samtale(id)}?foer=${jonasMelding}`, { fnr: person.fnr }), 404, "not-found");
  });
});

describe("read marks", () => {
  it("the person reading marks the office's messages read, not their own; the office reading marks the person's", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    const id = general!.samtaleId;
    const question = await sent(person.fnr, id, meldingBody());
    await office(id, { action: "svar", tekst: "Hei. Du kan få et møte på tirsdag." });
    await office(id, { action: "svar", tekst: "Husk legitimasjon." });
    expect((await side(person.fnr, id)).samtale.antallUleste).toBe(2);

    const lest = await t.call(paths.samtaleLest(id), { fnr: person.fnr, method: "POST", body: {} });
    expect(lest.status).toBe(204);
    const afterPerson = await side(person.fnr, id);
    expect(afterPerson.samtale.antallUleste).toBe(0);
    expect(afterPerson.meldinger.filter((melding) => melding.avsender.type === "NAV_KONTOR").every((melding) => melding.lestTidspunkt !== null)).toBe(true);
    expect(afterPerson.meldinger.find((melding) => melding.meldingId === question.meldingId)?.lestTidspunkt).toBeNull();
    // Again, and with an empty body: the same answer, nothing changes.
    expect((await t.call(paths.samtaleLest(id), { fnr: person.fnr, method: "POST" })).status).toBe(204);
    expect(await side(person.fnr, id)).toEqual(afterPerson);
    await expectError(await t.call(paths.samtaleLest(id), { fnr: person.fnr, method: "POST", body: "[1]" }), 400, "invalid-body");

    expect(await office(id, { action: "lest" }, 200)).toMatchObject({ antall: 1 });
    const afterOffice = await side(person.fnr, id);
    expect(afterOffice.meldinger.find((melding) => melding.meldingId === question.meldingId)?.lestTidspunkt).not.toBeNull();
    expect(await office(id, { action: "lest" }, 200)).toMatchObject({ antall: 0 });
  });
});

describe("the office's reply", () => {
  it("notifies the person by SMS in the language they last wrote in, without what the message says", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    const id = general!.samtaleId;
    await sent(person.fnr, id, meldingBody({ language: "nn", tekst: "Kan eg få hjelp til straumrekninga?" }));
    const secret = "Husleia di er 9 870 kroner, og vi dekkjer 4 000.";
    const answer = await office(id, { action: "svar", tekst: secret, saksbehandler: "Åse" });
    expect(answer.melding).toMatchObject({ avsender: { type: "NAV_KONTOR", saksbehandlerFornavn: "Åse" }, tekst: secret, lestTidspunkt: null });

    const mine = (await varsler()).filter((varsel) => varsel.fnr === person.fnr);
    expect(mine).toEqual([
      expect.objectContaining({ personaId: person.id, samtaleId: id, kanal: "SMS", mottaker: expect.stringMatching(/^\+47\d{8}$/), language: "nn", tekst: VARSEL_TEKST.nn }),
    ]);
    expect(mine[0]!.tekst).not.toContain("9 870");
    expect(mine[0]!.meldingId).toBe(z.object({ meldingId: z.string() }).parse(answer.melding).meldingId);
    expect((await side(person.fnr, id)).samtale).toMatchObject({ antallUleste: 1, sisteMelding: { fraNav: true } });
  });

  it("uses the søknad's language when the person has not written, and bokmål when there is none", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    await office(general!.samtaleId, { action: "svar", tekst: "Velkommen." });
    const kontor = (await samtaler(person.fnr))[0]!.navEnhet!;
    const response = await t.call(paths.sendSoknad, {
      fnr: person.fnr,
      method: "POST",
      body: {
        idempotencyKey: randomUUID(),
        navEnhet: kontor,
        urgent: false,
        language: "en",
        soknad: { version: "1.0.0" },
        pdf: { filename: "soknad.pdf", base64: pdf("Application").toString("base64") },
      },
    });
    expect(response.status).toBe(201);
    const { fiksDigisosId } = sendSoknadResponseSchema.parse(await response.json());
    const soknadSamtale = (await samtaler(person.fnr)).find((samtale) => samtale.fiksDigisosId === fiksDigisosId)!;
    expect(soknadSamtale.samtaleId).toBe(samtaleIdFor(person.fnr, fiksDigisosId));
    await office(soknadSamtale.samtaleId, { action: "svar", tekst: "We have received your application." });
    const mine = (await varsler()).filter((varsel) => varsel.fnr === person.fnr);
    expect(mine.map((varsel) => [varsel.samtaleId, varsel.language, varsel.tekst])).toEqual([
      [general!.samtaleId, "nb", VARSEL_TEKST.nb],
      [soknadSamtale.samtaleId, "en", VARSEL_TEKST.en],
    ]);
  });

  it("picks SMS, else e-mail, else no notification", () => {
    const base = { varselId: randomUUID(), samtaleId: randomUUID(), meldingId: randomUUID(), language: "en" as const, tidspunkt: new Date().toISOString() };
    const person = (krr: PersonRecord["krr"]) => ({ folkeregister: { fnr: "12345678901" }, krr }) as PersonRecord;
    expect(varselFor(person({ mobiltelefonnummer: "+4712345678", epostadresse: "a@example.com" }), base)).toMatchObject({ kanal: "SMS", mottaker: "+4712345678" });
    expect(varselFor(person({ mobiltelefonnummer: null, epostadresse: "a@example.com" }), base)).toMatchObject({ kanal: "EPOST", mottaker: "a@example.com", tekst: VARSEL_TEKST.en });
    expect(varselFor(person({ mobiltelefonnummer: null, epostadresse: null }), base)).toBeNull();
  });

  it("attaches a one-page letter in the conversation's language that the person, and only they, can read", async () => {
    const person = await freshPerson();
    const [general] = await samtaler(person.fnr);
    await sent(person.fnr, general!.samtaleId, meldingBody({ language: "en", tekst: "Hello" }));
    const answer = await office(general!.samtaleId, { action: "svar", tekst: "See the letter.", vedlegg: true });
    const melding = meldingSchema.parse(answer.melding);
    expect(melding.filer).toEqual([expect.objectContaining({ mimetype: "application/pdf", sider: 1 })]);
    const file = await download(melding.filer[0]!.id, person.fnr);
    expect(file.status).toBe(200);
    const bytes = new Uint8Array(await file.arrayBuffer());
    expect(sha512(bytes)).toBe(melding.filer[0]!.sha512);
    expect(pdfText(bytes)).toContain("Information from the NAV office");
    await expectError(await download(melding.filer[0]!.id, fnrOf("forstegang")), 404, "not-found");
    // The caseworker opens it without a person header.
    expect((await t.call(`/mock/fagsystem/dokumenter/${melding.filer[0]!.id}`)).status).toBe(200);
  });
});

describe("the simulator's JSON API", () => {
  const overviewSchema = z.array(
    z.object({ samtaleId: z.string().uuid(), personaId: z.string(), name: z.string(), fiksDigisosId: z.string().nullable(), antallMeldinger: z.number(), antallUleste: z.number(), antallUlesteForNav: z.number() }).passthrough(),
  );

  it("lists every person's conversations, general first, and works on one with no messages yet", async () => {
    const all = overviewSchema.parse(await t.json(`${API}/samtaler`));
    for (const user of t.users) {
      const own = all.filter((samtale) => samtale.personaId === user.id);
      expect(own.map((samtale) => samtale.samtaleId)).toEqual((await samtaler(user.fnr)).map((samtale) => samtale.samtaleId));
    }
    expect(all.find((samtale) => samtale.personaId === "under-behandling" && samtale.fiksDigisosId !== null)).toMatchObject({ name: "Jonas Eide Nilsen" });

    const person = await freshPerson();
    const id = samtaleIdFor(person.fnr, null);
    const empty = z.object({ meldinger: z.array(z.unknown()), personaId: z.string() }).passthrough().parse(await t.json(`${API}/samtaler/${id}`));
    expect(empty).toMatchObject({ personaId: person.id, meldinger: [] });
    await office(id, { action: "svar", tekst: "Hei, vi har et spørsmål til deg." });
    const detail = z
      .object({ meldinger: z.array(meldingSchema.extend({ lestAv: z.enum(["NAV", "PERSON"]).nullable() })) })
      .passthrough()
      .parse(await t.json(`${API}/samtaler/${id}`));
    expect(detail.meldinger).toEqual([expect.objectContaining({ tekst: "Hei, vi har et spørsmål til deg.", lestAv: null, avsender: expect.objectContaining({ saksbehandlerFornavn: "Kari" }) })]);
  });

  it("refuses a conversation nobody has with 404, and bad actions with 400", async () => {
    await office(randomUUID(), { action: "lest" }, 404);
    expect((await t.call(`${API}/samtaler/${randomUUID()}`)).status).toBe(404);
    const id = samtaleIdFor(fnrOf("innvilget"), null);
    for (const body of [
      { action: "svar", tekst: " " },
      { action: "svar", tekst: "x".repeat(4001) },
      { action: "svar", tekst: "Hei", saksbehandler: "Kari Nordmann 123" },
      { action: "svar", tekst: "Hei", extra: true },
      { action: "fyll", antall: 0 },
      { action: "fyll", antall: 20_001 },
      { action: "fyll", antall: 1.5 },
      { action: "slett" },
      [],
    ]) {
      const message = await expectError(await t.call(`${API}/samtaler/${id}/handlinger`, { method: "POST", body }), 400);
      expect(message, JSON.stringify(body)).not.toBe("");
    }
    await expectError(await t.call(`${API}/samtaler/${id}/handlinger`, { method: "POST", body: "{oops" }), 400, "invalid-json");
    // No address, no office: nobody can write from it.
    const kode6 = samtaleIdFor(fnrOf("kode6"), null);
    expect(await expectError(await t.call(`${API}/samtaler/${kode6}/handlinger`, { method: "POST", body: { action: "svar", tekst: "Hei" } }), 400)).toContain("no NAV office");
    expect((await samtaler(fnrOf("innvilget")))[0]!.antallMeldinger).toBe(0);
  });

  it("fills 10,000 messages in one go, and a page of them is still the newest 20 (the time is measured, not asserted)", async () => {
    const jonas = fnrOf("under-behandling");
    const id = jonasSamtale();
    const before = await side(jonas, id);
    const started = performance.now();
    expect(await office(id, { action: "fyll", antall: 10_000 })).toMatchObject({ antall: 10_000 });
    const fillMs = performance.now() - started;

    const timings: number[] = [];
    let page = before;
    for (let round = 0; round < 5; round++) {
      const at = performance.now();
      page = await side(jonas, id);
      timings.push(performance.now() - at);
    }
    // History goes before the conversation: the newest messages stay on top, the rest of the page is history, all read.
    const kept = before.meldinger.length;
    expect(page.meldinger).toHaveLength(MELDINGER_PER_SIDE);
    expect(page.meldinger.slice(0, kept)).toEqual(before.meldinger);
    expect(page.meldinger[kept]!.tekst).toBe("Melding 10000 av 10000: fylt inn av simulatoren.");
    expect(page.samtale).toMatchObject({ antallMeldinger: kept + 10_000, antallUleste: before.samtale.antallUleste });
    expect(page.eldre).toBe(page.meldinger.at(-1)!.meldingId);
    const older = await side(jonas, id, page.eldre!);
    expect(older.meldinger).toHaveLength(MELDINGER_PER_SIDE);
    expect(older.meldinger.map((melding) => melding.avsender.type)).toContain("NAV_KONTOR");
    expect(older.meldinger.map((melding) => melding.avsender.type)).toContain("PERSON");
    const times = older.meldinger.map((melding) => Date.parse(melding.sendtTidspunkt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    // Deep in the history, and the last page.
    let deep = older;
    let pages = 2;
    const deepAt = performance.now();
    while (deep.eldre) {
      deep = await side(jonas, id, deep.eldre);
      pages++;
    }
    const walkMs = performance.now() - deepAt;
    expect(pages).toBe(Math.ceil((10_000 + before.samtale.antallMeldinger) / MELDINGER_PER_SIDE));
    console.info(
      `[meldinger] fyll 10000: ${fillMs.toFixed(0)} ms; first page GET (10,004 messages): ${timings.map((ms) => ms.toFixed(1)).join(", ")} ms; walking ${pages - 2} older pages: ${(walkMs / (pages - 2)).toFixed(1)} ms each`,
    );
  }, 120_000);

  it("lists the notifications, oldest first, with the persona", async () => {
    const list = await varsler();
    expect(list.length).toBeGreaterThanOrEqual(3);
    const times = list.map((varsel) => varsel.tidspunkt);
    expect(times).toEqual([...times].sort());
    expect(list.filter((varsel) => varsel.personaId === "under-behandling").every((varsel) => varsel.tekst === VARSEL_TEKST.nb && varsel.kanal === "SMS")).toBe(true);
  });
});

describe("the simulator's pages", () => {
  it("shows a søknad's conversation escaped, oldest first, and a reply from the form reaches the person", async () => {
    const person = await freshPerson();
    const created = await t.call(`${API}/soknader`, { method: "POST", body: { personaId: person.id } });
    const { fiksDigisosId } = z.object({ fiksDigisosId: z.string() }).parse(await created.json());
    const id = samtaleIdFor(person.fnr, fiksDigisosId);
    await sent(person.fnr, id, meldingBody({ tekst: "Første <script>alert(1)</script>" }));
    await sent(person.fnr, id, meldingBody({ tekst: "Andre" }));

    const page = await (await t.call(`/mock/fagsystem/soknader/${fiksDigisosId}`)).text();
    expect(page).toContain('id="meldinger"');
    expect(page).toContain("Første &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).not.toContain("<script>");
    expect(page.indexOf("Første")).toBeLessThan(page.indexOf("Andre"));
    expect(page).toContain("Ikke lest av NAV");

    const form = new URLSearchParams({ action: "svar", tilbake: "soknad", tekst: "Hei.\r\nVi har fått meldingen din.", saksbehandler: "Ola", vedlegg: "ja" });
    const posted = await t.call(`/mock/fagsystem/samtaler/${id}/handlinger`, { method: "POST", body: form, redirect: "manual" });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("location")).toMatch(new RegExp(`^/mock/fagsystem/soknader/${fiksDigisosId}\\?melding=.*#meldinger$`));
    const newest = (await side(person.fnr, id)).meldinger[0]!;
    expect(newest).toMatchObject({ tekst: "Hei.\nVi har fått meldingen din.", avsender: { saksbehandlerFornavn: "Ola" } });
    expect(newest.filer).toHaveLength(1);

    const lest = await t.call(`/mock/fagsystem/samtaler/${id}/handlinger`, { method: "POST", body: new URLSearchParams({ action: "lest" }), redirect: "manual" });
    expect(lest.headers.get("location")).toMatch(new RegExp(`^/mock/fagsystem/samtaler/${id}\\?`));
    expect((await side(person.fnr, id)).meldinger.filter((melding) => melding.avsender.type === "PERSON").every((melding) => melding.lestTidspunkt !== null)).toBe(true);

    // An empty reply is the JSON API's 400, shown on the page it came from.
    const refused = await t.call(`/mock/fagsystem/samtaler/${id}/handlinger`, { method: "POST", body: new URLSearchParams({ action: "svar", tilbake: "soknad", tekst: "  " }) });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expect(refusedPage).toContain("Det gikk ikke");
    expect(refusedPage).toContain("tekst");
  });

  it("has a page for every conversation, general ones linked from the overview, and 404 for one nobody has", async () => {
    const overview = await (await t.call("/mock/fagsystem")).text();
    const amina = samtaleIdFor(fnrOf("aleneforelder"), null);
    expect(overview).toContain(`href="/mock/fagsystem/samtaler/${amina}"`);
    const page = await t.call(`/mock/fagsystem/samtaler/${amina}`);
    expect(page.status).toBe(200);
    const text = await page.text();
    expect(text).toContain("Generell samtale med Amina Haugen");
    expect(text).toContain("straumrekning");
    expect(text).toContain("Marker som lest");
    expect((await t.call(`/mock/fagsystem/samtaler/${randomUUID()}`)).status).toBe(404);
  });
});

describe("the state", () => {
  it("keeps messages across a restart and reseeds a state from before messages", async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "fagsystem-mock-"));
    try {
      const store = await MockStore.open(dataDir, new Date("2025-03-10T10:00:00Z"));
      const seeded = store.varsler().length;
      await store.update((state) => {
        state.varsler.push({ ...state.varsler[0]!, varselId: randomUUID() });
      });
      await store.flush();
      expect((await MockStore.open(dataDir)).varsler()).toHaveLength(seeded + 1);

      const file = path.join(dataDir, STATE_FILE);
      const old = JSON.parse(await fs.readFile(file, "utf8")) as Record<string, unknown>;
      delete old.meldinger;
      delete old.varsler;
      await fs.writeFile(file, JSON.stringify({ ...old, version: 4 }));
      const reseeded = await MockStore.open(dataDir, new Date("2025-03-10T10:00:00Z"));
      expect(reseeded.varsler()).toHaveLength(seeded);
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});
