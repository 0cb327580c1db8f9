/**
 * What the person (and later NAV Kontaktsenter) sees of one complaint (klage): the result of
 * folding its event log. Pure data, no texts: pages translate the codes. Times are ISO-8601
 * strings as the fagsystem gave them.
 */
import type { KlageStatus, VedleggFil } from "~/fagsystem/contract";

export { NEW_VEDTAK_DAYS } from "~/innsyn/view";

/** SENDT is the state before the office's first event. */
export type KlageState = "SENDT" | KlageStatus;
export type KlageAvvistArsak = "FOR_SENT" | "IKKE_KLAGERETT" | "ANNET";

/** The states in which the complaint is not decided: more files can follow, and it can be withdrawn. */
export const OPEN_KLAGE_STATES: readonly KlageState[] = ["SENDT", "MOTTATT", "UNDER_BEHANDLING", "OPPRETTHOLDT", "SENDT_TIL_STATSFORVALTEREN"];
export const isOpenKlageState = (state: KlageState) => OPEN_KLAGE_STATES.includes(state);

export type KlageTimelineEntry = { at: string } & (
  | { kind: "sendt" }
  | {
      kind: "status";
      status: KlageStatus;
      /** The letter that says so, when there is one. */
      letterId: string | null;
      /** MEDHOLD, DELVIS_MEDHOLD, ENDRET: the new decision's letter id. */
      nyttVedtak: string | null;
      /** AVVIST: why, when the office said. */
      arsak: KlageAvvistArsak | null;
    }
);

export interface KlageLetter {
  status: KlageStatus;
  letterId: string;
  date: string;
}

export interface KlageView {
  klageId: string;
  /** The søknad whose decisions it is about. */
  soknadId: string;
  /** The decisions complained about: their letter ids. */
  vedtakIds: string[];
  sendt: string;
  state: KlageState;
  /** When the current state began (the send time for SENDT). */
  stateSince: string;
  /** Not decided: the person can send more files and withdraw it. */
  open: boolean;
  /** The current state came within NEW_VEDTAK_DAYS before `now` (not SENDT: the person did that). */
  news: boolean;
  /** Oldest first: "sendt", then each change of state. */
  timeline: KlageTimelineEntry[];
  /** Oldest first; a letter sent again appears once, at its newest date. */
  letters: KlageLetter[];
  /** The newest new decision (MEDHOLD, DELVIS_MEDHOLD, ENDRET), as its letter id. */
  nyttVedtak: string | null;
  /** The reason of the newest AVVIST, when the office gave one. */
  avvistArsak: KlageAvvistArsak | null;
  /** The person's words, and why it is late when it was. */
  tekst: string;
  forSentBegrunnelse: string | null;
  klagePdfId: string;
  /** The person's files, oldest first. */
  files: VedleggFil[];
  /** Count of events skipped because their type is unknown (logged, not shown). */
  skippedUnknown: number;
}

export interface KlageFoldOptions {
  now: Date;
}

export type KlageFoldResult = { ok: true; view: KlageView } | { ok: false; reason: string };

/**
 * The little the lists show of a complaint (status page, decision page, Mine søknader, front page).
 * `state` is null when its log could not be read: the lists still show that it exists.
 */
export type KlageSummary = Pick<KlageView, "klageId" | "soknadId" | "vedtakIds" | "sendt" | "stateSince" | "open" | "news"> & { state: KlageState | null };

export const klageSummary = (view: KlageView): KlageSummary => ({
  klageId: view.klageId,
  soknadId: view.soknadId,
  vedtakIds: view.vedtakIds,
  sendt: view.sendt,
  state: view.state,
  stateSince: view.stateSince,
  open: view.open,
  news: view.news,
});
