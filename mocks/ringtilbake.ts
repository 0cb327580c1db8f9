/**
 * Call-back requests (ring tilbake) in the mock: filing one (a contact-centre advisor asks the
 * person's office to call them), the contract's view of a stored request, each office's queue, the
 * office's side (called and reached, called without an answer, closed), the notice the person
 * gets, and the report. Shared by the contract's handlers (ringtilbake-handlers.ts) and the
 * simulator (simulator-routes.ts, simulator-page.ts).
 *
 * The office is the one of the person's municipality, as for advice requests and the general
 * conversation: the one that can help with økonomisk sosialhjelp, and the one whose conversation
 * gets the message when nobody answers.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  RINGTILBAKE_MAX_FORSOK,
  RINGTILBAKE_RAPPORT_DAGER,
  type Hastegrad,
  type Melding,
  type NavKontor,
  type RingTilbake,
  type RingTilbakeRapport,
  type RingTilbakeRapportKontor,
  type SendRingTilbakeRequest,
} from "../app/fagsystem/contract";
import { callbackDeadline, deadlineDay, isOverdue, osloDate, osloTimeOfDay, type Weekday } from "../app/ringtilbake/deadline";
import { applyMeldingAction, officeOfPerson, samtaleIdFor } from "./meldinger";
import { navKontorer, personName, type PersonRecord, type RingTilbakeRecord, type VarselRecord } from "./personas";
import { SimulatorError, describeZodError, officeByNumber } from "./simulator";
import type { MockStore } from "./state";
import { kanalFor, type VarselLanguage } from "./varsler";

/* ---------- the contract's view ---------- */

/** Still to be called: not yet, or tried without an answer. */
export const isOpen = (record: Pick<RingTilbakeRecord, "status">) => record.status === "APEN" || record.status === "RINGT_IKKE_NADD";

/** Not called at all and past the deadline, at `now`. A request tried in time is not overdue while it waits for the next try. */
export const isForfalt = (record: RingTilbakeRecord, now: Date) => record.status === "APEN" && isOverdue(record.frist, now);

/** What the contract publishes of a stored request at `now`: a copy, without whose it is. */
export function toRingTilbake(record: RingTilbakeRecord, now: Date): RingTilbake {
  return structuredClone({
    ringTilbakeId: record.ringTilbakeId,
    mottattTidspunkt: record.mottattTidspunkt,
    registrertAv: record.registrertAv,
    navEnhet: record.navEnhet,
    kontornavn: record.kontornavn,
    tema: record.tema,
    hastegrad: record.hastegrad,
    telefonnummer: record.telefonnummer,
    kontakttid: record.kontakttid,
    tolkesprak: record.tolkesprak,
    notat: record.notat,
    frist: record.frist,
    forfalt: isForfalt(record, now),
    status: record.status,
    forsok: record.forsok,
    lukket: record.lukket,
  });
}

/** Newest first; of two in the same millisecond, the one that arrived last. */
export const newestFirst = (records: readonly RingTilbakeRecord[]) => [...records].reverse().sort((a, b) => b.mottattTidspunkt.localeCompare(a.mottattTidspunkt));

/* ---------- the person's notice ---------- */

const WEEKDAY_NAMES: Record<VarselLanguage, Record<Weekday, string>> = {
  nb: { MANDAG: "mandag", TIRSDAG: "tirsdag", ONSDAG: "onsdag", TORSDAG: "torsdag", FREDAG: "fredag", LORDAG: "lørdag", SONDAG: "søndag" },
  nn: { MANDAG: "måndag", TIRSDAG: "tysdag", ONSDAG: "onsdag", TORSDAG: "torsdag", FREDAG: "fredag", LORDAG: "laurdag", SONDAG: "søndag" },
  en: { MANDAG: "Monday", TIRSDAG: "Tuesday", ONSDAG: "Wednesday", TORSDAG: "Thursday", FREDAG: "Friday", LORDAG: "Saturday", SONDAG: "Sunday" },
};
const MONTHS_NORWEGIAN = ["januar", "februar", "mars", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "desember"];
const MONTHS_ENGLISH = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "tirsdag 17. mars", "tysdag 17. mars", "Tuesday 17 March". */
function dayAndDate(language: VarselLanguage, date: string, weekday: Weekday): string {
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  const name = WEEKDAY_NAMES[language][weekday];
  return language === "en" ? `${name} ${day} ${MONTHS_ENGLISH[month - 1]}` : `${name} ${day}. ${MONTHS_NORWEGIAN[month - 1]}`;
}

/**
 * The SMS (or e-mail) text: which office will call, and by when (today, or by a weekday and date),
 * and what to do if no call comes. Never the topic or the note: a phone's lock screen shows it.
 */
export function ringTilbakeVarselTekst(language: VarselLanguage, input: { kontornavn: string; telefon: string; frist: string; now: Date }): string {
  const { when, date, weekday } = deadlineDay(input.frist, input.now);
  const today = when === "I_DAG";
  const by = dayAndDate(language, date, weekday);
  switch (language) {
    case "nb":
      return `${input.kontornavn} ringer deg ${today ? "i dag" : `innen ${by}`}. Vi kan ringe fra skjult nummer. Hører du ikke fra oss, kan du ringe ${input.telefon}.`;
    case "nn":
      return `${input.kontornavn} ringjer deg ${today ? "i dag" : `innan ${by}`}. Vi kan ringje frå skjult nummer. Høyrer du ikkje frå oss, kan du ringje ${input.telefon}.`;
    case "en":
      return `${input.kontornavn} will call you ${today ? "today" : `by ${by}`}. The call may come from a hidden number. If you do not hear from us, you can call ${input.telefon}.`;
  }
}

function ringTilbakeVarsel(person: PersonRecord, record: RingTilbakeRecord, office: NavKontor, now: Date): VarselRecord | null {
  const kanal = kanalFor(person);
  if (!kanal) return null;
  return {
    varselId: randomUUID(),
    fnr: record.fnr,
    samtaleId: null,
    meldingId: null,
    ringTilbakeId: record.ringTilbakeId,
    ...kanal,
    language: record.language,
    tekst: ringTilbakeVarselTekst(record.language, { kontornavn: office.navn, telefon: office.telefon, frist: record.frist, now }),
    tidspunkt: now.toISOString(),
  };
}

/* ---------- filing ---------- */

export type ReceiveOutcome = { record: RingTilbakeRecord; created: boolean } | { problem: "no-nav-kontor" } | { missing: true };

/**
 * Files a request with the office of the person's municipality, with its deadline from the
 * office's hours, and the person's notice in the outbox, in one update. A retry with the same id
 * gets the request already there (and no second notice); someone else's id is nobody's to this
 * person (`missing`).
 */
export async function receiveRingTilbake(store: MockStore, person: PersonRecord, body: SendRingTilbakeRequest, now: Date = new Date()): Promise<ReceiveOutcome> {
  const fnr = person.folkeregister.fnr;
  const office = officeOfPerson(person);
  return store.update((state): ReceiveOutcome => {
    // Inside the update: a parallel request with the same id may have won since the caller looked.
    const earlier = state.ringTilbake.find((record) => record.ringTilbakeId === body.ringTilbakeId);
    if (earlier) return earlier.fnr === fnr ? { record: earlier, created: false } : { missing: true };
    if (!state.persons.some((candidate) => candidate.folkeregister.fnr === fnr)) return { missing: true }; // reset meanwhile
    if (!office) return { problem: "no-nav-kontor" };
    const record: RingTilbakeRecord = {
      ringTilbakeId: body.ringTilbakeId,
      fnr,
      language: body.language ?? "nb",
      mottattTidspunkt: now.toISOString(),
      registrertAv: body.navIdent,
      navEnhet: office.enhetsnummer,
      kontornavn: office.navn,
      tema: body.tema,
      hastegrad: body.hastegrad,
      telefonnummer: body.telefonnummer,
      kontakttid: body.kontakttid ?? null,
      tolkesprak: body.tolkesprak ?? null,
      notat: body.notat ? body.notat : null,
      frist: callbackDeadline(now, body.hastegrad, office.apningstider).toISOString(),
      status: "APEN",
      forsok: [],
      lukket: null,
    };
    state.ringTilbake.push(record);
    const varsel = ringTilbakeVarsel(person, record, office, now);
    if (varsel) state.varsler.push(varsel);
    return { record, created: true };
  });
}

/* ---------- the office's queue ---------- */

const URGENCY: Readonly<Record<Hastegrad, number>> = { I_DAG: 0, TO_VIRKEDAGER: 1, NAR_DET_PASSER: 2 };

/**
 * An office's queue: the requests still to call, the most urgent first, then the earliest
 * deadline, then the first to arrive (the sort is stable, and the records are in arrival order).
 */
export function queueOf(records: readonly RingTilbakeRecord[], navEnhet: string): RingTilbakeRecord[] {
  return records
    .filter((record) => record.navEnhet === navEnhet && isOpen(record))
    .sort((a, b) => URGENCY[a.hastegrad] - URGENCY[b.hastegrad] || a.frist.localeCompare(b.frist));
}

/** When a finished request was finished: closed, or the call that reached the person. */
const finishedAt = (record: RingTilbakeRecord) => record.lukket?.tidspunkt ?? record.forsok.at(-1)?.tidspunkt ?? record.mottattTidspunkt;

/** A request as the simulator lists it: the contract's view, with whose it is. */
export function ringTilbakeOverview(store: MockStore, record: RingTilbakeRecord, now: Date) {
  const person = store.person(record.fnr);
  return { ...toRingTilbake(record, now), personaId: person?.id ?? null, name: person ? personName(person) : null, fnr: record.fnr, language: record.language };
}
export type RingTilbakeOverview = ReturnType<typeof ringTilbakeOverview>;

/** Every office with its queue (`ko`, see queueOf) and its finished requests (`avsluttet`, the latest finished first). */
export function officeQueues(store: MockStore, now: Date) {
  const records = store.ringTilbakeAlle();
  return navKontorer.map((office) => ({
    navEnhet: office.enhetsnummer,
    kontornavn: office.navn,
    ko: queueOf(records, office.enhetsnummer).map((record) => ringTilbakeOverview(store, record, now)),
    avsluttet: records
      .filter((record) => record.navEnhet === office.enhetsnummer && !isOpen(record))
      .sort((a, b) => finishedAt(b).localeCompare(finishedAt(a)))
      .map((record) => ringTilbakeOverview(store, record, now)),
  }));
}
export type OfficeQueue = ReturnType<typeof officeQueues>[number];

/* ---------- the office's side ---------- */

/** ringt-nadd: called and talked to the person; ringt-ikke-nadd: called without an answer; lukk: closed without a call (the person came in, a duplicate). */
export const ringTilbakeActionSchema = z.object({ action: z.enum(["ringt-nadd", "ringt-ikke-nadd", "lukk"]) }).strict();
export type RingTilbakeAction = z.infer<typeof ringTilbakeActionSchema>["action"];

export type RingTilbakeActionOutcome = {
  record: RingTilbakeRecord;
  /** The message written to the person when the last unanswered call closed the request. */
  melding: Melding | null;
};

const WEEKDAY_ORDER = ["MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG"] as const;
const clock = (time: string) => time.trim().replace(":", ".");

/** Opening hours in words, consecutive days with the same hours together: "mandag–torsdag 10.00–15.00, fredag 10.00–14.00". */
export function describeHours(apningstider: NavKontor["apningstider"]): string {
  const groups: { first: Weekday; last: Weekday; hours: string }[] = [];
  let previous: (typeof groups)[number] | null = null;
  for (const dag of WEEKDAY_ORDER) {
    const entries = apningstider.filter((entry) => entry.dag === dag).sort((a, b) => a.fra.localeCompare(b.fra));
    if (entries.length === 0) {
      previous = null;
      continue;
    }
    const hours = entries.map((entry) => `${clock(entry.fra)}–${clock(entry.til)}`).join(" og ");
    if (previous && previous.hours === hours) previous.last = dag;
    else groups.push((previous = { first: dag, last: dag, hours }));
  }
  const day = (weekday: Weekday) => WEEKDAY_NAMES.nb[weekday];
  return groups.map((group) => `${group.first === group.last ? day(group.first) : `${day(group.first)}–${day(group.last)}`} ${group.hours}`).join(", ");
}

/** "10. mars kl. 09.30", Norwegian time. */
function dateAndTime(instant: string): string {
  const [, month, day] = osloDate(instant).split("-").map(Number) as [number, number, number];
  return `${day}. ${MONTHS_NORWEGIAN[month - 1]} kl. ${osloTimeOfDay(instant).replace(":", ".")}`;
}

/**
 * The letter-like message in the person's general conversation when nobody answered: that the
 * office tried (when, which number), how to reach it, and what to do tonight if it is urgent (as
 * the guides say). In bokmål, the office's own language. Nothing of the topic or the note.
 */
export function closingMessage(record: RingTilbakeRecord, office: NavKontor | undefined): string {
  const calls = record.forsok.map((forsok) => dateAndTime(forsok.tidspunkt));
  const kontornavn = office?.navn ?? record.kontornavn;
  const reach = office ? `ring ${kontornavn} på ${office.telefon} (${describeHours(office.apningstider)})` : `ring ${kontornavn}`;
  return [
    "Hei!",
    `Du ba NAV om å ringe deg. Vi har prøvd å ringe deg ${calls.length} ganger på ${record.telefonnummer} (${calls.join(", ")}), men fikk ikke svar. Derfor har vi avsluttet forespørselen.`,
    `Vi vil gjerne snakke med deg. Ta kontakt med oss: ${reach}, eller svar på denne meldingen. Skriv gjerne når det passer at vi ringer, og om du har fått nytt telefonnummer.`,
    "Trenger du hjelp i dag og kontoret er stengt, kan du kontakte legevakten eller kommunens vakttelefon.",
    `Med vennlig hilsen\n${kontornavn}`,
  ].join("\n\n");
}

/**
 * Parses `input` as an office action and applies it. An unanswered call that is the
 * RINGTILBAKE_MAX_FORSOK-th closes the request and writes the closing message in the person's
 * general conversation (with its own notice, as every office message has). Marking a reached
 * request reached, or a closed one closed, again changes nothing; anything else on a finished
 * request is refused. Throws SimulatorError: 404 for an unknown id, 400 for bad input or a
 * finished request.
 */
export async function applyRingTilbakeAction(store: MockStore, ringTilbakeId: string, input: unknown, now: Date = new Date()): Promise<RingTilbakeActionOutcome> {
  if (!store.ringTilbake(ringTilbakeId)) throw new SimulatorError(404, `no call-back request ${ringTilbakeId}`);
  const parsed = ringTilbakeActionSchema.safeParse(input);
  if (!parsed.success) throw new SimulatorError(400, describeZodError(parsed.error));
  const { action } = parsed.data;
  const at = now.toISOString();

  type Change = { record: RingTilbakeRecord; closedNow: boolean } | { refused: string } | { missing: true };
  const change = await store.update((state): Change => {
    const record = state.ringTilbake.find((candidate) => candidate.ringTilbakeId === ringTilbakeId);
    if (!record) return { missing: true }; // reset meanwhile
    if ((action === "ringt-nadd" && record.status === "RINGT_NADD") || (action === "lukk" && record.status === "LUKKET")) return { record, closedNow: false };
    if (!isOpen(record)) return { refused: `the request is already ${record.status}` };
    switch (action) {
      case "ringt-nadd":
        record.forsok.push({ tidspunkt: at, nadd: true });
        record.status = "RINGT_NADD";
        return { record, closedNow: false };
      case "ringt-ikke-nadd": {
        record.forsok.push({ tidspunkt: at, nadd: false });
        const closes = record.forsok.filter((forsok) => !forsok.nadd).length >= RINGTILBAKE_MAX_FORSOK;
        record.status = closes ? "LUKKET" : "RINGT_IKKE_NADD";
        if (closes) record.lukket = { tidspunkt: at, arsak: "IKKE_NADD", melding: null };
        return { record, closedNow: closes };
      }
      case "lukk":
        record.status = "LUKKET";
        record.lukket = { tidspunkt: at, arsak: "AVSLUTTET", melding: null };
        return { record, closedNow: false };
    }
  });
  if ("missing" in change) throw new SimulatorError(404, `no call-back request ${ringTilbakeId}`);
  if ("refused" in change) throw new SimulatorError(400, change.refused);
  if (!change.closedNow) return { record: change.record, melding: null };

  // Only the update that closed it gets here: one message, however many clicks.
  const samtaleId = samtaleIdFor(change.record.fnr, null);
  let melding: Melding | null = null;
  try {
    const outcome = await applyMeldingAction(store, samtaleId, { action: "svar", tekst: closingMessage(change.record, officeByNumber(change.record.navEnhet)) }, now);
    if (outcome.action === "svar") melding = outcome.melding;
  } catch (error) {
    // The person is gone (a reset) or has no office for the conversation: closed, without a message.
    if (!(error instanceof SimulatorError)) throw error;
  }
  if (melding) {
    const meldingId = melding.meldingId;
    await store.update((state) => {
      const record = state.ringTilbake.find((candidate) => candidate.ringTilbakeId === ringTilbakeId);
      if (record?.lukket) record.lukket.melding = { samtaleId, meldingId };
    });
  }
  return { record: store.ringTilbake(ringTilbakeId) ?? change.record, melding };
}

/* ---------- the report ---------- */

const DAY_MS = 24 * 60 * 60 * 1000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** One office's figures over the requests filed with it in the period (see ringTilbakeRapportKontorSchema). */
function officeFigures(office: NavKontor, records: readonly RingTilbakeRecord[], now: Date): RingTilbakeRapportKontor {
  let malt = 0;
  let ringtITide = 0;
  let venter = 0;
  let lukketUtenOppringing = 0;
  const minutes: number[] = [];
  for (const record of records) {
    const first = record.forsok[0];
    if (first) {
      malt++;
      if (!isOverdue(record.frist, new Date(first.tidspunkt))) ringtITide++;
      minutes.push((Date.parse(first.tidspunkt) - Date.parse(record.mottattTidspunkt)) / 60_000);
    } else if (record.lukket) {
      // Closed without a call: a judgement before the deadline, a miss after it.
      if (isOverdue(record.frist, new Date(record.lukket.tidspunkt))) malt++;
      else lukketUtenOppringing++;
    } else if (isOverdue(record.frist, now)) {
      malt++;
    } else {
      venter++;
    }
  }
  const middle = median(minutes);
  return {
    navEnhet: office.enhetsnummer,
    kontornavn: office.navn,
    antall: records.length,
    malt,
    ringtITide,
    andelITide: malt > 0 ? ringtITide / malt : null,
    medianMinutterTilForsteOppringing: middle === null ? null : Math.round(middle),
    venter,
    lukketUtenOppringing,
  };
}

/** Per office (every one, in NORG's order), the requests filed in the last RINGTILBAKE_RAPPORT_DAGER days up to `now`. */
export function ringTilbakeRapport(records: readonly RingTilbakeRecord[], now: Date): RingTilbakeRapport {
  const fra = new Date(now.getTime() - RINGTILBAKE_RAPPORT_DAGER * DAY_MS);
  const inPeriod = records.filter((record) => {
    const mottatt = Date.parse(record.mottattTidspunkt);
    return mottatt > fra.getTime() && mottatt <= now.getTime();
  });
  return {
    fra: fra.toISOString(),
    til: now.toISOString(),
    kontorer: navKontorer.map((office) =>
      officeFigures(
        office,
        inPeriod.filter((record) => record.navEnhet === office.enhetsnummer),
        now,
      ),
    ),
  };
}
