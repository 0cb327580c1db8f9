/**
 * Complaints (klager) in the mock: their states and the moves between them, the contract's view
 * of a stored complaint, and the one way a complaint changes state, shared by the person's
 * withdrawal (POST trekk, klage-handlers.ts) and the caseworker simulator's action "klage".
 * Every event is checked against the contract's schema before it is stored.
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { klageAvvistArsakSchema, klageHendelseSchemas, klageStatusSchema, type Hendelse, type Klage, type KlageHendelse, type KlageStatus } from "../app/fagsystem/contract";
import { klageLetter, nyttVedtakLetter, type KlageLetterStatus } from "./klage-letters";
import { personName, type DokumentlagerRef, type KlageRecord, type SoknadRecord, type StoredFile } from "./personas";
import { renderLetter, type LetterContent } from "./simulator-letters";
import {
  SimulatorError,
  allReferences,
  belop,
  currentOffice,
  describeZodError,
  longText,
  newReference,
  officeByNumber,
  osloDate,
  payee,
  sakerOf,
  validateHendelse,
} from "./simulator";
import type { MockStore } from "./state";

/** SENDT is the state before the first event. */
export type KlageState = "SENDT" | KlageStatus;

/** Not decided: the person can still send files and withdraw. */
export const OPEN_STATES: readonly KlageState[] = ["SENDT", "MOTTATT", "UNDER_BEHANDLING", "OPPRETTHOLDT", "SENDT_TIL_STATSFORVALTEREN"];

/** Where a complaint can go from each state. TRUKKET (the person withdraws) from every open state. */
export const NEXT_STATES: Readonly<Record<KlageState, readonly KlageStatus[]>> = {
  SENDT: ["MOTTATT", "TRUKKET"],
  MOTTATT: ["UNDER_BEHANDLING", "TRUKKET"],
  UNDER_BEHANDLING: ["MEDHOLD", "DELVIS_MEDHOLD", "AVVIST", "OPPRETTHOLDT", "TRUKKET"],
  MEDHOLD: [],
  // The part the office did not agree with goes on to the Statsforvalter.
  DELVIS_MEDHOLD: ["SENDT_TIL_STATSFORVALTEREN"],
  AVVIST: [],
  OPPRETTHOLDT: ["SENDT_TIL_STATSFORVALTEREN", "TRUKKET"],
  SENDT_TIL_STATSFORVALTEREN: ["STADFESTET", "OPPHEVET", "ENDRET", "TRUKKET"],
  STADFESTET: [],
  OPPHEVET: [],
  ENDRET: [],
  TRUKKET: [],
};

/** The states that bring a new decision into the søknad's log, and its outcome. */
export const NEW_VEDTAK_UTFALL: Readonly<Partial<Record<KlageStatus, "INNVILGET" | "DELVIS_INNVILGET">>> = {
  MEDHOLD: "INNVILGET",
  DELVIS_MEDHOLD: "DELVIS_INNVILGET",
  ENDRET: "INNVILGET",
};

const isLetterStatus = (status: KlageStatus): status is KlageLetterStatus => status !== "MOTTATT" && status !== "UNDER_BEHANDLING";

export const klageState = (klage: Pick<KlageRecord, "hendelser">): KlageState => klage.hendelser.at(-1)?.status ?? "SENDT";
export const isOpen = (klage: Pick<KlageRecord, "hendelser">): boolean => OPEN_STATES.includes(klageState(klage));

/** What the contract publishes of a stored complaint: a copy, without whose it is. */
export function toKlage(record: KlageRecord): Klage {
  return structuredClone({
    klageId: record.klageId,
    fiksDigisosId: record.fiksDigisosId,
    vedtakIds: record.vedtakIds,
    sendtTidspunkt: record.sendtTidspunkt,
    navEnhet: record.navEnhet,
    language: record.language,
    tekst: record.tekst,
    forSentBegrunnelse: record.forSentBegrunnelse,
    klagePdf: record.klagePdf,
    filer: record.filer,
    hendelser: record.hendelser,
  });
}

/** Every dokumentlager file of a complaint: its PDF and JSON, the person's files, and the letters. */
export function klageFileIdsOf(klage: KlageRecord): Set<string> {
  const ids = new Set([klage.klagePdf.id, klage.klageJson.id, ...klage.filer.map((fil) => fil.id)]);
  for (const hendelse of klage.hendelser) {
    if (hendelse.brev) ids.add(hendelse.brev.referanse.id);
    if (hendelse.nyttVedtak) ids.add(hendelse.nyttVedtak.referanse.id);
  }
  return ids;
}

/** The letter ids of the søknad's decisions (vedtakFattet.vedtaksfil): what a complaint may name. */
export const vedtakIdsOf = (soknad: SoknadRecord): Set<string> =>
  new Set(soknad.hendelser.flatMap((hendelse) => (hendelse.type === "vedtakFattet" ? [hendelse.vedtaksfil.referanse.id] : [])));

/** Throws unless the event is exactly what the contract allows. */
export function validateKlageHendelse(hendelse: KlageHendelse): KlageHendelse {
  const parsed = klageHendelseSchemas.klageStatus.strict().safeParse(hendelse);
  if (!parsed.success) throw new Error(`the mock built an invalid klageStatus event: ${describeZodError(parsed.error)}`);
  return hendelse;
}

/* ---------- changing a complaint's state ---------- */

export interface KlageChange {
  status: KlageStatus;
  arsak?: z.infer<typeof klageAvvistArsakSchema>;
  /** Replaces the standard reasons in the letter. */
  begrunnelse?: string;
  /** MEDHOLD, DELVIS_MEDHOLD, ENDRET: a planned payment with the new decision. */
  belop?: number;
}

export type KlageChangeOutcome =
  | { kind: "changed"; klage: Klage; hendelse: KlageHendelse; soknadHendelser: Hendelse[] }
  | { kind: "refused"; klage: Klage; from: KlageState }
  | { kind: "not-found" };

interface NewLetter {
  ref: DokumentlagerRef;
  meta: Omit<StoredFile, "storrelse" | "sha512">;
  bytes: Uint8Array;
}

async function letter(letters: NewLetter[], key: string, at: string, content: LetterContent): Promise<DokumentlagerRef> {
  const ref: DokumentlagerRef = { type: "dokumentlager", id: randomUUID() };
  const stamp = at.slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  letters.push({ ref, bytes: await renderLetter(content), meta: { filnavn: `${key}-${stamp}.pdf`, tittel: content.title, mimetype: "application/pdf" } });
  return ref;
}

/**
 * Moves a complaint to `change.status` when that is allowed from where it is: its letter (in the
 * complaint's language), the event, and for MEDHOLD, DELVIS_MEDHOLD and ENDRET a new vedtakFattet
 * (with its own letter, and a planned payment when `belop` is given) in the søknad's log, whose
 * letter id the event names as nyttVedtak. Letters are written first; one store update then checks
 * the move again (a parallel change may have come first) and adds everything, or nothing.
 */
export async function changeKlageStatus(store: MockStore, klageId: string, change: KlageChange, now: Date): Promise<KlageChangeOutcome> {
  const klage = store.klage(klageId);
  if (!klage) return { kind: "not-found" };
  const from = klageState(klage);
  if (!NEXT_STATES[from].includes(change.status)) return { kind: "refused", klage: toKlage(klage), from };
  const soknad = store.soknad(klage.fiksDigisosId);
  const person = store.person(klage.fnr);
  if (!soknad || !person) throw new Error(`klage ${klageId} has no søknad or no person`);

  const at = now.toISOString();
  const base = { language: klage.language, office: officeByNumber(currentOffice(soknad)) ?? officeByNumber(klage.navEnhet), person, now };
  const complained = klage.vedtakIds.flatMap((id) => soknad.hendelser.filter((hendelse) => hendelse.type === "vedtakFattet" && hendelse.vedtaksfil.referanse.id === id));
  const vedtakTidspunkt = complained.map((vedtak) => vedtak.hendelsestidspunkt);
  const first = complained[0];
  const saksreferanse = first?.type === "vedtakFattet" ? (first.saksreferanse ?? null) : null;
  const letters: NewLetter[] = [];

  const soknadHendelser: Hendelse[] = [];
  let nyttVedtak: DokumentlagerRef | null = null;
  const utfall = NEW_VEDTAK_UTFALL[change.status];
  if (utfall) {
    const sak = saksreferanse ? sakerOf(soknad).get(saksreferanse) : undefined;
    const content = nyttVedtakLetter({
      ...base,
      saksreferanse: saksreferanse ?? "",
      sakstittel: sak?.tittel ?? null,
      mottatt: soknad.sendtTidspunkt,
      utfall,
      belop: change.belop,
      paragraf19: false,
      avgjortAv: change.status === "ENDRET" ? "statsforvalter" : "kontor",
      vedtakTidspunkt,
    });
    nyttVedtak = await letter(letters, `vedtak-${saksreferanse ?? "klage"}`, at, content);
    soknadHendelser.push({ type: "vedtakFattet", hendelsestidspunkt: at, saksreferanse, utfall, vedtaksfil: { referanse: nyttVedtak }, vedlegg: [] });
    if (change.belop !== undefined) {
      soknadHendelser.push({
        type: "utbetaling",
        hendelsestidspunkt: at,
        utbetalingsreferanse: newReference("UTB", allReferences(soknad)),
        saksreferanse,
        status: "PLANLAGT_UTBETALING",
        belop: change.belop,
        beskrivelse: sak?.tittel ?? null,
        forfallsdato: osloDate(now),
        utbetalingsdato: null,
        fom: null,
        tom: null,
        ...payee(person),
      });
    }
  }

  const brev = isLetterStatus(change.status)
    ? await letter(
        letters,
        `klage-${change.status.toLowerCase().replace(/_/g, "-")}`,
        at,
        klageLetter({
          ...base,
          status: change.status,
          vedtakTidspunkt,
          mottatt: klage.sendtTidspunkt,
          saksreferanse,
          arsak: change.arsak,
          forSentBegrunnelse: Boolean(klage.forSentBegrunnelse),
          begrunnelse: change.begrunnelse,
        }),
      )
    : null;
  const hendelse = validateKlageHendelse({
    type: "klageStatus",
    hendelsestidspunkt: at,
    status: change.status,
    brev: brev ? { referanse: brev } : null,
    nyttVedtak: nyttVedtak ? { referanse: nyttVedtak } : null,
    arsak: change.status === "AVVIST" ? (change.arsak ?? null) : null,
  });
  soknadHendelser.forEach(validateHendelse);

  const stored = await Promise.all(letters.map(async (item) => ({ item, file: await store.writeFileBytes(item.ref.id, item.meta, item.bytes) })));
  const outcome = await store.update((state): KlageChangeOutcome => {
    const target = state.klager.find((candidate) => candidate.klageId === klageId);
    const targetSoknad = state.soknader.find((candidate) => candidate.fiksDigisosId === klage.fiksDigisosId);
    if (!target || !targetSoknad) return { kind: "not-found" }; // reset while the letters were written
    const current = klageState(target);
    if (!NEXT_STATES[current].includes(change.status)) return { kind: "refused", klage: toKlage(target), from: current };
    for (const { item, file } of stored) state.files[item.ref.id] = file;
    targetSoknad.hendelser.push(...soknadHendelser);
    target.hendelser.push(hendelse);
    return { kind: "changed", klage: toKlage(target), hendelse, soknadHendelser };
  });
  if (outcome.kind !== "changed") await Promise.all(letters.map((item) => store.discardFileBytes(item.ref.id)));
  return outcome;
}

/* ---------- the simulator's action ---------- */

export const klageActionSchema = z
  .object({
    action: z.literal("klage"),
    klageId: z.string().uuid(),
    status: klageStatusSchema,
    arsak: klageAvvistArsakSchema.optional(),
    begrunnelse: longText.optional(),
    belop: belop.optional(),
  })
  .strict()
  .superRefine((action, ctx) => {
    if (action.status === "AVVIST" && !action.arsak) ctx.addIssue({ code: "custom", path: ["arsak"], message: "required for AVVIST: FOR_SENT, IKKE_KLAGERETT or ANNET" });
    if (action.status !== "AVVIST" && action.arsak) ctx.addIssue({ code: "custom", path: ["arsak"], message: "only for AVVIST" });
    if (action.belop !== undefined && !NEW_VEDTAK_UTFALL[action.status]) ctx.addIssue({ code: "custom", path: ["belop"], message: "only for MEDHOLD, DELVIS_MEDHOLD and ENDRET (a new vedtak)" });
    if (action.begrunnelse && !isLetterStatus(action.status)) ctx.addIssue({ code: "custom", path: ["begrunnelse"], message: `${action.status} comes without a letter` });
  });
export type KlageAction = z.infer<typeof klageActionSchema>;

const listOf = (values: readonly string[]) => (values.length <= 1 ? (values[0] ?? "") : `${values.slice(0, -1).join(", ")} or ${values.at(-1)}`);

/** Why a move is refused, and which moves there are. */
export function refusedMove(from: KlageState, status: KlageStatus): string {
  const next = NEXT_STATES[from];
  return next.length === 0
    ? `status: the klage is ${from}, which is final; it cannot become ${status}`
    : `status: a klage in ${from} can become ${listOf(next)}, not ${status}`;
}

/**
 * Parses `input` as a complaint action and applies it. Throws SimulatorError: 404 for an unknown
 * complaint, 400 for bad input or a move the complaint's state does not allow.
 */
export async function applyKlageAction(store: MockStore, input: unknown, now: Date = new Date()): Promise<Extract<KlageChangeOutcome, { kind: "changed" }>> {
  const klageId = typeof input === "object" && input !== null && "klageId" in input ? String(input.klageId) : undefined;
  if (klageId !== undefined && !store.klage(klageId)) throw new SimulatorError(404, `no klage ${klageId}`);
  const parsed = klageActionSchema.safeParse(input);
  if (!parsed.success) throw new SimulatorError(400, describeZodError(parsed.error));
  const { klageId: id, action: _action, ...change } = parsed.data;
  const outcome = await changeKlageStatus(store, id, { ...change, begrunnelse: change.begrunnelse || undefined }, now);
  if (outcome.kind === "not-found") throw new SimulatorError(404, `no klage ${id}`);
  if (outcome.kind === "refused") throw new SimulatorError(400, refusedMove(outcome.from, change.status));
  return outcome;
}

/** A complaint with whose it is and where it can go, for the simulator's JSON API and page. */
export function klageOverview(store: MockStore, record: KlageRecord) {
  const person = store.person(record.fnr);
  const status = klageState(record);
  return {
    ...toKlage(record),
    personaId: person?.id ?? null,
    name: person ? personName(person) : null,
    fnr: record.fnr,
    status,
    open: OPEN_STATES.includes(status),
    nextStatuses: [...NEXT_STATES[status]],
  };
}

/** Every complaint, in persona order and then oldest first. */
export function allKlager(store: MockStore): KlageRecord[] {
  const order = new Map(store.persons().map((person, index) => [person.folkeregister.fnr, index]));
  return [...store.klager()].sort((a, b) => (order.get(a.fnr) ?? 0) - (order.get(b.fnr) ?? 0) || a.sendtTidspunkt.localeCompare(b.sendtTidspunkt));
}
