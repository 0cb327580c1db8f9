/**
 * The søknad as the JSON document sent to the fagsystem, close to NAV's
 * soknad.json (soknadsosialhjelp-filformat): every value says where it came
 * from (`kilde`: "system" for register data, "bruker" for what the person
 * wrote), and a register value the person changed is kept as "system" with
 * `overstyrtAvBruker: true` and the register's own value beside it, so the
 * caseworker sees both.
 *
 * Values are codes, never translated text: the PDF (pdf.server.ts) turns them
 * into words in the person's language. The answers are read loosely (any step
 * may be missing, as in a kort søknad), so a missing or odd answer leaves a
 * value out instead of failing the send.
 */
import { maritalStatusFromRegister } from "./options";
import type { Adresse, Arbeidsforhold, FolkeregisterPerson, NavKontor } from "~/fagsystem/contract";

export const SOKNAD_DOCUMENT_VERSION = "1.0.0";

export type SoknadKind = "standard" | "kort";
export type SoknadLanguage = "nb" | "nn" | "en";
/** The draft's answers by step; see schemas.ts for each step's shape. */
/** Answers per step, read loosely: typed answers and raw form values both fit. */
export type LooseAnswers = { readonly [step: string]: object | undefined };

/** What the registers say about the person, fetched when the søknad is sent. */
export interface SoknadRegister {
  person: FolkeregisterPerson;
  /** Mobile number from KRR (kontakt- og reservasjonsregisteret). */
  phone: string | null | undefined;
  /** From the kontoregister. */
  accountNumber: string | null | undefined;
  /** From Aa-registeret. */
  employments: readonly Arbeidsforhold[];
}

/** Files uploaded for a document, by document id (vedlegg.json's `filer`). */
export type UploadedFiles = Record<string, ReadonlyArray<{ filnavn: string; sha512: string }>>;

export interface BuildSoknadDocumentInput {
  kind: SoknadKind;
  answers: LooseAnswers;
  register: SoknadRegister;
  navKontor: Pick<NavKontor, "enhetsnummer" | "navn" | "kommunenummer">;
  language: SoknadLanguage;
  now: Date;
  /** When given, a document marked "upload now" without any file counts as still required. */
  files?: UploadedFiles;
}

type Kilde = "system" | "bruker";

export interface SoknadAdresse {
  kilde: Kilde;
  type: "gateadresse";
  /** Set for an address the person wrote: the street line as written. */
  adresselinjer?: string[];
  gatenavn?: string;
  husnummer?: string | null;
  husbokstav?: string | null;
  postnummer: string | null;
  poststed: string | null;
  kommunenummer?: string;
}

export type AdresseValg = "folkeregistrert" | "midlertidig" | "soknad";

export interface ValueFromRegister<T> {
  kilde: Kilde;
  verdi: T;
  /** The person changed a value from the register; `systemverdi` is what the register said. */
  overstyrtAvBruker: boolean;
  systemverdi?: T;
}

export type DokumentasjonStatus = "LastetOpp" | "VedleggKreves" | "VedleggAlleredeSendt";

export interface SoknadOkonomiPost {
  kilde: Kilde;
  type: string;
  belop?: number;
}

export interface SoknadDocument {
  version: string;
  innsendingstidspunkt: string;
  /** The language the person used; the PDF is in the same language. */
  sprak: SoknadLanguage;
  mottaker: { navEnhetsnavn: string; enhetsnummer: string; kommunenummer: string };
  data: {
    soknadstype: SoknadKind;
    personalia: {
      personIdentifikator: { kilde: "system"; verdi: string };
      navn: { kilde: "system"; fornavn: string; mellomnavn: string; etternavn: string };
      statsborgerskap: { kilde: "system"; verdi: string | null; alle: string[] };
      nordiskBorger: { kilde: "system"; verdi: boolean | null };
      telefonnummer: ValueFromRegister<string | null>;
      kontonummer: ValueFromRegister<string | null> & { harIkkeKonto: boolean };
      folkeregistrertAdresse: SoknadAdresse | null;
      oppholdsadresse: (SoknadAdresse & { adresseValg: AdresseValg }) | null;
    };
    begrunnelse: {
      kilde: "bruker";
      /** Category codes (livsopphold, husleie, strom, nodhjelp, annet). */
      hvaSokesOm: string[];
      hvaSokesOmAnnet: string | null;
      hvorforSoke: string | null;
      /** The emergency situations when nødhjelp is asked for (ingenMat, ikkeSovested, stromStenges). */
      nodhjelp: string[];
      /** Kort søknad: whether anything changed since the last søknad. */
      endringSidenSist?: { verdi: boolean | null; beskrivelse: string | null };
    };
    arbeid: {
      forhold: Array<{ kilde: "system"; arbeidsgivernavn: string; organisasjonsnummer: string; fom: string; tom: string | null; stillingsprosent: number }>;
      kommentarTilArbeidsforhold: { kilde: "bruker"; verdi: string } | null;
    };
    utdanning: { kilde: "bruker"; erStudent: boolean | null; studentgrad: "heltid" | "deltid" | null };
    familie: {
      sivilstatus: {
        kilde: Kilde;
        status: string | null;
        ektefelle: { kilde: Kilde; navn: string; fodselsdato: string | null; borSammenMed: boolean | null } | null;
      };
      forsorgerplikt: {
        harForsorgerplikt: { kilde: "system"; verdi: boolean };
        barnebidrag: { kilde: "bruker"; verdi: string } | null;
        ansvar: Array<{
          barn: { kilde: "system"; navn: string; fodselsdato: string };
          erFolkeregistrertSammen: boolean;
          harDeltBosted: boolean | null;
          samvarsgrad: number | null;
        }>;
      };
    };
    bosituasjon: { kilde: "bruker"; botype: string | null; botypeAnnet: string | null; antallPersoner: number | null };
    okonomi: {
      inntekt: SoknadOkonomiPost[];
      /** Savings and accounts (`sparing`) and things the person owns (`eiendel`). */
      formue: Array<SoknadOkonomiPost & { gruppe: "sparing" | "eiendel" }>;
      utgifter: Array<SoknadOkonomiPost & { gruppe: "bolig" | "barn" | "annet" }>;
      /** Consent to fetch income from Skatteetaten and housing benefit from Husbanken. */
      samtykke: { skatteetaten: boolean | null; husbanken: boolean | null };
      /** Kort søknad: the balance of the person's accounts now. */
      kontosaldo?: number | null;
    };
    dokumentasjon: Array<{
      type: string;
      status: DokumentasjonStatus;
      belop?: number;
      filer: Array<{ filnavn: string; sha512: string }>;
    }>;
  };
}

/* ---------- loose readers ---------- */

const text = (value: unknown): string | null => (typeof value === "string" && value.trim() !== "" ? value.trim() : null);
const list = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string" && item !== "") : []);
const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
/** A whole number: stored answers hold numbers, raw form values hold digits. */
function amount(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  return typeof value === "string" && /^-?\d{1,15}$/.test(value.trim()) ? Number(value.trim()) : undefined;
}
/** "ja"/"nei" (what the forms store), or a boolean. */
function yesNo(value: unknown): boolean | null {
  if (value === true || value === "ja") return true;
  if (value === false || value === "nei") return false;
  return null;
}

/** Phone numbers compare without spaces and without the Norwegian country code. */
function samePhone(a: string, b: string): boolean {
  const plain = (phone: string) => phone.replace(/[\s-]/g, "").replace(/^(?:\+47|0047)(?=\d{8}$)/, "");
  return plain(a) === plain(b);
}
const sameAccount = (a: string, b: string) => a.replace(/\D/g, "") === b.replace(/\D/g, "");

/**
 * A value the form prefills from a register. An answer that differs from the
 * register is the person's change; no answer keeps the register's value.
 */
function fromRegister(registerValue: string | null | undefined, answer: string | null, same: (a: string, b: string) => boolean): ValueFromRegister<string | null> {
  const system = text(registerValue);
  if (!system) return { kilde: "bruker", verdi: answer, overstyrtAvBruker: false };
  if (answer === null || same(answer, system)) return { kilde: "system", verdi: system, overstyrtAvBruker: false };
  return { kilde: "system", verdi: answer, overstyrtAvBruker: true, systemverdi: system };
}

function registerAddress(adresse: Adresse | null | undefined): SoknadAdresse | null {
  if (!adresse) return null;
  return {
    kilde: "system",
    type: "gateadresse",
    gatenavn: adresse.adressenavn,
    husnummer: adresse.husnummer ?? null,
    husbokstav: adresse.husbokstav ?? null,
    postnummer: adresse.postnummer,
    poststed: adresse.poststed,
    kommunenummer: adresse.kommunenummer,
  };
}

const nordicCountries = new Set(["NOR", "SWE", "DNK", "FIN", "ISL"]);

/** The register's sivilstand as the status codes of soknad.json. */

/** The documentation step's choices (a Map: a choice such as "constructor" must not find anything). */
const documentStatus = new Map<string, DokumentasjonStatus>([
  ["lasterOppNa", "LastetOpp"],
  ["levertTidligere", "VedleggAlleredeSendt"],
  ["senderSenere", "VedleggKreves"],
]);

/* ---------- sections ---------- */

function personalia(answers: Record<string, unknown>, register: SoknadRegister): SoknadDocument["data"]["personalia"] {
  const { person } = register;
  const noAccount = answers.noBankAccount === true || answers.noBankAccount === "on";
  const account = fromRegister(register.accountNumber, noAccount ? null : text(answers.accountNumber), sameAccount);
  const kontonummer = noAccount
    ? {
        kilde: register.accountNumber ? ("system" as const) : ("bruker" as const),
        verdi: null,
        harIkkeKonto: true,
        overstyrtAvBruker: Boolean(register.accountNumber),
        ...(register.accountNumber ? { systemverdi: register.accountNumber } : {}),
      }
    : { ...account, harIkkeKonto: false };

  let oppholdsadresse: SoknadDocument["data"]["personalia"]["oppholdsadresse"] = null;
  const choice = text(answers.addressChoice);
  if (choice === "folkeregistrert") {
    const address = registerAddress(person.bostedsadresse);
    oppholdsadresse = address && { ...address, adresseValg: "folkeregistrert" };
  } else if (choice === "midlertidig") {
    const address = registerAddress(person.oppholdsadresse);
    oppholdsadresse = address && { ...address, adresseValg: "midlertidig" };
  } else if (choice === "annen") {
    const other = record(answers.otherAddress);
    const street = text(other.street) ?? text(answers.otherStreet);
    oppholdsadresse = {
      kilde: "bruker",
      type: "gateadresse",
      adresselinjer: street ? [street] : [],
      postnummer: text(other.postnummer) ?? text(answers.otherPostnummer),
      poststed: text(other.poststed) ?? text(answers.otherPoststed),
      adresseValg: "soknad",
    };
  }

  return {
    personIdentifikator: { kilde: "system", verdi: person.fnr },
    navn: { kilde: "system", fornavn: person.navn.fornavn, mellomnavn: person.navn.mellomnavn ?? "", etternavn: person.navn.etternavn },
    statsborgerskap: { kilde: "system", verdi: person.statsborgerskap[0] ?? null, alle: [...person.statsborgerskap] },
    nordiskBorger: {
      kilde: "system",
      verdi: person.statsborgerskap.length === 0 ? null : person.statsborgerskap.some((code) => nordicCountries.has(code.toUpperCase())),
    },
    telefonnummer: fromRegister(register.phone, text(answers.phone), samePhone),
    kontonummer,
    folkeregistrertAdresse: registerAddress(person.bostedsadresse),
    oppholdsadresse,
  };
}

function begrunnelse(answers: Record<string, unknown>, kind: SoknadKind): SoknadDocument["data"]["begrunnelse"] {
  const categories = list(answers.categories);
  return {
    kilde: "bruker",
    hvaSokesOm: categories,
    hvaSokesOmAnnet: categories.includes("annet") ? text(answers.otherText) : null,
    hvorforSoke: text(answers.details),
    nodhjelp: categories.includes("nodhjelp") ? list(answers.emergency) : [],
    ...(kind === "kort"
      ? {
          endringSidenSist: {
            verdi: yesNo(answers.changedSinceLast),
            beskrivelse: yesNo(answers.changedSinceLast) ? text(answers.changeDescription) : null,
          },
        }
      : {}),
  };
}

function familie(answers: Record<string, unknown>, person: FolkeregisterPerson): SoknadDocument["data"]["familie"] {
  const registered = person.sivilstand === "UOPPGITT" ? null : maritalStatusFromRegister[person.sivilstand];
  const fromRegister = answers.maritalStatusFromRegister !== false && registered !== null;
  const status = fromRegister ? registered : text(answers.maritalStatus);
  const spouse = record(answers.spouse);
  const ektefelle = person.ektefelle
    ? {
        kilde: "system" as const,
        navn: [person.ektefelle.navn.fornavn, person.ektefelle.navn.mellomnavn, person.ektefelle.navn.etternavn].filter(Boolean).join(" "),
        fodselsdato: person.ektefelle.fodselsdato,
        borSammenMed: person.ektefelle.folkeregistrertSammen,
      }
    : text(spouse.name)
      ? { kilde: "bruker" as const, navn: text(spouse.name) ?? "", fodselsdato: text(spouse.birthDate), borSammenMed: yesNo(spouse.livesTogether) }
      : null;
  const children = Array.isArray(answers.children) ? answers.children.map(record) : [];
  const childSupport = text(answers.childSupport);
  return {
    sivilstatus: { kilde: fromRegister ? "system" : "bruker", status, ektefelle },
    forsorgerplikt: {
      harForsorgerplikt: { kilde: "system", verdi: person.barn.length > 0 },
      barnebidrag: childSupport ? { kilde: "bruker", verdi: childSupport } : null,
      // The familie step asks about each register child by its index.
      ansvar: person.barn.map((barn, index) => ({
        barn: {
          kilde: "system",
          navn: [barn.navn.fornavn, barn.navn.mellomnavn, barn.navn.etternavn].filter(Boolean).join(" "),
          fodselsdato: barn.fodselsdato,
        },
        erFolkeregistrertSammen: barn.folkeregistrertSammen,
        harDeltBosted: yesNo(children[index]?.sharedResidence),
        samvarsgrad: amount(children[index]?.visitationPercent) ?? null,
      })),
    },
  };
}

function okonomi(inntekt: Record<string, unknown>, utgifter: Record<string, unknown>, kind: SoknadKind): SoknadDocument["data"]["okonomi"] {
  const bruker = (type: string, belop?: number): SoknadOkonomiPost => (belop === undefined ? { kilde: "bruker", type } : { kilde: "bruker", type, belop });
  const otherIncomeAmounts = record(inntekt.otherIncomeAmounts);
  const income: SoknadOkonomiPost[] = [
    ...(yesNo(inntekt.studentLoan) ? [bruker("studielanOgStipend")] : []),
    ...list(inntekt.otherIncome).map((type) => bruker(type, amount(otherIncomeAmounts[type]))),
  ];
  const group = (gruppe: "bolig" | "barn" | "annet", types: string[]) => types.map((type) => ({ ...bruker(type), gruppe }));
  return {
    inntekt: income,
    formue: [...list(inntekt.savings).map((type) => ({ ...bruker(type), gruppe: "sparing" as const })), ...list(inntekt.assets).map((type) => ({ ...bruker(type), gruppe: "eiendel" as const }))],
    utgifter: [...group("bolig", list(utgifter.housingCosts)), ...group("barn", list(utgifter.childCosts)), ...group("annet", list(utgifter.otherCosts))],
    samtykke: { skatteetaten: yesNo(inntekt.skattConsent), husbanken: yesNo(inntekt.bostotteConsent) },
    ...(kind === "kort" ? { kontosaldo: amount(inntekt.accountBalance) ?? null } : {}),
  };
}

function dokumentasjon(answers: Record<string, unknown>, files: UploadedFiles | undefined): SoknadDocument["data"]["dokumentasjon"] {
  // Stored answers hold `documents`; raw form values hold `doc.<id>.choice` / `doc.<id>.amount`.
  const documents = Array.isArray(answers.documents)
    ? answers.documents.map(record).map((document) => ({ id: text(document.id), choice: text(document.choice), amount: amount(document.amount) }))
    : Object.keys(answers)
        .map((key) => /^doc\.(.+)\.choice$/.exec(key)?.[1])
        .filter((id): id is string => Boolean(id))
        .map((id) => ({ id, choice: text(answers[`doc.${id}.choice`]), amount: amount(answers[`doc.${id}.amount`]) }));

  return documents.flatMap(({ id, choice, amount: belop }) => {
    if (!id) return [];
    const filer = files && Object.hasOwn(files, id) ? [...(files[id] ?? [])] : [];
    let status: DokumentasjonStatus = (choice ? documentStatus.get(choice) : undefined) ?? "VedleggKreves";
    if (status === "LastetOpp" && files && filer.length === 0) status = "VedleggKreves";
    return [{ type: id, status, ...(belop === undefined ? {} : { belop }), filer }];
  });
}

/** The søknad as JSON for the fagsystem, from the draft's answers and fresh register data. */
export function buildSoknadDocument({ kind, answers, register, navKontor, language, now, files }: BuildSoknadDocumentInput): SoknadDocument {
  const step = (id: string) => record(answers[id]);
  const arbeid = step("arbeid");
  const bosituasjon = step("bosituasjon");
  const student = yesNo(arbeid.student);
  const studyLoad = text(arbeid.studyLoad);
  const comment = text(arbeid.employmentComment);

  return {
    version: SOKNAD_DOCUMENT_VERSION,
    innsendingstidspunkt: now.toISOString(),
    sprak: language,
    mottaker: { navEnhetsnavn: navKontor.navn, enhetsnummer: navKontor.enhetsnummer, kommunenummer: navKontor.kommunenummer },
    data: {
      soknadstype: kind,
      personalia: personalia(step("personalia"), register),
      begrunnelse: begrunnelse(step("behov"), kind),
      arbeid: {
        forhold: register.employments.map((forhold) => ({
          kilde: "system",
          arbeidsgivernavn: forhold.arbeidsgiver.navn,
          organisasjonsnummer: forhold.arbeidsgiver.organisasjonsnummer,
          fom: forhold.fom,
          tom: forhold.tom ?? null,
          stillingsprosent: forhold.stillingsprosent,
        })),
        kommentarTilArbeidsforhold: comment ? { kilde: "bruker", verdi: comment } : null,
      },
      utdanning: {
        kilde: "bruker",
        erStudent: student,
        studentgrad: student && (studyLoad === "heltid" || studyLoad === "deltid") ? studyLoad : null,
      },
      familie: familie(step("familie"), register.person),
      bosituasjon: {
        kilde: "bruker",
        botype: text(bosituasjon.housing),
        botypeAnnet: text(bosituasjon.housing) === "annet" ? text(bosituasjon.housingOther) : null,
        antallPersoner: amount(bosituasjon.householdSize) ?? null,
      },
      okonomi: okonomi(step("inntekt"), step("utgifter"), kind),
      dokumentasjon: dokumentasjon(step("dokumentasjon"), files),
    },
  };
}

