/**
 * Innsyn: reads a person's søknader and their event logs from the fagsystem and folds
 * them (one fold, `foldEventLog`) into what the pages show. Pages get plain data; an
 * invalid log or a fagsystem failure becomes a state the page explains, never a 500.
 */
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import { fileResponse } from "~/vedlegg/serve-file.server";
import type { NavKontor, SoknadSummary } from "~/fagsystem/contract";
import { klageFileIds } from "~/klage/files";
import { foldEventLog } from "./fold";
import { klagefrist } from "./klagefrist";
import type { Delivery, DocumentTask, InnsynView, Utbetaling } from "./view";
import { logFor } from "~/log.server";

const log = logFor("innsyn");

/** Søknader older than this are not listed (NAV shows 15 months). */
export const HISTORY_MONTHS = 15;


export type FoldedSoknad = {
  id: string;
  sendtTidspunkt: string | null;
  sistOppdatert: string;
  soknadPdfId: string | null;
  /** Sent through the portal, or a paper form the office registered. */
  kanal: "DIGITAL" | "PAPIR";
  /** Null when the log could not be read; `problem` says why. */
  view: InnsynView | null;
  problem: "invalid" | "unavailable" | null;
};

export function monthsBefore(now: Date, months: number): Date {
  const date = new Date(now);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
}

/**
 * The files the person delivered after sending the søknad (ettersendelse), from its vedlegg.json;
 * files sent with the søknad are part of it, not deliveries. Without vedlegg.json the page still
 * shows, just without them.
 */
async function deliveriesFor(fnr: string, id: string, sendtTidspunkt: string | null): Promise<Delivery[]> {
  try {
    const { vedlegg } = await fagsystem.vedlegg(fnr, id);
    const sent = sendtTidspunkt ? Date.parse(sendtTidspunkt) : -Infinity;
    return vedlegg.flatMap((document) =>
      document.filer
        .filter((fil) => Date.parse(fil.lastetOpp) > sent)
        .map((fil) => ({ dokumenttype: document.type, dokumentreferanse: document.hendelseReferanse ?? null, levert: fil.lastetOpp })),
    );
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error, fiksDigisosId: id }, "no vedlegg.json: the deliveries are left out");
    return [];
  }
}

async function foldOne(fnr: string, summary: SoknadSummary, now: Date): Promise<FoldedSoknad> {
  const base = {
    id: summary.fiksDigisosId,
    sendtTidspunkt: summary.sendtTidspunkt ?? null,
    sistOppdatert: summary.sistOppdatert,
    soknadPdfId: summary.soknadPdf?.id ?? null,
    kanal: summary.kanal,
  };
  // Both reads at once; the deliveries never fail (see deliveriesFor).
  const deliveriesRead = deliveriesFor(fnr, summary.fiksDigisosId, base.sendtTidspunkt);
  let document;
  try {
    document = await fagsystem.innsyn(fnr, summary.fiksDigisosId);
  } catch (error) {
    // One søknad that cannot be read must not hide the others.
    if (!(error instanceof FagsystemError) || error.kind === "not-found") throw error;
    log.error({ err: error, fiksDigisosId: summary.fiksDigisosId }, "a søknad's event log could not be read");
    return { ...base, view: null, problem: "unavailable" };
  }
  const deliveries = await deliveriesRead;
  const result = foldEventLog(document, { sendtTidspunkt: base.sendtTidspunkt, deliveries, now });
  if (!result.ok) {
    log.error({ fiksDigisosId: summary.fiksDigisosId, reason: result.reason }, "a søknad's event log could not be folded");
    return { ...base, view: null, problem: "invalid" };
  }
  return { ...base, view: result.view, problem: null };
}

export type Overview = { kind: "ok"; soknader: FoldedSoknad[] } | { kind: "unavailable" };

/** Every søknad of the last 15 months, folded, newest first. */
export async function loadOverview(fnr: string, now: Date): Promise<Overview> {
  try {
    const since = monthsBefore(now, HISTORY_MONTHS).getTime();
    const summaries = (await fagsystem.soknader(fnr)).filter((summary) => Date.parse(summary.sendtTidspunkt ?? summary.sistOppdatert) >= since);
    const soknader = await Promise.all(summaries.map((summary) => foldOne(fnr, summary, now)));
    soknader.sort((a, b) => (b.sendtTidspunkt ?? b.sistOppdatert).localeCompare(a.sendtTidspunkt ?? a.sistOppdatert));
    return { kind: "ok", soknader };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the overview could not be read");
    return { kind: "unavailable" };
  }
}

export const openTasks = (view: InnsynView): DocumentTask[] => view.tasks.filter((task) => !task.done);

/** The earliest deadline among the open tasks and document requirements of a søknad. */
export function nearestDeadline(view: InnsynView): string | null {
  const deadlines = [
    ...openTasks(view).map((task) => task.innsendelsesfrist),
    ...view.dokumentasjonkrav.filter((krav) => krav.status === "RELEVANT").map((krav) => krav.frist),
  ].filter((deadline): deadline is string => Boolean(deadline));
  return deadlines.sort((a, b) => Date.parse(a) - Date.parse(b))[0] ?? null;
}

/** A søknad still needs the person or the office: not finished, or with open tasks or payments to come. */
export function isActive(view: InnsynView): boolean {
  if (view.status !== "FERDIGBEHANDLET" && view.status !== "BEHANDLES_IKKE") return true;
  return openTasks(view).length > 0 || view.utbetalinger.some((payment) => payment.status === "PLANLAGT_UTBETALING");
}

export type PaymentWithSoknad = Utbetaling & { soknadId: string; soknadSendt: string | null };

/** All visible payments of the person's søknader. */
export function paymentsOf(soknader: readonly FoldedSoknad[]): PaymentWithSoknad[] {
  return soknader.flatMap((soknad) =>
    (soknad.view?.utbetalinger ?? []).map((payment) => ({ ...payment, soknadId: soknad.id, soknadSendt: soknad.sendtTidspunkt })),
  );
}

/** What the landing page shows of the person's cases: the next payment and the nearest task. */
export async function landingSummary(fnr: string, now: Date) {
  const overview = await loadOverview(fnr, now);
  if (overview.kind !== "ok") return null;
  const nextPayment =
    paymentsOf(overview.soknader)
      .filter((payment) => payment.status === "PLANLAGT_UTBETALING" && payment.forfallsdato)
      .sort((a, b) => (a.forfallsdato ?? "").localeCompare(b.forfallsdato ?? ""))[0] ?? null;
  const withTasks = overview.soknader
    .filter((soknad) => soknad.view && openTasks(soknad.view).length > 0)
    .map((soknad) => ({ soknadId: soknad.id, count: openTasks(soknad.view!).length, deadline: nearestDeadline(soknad.view!) }))
    .sort((a, b) => (a.deadline ?? "9999").localeCompare(b.deadline ?? "9999"));
  return {
    nextPayment: nextPayment ? { amount: nextPayment.belop, date: nextPayment.forfallsdato!, soknadId: nextPayment.soknadId } : null,
    task: withTasks[0] ?? null,
  };
}

export type OfficeInfo = { enhetsnummer: string; navn: string; telefon: string; apningstider: NavKontor["apningstider"] };

/** Names and phone numbers of the offices a søknad has been with; an unknown one is left out. */
export async function officesOf(numbers: readonly string[]): Promise<Record<string, OfficeInfo>> {
  const entries = await Promise.all(
    [...new Set(numbers)].map(async (number) => {
      try {
        const office = await fagsystem.navEnhet(number);
        return [number, { enhetsnummer: number, navn: office.navn, telefon: office.telefon, apningstider: office.apningstider }] as const;
      } catch (error) {
        if (!(error instanceof FagsystemError)) throw error;
        return null;
      }
    }),
  );
  return Object.fromEntries(entries.filter((entry) => entry !== null));
}

export type SoknadStatusPage =
  | { kind: "ok"; soknad: FoldedSoknad & { view: InnsynView }; offices: Record<string, OfficeInfo> }
  | { kind: "invalid"; id: string }
  | { kind: "unavailable"; id: string };

/** One søknad for its status page. Someone else's or an unknown id throws a 404 response. */
export async function loadSoknadStatus(fnr: string, id: string, now: Date): Promise<SoknadStatusPage> {
  try {
    const summary = (await fagsystem.soknader(fnr)).find((candidate) => candidate.fiksDigisosId === id);
    if (!summary) throw new Response("Not Found", { status: 404 });
    const soknad = await foldOne(fnr, summary, now);
    if (!soknad.view) return { kind: soknad.problem === "invalid" ? "invalid" : "unavailable", id };
    const offices = await officesOf(soknad.view.kontorHistorikk.map((entry) => entry.navKontor));
    return { kind: "ok", soknad: { ...soknad, view: soknad.view }, offices };
  } catch (error) {
    if (error instanceof FagsystemError) {
      if (error.kind === "not-found") throw new Response("Not Found", { status: 404 });
      log.error({ err: error }, "the status page could not be read");
      return { kind: "unavailable", id };
    }
    throw error;
  }
}

/** The summary above a decision letter: the outcome, what was granted for which period, and the complaint deadline. */
export function vedtakSummary(view: InnsynView, letterId: string) {
  const vedtak = view.vedtak.find((candidate) => candidate.letterId === letterId);
  if (!vedtak) return null;
  const sak = view.saker.find((candidate) => candidate.referanse === vedtak.saksreferanse) ?? null;
  const payments = view.utbetalinger.filter((payment) => vedtak.saksreferanse && payment.saksreferanse === vedtak.saksreferanse && payment.status !== "STOPPET");
  const rammer = view.rammevedtak.filter((ramme) => vedtak.saksreferanse && ramme.saksreferanse === vedtak.saksreferanse);
  const amounts = [...payments.map((payment) => payment.belop), ...rammer.map((ramme) => ramme.belop)].filter((amount): amount is number => amount !== null);
  const starts = [...payments, ...rammer].map((item) => item.fom).filter((date): date is string => Boolean(date)).sort();
  const ends = [...payments, ...rammer].map((item) => item.tom).filter((date): date is string => Boolean(date)).sort();
  const vilkar = view.vilkar.filter((item) => vedtak.saksreferanse && item.saksreferanse === vedtak.saksreferanse);
  return {
    vedtak,
    sakTittel: sak?.tittel ?? null,
    granted: payments.map((payment) => ({ beskrivelse: payment.beskrivelse, belop: payment.belop, fom: payment.fom, tom: payment.tom })),
    total: amounts.length > 0 ? amounts.reduce((sum, amount) => sum + amount, 0) : null,
    period: starts[0] && ends.at(-1) ? { fom: starts[0], tom: ends.at(-1)! } : null,
    vilkar: vilkar.map((item) => ({ tittel: item.tittel, beskrivelse: item.beskrivelse })),
    klagefrist: klagefrist(vedtak.fattet),
  };
}

/** Every dokumentlager id an event log refers to (letters, decisions), wherever the event keeps it. */
function dokumentlagerIds(value: unknown, ids = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) dokumentlagerIds(item, ids);
  } else if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (record.type === "dokumentlager" && typeof record.id === "string") ids.add(record.id);
    for (const child of Object.values(record)) dokumentlagerIds(child, ids);
  }
  return ids;
}

/**
 * Whether a file is one of this søknad's: its PDF, a letter in its event log, a file in its
 * vedlegg.json, or the PDF, a file or a letter of a complaint about its decisions. The fagsystem
 * checks only that the file is the person's; the portal's address names the søknad too, and
 * answers for that søknad only. Throws FagsystemError.
 */
async function isFileOfSoknad(fnr: string, soknadId: string, fileId: string): Promise<boolean> {
  const summary = (await fagsystem.soknader(fnr)).find((candidate) => candidate.fiksDigisosId === soknadId);
  if (!summary) return false;
  if (summary.soknadPdf?.id === fileId) return true;
  // The complaints are asked at once, but a failure there matters only for a file not found elsewhere.
  const klager = fagsystem.klager(fnr).then(
    (list) => ({ ok: true, list }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );
  const [log, vedlegg] = await Promise.all([
    fagsystem.innsyn(fnr, soknadId),
    fagsystem.vedlegg(fnr, soknadId).catch((error: unknown) => {
      // A søknad without vedlegg.json has no files there.
      if (error instanceof FagsystemError && error.kind === "not-found") return { vedlegg: [] };
      throw error;
    }),
  ]);
  if (dokumentlagerIds(log).has(fileId) || vedlegg.vedlegg.some((document) => document.filer.some((fil) => fil.id === fileId))) return true;
  const complaints = await klager;
  if (!complaints.ok) throw complaints.error;
  return complaints.list.some((klage) => klage.fiksDigisosId === soknadId && klageFileIds(klage).has(fileId));
}

/**
 * A file of the søknad `soknadId`, served so that a browser never runs it as a page; 404 when
 * it is not that søknad's (or not the person's), "unavailable" when the fagsystem cannot give it now.
 */
export async function documentResponse(fnr: string, soknadId: string, fileId: string, download: boolean): Promise<Response | "unavailable"> {
  let dokument;
  try {
    // The check and the file at once: the bytes of a file that turns out not to be this søknad's are dropped.
    const [belongs, file] = await Promise.all([isFileOfSoknad(fnr, soknadId, fileId), fagsystem.dokument(fnr, fileId)]);
    if (!belongs) throw new Response("Not Found", { status: 404 });
    dokument = file;
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "not-found") throw new Response("Not Found", { status: 404 });
    log.error({ err: error }, "a document could not be read");
    return "unavailable";
  }
  return fileResponse(dokument, fileId, { prefix: "dokument", download });
}
