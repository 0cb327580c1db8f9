/** The fagsystem client's call-back requests (ring tilbake): what it sends, and what it takes back. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { navKontorSchema, sendRingTilbakeRequestSchema, type NavKontor, type RingTilbake, type RingTilbakeRapport, type SendRingTilbakeRequest } from "./contract";

let answer: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void = (_req, _body, res) => res.end();
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
  req.on("end", () => answer(req, body, res));
});
let seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string } = { headers: {}, body: "" };
let calls = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.FAGSYSTEM_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.FAGSYSTEM_TIMEOUT_MS = "300";
  process.env.MOCKS = "true";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = (status: number, reply: unknown) => (req: http.IncomingMessage, body: string, res: http.ServerResponse) => {
  calls++;
  seen = { method: req.method, url: req.url, headers: req.headers, body };
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(typeof reply === "string" ? reply : JSON.stringify(reply));
};

const FNR = "01019012345";
const filed: RingTilbake = {
  ringTilbakeId: "8a1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70",
  mottattTidspunkt: "2026-03-10T08:15:00.000Z",
  registrertAv: "Z990001",
  navEnhet: "0403",
  kontornavn: "NAV Hamar",
  tema: "UTBETALING",
  hastegrad: "I_DAG",
  telefonnummer: "41234501",
  kontakttid: null,
  tolkesprak: "ti",
  notat: "Har ikke fått utbetalingen som var lovet i går.",
  frist: "2026-03-10T10:15:00.000Z",
  forfalt: false,
  status: "APEN",
  forsok: [],
  lukket: null,
};
const request: SendRingTilbakeRequest = {
  ringTilbakeId: filed.ringTilbakeId,
  navIdent: "Z990001",
  tema: "UTBETALING",
  hastegrad: "I_DAG",
  telefonnummer: "41234501",
  tolkesprak: "ti",
  notat: "Har ikke fått utbetalingen som var lovet i går.",
};
const closed: RingTilbake = {
  ...filed,
  ringTilbakeId: "9a1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70",
  status: "LUKKET",
  forsok: [
    { tidspunkt: "2026-03-10T08:30:00.000Z", nadd: false },
    { tidspunkt: "2026-03-10T09:30:00.000Z", nadd: false },
    { tidspunkt: "2026-03-10T10:00:00.000+01:00", nadd: false },
  ],
  lukket: {
    tidspunkt: "2026-03-10T10:00:00.000+01:00",
    arsak: "IKKE_NADD",
    melding: { samtaleId: "4b1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70", meldingId: "5b1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70" },
  },
};

const client = async () => (await import("./client.server")).fagsystem;

describe("fagsystem client: call-back requests", () => {
  it("files the request as JSON with the person in the header, never in the URL, and returns the validated answer", async () => {
    answer = json(201, filed);
    await expect((await client()).sendRingTilbake(FNR, request)).resolves.toEqual(filed);
    expect(seen).toMatchObject({ method: "POST", url: "/api/v1/ringtilbake" });
    expect(seen.headers["nav-personident"]).toBe(FNR);
    expect(seen.url).not.toContain(FNR);
    expect(JSON.parse(seen.body)).toEqual(request);
  });

  it("lists the person's requests, and refuses a list that breaks the contract", async () => {
    answer = json(200, [filed, closed]);
    expect((await (await client()).ringTilbake(FNR)).map((entry) => entry.status)).toEqual(["APEN", "LUKKET"]);
    expect(seen).toMatchObject({ method: "GET", url: "/api/v1/ringtilbake" });
    answer = json(200, [{ ...filed, status: "ÅPEN" }]);
    await expect((await client()).ringTilbake(FNR)).rejects.toMatchObject({ name: "FagsystemError", kind: "invalid-response", message: expect.stringContaining("status") });
    answer = json(200, [{ ...filed, frist: "i morgen" }]);
    await expect((await client()).ringTilbake(FNR)).rejects.toMatchObject({ kind: "invalid-response", message: expect.stringContaining("frist") });
    answer = json(200, [{ ...filed, forsok: [{ tidspunkt: filed.mottattTidspunkt }] }]);
    await expect((await client()).ringTilbake(FNR)).rejects.toMatchObject({ kind: "invalid-response" });
  });

  it("gives the refusal's code, so the page can say that there is no office", async () => {
    answer = json(400, { error: "no-nav-kontor", message: "no address" });
    await expect((await client()).sendRingTilbake(FNR, request)).rejects.toMatchObject({ kind: "rejected", status: 400, code: "no-nav-kontor" });
    answer = json(404, { error: "not-found" });
    await expect((await client()).sendRingTilbake(FNR, request)).rejects.toMatchObject({ kind: "not-found" });
  });

  it("tries a POST that broke off again once (the id makes it the same request), and a 503 not", async () => {
    calls = 0;
    let first = true;
    answer = (req, body, res) => {
      if (first) {
        first = false;
        calls++;
        req.socket.destroy();
        return;
      }
      json(201, filed)(req, body, res);
    };
    await expect((await client()).sendRingTilbake(FNR, request)).resolves.toMatchObject({ ringTilbakeId: filed.ringTilbakeId });
    expect(calls).toBe(2);
    calls = 0;
    answer = json(503, { error: "down" });
    await expect((await client()).sendRingTilbake(FNR, request)).rejects.toMatchObject({ kind: "unavailable", status: 503 });
    expect(calls).toBe(1);
  });

  it("reads the report without a person, and refuses a share over 1", async () => {
    const report: RingTilbakeRapport = {
      fra: "2026-02-08T10:00:00.000Z",
      til: "2026-03-10T10:00:00.000Z",
      kontorer: [{ navEnhet: "0403", kontornavn: "NAV Hamar", antall: 4, malt: 3, ringtITide: 2, andelITide: 2 / 3, medianMinutterTilForsteOppringing: 42, venter: 1, lukketUtenOppringing: 0 }],
    };
    answer = json(200, report);
    await expect((await client()).ringTilbakeRapport()).resolves.toEqual(report);
    expect(seen).toMatchObject({ method: "GET", url: "/api/v1/ringtilbake/rapport" });
    expect(seen.headers["nav-personident"]).toBeUndefined();
    answer = json(200, { ...report, kontorer: [{ ...report.kontorer[0], andelITide: 1.5 }] });
    await expect((await client()).ringTilbakeRapport()).rejects.toMatchObject({ kind: "invalid-response" });
  });
});

describe("the contract's call-back schemas", () => {
  it("takes a note of up to 500 characters, trimmed, and no longer", () => {
    expect(sendRingTilbakeRequestSchema.parse({ ...request, notat: `  ${"x".repeat(500)}  ` }).notat).toHaveLength(500);
    expect(sendRingTilbakeRequestSchema.safeParse({ ...request, notat: "x".repeat(501) }).success).toBe(false);
    expect(sendRingTilbakeRequestSchema.safeParse({ ...request, notat: undefined }).success).toBe(true);
  });

  it("wants a NAV ident, a phone number as digits, an ISO 639 language code and a known topic and urgency", () => {
    const valid = (change: Partial<Record<keyof SendRingTilbakeRequest, unknown>>) => sendRingTilbakeRequestSchema.safeParse({ ...request, ...change }).success;
    expect(valid({})).toBe(true);
    expect(valid({ navIdent: "z990001" })).toBe(false);
    expect(valid({ navIdent: "Z99001" })).toBe(false);
    expect(valid({ telefonnummer: "412 34 501" })).toBe(false);
    expect(valid({ telefonnummer: "+4741234501" })).toBe(true);
    expect(valid({ tolkesprak: "prs" })).toBe(true);
    expect(valid({ tolkesprak: "Arabisk" })).toBe(false);
    expect(valid({ tolkesprak: null })).toBe(true);
    expect(valid({ tema: "HELSE" })).toBe(false);
    expect(valid({ hastegrad: "STRAKS" })).toBe(false);
    expect(valid({ kontakttid: "ETTERMIDDAG" })).toBe(true);
    expect(valid({ ringTilbakeId: "1" })).toBe(false);
  });

  it("reads an office with or without its on-call phone for social services", () => {
    const office: NavKontor = {
      enhetsnummer: "0403",
      navn: "NAV Hamar",
      kommunenavn: "Hamar",
      kommunenummer: "3403",
      telefon: "55 55 33 33",
      apningstider: [{ dag: "MANDAG", fra: "10:00", til: "15:00" }],
      digitalSoknad: true,
    };
    // An answer from before the field: still an office.
    expect(navKontorSchema.safeParse(office).success).toBe(true);
    expect(navKontorSchema.safeParse({ ...office, sosialVakt: null }).success).toBe(true);
    expect(navKontorSchema.parse({ ...office, sosialVakt: { telefon: "62 07 04 03", apningstider: [{ dag: "FREDAG", fra: "09:00", til: "15:00" }] } }).sosialVakt?.telefon).toBe("62 07 04 03");
    expect(navKontorSchema.safeParse({ ...office, sosialVakt: { telefon: "62 07 04 03", apningstider: [{ dag: "LORDAG", fra: "09:00", til: "15:00" }] } }).success).toBe(false);
  });
});
