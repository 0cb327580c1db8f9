/** The fagsystem client's requests for advice: what it sends, and what it takes back. */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Radgivning, SendRadgivningRequest } from "./contract";

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
const received: Radgivning = {
  radgivningId: "6f1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70",
  mottattTidspunkt: "2026-12-07T21:00:00.000Z",
  navEnhet: "0315",
  kontornavn: "NAV Grünerløkka",
  beskrivelse: "Hjelp med gjeld",
  kontaktmate: "TELEFON",
  telefonnummer: "41234501",
  kontakttid: null,
  status: "MOTTATT",
  kontaktetTidspunkt: null,
};
const request: SendRadgivningRequest = { radgivningId: received.radgivningId, language: "nn", beskrivelse: "Hjelp med gjeld", kontaktmate: "TELEFON", telefonnummer: "41234501" };

const client = async () => (await import("./client.server")).fagsystem;

describe("fagsystem client: requests for advice", () => {
  it("sends the request as JSON with the person in the header, and returns the validated answer", async () => {
    answer = json(201, received);
    await expect((await client()).sendRadgivning(FNR, request)).resolves.toEqual(received);
    expect(seen).toMatchObject({ method: "POST", url: "/api/v1/radgivning" });
    expect(seen.headers["nav-personident"]).toBe(FNR);
    expect(seen.url).not.toContain(FNR);
    expect(JSON.parse(seen.body)).toEqual(request);
  });

  it("lists the person's requests, and refuses a list that breaks the contract", async () => {
    answer = json(200, [received, { ...received, radgivningId: "7f1c3a5e-8a4b-4c1d-9a7e-2b3c4d5e6f70", status: "KONTAKTET", kontaktetTidspunkt: "2026-12-08T08:00:00.000+01:00" }]);
    expect((await (await client()).radgivninger(FNR)).map((entry) => entry.status)).toEqual(["MOTTATT", "KONTAKTET"]);
    answer = json(200, [{ ...received, status: "LEST" }]);
    await expect((await client()).radgivninger(FNR)).rejects.toMatchObject({ name: "FagsystemError", kind: "invalid-response", message: expect.stringContaining("status") });
    answer = json(200, [{ ...received, navEnhet: "NAV" }]);
    await expect((await client()).radgivninger(FNR)).rejects.toMatchObject({ kind: "invalid-response" });
  });

  it("gives the refusal's code, so the page can say that there is no office", async () => {
    answer = json(400, { error: "no-nav-kontor", message: "no address" });
    await expect((await client()).sendRadgivning(FNR, request)).rejects.toMatchObject({ kind: "rejected", status: 400, code: "no-nav-kontor" });
    answer = json(404, { error: "not-found" });
    await expect((await client()).sendRadgivning(FNR, request)).rejects.toMatchObject({ kind: "not-found" });
  });

  it("tries a POST that broke off again once (it is safe: the id makes it the same request), and a 503 not", async () => {
    calls = 0;
    let first = true;
    answer = (req, body, res) => {
      if (first) {
        first = false;
        calls++;
        req.socket.destroy();
        return;
      }
      json(201, received)(req, body, res);
    };
    await expect((await client()).sendRadgivning(FNR, request)).resolves.toMatchObject({ radgivningId: received.radgivningId });
    expect(calls).toBe(2);
    calls = 0;
    answer = json(503, { error: "down" });
    await expect((await client()).sendRadgivning(FNR, request)).rejects.toMatchObject({ kind: "unavailable", status: 503 });
    expect(calls).toBe(1);
  });
});
