/**
 * Following a complaint (klage) after it is sent: reads the person's complaints from the
 * fagsystem and folds each (one fold, `foldKlage`) into what the pages show; withdraws one;
 * sends more files to one through the one upload piece. Someone else's or an unknown complaint
 * is a 404; a fagsystem failure or a log that cannot be read is a state the page explains in
 * words, never a 500.
 */
import { data } from "@remix-run/node";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { Klage } from "~/fagsystem/contract";
import { loadSoknadStatus } from "~/innsyn/innsyn.server";
import { klagefrist } from "~/innsyn/klagefrist";
import type { Utfall } from "~/innsyn/view";
import { filesByDocument, readUploadForm, storeUploads, uploadStatus, type UploadOutcome } from "~/vedlegg/upload.server";
import { KLAGE_DOCUMENT } from "./files";
import { foldKlage } from "./fold";
import { klageSummary, type KlageSummary, type KlageView } from "./view";
import { logFor } from "~/log.server";

const log = logFor("klage");

const notFound = () => new Response("Not Found", { status: 404 });

/** One complaint folded; null when its log cannot be read (logged here, once). */
function foldOne(klage: Klage, now: Date): KlageView | null {
  const result = foldKlage(klage, { now });
  if (!result.ok) {
    log.error({ klageId: klage.klageId, reason: result.reason }, "a complaint's log could not be folded");
    return null;
  }
  if (result.view.skippedUnknown > 0) log.warn({ klageId: klage.klageId, skipped: result.view.skippedUnknown }, "events of unknown types skipped");
  return result.view;
}

function summaryOf(klage: Klage, now: Date): KlageSummary {
  const view = foldOne(klage, now);
  if (view) return klageSummary(view);
  return { klageId: klage.klageId, soknadId: klage.fiksDigisosId, vedtakIds: klage.vedtakIds, sendt: klage.sendtTidspunkt, stateSince: klage.sendtTidspunkt, state: null, open: false, news: false };
}

export type KlageList = { kind: "ok"; klager: KlageSummary[] } | { kind: "unavailable" };

/** All of the person's complaints, newest first; or only those about one søknad's decisions. */
export async function loadKlager(fnr: string, now: Date, soknadId?: string): Promise<KlageList> {
  try {
    const klager = (await fagsystem.klager(fnr)).filter((klage) => soknadId === undefined || klage.fiksDigisosId === soknadId);
    const summaries = klager.map((klage) => summaryOf(klage, now));
    summaries.sort((a, b) => Date.parse(b.sendt) - Date.parse(a.sendt) || (a.klageId < b.klageId ? -1 : 1));
    return { kind: "ok", klager: summaries };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the complaints could not be listed");
    return { kind: "unavailable" };
  }
}

/** The complaints about one decision (by its letter id), newest first. */
export const klagerOfVedtak = (klager: readonly KlageSummary[], letterId: string) => klager.filter((klage) => klage.vedtakIds.includes(letterId));

/** Complaints with news (a new state within NEW_VEDTAK_DAYS), newest news first: for the front page. */
export async function klageNews(fnr: string, now: Date): Promise<KlageSummary[]> {
  const list = await loadKlager(fnr, now);
  if (list.kind !== "ok") return [];
  return list.klager.filter((klage) => klage.news).sort((a, b) => Date.parse(b.stateSince) - Date.parse(a.stateSince));
}

type FoundKlage = { kind: "ok"; klage: KlageView } | { kind: "invalid" } | { kind: "unavailable" };

/**
 * One of the person's complaints about the søknad in the address. Someone else's, an unknown
 * one, and one about another søknad throw a 404 response.
 */
async function findKlage(fnr: string, soknadId: string, klageId: string, now: Date): Promise<FoundKlage> {
  let klage: Klage | undefined;
  try {
    klage = (await fagsystem.klager(fnr)).find((candidate) => candidate.klageId === klageId);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "a complaint could not be read");
    return { kind: "unavailable" };
  }
  if (!klage || klage.fiksDigisosId !== soknadId) throw notFound();
  const view = foldOne(klage, now);
  return view ? { kind: "ok", klage: view } : { kind: "invalid" };
}

/**
 * A decision the complaint is about, as its page shows it: null details when the søknad cannot be
 * read now. `klagefrist`: the end of the three weeks to complain (again, after a withdrawal).
 */
export type VedtakRef = { letterId: string; fattet: string | null; utfall: Utfall | null; klagefrist: string | null };

export type KlagePage =
  | {
      kind: "ok";
      klage: KlageView;
      vedtak: VedtakRef[];
      /** The letter ids among the complaint's decisions and new decisions that the søknad's page knows (they have a decision page). */
      knownVedtak: string[];
    }
  | { kind: "invalid"; soknadId: string }
  | { kind: "unavailable"; soknadId: string };

/** One complaint for its page, with the decisions it is about. Someone else's or an unknown one throws a 404 response. */
export async function loadKlage(fnr: string, soknadId: string, klageId: string, now: Date): Promise<KlagePage> {
  // Both at once; the søknad's own 404 (someone else's søknad) comes first.
  const [status, found] = await Promise.all([loadSoknadStatus(fnr, soknadId, now), findKlage(fnr, soknadId, klageId, now)]);
  if (found.kind !== "ok") return { kind: found.kind, soknadId };
  const decisions = new Map((status.kind === "ok" ? status.soknad.view.vedtak : []).map((vedtak) => [vedtak.letterId, vedtak]));
  const vedtak = found.klage.vedtakIds.map((letterId): VedtakRef => {
    const known = decisions.get(letterId);
    return {
      letterId,
      fattet: known?.fattet ?? null,
      utfall: known?.utfall ?? null,
      klagefrist: known ? klagefrist(known.fattet) : null,
    };
  });
  const named = [...found.klage.vedtakIds, ...found.klage.timeline.flatMap((entry) => (entry.kind === "status" && entry.nyttVedtak ? [entry.nyttVedtak] : []))];
  return { kind: "ok", klage: found.klage, vedtak, knownVedtak: [...new Set(named)].filter((letterId) => decisions.has(letterId)) };
}

export type WithdrawResult = "withdrawn" | "decided" | "unavailable";

/**
 * Withdraws a complaint that is not decided. Safe to repeat: a withdrawn one stays withdrawn.
 * Someone else's or an unknown one throws a 404 response.
 */
export async function withdrawKlage(fnr: string, soknadId: string, klageId: string): Promise<WithdrawResult> {
  const found = await findKlage(fnr, soknadId, klageId, new Date());
  if (found.kind === "unavailable") return "unavailable";
  if (found.kind === "ok" && !found.klage.open && found.klage.state !== "TRUKKET") return "decided";
  try {
    await fagsystem.trekkKlage(fnr, klageId);
    return "withdrawn";
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "not-found") throw notFound();
    if (error.kind === "rejected" && error.code === "klage-avgjort") return "decided";
    log.error({ err: error }, "a complaint could not be withdrawn");
    return "unavailable";
  }
}

/** The complaint page's upload: more files for a complaint that is not decided. */
export async function ettersendKlage(request: Request, fnr: string, soknadId: string, klageId: string) {
  // Someone else's complaint is a 404 before a byte of the upload is read.
  const found = await findKlage(fnr, soknadId, klageId, new Date());
  const form = await readUploadForm(request);
  const answer = (outcome: Omit<UploadOutcome, "document">) => {
    const uploads: UploadOutcome[] = [{ ...outcome, document: KLAGE_DOCUMENT }];
    const status = outcome.error === "request-too-large" ? 413 : outcome.error === "malformed" ? 400 : uploadStatus(uploads);
    return data({ uploads }, { status });
  };
  if (!form.ok) return answer({ results: [], error: form.error });
  if (found.kind !== "ok") return answer({ results: [], error: "unavailable" });
  if (!found.klage.open) return answer({ results: [], error: "klage-avgjort" });
  const files = filesByDocument(form.files, form.fields.intent).get(KLAGE_DOCUMENT) ?? [];
  return answer(await storeUploads(files, KLAGE_DOCUMENT, { kind: "klage", fnr, klageId }));
}
