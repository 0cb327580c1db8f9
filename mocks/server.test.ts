import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import {
  PERSON_HEADER,
  arbeidsforholdListSchema,
  digisosSokerSchema,
  errorBodySchema,
  folkeregisterPersonSchema,
  hendelseSchemas,
  husbankenBostotteSchema,
  kontoregisterKontoSchema,
  krrKontaktinfoSchema,
  navKontorSchema,
  navUtbetalingListSchema,
  paths,
  skatteetatenInntektSchema,
  skjermingSchema,
  soknadSummaryListSchema,
  type Hendelse,
} from "../app/fagsystem/contract";
import { makeFnr } from "./fnr";
import { STATE_FILE } from "./state";
import { startFagsystemMock, type FagsystemMock } from "./server";

const NOW = new Date("2025-03-10T10:00:00Z");
const testUserSchema = z.array(z.object({ id: z.string(), fnr: z.string().regex(/^\d{11}$/), name: z.string(), birthDate: z.string() }));
type TestUser = z.infer<typeof testUserSchema>[number];

const registers = [
  [paths.folkeregisterPerson, folkeregisterPersonSchema],
  [paths.krrKontaktinfo, krrKontaktinfoSchema],
  [paths.kontoregisterKonto, kontoregisterKontoSchema],
  [paths.aaregArbeidsforhold, arbeidsforholdListSchema],
  [paths.navUtbetalinger, navUtbetalingListSchema],
  [paths.skatteetatenInntekt, skatteetatenInntektSchema],
  [paths.husbankenBostotte, husbankenBostotteSchema],
] as const;

let dataDir: string;
let mock: FagsystemMock;
let users: TestUser[];

function call(pathname: string, init: { fnr?: string; method?: string; body?: unknown; signal?: AbortSignal } = {}) {
  const headers: Record<string, string> = {};
  if (init.fnr) headers[PERSON_HEADER] = init.fnr;
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  return fetch(new URL(pathname, mock.url), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
    signal: init.signal,
  });
}

async function json(pathname: string, fnr?: string): Promise<unknown> {
  const response = await call(pathname, { fnr });
  expect(response.status, pathname).toBe(200);
  return response.json();
}

const user = (id: string) => {
  const found = users.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no test user ${id}`);
  return found;
};

async function soknadIds(fnr: string) {
  return soknadSummaryListSchema.parse(await json(paths.soknader, fnr)).map((soknad) => soknad.fiksDigisosId);
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "fagsystem-mock-"));
  mock = await startFagsystemMock({ port: 0, dataDir, now: () => NOW });
  users = testUserSchema.parse(await json("/mock/testbrukere"));
});

afterAll(async () => {
  await mock?.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("contract", () => {
  it("lists the test users in persona order, and the NKS staff user", async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(users.map((candidate) => candidate.id)).toEqual(["forstegang", "aleneforelder", "under-behandling", "innvilget", "avslag", "nylig-hjelp", "kode6", "mindrearig", "gift", "klagefrist-ute", "kode7", "nav-ansatt"]);
    expect(await json("/mock/nks-testbrukere")).toEqual([
      { navIdent: "Z990001", name: "Nora Kontaktsenter", roles: ["nks"] },
      { navIdent: "Z990002", name: "Ola Veileder", roles: [] },
    ]);
  });

  it("answers every path for every persona with bodies that match the schemas", async () => {
    for (const { id, fnr } of users) {
      for (const [pathname, schema] of registers) {
        const parsed = schema.safeParse(await json(pathname, fnr));
        expect(parsed.success, `${id} ${pathname}: ${parsed.error?.message}`).toBe(true);
      }
      const person = folkeregisterPersonSchema.parse(await json(paths.folkeregisterPerson, fnr));
      expect(person.fnr).toBe(fnr);
      if (person.bostedsadresse) {
        const office = navKontorSchema.parse(await json(`${paths.norgKontor}?kommunenummer=${person.bostedsadresse.kommunenummer}`));
        expect(office.kommunenummer).toBe(person.bostedsadresse.kommunenummer);
      }
      const soknader = soknadSummaryListSchema.parse(await json(paths.soknader, fnr));
      for (const soknad of soknader) {
        const document = digisosSokerSchema.parse(await json(paths.innsyn(soknad.fiksDigisosId), fnr));
        expect(document.version).toBe("1.0.0");
        expect(document.avsender).toEqual({ systemnavn: "Mock fagsystem", systemversjon: "1.0" });
        for (const hendelse of document.hendelser) hendelseSchemas[hendelse.type as Hendelse["type"]].parse(hendelse);
        expect(soknad.sistOppdatert).toBe(document.hendelser.at(-1)?.hendelsestidspunkt);
      }
    }
  });

  it("gives each persona the søknader of its story", async () => {
    const counts = Object.fromEntries(await Promise.all(users.map(async ({ id, fnr }) => [id, (await soknadIds(fnr)).length] as const)));
    expect(counts).toEqual({ forstegang: 0, aleneforelder: 0, "under-behandling": 1, innvilget: 1, avslag: 1, "nylig-hjelp": 2, kode6: 0, mindrearig: 0, gift: 0, "klagefrist-ute": 1, kode7: 1, "nav-ansatt": 1 });
  });

  it("refuses requests without a person (400) and unknown persons (404)", async () => {
    const missing = await call(paths.folkeregisterPerson);
    expect(missing.status).toBe(400);
    errorBodySchema.parse(await missing.json());
    expect((await call(paths.soknader, { fnr: "123" })).status).toBe(400);
    const unknown = await call(paths.folkeregisterPerson, { fnr: makeFnr("1970-06-15", 101) });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "not-found" });
  });

  it("never shows one person's søknad to another", async () => {
    const [id] = await soknadIds(user("innvilget").fnr);
    expect(id).toBeDefined();
    const foreign = await call(paths.innsyn(id ?? ""), { fnr: user("avslag").fnr });
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual({ error: "not-found" });
    expect((await call(paths.innsyn("00000000-0000-4000-8000-000000000000"), { fnr: user("avslag").fnr })).status).toBe(404);
  });

  it("answers NORG by kommunenummer: 404 for an unknown one, 400 for a malformed one, one non-digital office", async () => {
    expect(navKontorSchema.parse(await json(`${paths.norgKontor}?kommunenummer=1151`)).digitalSoknad).toBe(false);
    expect((await call(`${paths.norgKontor}?kommunenummer=9999`)).status).toBe(404);
    expect((await call(`${paths.norgKontor}?kommunenummer=abc`)).status).toBe(400);
  });

  it("tells whether a person is skjermet (a NAV employee): only nav-ansatt is; unknown persons are 404", async () => {
    const skjermet = async (id: string) => skjermingSchema.parse(await json(paths.skjerming, user(id).fnr)).skjermet;
    expect(await skjermet("nav-ansatt")).toBe(true);
    expect(await skjermet("under-behandling")).toBe(false);
    expect(await skjermet("kode7")).toBe(false);
    expect((await call(paths.skjerming, { fnr: makeFnr("1970-06-15", 101) })).status).toBe(404);
    expect((await call(paths.skjerming)).status).toBe(400);
  });

  it("answers unknown paths with JSON 404", async () => {
    const response = await call("/api/v1/nope", { fnr: user("forstegang").fnr });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "not-found" });
  });
});

describe("faults", () => {
  afterEach(async () => {
    expect((await call("/mock/faults", { method: "DELETE" })).status).toBe(204);
  });

  const addFault = async (fault: unknown) => {
    const response = await call("/mock/faults", { method: "PUT", body: fault });
    expect(response.status).toBe(201);
  };

  it("answers an injected status for matching requests only, and clears", async () => {
    const fnr = user("forstegang").fnr;
    await addFault({ path: "/api/v1/folkeregister", status: 503 });
    const faulty = await call(paths.folkeregisterPerson, { fnr });
    expect(faulty.status).toBe(503);
    expect(await faulty.json()).toEqual({ error: "injected-fault" });
    expect((await call(paths.krrKontaktinfo, { fnr })).status).toBe(200);
    expect(await json("/mock/faults")).toEqual([{ path: "/api/v1/folkeregister", status: 503 }]);
    await call("/mock/faults", { method: "DELETE" });
    expect(await json("/mock/faults")).toEqual([]);
    expect((await call(paths.folkeregisterPerson, { fnr })).status).toBe(200);
  });

  it("can target one person and one method", async () => {
    await addFault({ path: "/api/v1/soknader", fnr: user("avslag").fnr, method: "get", status: 500 });
    expect((await call(paths.soknader, { fnr: user("avslag").fnr })).status).toBe(500);
    expect((await call(paths.soknader, { fnr: user("innvilget").fnr })).status).toBe(200);
  });

  it("drops the connection", async () => {
    await addFault({ path: "/api/v1/krr", drop: true });
    await expect(call(paths.krrKontaktinfo, { fnr: user("forstegang").fnr })).rejects.toThrow();
    expect((await call(paths.kontoregisterKonto, { fnr: user("forstegang").fnr })).status).toBe(200);
  });

  it("delays, then passes through to the handler", async () => {
    await addFault({ path: "/api/v1/aareg", delayMs: 300 });
    const started = Date.now();
    const response = await call(paths.aaregArbeidsforhold, { fnr: user("forstegang").fnr });
    expect(response.status).toBe(200);
    arbeidsforholdListSchema.parse(await response.json());
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it("survives a client that gives up during the delay", async () => {
    await addFault({ path: "/api/v1/aareg", delayMs: 500, status: 503 });
    await expect(call(paths.aaregArbeidsforhold, { fnr: user("forstegang").fnr, signal: AbortSignal.timeout(50) })).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await call(paths.krrKontaktinfo, { fnr: user("forstegang").fnr })).status).toBe(200);
  });

  it("refuses a bad fault with 400", async () => {
    for (const body of [{}, { path: "api" , status: 503 }, { path: "/api" }, { path: "/api", status: 503, drop: true }, { path: "/api", status: 99 }, "{not json"]) {
      const response = await call("/mock/faults", { method: "PUT", body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      errorBodySchema.parse(await response.json());
    }
    expect(await json("/mock/faults")).toEqual([]);
  });
});

describe("state", () => {
  const extraSoknad = (fnr: string) => ({
    fiksDigisosId: "11111111-2222-4333-8444-555555555555",
    fnr,
    sendtTidspunkt: "2025-03-09T08:00:00.000Z",
    navKontor: "0315",
    hendelser: [{ type: "soknadsStatus" as const, hendelsestidspunkt: "2025-03-09T08:00:00.000Z", status: "MOTTATT" as const }],
  });

  it("survives a restart on the same data dir", async () => {
    const fnr = user("forstegang").fnr;
    await mock.state.update((state) => {
      state.soknader.push(extraSoknad(fnr));
    });
    const seededAt = mock.state.seededAt;
    await mock.close();
    mock = await startFagsystemMock({ port: 0, dataDir, now: () => new Date("2025-04-01T10:00:00Z") });
    expect(mock.state.seededAt).toBe(seededAt);
    expect(await soknadIds(fnr)).toEqual(["11111111-2222-4333-8444-555555555555"]);
    const onDisk = JSON.parse(await fs.readFile(path.join(dataDir, STATE_FILE), "utf8")) as { soknader: unknown[] };
    expect(onDisk.soknader).toHaveLength(9);
    expect((await fs.readdir(dataDir)).filter((name) => name.includes(".tmp"))).toEqual([]);
  });

  it("reset reseeds and clears faults", async () => {
    await call("/mock/faults", { method: "PUT", body: { path: "/api/v1/husbanken", status: 503 } });
    expect((await call("/mock/reset", { method: "POST" })).status).toBe(204);
    // The mock now runs with a clock in April: the seed follows it, so birth dates and fødselsnumre move.
    expect(mock.state.seededAt).toBe("2025-04-01T10:00:00.000Z");
    const reseeded = testUserSchema.parse(await json("/mock/testbrukere"));
    expect(reseeded.map((candidate) => candidate.id)).toEqual(users.map((candidate) => candidate.id));
    users = reseeded;
    const fnr = user("forstegang").fnr;
    expect(await soknadIds(fnr)).toEqual([]);
    expect(await soknadIds(user("innvilget").fnr)).toHaveLength(1);
    expect(await json("/mock/faults")).toEqual([]);
    expect((await call(paths.husbankenBostotte, { fnr })).status).toBe(200);
    const letters = await fs.readdir(path.join(dataDir, "fagsystem-files"));
    expect(letters.length).toBeGreaterThanOrEqual(4);
    for (const id of letters) expect((await mock.state.readFile(id))?.bytes.byteLength).toBeGreaterThan(100);
  });
});
