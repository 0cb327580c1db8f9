import { describe, expect, it } from "vitest";
import { textsFor } from "./soknad-pdf-texts.test-support";
import type { FolkeregisterPerson } from "~/fagsystem/contract";
import { printable, renderSoknadPdf } from "./pdf.server";
import { buildSoknadDocument, type LooseAnswers, type SoknadLanguage } from "./soknad-document";


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

const document = (overrides: { language?: SoknadLanguage; answers?: LooseAnswers; kind?: "standard" | "kort" } = {}) =>
  buildSoknadDocument({
    kind: overrides.kind ?? "standard",
    answers: overrides.answers ?? answers,
    register: {
      person,
      phone: "+4741234501",
      accountNumber: "12345678903",
      employments: [{ arbeidsgiver: { navn: "Kafé Blåbær AS", organisasjonsnummer: "999888777" }, fom: "2024-01-01", tom: null, stillingsprosent: 40 }],
    },
    navKontor: { enhetsnummer: "0315", navn: "NAV Grünerløkka", kommunenummer: "0301" },
    language: overrides.language ?? "nb",
    now: new Date("2025-03-10T10:15:00Z"),
  });

async function render(language: SoknadLanguage, overrides: { answers?: LooseAnswers; kind?: "standard" | "kort" } = {}) {
  const bytes = await renderSoknadPdf(document({ ...overrides, language }), { language, texts: textsFor(language), compress: false });
  return { bytes, raw: Buffer.from(bytes).toString("latin1") };
}

/** Each embedded font's ToUnicode map (glyph code → text), by font resource name (F1, F2, …). */
function toUnicodeMaps(raw: string): Map<string, Map<string, string>> {
  const object = (ref: string) => new RegExp(`\\n${ref} 0 obj\\n([\\s\\S]*?)\\nendobj`).exec(raw)?.[1] ?? "";
  const utf16 = (hex: string) => Buffer.from(hex, "hex").swap16().toString("utf16le");
  const maps = new Map<string, Map<string, string>>();
  for (const [, name, ref] of raw.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    if (!name || !ref || maps.has(name)) continue;
    const cmapRef = /\/ToUnicode (\d+) 0 R/.exec(object(ref))?.[1];
    if (!cmapRef) continue;
    const cmap = object(cmapRef);
    const map = new Map<string, string>();
    for (const [, from, to, list, single] of cmap.matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(?:\[([^\]]*)\]|<([0-9a-f]+)>)/gi)) {
      const start = parseInt(from ?? "", 16);
      const end = parseInt(to ?? "", 16);
      // A ligature's target holds several characters, written with spaces: <0066 0074>.
      const targets = list ? [...list.matchAll(/<([0-9a-f\s]+)>/gi)].map((m) => (m[1] ?? "").replace(/\s/g, "")) : [];
      for (let code = start; code <= end; code++) {
        const target = list ? targets[code - start] : (parseInt(single ?? "", 16) + code - start).toString(16).padStart(4, "0");
        if (target !== undefined) map.set(code.toString(16).padStart(4, "0"), utf16(target));
      }
    }
    maps.set(name, map);
  }
  return maps;
}

/**
 * The text of each text object (BT … ET: one line), in order, decoded through the
 * fonts' ToUnicode maps as a PDF reader (copy, search, screen reader) would, in NFC.
 */
function shownText(raw: string): string[] {
  const maps = toUnicodeMaps(raw);
  return [...raw.matchAll(/\nBT\n([\s\S]*?)\nET\n/g)].map(([, block]) => {
    let font = new Map<string, string>();
    let text = "";
    for (const [, name, array] of (block ?? "").matchAll(/\/(F\d+) [\d.]+ Tf|\[((?:<[0-9a-f]*>|[-\d.\s])*)\]\s*TJ/g)) {
      if (name) font = maps.get(name) ?? new Map();
      for (const [, hex] of (array ?? "").matchAll(/<([0-9a-f]*)>/g)) {
        for (const code of (hex ?? "").match(/.{4}/g) ?? []) text += font.get(code) ?? "\ufffd";
      }
    }
    return text.normalize("NFC");
  });
}

describe("renderSoknadPdf", () => {
  it("writes a tagged PDF with language, title and structure", async () => {
    const { bytes, raw } = await render("nb");
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw).toContain("/StructTreeRoot");
    expect(raw).toContain("/Lang (nb-NO)");
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R|\/Marked true/);
    expect(raw).toContain("/DisplayDocTitle true");
    for (const tag of ["/Document", "/H1", "/H2", "/P", "/L", "/LI", "/LBody", "/Sect"]) expect(raw, tag).toContain(`/S ${tag}`);
    // The title and author are in the document information, as UTF-16BE strings.
    const infoString = (name: string) => {
      const ref = new RegExp(`/${name} (\\d+) 0 R`).exec(raw)?.[1];
      const literal = new RegExp(`\\n${ref} 0 obj\\n\\((.*?)\\)\\nendobj`, "s").exec(raw)?.[1] ?? "";
      return Buffer.from(literal, "latin1").subarray(2).swap16().toString("utf16le");
    };
    expect(infoString("Title")).toBe("Søknad om økonomisk sosialhjelp");
    expect(infoString("Author")).toBe("Åse Kjærlighet Ødegård");
  });

  it("shows the person's name with æøå, the office, the time and the answers", async () => {
    const text = shownText((await render("nb")).raw);
    const all = text.join("\n");
    expect(text[0]).toBe("Søknad om økonomisk sosialhjelp");
    expect(all).toContain("Åse Kjærlighet Ødegård");
    expect(all).toContain("NAV Grünerløkka");
    expect(all).not.toContain("0315"); // the office's number means nothing to the person
    expect(all).toContain("Norge"); // citizenship by name, not "NOR"
    expect(all).toContain("10. mars 2025 kl. 11:15"); // Oslo time
    for (const line of [
      "Personopplysninger",
      "+4799999999",
      "Telefonnummer i Kontakt- og reservasjonsregisteret",
      "+4741234501",
      "1234 56 78903",
      "Sjøgata 1, 9008 Tromsø (Annen adresse, oppgitt i søknaden)",
      "Livsopphold (mat, klær og annet til daglig)",
      "Har ikke penger til mat i dag",
      "Kafé Blåbær AS, 40 % stilling fra 1. januar 2024",
      "Lille Ødegård, født 1. januar 2015",
      "Mottar barnebidrag",
      "Leier privat",
      "Annen sparing",
      "Andre eiendeler",
      "Andre utgifter til barn",
      "Dokumentasjon",
      "husleiekontrakt: Lastet opp",
      "Side 1 / ",
    ]) {
      expect(all, line).toContain(line);
    }
    expect(all).toMatch(/Barnebidrag: 1\s800\skr/);
  });

  it("writes nynorsk and English from the same document", async () => {
    const nynorsk = await render("nn");
    expect(nynorsk.raw).toContain("/Lang (nn-NO)");
    const nnText = shownText(nynorsk.raw).join("\n");
    expect(nnText).toContain("Personopplysningar");
    expect(nnText).toContain("Har ikkje pengar til mat i dag");
    expect(nnText).toContain("Leiger privat");

    const english = await render("en");
    expect(english.raw).toContain("/Lang (en-GB)");
    const enText = shownText(english.raw).join("\n");
    expect(enText).toContain("Application for financial social assistance");
    expect(enText).toContain("Personal details");
    expect(enText).toContain("Åse Kjærlighet Ødegård");
  });

  it("leaves out what a kort søknad did not ask", async () => {
    const kort = await render("nb", {
      kind: "kort",
      answers: { personalia: { addressChoice: "folkeregistrert", noBankAccount: true }, behov: { categories: ["husleie"], changedSinceLast: "nei" }, inntekt: { accountBalance: -250 } },
    });
    const text = shownText(kort.raw).join("\n");
    expect(text).toContain("Kort søknad om økonomisk sosialhjelp");
    expect(text).toContain("Har ikke bankkonto");
    expect(text).toContain("Endringer siden forrige søknad");
    expect(text).toMatch(/Saldo på kontoene nå\n\u2212250\skr/); // a real minus sign, as Intl writes it
    expect(text).not.toContain("Utgifter");
    expect(text).not.toContain("Bosituasjon");
    expect(text).not.toContain("Dokumentasjon");
  });

  it("flows long answers over several pages, numbering each", async () => {
    const long = "Dette er en lang forklaring om situasjonen min, med æ, ø og å. ".repeat(120);
    const { raw } = await render("nb", { answers: { ...answers, behov: { categories: ["annet"], otherText: "Annet", details: long } } });
    const pages = (raw.match(/\/Type \/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThan(1);
    const text = shownText(raw).join("\n");
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Side ${page} / ${pages}`);
  });

  it("falls back to codes when a text is missing, and compresses by default", async () => {
    const bytes = await renderSoknadPdf(document(), { language: "nb", texts: (key) => key });
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw.startsWith("%PDF-")).toBe(true);
    expect(raw).toContain("/FlateDecode");
  });
});

describe("printable", () => {
  it("keeps the letters people's names are written with", () => {
    const names = "Æøå ÆØÅ é ü ß – — “x” € … Łukasz Nguyễn Ødegård Şahin Łódź ŋ đ ŧ Ŋ Đ Ŧ č š ž ʒ ǯ ǧ Жанна Ёлкина Ελένη −250";
    expect(printable(names)).toBe(names);
  });

  it("decomposes what the font lacks when it has the parts, and replaces the rest", () => {
    expect(printable("Ǩǩ")).toBe("K\u030ck\u030c");
    expect(printable("مرحبا 😀")).toBe("????? ?");
    expect(printable("a\tb\u0007c\u0085d\ne")).toBe("a bcd\ne");
  });
});

describe("the embedded font", () => {
  it("prints names outside Western European letters as themselves", async () => {
    const names = "Łukasz Nguyễn Ødegård ŋ đ ŧ Жанна ǩ";
    const { raw } = await render("nb", { answers: { ...answers, behov: { ...answers.behov, details: names } } });
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toContain("/ToUnicode");
    expect(raw).not.toContain("/Helvetica");
    expect(shownText(raw)).toContain(names);
  });
});
