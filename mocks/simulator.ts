/**
 * The caseworker simulator: what a caseworker does in the fagsystem, as actions
 * that append events to a søknad's digisos-soker log. Every appended event is
 * checked against its schema in the contract before it is stored, so the mock
 * only ever publishes the public format. The HTTP side (JSON API and the HTML
 * page) is in simulator-routes.ts; the letters are in simulator-letters.ts.
 */
import { randomInt, randomUUID } from "node:crypto";
import { z } from "zod";
import { hendelseSchemas, type Hendelse, type NavKontor } from "../app/fagsystem/contract";
import { navKontorFor, navKontorer, personName, type DokumentlagerRef, type PersonRecord, type SoknadRecord, type StoredFile } from "./personas";
import { etterspurtLetter, forelopigSvarLetter, renderLetter, vedtakLetter, type LetterLanguage } from "./simulator-letters";
import type { MockStore } from "./state";
import { addDays, osloDate, osloInstant } from "../app/ringtilbake/deadline";

/** A refusal the HTTP side turns into 400 or 404 with this message. */
export class SimulatorError extends Error {
  constructor(
    readonly status: 400 | 404,
    message: string,
  ) {
    super(message);
  }
}

/* ---------- dates ---------- */

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

// Oslo's calendar and clock (summer time included) are the call-back deadlines' own.
export { addDays, osloDate };

/** 23:59:59 Oslo time on `date`, as an ISO instant in UTC: a deadline lasts the whole day. */
export function endOfDayOslo(date: string): string {
  return new Date(osloInstant(date, 23 * 60 + 59).getTime() + 59_000).toISOString();
}

/* ---------- the actions ---------- */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD").refine(isRealDate, "not a real date");
const shortText = z.string().trim().min(1, "must not be empty").max(200);
export const longText = z.string().trim().max(2000);
const reference = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, "letters, digits, '.', '_' and '-', at most 40");
export const belop = z.number().positive().max(10_000_000).multipleOf(0.01);
const kravStatus = z.enum(["RELEVANT", "ANNULLERT", "OPPFYLT", "IKKE_OPPFYLT", "LEVERT_TIDLIGERE"]);
const knownOffice = z
  .string()
  .regex(/^\d{4}$/, "a 4-digit office number")
  .refine((value) => navKontorer.some((office) => office.enhetsnummer === value), "no such NAV office in NORG");

const actionSchemas = [
  z.object({ action: z.literal("status"), status: z.enum(["MOTTATT", "UNDER_BEHANDLING", "FERDIGBEHANDLET", "BEHANDLES_IKKE"]) }).strict(),
  z.object({ action: z.literal("tildel"), navKontor: knownOffice }).strict(),
  z
    .object({
      action: z.literal("etterspor"),
      /** Replaces the whole list; empty withdraws the request. */
      dokumenter: z.array(z.object({ dokumenttype: shortText, tilleggsinformasjon: longText.optional(), innsendelsesfrist: date }).strict()).max(20),
    })
    .strict(),
  z.object({ action: z.literal("forelopigSvar") }).strict(),
  z
    .object({
      action: z.literal("sak"),
      referanse: reference.optional(),
      tittel: shortText,
      status: z.enum(["UNDER_BEHANDLING", "IKKE_INNSYN", "BEHANDLES_IKKE", "FEILREGISTRERT"]).default("UNDER_BEHANDLING"),
    })
    .strict(),
  z
    .object({
      action: z.literal("vedtak"),
      saksreferanse: reference,
      utfall: z.enum(["INNVILGET", "DELVIS_INNVILGET", "AVSLATT", "AVVIST"]),
      belop: belop.optional(),
      fom: date.optional(),
      tom: date.optional(),
      begrunnelse: longText.optional(),
      /** The letter also cites § 19 (stønad i særlige tilfeller). */
      paragraf19: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      action: z.literal("vilkar"),
      referanse: reference.optional(),
      saksreferanse: reference.optional(),
      tittel: shortText.optional(),
      beskrivelse: longText.optional(),
      status: kravStatus.default("RELEVANT"),
    })
    .strict(),
  z
    .object({
      action: z.literal("dokumentasjonkrav"),
      referanse: reference.optional(),
      saksreferanse: reference.optional(),
      tittel: shortText.optional(),
      beskrivelse: longText.optional(),
      frist: date.optional(),
      status: kravStatus.default("RELEVANT"),
    })
    .strict(),
  z
    .object({
      action: z.literal("utbetaling"),
      referanse: reference.optional(),
      saksreferanse: reference.optional(),
      status: z.enum(["PLANLAGT_UTBETALING", "UTBETALT", "STOPPET", "ANNULLERT"]),
      belop: belop.optional(),
      beskrivelse: longText.optional(),
      forfallsdato: date.optional(),
      utbetalingsdato: date.optional(),
      fom: date.optional(),
      tom: date.optional(),
      /** The name of someone else who gets the money (a landlord, the power company). */
      annenMottaker: shortText.optional(),
    })
    .strict(),
] as const;

export const simulatorActionSchema = z.discriminatedUnion("action", [...actionSchemas]).superRefine((action, ctx) => {
  if ("fom" in action && action.fom && action.tom && action.fom > action.tom) ctx.addIssue({ code: "custom", path: ["tom"], message: "tom is before fom" });
  if (action.action === "vedtak" && (action.utfall === "AVSLATT" || action.utfall === "AVVIST") && action.belop !== undefined)
    ctx.addIssue({ code: "custom", path: ["belop"], message: `a vedtak ${action.utfall} has no amount` });
});
export type SimulatorAction = z.infer<typeof simulatorActionSchema>;
export type SimulatorActionName = SimulatorAction["action"];

export const nySoknadSchema = z.object({ personaId: z.string().min(1) }).strict();

export const describeZodError = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`)
    .join("; ");

/* ---------- reading a søknad's log ---------- */

type EventOf<T extends Hendelse["type"]> = Extract<Hendelse, { type: T }>;

const eventsOf = <T extends Hendelse["type"]>(soknad: SoknadRecord, type: T) => soknad.hendelser.filter((hendelse): hendelse is EventOf<T> => hendelse.type === type);

/** The latest event per key, in the order the keys first appeared. */
function latestBy<T>(events: T[], key: (event: T) => string): Map<string, T> {
  const latest = new Map<string, T>();
  for (const event of events) latest.set(key(event), event);
  return latest;
}

export const sakerOf = (soknad: SoknadRecord) => latestBy(eventsOf(soknad, "saksStatus"), (event) => event.referanse);
export const utbetalingerOf = (soknad: SoknadRecord) => latestBy(eventsOf(soknad, "utbetaling"), (event) => event.utbetalingsreferanse);
export const vilkarOf = (soknad: SoknadRecord) => latestBy(eventsOf(soknad, "vilkar"), (event) => event.vilkarreferanse);
export const dokumentasjonkravOf = (soknad: SoknadRecord) => latestBy(eventsOf(soknad, "dokumentasjonkrav"), (event) => event.dokumentasjonkravreferanse);

export function currentStatus(soknad: SoknadRecord): EventOf<"soknadsStatus">["status"] | null {
  return eventsOf(soknad, "soknadsStatus").at(-1)?.status ?? null;
}

/** The office the søknad is with now: the last assignment, or where it was sent. */
export function currentOffice(soknad: SoknadRecord): string | null {
  return eventsOf(soknad, "tildeltNavKontor").at(-1)?.navKontor ?? soknad.navKontor;
}

export const officeByNumber = (enhetsnummer: string | null): NavKontor | undefined => navKontorer.find((office) => office.enhetsnummer === enhetsnummer);

/* ---------- applying an action ---------- */

interface NewFile {
  ref: DokumentlagerRef;
  meta: Omit<StoredFile, "storrelse" | "sha512">;
  bytes: Uint8Array;
}

interface Context {
  soknad: SoknadRecord;
  person: PersonRecord;
  language: LetterLanguage;
  office: NavKontor | undefined;
  now: Date;
  today: string;
  at: string;
  letters: NewFile[];
}

/** A reference like SAK-4821 that the søknad does not use yet. */
export function newReference(prefix: string, taken: Set<string>): string {
  for (;;) {
    const candidate = `${prefix}-${randomInt(1000, 10_000)}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function allReferences(soknad: SoknadRecord): Set<string> {
  return new Set([...sakerOf(soknad).keys(), ...utbetalingerOf(soknad).keys(), ...vilkarOf(soknad).keys(), ...dokumentasjonkravOf(soknad).keys()]);
}

function requireSak(soknad: SoknadRecord, saksreferanse: string | undefined): EventOf<"saksStatus"> | undefined {
  if (saksreferanse === undefined) return undefined;
  const sak = sakerOf(soknad).get(saksreferanse);
  if (!sak) throw new SimulatorError(400, `saksreferanse: the søknad has no sak ${saksreferanse}; open it with the action "sak" first`);
  return sak;
}

async function addLetter(context: Context, key: string, content: Parameters<typeof renderLetter>[0]): Promise<DokumentlagerRef> {
  const ref: DokumentlagerRef = { type: "dokumentlager", id: randomUUID() };
  const bytes = await renderLetter(content);
  const stamp = context.at.slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  context.letters.push({ ref, bytes, meta: { filnavn: `${key}-${stamp}.pdf`, tittel: content.title, mimetype: "application/pdf" } });
  return ref;
}

export const payee = (person: PersonRecord) => {
  const kontonummer = person.kontoregister.kontonummer ?? null;
  return { annenMottaker: false, mottaker: personName(person), kontonummer, utbetalingsmetode: kontonummer ? "Kontooverføring" : null };
};

async function eventsFor(action: SimulatorAction, context: Context): Promise<Hendelse[]> {
  const { soknad, at } = context;
  const letterBase = { language: context.language, office: context.office, person: context.person, now: context.now };
  switch (action.action) {
    case "status":
      return [{ type: "soknadsStatus", hendelsestidspunkt: at, status: action.status }];

    case "tildel":
      return [{ type: "tildeltNavKontor", hendelsestidspunkt: at, navKontor: action.navKontor }];

    case "etterspor": {
      const taken = new Set(eventsOf(soknad, "dokumentasjonEtterspurt").flatMap((event) => event.dokumenter.map((dokument) => dokument.dokumentreferanse ?? "")));
      const dokumenter = action.dokumenter.map((dokument) => {
        const dokumentreferanse = newReference("DOK", taken);
        taken.add(dokumentreferanse);
        return {
          dokumenttype: dokument.dokumenttype,
          tilleggsinformasjon: dokument.tilleggsinformasjon || null,
          innsendelsesfrist: endOfDayOslo(dokument.innsendelsesfrist),
          dokumentreferanse,
        };
      });
      const letter = etterspurtLetter({ ...letterBase, dokumenter: action.dokumenter });
      const forvaltningsbrev = { referanse: await addLetter(context, "dokumentasjon-etterspurt", letter) };
      return [{ type: "dokumentasjonEtterspurt", hendelsestidspunkt: at, forvaltningsbrev, vedlegg: [], dokumenter }];
    }

    case "forelopigSvar": {
      const letter = forelopigSvarLetter({ ...letterBase, svarInnen: addDays(context.today, 14) });
      return [{ type: "forelopigSvar", hendelsestidspunkt: at, forvaltningsbrev: { referanse: await addLetter(context, "forelopig-svar", letter) }, vedlegg: [] }];
    }

    case "sak": {
      const referanse = action.referanse ?? newReference("SAK", allReferences(soknad));
      return [{ type: "saksStatus", hendelsestidspunkt: at, referanse, tittel: action.tittel, status: action.status }];
    }

    case "vedtak": {
      const sak = requireSak(soknad, action.saksreferanse);
      const letter = vedtakLetter({
        ...letterBase,
        saksreferanse: action.saksreferanse,
        sakstittel: sak?.tittel ?? null,
        mottatt: soknad.sendtTidspunkt,
        utfall: action.utfall,
        belop: action.belop,
        fom: action.fom,
        tom: action.tom,
        begrunnelse: action.begrunnelse,
        paragraf19: action.paragraf19 ?? false,
      });
      const vedtaksfil = { referanse: await addLetter(context, `vedtak-${action.saksreferanse}`, letter) };
      const events: Hendelse[] = [{ type: "vedtakFattet", hendelsestidspunkt: at, saksreferanse: action.saksreferanse, utfall: action.utfall, vedtaksfil, vedlegg: [] }];
      if (action.belop !== undefined && (action.utfall === "INNVILGET" || action.utfall === "DELVIS_INNVILGET")) {
        events.push({
          type: "utbetaling",
          hendelsestidspunkt: at,
          utbetalingsreferanse: newReference("UTB", allReferences(soknad)),
          saksreferanse: action.saksreferanse,
          status: "PLANLAGT_UTBETALING",
          belop: action.belop,
          beskrivelse: sak?.tittel ?? null,
          forfallsdato: action.fom && action.fom > context.today ? action.fom : context.today,
          utbetalingsdato: null,
          fom: action.fom ?? null,
          tom: action.tom ?? null,
          ...payee(context.person),
        });
      }
      return events;
    }

    case "vilkar": {
      requireSak(soknad, action.saksreferanse);
      const previous = action.referanse ? vilkarOf(soknad).get(action.referanse) : undefined;
      const tittel = action.tittel ?? previous?.tittel;
      if (!tittel) throw new SimulatorError(400, "tittel: required for a new vilkår");
      return [
        {
          type: "vilkar",
          hendelsestidspunkt: at,
          vilkarreferanse: action.referanse ?? newReference("VILKAR", allReferences(soknad)),
          saksreferanse: action.saksreferanse ?? previous?.saksreferanse ?? null,
          utbetalingsreferanse: previous?.utbetalingsreferanse ?? [],
          tittel,
          beskrivelse: action.beskrivelse ?? previous?.beskrivelse ?? null,
          status: action.status,
        },
      ];
    }

    case "dokumentasjonkrav": {
      requireSak(soknad, action.saksreferanse);
      const previous = action.referanse ? dokumentasjonkravOf(soknad).get(action.referanse) : undefined;
      const tittel = action.tittel ?? previous?.tittel;
      if (!tittel) throw new SimulatorError(400, "tittel: required for a new dokumentasjonkrav");
      return [
        {
          type: "dokumentasjonkrav",
          hendelsestidspunkt: at,
          dokumentasjonkravreferanse: action.referanse ?? newReference("DOKKRAV", allReferences(soknad)),
          saksreferanse: action.saksreferanse ?? previous?.saksreferanse ?? null,
          utbetalingsreferanse: previous?.utbetalingsreferanse ?? [],
          tittel,
          beskrivelse: action.beskrivelse ?? previous?.beskrivelse ?? null,
          frist: action.frist ?? previous?.frist ?? null,
          status: action.status,
        },
      ];
    }

    case "utbetaling": {
      requireSak(soknad, action.saksreferanse);
      // Same reference: a change of that payment. What is not given is kept from it.
      const previous = action.referanse ? utbetalingerOf(soknad).get(action.referanse) : undefined;
      const amount = action.belop ?? previous?.belop;
      if (amount === undefined || amount === null) throw new SimulatorError(400, "belop: required for a new utbetaling");
      const mottaker =
        action.annenMottaker !== undefined
          ? { annenMottaker: true, mottaker: action.annenMottaker, kontonummer: null, utbetalingsmetode: "Kontooverføring" }
          : previous
            ? { annenMottaker: previous.annenMottaker, mottaker: previous.mottaker, kontonummer: previous.kontonummer, utbetalingsmetode: previous.utbetalingsmetode }
            : payee(context.person);
      return [
        {
          type: "utbetaling",
          hendelsestidspunkt: at,
          utbetalingsreferanse: action.referanse ?? newReference("UTB", allReferences(soknad)),
          saksreferanse: action.saksreferanse ?? previous?.saksreferanse ?? null,
          status: action.status,
          belop: amount,
          beskrivelse: action.beskrivelse ?? previous?.beskrivelse ?? null,
          forfallsdato: action.forfallsdato ?? previous?.forfallsdato ?? null,
          utbetalingsdato: action.utbetalingsdato ?? (action.status === "UTBETALT" ? context.today : (previous?.utbetalingsdato ?? null)),
          fom: action.fom ?? previous?.fom ?? null,
          tom: action.tom ?? previous?.tom ?? null,
          ...mottaker,
        },
      ];
    }
  }
}

/** Throws unless the event is exactly what the contract allows for its type. */
export function validateHendelse(hendelse: Hendelse): Hendelse {
  const schema: z.ZodTypeAny = hendelseSchemas[hendelse.type];
  const parsed = schema.safeParse(hendelse);
  if (!parsed.success) throw new Error(`the simulator built an invalid ${hendelse.type} event: ${describeZodError(parsed.error)}`);
  return hendelse;
}

/**
 * Parses `input` as an action and appends its events (and letters) to the søknad.
 * Returns the appended events. Throws SimulatorError for bad input (400) or an unknown søknad (404).
 */
export async function applyAction(store: MockStore, fiksDigisosId: string, input: unknown, now: Date = new Date()): Promise<Hendelse[]> {
  const soknad = store.soknad(fiksDigisosId);
  if (!soknad) throw new SimulatorError(404, `no søknad ${fiksDigisosId}`);
  const parsed = simulatorActionSchema.safeParse(input);
  if (!parsed.success) throw new SimulatorError(400, describeZodError(parsed.error));
  const person = store.person(soknad.fnr);
  if (!person) throw new Error(`søknad ${fiksDigisosId} belongs to nobody`);

  const context: Context = {
    soknad,
    person,
    language: soknad.innsending?.language ?? "nb",
    office: officeByNumber(currentOffice(soknad)),
    now,
    today: osloDate(now),
    at: now.toISOString(),
    letters: [],
  };
  const hendelser = (await eventsFor(parsed.data, context)).map(validateHendelse);

  // Letters first, under fresh ids; then one update registers them with the events that refer to them.
  const stored = await Promise.all(context.letters.map(async (letter) => ({ letter, file: await store.writeFileBytes(letter.ref.id, letter.meta, letter.bytes) })));
  const appended = await store.update((state) => {
    const target = state.soknader.find((candidate) => candidate.fiksDigisosId === fiksDigisosId);
    if (!target) return false; // reset while the letters were written
    for (const { letter, file } of stored) state.files[letter.ref.id] = file;
    target.hendelser.push(...hendelser);
    return true;
  });
  if (!appended) {
    await Promise.all(context.letters.map((letter) => store.discardFileBytes(letter.ref.id)));
    throw new SimulatorError(404, `no søknad ${fiksDigisosId}`);
  }
  return hendelser;
}

/** A new søknad for a persona, as if just sent: MOTTATT and given to the office of the person's address. No files. */
export async function createSoknad(store: MockStore, input: unknown, now: Date = new Date()): Promise<SoknadRecord> {
  const parsed = nySoknadSchema.safeParse(input);
  if (!parsed.success) throw new SimulatorError(400, describeZodError(parsed.error));
  const person = store.persons().find((candidate) => candidate.id === parsed.data.personaId);
  if (!person) throw new SimulatorError(400, `personaId: no persona ${parsed.data.personaId}`);
  const kommunenummer = person.folkeregister.bostedsadresse?.kommunenummer;
  const office = kommunenummer ? navKontorFor(kommunenummer) : undefined;
  if (!office) throw new SimulatorError(400, `personaId: ${person.id} has no registered address, so no NAV office`);
  if (!office.digitalSoknad) throw new SimulatorError(400, `personaId: ${office.navn} does not take digital applications`);

  const mottatt = now.toISOString();
  const soknad: SoknadRecord = {
    fiksDigisosId: randomUUID(),
    fnr: person.folkeregister.fnr,
    sendtTidspunkt: mottatt,
    navKontor: office.enhetsnummer,
    hendelser: [
      { type: "soknadsStatus", hendelsestidspunkt: mottatt, status: "MOTTATT" },
      { type: "tildeltNavKontor", hendelsestidspunkt: mottatt, navKontor: office.enhetsnummer },
    ].map((hendelse) => validateHendelse(hendelse as Hendelse)),
  };
  await store.update((state) => {
    state.soknader.push(soknad);
  });
  return soknad;
}

/** A søknad with who it belongs to, for the JSON API and the page. */
export function soknadOverview(store: MockStore, soknad: SoknadRecord) {
  const person = store.person(soknad.fnr);
  return {
    fiksDigisosId: soknad.fiksDigisosId,
    personaId: person?.id ?? null,
    name: person ? personName(person) : null,
    fnr: soknad.fnr,
    sendtTidspunkt: soknad.sendtTidspunkt,
    navKontor: currentOffice(soknad),
    status: currentStatus(soknad),
    language: soknad.innsending?.language ?? "nb",
    eventCount: soknad.hendelser.length,
  };
}

/** Every søknad of every persona, in persona order and then oldest first. */
export function allSoknader(store: MockStore): SoknadRecord[] {
  const order = new Map(store.persons().map((person, index) => [person.folkeregister.fnr, index]));
  return store
    .persons()
    .flatMap((person) => store.soknaderFor(person.folkeregister.fnr))
    .sort((a, b) => (order.get(a.fnr) ?? 0) - (order.get(b.fnr) ?? 0) || (a.sendtTidspunkt ?? "").localeCompare(b.sendtTidspunkt ?? ""));
}
