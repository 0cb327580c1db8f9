import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { errorBodySchema, paths, radgivningListSchema, radgivningSchema, type SendRadgivningRequest } from "../app/fagsystem/contract";
import { startTestMock, type TestMock } from "./test-support";

let t: TestMock;

beforeAll(async () => {
  t = await startTestMock();
});

afterAll(async () => {
  await t?.close();
});

const API = "/mock/fagsystem/api";
const fnrOf = (id: string) => t.user(id).fnr;

function request(overrides: Partial<SendRadgivningRequest> = {}): SendRadgivningRequest {
  return {
    radgivningId: randomUUID(),
    language: "nb",
    beskrivelse: "Jeg har mange regninger og vet ikke hva jeg skal betale først.",
    kontaktmate: "TELEFON",
    telefonnummer: "+4741234501",
    kontakttid: "FORMIDDAG",
    ...overrides,
  };
}

const send = (fnr: string, body: unknown) => t.call(paths.radgivning, { fnr, method: "POST", body });
const list = async (fnr: string) => radgivningListSchema.parse(await t.json(paths.radgivning, fnr));

async function expectError(response: Response, status: number, code?: string) {
  expect(response.status).toBe(status);
  const body = errorBodySchema.parse(await response.json());
  if (code) expect(body.error).toBe(code);
}

const simulatorEntrySchema = radgivningSchema.extend({ personaId: z.string().nullable(), name: z.string().nullable(), fnr: z.string(), language: z.string() });

describe("requests for economic advice", () => {
  it("receives a request for the office of the person's municipality, and lists it for that person only", async () => {
    const fnr = fnrOf("forstegang");
    const body = request();
    const response = await send(fnr, body);
    expect(response.status).toBe(201);
    const received = radgivningSchema.parse(await response.json());
    // Sofie lives in Oslo (0301).
    expect(received).toMatchObject({ radgivningId: body.radgivningId, status: "MOTTATT", kontaktetTidspunkt: null, telefonnummer: "+4741234501", kontakttid: "FORMIDDAG" });
    expect(received.kontornavn).toMatch(/Oslo|Grünerløkka|NAV/);
    expect(Date.now() - Date.parse(received.mottattTidspunkt)).toBeLessThan(60_000);

    expect((await list(fnr)).map((entry) => entry.radgivningId)).toContain(body.radgivningId);
    expect((await list(fnrOf("aleneforelder"))).map((entry) => entry.radgivningId)).not.toContain(body.radgivningId);
  });

  it("answers a retry with the same id with the request it already has, and makes no second one", async () => {
    const fnr = fnrOf("aleneforelder");
    const body = request({ kontaktmate: "MELDING", telefonnummer: null, kontakttid: null });
    const [first, second] = await Promise.all([send(fnr, body), send(fnr, body)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    const again = await send(fnr, { ...body, beskrivelse: "Noe annet" });
    expect(again.status).toBe(200);
    expect(radgivningSchema.parse(await again.json()).beskrivelse).toBe(body.beskrivelse);
    expect((await list(fnr)).filter((entry) => entry.radgivningId === body.radgivningId)).toHaveLength(1);
  });

  it("lists the newest first", async () => {
    const fnr = fnrOf("gift");
    const first = request({ kontaktmate: "BREV", telefonnummer: null, kontakttid: null });
    const second = request();
    expect((await send(fnr, first)).status).toBe(201);
    expect((await send(fnr, second)).status).toBe(201);
    expect((await list(fnr)).slice(0, 2).map((entry) => entry.radgivningId)).toEqual([second.radgivningId, first.radgivningId]);
  });

  it("refuses what the contract does not allow with 400", async () => {
    const fnr = fnrOf("forstegang");
    await expectError(await send(fnr, request({ beskrivelse: "   " })), 400, "invalid-radgivning");
    await expectError(await send(fnr, request({ beskrivelse: "x".repeat(2001) })), 400, "invalid-radgivning");
    await expectError(await send(fnr, request({ telefonnummer: null })), 400, "invalid-radgivning");
    await expectError(await send(fnr, request({ telefonnummer: "41 23 45 01" })), 400, "invalid-radgivning");
    await expectError(await send(fnr, request({ kontaktmate: "BREV" })), 400, "invalid-radgivning");
    await expectError(await send(fnr, { ...request(), radgivningId: "1" }), 400, "invalid-radgivning");
    await expectError(await send(fnr, "{not json"), 400, "invalid-json");
  });

  it("is 404 for a person the registers do not know, and for another person's id", async () => {
    await expectError(await send("01010112345", request()), 404, "not-found");
    const body = request();
    expect((await send(fnrOf("forstegang"), body)).status).toBe(201);
    await expectError(await send(fnrOf("aleneforelder"), body), 404, "not-found");
    await expectError(await t.call(paths.radgivning), 400, "missing-person");
  });

  it("has no office to ask for a person without an address", async () => {
    await expectError(await send(fnrOf("kode6"), request()), 400, "no-nav-kontor");
  });

  it("lets the simulator list requests and mark one contacted, once", async () => {
    const fnr = fnrOf("nylig-hjelp");
    const body = request({ language: "nn", beskrivelse: "Eg treng hjelp med gjelda mi." });
    expect((await send(fnr, body)).status).toBe(201);
    const all = z.array(simulatorEntrySchema).parse(await t.json(`${API}/radgivning`));
    expect(all.find((entry) => entry.radgivningId === body.radgivningId)).toMatchObject({ personaId: "nylig-hjelp", language: "nn", status: "MOTTATT" });

    const marked = await t.call(`${API}/radgivning/${body.radgivningId}/kontaktet`, { method: "POST", body: {} });
    expect(marked.status).toBe(200);
    const contacted = simulatorEntrySchema.parse(await marked.json());
    expect(contacted.status).toBe("KONTAKTET");
    expect(contacted.kontaktetTidspunkt).not.toBeNull();
    const [listed] = (await list(fnr)).filter((entry) => entry.radgivningId === body.radgivningId);
    expect(listed).toMatchObject({ status: "KONTAKTET", kontaktetTidspunkt: contacted.kontaktetTidspunkt });

    // Again changes nothing; an unknown id is 404.
    const again = simulatorEntrySchema.parse(await (await t.call(`${API}/radgivning/${body.radgivningId}/kontaktet`, { method: "POST", body: {} })).json());
    expect(again.kontaktetTidspunkt).toBe(contacted.kontaktetTidspunkt);
    expect((await t.call(`${API}/radgivning/${randomUUID()}/kontaktet`, { method: "POST", body: {} })).status).toBe(404);
  });

  it("shows the requests on the simulator's page, escaped, with a form that marks one contacted", async () => {
    const fnr = fnrOf("innvilget");
    const body = request({ beskrivelse: "<script>alert(1)</script> Strømregning", kontaktmate: "MELDING", telefonnummer: null, kontakttid: null });
    expect((await send(fnr, body)).status).toBe(201);
    const page = await (await t.call("/mock/fagsystem")).text();
    expect(page).toContain("Økonomisk rådgivning");
    expect(page).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Strømregning");
    expect(page).not.toContain("<script>alert(1)");
    expect(page).toContain(`/mock/fagsystem/radgivning/${body.radgivningId}/kontaktet`);

    const posted = await t.call(`/mock/fagsystem/radgivning/${body.radgivningId}/kontaktet`, { method: "POST", body: new URLSearchParams(), redirect: "manual" });
    expect(posted.status).toBe(303);
    expect(decodeURIComponent(posted.headers.get("Location") ?? "")).toContain("markert som kontaktet");
    expect((await list(fnr)).find((entry) => entry.radgivningId === body.radgivningId)?.status).toBe("KONTAKTET");
  });
});
