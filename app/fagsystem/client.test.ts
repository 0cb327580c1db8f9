import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A stand-in fagsystem whose answers each test chooses: what matters is how the client copes.
let answer: (req: http.IncomingMessage, res: http.ServerResponse) => void = (_req, res) => res.end();
const server = http.createServer((req, res) => answer(req, res));
let seenHeaders: http.IncomingHttpHeaders = {};
let seenUrl = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.FAGSYSTEM_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.FAGSYSTEM_TIMEOUT_MS = "300";
  process.env.MOCKS = "true";
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const json = (status: number, body: unknown) => (req: http.IncomingMessage, res: http.ServerResponse) => {
  seenHeaders = req.headers;
  seenUrl = req.url ?? "";
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(typeof body === "string" ? body : JSON.stringify(body));
};

const validPerson = {
  fnr: "01019012345",
  navn: { fornavn: "Kari", etternavn: "Nordmann" },
  fodselsdato: "1990-01-01",
  adressebeskyttelse: "UGRADERT",
  statsborgerskap: ["NOR"],
  sivilstand: "UGIFT",
  barn: [],
};

async function client() {
  return (await import("./client.server")).fagsystem;
}

describe("fagsystem client", () => {
  it("returns a valid answer, sending the person in a header and never in the URL", async () => {
    answer = json(200, validPerson);
    const person = await (await client()).folkeregisterPerson("01019012345");
    expect(person.navn.fornavn).toBe("Kari");
    expect(seenHeaders["nav-personident"]).toBe("01019012345");
    expect(seenUrl).not.toContain("01019012345");
  });

  it("turns a malformed answer into a clear invalid-response error", async () => {
    answer = json(200, { ...validPerson, fnr: 12345, navn: null });
    await expect((await client()).folkeregisterPerson("01019012345")).rejects.toMatchObject({
      name: "FagsystemError",
      kind: "invalid-response",
      message: expect.stringContaining("fnr"),
    });
  });

  it("turns a body that is not JSON into invalid-response", async () => {
    answer = json(200, "<html>oops</html>");
    await expect((await client()).soknader("01019012345")).rejects.toMatchObject({ kind: "invalid-response" });
  });

  it("maps 404, 4xx and 5xx", async () => {
    answer = json(404, { error: "not-found" });
    await expect((await client()).soknader("01019012345")).rejects.toMatchObject({ kind: "not-found" });
    answer = json(400, { error: "bad" });
    await expect((await client()).soknader("01019012345")).rejects.toMatchObject({ kind: "rejected" });
    answer = json(503, { error: "down" });
    await expect((await client()).soknader("01019012345")).rejects.toMatchObject({ kind: "unavailable", status: 503 });
  });

  it("gives up after its timeout", async () => {
    answer = () => undefined; // never answers
    const started = Date.now();
    await expect((await client()).soknader("01019012345")).rejects.toMatchObject({ kind: "timeout" });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("reports a dropped connection as unavailable", async () => {
    answer = (req) => req.socket.destroy();
    await expect((await client()).soknader("01019012345")).rejects.toMatchObject({ kind: "unavailable" });
  });

  it("tries a read once more when the connection broke before an answer, but never an upload", async () => {
    let calls = 0;
    const firstDropped = (ok: (req: http.IncomingMessage, res: http.ServerResponse) => void) => (req: http.IncomingMessage, res: http.ServerResponse) => {
      calls += 1;
      if (calls === 1) req.socket.destroy();
      else ok(req, res);
    };
    answer = firstDropped(json(200, []));
    await expect((await client()).soknader("01019012345")).resolves.toEqual([]);
    expect(calls).toBe(2);

    calls = 0;
    answer = firstDropped(json(201, {}));
    const upload = { filnavn: "a.pdf", mimetype: "application/pdf", type: "annet", bytes: new Uint8Array([1]), sha512: "x" };
    await expect((await client()).lastOppMellomlagring("01019012345", "d", upload as never)).rejects.toMatchObject({ kind: "unavailable" });
    expect(calls).toBe(1);
  });

  it("accepts an event log with unknown event types but rejects a wrong version", async () => {
    const log = {
      version: "1.0.0",
      avsender: { systemnavn: "x", systemversjon: "1" },
      hendelser: [{ type: "somethingNew", hendelsestidspunkt: "2026-11-01T10:00:00.000Z", extra: 1 }],
    };
    answer = json(200, log);
    const parsed = await (await client()).innsyn("01019012345", "3fa85f64-5717-4562-b3fc-2c963f66afa6");
    expect(parsed.hendelser[0]).toMatchObject({ type: "somethingNew", extra: 1 });
    answer = json(200, { ...log, version: "2.0.0" });
    await expect((await client()).innsyn("01019012345", "3fa85f64-5717-4562-b3fc-2c963f66afa6")).rejects.toMatchObject({
      kind: "invalid-response",
    });
  });
  it("reads a document once per page request, and again after a write in that request", async () => {
    const { requestScope } = await import("~/request-scope.server");
    let reads = 0;
    answer = (req, res) => {
      if (req.method === "GET") reads += 1;
      json(req.method === "GET" ? 200 : 204, req.method === "GET" ? [] : "")(req, res);
    };
    const fagsystem = await client();
    await requestScope.run({}, async () => {
      await Promise.all([fagsystem.soknader("01019012345"), fagsystem.soknader("01019012345")]);
      expect(reads).toBe(1);
      await fagsystem.soknader("02029012345"); // another person: another read
      expect(reads).toBe(2);
      await fagsystem.slettMellomlagring("01019012345", "d", "f");
      await fagsystem.soknader("01019012345");
      expect(reads).toBe(3);
    });
    // Outside a request, and in the next request, nothing is remembered.
    await fagsystem.soknader("01019012345");
    await requestScope.run({}, () => fagsystem.soknader("01019012345"));
    expect(reads).toBe(5);
  });
});
