import { describe, expect, it } from "vitest";
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import { buildSoknadDocument, type BuildSoknadDocumentInput, type LooseAnswers, type SoknadRegister } from "./soknad-document";

const NOW = new Date("2025-03-10T10:15:00Z");

const person: FolkeregisterPerson = {
  fnr: "01019012345",
  navn: { fornavn: "Åse", mellomnavn: "Kjærlighet", etternavn: "Ødegård" },
  fodselsdato: "1990-01-01",
  adressebeskyttelse: "UGRADERT",
  statsborgerskap: ["NOR"],
  sivilstand: "UGIFT",
  ektefelle: null,
  bostedsadresse: { adressenavn: "Storgata", husnummer: "5", husbokstav: "B", postnummer: "0182", poststed: "OSLO", kommunenummer: "0301" },
  oppholdsadresse: { adressenavn: "Hybelveien", husnummer: "2", husbokstav: null, postnummer: "5003", poststed: "BERGEN", kommunenummer: "4601" },
  barn: [
    { fnr: "01011512345", navn: { fornavn: "Lille", etternavn: "Ødegård" }, fodselsdato: "2015-01-01", folkeregistrertSammen: true },
    { fnr: "01011812345", navn: { fornavn: "Minste", etternavn: "Ødegård" }, fodselsdato: "2018-01-01", folkeregistrertSammen: false },
  ],
};

const register: SoknadRegister = {
  person,
  phone: "+4741234501",
  accountNumber: "12345678903",
  employments: [{ arbeidsgiver: { navn: "Kafé Blåbær AS", organisasjonsnummer: "999888777" }, fom: "2024-01-01", tom: null, stillingsprosent: 40 }],
};

const navKontor = { enhetsnummer: "0315", navn: "NAV Grünerløkka", kommunenummer: "0301" };

const fullAnswers: LooseAnswers = {
  personalia: { addressChoice: "folkeregistrert", phone: "+4741234501", noBankAccount: false, accountNumber: "12345678903" },
  behov: { categories: ["livsopphold", "nodhjelp", "annet"], emergency: ["ingenMat"], otherText: "Tannlege", details: "Mistet jobben i går." },
  arbeid: { employmentComment: "Sagt opp fra 1. mars", student: "ja", studyLoad: "deltid" },
  familie: { maritalStatus: "ugift", maritalStatusFromRegister: true, children: [{ sharedResidence: "nei" }, { sharedResidence: "nei", visitationPercent: 20 }], childSupport: "mottar" },
  bosituasjon: { housing: "leier", householdSize: 3 },
  inntekt: {
    skattConsent: "ja",
    bostotteConsent: "nei",
    studentLoan: "ja",
    otherIncome: ["barnebidrag", "annet"],
    otherIncomeAmounts: { barnebidrag: 1800 },
    savings: ["brukskonto"],
    assets: ["kjoretoy"],
  },
  utgifter: { housingCosts: ["husleie", "strom"], childCosts: ["sfo"], otherCosts: ["medisin"] },
  dokumentasjon: {
    documents: [
      { id: "skattemelding", choice: "levertTidligere" },
      { id: "husleiekontrakt", choice: "lasterOppNa" },
      { id: "husleiekvittering", choice: "senderSenere", amount: 9500 },
    ],
  },
  oppsummering: { confirm: true },
};

const build = (overrides: Partial<BuildSoknadDocumentInput> = {}) =>
  buildSoknadDocument({ kind: "standard", answers: fullAnswers, register, navKontor, language: "nb", now: NOW, ...overrides });

describe("buildSoknadDocument", () => {
  it("addresses the office and stamps the time and version", () => {
    const document = build({ language: "nn" });
    expect(document.version).toBe("1.0.0");
    expect(document.innsendingstidspunkt).toBe("2025-03-10T10:15:00.000Z");
    expect(document.sprak).toBe("nn");
    expect(document.mottaker).toEqual({ navEnhetsnavn: "NAV Grünerløkka", enhetsnummer: "0315", kommunenummer: "0301" });
    expect(document.data.soknadstype).toBe("standard");
  });

  it("takes identity from the register, marked as system data", () => {
    const { personalia } = build().data;
    expect(personalia.personIdentifikator).toEqual({ kilde: "system", verdi: "01019012345" });
    expect(personalia.navn).toEqual({ kilde: "system", fornavn: "Åse", mellomnavn: "Kjærlighet", etternavn: "Ødegård" });
    expect(personalia.statsborgerskap).toEqual({ kilde: "system", verdi: "NOR", alle: ["NOR"] });
    expect(personalia.nordiskBorger).toEqual({ kilde: "system", verdi: true });
    expect(personalia.folkeregistrertAdresse).toMatchObject({ kilde: "system", gatenavn: "Storgata", husnummer: "5", husbokstav: "B", postnummer: "0182" });
  });

  it("keeps unchanged register values as system values, not overridden", () => {
    const { personalia } = build().data;
    expect(personalia.telefonnummer).toEqual({ kilde: "system", verdi: "+4741234501", overstyrtAvBruker: false });
    expect(personalia.kontonummer).toEqual({ kilde: "system", verdi: "12345678903", harIkkeKonto: false, overstyrtAvBruker: false });
    // The same number written another way is no change.
    const spaced = build({ answers: { ...fullAnswers, personalia: { ...fullAnswers.personalia, phone: "412 34 501", accountNumber: "1234.56.78903" } } });
    expect(spaced.data.personalia.telefonnummer.overstyrtAvBruker).toBe(false);
    expect(spaced.data.personalia.kontonummer.overstyrtAvBruker).toBe(false);
  });

  it("marks a changed phone or account as overridden by the person, keeping the register's value", () => {
    const answers = { ...fullAnswers, personalia: { ...fullAnswers.personalia, phone: "+4799999999", accountNumber: "98765432106" } };
    const { personalia } = build({ answers }).data;
    expect(personalia.telefonnummer).toEqual({ kilde: "system", verdi: "+4799999999", overstyrtAvBruker: true, systemverdi: "+4741234501" });
    expect(personalia.kontonummer).toEqual({ kilde: "system", verdi: "98765432106", harIkkeKonto: false, overstyrtAvBruker: true, systemverdi: "12345678903" });
  });

  it("marks values the register did not have as the person's own", () => {
    const { personalia } = build({ register: { ...register, phone: null, accountNumber: undefined } }).data;
    expect(personalia.telefonnummer).toEqual({ kilde: "bruker", verdi: "+4741234501", overstyrtAvBruker: false });
    expect(personalia.kontonummer).toEqual({ kilde: "bruker", verdi: "12345678903", harIkkeKonto: false, overstyrtAvBruker: false });
  });

  it("records having no bank account, as a change when the register had one", () => {
    const answers = { ...fullAnswers, personalia: { addressChoice: "folkeregistrert", noBankAccount: true } };
    expect(build({ answers }).data.personalia.kontonummer).toEqual({
      kilde: "system",
      verdi: null,
      harIkkeKonto: true,
      overstyrtAvBruker: true,
      systemverdi: "12345678903",
    });
    expect(build({ answers, register: { ...register, accountNumber: null } }).data.personalia.kontonummer).toEqual({
      kilde: "bruker",
      verdi: null,
      harIkkeKonto: true,
      overstyrtAvBruker: false,
    });
  });

  it("uses the address the person chose", () => {
    const withChoice = (personalia: Record<string, unknown>) => build({ answers: { ...fullAnswers, personalia } }).data.personalia.oppholdsadresse;
    expect(withChoice({ addressChoice: "folkeregistrert" })).toMatchObject({ kilde: "system", adresseValg: "folkeregistrert", gatenavn: "Storgata" });
    expect(withChoice({ addressChoice: "midlertidig" })).toMatchObject({ kilde: "system", adresseValg: "midlertidig", gatenavn: "Hybelveien", poststed: "BERGEN" });
    expect(withChoice({ addressChoice: "annen", otherAddress: { street: "Sjøgata 1", postnummer: "9008", poststed: "Tromsø" } })).toEqual({
      kilde: "bruker",
      type: "gateadresse",
      adresseValg: "soknad",
      adresselinjer: ["Sjøgata 1"],
      postnummer: "9008",
      poststed: "Tromsø",
    });
    // Raw form field names work too.
    expect(withChoice({ addressChoice: "annen", otherStreet: "Sjøgata 1", otherPostnummer: "9008", otherPoststed: "Tromsø" })).toMatchObject({ adresselinjer: ["Sjøgata 1"] });
    expect(withChoice({})).toBeNull();
  });

  it("describes the need: categories, emergency, the person's own words", () => {
    expect(build().data.begrunnelse).toEqual({
      kilde: "bruker",
      hvaSokesOm: ["livsopphold", "nodhjelp", "annet"],
      hvaSokesOmAnnet: "Tannlege",
      hvorforSoke: "Mistet jobben i går.",
      nodhjelp: ["ingenMat"],
    });
    // Emergency details without nødhjelp ticked do not count.
    const answers = { ...fullAnswers, behov: { categories: ["husleie"], emergency: ["ingenMat"], otherText: "x" } };
    expect(build({ answers }).data.begrunnelse).toMatchObject({ nodhjelp: [], hvaSokesOmAnnet: null, hvorforSoke: null });
  });

  it("lists employments from Aa-registeret and the person's education", () => {
    const { arbeid, utdanning } = build().data;
    expect(arbeid).toEqual({
      forhold: [{ kilde: "system", arbeidsgivernavn: "Kafé Blåbær AS", organisasjonsnummer: "999888777", fom: "2024-01-01", tom: null, stillingsprosent: 40 }],
      kommentarTilArbeidsforhold: { kilde: "bruker", verdi: "Sagt opp fra 1. mars" },
    });
    expect(utdanning).toEqual({ kilde: "bruker", erStudent: true, studentgrad: "deltid" });
  });

  it("joins the register's children with the answers about each, by index", () => {
    const { familie } = build().data;
    expect(familie.sivilstatus).toEqual({ kilde: "system", status: "ugift", ektefelle: null });
    expect(familie.forsorgerplikt.harForsorgerplikt).toEqual({ kilde: "system", verdi: true });
    expect(familie.forsorgerplikt.barnebidrag).toEqual({ kilde: "bruker", verdi: "mottar" });
    expect(familie.forsorgerplikt.ansvar).toEqual([
      { barn: { kilde: "system", navn: "Lille Ødegård", fodselsdato: "2015-01-01" }, erFolkeregistrertSammen: true, harDeltBosted: false, samvarsgrad: null },
      { barn: { kilde: "system", navn: "Minste Ødegård", fodselsdato: "2018-01-01" }, erFolkeregistrertSammen: false, harDeltBosted: false, samvarsgrad: 20 },
    ]);
  });

  it("takes marital status and spouse from the person when the register has none", () => {
    const answers = {
      ...fullAnswers,
      familie: { maritalStatus: "samboer", maritalStatusFromRegister: false, spouse: { name: "Per Ås", birthDate: "1988-05-05", livesTogether: "ja" }, children: [] },
    };
    const { familie } = build({ answers, register: { ...register, person: { ...person, sivilstand: "UOPPGITT" } } }).data;
    expect(familie.sivilstatus).toEqual({ kilde: "bruker", status: "samboer", ektefelle: { kilde: "bruker", navn: "Per Ås", fodselsdato: "1988-05-05", borSammenMed: true } });
  });

  it("lists housing, income, wealth, costs and consents", () => {
    const { bosituasjon, okonomi } = build().data;
    expect(bosituasjon).toEqual({ kilde: "bruker", botype: "leier", botypeAnnet: null, antallPersoner: 3 });
    expect(okonomi.inntekt).toEqual([
      { kilde: "bruker", type: "studielanOgStipend" },
      { kilde: "bruker", type: "barnebidrag", belop: 1800 },
      { kilde: "bruker", type: "annet" },
    ]);
    expect(okonomi.formue).toEqual([
      { kilde: "bruker", type: "brukskonto", gruppe: "sparing" },
      { kilde: "bruker", type: "kjoretoy", gruppe: "eiendel" },
    ]);
    expect(okonomi.utgifter.map((utgift) => `${utgift.gruppe}:${utgift.type}`)).toEqual(["bolig:husleie", "bolig:strom", "barn:sfo", "annet:medisin"]);
    expect(okonomi.samtykke).toEqual({ skatteetaten: true, husbanken: false });
    expect(okonomi).not.toHaveProperty("kontosaldo");
  });

  it("gives each document its vedlegg status", () => {
    expect(build().data.dokumentasjon).toEqual([
      { type: "skattemelding", status: "VedleggAlleredeSendt", filer: [] },
      { type: "husleiekontrakt", status: "LastetOpp", filer: [] },
      { type: "husleiekvittering", status: "VedleggKreves", belop: 9500, filer: [] },
    ]);
    // With the uploaded files known, "upload now" without a file is still required.
    const files = { husleiekontrakt: [{ filnavn: "kontrakt.pdf", sha512: "ab" }] };
    expect(build({ files }).data.dokumentasjon[1]).toEqual({ type: "husleiekontrakt", status: "LastetOpp", filer: [{ filnavn: "kontrakt.pdf", sha512: "ab" }] });
    expect(build({ files: {} }).data.dokumentasjon[1]?.status).toBe("VedleggKreves");
    // Raw form values (doc.<id>.choice) are read too; unknown choices count as still required.
    const raw = { "doc.stromregning.choice": "levertTidligere", "doc.stromregning.amount": "1200", "doc.bsu.choice": "constructor" };
    expect(build({ answers: { ...fullAnswers, dokumentasjon: raw } }).data.dokumentasjon).toEqual([
      { type: "stromregning", status: "VedleggAlleredeSendt", belop: 1200, filer: [] },
      { type: "bsu", status: "VedleggKreves", filer: [] },
    ]);
  });

  it("builds a kort søknad from its few steps, with the change since last time and the balance", () => {
    const answers: LooseAnswers = {
      personalia: { addressChoice: "folkeregistrert", noBankAccount: false, accountNumber: "12345678903" },
      behov: { categories: ["livsopphold"], details: "Som sist.", changedSinceLast: "ja", changeDescription: "Ny husleie" },
      inntekt: { skattConsent: "ja", bostotteConsent: "ja", studentLoan: "nei", otherIncome: [], otherIncomeAmounts: {}, savings: [], assets: [], accountBalance: -250 },
    };
    const document = build({ kind: "kort", answers });
    expect(document.data.soknadstype).toBe("kort");
    expect(document.data.begrunnelse.endringSidenSist).toEqual({ verdi: true, beskrivelse: "Ny husleie" });
    expect(document.data.okonomi.kontosaldo).toBe(-250);
    expect(document.data.okonomi.utgifter).toEqual([]);
    expect(document.data.dokumentasjon).toEqual([]);
    expect(document.data.bosituasjon).toEqual({ kilde: "bruker", botype: null, botypeAnnet: null, antallPersoner: null });
    // Register data is there even without the steps that show it.
    expect(document.data.arbeid.forhold).toHaveLength(1);
    expect(document.data.familie.forsorgerplikt.ansvar).toHaveLength(2);
  });

  it("never fails on odd answers, and the result is plain JSON", () => {
    const odd: LooseAnswers = {
      personalia: { addressChoice: 42, phone: ["x"], accountNumber: {} },
      behov: { categories: "livsopphold", emergency: null },
      familie: { children: "many" },
      inntekt: { otherIncome: [1, "salg"], otherIncomeAmounts: { salg: "mye" } },
      dokumentasjon: { documents: [null, { id: 5 }, { id: "x", choice: "lasterOppNa", amount: Number.NaN }] },
    };
    const document = build({ answers: odd });
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
    expect(document.data.personalia.telefonnummer).toMatchObject({ kilde: "system", verdi: "+4741234501" });
    expect(document.data.okonomi.inntekt).toEqual([{ kilde: "bruker", type: "salg" }]);
    expect(document.data.dokumentasjon).toEqual([{ type: "x", status: "LastetOpp", filer: [] }]);
  });
});
