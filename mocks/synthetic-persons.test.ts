import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { folkeregisterPersonSchema, kontoregisterKontoSchema, krrKontaktinfoSchema, PERSON_HEADER } from "../app/fagsystem/contract";
import { isValidFnr, isValidKontonummer } from "./fnr";
import { MAX_SYNTHETIC_PERSONS, navKontorFor, seed, syntheticPersons } from "./personas";
import { startFagsystemMock, type FagsystemMock } from "./server";

const NOW = new Date("2025-03-10T10:00:00Z");

function ageOn(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const beforeBirthday = day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d);
  return day.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

describe("syntheticPersons", () => {
  const all = syntheticPersons(NOW, MAX_SYNTHETIC_PERSONS);

  it("gives valid, synthetic, unique fødselsnumre that no persona has", () => {
    const personas = seed(NOW).persons.flatMap((person) => [person.folkeregister.fnr, ...person.folkeregister.barn.map((child) => child.fnr)]);
    const fnrs = all.map((person) => person.folkeregister.fnr);
    expect(new Set([...fnrs, ...personas]).size).toBe(fnrs.length + personas.length);
    for (const fnr of fnrs) {
      expect(isValidFnr(fnr), fnr).toBe(true);
      expect(Number(fnr.slice(2, 4)), `${fnr} is synthetic (month + 80)`).toBeGreaterThan(80);
    }
  });

  it("are adults who can apply digitally: an address at a digital office, a phone, a valid account, contract-shaped registers", () => {
    for (const person of all) {
      const age = ageOn(person.folkeregister.fodselsdato, NOW);
      expect(age).toBeGreaterThanOrEqual(25);
      expect(age).toBeLessThan(40);
      expect(person.folkeregister.adressebeskyttelse).toBe("UGRADERT");
      expect(navKontorFor(person.folkeregister.bostedsadresse!.kommunenummer)?.digitalSoknad).toBe(true);
      expect(folkeregisterPersonSchema.parse(person.folkeregister)).toBeTruthy();
      expect(krrKontaktinfoSchema.parse(person.krr).mobiltelefonnummer).toMatch(/^\+474\d{7}$/);
      expect(isValidKontonummer(kontoregisterKontoSchema.parse(person.kontoregister).kontonummer!)).toBe(true);
    }
    expect(new Set(all.map((person) => person.kontoregister.kontonummer)).size).toBe(all.length);
  });

  it("numbers from `from`, is deterministic, and stops at the maximum", () => {
    expect(syntheticPersons(NOW, 3, 11).map((person) => person.id)).toEqual(["syntetisk-11", "syntetisk-12", "syntetisk-13"]);
    expect(syntheticPersons(NOW, 3, 11)).toEqual(all.slice(10, 13));
    expect(() => syntheticPersons(NOW, 1, MAX_SYNTHETIC_PERSONS + 1)).toThrow(RangeError);
  });
});

describe("POST /mock/syntetiske-personer", () => {
  let dataDir: string;
  let mock: FagsystemMock;

  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "mock-synthetic-"));
    mock = await startFagsystemMock({ port: 0, dataDir, now: () => NOW });
  });
  afterAll(async () => {
    await mock.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const add = (body: unknown) => fetch(`${mock.url}/mock/syntetiske-personer`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

  it("adds persons the test login lists and the registers know, numbered on from the last; a reset removes them", async () => {
    const first = await add({ antall: 2 });
    expect(first.status).toBe(201);
    const second = (await (await add({ antall: 1 })).json()) as { id: string; fnr: string }[];
    expect(second.map((user) => user.id)).toEqual(["syntetisk-3"]);

    const listed = (await (await fetch(`${mock.url}/mock/testbrukere`)).json()) as { id: string; fnr: string }[];
    expect(listed.filter((user) => user.id.startsWith("syntetisk-")).map((user) => user.id)).toEqual(["syntetisk-1", "syntetisk-2", "syntetisk-3"]);
    const person = await fetch(`${mock.url}/api/v1/folkeregister/person`, { headers: { [PERSON_HEADER]: second[0]!.fnr } });
    expect(person.status).toBe(200);

    await fetch(`${mock.url}/mock/reset`, { method: "POST" });
    const afterReset = (await (await fetch(`${mock.url}/mock/testbrukere`)).json()) as { id: string }[];
    expect(afterReset.some((user) => user.id.startsWith("syntetisk-"))).toBe(false);
  });

  it("refuses a count outside 1 to the maximum", async () => {
    for (const body of [{}, { antall: 0 }, { antall: 1.5 }, { antall: MAX_SYNTHETIC_PERSONS + 1 }, { antall: 1, extra: true }]) {
      expect((await add(body)).status, JSON.stringify(body)).toBe(400);
    }
  });
});
