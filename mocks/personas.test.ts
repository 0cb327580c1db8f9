import { describe, expect, it } from "vitest";
import {
  arbeidsforholdListSchema,
  folkeregisterPersonSchema,
  hendelseSchemas,
  husbankenBostotteSchema,
  kontoregisterKontoSchema,
  krrKontaktinfoSchema,
  navKontorSchema,
  navUtbetalingListSchema,
  skatteetatenInntektSchema,
  type Hendelse,
} from "../app/fagsystem/contract";
import { isValidFnr, isValidKontonummer, isValidOrgnr } from "./fnr";
import { navKontorer, navKontorFor, seed, seededFileBytes, type MockState } from "./personas";

const DAY_MS = 86_400_000;
const utcDate = (now: Date, offsetDays: number) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offsetDays)).toISOString().slice(0, 10);

function ageOn(birthDate: string, day: Date): number {
  const [y, m, d] = birthDate.split("-").map(Number) as [number, number, number];
  const beforeBirthday = day.getUTCMonth() + 1 < m || (day.getUTCMonth() + 1 === m && day.getUTCDate() < d);
  return day.getUTCFullYear() - y - (beforeBirthday ? 1 : 0);
}

function personaOf(state: MockState, id: string) {
  const person = state.persons.find((candidate) => candidate.id === id);
  if (!person) throw new Error(`no persona ${id}`);
  const soknader = state.soknader.filter((soknad) => soknad.fnr === person.folkeregister.fnr);
  return { person, soknader, hendelser: soknader.flatMap((soknad) => soknad.hendelser) };
}

const ofType = <T extends Hendelse["type"]>(hendelser: Hendelse[], type: T) => hendelser.filter((hendelse): hendelse is Extract<Hendelse, { type: T }> => hendelse.type === type);

// Month ends, a leap day, a year boundary and today: the stories must hold on any day.
const nows = ["2025-03-10T10:00:00Z", "2024-02-29T23:30:00Z", "2025-12-31T23:59:59Z", "2026-01-01T00:00:01Z", "2025-03-31T12:00:00Z", new Date().toISOString()].map((iso) => new Date(iso));

describe.each(nows.map((now) => [now.toISOString(), now] as const))("seed(%s)", (_label, now) => {
  const state = seed(now);

  it("is deterministic", () => {
    expect(seed(new Date(now))).toEqual(state);
  });

  it("lists the personas in a stable order with valid, unique, synthetic numbers", () => {
    expect(state.persons.map((person) => person.id)).toEqual(["forstegang", "aleneforelder", "under-behandling", "innvilget", "avslag", "nylig-hjelp", "kode6", "mindrearig", "gift", "klagefrist-ute", "kode7", "nav-ansatt"]);
    const fnrs = state.persons.flatMap((person) => [person.folkeregister.fnr, ...person.folkeregister.barn.map((child) => child.fnr)]);
    expect(new Set(fnrs).size).toBe(fnrs.length);
    for (const fnr of fnrs) {
      expect(isValidFnr(fnr), fnr).toBe(true);
      expect(Number(fnr.slice(2, 4)), fnr).toBeGreaterThan(80);
    }
  });

  it("register data matches the contract", () => {
    for (const person of state.persons) {
      folkeregisterPersonSchema.parse(person.folkeregister);
      krrKontaktinfoSchema.parse(person.krr);
      kontoregisterKontoSchema.parse(person.kontoregister);
      arbeidsforholdListSchema.parse(person.aareg);
      navUtbetalingListSchema.parse(person.navUtbetalinger);
      skatteetatenInntektSchema.parse(person.skatteetaten);
      husbankenBostotteSchema.parse(person.husbanken);
      if (person.kontoregister.kontonummer) expect(isValidKontonummer(person.kontoregister.kontonummer)).toBe(true);
      for (const job of person.aareg) expect(isValidOrgnr(job.arbeidsgiver.organisasjonsnummer)).toBe(true);
      for (const payment of person.navUtbetalinger) {
        expect(payment.utbetalingsdato >= utcDate(now, -40) && payment.utbetalingsdato <= utcDate(now, 0)).toBe(true);
      }
      const kommunenummer = person.folkeregister.bostedsadresse?.kommunenummer;
      if (kommunenummer) expect(navKontorFor(kommunenummer), person.id).toBeDefined();
    }
    for (const office of navKontorer) navKontorSchema.parse(office);
    expect(navKontorer.some((office) => !office.digitalSoknad)).toBe(true);
  });

  it("every event log is valid, in time order, in the past, and its files exist", () => {
    for (const soknad of state.soknader) {
      const times = soknad.hendelser.map((hendelse) => Date.parse(hendelse.hendelsestidspunkt));
      expect([...times].sort((a, b) => a - b)).toEqual(times);
      expect(Math.max(...times)).toBeLessThanOrEqual(now.getTime());
      expect(soknad.hendelser[0]).toMatchObject({ type: "soknadsStatus", status: "MOTTATT" });
      for (const hendelse of soknad.hendelser) {
        hendelseSchemas[hendelse.type].strict().parse(hendelse);
        const referanse = "vedtaksfil" in hendelse ? hendelse.vedtaksfil.referanse : "forvaltningsbrev" in hendelse ? hendelse.forvaltningsbrev?.referanse : undefined;
        if (referanse) expect(state.files[referanse.id], referanse.id).toBeDefined();
      }
    }
  });

  it("forstegang: about 34, job ended last month, no søknader", () => {
    const { person, soknader } = personaOf(state, "forstegang");
    expect(ageOn(person.folkeregister.fodselsdato, now)).toBe(34);
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    expect(person.aareg[0]?.tom?.slice(0, 7)).toBe(lastMonth);
    expect(soknader).toEqual([]);
  });

  it("aleneforelder: divorced, two children, one with delt bosted, bostøtte and barnetrygd", () => {
    const { person } = personaOf(state, "aleneforelder");
    expect(ageOn(person.folkeregister.fodselsdato, now)).toBe(38);
    expect(person.folkeregister.sivilstand).toBe("SKILT");
    expect(person.folkeregister.barn.map((child) => child.folkeregistrertSammen).sort()).toEqual([false, true]);
    expect(person.husbanken.utbetalinger.length).toBeGreaterThan(0);
    expect(person.navUtbetalinger.some((payment) => payment.ytelse === "Barnetrygd")).toBe(true);
  });

  it("under-behandling: sent 10 days ago, two documents due in 5 days", () => {
    const { soknader, hendelser } = personaOf(state, "under-behandling");
    expect(soknader).toHaveLength(1);
    expect(soknader[0]?.sendtTidspunkt?.slice(0, 10)).toBe(utcDate(now, -10));
    expect(hendelser.map((hendelse) => hendelse.type)).toEqual(["soknadsStatus", "tildeltNavKontor", "soknadsStatus", "saksStatus", "dokumentasjonEtterspurt"]);
    const [etterspurt] = ofType(hendelser, "dokumentasjonEtterspurt");
    expect(etterspurt?.dokumenter).toHaveLength(2);
    for (const dokument of etterspurt?.dokumenter ?? []) expect(dokument.innsendelsesfrist?.slice(0, 10)).toBe(utcDate(now, 5));
  });

  it("innvilget: paid last month, next payment planned in about a week, a vilkår and a dokumentasjonskrav", () => {
    const { hendelser } = personaOf(state, "innvilget");
    expect(ofType(hendelser, "vedtakFattet").map((vedtak) => vedtak.utfall)).toEqual(["INNVILGET"]);
    // Fold the payments by their upsert key.
    const payments = new Map(ofType(hendelser, "utbetaling").map((payment) => [payment.utbetalingsreferanse, payment]));
    const [paid, planned] = [...payments.values()];
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    expect(paid).toMatchObject({ status: "UTBETALT" });
    expect(paid?.utbetalingsdato?.slice(0, 7)).toBe(lastMonth);
    expect(planned).toMatchObject({ status: "PLANLAGT_UTBETALING", forfallsdato: utcDate(now, 7) });
    expect(ofType(hendelser, "vilkar")).toHaveLength(1);
    expect(ofType(hendelser, "dokumentasjonkrav")).toHaveLength(1);
    expect(ofType(hendelser, "soknadsStatus").at(-1)?.status).toBe("FERDIGBEHANDLET");
  });

  it("avslag: refused about 4 days ago", () => {
    const { hendelser } = personaOf(state, "avslag");
    const [vedtak] = ofType(hendelser, "vedtakFattet");
    expect(vedtak?.utfall).toBe("AVSLATT");
    expect(vedtak?.hendelsestidspunkt.slice(0, 10)).toBe(utcDate(now, -4));
  });

  it("klagefrist-ute: refused 30 days ago, past the three weeks to complain, in a municipality of her own", () => {
    const { person, soknader, hendelser } = personaOf(state, "klagefrist-ute");
    expect(soknader).toHaveLength(1);
    const [vedtak] = ofType(hendelser, "vedtakFattet");
    expect(vedtak?.utfall).toBe("AVSLATT");
    expect(vedtak?.hendelsestidspunkt.slice(0, 10)).toBe(utcDate(now, -30));
    expect(now.getTime() - Date.parse(vedtak?.hendelsestidspunkt ?? "")).toBeGreaterThan(21 * DAY_MS);
    const kommunenummer = person.folkeregister.bostedsadresse?.kommunenummer ?? "";
    expect(navKontorFor(kommunenummer)?.digitalSoknad).toBe(true);
    const others = state.persons.filter((other) => other.id !== person.id).map((other) => other.folkeregister.bostedsadresse?.kommunenummer);
    expect(others).not.toContain(kommunenummer);
    expect(state.klager).toEqual([]);
  });

  it("nylig-hjelp: helped, paid 21 days ago; ten months ago a søknad on paper", () => {
    const { soknader } = personaOf(state, "nylig-hjelp");
    expect(soknader.map((soknad) => soknad.kanal ?? "DIGITAL")).toEqual(["DIGITAL", "PAPIR"]);
    const hendelser = soknader[0]!.hendelser;
    expect(ofType(hendelser, "vedtakFattet")[0]?.utfall).toBe("INNVILGET");
    expect(ofType(hendelser, "utbetaling").at(-1)).toMatchObject({ status: "UTBETALT", utbetalingsdato: utcDate(now, -21) });
  });

  it("kode7 has fortrolig adresse and a paper søknad; nav-ansatt is skjermet; nobody else is", () => {
    const kode7 = personaOf(state, "kode7");
    expect(kode7.person.folkeregister.adressebeskyttelse).toBe("FORTROLIG");
    expect(kode7.soknader.map((soknad) => soknad.kanal)).toEqual(["PAPIR"]);
    expect(state.persons.filter((person) => person.skjermet).map((person) => person.id)).toEqual(["nav-ansatt"]);
    expect(personaOf(state, "nav-ansatt").soknader).toHaveLength(1);
  });

  it("kode6 has strengt fortrolig adresse and no address; mindrearig is 17", () => {
    const kode6 = personaOf(state, "kode6").person.folkeregister;
    expect(kode6.adressebeskyttelse).toBe("STRENGT_FORTROLIG");
    expect(kode6.bostedsadresse).toBeNull();
    expect(ageOn(personaOf(state, "mindrearig").person.folkeregister.fodselsdato, now)).toBe(17);
    expect(ageOn(personaOf(state, "mindrearig").person.folkeregister.fodselsdato, new Date(now.getTime() + 30 * DAY_MS))).toBe(17);
  });
});

it("keeps the same fødselsnumre for resets within a calendar month", () => {
  const fnrs = (iso: string) => seed(new Date(iso)).persons.map((person) => person.folkeregister.fnr);
  expect(fnrs("2025-03-01T00:00:00Z")).toEqual(fnrs("2025-03-31T23:59:59Z"));
  expect(fnrs("2025-03-31T23:59:59Z")).not.toEqual(fnrs("2025-04-01T00:00:00Z"));
});

describe("seeded letters", () => {
  it("are well-formed PDFs: every xref offset points at its object", () => {
    const state = seed(new Date("2025-03-10T10:00:00Z"));
    const entries = Object.entries(state.files);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const [id, file] of entries) {
      const text = Buffer.from(seededFileBytes(id, file)).toString("latin1");
      expect(text.startsWith("%PDF-1.")).toBe(true);
      expect(text.trimEnd().endsWith("%%EOF")).toBe(true);
      const startxref = Number(/startxref\n(\d+)/.exec(text)?.[1]);
      expect(text.slice(startxref, startxref + 4)).toBe("xref");
      const offsets = [...text.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
      offsets.forEach((offset, index) => expect(text.slice(offset).startsWith(`${index + 1} 0 obj`)).toBe(true));
      expect(file.storrelse).toBe(Buffer.byteLength(text, "latin1"));
    }
  });
});
