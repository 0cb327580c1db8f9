import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { textsFor } from "./soknad-pdf-texts.test-support";
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import { buildSoknadDocument, type LooseAnswers, type SoknadLanguage, type SoknadRegister } from "./soknad-document";
import { applicantName, soknadOutline, translator, type OutlineItem, type SoknadOutline } from "./soknad-outline";
import { stepsFor } from "./steps";


const person: FolkeregisterPerson = {
  fnr: "01019012345",
  navn: { fornavn: "Åse", mellomnavn: "Kjærlighet", etternavn: "Ødegård" },
  fodselsdato: "1990-01-01",
  adressebeskyttelse: "UGRADERT",
  statsborgerskap: ["NOR"],
  sivilstand: "UGIFT",
  bostedsadresse: { adressenavn: "Storgata", husnummer: "5", husbokstav: "B", postnummer: "0182", poststed: "OSLO", kommunenummer: "0301" },
  barn: [{ fnr: "01011512345", navn: { fornavn: "Lille", etternavn: "Ødegård" }, fodselsdato: "2015-01-01", folkeregistrertSammen: true }],
};

const register: SoknadRegister = {
  person,
  phone: "+4741234501",
  accountNumber: "12345678903",
  employments: [{ arbeidsgiver: { navn: "Kafé Blåbær AS", organisasjonsnummer: "999888777" }, fom: "2024-01-01", tom: null, stillingsprosent: 40 }],
};

const answers: LooseAnswers = {
  personalia: { addressChoice: "annen", otherAddress: { street: "Sjøgata 1", postnummer: "9008", poststed: "Tromsø" }, phone: "+4799999999", noBankAccount: false, accountNumber: "12345678903" },
  behov: { categories: ["livsopphold", "nodhjelp"], emergency: ["ingenMat"], details: "Mistet jobben. Trenger mat til barna i dag." },
  arbeid: { student: "nei" },
  familie: { maritalStatus: "ugift", maritalStatusFromRegister: true, children: [{ sharedResidence: "nei" }], childSupport: "mottar" },
  bosituasjon: { housing: "leier", householdSize: 2 },
  inntekt: { skattConsent: "ja", bostotteConsent: "nei", studentLoan: "nei", otherIncome: ["barnebidrag"], otherIncomeAmounts: { barnebidrag: 1800 }, savings: ["annet"], assets: ["annet"] },
  utgifter: { housingCosts: ["husleie"], childCosts: ["annet"], otherCosts: [] },
  dokumentasjon: { documents: [{ id: "husleiekontrakt", choice: "lasterOppNa" }, { id: "husleiekvittering", choice: "senderSenere", amount: 9500 }] },
};

function outline(
  overrides: { language?: SoknadLanguage; answers?: LooseAnswers; kind?: "standard" | "kort"; register?: Partial<SoknadRegister>; texts?: (key: string) => string; view?: "pdf" | "summary" } = {},
) {
  const language = overrides.language ?? "nb";
  const document = buildSoknadDocument({
    kind: overrides.kind ?? "standard",
    answers: overrides.answers ?? answers,
    register: { ...register, ...overrides.register },
    navKontor: { enhetsnummer: "0315", navn: "NAV Grünerløkka", kommunenummer: "0301" },
    language,
    now: new Date("2025-03-10T10:15:00Z"),
  });
  return soknadOutline(document, { language, texts: overrides.texts ?? textsFor(language), view: overrides.view });
}

const sectionOf = (result: SoknadOutline, id: string) => {
  const section = result.sections.find((candidate) => candidate.id === id);
  if (!section) throw new Error(`no section ${id}`);
  return section;
};
const fieldValue = (items: OutlineItem[], label: string) => items.flatMap((item) => (item.kind === "field" && item.label === label ? [item.value] : []))[0];
const listItems = (items: OutlineItem[], label: string | null) => items.flatMap((item) => (item.kind === "list" && item.label === label ? [item.items] : []))[0];
const labels = (items: OutlineItem[]) => items.map((item) => item.label);

describe("soknadOutline", () => {
  it("gives the title and the receiver with the time it was sent, without the office's number", () => {
    const result = outline();
    expect(result.title).toBe("Søknad om økonomisk sosialhjelp");
    expect(result.receiver).toBe("NAV Grünerløkka");
    expect(result.meta).toEqual([
      { kind: "field", label: "Sendt til", value: "NAV Grünerløkka" },
      { kind: "field", label: "Sendt", value: expect.stringMatching(/^10\. mars 2025 kl\. 11:15$/) },
    ]);
  });

  it("has a section for each step of a full søknad, with its step id and heading", () => {
    const result = outline();
    expect(result.sections.map(({ id, step, heading }) => ({ id, step, heading }))).toEqual([
      { id: "personalia", step: "personalia", heading: "Personopplysninger" },
      { id: "begrunnelse", step: "behov", heading: "Hva du søker om" },
      { id: "arbeid", step: "arbeid", heading: "Arbeid og utdanning" },
      { id: "familie", step: "familie", heading: "Familie" },
      { id: "bosituasjon", step: "bosituasjon", heading: "Bosituasjon" },
      { id: "inntekt", step: "inntekt", heading: "Inntekt og formue" },
      { id: "utgifter", step: "utgifter", heading: "Utgifter" },
      { id: "dokumentasjon", step: "dokumentasjon", heading: "Dokumentasjon" },
    ]);
  });

  it("ties every section to the step that asks it, so the summary can link back to it", () => {
    for (const section of outline().sections) expect(stepsFor("standard"), section.id).toContain(section.step);
    // A kort søknad does not ask about work and family: those sections show the registers only.
    const kort = outline({ kind: "kort", answers: { personalia: { addressChoice: "folkeregistrert" }, behov: { categories: ["husleie"] }, inntekt: { accountBalance: 10 } } });
    expect(kort.sections.filter((section) => !stepsFor("kort").includes(section.step)).map((section) => section.id)).toEqual(["arbeid", "familie"]);
  });

  it("writes the labels and values the PDF writes", () => {
    const result = outline();
    const personalia = sectionOf(result, "personalia").items;
    expect(personalia).toEqual([
      { kind: "field", label: "Navn", value: "Åse Kjærlighet Ødegård" },
      { kind: "field", label: "Fødselsnummer", value: "01019012345" },
      { kind: "field", label: "Statsborgerskap", value: "Norge" },
      { kind: "field", label: "Telefonnummer", value: "+4799999999" },
      { kind: "field", label: "Telefonnummer i Kontakt- og reservasjonsregisteret", value: "+4741234501" },
      { kind: "field", label: "Kontonummer", value: "1234 56 78903" },
      { kind: "field", label: "Folkeregistrert adresse", value: "Storgata 5B, 0182 OSLO" },
      { kind: "field", label: "Adressen søkeren bor på nå", value: "Sjøgata 1, 9008 Tromsø (Annen adresse, oppgitt i søknaden)" },
    ]);

    const begrunnelse = sectionOf(result, "begrunnelse").items;
    expect(listItems(begrunnelse, "Søker om")).toEqual(["Livsopphold (mat, klær og annet til daglig)", "Nødhjelp"]);
    expect(listItems(begrunnelse, "Nødhjelp: situasjonen i dag")).toEqual(["Har ikke penger til mat i dag"]);
    expect(fieldValue(begrunnelse, "Søkerens beskrivelse av situasjonen")).toBe("Mistet jobben. Trenger mat til barna i dag.");

    const arbeid = sectionOf(result, "arbeid").items;
    expect(listItems(arbeid, "Arbeidsforhold i Arbeidsgiver- og arbeidstakerregisteret")).toEqual(["Kafé Blåbær AS, 40 % stilling fra 1. januar 2024"]);
    expect(fieldValue(arbeid, "Er student")).toBe("Nei");

    const familie = sectionOf(result, "familie").items;
    expect(fieldValue(familie, "Sivilstand")).toBe("Ugift");
    expect(listItems(familie, "Barn")).toEqual(["Lille Ødegård, født 1. januar 2015. Folkeregistrert sammen med søkeren: Ja. Delt bosted: Nei"]);
    expect(fieldValue(familie, "Barnebidrag")).toBe("Mottar barnebidrag");

    expect(sectionOf(result, "bosituasjon").items).toEqual([
      { kind: "field", label: "Bor", value: "Leier privat" },
      { kind: "field", label: "Antall personer i husstanden", value: "2" },
    ]);

    const inntekt = sectionOf(result, "inntekt").items;
    expect(listItems(inntekt, "Inntekter")).toEqual([expect.stringMatching(/^Barnebidrag: 1\s800\skr$/)]);
    expect(listItems(inntekt, "Sparing og eiendeler")).toEqual(["Annen sparing", "Andre eiendeler"]);
    expect(fieldValue(inntekt, "Samtykker til at NAV henter inntekt fra Skatteetaten")).toBe("Ja");
    expect(fieldValue(inntekt, "Samtykker til at NAV henter bostøtte fra Husbanken")).toBe("Nei");
    expect(listItems(sectionOf(result, "utgifter").items, "Utgifter")).toEqual(["Husleie", "Andre utgifter til barn"]);

    // The documents are a list without a label: the heading says it all.
    expect(sectionOf(result, "dokumentasjon").items).toEqual([
      { kind: "list", label: null, items: ["husleiekontrakt: Lastet opp", expect.stringMatching(/^husleiekvittering \(beløp 9\s500\skr\): Sendes senere$/)] },
    ]);
  });

  it("puts the fallback text in place of an empty list", () => {
    const result = outline({
      answers: { ...answers, inntekt: { skattConsent: "ja" }, utgifter: {} },
      register: { employments: [], person: { ...person, barn: [] } },
    });
    const arbeid = sectionOf(result, "arbeid").items;
    expect(arbeid).toContainEqual({ kind: "field", label: "Arbeidsforhold i Arbeidsgiver- og arbeidstakerregisteret", value: "Ingen arbeidsforhold registrert" });
    expect(sectionOf(result, "familie").items).toContainEqual({ kind: "field", label: "Barn", value: "Ingen barn registrert" });
    const okonomi = [...sectionOf(result, "inntekt").items, ...sectionOf(result, "utgifter").items];
    for (const label of ["Inntekter", "Sparing og eiendeler", "Utgifter"]) expect(okonomi).toContainEqual({ kind: "field", label, value: "Ingen" });
    expect(okonomi.some((item) => item.kind === "list")).toBe(false);
  });

  it("leaves out what the person did not give", () => {
    const result = outline({
      answers: { personalia: { addressChoice: "folkeregistrert" }, behov: { categories: ["husleie"] }, familie: { maritalStatusFromRegister: true }, dokumentasjon: {} },
      register: { phone: null, person: { ...person, sivilstand: "UOPPGITT" } },
    });
    const personalia = sectionOf(result, "personalia").items;
    expect(labels(personalia)).not.toContain("Telefonnummer");
    expect(labels(personalia)).not.toContain("Telefonnummer i Kontakt- og reservasjonsregisteret");
    expect(labels(personalia)).not.toContain("Kontonummer i Kontoregisteret");
    const begrunnelse = sectionOf(result, "begrunnelse").items;
    expect(labels(begrunnelse)).toEqual(["Søker om"]);
    const arbeid = sectionOf(result, "arbeid").items;
    expect(labels(arbeid)).not.toContain("Er student");
    expect(labels(arbeid)).not.toContain("Søkerens kommentar til arbeidsforholdene");
    const familie = sectionOf(result, "familie").items;
    expect(labels(familie)).not.toContain("Sivilstand");
    expect(labels(familie)).not.toContain("Barnebidrag");
    // Sections with nothing to say are left out altogether.
    expect(result.sections.map((section) => section.id)).toEqual(["personalia", "begrunnelse", "arbeid", "familie"]);
    // And no item is ever empty.
    const items = [...result.meta, ...result.sections.flatMap((section) => section.items)];
    expect(items.filter((item) => (item.kind === "field" ? item.value === "" : item.items.length === 0))).toEqual([]);
  });

  it("shows both values when the person changed one from a register", () => {
    const result = outline({ answers: { ...answers, personalia: { addressChoice: "folkeregistrert", phone: "41234501", accountNumber: "9876.54.32109" } } });
    const personalia = sectionOf(result, "personalia").items;
    expect(fieldValue(personalia, "Telefonnummer")).toBe("+4741234501"); // the same number, written differently
    expect(labels(personalia)).not.toContain("Telefonnummer i Kontakt- og reservasjonsregisteret");
    expect(fieldValue(personalia, "Kontonummer")).toBe("9876.54.32109");
    expect(fieldValue(personalia, "Kontonummer i Kontoregisteret")).toBe("1234 56 78903");
    expect(fieldValue(personalia, "Adressen søkeren bor på nå")).toBe("Storgata 5B, 0182 OSLO (Folkeregistrert adresse)");
  });

  it("keeps a kort søknad to what it asked, with økonomi from the inntekt step", () => {
    const result = outline({
      kind: "kort",
      answers: { personalia: { addressChoice: "folkeregistrert", noBankAccount: true }, behov: { categories: ["husleie"], changedSinceLast: "nei" }, inntekt: { accountBalance: -250 } },
    });
    expect(result.title).toBe("Kort søknad om økonomisk sosialhjelp");
    expect(result.sections.map(({ id, step }) => [id, step])).toEqual([
      ["personalia", "personalia"],
      ["begrunnelse", "behov"],
      ["arbeid", "arbeid"],
      ["familie", "familie"],
      ["inntekt", "inntekt"],
    ]);
    expect(fieldValue(sectionOf(result, "personalia").items, "Kontonummer")).toBe("Har ikke bankkonto");
    expect(fieldValue(sectionOf(result, "begrunnelse").items, "Endringer siden forrige søknad")).toBe("Nei");
    // Empty lists in a kort søknad were not asked about: no "Ingen".
    expect(sectionOf(result, "inntekt").items).toEqual([{ kind: "field", label: "Saldo på kontoene nå", value: expect.stringMatching(/^\u2212250\skr$/) }]);
  });

  it("writes nynorsk and English, formatting dates and amounts and naming countries for the language", () => {
    const nynorsk = outline({ language: "nn" });
    expect(nynorsk.sections[0]?.heading).toBe("Personopplysningar");
    expect(fieldValue(sectionOf(nynorsk, "personalia").items, "Statsborgarskap")).toBe("Noreg");
    const swedish = outline({ language: "en", register: { person: { ...person, statsborgerskap: ["NOR", "SWE"] } } });
    expect(fieldValue(sectionOf(swedish, "personalia").items, "Citizenship")).toBe("Norway, Sweden");
    expect(listItems(sectionOf(nynorsk, "begrunnelse").items, "Søkjer om")).toBeDefined();

    const english = outline({ language: "en" });
    expect(english.title).toBe("Application for financial social assistance");
    expect(english.sections.map((section) => section.step)).toEqual(outline().sections.map((section) => section.step));
    const arbeid = sectionOf(english, "arbeid").items.find((item) => item.kind === "list");
    expect(arbeid?.kind === "list" && arbeid.items[0]).toMatch(/1 January 2024/);
  });

  it("speaks to the person on the summary, and of the applicant in the PDF", () => {
    const expected = {
      nb: { pdf: ["Adressen søkeren bor på nå", "Søker om", "Søkerens beskrivelse av situasjonen", "Folkeregistrert sammen med søkeren"], summary: ["Adressen du bor på nå", "Du søker om", "Beskrivelsen din av situasjonen", "Folkeregistrert sammen med deg"] },
      nn: { pdf: ["Adressa søkjaren bur på no", "Søkjer om", "Skildringa søkjaren gir av situasjonen", "Folkeregistrert saman med søkjaren"], summary: ["Adressa du bur på no", "Du søkjer om", "Skildringa di av situasjonen", "Folkeregistrert saman med deg"] },
      en: { pdf: ["Address where the applicant lives now", "Applying for", "The applicant's description of the situation", "Registered at the same address as the applicant"], summary: ["Where you live now", "You are applying for", "Your description of the situation", "Registered at your address"] },
    } as const;
    for (const language of ["nb", "nn", "en"] as const) {
      for (const view of ["pdf", "summary"] as const) {
        const result = outline({ language, view });
        const [address, applyingFor, description, registered] = expected[language][view];
        expect(labels(sectionOf(result, "personalia").items), `${language} ${view}`).toContain(address);
        expect(labels(sectionOf(result, "begrunnelse").items), `${language} ${view}`).toEqual(expect.arrayContaining([applyingFor, description]));
        const children = sectionOf(result, "familie").items.find((item) => item.kind === "list");
        expect(children?.kind === "list" && children.items[0], `${language} ${view}`).toContain(`${registered}: `);
        // Everything else is the same on both.
        expect(result.sections.map((section) => section.heading)).toEqual(outline({ language }).sections.map((section) => section.heading));
      }
    }
  });

  it("falls back to codes and keys when a text is missing", () => {
    const result = outline({ texts: (key) => key });
    expect(result.title).toBe("soknad-pdf:title");
    expect(listItems(sectionOf(result, "begrunnelse").items, "soknad-pdf:begrunnelse.hvaSokesOm")).toEqual(["livsopphold", "nodhjelp"]);
    expect(fieldValue(sectionOf(result, "bosituasjon").items, "soknad-pdf:bosituasjon.botype")).toBe("leier");
  });

  it("is safe to run anywhere: no pdfkit and no Node modules", () => {
    const source = fs.readFileSync(new URL("./soknad-outline.ts", import.meta.url), "utf8");
    const imports = [...source.matchAll(/^import\s.*?from\s+"([^"]+)"/gms)].map((match) => match[1]);
    expect(imports).toEqual(["~/i18n/country", "~/i18n/format", "./soknad-document", "./steps"]);
  });
});

describe("translator", () => {
  it("answers the text, or the fallback when i18next answers with the key", () => {
    const t = translator((key) => ({ "a:b": "Tekst", "a:c": "c", "a:d": "a:d" })[key] ?? "");
    expect(t("a:b")).toBe("Tekst");
    expect(t("a:c", "code")).toBe("code");
    expect(t("a:d", "code")).toBe("code");
    expect(t("a:e")).toBe("a:e");
  });
});

describe("applicantName", () => {
  it("joins the names the person has", () => {
    const document = buildSoknadDocument({
      kind: "standard",
      answers: {},
      register: { ...register, person: { ...person, navn: { fornavn: "Ola", etternavn: "Nordmann" } } },
      navKontor: { enhetsnummer: "0315", navn: "NAV Grünerløkka", kommunenummer: "0301" },
      language: "nb",
      now: new Date("2025-03-10T10:15:00Z"),
    });
    expect(applicantName(document)).toBe("Ola Nordmann");
  });
});
