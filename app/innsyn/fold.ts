/**
 * The one fold of a søknad's event log (`digisos-soker.json`) into what the person sees.
 * Pure: no I/O, no clock (`options.now`), no logging; the caller logs `reason` of a failure.
 * Why the rules look as they do: docs/decisions/008-innsyn-fold.md.
 */
import type { z, ZodTypeAny } from "zod";
import { hendelseSchemas, type DigisosSoker, type Hendelse } from "../fagsystem/contract";
import { ASK_ZOD, fastParser } from "./schema-parser";
import {
  NEW_VEDTAK_DAYS,
  type Dokumentasjonkrav,
  type Delivery,
  type DocumentTask,
  type FoldOptions,
  type FoldResult,
  type InnsynView,
  type KravStatus,
  type Letter,
  type Rammevedtak,
  type Sak,
  type SoknadStatus,
  type TimelineEntry,
  type Utbetaling,
  type Vedtak,
  type Vilkar,
} from "./view";

const DAY_MS = 86_400_000;
/**
 * The page shows a moment to the minute, so events seconds apart are one moment: payments
 * changed or files delivered within one minute are one line of the history, not three.
 * (Norway's offsets are whole hours, so a UTC minute is a minute on the page.)
 */
const minuteOf = (ms: number) => Math.floor(ms / 60_000);

type SaksStatusRaw = NonNullable<z.infer<(typeof hendelseSchemas)["saksStatus"]>["status"]>;
type SoknadsStatusRaw = z.infer<(typeof hendelseSchemas)["soknadsStatus"]>["status"];

/**
 * Order among events with the same time, so the result does not depend on the order the
 * fagsystem wrote them in. NAV: MOTTATT before UNDER_BEHANDLING, payments before conditions.
 * A concluding status comes last, after the vedtak and payments it concludes.
 */
function priority(event: Hendelse): number {
  switch (event.type) {
    case "soknadsStatus":
      return event.status === "MOTTATT" ? 0 : event.status === "UNDER_BEHANDLING" ? 2 : event.status === "FERDIGBEHANDLET" ? 11 : 12;
    case "tildeltNavKontor":
      return 1;
    case "saksStatus":
      return 3;
    case "vedtakFattet":
      return 4;
    case "rammevedtak":
      return 5;
    case "utbetaling":
      return 6;
    case "vilkar":
      return 7;
    case "dokumentasjonkrav":
      return 8;
    case "dokumentasjonEtterspurt":
      return 9;
    case "forelopigSvar":
      return 10;
  }
}

const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(Z|([+-])(\d{2}):?(\d{2}))$/;

/** Milliseconds since the epoch of an ISO-8601 time with any offset (the forms the contract accepts); NaN otherwise. */
export function isoToMs(value: string): number {
  if (writeUtcMs(value, scratch, 0)) return scratch[0] as number;
  const match = ISO_TIME.exec(value);
  if (!match) return Date.parse(value);
  const [, year, month, dayOfMonth, hours, minutes, seconds, fraction, zone, sign, offsetHours, offsetMinutes] = match;
  const ms = fraction ? Number(fraction.slice(0, 3).padEnd(3, "0")) : 0;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(dayOfMonth), Number(hours), Number(minutes), Number(seconds ?? 0), ms);
  if (zone === "Z") return utc;
  const offset = (Number(offsetHours) * 60 + Number(offsetMinutes)) * 60_000;
  return sign === "+" ? utc - offset : utc + offset;
}

/** The two digits at `at` as a number (0-99), or -1. */
function twoDigits(value: string, at: number): number {
  const high = value.charCodeAt(at) - 48;
  const low = value.charCodeAt(at + 1) - 48;
  return high >= 0 && high <= 9 && low >= 0 && low <= 9 ? high * 10 + low : -1;
}

const scratch = new Float64Array(1);

/**
 * `isoToMs` of the form every fagsystem writes (`2025-03-10T12:00:00Z` or `…:00.000Z`) without a regular
 * expression or a string made: the same `Date.UTC` of the same numbers, written into `target[at]`;
 * false (and nothing written) for any other form. In whole numbers (a digit that is not one is -1, not
 * NaN), so V8 divides integers: in floating point, with NaN possible in every field, it cost twice as
 * much, and it is read for every event. Written, not returned: a number this large, returned from a
 * function V8 did not inline, is a new object on the heap, one per event.
 */
function writeUtcMs(value: string, target: Float64Array, at: number): boolean {
  const length = value.length;
  if ((length !== 20 && length !== 24) || value.charCodeAt(length - 1) !== 90 /* Z */) return false;
  // - - T : : and, with milliseconds, the dot
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45 || value.charCodeAt(10) !== 84 || value.charCodeAt(13) !== 58 || value.charCodeAt(16) !== 58) return false;
  const century = twoDigits(value, 0);
  const yearOfCentury = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  const hours = twoDigits(value, 11);
  const minutes = twoDigits(value, 14);
  const seconds = twoDigits(value, 17);
  if ((century | yearOfCentury | month | day | hours | minutes | seconds) < 0) return false; // -1 has every bit set
  let ms = 0;
  if (length === 24) {
    const hundreds = value.charCodeAt(20) - 48;
    const rest = twoDigits(value, 21);
    if (value.charCodeAt(19) !== 46 || hundreds < 0 || hundreds > 9 || rest < 0) return false;
    ms = hundreds * 100 + rest;
  }
  const year = century * 100 + yearOfCentury;
  if (year < 100) return false; // Date.UTC reads years 0-99 as 19xx: leave those to it
  const days = month >= 1 && month <= 12 ? daysOfMonthDay(year, month, day) : daysFromCivil(year, month, day);
  target[at] = days * DAY_MS + (((hours * 60 + minutes) * 60 + seconds) * 1000 + ms);
  return true;
}

/** `daysFromCivil` of a year of 100 or more and a month of 1-12 (the day may run on), in whole numbers only. */
function daysOfMonthDay(year: number, month: number, day: number): number {
  const shifted = month <= 2 ? year - 1 : year;
  const era = (shifted / 400) | 0;
  const yearOfEra = shifted - era * 400;
  const dayOfYear = ((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) | 0;
  return era * 146_097 + yearOfEra * 365 + ((yearOfEra / 4) | 0) - ((yearOfEra / 100) | 0) + dayOfYear - 719_468 + (day - 1);
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, as `Date.UTC` counts them (a month past 12 or a
 * day past the month's end runs on): H. Hinnant's days_from_civil, so no Date is made per event.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const yearsOver = Math.floor((month - 1) / 12);
  const y = year + yearsOver;
  const m = month - yearsOver * 12;
  const shifted = m <= 2 ? y - 1 : y;
  const era = Math.floor(shifted / 400);
  const yearOfEra = shifted - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468 + (day - 1);
}

/** JSON with object keys sorted: the identity of an event for de-duplication and the last tie-break (also of a complaint's events). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    parts.push(`${JSON.stringify(key)}:${canonicalJson(record[key])}`);
  }
  return `{${parts.join(",")}}`;
}

/** An event as a fold reads it: when, and its order among events of the same time. */
export interface SortedEvent<E = Hendelse> {
  event: E;
  ms: number;
  priority: number;
}

/**
 * A log as read: `events[i]` happened at `ms[i]`. Columns, not an object per event: a long log read
 * into objects kept 10,000 of them (and a boxed number each) alive through the fold, and the garbage
 * collector copied them on every young-generation collection during it.
 */
interface ReadLog<E> {
  ok: true;
  events: E[];
  ms: Float64Array;
  skippedUnknown: number;
}

interface Reader {
  schema: ZodTypeAny;
  parse: (value: unknown) => unknown;
}

/** Each schema record's readers by event type, so an event costs one lookup (not an own-key check, a read and a WeakMap). */
const readersBySchemas = new WeakMap<object, Map<string, Reader>>();

function readersOf(schemas: Readonly<Record<string, ZodTypeAny>>): Map<string, Reader> {
  let readers = readersBySchemas.get(schemas);
  if (!readers) {
    readers = new Map();
    for (const type of Object.getOwnPropertyNames(schemas)) {
      const schema = schemas[type] as ZodTypeAny;
      readers.set(type, { schema, parse: fastParser(schema) });
    }
    readersBySchemas.set(schemas, readers);
  }
  return readers;
}

/**
 * The first part of every fold of an event log (the søknad's, a complaint's): each event checked
 * against its type's schema, an unknown type skipped (the enum only grows), an event seen before
 * dropped, and the rest in time order, then `priority`, then identity, so the order the
 * fagsystem wrote them in does not matter.
 */
export function readEventLog<E extends { hendelsestidspunkt: string }>(
  hendelser: readonly unknown[],
  schemas: Readonly<Record<string, ZodTypeAny>>,
  priority: (event: E) => number,
): { ok: true; events: SortedEvent<E>[]; skippedUnknown: number } | { ok: false; reason: string } {
  const read = readLog(hendelser, schemas, priority);
  if (!read.ok) return read;
  const events = read.events.map((event, index): SortedEvent<E> => ({ event, ms: read.ms[index] as number, priority: priority(event) }));
  return { ok: true, events, skippedUnknown: read.skippedUnknown };
}

function readLog<E extends { hendelsestidspunkt: string }>(
  hendelser: readonly unknown[],
  schemas: Readonly<Record<string, ZodTypeAny>>,
  priority: (event: E) => number,
): ReadLog<E> | { ok: false; reason: string } {
  const readers = readersOf(schemas);
  let skippedUnknown = 0;
  // Made at the log's length and cut to what was read (an array grown by push is allocated about three
  // times over); the times typed, stored as numbers and not as one boxed number each.
  const events = new Array<E>(hendelser.length);
  let count = 0;
  const ms = new Float64Array(hendelser.length);
  for (let index = 0; index < hendelser.length; index++) {
    const raw: unknown = hendelser[index];
    const type = raw && typeof raw === "object" ? (raw as { type?: unknown }).type : undefined;
    const reader = typeof type === "string" ? readers.get(type) : undefined;
    if (reader === undefined) {
      skippedUnknown++;
      continue;
    }
    let data = reader.parse(raw);
    if (data === ASK_ZOD) {
      const parsed = reader.schema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
        return { ok: false, reason: `hendelser[${index}] (${String(type)}) is invalid: ${where}${issue?.message ?? "unknown issue"}` };
      }
      data = parsed.data;
    }
    const event = data as E;
    if (!writeUtcMs(event.hendelsestidspunkt, ms, count)) {
      const time = isoToMs(event.hendelsestidspunkt);
      if (Number.isNaN(time)) return { ok: false, reason: `hendelser[${index}] (${String(type)}) has an unreadable hendelsestidspunkt` };
      ms[count] = time;
    }
    events[count++] = event;
  }
  events.length = count;

  // An event's identity (its canonicalJson), made only for events that share their time and priority.
  let keys: Map<number, string> | null = null;
  const identity = (index: number): string => {
    keys ??= new Map();
    let key = keys.get(index);
    if (key === undefined) {
      key = canonicalJson(events[index]);
      keys.set(index, key);
    }
    return key;
  };
  // The priority is asked for only then too: in a log in order, times differ.
  const order = (a: number, b: number): number => {
    const byTime = (ms[a] as number) - (ms[b] as number) || priority(events[a] as E) - priority(events[b] as E);
    if (byTime !== 0) return byTime;
    const left = identity(a);
    const right = identity(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };
  // A log mostly comes in order and without repeats: then it is neither sorted nor copied.
  let sorted = true;
  let repeats = false;
  for (let index = 1; sorted && index < events.length; index++) {
    // Times compared here, the rest only for a tie: no call per event to a function made per log.
    const byTime = (ms[index - 1] as number) - (ms[index] as number);
    const comparison = byTime !== 0 ? byTime : order(index - 1, index);
    sorted = comparison <= 0;
    repeats ||= comparison === 0;
  }
  if (sorted && !repeats) return { ok: true, events, ms, skippedUnknown };
  // Equal events have the same time and priority, so in this order they stand together, the first
  // one seen first (the sort is stable, and the index breaks the last tie anyway).
  const indexes: number[] = [];
  for (let index = 0; index < events.length; index++) indexes.push(index);
  if (!sorted) indexes.sort((a, b) => order(a, b) || a - b);
  const read: ReadLog<E> = { ok: true, events: [], ms: new Float64Array(indexes.length), skippedUnknown };
  for (let at = 0; at < indexes.length; at++) {
    const index = indexes[at] as number;
    if (at > 0 && order(indexes[at - 1] as number, index) === 0) continue;
    read.ms[read.events.length] = ms[index] as number;
    read.events.push(events[index] as E);
  }
  return read;
}

interface SakState {
  referanse: string;
  tittel: string | null;
  status: SaksStatusRaw | null;
  /** The view's lists of the sak, made when the view is shown. */
  vedtak: Vedtak[] | null;
  utbetalinger: string[] | null;
  utbetalingCount: number;
  utbetalingFilled: number;
}

type VedtakHendelse = Extract<Hendelse, { type: "vedtakFattet" }>;

/**
 * A vedtak as the fold keeps it: its event and sak, and where its timeline entry and letter are. The
 * Vedtak and its entry are made when the view is shown, with what only the whole log tells (its sak's
 * title, whether it is the newest): an object changed after it was made (V8 had taken `isNew` for a
 * field that never changes) threw away the view's compiled code the first time a vedtak was new.
 */
interface VedtakState {
  event: VedtakHendelse;
  sak: SakState | null;
  entryIndex: number;
  letterIndex: number;
}

/** A "sak behandles ikke" entry, made when the view is shown (with the sak's title then). */
interface SakBehandlesIkke {
  event: Extract<Hendelse, { type: "saksStatus" }>;
  entryIndex: number;
}

/**
 * The timeline as the fold builds it: `entries[i]` at `ms[i]`, two columns instead of an object per
 * entry; the fold keeps an entry by its index. Null where an entry was taken back (the status shown
 * otherwise, a hidden sak's vedtak), and until the view is shown where it is made then.
 */
interface Timeline {
  entries: (TimelineEntry | null)[];
  ms: number[];
}

/**
 * Letters in the order they were sent; one sent again is shown where it was sent last. Where the last
 * letter of a request or a foreløpig svar with each letterId is (a vedtak's letter is in its VedtakState),
 * and how many were sent: when no letter was sent twice, as in most logs, the view needs no lookups.
 */
interface Letters {
  list: (Letter | null)[];
  last: { "dokumentasjon-etterspurt": Map<string, number>; "forelopig-svar": Map<string, number> };
  sent: number;
}

const NONE = -1;

const isHiddenSakStatus = (status: SaksStatusRaw | null) => status === "IKKE_INNSYN" || status === "FEILREGISTRERT";

/** Whether the vedtak at `index` is shown: of no hidden sak, and the last with its letter (`byLetter`: null when no letter came twice). */
function isShownVedtak(vedtakList: readonly VedtakState[], byLetter: Map<string, number> | null, index: number): boolean {
  const item = vedtakList[index] as VedtakState;
  if (item.sak !== null && isHiddenSakStatus(item.sak.status)) return false;
  return byLetter === null || byLetter.get(item.event.vedtaksfil.referanse.id) === index;
}

function kravStatus(status: KravStatus | "ANNULLERT" | null | undefined): KravStatus {
  return status && status !== "ANNULLERT" ? status : "RELEVANT";
}

/**
 * The document and the options are read here and handed on as values: objects the caller makes (the
 * options at each call site) can change V8's idea of their fields, and the long functions that read
 * them lost their compiled code with it (seen with --trace-deopt when the bench made its options).
 */
export function foldEventLog(document: DigisosSoker, options: FoldOptions): FoldResult {
  try {
    const hendelser: unknown = document?.hendelser;
    if (!Array.isArray(hendelser)) return { ok: false, reason: "hendelser is not a list" };
    return fold(hendelser, options.sendtTidspunkt, options.deliveries, options.now.getTime());
  } catch (error) {
    return { ok: false, reason: `fold failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function fold(hendelser: readonly unknown[], sendtTidspunkt: string | null, givenDeliveries: readonly Delivery[], nowMs: number): FoldResult {
  /* ---------- parse, skip unknown, de-duplicate ---------- */
  const read = readLog<Hendelse>(hendelser, hendelseSchemas, priority);
  if (!read.ok) return read;
  const { events, skippedUnknown } = read;
  const times = read.ms;

  /* ---------- state ---------- */
  // The fold keeps what it made by reference (a vedtak its sak, entry and letter) instead of looking
  // it up again by key: a Map lookup each, several per event, was most of the loop's time.
  const timeline: Timeline = { entries: [], ms: [] };
  /** Adds an entry to the timeline (null: made when the view is shown); its index there. */
  const push = (entry: TimelineEntry | null, ms: number): number => {
    timeline.ms.push(ms);
    return timeline.entries.push(entry) - 1;
  };

  let soknadsStatus: SoknadsStatusRaw | null = null;
  let soknadsStatusEntry = NONE;
  let mottatt: Extract<TimelineEntry, { kind: "mottatt" }> | null = null;
  let mottattMs = NaN;

  let navKontor: string | null = null;
  const kontorHistorikk: InnsynView["kontorHistorikk"] = [];

  const saker = new Map<string, SakState>();
  let visibleSaker = 0;
  let deltISaker: Extract<TimelineEntry, { kind: "delt-i-saker" }> | null = null;
  let deltISakerMs = NaN;
  const sakBehandlesIkkeEntries: SakBehandlesIkke[] = [];

  // Vedtak in the order they were made; the same letter again replaces the vedtak, which is then shown
  // where it was made last (where the last one with each letter is: vedtakByLetter).
  const vedtakList: VedtakState[] = [];
  const vedtakByLetter = new Map<string, number>();
  const letters: Letters = { list: [], last: { "dokumentasjon-etterspurt": new Map(), "forelopig-svar": new Map() }, sent: 0 };

  // The tasks are the last request's documents: made once, from that event, when the view is shown.
  let request: Extract<Hendelse, { type: "dokumentasjonEtterspurt" }> | null = null;
  let requestMs = 0;

  const utbetalinger = new Map<string, Utbetaling>();
  let lastPaymentEntryMinute: number | null = null;

  const vilkar = new Map<string, Vilkar>();
  const dokumentasjonkrav = new Map<string, Dokumentasjonkrav>();
  const rammevedtak = new Map<string, Rammevedtak>();

  /** Adds a letter; its index in the list. */
  const addLetter = (letter: Letter): number => letters.list.push(letter) - 1;
  const addLetterOf = (last: Map<string, number>, letter: Letter) => {
    last.set(letter.letterId, addLetter(letter));
    letters.sent++;
  };

  /** Creates or updates a sak (`sak`: as it is, undefined for a new one), keeping the count of visible saker and the "delt i saker" entries. */
  const upsertSak = (referanse: string, sak: SakState | undefined, tittel: string | null | undefined, status: SaksStatusRaw | null | undefined, at: string, ms: number): SakState => {
    const wasVisible = sak ? !isHiddenSakStatus(sak.status) : false;
    if (!sak) {
      sak = { referanse, tittel: null, status: null, vedtak: null, utbetalinger: null, utbetalingCount: 0, utbetalingFilled: 0 };
      saker.set(referanse, sak);
    }
    if (tittel != null) sak.tittel = tittel;
    if (status != null) sak.status = status;
    const isVisible = !isHiddenSakStatus(sak.status);
    if (isVisible === wasVisible) return sak;
    visibleSaker += isVisible ? 1 : -1;
    if (!isVisible || visibleSaker < 2) return sak;
    if (deltISaker && deltISakerMs === ms) deltISaker.antall = visibleSaker;
    else {
      deltISaker = { at, kind: "delt-i-saker", antall: visibleSaker };
      deltISakerMs = ms;
      push(deltISaker, ms);
    }
    return sak;
  };

  /* ---------- the fold ---------- */
  for (let index = 0; index < events.length; index++) {
    const event = events[index] as Hendelse;
    const ms = times[index] as number;
    const at = event.hendelsestidspunkt;
    switch (event.type) {
      case "soknadsStatus": {
        if (event.status === soknadsStatus) break;
        soknadsStatus = event.status;
        if (event.status === "MOTTATT") {
          mottatt = { at, kind: "mottatt", navKontor };
          mottattMs = ms;
          soknadsStatusEntry = push(mottatt, ms);
        } else {
          const kind = event.status === "UNDER_BEHANDLING" ? "under-behandling" : event.status === "FERDIGBEHANDLET" ? "ferdigbehandlet" : "behandles-ikke";
          soknadsStatusEntry = push({ at, kind }, ms);
        }
        break;
      }
      case "tildeltNavKontor": {
        if (event.navKontor === navKontor) break;
        const fra = navKontor;
        navKontor = event.navKontor;
        kontorHistorikk.push({ navKontor: event.navKontor, fra: at });
        if (kontorHistorikk.length === 1) {
          // The first office is where it was sent: shown on the "mottatt" entry of the same moment.
          if (mottatt && mottattMs === ms && mottatt.navKontor === null) mottatt.navKontor = event.navKontor;
        } else {
          push({ at, kind: "videresendt", fra, til: event.navKontor }, ms);
        }
        break;
      }
      case "saksStatus": {
        const sak = saker.get(event.referanse);
        const before = sak?.status ?? null;
        upsertSak(event.referanse, sak, event.tittel, event.status, at, ms);
        if (event.status === "BEHANDLES_IKKE" && before !== "BEHANDLES_IKKE") {
          sakBehandlesIkkeEntries.push({ event, entryIndex: push(null, ms) });
        }
        break;
      }
      case "vedtakFattet": {
        const letterId = event.vedtaksfil.referanse.id;
        const saksreferanse = event.saksreferanse ?? null;
        let sak: SakState | null = null;
        if (saksreferanse !== null) sak = saker.get(saksreferanse) ?? upsertSak(saksreferanse, undefined, null, null, at, ms);
        vedtakByLetter.set(
          letterId,
          vedtakList.push({ event, sak, entryIndex: push(null, ms), letterIndex: addLetter({ kind: "vedtak", letterId, date: at, saksreferanse }) }) - 1,
        );
        break;
      }
      case "dokumentasjonEtterspurt": {
        const letterId = event.forvaltningsbrev?.referanse.id ?? null;
        request = event;
        requestMs = ms;
        // An empty list is how the office withdraws a request: no "asked for 0 documents" entry.
        const antall = event.dokumenter.length;
        if (antall > 0) push({ at, kind: "dokumentasjon-etterspurt", letterId, antall }, ms);
        if (letterId !== null) addLetterOf(letters.last["dokumentasjon-etterspurt"], { kind: "dokumentasjon-etterspurt", letterId, date: at, saksreferanse: null });
        break;
      }
      case "forelopigSvar": {
        const letterId = event.forvaltningsbrev.referanse.id;
        push({ at, kind: "forelopig-svar", letterId }, ms);
        addLetterOf(letters.last["forelopig-svar"], { kind: "forelopig-svar", letterId, date: at, saksreferanse: null });
        break;
      }
      case "utbetaling": {
        const previous = utbetalinger.get(event.utbetalingsreferanse);
        let changed: boolean;
        if (event.status === "ANNULLERT") {
          changed = utbetalinger.delete(event.utbetalingsreferanse);
        } else {
          const toApplicant = event.annenMottaker !== true;
          // NAV's rule: the newest event is the whole payment; a field it leaves out is gone.
          const next: Utbetaling = {
            referanse: event.utbetalingsreferanse,
            saksreferanse: event.saksreferanse ?? null,
            status: event.status,
            belop: event.belop ?? null,
            beskrivelse: event.beskrivelse ?? null,
            forfallsdato: event.forfallsdato ?? null,
            utbetalingsdato: event.utbetalingsdato ?? null,
            fom: event.fom ?? null,
            tom: event.tom ?? null,
            toApplicant,
            annenMottaker: toApplicant ? null : (event.mottaker ?? null),
            kontonummer: toApplicant ? (event.kontonummer ?? null) : null,
            utbetalingsmetode: event.utbetalingsmetode ?? null,
          };
          changed = !previous || !samePayment(previous, next);
          utbetalinger.set(event.utbetalingsreferanse, next);
        }
        if (changed && lastPaymentEntryMinute !== minuteOf(ms)) {
          push({ at, kind: "utbetalinger-oppdatert" }, ms);
          lastPaymentEntryMinute = minuteOf(ms);
        }
        break;
      }
      case "vilkar": {
        if (event.status === "ANNULLERT") {
          vilkar.delete(event.vilkarreferanse);
          break;
        }
        vilkar.set(event.vilkarreferanse, {
          referanse: event.vilkarreferanse,
          saksreferanse: event.saksreferanse ?? null,
          tittel: event.tittel ?? null,
          beskrivelse: event.beskrivelse ?? null,
          status: kravStatus(event.status),
          utbetalingsreferanser: event.utbetalingsreferanse ?? [],
        });
        break;
      }
      case "dokumentasjonkrav": {
        if (event.status === "ANNULLERT") {
          dokumentasjonkrav.delete(event.dokumentasjonkravreferanse);
          break;
        }
        dokumentasjonkrav.set(event.dokumentasjonkravreferanse, {
          referanse: event.dokumentasjonkravreferanse,
          saksreferanse: event.saksreferanse ?? null,
          tittel: event.tittel ?? null,
          beskrivelse: event.beskrivelse ?? null,
          frist: event.frist ?? null,
          status: kravStatus(event.status),
          utbetalingsreferanser: event.utbetalingsreferanse ?? [],
        });
        break;
      }
      case "rammevedtak": {
        rammevedtak.set(event.rammevedtaksreferanse, {
          referanse: event.rammevedtaksreferanse,
          saksreferanse: event.saksreferanse ?? null,
          beskrivelse: event.beskrivelse ?? null,
          belop: event.belop ?? null,
          fom: event.fom ?? null,
          tom: event.tom ?? null,
        });
        break;
      }
    }
  }

  const folded = { saker, vedtakList, vedtakByLetter, letters, request, requestMs, utbetalinger, vilkar, dokumentasjonkrav, rammevedtak, timeline, soknadsStatus, soknadsStatusEntry, navKontor, kontorHistorikk, sakBehandlesIkkeEntries };
  return showView(folded, skippedUnknown, sendtTidspunkt, givenDeliveries, nowMs);
}

/** What the loop over the events gathered. */
interface Folded {
  saker: Map<string, SakState>;
  vedtakList: VedtakState[];
  vedtakByLetter: Map<string, number>;
  letters: Letters;
  /** The last document request, and when. */
  request: Extract<Hendelse, { type: "dokumentasjonEtterspurt" }> | null;
  requestMs: number;
  utbetalinger: Map<string, Utbetaling>;
  vilkar: Map<string, Vilkar>;
  dokumentasjonkrav: Map<string, Dokumentasjonkrav>;
  rammevedtak: Map<string, Rammevedtak>;
  timeline: Timeline;
  soknadsStatus: SoknadsStatusRaw | null;
  /** The index in the timeline of the entry of the last soknadsStatus, or NONE. */
  soknadsStatusEntry: number;
  navKontor: string | null;
  kontorHistorikk: InnsynView["kontorHistorikk"];
  sakBehandlesIkkeEntries: SakBehandlesIkke[];
}

/**
 * The view of what the loop gathered: hidden saker left out with their vedtak and letters, the status,
 * the tasks, the timeline in order. A function of its own, so that V8 dropping its compiled code (a
 * shape it had not seen) does not drop the loop's too: the long loop then ran unoptimized until V8 had
 * compiled it again, half a second on a busy 2-core box.
 * (Loops, not map/filter/spread: V8's optimized code and its builtins make arrays of different kinds,
 * and code that met both threw its compiled code away in the middle of a long log.)
 */
function showView(folded: Folded, skippedUnknown: number, sendtTidspunkt: string | null, givenDeliveries: readonly Delivery[], nowMs: number): FoldResult {
  const { saker, vedtakList, vedtakByLetter, letters, request, requestMs, utbetalinger, vilkar, dokumentasjonkrav, rammevedtak, timeline, soknadsStatus, soknadsStatusEntry, navKontor } = folded;
  const { kontorHistorikk, sakBehandlesIkkeEntries } = folded;
  const { entries } = timeline;

  /* ---------- vedtak and saker as shown ---------- */
  // A vedtak replaced by a later one with its letter is shown only there; a vedtak of a hidden sak is
  // hidden with it: its letter and timeline entry too.
  const replaced = vedtakByLetter.size < vedtakList.length;
  let newestVisible = vedtakList.length - 1;
  while (newestVisible >= 0 && !isShownVedtak(vedtakList, replaced ? vedtakByLetter : null, newestVisible)) newestVisible--;
  const visibleVedtak = new Array<Vedtak>(vedtakList.length);
  let visibleVedtakCount = 0;
  for (let index = 0; index < vedtakList.length; index++) {
    const item = vedtakList[index] as VedtakState;
    if (!isShownVedtak(vedtakList, replaced ? vedtakByLetter : null, index)) {
      letters.list[item.letterIndex] = null;
      continue;
    }
    const { event, sak } = item;
    const letterId = event.vedtaksfil.referanse.id;
    const saksreferanse = event.saksreferanse ?? null;
    const utfall = event.utfall ?? null;
    const fattet = event.hendelsestidspunkt;
    const vedtak: Vedtak = { letterId, saksreferanse, utfall, fattet, isNew: index === newestVisible && nowMs - isoToMs(fattet) <= NEW_VEDTAK_DAYS * DAY_MS };
    entries[item.entryIndex] = { at: fattet, kind: "vedtak", saksreferanse, tittel: sak === null ? null : sak.tittel, utfall, letterId };
    visibleVedtak[visibleVedtakCount++] = vedtak;
    // A sak's list is made with its first item: most saker have one vedtak, and `[]` then push reserves room for 17.
    if (sak === null) continue;
    if (sak.vedtak) sak.vedtak.push(vedtak);
    else sak.vedtak = [vedtak];
  }
  visibleVedtak.length = visibleVedtakCount;

  // Each sak's payments, counted first and then listed, so each list is made at its length (one
  // made with its first item and pushed to reserves room for 17).
  const sortedUtbetalinger = sortUtbetalinger(utbetalinger);
  const sakOfPayment = new Array<SakState | undefined>(sortedUtbetalinger.length);
  for (let index = 0; index < sortedUtbetalinger.length; index++) {
    const { saksreferanse } = sortedUtbetalinger[index] as Utbetaling;
    const sak = saksreferanse === null ? undefined : saker.get(saksreferanse);
    sakOfPayment[index] = sak;
    if (sak) sak.utbetalingCount++;
  }
  for (let index = 0; index < sortedUtbetalinger.length; index++) {
    const sak = sakOfPayment[index];
    if (!sak) continue;
    sak.utbetalinger ??= new Array<string>(sak.utbetalingCount);
    sak.utbetalinger[sak.utbetalingFilled++] = (sortedUtbetalinger[index] as Utbetaling).referanse;
  }

  const visibleSakList = new Array<Sak>(saker.size);
  let visibleSakCount = 0;
  let sakerWithoutInnsyn = 0;
  for (const sak of saker.values()) {
    if (sak.status === "IKKE_INNSYN") sakerWithoutInnsyn++;
    if (isHiddenSakStatus(sak.status)) continue;
    // (Whether it has a vedtak by its list, not the list's length: `[]` and a list with items are two kinds of array to V8.)
    visibleSakList[visibleSakCount++] = {
      referanse: sak.referanse,
      tittel: sak.tittel,
      status: sak.status === "BEHANDLES_IKKE" ? "BEHANDLES_IKKE" : sak.vedtak !== null ? "FERDIGBEHANDLET" : "UNDER_BEHANDLING",
      vedtak: sak.vedtak ?? [],
      utbetalingsreferanser: sak.utbetalinger ?? [],
    };
  }
  visibleSakList.length = visibleSakCount;

  /* ---------- status ---------- */
  let status: SoknadStatus = soknadsStatus ?? "SENDT";
  if (status === "FERDIGBEHANDLET" && visibleSakList.some(isOpen)) {
    status = "UNDER_BEHANDLING";
    // The page must not say "ferdig behandlet" in the history while the status says otherwise.
    if (soknadsStatusEntry !== NONE) entries[soknadsStatusEntry] = null;
  }

  /* ---------- tasks ---------- */
  const deliveries = readDeliveries(givenDeliveries);
  const shownTasks = request ? showTasks(request, requestMs, deliveries, nowMs) : [];

  /* ---------- timeline ---------- */
  for (const { event, entryIndex } of sakBehandlesIkkeEntries) {
    const sak = saker.get(event.referanse);
    if (!sak || !isHiddenSakStatus(sak.status)) entries[entryIndex] = { at: event.hendelsestidspunkt, kind: "sak-behandles-ikke", saksreferanse: event.referanse, tittel: sak?.tittel ?? null };
  }
  const shownTimeline: TimelineEntry[] = sendtTidspunkt !== null ? [{ at: sendtTidspunkt, kind: "sendt" }] : [];
  if (deliveries.length === 0) {
    let shown = shownTimeline.length;
    shownTimeline.length = shown + entries.length;
    for (const entry of entries) if (entry) shownTimeline[shown++] = entry;
    shownTimeline.length = shown;
  } else {
    // Files delivered in the same minute are one entry; after the events of that moment.
    deliveries.sort((a, b) => a.ms - b.ms || (a.delivery.levert < b.delivery.levert ? -1 : a.delivery.levert > b.delivery.levert ? 1 : 0));
    for (const { delivery, ms } of deliveries) {
      const last = entries[entries.length - 1];
      if (last && minuteOf(timeline.ms[entries.length - 1] as number) === minuteOf(ms) && last.kind === "dokumentasjon-levert") last.antall++;
      else {
        entries.push({ at: delivery.levert, kind: "dokumentasjon-levert", antall: 1 });
        timeline.ms.push(ms);
      }
    }
    // Stable: events in fold order, then deliveries; the events alone are in order already.
    const order: number[] = [];
    for (let index = 0; index < entries.length; index++) order.push(index);
    order.sort((a, b) => (timeline.ms[a] as number) - (timeline.ms[b] as number) || a - b);
    for (const index of order) {
      const entry = entries[index];
      if (entry) shownTimeline.push(entry);
    }
  }

  const { list, last } = letters;
  const sentAgain = last["dokumentasjon-etterspurt"].size + last["forelopig-svar"].size < letters.sent;
  const shownLetters = new Array<Letter>(list.length);
  let shownLetterCount = 0;
  for (let index = 0; index < list.length; index++) {
    const letter = list[index];
    if (!letter) continue;
    // A letter sent again is shown where it was sent last (a vedtak's was settled with the vedtak).
    if (sentAgain && letter.kind !== "vedtak" && last[letter.kind].get(letter.letterId) !== index) continue;
    shownLetters[shownLetterCount++] = letter;
  }
  shownLetters.length = shownLetterCount;

  return {
    ok: true,
    view: {
      status,
      navKontor,
      kontorHistorikk,
      saker: visibleSakList,
      vedtak: visibleVedtak,
      tasks: shownTasks,
      vilkar: valuesOf(vilkar),
      dokumentasjonkrav: valuesOf(dokumentasjonkrav),
      utbetalinger: sortedUtbetalinger,
      rammevedtak: valuesOf(rammevedtak),
      letters: shownLetters,
      timeline: shownTimeline,
      skippedUnknown,
      sakerWithoutInnsyn,
    },
  };
}


const isOpen = (sak: Sak) => sak.status === "UNDER_BEHANDLING";

function valuesOf<T>(map: Map<string, T>): T[] {
  const list = new Array<T>(map.size);
  let index = 0;
  for (const value of map.values()) list[index++] = value;
  return list;
}

const paymentFields = [
  "referanse",
  "saksreferanse",
  "status",
  "belop",
  "beskrivelse",
  "forfallsdato",
  "utbetalingsdato",
  "fom",
  "tom",
  "toApplicant",
  "annenMottaker",
  "kontonummer",
  "utbetalingsmetode",
] as const satisfies readonly (keyof Utbetaling)[];
/** A field added to Utbetaling and not to the list above fails the type check here. */
const everyPaymentField: [Exclude<keyof Utbetaling, (typeof paymentFields)[number]>] extends [never] ? true : false = true;
void everyPaymentField;

/** Deliveries with a readable time. (Functions of their own: a change of shape here must not throw away the fold loop's compiled code.) */
function readDeliveries(list: readonly Delivery[]): { delivery: Delivery; ms: number }[] {
  const read: { delivery: Delivery; ms: number }[] = [];
  for (const delivery of list) {
    const ms = isoToMs(delivery.levert);
    if (!Number.isNaN(ms)) read.push({ delivery, ms });
  }
  return read;
}

/** The requested documents, each done when a later delivery names it (or, without a name, its type), overdue after its frist. */
function showTasks(request: Extract<Hendelse, { type: "dokumentasjonEtterspurt" }>, etterspurtMs: number, deliveries: readonly { delivery: Delivery; ms: number }[], nowMs: number): DocumentTask[] {
  const latestByRef = new Map<string, number>();
  const latestByTypeWithoutRef = new Map<string, number>();
  const latestByType = new Map<string, number>();
  const keepLatest = (map: Map<string, number>, key: string, ms: number) => map.set(key, Math.max(map.get(key) ?? -Infinity, ms));
  for (const { delivery, ms } of deliveries) {
    const type = delivery.dokumenttype.toLowerCase();
    keepLatest(latestByType, type, ms);
    if (delivery.dokumentreferanse) keepLatest(latestByRef, delivery.dokumentreferanse, ms);
    else keepLatest(latestByTypeWithoutRef, type, ms);
  }
  const etterspurt = request.hendelsestidspunkt;
  const letterId = request.forvaltningsbrev?.referanse.id ?? null;
  const tasks: DocumentTask[] = [];
  for (let index = 0; index < request.dokumenter.length; index++) {
    const dokument = request.dokumenter[index] as (typeof request.dokumenter)[number];
    const dokumentreferanse = dokument.dokumentreferanse ?? null;
    const innsendelsesfrist = dokument.innsendelsesfrist ?? null;
    const type = dokument.dokumenttype.toLowerCase();
    // Both sides name the requested document: match on that; otherwise on the document type.
    const latest = dokumentreferanse
      ? Math.max(latestByRef.get(dokumentreferanse) ?? -Infinity, latestByTypeWithoutRef.get(type) ?? -Infinity)
      : (latestByType.get(type) ?? -Infinity);
    const done = latest > etterspurtMs;
    const frist = innsendelsesfrist === null ? NaN : isoToMs(innsendelsesfrist);
    tasks.push({
      dokumenttype: dokument.dokumenttype,
      tilleggsinformasjon: dokument.tilleggsinformasjon ?? null,
      innsendelsesfrist,
      dokumentreferanse,
      etterspurt,
      letterId,
      done,
      overdue: !done && frist < nowMs,
    });
  }
  return tasks;
}

/**
 * `canonicalJson(a) === canonicalJson(b)` for two payments made by the fold: the same fields, each
 * a string, number, boolean or null, where JSON writes a non-finite number as null.
 */
function samePayment(a: Utbetaling, b: Utbetaling): boolean {
  for (const field of paymentFields) {
    if (a[field] !== b[field] && !(writtenAsNull(a[field]) && writtenAsNull(b[field]))) return false;
  }
  return true;
}

/** JSON writes null, NaN and ±Infinity alike; any other two values that are not === differ in JSON too. */
const writtenAsNull = (value: unknown) => value === null || (typeof value === "number" && !Number.isFinite(value));

const byReferanse = (a: Utbetaling, b: Utbetaling) => (a.referanse < b.referanse ? -1 : a.referanse > b.referanse ? 1 : 0);
// Dates are YYYY-MM-DD, so string order is date order; a missing date goes last.
const ascending = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
const descending = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? 1 : -1);
const isPlanned = (item: Utbetaling) => item.status === "PLANLAGT_UTBETALING";

/**
 * Planned payments first, soonest due first; then the rest, newest first. Ties by referanse (the Map's
 * key, so one sort of one list gives the order of two). Functions of the module, not made per sort:
 * compiled code that had inlined one sort's comparators was thrown away at the next sort.
 */
function paymentOrder(a: Utbetaling, b: Utbetaling): number {
  const planned = isPlanned(a);
  if (planned !== isPlanned(b)) return planned ? -1 : 1;
  const byDate = planned ? ascending(a.forfallsdato, b.forfallsdato) : descending(a.utbetalingsdato ?? a.forfallsdato, b.utbetalingsdato ?? b.forfallsdato);
  // One call for both kinds: a tie among planned payments, first met in a long log, found the call ready.
  return byDate !== 0 ? byDate : byReferanse(a, b);
}

function sortUtbetalinger(utbetalinger: Map<string, Utbetaling>): Utbetaling[] {
  return valuesOf(utbetalinger).sort(paymentOrder);
}
