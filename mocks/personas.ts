/**
 * The seeded test persons and their søknader. Everything is computed from
 * `now`, so a persona keeps its story (the 17-year-old stays 17, the deadline
 * stays 5 days ahead) whenever the mock is seeded, and the same `now` always
 * gives the same data.
 */
import { createHash } from "node:crypto";
import type { z } from "zod";
import type {
  Adresse,
  FolkeregisterPerson,
  Hastegrad,
  Hendelse,
  MellomlagretFil,
  NavKontor,
  Navn,
  Vedlegg,
  arbeidsforholdListSchema,
  husbankenBostotteSchema,
  KlageHendelse,
  Kontakttid,
  kontoregisterKontoSchema,
  MeldingAvsender,
  krrKontaktinfoSchema,
  navUtbetalingListSchema,
  relatertPersonSchema,
  RingTilbakeForsok,
  RingTilbakeStatus,
  RingTilbakeTema,
  skatteetatenInntektSchema,
  VedleggFil,
} from "../app/fagsystem/contract";
import { makeKontonummer, makeOrgnr, nextValidFnr } from "./fnr";
import { placeholderPdf } from "./pdf";
import { varselFor, type VarselRecord } from "./varsler";
export type { VarselRecord } from "./varsler";

export interface PersonRecord {
  /** Stable key of the persona (test login, translations, e2e tests). */
  id: string;
  folkeregister: FolkeregisterPerson;
  krr: z.infer<typeof krrKontaktinfoSchema>;
  kontoregister: z.infer<typeof kontoregisterKontoSchema>;
  aareg: z.infer<typeof arbeidsforholdListSchema>;
  navUtbetalinger: z.infer<typeof navUtbetalingListSchema>;
  skatteetaten: z.infer<typeof skatteetatenInntektSchema>;
  husbanken: z.infer<typeof husbankenBostotteSchema>;
  /** Skjermet (NAV employees): contact-centre staff may not see the person's cases. Absent means false. */
  skjermet?: boolean;
}

export interface SoknadRecord {
  fiksDigisosId: string;
  fnr: string;
  sendtTidspunkt: string | null;
  /** The office the søknad was sent to; later tildeltNavKontor events move it. */
  navKontor: string | null;
  /** The digisos-soker event log, oldest first, append-only. */
  hendelser: Hendelse[];
  /** Set for a søknad sent through the contract (POST); seeded søknader have none. */
  innsending?: Innsending;
  /**
   * The vedlegg.json documents; their files are in the dokumentlager. Seeded søknader have [];
   * absent (simulator-made søknader) means none.
   */
  vedlegg?: Vedlegg[];
  /** PAPIR: delivered on paper at the office and registered there; absent means DIGITAL. */
  kanal?: "DIGITAL" | "PAPIR";
}

/**
 * A complaint as the fagsystem keeps it: what `klageSchema` publishes, plus whose it is and the
 * complaint's JSON. The klageId, chosen by the portal, is the idempotency key: a second send with
 * the same klageId gets this record back (see klage-handlers.ts).
 */
export interface KlageRecord {
  klageId: string;
  fnr: string;
  fiksDigisosId: string;
  vedtakIds: string[];
  sendtTidspunkt: string;
  navEnhet: string | null;
  language: "nb" | "nn" | "en";
  tekst: string;
  forSentBegrunnelse: string | null;
  klagePdf: DokumentlagerRef;
  /** The complaint as JSON, as the portal sent it (the `klage` field of the request). */
  klageJson: DokumentlagerRef;
  /** Sent with the complaint (from mellomlagring) and after it, in arrival order. */
  filer: VedleggFil[];
  /** The complaint's own event log, oldest first, append-only; empty = SENDT. */
  hendelser: KlageHendelse[];
}

/**
 * A message (melding) as the fagsystem keeps it: what `meldingSchema` publishes, plus whose
 * conversation it is in. The meldingId, chosen by the portal for the person's messages, is the
 * idempotency key (see meldinger-handlers.ts); the office's get theirs from the fagsystem.
 */
export interface MeldingRecord {
  meldingId: string;
  samtaleId: string;
  /** The person the conversation is with (whoever wrote this message). */
  fnr: string;
  /** The søknad the conversation is about; null for the general one with the person's office. */
  fiksDigisosId: string | null;
  avsender: MeldingAvsender;
  tekst: string;
  sendtTidspunkt: string;
  /** In the dokumentlager: the person's (from mellomlagring) or the office's letter. */
  filer: VedleggFil[];
  /** When the other side read it; null until then. */
  lestTidspunkt: string | null;
  /** The language the person wrote in; null for the office's messages. */
  language: "nb" | "nn" | "en" | null;
}

/**
 * A request for economic advice as the fagsystem keeps it: what `radgivningSchema` publishes,
 * plus whose it is and the language it was written in. The radgivningId, chosen by the portal,
 * is the idempotency key (see radgivning-handlers.ts).
 */
export interface RadgivningRecord {
  radgivningId: string;
  fnr: string;
  language: "nb" | "nn" | "en";
  mottattTidspunkt: string;
  navEnhet: string;
  kontornavn: string;
  beskrivelse: string;
  kontaktmate: "TELEFON" | "MELDING" | "BREV";
  telefonnummer: string | null;
  kontakttid: "FORMIDDAG" | "ETTERMIDDAG" | "HELE_DAGEN" | null;
  status: "MOTTATT" | "KONTAKTET";
  kontaktetTidspunkt: string | null;
}

/**
 * A call-back request (ring tilbake) as the fagsystem keeps it: what `ringTilbakeSchema`
 * publishes, plus whose it is and the language of their notice. The ringTilbakeId, chosen by the
 * portal, is the idempotency key (see ringtilbake-handlers.ts). The deadline is set once, when it
 * is filed, from the office's hours then: a promise made to the person does not move later. The
 * overdue flag is not stored: it depends on when someone asks.
 */
export interface RingTilbakeRecord {
  ringTilbakeId: string;
  fnr: string;
  language: "nb" | "nn" | "en";
  mottattTidspunkt: string;
  registrertAv: string;
  navEnhet: string;
  kontornavn: string;
  tema: RingTilbakeTema;
  hastegrad: Hastegrad;
  telefonnummer: string;
  kontakttid: Kontakttid | null;
  tolkesprak: string | null;
  notat: string | null;
  frist: string;
  status: RingTilbakeStatus;
  /** Oldest first. */
  forsok: RingTilbakeForsok[];
  lukket: { tidspunkt: string; arsak: "IKKE_NADD" | "AVSLUTTET"; melding: { samtaleId: string; meldingId: string } | null } | null;
}

/** A file in mellomlagring: a person's upload for a draft not yet sent. Bytes on disk under `fil.id`, not in the dokumentlager. */
export interface MellomlagretRecord {
  fnr: string;
  draftId: string;
  fil: MellomlagretFil;
}

/** What the applicant sent: the retry key, and the søknad's files in the dokumentlager. */
export interface Innsending {
  /** Unique per person: a second send with the same key gets this søknad back. */
  idempotencyKey: string;
  navEnhet: string;
  urgent: boolean;
  language: "nb" | "nn" | "en";
  soknadJson: DokumentlagerRef;
  pdf: DokumentlagerRef;
}

export interface DokumentlagerRef {
  type: "dokumentlager";
  id: string;
}

/** Metadata of a file in the dokumentlager; the bytes live on disk. */
export interface StoredFile {
  filnavn: string;
  tittel: string;
  mimetype: string;
  storrelse: number;
  sha512: string;
}

export interface MockState {
  version: typeof STATE_VERSION;
  seededAt: string;
  persons: PersonRecord[];
  soknader: SoknadRecord[];
  files: Record<string, StoredFile>;
  /** Upload order. */
  mellomlagring: MellomlagretRecord[];
  /** Complaints, in the order they arrived. */
  klager: KlageRecord[];
  /** Messages of every conversation, in the order they arrived (not always by time: see meldinger.ts). */
  meldinger: MeldingRecord[];
  /** Notifications, oldest first. */
  varsler: VarselRecord[];
  /** Requests for economic advice, in the order they arrived. */
  radgivning: RadgivningRecord[];
  /** Call-back requests of every office, in the order they arrived; each office's queue is derived (ringtilbake.ts). */
  ringTilbake: RingTilbakeRecord[];
}

/** Bump when the shape changes: a persisted state of another version is reseeded. */
export const STATE_VERSION = 8;

export interface StaffUser {
  navIdent: string;
  name: string;
  roles: string[];
}

export const staffUsers: readonly StaffUser[] = [
  { navIdent: "Z990001", name: "Nora Kontaktsenter", roles: ["nks"] },
  // A NAV employee without the contact-centre role: the NKS pages refuse her.
  { navIdent: "Z990002", name: "Ola Veileder", roles: [] },
];

/* ---------- NORG: kommunenummer → NAV office ---------- */

const apningstider: NavKontor["apningstider"] = (["MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG"] as const).map((dag) => ({
  dag,
  fra: "10:00",
  til: dag === "FREDAG" ? "14:00" : "15:00",
}));

/** The on-call phone for social services is staffed while the contact centre answers: 09:00–15:00 on weekdays. */
const sosialVaktTider: NavKontor["apningstider"] = (["MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG"] as const).map((dag) => ({ dag, fra: "09:00", til: "15:00" }));

/**
 * An office. `sosialVakt` is the area code of its on-call phone for social services: the number is
 * made up from it and the office number (no real line is called from a demo); null for an office
 * without one.
 */
const kontor = (enhetsnummer: string, navn: string, kommunenavn: string, kommunenummer: string, sosialVakt: string | null, digitalSoknad = true): NavKontor => ({
  enhetsnummer,
  navn,
  kommunenavn,
  kommunenummer,
  telefon: "55 55 33 33",
  apningstider,
  digitalSoknad,
  sosialVakt: sosialVakt ? { telefon: `${sosialVakt} 07 ${enhetsnummer.slice(0, 2)} ${enhetsnummer.slice(2)}`, apningstider: sosialVaktTider } : null,
});

export const navKontorer: readonly NavKontor[] = [
  kontor("0315", "NAV Grünerløkka", "Oslo", "0301", "21"),
  kontor("1209", "NAV Bergenhus", "Bergen", "4601", "55"),
  kontor("1601", "NAV Falkenborg", "Trondheim", "5001", "73"),
  kontor("0403", "NAV Hamar", "Hamar", "3403", "62"),
  kontor("1902", "NAV Tromsø", "Tromsø", "5501", "77"),
  kontor("1001", "NAV Kristiansand", "Kristiansand", "4204", "38"),
  kontor("1103", "NAV Stavanger", "Stavanger", "1103", "51"),
  // A municipality that has not joined digital applications: the portal must send people to paper.
  // Too small for its own on-call phone: the page must manage without one.
  kontor("1151", "NAV Utsira", "Utsira", "1151", null, false),
];

export function navKontorFor(kommunenummer: string): NavKontor | undefined {
  return navKontorer.find((office) => office.kommunenummer === kommunenummer);
}

/* ---------- helpers ---------- */

const DAY_MS = 86_400_000;
const dateOnly = (date: Date) => date.toISOString().slice(0, 10);
const monthOf = (date: Date) => date.toISOString().slice(0, 7);
/** Midnight UTC of today + `offset` days. */
const day = (now: Date, offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + offset));
/** A moment `offset` days from today at hh:mm UTC, so event logs read like office hours. */
const at = (now: Date, offset: number, hours: number, minutes = 0) => new Date(day(now, offset).getTime() + (hours * 60 + minutes) * 60_000).toISOString();
const monthStart = (now: Date, offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
const monthEnd = (now: Date, offset: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset + 1, 0));
/**
 * A birth date `years` years and `days` days before the 1st of this month: with 0 < days < 330 the
 * person is `years` old all month, and fødselsnumre stay the same across resets within a month.
 */
const born = (now: Date, years: number, days: number) => new Date(Date.UTC(now.getUTCFullYear() - years, now.getUTCMonth(), 1) - days * DAY_MS);

/** A UUID derived from a name, so ids survive a reseed and tests can rely on them. */
export function stableUuid(name: string): string {
  const hash = createHash("sha1").update(`fagsystem-mock:${name}`).digest();
  hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x50, 6); // version 5
  hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of a person's conversation: the general one (fiksDigisosId null) or the one about a
 * søknad. Derived, so a conversation has its id before its first message. SHA-256 under its own
 * namespace (stableUuid uses SHA-1 under another), shaped as a version 4 uuid.
 */
export function samtaleIdFor(fnr: string, fiksDigisosId: string | null): string {
  const key = `${fnr}:${fiksDigisosId ?? "generell"}`;
  let id = samtaleIds.get(key);
  if (!id) {
    const hash = createHash("sha256").update(`fagsystem-mock/samtale:${key}`).digest();
    hash.writeUInt8((hash.readUInt8(6) & 0x0f) | 0x40, 6); // version 4
    hash.writeUInt8((hash.readUInt8(8) & 0x3f) | 0x80, 8); // RFC 4122 variant
    const hex = hash.subarray(0, 16).toString("hex");
    id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    samtaleIds.set(key, id);
  }
  return id;
}
/** Memo: the simulator derives every person's ids on each request. Bounded by persons and søknader. */
const samtaleIds = new Map<string, string>();

/** A valid kontonummer near `first10` (some 10-digit starts allow no check digit). */
function konto(first10: string): string {
  for (let next = Number(first10); ; next++) {
    try {
      return makeKontonummer(String(next).padStart(10, "0"));
    } catch {
      // no check digit for this one: the next
    }
  }
}

function orgnr(first8: string): string {
  for (let next = Number(first8); ; next++) {
    try {
      return makeOrgnr(String(next));
    } catch {
      // no check digit for this one: the next
    }
  }
}

const adresse = (adressenavn: string, husnummer: string, postnummer: string, poststed: string, kommunenummer: string, husbokstav?: string): Adresse => ({
  adressenavn,
  husnummer,
  husbokstav: husbokstav ?? null,
  postnummer,
  poststed,
  kommunenummer,
});

const fullName = (navn: Navn) => [navn.fornavn, navn.mellomnavn, navn.etternavn].filter(Boolean).join(" ");

/** Gross/net monthly pay from an employer for the last `months` full months. */
const lonn = (now: Date, opplysningspliktig: string, bruttoinntekt: number, forskuddstrekk: number, months = 3, lastMonthOffset = -1) =>
  Array.from({ length: months }, (_, index) => ({
    opplysningspliktig,
    maaned: monthOf(monthStart(now, lastMonthOffset - index)),
    bruttoinntekt,
    forskuddstrekk,
  }));

/** Seed a dokumentlager file and return its reference. */
type AddLetter = (key: string, tittel: string, filnavn: string) => { type: "dokumentlager"; id: string };

/** The same bytes every time for a seeded file, so its sha512 in the state stays true. */
export function seededFileBytes(id: string, file: Pick<StoredFile, "tittel" | "filnavn">): Uint8Array {
  return placeholderPdf(file.tittel, ["Plassholder fra Mock fagsystem.", `Fil: ${file.filnavn}`, `Dokument-id: ${id}`]);
}

/* ---------- the personas ---------- */

interface PersonaInput {
  id: string;
  navn: Navn;
  fodselsdato: Date;
  individnr: number;
  sivilstand?: FolkeregisterPerson["sivilstand"];
  adressebeskyttelse?: FolkeregisterPerson["adressebeskyttelse"];
  statsborgerskap?: string[];
  bostedsadresse: Adresse | null;
  barn?: z.infer<typeof relatertPersonSchema>[];
  mobil: string | null;
  epost?: string | null;
  kontonummer: string | null;
  aareg?: PersonRecord["aareg"];
  navUtbetalinger?: PersonRecord["navUtbetalinger"];
  skatteetaten?: PersonRecord["skatteetaten"];
  husbanken?: PersonRecord["husbanken"];
  skjermet?: boolean;
}

function persona(input: PersonaInput): PersonRecord {
  return {
    id: input.id,
    folkeregister: {
      fnr: nextValidFnr(input.fodselsdato, input.individnr),
      navn: input.navn,
      fodselsdato: dateOnly(input.fodselsdato),
      adressebeskyttelse: input.adressebeskyttelse ?? "UGRADERT",
      statsborgerskap: input.statsborgerskap ?? ["NOR"],
      sivilstand: input.sivilstand ?? "UGIFT",
      ektefelle: null,
      bostedsadresse: input.bostedsadresse,
      oppholdsadresse: null,
      barn: input.barn ?? [],
    },
    krr: { mobiltelefonnummer: input.mobil, epostadresse: input.epost ?? null },
    kontoregister: { kontonummer: input.kontonummer },
    aareg: input.aareg ?? [],
    navUtbetalinger: input.navUtbetalinger ?? [],
    skatteetaten: input.skatteetaten ?? [],
    husbanken: input.husbanken ?? { saker: [], utbetalinger: [] },
    skjermet: input.skjermet ?? false,
  };
}

function barn(now: Date, fornavn: string, etternavn: string, years: number, days: number, individnr: number, folkeregistrertSammen: boolean) {
  const fodselsdato = born(now, years, days);
  return { fnr: nextValidFnr(fodselsdato, individnr), navn: { fornavn, mellomnavn: null, etternavn }, fodselsdato: dateOnly(fodselsdato), folkeregistrertSammen };
}

function seedPersons(now: Date): PersonRecord[] {
  const grunerlokkaKafe = orgnr("91234567");
  const fjordkantine = orgnr("92345678");
  const nordlysFisk = orgnr("93456789");
  const sorlandetRenhold = orgnr("94567890");
  const siddisCatering = orgnr("96789012");
  const navEtaten = orgnr("98901234");

  return [
    persona({
      id: "forstegang",
      navn: { fornavn: "Sofie", mellomnavn: null, etternavn: "Berg" },
      fodselsdato: born(now, 34, 75),
      individnr: 412,
      bostedsadresse: adresse("Thorvald Meyers gate", "42", "0555", "Oslo", "0301", "B"),
      mobil: "+4741234501",
      epost: "sofie.berg@example.com",
      kontonummer: konto("1503241234"),
      // The job ended at the end of last month: the reason she applies now.
      aareg: [{ arbeidsgiver: { navn: "Grünerløkka Kafé AS", organisasjonsnummer: grunerlokkaKafe }, fom: "2019-08-01", tom: dateOnly(monthEnd(now, -1)), stillingsprosent: 100 }],
      skatteetaten: lonn(now, "Grünerløkka Kafé AS", 41_500, 11_900),
    }),
    persona({
      id: "aleneforelder",
      navn: { fornavn: "Amina", mellomnavn: null, etternavn: "Haugen" },
      fodselsdato: born(now, 38, 140),
      individnr: 233,
      sivilstand: "SKILT",
      bostedsadresse: adresse("Nygårdsgaten", "14", "5015", "Bergen", "4601"),
      barn: [
        barn(now, "Noah", "Haugen", 9, 60, 512, true),
        // Delt bosted: registered at the other parent's address.
        barn(now, "Ella", "Haugen", 6, 200, 634, false),
      ],
      mobil: "+4792345602",
      epost: "amina.haugen@example.com",
      kontonummer: konto("3624051234"),
      aareg: [{ arbeidsgiver: { navn: "Fjordkantine AS", organisasjonsnummer: fjordkantine }, fom: "2021-03-01", tom: null, stillingsprosent: 60 }],
      // Barnetrygd is halved for the child with delt bosted; utvidet barnetrygd because she is alone.
      navUtbetalinger: [-9, -39].flatMap((offset) => {
        const paid = day(now, offset);
        const period = { periodeFom: dateOnly(monthStart(paid, 0)), periodeTom: dateOnly(monthEnd(paid, 0)) };
        return [
          { ytelse: "Barnetrygd", nettobelop: 2649, bruttobelop: 2649, utbetalingsdato: dateOnly(paid), ...period },
          { ytelse: "Utvidet barnetrygd", nettobelop: 2516, bruttobelop: 2516, utbetalingsdato: dateOnly(paid), ...period },
        ];
      }),
      skatteetaten: lonn(now, "Fjordkantine AS", 24_600, 4_100),
      husbanken: {
        saker: [
          { maaned: monthOf(monthStart(now, 0)), status: "UNDER_BEHANDLING", beskrivelse: null },
          { maaned: monthOf(monthStart(now, -1)), status: "VEDTATT", beskrivelse: "Innvilget bostøtte" },
        ],
        utbetalinger: [
          { utbetalingsdato: dateOnly(day(now, -12)), belop: 3412, mottaker: "HUSSTAND" },
          { utbetalingsdato: dateOnly(day(now, -43)), belop: 3412, mottaker: "HUSSTAND" },
        ],
      },
    }),
    persona({
      id: "under-behandling",
      navn: { fornavn: "Jonas", mellomnavn: "Eide", etternavn: "Nilsen" },
      fodselsdato: born(now, 45, 30),
      individnr: 118,
      bostedsadresse: adresse("Innherredsveien", "22", "7014", "Trondheim", "5001"),
      mobil: "+4793456703",
      kontonummer: konto("4202123456"),
      // Arbeidsavklaringspenger every 14 days, after each meldekort.
      navUtbetalinger: [-6, -20, -34].map((offset) => ({
        ytelse: "Arbeidsavklaringspenger",
        nettobelop: 7812,
        bruttobelop: 10_850,
        utbetalingsdato: dateOnly(day(now, offset)),
        periodeFom: dateOnly(day(now, offset - 16)),
        periodeTom: dateOnly(day(now, offset - 3)),
      })),
    }),
    persona({
      id: "innvilget",
      navn: { fornavn: "Kristian", mellomnavn: null, etternavn: "Dahl" },
      fodselsdato: born(now, 26, 100),
      individnr: 305,
      bostedsadresse: adresse("Torggata", "45", "2317", "Hamar", "3403"),
      mobil: "+4794567804",
      epost: "kristian.dahl@example.com",
      kontonummer: konto("1822456789"),
    }),
    persona({
      id: "avslag",
      navn: { fornavn: "Marek", mellomnavn: null, etternavn: "Nowak" },
      fodselsdato: born(now, 52, 210),
      individnr: 45,
      statsborgerskap: ["POL"],
      bostedsadresse: adresse("Storgata", "110", "9008", "Tromsø", "5501"),
      mobil: "+4745678905",
      kontonummer: konto("4750112233"),
      aareg: [{ arbeidsgiver: { navn: "Nordlys Fisk AS", organisasjonsnummer: nordlysFisk }, fom: "2016-05-02", tom: null, stillingsprosent: 100 }],
      skatteetaten: lonn(now, "Nordlys Fisk AS", 43_200, 12_300),
    }),
    persona({
      id: "nylig-hjelp",
      navn: { fornavn: "Ingrid", mellomnavn: null, etternavn: "Olsen" },
      fodselsdato: born(now, 31, 20),
      individnr: 267,
      bostedsadresse: adresse("Dronningens gate", "58", "4608", "Kristiansand S", "4204"),
      mobil: "+4746789006",
      epost: "ingrid.olsen@example.com",
      kontonummer: konto("3000987654"),
      aareg: [{ arbeidsgiver: { navn: "Sørlandet Renhold AS", organisasjonsnummer: sorlandetRenhold }, fom: "2023-01-09", tom: null, stillingsprosent: 40 }],
      skatteetaten: lonn(now, "Sørlandet Renhold AS", 13_200, 1_900),
    }),
    persona({
      id: "kode6",
      navn: { fornavn: "Liv", mellomnavn: null, etternavn: "Strand" },
      fodselsdato: born(now, 41, 160),
      individnr: 150,
      adressebeskyttelse: "STRENGT_FORTROLIG",
      // Strengt fortrolig: the register gives no address at all.
      bostedsadresse: null,
      mobil: "+4747890107",
      kontonummer: konto("9710334455"),
    }),
    persona({
      id: "mindrearig",
      navn: { fornavn: "Emil", mellomnavn: null, etternavn: "Larsen" },
      fodselsdato: born(now, 17, 120),
      individnr: 560,
      bostedsadresse: adresse("Markveien", "35", "0554", "Oslo", "0301", "A"),
      mobil: "+4748901208",
      kontonummer: null,
    }),
    persona({
      id: "gift",
      navn: { fornavn: "Henrik", mellomnavn: null, etternavn: "Moe" },
      fodselsdato: born(now, 42, 95),
      individnr: 389,
      // Married, and the spouse is not in the register: the application asks about the spouse.
      sivilstand: "GIFT",
      bostedsadresse: adresse("Grønnegata", "12", "2317", "Hamar", "3403"),
      barn: [barn(now, "Sara", "Moe", 11, 30, 471, true)],
      mobil: "+4749012309",
      epost: "henrik.moe@example.com",
      kontonummer: konto("1813567890"),
      aareg: [{ arbeidsgiver: { navn: "Sørlandet Renhold AS", organisasjonsnummer: sorlandetRenhold }, fom: "2024-04-01", tom: null, stillingsprosent: 50 }],
      skatteetaten: lonn(now, "Sørlandet Renhold AS", 19_800, 3_200),
    }),
    persona({
      id: "klagefrist-ute",
      navn: { fornavn: "Silje", mellomnavn: null, etternavn: "Tjelta" },
      fodselsdato: born(now, 29, 250),
      individnr: 328,
      bostedsadresse: adresse("Pedersgata", "63", "4013", "Stavanger", "1103"),
      mobil: "+4741234510",
      epost: "silje.tjelta@example.com",
      kontonummer: konto("3201556677"),
      aareg: [{ arbeidsgiver: { navn: "Siddis Catering AS", organisasjonsnummer: siddisCatering }, fom: "2022-09-01", tom: null, stillingsprosent: 80 }],
      skatteetaten: lonn(now, "Siddis Catering AS", 31_000, 7_400),
    }),
    persona({
      id: "kode7",
      navn: { fornavn: "Hanne", mellomnavn: null, etternavn: "Solberg" },
      fodselsdato: born(now, 36, 55),
      individnr: 198,
      adressebeskyttelse: "FORTROLIG",
      // Fortrolig: the register keeps the address, but only for those who may see it.
      bostedsadresse: adresse("Kalfarveien", "31", "5018", "Bergen", "4601"),
      mobil: "+4741234511",
      kontonummer: konto("3625112233"),
    }),
    persona({
      id: "nav-ansatt",
      navn: { fornavn: "Erik", mellomnavn: null, etternavn: "Johansen" },
      fodselsdato: born(now, 48, 180),
      individnr: 352,
      // Works part-time at NAV: skjermet, so the contact centre may not look at his cases.
      skjermet: true,
      bostedsadresse: adresse("Trondheimsveien", "88", "0565", "Oslo", "0301"),
      mobil: "+4792345612",
      epost: "erik.johansen@example.com",
      kontonummer: konto("1506778899"),
      aareg: [{ arbeidsgiver: { navn: "Arbeids- og velferdsetaten", organisasjonsnummer: navEtaten }, fom: "2012-08-15", tom: null, stillingsprosent: 40 }],
      skatteetaten: lonn(now, "Arbeids- og velferdsetaten", 19_400, 3_500),
    }),
  ];
}

/* ---------- the søknader and their event logs ---------- */

/** The opening every søknad shares: received, given to an office, taken up, one sak opened. */
function opening(sendt: string, navKontor: string, underBehandling: string, saksreferanse: string, tittel: string): Hendelse[] {
  return [
    { type: "soknadsStatus", hendelsestidspunkt: sendt, status: "MOTTATT" },
    { type: "tildeltNavKontor", hendelsestidspunkt: sendt, navKontor },
    { type: "soknadsStatus", hendelsestidspunkt: underBehandling, status: "UNDER_BEHANDLING" },
    { type: "saksStatus", hendelsestidspunkt: underBehandling, referanse: saksreferanse, tittel, status: "UNDER_BEHANDLING" },
  ];
}

function seedSoknader(now: Date, persons: PersonRecord[], letter: AddLetter): SoknadRecord[] {
  const byId = (id: string) => {
    const person = persons.find((candidate) => candidate.id === id);
    if (!person) throw new Error(`no persona ${id}`);
    const kommunenummer = person.folkeregister.bostedsadresse?.kommunenummer;
    const office = kommunenummer ? navKontorFor(kommunenummer) : undefined;
    if (!office) throw new Error(`persona ${id} has no NAV office`);
    return { fnr: person.folkeregister.fnr, navn: fullName(person.folkeregister.navn), kontonummer: person.kontoregister.kontonummer ?? null, office: office.enhetsnummer };
  };
  /** A persona's søknad; `nummer` tells a persona's søknader apart (ids `soknad/<persona>/<nummer>`). A paper søknad is "sent" when the office received it. */
  const soknad = (personaId: string, fnr: string, navKontor: string, hendelser: Hendelse[], { nummer = 1, kanal }: { nummer?: number; kanal?: "PAPIR" } = {}): SoknadRecord => ({
    fiksDigisosId: stableUuid(`soknad/${personaId}/${nummer}`),
    fnr,
    sendtTidspunkt: hendelser[0]?.hendelsestidspunkt ?? null,
    navKontor,
    hendelser,
    vedlegg: [],
    ...(kanal ? { kanal } : {}),
  });
  const payment = (who: ReturnType<typeof byId>) => ({ annenMottaker: false, mottaker: who.navn, kontonummer: who.kontonummer, utbetalingsmetode: "Kontooverføring" });

  const underBehandling = byId("under-behandling");
  const innvilget = byId("innvilget");
  const avslag = byId("avslag");
  const nyligHjelp = byId("nylig-hjelp");
  const klagefristUte = byId("klagefrist-ute");
  const kode7 = byId("kode7");
  const navAnsatt = byId("nav-ansatt");

  // innvilget: helped for last month (paid the 10th), next month's payment planned in a week.
  const paid = new Date(monthStart(now, -1).getTime() + 9 * DAY_MS);
  const paidOffset = Math.round((paid.getTime() - day(now, 0).getTime()) / DAY_MS);
  const planned = day(now, 7);
  const innvilgetVedtak = at(now, paidOffset - 2, 13, 5);

  // nylig-hjelp: one payment 21 days ago, which makes her eligible for a kort søknad.
  const nyligVedtak = at(now, -23, 14, 10);
  // nylig-hjelp, about ten months ago: a søknad on paper, handed in at the office, granted and paid once.
  const papirVedtak = at(now, -291, 13, 20);

  return [
    soknad("under-behandling", underBehandling.fnr, underBehandling.office, [
      ...opening(at(now, -10, 9, 12), underBehandling.office, at(now, -8, 10, 0), "SAK-1001", "Livsopphold og husleie"),
      {
        type: "dokumentasjonEtterspurt",
        hendelsestidspunkt: at(now, -7, 13, 30),
        forvaltningsbrev: { referanse: letter("under-behandling/etterspurt", "Vi trenger flere opplysninger", "dokumentasjon-etterspurt.pdf") },
        vedlegg: [],
        dokumenter: [
          { dokumenttype: "Husleiekontrakt", tilleggsinformasjon: "Gjeldende husleiekontrakt for leiligheten du bor i.", innsendelsesfrist: at(now, 5, 21, 59), dokumentreferanse: "DOK-1" },
          { dokumenttype: "Kontoutskrift", tilleggsinformasjon: "For alle kontoene dine de siste tre månedene.", innsendelsesfrist: at(now, 5, 21, 59), dokumentreferanse: "DOK-2" },
        ],
      },
    ]),
    soknad("innvilget", innvilget.fnr, innvilget.office, [
      ...opening(at(now, paidOffset - 9, 8, 40), innvilget.office, at(now, paidOffset - 8, 9, 15), "SAK-2001", "Livsopphold"),
      {
        type: "vedtakFattet",
        hendelsestidspunkt: innvilgetVedtak,
        saksreferanse: "SAK-2001",
        utfall: "INNVILGET",
        vedtaksfil: { referanse: letter("innvilget/vedtak", "Vedtak om økonomisk sosialhjelp", "vedtak-innvilget.pdf") },
        vedlegg: [],
      },
      // Ties in time: payments come before conditions, as NAV's own fold expects.
      {
        type: "utbetaling",
        hendelsestidspunkt: innvilgetVedtak,
        utbetalingsreferanse: "UTB-2001-1",
        saksreferanse: "SAK-2001",
        status: "PLANLAGT_UTBETALING",
        belop: 7850,
        beskrivelse: "Livsopphold",
        forfallsdato: dateOnly(paid),
        utbetalingsdato: null,
        fom: dateOnly(monthStart(now, -1)),
        tom: dateOnly(monthEnd(now, -1)),
        ...payment(innvilget),
      },
      {
        type: "vilkar",
        hendelsestidspunkt: innvilgetVedtak,
        vilkarreferanse: "VILKAR-2001-1",
        saksreferanse: "SAK-2001",
        utbetalingsreferanse: ["UTB-2001-1"],
        tittel: "Delta i arbeidsrettet aktivitet",
        beskrivelse: "Du må møte til arbeidstrening hos NAV Hamar tirsdager og torsdager kl. 09–12.",
        status: "RELEVANT",
      },
      { type: "soknadsStatus", hendelsestidspunkt: innvilgetVedtak, status: "FERDIGBEHANDLET" },
      // Same utbetalingsreferanse: the paid event replaces the planned one.
      {
        type: "utbetaling",
        hendelsestidspunkt: at(now, paidOffset, 6, 0),
        utbetalingsreferanse: "UTB-2001-1",
        saksreferanse: "SAK-2001",
        status: "UTBETALT",
        belop: 7850,
        beskrivelse: "Livsopphold",
        forfallsdato: dateOnly(paid),
        utbetalingsdato: dateOnly(paid),
        fom: dateOnly(monthStart(now, -1)),
        tom: dateOnly(monthEnd(now, -1)),
        ...payment(innvilget),
      },
      {
        type: "utbetaling",
        hendelsestidspunkt: at(now, -3, 12, 0),
        utbetalingsreferanse: "UTB-2001-2",
        saksreferanse: "SAK-2001",
        status: "PLANLAGT_UTBETALING",
        belop: 7850,
        beskrivelse: "Livsopphold",
        forfallsdato: dateOnly(planned),
        utbetalingsdato: null,
        fom: dateOnly(monthStart(planned, 0)),
        tom: dateOnly(monthEnd(planned, 0)),
        ...payment(innvilget),
      },
      {
        type: "dokumentasjonkrav",
        hendelsestidspunkt: at(now, -3, 12, 0),
        dokumentasjonkravreferanse: "DOKKRAV-2001-1",
        saksreferanse: "SAK-2001",
        utbetalingsreferanse: ["UTB-2001-2"],
        tittel: "Kvittering for betalt husleie",
        beskrivelse: "Last opp kvittering for husleien du har betalt for denne måneden.",
        frist: dateOnly(planned),
        status: "RELEVANT",
      },
    ]),
    soknad("avslag", avslag.fnr, avslag.office, [
      ...opening(at(now, -18, 11, 20), avslag.office, at(now, -15, 8, 30), "SAK-3001", "Livsopphold og husleie"),
      {
        type: "forelopigSvar",
        hendelsestidspunkt: at(now, -12, 10, 0),
        forvaltningsbrev: { referanse: letter("avslag/forelopig-svar", "Foreløpig svar", "forelopig-svar.pdf") },
        vedlegg: [],
      },
      {
        type: "vedtakFattet",
        hendelsestidspunkt: at(now, -4, 12, 30),
        saksreferanse: "SAK-3001",
        utfall: "AVSLATT",
        vedtaksfil: { referanse: letter("avslag/vedtak", "Vedtak om økonomisk sosialhjelp", "vedtak-avslag.pdf") },
        vedlegg: [],
      },
      { type: "soknadsStatus", hendelsestidspunkt: at(now, -4, 12, 30), status: "FERDIGBEHANDLET" },
    ]),
    soknad("nylig-hjelp", nyligHjelp.fnr, nyligHjelp.office, [
      ...opening(at(now, -25, 10, 5), nyligHjelp.office, at(now, -24, 9, 0), "SAK-4001", "Livsopphold"),
      {
        type: "vedtakFattet",
        hendelsestidspunkt: nyligVedtak,
        saksreferanse: "SAK-4001",
        utfall: "INNVILGET",
        vedtaksfil: { referanse: letter("nylig-hjelp/vedtak", "Vedtak om økonomisk sosialhjelp", "vedtak-innvilget.pdf") },
        vedlegg: [],
      },
      {
        type: "utbetaling",
        hendelsestidspunkt: nyligVedtak,
        utbetalingsreferanse: "UTB-4001-1",
        saksreferanse: "SAK-4001",
        status: "PLANLAGT_UTBETALING",
        belop: 6200,
        beskrivelse: "Livsopphold",
        forfallsdato: dateOnly(day(now, -21)),
        utbetalingsdato: null,
        fom: dateOnly(day(now, -21)),
        tom: dateOnly(day(now, 8)),
        ...payment(nyligHjelp),
      },
      { type: "soknadsStatus", hendelsestidspunkt: nyligVedtak, status: "FERDIGBEHANDLET" },
      {
        type: "utbetaling",
        hendelsestidspunkt: at(now, -21, 6, 0),
        utbetalingsreferanse: "UTB-4001-1",
        saksreferanse: "SAK-4001",
        status: "UTBETALT",
        belop: 6200,
        beskrivelse: "Livsopphold",
        forfallsdato: dateOnly(day(now, -21)),
        utbetalingsdato: dateOnly(day(now, -21)),
        fom: dateOnly(day(now, -21)),
        tom: dateOnly(day(now, 8)),
        ...payment(nyligHjelp),
      },
    ]),
    // Registered by NAV Kristiansand from the paper form she handed in: no PDF, no JSON, no files in the portal.
    soknad(
      "nylig-hjelp",
      nyligHjelp.fnr,
      nyligHjelp.office,
      [
        ...opening(at(now, -300, 12, 40), nyligHjelp.office, at(now, -298, 9, 15), "SAK-4000", "Husleie"),
        {
          type: "vedtakFattet",
          hendelsestidspunkt: papirVedtak,
          saksreferanse: "SAK-4000",
          utfall: "INNVILGET",
          vedtaksfil: { referanse: letter("nylig-hjelp/papir/vedtak", "Vedtak om økonomisk sosialhjelp", "vedtak-innvilget.pdf") },
          vedlegg: [],
        },
        {
          type: "utbetaling",
          hendelsestidspunkt: papirVedtak,
          utbetalingsreferanse: "UTB-4000-1",
          saksreferanse: "SAK-4000",
          status: "PLANLAGT_UTBETALING",
          belop: 5400,
          beskrivelse: "Husleie",
          forfallsdato: dateOnly(day(now, -289)),
          utbetalingsdato: null,
          fom: dateOnly(day(now, -289)),
          tom: dateOnly(day(now, -260)),
          ...payment(nyligHjelp),
        },
        { type: "soknadsStatus", hendelsestidspunkt: papirVedtak, status: "FERDIGBEHANDLET" },
        {
          type: "utbetaling",
          hendelsestidspunkt: at(now, -289, 6, 0),
          utbetalingsreferanse: "UTB-4000-1",
          saksreferanse: "SAK-4000",
          status: "UTBETALT",
          belop: 5400,
          beskrivelse: "Husleie",
          forfallsdato: dateOnly(day(now, -289)),
          utbetalingsdato: dateOnly(day(now, -289)),
          fom: dateOnly(day(now, -289)),
          tom: dateOnly(day(now, -260)),
          ...payment(nyligHjelp),
        },
      ],
      { nummer: 2, kanal: "PAPIR" },
    ),
    // klagefrist-ute: refused 30 days ago, so the three weeks to complain ended 9 days ago.
    soknad("klagefrist-ute", klagefristUte.fnr, klagefristUte.office, [
      ...opening(at(now, -44, 10, 15), klagefristUte.office, at(now, -42, 9, 0), "SAK-5001", "Livsopphold"),
      {
        type: "vedtakFattet",
        hendelsestidspunkt: at(now, -30, 13, 45),
        saksreferanse: "SAK-5001",
        utfall: "AVSLATT",
        vedtaksfil: { referanse: letter("klagefrist-ute/vedtak", "Vedtak om økonomisk sosialhjelp", "vedtak-avslag.pdf") },
        vedlegg: [],
      },
      { type: "soknadsStatus", hendelsestidspunkt: at(now, -30, 13, 45), status: "FERDIGBEHANDLET" },
    ]),
    // kode7: the portal refuses her (adressebeskyttelse), so she applied on paper; being processed, a foreløpig svar sent.
    soknad(
      "kode7",
      kode7.fnr,
      kode7.office,
      [
        ...opening(at(now, -12, 11, 0), kode7.office, at(now, -11, 8, 45), "SAK-7001", "Livsopphold"),
        {
          type: "forelopigSvar",
          hendelsestidspunkt: at(now, -9, 10, 30),
          forvaltningsbrev: { referanse: letter("kode7/forelopig-svar", "Foreløpig svar", "forelopig-svar.pdf") },
          vedlegg: [],
        },
      ],
      { kanal: "PAPIR" },
    ),
    // nav-ansatt: sent through the portal 6 days ago, being processed.
    soknad("nav-ansatt", navAnsatt.fnr, navAnsatt.office, [...opening(at(now, -6, 19, 25), navAnsatt.office, at(now, -4, 9, 40), "SAK-8001", "Livsopphold og strøm")]),
  ];
}

/* ---------- the messages ---------- */

/**
 * Three conversations, so the pages show something on a fresh start; every other persona has none.
 * under-behandling (Jonas, bokmål) asked about the deadline in his søknad's conversation, the
 * caseworker answered, and her last message is unread; yesterday evening he also asked his office
 * about a deposit in the general conversation, and the office has not read that yet (what the
 * contact centre sees as unread by NAV). aleneforelder (Amina) asked the office in nynorsk about a
 * power bill in the general conversation, and has read the answer.
 */
function seedMeldinger(now: Date, persons: PersonRecord[], soknader: SoknadRecord[]): { meldinger: MeldingRecord[]; varsler: VarselRecord[] } {
  const meldinger: MeldingRecord[] = [];
  const varsler: VarselRecord[] = [];
  const conversation = (personaId: string, fiksDigisosId: string | null, enhetsnummer: string) => {
    const person = persons.find((candidate) => candidate.id === personaId);
    const office = navKontorer.find((candidate) => candidate.enhetsnummer === enhetsnummer);
    if (!person || !office) throw new Error(`no persona ${personaId} or office ${enhetsnummer}`);
    const fnr = person.folkeregister.fnr;
    const samtaleId = samtaleIdFor(fnr, fiksDigisosId);
    let count = 0;
    /** The language of the person's latest message: the notifications use it. */
    let language: "nb" | "nn" = "nb";
    const add = (avsender: MeldingAvsender, tekst: string, sendtTidspunkt: string, lestTidspunkt: string | null) => {
      const meldingId = stableUuid(`melding/${personaId}/${fiksDigisosId ?? "generell"}/${++count}`);
      meldinger.push({ meldingId, samtaleId, fnr, fiksDigisosId, avsender, tekst, sendtTidspunkt, filer: [], lestTidspunkt, language: avsender.type === "PERSON" ? language : null });
      if (avsender.type === "NAV_KONTOR") {
        const varsel = varselFor(person, { varselId: stableUuid(`varsel/${meldingId}`), samtaleId, meldingId, language, tidspunkt: sendtTidspunkt });
        if (varsel) varsler.push(varsel);
      }
    };
    return {
      fromPerson(tekst: string, sendtTidspunkt: string, lestTidspunkt: string | null, written: "nb" | "nn" = "nb") {
        language = written;
        add({ type: "PERSON" }, tekst, sendtTidspunkt, lestTidspunkt);
      },
      fromOffice(fornavn: string, tekst: string, sendtTidspunkt: string, lestTidspunkt: string | null) {
        add({ type: "NAV_KONTOR", navEnhet: office.enhetsnummer, kontornavn: office.navn, saksbehandlerFornavn: fornavn }, tekst, sendtTidspunkt, lestTidspunkt);
      },
    };
  };

  const jonas = soknader.find((soknad) => soknad.fiksDigisosId === stableUuid("soknad/under-behandling/1"));
  if (!jonas) throw new Error("under-behandling has no søknad");
  const jonasOffice = jonas.navKontor ?? "";
  const toJonas = conversation("under-behandling", jonas.fiksDigisosId, jonasOffice);
  toJonas.fromPerson(
    "Hei!\nJeg har fått brev om at jeg må sende husleiekontrakt og kontoutskrifter. Utleieren min er bortreist, så jeg får ikke tak i kontrakten før fristen. Kan jeg få litt lengre tid?",
    at(now, -3, 18, 40),
    at(now, -2, 7, 55),
  );
  toJonas.fromOffice(
    "Kari",
    "Hei, Jonas.\nTakk for at du sier fra. Du kan sende husleiekontrakten senest 14 dager etter fristen i brevet. Kontoutskriftene trenger vi innen fristen.\n\nHilsen Kari",
    at(now, -2, 8, 20),
    at(now, -2, 11, 5),
  );
  toJonas.fromPerson("Takk! Da sender jeg kontoutskriftene i løpet av uka.", at(now, -2, 11, 12), at(now, -1, 8, 2));
  toJonas.fromOffice(
    "Kari",
    "Hei igjen.\nDu kan laste opp dokumentene under søknaden din på nav.no. Les mer om hva vi trenger på https://www.nav.no/okonomisk-sosialhjelp. Ring oss på 55 55 33 33 hvis noe er uklart.\n\nHilsen Kari",
    at(now, -1, 9, 30),
    null,
  );
  const jonasGeneral = conversation("under-behandling", null, "1601");
  jonasGeneral.fromPerson(
    "Hei.\nJeg har fått tilbud om en billigere leilighet fra neste måned, men utleieren vil ha tre måneders husleie i depositum. Kan jeg søke om hjelp til depositumet, eller må jeg vente til søknaden jeg har inne er ferdig behandlet?",
    at(now, -1, 20, 45),
    null,
  );

  const toAmina = conversation("aleneforelder", null, "1209");
  toAmina.fromPerson(
    "Hei.\nEg har fått ei straumrekning på 4 300 kroner som eg ikkje klarer å betale før forfall. Kan eg søkje om hjelp til henne?",
    at(now, -6, 20, 15),
    at(now, -5, 8, 40),
    "nn",
  );
  toAmina.fromOffice(
    "Ola",
    "Hei, Amina.\nJa, du kan søkje om økonomisk sosialhjelp til straumrekninga. Legg ved rekninga når du søkjer. Ta kontakt med straumselskapet òg, og spør om du kan få betalingsutsetjing.\n\nHelsing Ola",
    at(now, -5, 9, 10),
    at(now, -5, 17, 45),
  );
  varsler.sort((a, b) => a.tidspunkt.localeCompare(b.tidspunkt));
  return { meldinger, varsler };
}

/** A fresh, deterministic state for `now`. File bytes come from `seededFileBytes`. */
export function seed(now: Date): MockState {
  const files: Record<string, StoredFile> = {};
  const letter: AddLetter = (key, tittel, filnavn) => {
    const id = stableUuid(`file/${key}`);
    const bytes = seededFileBytes(id, { tittel, filnavn });
    files[id] = {
      filnavn,
      tittel,
      mimetype: "application/pdf",
      storrelse: bytes.byteLength,
      sha512: createHash("sha512").update(bytes).digest("hex"),
    };
    return { type: "dokumentlager", id };
  };
  const persons = seedPersons(now);
  const soknader = seedSoknader(now, persons, letter);
  const { meldinger, varsler } = seedMeldinger(now, persons, soknader);
  return { version: STATE_VERSION, seededAt: now.toISOString(), persons, soknader, files, mellomlagring: [], klager: [], meldinger, varsler, radgivning: [], ringTilbake: [] };
}

/* ---------- synthetic applicants (load tests only) ---------- */

export const SYNTHETIC_ID_PREFIX = "syntetisk-";
/** At most this many synthetic applicants in one state (birth dates stay within about 14 years). */
export const MAX_SYNTHETIC_PERSONS = 5000;

const SYNTHETIC_FIRST_NAMES = ["Ola", "Kari", "Per", "Nora", "Ali", "Sara", "Jonas", "Emma", "Mohammed", "Ingrid"];
const SYNTHETIC_HOMES = [
  adresse("Testveien", "1", "0555", "Oslo", "0301"),
  adresse("Testveien", "2", "5015", "Bergen", "4601"),
  adresse("Testveien", "3", "7014", "Trondheim", "5001"),
  adresse("Testveien", "4", "2317", "Hamar", "3403"),
  adresse("Testveien", "5", "9008", "Tromsø", "5501"),
  adresse("Testveien", "6", "4608", "Kristiansand S", "4204"),
];

/**
 * Applicants beyond the personas, for tests that need many distinct persons: NAV allows two
 * søknader per person a day, so a hundred parallel applications need fifty persons or more, and
 * the limit stays as it is. Number `n` (from 1) is `syntetisk-<n>`: an adult (25 to about 39)
 * with a synthetic fødselsnummer (month + 80; birth date 25 years and n days before the 1st of
 * this month, individnummer from 470, which no persona uses), unmarried, no children, a
 * registered address in a municipality that takes digital applications, a phone, an account,
 * one employer and three months of pay, and no søknader. Not part of the seed: added on demand
 * by `POST /mock/syntetiske-personer`, and gone again after a reset.
 */
export function syntheticPersons(now: Date, count: number, from = 1): PersonRecord[] {
  if (!Number.isInteger(count) || count < 0 || !Number.isInteger(from) || from < 1 || from + count - 1 > MAX_SYNTHETIC_PERSONS) {
    throw new RangeError(`synthetic persons ${from}–${from + count - 1} are outside 1–${MAX_SYNTHETIC_PERSONS}`);
  }
  const employer = orgnr("95678901");
  return Array.from({ length: count }, (_, index) => {
    const n = from + index;
    return persona({
      id: `${SYNTHETIC_ID_PREFIX}${n}`,
      navn: { fornavn: SYNTHETIC_FIRST_NAMES[n % SYNTHETIC_FIRST_NAMES.length]!, mellomnavn: null, etternavn: `Syntetisk ${n}` },
      fodselsdato: born(now, 25, n),
      individnr: 470,
      bostedsadresse: SYNTHETIC_HOMES[n % SYNTHETIC_HOMES.length]!,
      mobil: `+474${String(n).padStart(7, "0")}`,
      kontonummer: konto(String(1_200_000_000 + n * 10)),
      aareg: [{ arbeidsgiver: { navn: "Syntetisk Arbeidsgiver AS", organisasjonsnummer: employer }, fom: "2020-01-01", tom: null, stillingsprosent: 50 }],
      skatteetaten: lonn(now, "Syntetisk Arbeidsgiver AS", 21_000, 4_200),
    });
  });
}

/** Display name used by the test login. */
export function personName(person: PersonRecord): string {
  return fullName(person.folkeregister.navn);
}
