/**
 * Messages (meldinger) in the mock: which conversations a person has, the contract's view of
 * them (a page of messages, the counts), and the caseworker's side (reply, read, fill), shared by
 * the person's handlers (meldinger-handlers.ts) and the simulator (simulator-routes.ts).
 *
 * A person has one general conversation with the office of their municipality (fiksDigisosId
 * null) and one per sent søknad, with the office the søknad is with now. Their ids are derived
 * (samtaleIdFor), so a conversation exists, empty, before its first message.
 *
 * Cost: the store indexes the messages by conversation once per change (MockStore.meldingerI),
 * so a page is one slice of one conversation's list, whatever the total.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { MAX_MELDING_TEXT, MELDINGER_PER_SIDE, type Melding, type NavKontor, type Samtale, type SamtaleSide, type VedleggFil } from "../app/fagsystem/contract";
import { navKontorFor, personName, samtaleIdFor, type MeldingRecord, type PersonRecord, type SoknadRecord, type StoredFile, type VarselRecord } from "./personas";
import { frame, renderLetter, type LetterBase, type LetterContent, type LetterLanguage } from "./simulator-letters";
import { SimulatorError, currentOffice, describeZodError, officeByNumber } from "./simulator";
import type { MockStore } from "./state";
import { varselFor } from "./varsler";

export { samtaleIdFor };

/** The caseworker's first name when the simulator is not told one. */
export const DEFAULT_SAKSBEHANDLER = "Kari";
/** The most messages one "fyll" adds. */
export const MAX_FYLL = 20_000;

/** One of a person's conversations, whether or not it holds messages. */
export interface SamtaleRef {
  samtaleId: string;
  fnr: string;
  fiksDigisosId: string | null;
  /** The søknad it is about, for a søknad's conversation. */
  soknad: SoknadRecord | null;
  /** The office that answers, when one is known. */
  office: NavKontor | null;
}

/** The office of the person's municipality (where they stay, else where they are registered), as the portal picks it. */
export function officeOfPerson(person: PersonRecord): NavKontor | null {
  const address = person.folkeregister.oppholdsadresse ?? person.folkeregister.bostedsadresse;
  return (address && navKontorFor(address.kommunenummer)) || null;
}

const generalSamtale = (person: PersonRecord): SamtaleRef => ({
  samtaleId: samtaleIdFor(person.folkeregister.fnr, null),
  fnr: person.folkeregister.fnr,
  fiksDigisosId: null,
  soknad: null,
  office: officeOfPerson(person),
});

const soknadSamtale = (soknad: SoknadRecord): SamtaleRef => ({
  samtaleId: samtaleIdFor(soknad.fnr, soknad.fiksDigisosId),
  fnr: soknad.fnr,
  fiksDigisosId: soknad.fiksDigisosId,
  soknad,
  office: officeByNumber(currentOffice(soknad)) ?? null,
});

const isSent = (soknad: SoknadRecord) => soknad.sendtTidspunkt !== null;

function samtalerFrom(person: PersonRecord, soknader: readonly SoknadRecord[]): SamtaleRef[] {
  // Newest first; of two sent in the same millisecond, the one that arrived last.
  const newestFirst = soknader.filter(isSent).reverse().sort((a, b) => (b.sendtTidspunkt ?? "").localeCompare(a.sendtTidspunkt ?? ""));
  return [generalSamtale(person), ...newestFirst.map(soknadSamtale)];
}

/** The person's conversations: the general one first, then one per sent søknad, newest søknad first. */
export function samtalerOf(store: MockStore, person: PersonRecord): SamtaleRef[] {
  return samtalerFrom(person, store.soknaderFor(person.folkeregister.fnr));
}

/** The person's own conversation with this id, or null: someone else's is answered exactly like a missing one. */
export function ownSamtale(store: MockStore, person: PersonRecord, samtaleId: string): SamtaleRef | null {
  return samtalerOf(store, person).find((samtale) => samtale.samtaleId === samtaleId) ?? null;
}

/** Any person's conversation with this id (the simulator's view), with its person; null when nobody has it. One pass over persons and søknader. */
export function findSamtale(store: MockStore, samtaleId: string): { samtale: SamtaleRef; person: PersonRecord } | null {
  const person = store.persons().find((candidate) => samtaleIdFor(candidate.folkeregister.fnr, null) === samtaleId);
  if (person) return { samtale: generalSamtale(person), person };
  const soknad = store.soknader().find((candidate) => isSent(candidate) && samtaleIdFor(candidate.fnr, candidate.fiksDigisosId) === samtaleId);
  const owner = soknad && store.person(soknad.fnr);
  return soknad && owner ? { samtale: soknadSamtale(soknad), person: owner } : null;
}

/** What the contract publishes of a stored message: a copy, without whose it is. */
export function toMelding(record: MeldingRecord): Melding {
  return structuredClone({
    meldingId: record.meldingId,
    samtaleId: record.samtaleId,
    avsender: record.avsender,
    tekst: record.tekst,
    sendtTidspunkt: record.sendtTidspunkt,
    filer: record.filer,
    lestTidspunkt: record.lestTidspunkt,
  });
}

const fromOffice = (melding: MeldingRecord) => melding.avsender.type === "NAV_KONTOR";

/** The conversation as the contract lists it, with its counts. */
export function toSamtale(store: MockStore, samtale: SamtaleRef): Samtale {
  const meldinger = store.meldingerI(samtale.samtaleId);
  const siste = meldinger.at(-1);
  return {
    samtaleId: samtale.samtaleId,
    fiksDigisosId: samtale.fiksDigisosId,
    navEnhet: samtale.office?.enhetsnummer ?? null,
    kontornavn: samtale.office?.navn ?? null,
    antallMeldinger: meldinger.length,
    antallUleste: meldinger.reduce((count, melding) => count + (fromOffice(melding) && melding.lestTidspunkt === null ? 1 : 0), 0),
    antallUlesteAvNav: meldinger.reduce((count, melding) => count + (!fromOffice(melding) && melding.lestTidspunkt === null ? 1 : 0), 0),
    sisteMelding: siste ? { sendtTidspunkt: siste.sendtTidspunkt, fraNav: fromOffice(siste) } : null,
  };
}

/**
 * One page, newest first: the MELDINGER_PER_SIDE messages before `foer` (or the newest), and the
 * id to ask for the next older page with. Null when `foer` is not a message of this
 * conversation: the handler answers 404, as for a conversation that is not the person's.
 */
export function meldingSide(store: MockStore, samtale: SamtaleRef, foer: string | null): SamtaleSide | null {
  const meldinger = store.meldingerI(samtale.samtaleId);
  let end = meldinger.length;
  if (foer !== null) {
    const target = store.melding(foer);
    if (!target || target.samtaleId !== samtale.samtaleId) return null;
    end = meldinger.indexOf(target);
  }
  const start = Math.max(0, end - MELDINGER_PER_SIDE);
  const page = meldinger.slice(start, end).reverse();
  return { samtale: toSamtale(store, samtale), meldinger: page.map(toMelding), eldre: start > 0 ? (page.at(-1)?.meldingId ?? null) : null };
}

/** The language the office writes to the person in: their latest message's in the conversation, else the søknad's, else bokmål. */
export function samtaleLanguage(store: MockStore, samtale: SamtaleRef): LetterLanguage {
  const meldinger = store.meldingerI(samtale.samtaleId);
  for (let index = meldinger.length - 1; index >= 0; index--) {
    const language = meldinger[index]?.language;
    if (language) return language;
  }
  return samtale.soknad?.innsending?.language ?? "nb";
}

/** Every dokumentlager file of a person's messages: theirs and the office's attachments. */
export function meldingFileIdsFor(store: MockStore, fnr: string): Set<string> {
  return new Set(store.meldingerFor(fnr).flatMap((melding) => melding.filer.map((fil) => fil.id)));
}

/** Whether any message carries this file (the simulator's view of the dokumentlager). */
export function isMeldingFile(store: MockStore, id: string): boolean {
  for (const meldinger of store.samtalerMedMeldinger().values()) if (meldinger.some((melding) => melding.filer.some((fil) => fil.id === id))) return true;
  return false;
}

/* ---------- the caseworker's side ---------- */

const saksbehandlerSchema = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^\p{L}[\p{L}\p{M}' -]*$/u, "a first name: letters, spaces, ' and -");

export const meldingActionSchema = z.discriminatedUnion("action", [
  z
    .object({
      action: z.literal("svar"),
      tekst: z.string().trim().min(1, "must not be empty").max(MAX_MELDING_TEXT),
      /** First name only: the person never sees more of who the caseworker is. */
      saksbehandler: saksbehandlerSchema.optional(),
      /** Attach a generated one-page letter (PDF) in the conversation's language. */
      vedlegg: z.boolean().optional(),
    })
    .strict(),
  z.object({ action: z.literal("lest") }).strict(),
  z.object({ action: z.literal("fyll"), antall: z.number().int().min(1).max(MAX_FYLL) }).strict(),
]);
export type MeldingAction = z.infer<typeof meldingActionSchema>;

export type MeldingActionOutcome =
  | { action: "svar"; melding: Melding; varsel: VarselRecord | null }
  | { action: "lest"; antall: number }
  | { action: "fyll"; antall: number };

const letterTexts: Record<LetterLanguage, { title: string; body: (telefon: string) => string[] }> = {
  nb: {
    title: "Informasjon fra NAV-kontoret",
    body: (telefon) => ["Dette brevet er et vedlegg til en melding fra saksbehandleren din på nav.no.", `Har du spørsmål, kan du svare på meldingen eller ringe oss på ${telefon}.`],
  },
  nn: {
    title: "Informasjon frå NAV-kontoret",
    body: (telefon) => ["Dette brevet er eit vedlegg til ei melding frå saksbehandlaren din på nav.no.", `Har du spørsmål, kan du svare på meldinga eller ringje oss på ${telefon}.`],
  },
  en: {
    title: "Information from the NAV office",
    body: (telefon) => ["This letter is attached to a message from your caseworker on nav.no.", `If you have any questions, you can reply to the message or call us on ${telefon}.`],
  },
};

/** The letter an office message may carry: one page, no case details. */
export function meldingLetter(base: LetterBase): LetterContent {
  const t = letterTexts[base.language];
  return frame(base, t.title, null, [{ paragraphs: t.body(base.office?.telefon ?? "55 55 33 33") }]);
}

function requireOffice(samtale: SamtaleRef): NavKontor {
  if (!samtale.office) throw new SimulatorError(400, "the person has no NAV office (no address in the folkeregister), so no office can write in this conversation");
  return samtale.office;
}

/** The office writes: the message, its letter when asked, and the notification, in one update. */
async function reply(store: MockStore, found: { samtale: SamtaleRef; person: PersonRecord }, action: Extract<MeldingAction, { action: "svar" }>, now: Date): Promise<MeldingActionOutcome> {
  const { samtale, person } = found;
  const office = requireOffice(samtale);
  const language = samtaleLanguage(store, samtale);
  const at = now.toISOString();
  const meldingId = randomUUID();

  let letter: { fil: VedleggFil; stored: StoredFile } | null = null;
  if (action.vedlegg) {
    const content = meldingLetter({ language, office, person, now });
    const id = randomUUID();
    const filnavn = `brev-${at.slice(0, 19).replace(/[-:]/g, "").replace("T", "-")}.pdf`;
    const stored = await store.writeFileBytes(id, { filnavn, tittel: content.title, mimetype: "application/pdf" }, await renderLetter(content));
    letter = { fil: { id, filnavn, mimetype: "application/pdf", storrelse: stored.storrelse, sha512: stored.sha512, lastetOpp: at, sider: 1 }, stored };
  }

  const record: MeldingRecord = {
    meldingId,
    samtaleId: samtale.samtaleId,
    fnr: samtale.fnr,
    fiksDigisosId: samtale.fiksDigisosId,
    avsender: { type: "NAV_KONTOR", navEnhet: office.enhetsnummer, kontornavn: office.navn, saksbehandlerFornavn: action.saksbehandler ?? DEFAULT_SAKSBEHANDLER },
    tekst: action.tekst,
    sendtTidspunkt: at,
    filer: letter ? [letter.fil] : [],
    lestTidspunkt: null,
    language: null,
  };
  const varsel = varselFor(person, { varselId: randomUUID(), samtaleId: samtale.samtaleId, meldingId, language, tidspunkt: at });
  const added = await store.update((state) => {
    if (!state.persons.some((candidate) => candidate.folkeregister.fnr === samtale.fnr)) return false; // reset meanwhile
    if (letter) state.files[letter.fil.id] = letter.stored;
    state.meldinger.push(record);
    if (varsel) state.varsler.push(varsel);
    return true;
  });
  if (!added) {
    if (letter) await store.discardFileBytes(letter.fil.id);
    throw new SimulatorError(404, `no samtale ${samtale.samtaleId}`);
  }
  return { action: "svar", melding: toMelding(record), varsel };
}

/** The office has read the person's messages in the conversation so far. */
async function officeReads(store: MockStore, samtale: SamtaleRef, now: Date): Promise<MeldingActionOutcome> {
  const at = now.toISOString();
  const antall = await store.update((state) => {
    let count = 0;
    for (const melding of state.meldinger) {
      if (melding.samtaleId === samtale.samtaleId && melding.avsender.type === "PERSON" && melding.lestTidspunkt === null) {
        melding.lestTidspunkt = at;
        count++;
      }
    }
    return count;
  });
  return { action: "lest", antall };
}

/**
 * For a render benchmark: `antall` messages, person and office by turns, as history before the
 * conversation's oldest message (a minute apart), all read on both sides, in one update. No
 * notifications: nobody is told about history.
 */
async function fill(store: MockStore, found: { samtale: SamtaleRef; person: PersonRecord }, antall: number, now: Date): Promise<MeldingActionOutcome> {
  const { samtale } = found;
  const office = requireOffice(samtale);
  const language = samtaleLanguage(store, samtale);
  const oldest = store.meldingerI(samtale.samtaleId)[0];
  const end = oldest ? Date.parse(oldest.sendtTidspunkt) - 60_000 : now.getTime();
  const records: MeldingRecord[] = Array.from({ length: antall }, (_, index) => {
    const sendt = end - (antall - 1 - index) * 60_000;
    const fraPerson = index % 2 === 0;
    return {
      meldingId: randomUUID(),
      samtaleId: samtale.samtaleId,
      fnr: samtale.fnr,
      fiksDigisosId: samtale.fiksDigisosId,
      avsender: fraPerson ? { type: "PERSON" } : { type: "NAV_KONTOR", navEnhet: office.enhetsnummer, kontornavn: office.navn, saksbehandlerFornavn: DEFAULT_SAKSBEHANDLER },
      tekst: `Melding ${index + 1} av ${antall}: fylt inn av simulatoren.`,
      sendtTidspunkt: new Date(sendt).toISOString(),
      filer: [],
      lestTidspunkt: new Date(sendt + 30_000).toISOString(),
      language: fraPerson ? language : null,
    };
  });
  const added = await store.update((state) => {
    if (!state.persons.some((candidate) => candidate.folkeregister.fnr === samtale.fnr)) return false;
    state.meldinger.push(...records);
    return true;
  });
  if (!added) throw new SimulatorError(404, `no samtale ${samtale.samtaleId}`);
  return { action: "fyll", antall };
}

/**
 * Parses `input` as a message action and applies it to any person's conversation, one with no
 * messages yet included. Throws SimulatorError: 404 for a conversation nobody has, 400 for bad
 * input or a conversation without an office.
 */
export async function applyMeldingAction(store: MockStore, samtaleId: string, input: unknown, now: Date = new Date()): Promise<MeldingActionOutcome> {
  const found = findSamtale(store, samtaleId);
  if (!found) throw new SimulatorError(404, `no samtale ${samtaleId}`);
  const parsed = meldingActionSchema.safeParse(input);
  if (!parsed.success) throw new SimulatorError(400, describeZodError(parsed.error));
  const action = parsed.data;
  switch (action.action) {
    case "svar":
      return reply(store, found, action, now);
    case "lest":
      return officeReads(store, found.samtale, now);
    case "fyll":
      return fill(store, found, action.antall, now);
  }
}

/* ---------- the simulator's view ---------- */

/** Who read a message: the office reads the person's, the person the office's. */
const lestAv = (melding: MeldingRecord) => (melding.lestTidspunkt === null ? null : melding.avsender.type === "PERSON" ? "NAV" : "PERSON");

/** A conversation with whose it is and both sides' unread counts, for the simulator's JSON API and pages. */
export function samtaleOverview(store: MockStore, samtale: SamtaleRef, person: PersonRecord) {
  const meldinger = store.meldingerI(samtale.samtaleId);
  return {
    ...toSamtale(store, samtale),
    personaId: person.id,
    name: personName(person),
    fnr: samtale.fnr,
    language: samtaleLanguage(store, samtale),
    /** The person's messages the office has not read. */
    antallUlesteForNav: meldinger.reduce((count, melding) => count + (melding.avsender.type === "PERSON" && melding.lestTidspunkt === null ? 1 : 0), 0),
  };
}

/** The conversation with every message, oldest first, each with who read it. */
export function samtaleDetail(store: MockStore, samtale: SamtaleRef, person: PersonRecord) {
  return {
    ...samtaleOverview(store, samtale, person),
    meldinger: store.meldingerI(samtale.samtaleId).map((melding) => ({ ...toMelding(melding), lestAv: lestAv(melding) })),
  };
}

/** Every conversation of every person (general, then per søknad newest first), in persona order. */
export function allSamtaler(store: MockStore): { samtale: SamtaleRef; person: PersonRecord }[] {
  const soknader = new Map<string, SoknadRecord[]>();
  for (const soknad of store.soknader()) {
    const own = soknader.get(soknad.fnr);
    if (own) own.push(soknad);
    else soknader.set(soknad.fnr, [soknad]);
  }
  return store.persons().flatMap((person) => samtalerFrom(person, soknader.get(person.folkeregister.fnr) ?? []).map((samtale) => ({ samtale, person })));
}

/** Every notification, oldest first, with the persona it went to. */
export function allVarsler(store: MockStore) {
  const personaIds = new Map(store.persons().map((person) => [person.folkeregister.fnr, person.id]));
  return store.varsler().map((varsel) => ({ ...varsel, personaId: personaIds.get(varsel.fnr) ?? null }));
}
