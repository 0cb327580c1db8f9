/**
 * What the person sees of one søknad: the result of folding its event log
 * (`digisos-soker.json`). Pure data, no texts: pages translate the codes.
 * Times are ISO-8601 strings as the fagsystem gave them; dates are YYYY-MM-DD.
 */

export type SoknadStatus = "SENDT" | "MOTTATT" | "UNDER_BEHANDLING" | "FERDIGBEHANDLET" | "BEHANDLES_IKKE";
export type Utfall = "INNVILGET" | "DELVIS_INNVILGET" | "AVSLATT" | "AVVIST";
/** A sak as shown: FERDIGBEHANDLET once it has a vedtak (unless the caseworker said otherwise). */
export type SakStatus = "UNDER_BEHANDLING" | "FERDIGBEHANDLET" | "BEHANDLES_IKKE";
export type UtbetalingStatus = "PLANLAGT_UTBETALING" | "UTBETALT" | "STOPPET";
export type KravStatus = "RELEVANT" | "OPPFYLT" | "IKKE_OPPFYLT" | "LEVERT_TIDLIGERE";

export interface Vedtak {
  /** The dokumentlager id of the letter (vedtaksbrev); also the vedtak's identity. */
  letterId: string;
  saksreferanse: string | null;
  utfall: Utfall | null;
  /** When the vedtak was made (the event's time). */
  fattet: string;
  /** The newest vedtak of the søknad, made within NEW_VEDTAK_DAYS before `now`. */
  isNew: boolean;
}

export interface Sak {
  referanse: string;
  tittel: string | null;
  status: SakStatus;
  /** Oldest first. */
  vedtak: Vedtak[];
  /** The payments that belong to this sak (same order as `InnsynView.utbetalinger`). */
  utbetalingsreferanser: string[];
}

/** One document the office asked for; the whole list is replaced by each new request. */
export interface DocumentTask {
  dokumenttype: string;
  tilleggsinformasjon: string | null;
  /** ISO time, or null when the office gave no deadline. */
  innsendelsesfrist: string | null;
  dokumentreferanse: string | null;
  /** The time of the request event that asked for it. */
  etterspurt: string;
  /** The request letter, when there is one. */
  letterId: string | null;
  /** A matching file was delivered after the request. */
  done: boolean;
  /** The past deadline of an open task, relative to `now`. */
  overdue: boolean;
}

export interface Vilkar {
  referanse: string;
  saksreferanse: string | null;
  tittel: string | null;
  beskrivelse: string | null;
  status: KravStatus;
  utbetalingsreferanser: string[];
}

export interface Dokumentasjonkrav {
  referanse: string;
  saksreferanse: string | null;
  tittel: string | null;
  beskrivelse: string | null;
  /** YYYY-MM-DD or null. */
  frist: string | null;
  status: KravStatus;
  utbetalingsreferanser: string[];
}

export interface Utbetaling {
  referanse: string;
  saksreferanse: string | null;
  status: UtbetalingStatus;
  belop: number | null;
  beskrivelse: string | null;
  forfallsdato: string | null;
  utbetalingsdato: string | null;
  fom: string | null;
  tom: string | null;
  /** False when the money goes to someone else (a landlord, a power company). */
  toApplicant: boolean;
  /** The other recipient's name; null when the money goes to the person. */
  annenMottaker: string | null;
  /** Only when the money goes to the person. */
  kontonummer: string | null;
  utbetalingsmetode: string | null;
}

export interface Rammevedtak {
  referanse: string;
  saksreferanse: string | null;
  beskrivelse: string | null;
  belop: number | null;
  fom: string | null;
  tom: string | null;
}

export interface Letter {
  kind: "vedtak" | "forelopig-svar" | "dokumentasjon-etterspurt";
  letterId: string;
  date: string;
  saksreferanse: string | null;
}

export type TimelineEntry = { at: string } & (
  | { kind: "sendt" }
  | { kind: "mottatt"; navKontor: string | null }
  | { kind: "under-behandling" }
  | { kind: "videresendt"; fra: string | null; til: string }
  | { kind: "delt-i-saker"; antall: number }
  | { kind: "vedtak"; saksreferanse: string | null; tittel: string | null; utfall: Utfall | null; letterId: string }
  | { kind: "sak-behandles-ikke"; saksreferanse: string; tittel: string | null }
  | { kind: "dokumentasjon-etterspurt"; letterId: string | null; antall: number }
  | { kind: "dokumentasjon-levert"; antall: number }
  | { kind: "forelopig-svar"; letterId: string }
  | { kind: "utbetalinger-oppdatert" }
  | { kind: "ferdigbehandlet" }
  | { kind: "behandles-ikke" }
);

export interface InnsynView {
  /** The status to show (NAV's rule applied: FERDIGBEHANDLET with an open sak shows UNDER_BEHANDLING). */
  status: SoknadStatus;
  /** The office that has the søknad now. */
  navKontor: string | null;
  /** Every office in order, first the one it was sent to. */
  kontorHistorikk: { navKontor: string; fra: string }[];
  /** Visible saker (IKKE_INNSYN and FEILREGISTRERT hidden), in the order they appeared. */
  saker: Sak[];
  /**
   * Vedtak of the søknad, oldest first (also reachable through saker). A vedtak without
   * saksreferanse is only here; a vedtak of a hidden sak is left out (also of letters and timeline).
   */
  vedtak: Vedtak[];
  /** The current document request, in its own order. Empty when none. */
  tasks: DocumentTask[];
  vilkar: Vilkar[];
  dokumentasjonkrav: Dokumentasjonkrav[];
  /** ANNULLERT hidden; planned first by due date, then the rest newest first. */
  utbetalinger: Utbetaling[];
  rammevedtak: Rammevedtak[];
  /** Oldest first; a letter sent again appears once, at its newest date. */
  letters: Letter[];
  /** Oldest first. */
  timeline: TimelineEntry[];
  /** Saker the office keeps out of innsyn (IKKE_INNSYN): not shown, but the page says they exist. */
  sakerWithoutInnsyn: number;
  /** Count of events skipped because their type is unknown (logged, not shown). */
  skippedUnknown: number;
}

/** A file the person delivered for this søknad (from vedlegg.json), used to mark tasks done. */
export interface Delivery {
  dokumenttype: string;
  /** The request's dokumentreferanse it answers, when known. */
  dokumentreferanse?: string | null;
  /** When it reached the fagsystem. */
  levert: string;
}

export interface FoldOptions {
  /** When the person sent the søknad (gives the "Sendt" entry); null for unknown. */
  sendtTidspunkt: string | null;
  deliveries: readonly Delivery[];
  now: Date;
}

export type FoldResult = { ok: true; view: InnsynView } | { ok: false; reason: string };

export const NEW_VEDTAK_DAYS = 30;
