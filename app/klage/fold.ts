/**
 * The one fold of a complaint (klage) and its event log into what the person sees; the staff view
 * reads the same. Pure: no I/O, no clock (`options.now`), no logging; the caller logs `reason`.
 * The rules are those of the søknad's fold (docs/decisions/008-innsyn-fold.md): each known event
 * is parsed with its schema and one broken known event makes the complaint unreadable; unknown
 * types are skipped and counted; identical events count once; events are ordered by time, then by
 * the usual order of the states, then by their JSON, so any order of the same events gives the
 * same view. Each event type has its own small reducer over one state object (`reducers`).
 */
import { klageHendelseSchemas, klageStatusSchema, type Klage, type KlageHendelse, type KlageStatus } from "../fagsystem/contract";
import { isoToMs, readEventLog } from "../innsyn/fold";
import { NEW_VEDTAK_DAYS, isOpenKlageState, type KlageAvvistArsak, type KlageFoldOptions, type KlageFoldResult, type KlageLetter, type KlageState, type KlageTimelineEntry } from "./view";

const DAY_MS = 86_400_000;

type KnownKlageHendelseType = keyof typeof klageHendelseSchemas;
/** Every known event, by its type (one today; the table below grows with the contract). */
type KnownKlageHendelse = { [K in KnownKlageHendelseType]: KlageHendelse & { type: K } }[KnownKlageHendelseType];

/** What the reducers build up, event by event. */
interface FoldState {
  state: KlageState;
  stateSinceMs: number | null;
  stateSince: string | null;
  /** The entry of the current state, so a repeat of the state can add its letter. */
  current: Extract<KlageTimelineEntry, { kind: "status" }> | null;
  timeline: KlageTimelineEntry[];
  letters: Map<string, KlageLetter>;
  nyttVedtak: string | null;
  avvistArsak: KlageAvvistArsak | null;
}

type Reducer<E> = (state: FoldState, event: E) => void;

const addLetter = (state: FoldState, letter: KlageLetter) => {
  state.letters.delete(letter.letterId); // a letter sent again moves to its newest date
  state.letters.set(letter.letterId, letter);
};

/** A change of state: a timeline entry with its letter; the same state again only adds a letter it brings. */
const reduceKlageStatus: Reducer<KlageHendelse> = (state, event) => {
  const at = event.hendelsestidspunkt;
  const letterId = event.brev?.referanse.id ?? null;
  const nyttVedtak = event.nyttVedtak?.referanse.id ?? null;
  const arsak = event.arsak ?? null;
  if (letterId !== null) addLetter(state, { status: event.status, letterId, date: at });
  if (nyttVedtak !== null) state.nyttVedtak = nyttVedtak;
  if (event.status === "AVVIST") state.avvistArsak = arsak ?? state.avvistArsak;
  if (state.current && state.current.status === event.status) {
    state.current.letterId ??= letterId;
    state.current.nyttVedtak ??= nyttVedtak;
    state.current.arsak ??= arsak;
    return;
  }
  const entry: Extract<KlageTimelineEntry, { kind: "status" }> = { at, kind: "status", status: event.status, letterId, nyttVedtak, arsak };
  state.timeline.push(entry);
  state.current = entry;
  state.state = event.status;
  state.stateSince = at;
  state.stateSinceMs = isoToMs(at);
};

/** One reducer per known event type. */
const reducers: { [K in KnownKlageHendelseType]: Reducer<KnownKlageHendelse & { type: K }> } = {
  klageStatus: reduceKlageStatus,
};

/** At the same time, the states in the order they usually come (MOTTATT before UNDER_BEHANDLING …). */
const statusOrder = new Map<KlageStatus, number>(klageStatusSchema.options.map((status, index) => [status, index]));
function priority(event: KnownKlageHendelse): number {
  switch (event.type) {
    case "klageStatus":
      return statusOrder.get(event.status) ?? 0;
  }
}

export function foldKlage(klage: Klage, options: KlageFoldOptions): KlageFoldResult {
  try {
    return fold(klage, options);
  } catch (error) {
    return { ok: false, reason: `fold failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function fold(klage: Klage, options: KlageFoldOptions): KlageFoldResult {
  const hendelser: unknown = klage?.hendelser;
  if (!Array.isArray(hendelser)) return { ok: false, reason: "hendelser is not a list" };
  if (Number.isNaN(isoToMs(klage.sendtTidspunkt))) return { ok: false, reason: "sendtTidspunkt is unreadable" };

  /* ---------- parse, skip unknown, de-duplicate, order ---------- */
  const read = readEventLog<KnownKlageHendelse>(hendelser, klageHendelseSchemas, priority);
  if (!read.ok) return read;
  const { events, skippedUnknown } = read;

  /* ---------- the fold ---------- */
  const state: FoldState = {
    state: "SENDT",
    stateSinceMs: null,
    stateSince: null,
    current: null,
    timeline: [{ at: klage.sendtTidspunkt, kind: "sendt" }],
    letters: new Map(),
    nyttVedtak: null,
    avvistArsak: null,
  };
  for (const { event } of events) {
    (reducers[event.type] as Reducer<KnownKlageHendelse>)(state, event);
  }

  const nowMs = options.now.getTime();
  return {
    ok: true,
    view: {
      klageId: klage.klageId,
      soknadId: klage.fiksDigisosId,
      vedtakIds: [...new Set(klage.vedtakIds)],
      sendt: klage.sendtTidspunkt,
      state: state.state,
      stateSince: state.stateSince ?? klage.sendtTidspunkt,
      open: isOpenKlageState(state.state),
      // A time after `now` (clock skew) is news too, as for a decision.
      news: state.stateSinceMs !== null && nowMs - state.stateSinceMs <= NEW_VEDTAK_DAYS * DAY_MS,
      timeline: state.timeline,
      letters: [...state.letters.values()],
      nyttVedtak: state.nyttVedtak,
      avvistArsak: state.avvistArsak,
      tekst: klage.tekst,
      forSentBegrunnelse: klage.forSentBegrunnelse ?? null,
      klagePdfId: klage.klagePdf.id,
      files: [...klage.filer].sort((a, b) => isoToMs(a.lastetOpp) - isoToMs(b.lastetOpp) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      skippedUnknown,
    },
  };
}
