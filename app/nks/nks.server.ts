/**
 * The contact-centre view (NAV Kontaktsenter): find a caller by fødselsnummer, and see their
 * cases read-only, from the same fold and the same loaders as the person's own pages.
 *
 * The order is the point: who asks (requireStaff), whether this person may be looked at (the
 * register: adressebeskyttelse, skjerming, existence), the audit record (PERMIT or DENY), and only
 * then the case data. If the record cannot be written, nothing about the person is read or shown.
 * The number never leaves the server: the pages are addressed by a lookup id (lookups.server.ts).
 */
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { formatName } from "~/auth/login.server";
import { requireStaff, type Staff } from "~/auth/auth.server";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { FolkeregisterPerson, RingTilbake } from "~/fagsystem/contract";
import { isValidFnr } from "~/fagsystem/fnr";
import { ageOn } from "~/i18n/format";
import { languageOfPath } from "~/i18n/languages";
import { isActive, loadOverview, loadSoknadStatus, nearestDeadline, officesOf, openTasks, paymentsOf, type FoldedSoknad } from "~/innsyn/innsyn.server";
import { loadKlager } from "~/klage/klager.server";
import type { KlageSummary } from "~/klage/view";
import { listConversations, type ConversationSummary } from "~/meldinger/samtaler.server";
import { deadlineDay } from "~/ringtilbake/deadline";
import { readForm } from "~/request-body.server";
import { AuditUnavailable, writeAudit, type AuditAction } from "./audit.server";
import { createLookup, findLookup } from "./lookups.server";
import { logFor } from "~/log.server";

const log = logFor("nks");

/* ---------- the search ---------- */

export type SearchError = "required" | "format" | "checksum";

/** Spaces, dots and dashes as people read a number aloud are allowed ("010190 12345"). */
export const searchSchema = z.object({
  fnr: z
    .string()
    .optional()
    .transform((value) => (value ?? "").replace(/[\s.-]/g, ""))
    .superRefine((value, context) => {
      const error: SearchError | null = value === "" ? "required" : !/^\d{11}$/.test(value) ? "format" : !isValidFnr(value) ? "checksum" : null;
      if (error) context.addIssue({ code: z.ZodIssueCode.custom, message: error });
    }),
});

export type SearchAnswer = { kind: "invalid"; error: SearchError; value: string } | { kind: "refused" } | { kind: "unavailable"; value: string } | { kind: "audit-unavailable"; value: string };

export type RegisterPerson = FolkeregisterPerson;

type Access = { kind: "permit"; person: RegisterPerson } | { kind: "deny"; reason: string } | { kind: "unavailable" };

/**
 * Whether staff may look at this person: not with a protected address (kode 6 and 7), not a NAV
 * employee (skjermet), and only someone the register knows. Asked again on every view: an address
 * can become protected within the hour a lookup lives.
 */
async function accessTo(fnr: string): Promise<Access> {
  try {
    const [person, skjerming] = await Promise.all([fagsystem.folkeregisterPerson(fnr), fagsystem.skjerming(fnr)]);
    if (person.adressebeskyttelse === "FORTROLIG") return { kind: "deny", reason: "kode7" };
    if (person.adressebeskyttelse !== "UGRADERT") return { kind: "deny", reason: "kode6" };
    if (skjerming.skjermet) return { kind: "deny", reason: "skjermet" };
    return { kind: "permit", person };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "not-found") return { kind: "deny", reason: "not-found" };
    log.error({ err: error }, "the register could not answer");
    return { kind: "unavailable" };
  }
}

/** Writes the record of one look; false when it could not be written (then nothing may be shown). */
async function audited(staff: Staff, fnr: string, action: AuditAction, resource: string, access: Access): Promise<boolean> {
  try {
    await writeAudit({
      navIdent: staff.navIdent,
      fnr,
      action,
      resource,
      decision: access.kind === "permit" ? "PERMIT" : "DENY",
      reason: access.kind === "deny" ? access.reason : access.kind === "unavailable" ? "register-unavailable" : null,
    });
    return true;
  } catch (error) {
    if (error instanceof AuditUnavailable) return false;
    throw error;
  }
}

/**
 * The search form's action: a wrong number is answered in words (and not logged: no person was
 * looked for); a number that is refused gets the same neutral answer whatever the reason; a
 * permitted one leads to the person's page under a new lookup id.
 */
export async function search(request: Request, language: string) {
  const staff = await requireStaff(request);
  const form = await readForm(request, "small");
  // One number per search: a repeated field is a malformed form, not a choice of the last one.
  const values = form.getAll("fnr");
  const value = (values[0] ?? "").slice(0, 40);
  const parsed = values.length > 1 ? null : searchSchema.safeParse({ fnr: values[0] });
  if (!parsed?.success) {
    const error = parsed ? (parsed.error.issues[0]!.message as SearchError) : "format";
    return data<SearchAnswer>({ kind: "invalid", error, value }, { status: 400 });
  }
  const { fnr } = parsed.data;
  const access = await accessTo(fnr);
  // The caller is still on the line: when the search cannot be made now, the number stays in the field.
  if (!(await audited(staff, fnr, "search", "search", access))) return data<SearchAnswer>({ kind: "audit-unavailable", value }, { status: 503 });
  if (access.kind === "unavailable") return data<SearchAnswer>({ kind: "unavailable", value }, { status: 503 });
  if (access.kind === "deny") return data<SearchAnswer>({ kind: "refused" });
  const lookupId = await createLookup(staff.session.idHash, fnr);
  throw redirect(`/${language}/nks/person/${lookupId}`, 303);
}

/* ---------- what staff see ---------- */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PersonCard = {
  name: string;
  age: number;
  /** Null when the register has no address; "unavailable" when NORG could not answer. */
  municipality: string | null | "unavailable";
  office: string | null | "unavailable";
  /** Null when KRR has no number; "unavailable" when KRR could not answer. */
  phone: string | null | "unavailable";
};

export type SoknadRow = {
  id: string;
  kanal: FoldedSoknad["kanal"];
  sent: string | null;
  received: string | null;
  status: NonNullable<FoldedSoknad["view"]>["status"] | null;
  office: string | null;
  openTasks: number;
  deadline: string | null;
  active: boolean;
  klager: KlageSummary[];
  nextPayment: { amount: number | null; date: string } | null;
};

/**
 * A call-back request as the advisor sees it on the person's page: what it is about, how urgent,
 * its state and deadline, the calls, and the staff-only facts (who filed it, the note).
 */
export type CallbackRow = Pick<RingTilbake, "ringTilbakeId" | "mottattTidspunkt" | "registrertAv" | "kontornavn" | "tema" | "hastegrad" | "telefonnummer" | "tolkesprak" | "notat" | "frist" | "forfalt" | "status" | "forsok"> & {
  /** The interpreter's language named in the page's language (on the server, so hydration sees the same words). */
  tolkesprakNavn: string | null;
  /** The deadline's day from today's point of view (Oslo): today, tomorrow or later. */
  fristDag: ReturnType<typeof deadlineDay>["when"];
  lukket: { tidspunkt: string; arsak: NonNullable<RingTilbake["lukket"]>["arsak"] } | null;
};

function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([language], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}

const callbackRow = (request: RingTilbake, now: Date, language: string): CallbackRow => ({
  ringTilbakeId: request.ringTilbakeId,
  mottattTidspunkt: request.mottattTidspunkt,
  registrertAv: request.registrertAv,
  kontornavn: request.kontornavn,
  tema: request.tema,
  hastegrad: request.hastegrad,
  telefonnummer: request.telefonnummer,
  tolkesprak: request.tolkesprak,
  tolkesprakNavn: request.tolkesprak ? languageName(request.tolkesprak, language) : null,
  notat: request.notat,
  frist: request.frist,
  forfalt: request.forfalt,
  status: request.status,
  forsok: request.forsok,
  fristDag: deadlineDay(request.frist, now).when,
  lukket: request.lukket ? { tidspunkt: request.lukket.tidspunkt, arsak: request.lukket.arsak } : null,
});

/** The person's call-back requests, newest first; null when the fagsystem could not answer. */
async function callbacksOf(fnr: string, now: Date, language: string): Promise<CallbackRow[] | null> {
  try {
    return (await fagsystem.ringTilbake(fnr)).map((request) => callbackRow(request, now, language));
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.error({ err: error }, "the call-back requests could not be read");
    return null;
  }
}

export type ConversationMeta = Pick<ConversationSummary, "samtaleId" | "soknad" | "count" | "unreadByOffice" | "last">;

/** A view refused or impossible: the page says which, in words that tell staff nothing about the person. */
export type Blocked = { kind: "expired" } | { kind: "refused" } | { kind: "unavailable" } | { kind: "audit-unavailable" };

const blockedStatus: Record<Blocked["kind"], number> = {
  expired: 404,
  refused: 200,
  unavailable: 503,
  "audit-unavailable": 503,
};

/** The HTTP status of a page's answer: a blocked view's own, otherwise 200. */
export const statusOf = (answer: { kind: string }) => blockedStatus[answer.kind as Blocked["kind"]] ?? 200;

/** The person behind the lookup id, checked and audited; or why not. */
export async function openLookup(request: Request, lookupId: string, action: AuditAction, resource: string): Promise<Blocked | { kind: "open"; fnr: string; person: RegisterPerson }> {
  const staff = await requireStaff(request);
  const fnr = await findLookup(staff.session.idHash, lookupId);
  if (!fnr) return { kind: "expired" };
  const access = await accessTo(fnr);
  if (!(await audited(staff, fnr, action, resource, access))) return { kind: "audit-unavailable" };
  if (access.kind !== "permit") return { kind: access.kind === "deny" ? "refused" : "unavailable" };
  return { kind: "open", fnr, person: access.person };
}

const messageMeta = (conversation: ConversationSummary): ConversationMeta => ({
  samtaleId: conversation.samtaleId,
  soknad: conversation.soknad,
  count: conversation.count,
  unreadByOffice: conversation.unreadByOffice,
  last: conversation.last,
});

const receivedOf = (soknad: FoldedSoknad) => soknad.view?.timeline.find((entry) => entry.kind === "mottatt")?.at ?? null;

async function personCard(person: RegisterPerson, fnr: string, now: Date): Promise<PersonCard> {
  const kommunenummer = person.bostedsadresse?.kommunenummer ?? person.oppholdsadresse?.kommunenummer ?? null;
  const [office, phone] = await Promise.all([
    // A NORG that cannot answer is not an unknown office: the page says which.
    kommunenummer ? fagsystem.navKontor(kommunenummer).catch(() => "unavailable" as const) : null,
    fagsystem.krrKontaktinfo(fnr).then(
      (krr) => krr.mobiltelefonnummer ?? null,
      () => "unavailable" as const
    ),
  ]);
  return {
    name: formatName(person.navn),
    age: ageOn(person.fodselsdato, now),
    municipality: office === "unavailable" ? (person.bostedsadresse?.poststed ?? "unavailable") : (office?.kommunenavn ?? person.bostedsadresse?.poststed ?? null),
    office: office === "unavailable" ? "unavailable" : (office?.navn ?? null),
    phone,
  };
}

/** The person's page: who they are, every søknad of the last 15 months in one table, complaints and conversations. */
export async function loadPerson(request: Request, lookupId: string) {
  const opened = await openLookup(request, lookupId, "person", "person");
  if (opened.kind !== "open") return opened;
  const { fnr, person } = opened;
  const now = new Date();
  const [card, overview, klager, conversations, callbacks] = await Promise.all([
    personCard(person, fnr, now),
    loadOverview(fnr, now),
    loadKlager(fnr, now),
    listConversations(fnr),
    callbacksOf(fnr, now, languageOfPath(new URL(request.url).pathname) ?? "nb"),
  ]);
  const soknader = overview.kind === "ok" ? overview.soknader : [];
  const offices = await officesOf(soknader.flatMap((soknad) => (soknad.view?.navKontor ? [soknad.view.navKontor] : [])));
  const klageList = klager.kind === "ok" ? klager.klager : [];
  const rows: SoknadRow[] = soknader.map((soknad) => {
    const view = soknad.view;
    const planned = view ? paymentsOf([soknad]).filter((payment) => payment.status === "PLANLAGT_UTBETALING" && payment.forfallsdato) : [];
    planned.sort((a, b) => (a.forfallsdato ?? "").localeCompare(b.forfallsdato ?? ""));
    return {
      id: soknad.id,
      kanal: soknad.kanal,
      sent: soknad.sendtTidspunkt,
      received: receivedOf(soknad),
      status: view?.status ?? null,
      office: view?.navKontor ? offices[view.navKontor]?.navn ?? view.navKontor : null,
      // What the person has to send: the office's open requests and the requirements still to meet (both have deadlines).
      openTasks: view ? openTasks(view).length + view.dokumentasjonkrav.filter((krav) => krav.status === "RELEVANT").length : 0,
      deadline: view ? nearestDeadline(view) : null,
      active: view ? isActive(view) : true,
      klager: klageList.filter((klage) => klage.soknadId === soknad.id),
      nextPayment: planned[0] ? { amount: planned[0].belop, date: planned[0].forfallsdato! } : null,
    };
  });
  return {
    kind: "ok" as const,
    lookupId,
    person: card,
    soknader: rows,
    soknaderUnavailable: overview.kind !== "ok",
    klagerUnavailable: klager.kind !== "ok",
    conversations: conversations.kind === "ok" ? conversations.conversations.map(messageMeta) : null,
    callbacks,
  };
}

export type DocumentGroup = {
  type: string;
  count: number;
  first: string;
  last: string;
};

/** The søknad's documents as staff may see them: per type, how many files and when. Null when vedlegg.json cannot be read. */
async function documentGroups(fnr: string, soknadId: string): Promise<DocumentGroup[] | null> {
  try {
    const { vedlegg } = await fagsystem.vedlegg(fnr, soknadId);
    const groups = new Map<string, DocumentGroup>();
    for (const document of vedlegg) {
      for (const fil of document.filer) {
        const group = groups.get(document.type);
        if (!group)
          groups.set(document.type, {
            type: document.type,
            count: 1,
            first: fil.lastetOpp,
            last: fil.lastetOpp,
          });
        else {
          group.count += 1;
          if (fil.lastetOpp < group.first) group.first = fil.lastetOpp;
          if (fil.lastetOpp > group.last) group.last = fil.lastetOpp;
        }
      }
    }
    return [...groups.values()];
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "not-found") return [];
    log.error({ err: error }, "vedlegg.json could not be read");
    return null;
  }
}

/** One søknad, read-only: the status page's parts, its complaints, documents as counts and dates, and its conversation as metadata. */
export async function loadSoknad(request: Request, lookupId: string, soknadId: string) {
  await requireStaff(request);
  // Not a søknad's id at all: nothing to look at, nothing to log.
  if (!UUID.test(soknadId)) throw new Response("Not Found", { status: 404 });
  const opened = await openLookup(request, lookupId, "soknad", `soknad:${soknadId}`);
  if (opened.kind !== "open") return opened;
  const { fnr, person } = opened;
  const now = new Date();
  const [status, klager, documents, conversations] = await Promise.all([
    loadSoknadStatus(fnr, soknadId, now),
    loadKlager(fnr, now, soknadId),
    documentGroups(fnr, soknadId),
    listConversations(fnr),
  ]);
  // The account number is the person's, not the contact centre's: it never reaches the page's data.
  const readOnly =
    status.kind === "ok"
      ? {
          ...status,
          soknad: {
            ...status.soknad,
            view: {
              ...status.soknad.view,
              utbetalinger: status.soknad.view.utbetalinger.map((payment) => ({
                ...payment,
                kontonummer: null,
              })),
            },
          },
        }
      : status;
  const conversation = conversations.kind === "ok" ? conversations.conversations.find((candidate) => candidate.soknad?.id === soknadId) : undefined;
  return {
    kind: "ok" as const,
    lookupId,
    name: formatName(person.navn),
    status: readOnly,
    received: status.kind === "ok" ? receivedOf(status.soknad) : null,
    klager: klager.kind === "ok" ? klager.klager : null,
    documents,
    conversation: conversation ? messageMeta(conversation) : conversations.kind === "ok" ? null : ("unavailable" as const),
  };
}
