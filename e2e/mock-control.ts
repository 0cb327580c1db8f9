/**
 * The fagsystem mock's control side, for tests: what the mock holds for a person, and
 * faults injected per path, method and person.
 */
import { expect } from "@playwright/test";
import { MOCK_CONTROL } from "../playwright.config";

export type Fault = { path: string; method?: string; fnr?: string; status?: number; delayMs?: number; drop?: boolean };
export type SoknadSummary = { fiksDigisosId: string; sendtTidspunkt: string | null };

/** The person's søknader as the fagsystem lists them (newest change first). */
export async function soknaderOf(fnr: string, control = MOCK_CONTROL): Promise<SoknadSummary[]> {
  const response = await fetch(`${control}/api/v1/soknader`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return (await response.json()) as SoknadSummary[];
}

/** The søknad the mock seeded for a persona: the oldest one (tests only add newer ones). */
export async function seededSoknadOf(fnr: string): Promise<string> {
  const soknader = await soknaderOf(fnr);
  const oldest = [...soknader].sort((a, b) => (a.sendtTidspunkt ?? "").localeCompare(b.sendtTidspunkt ?? ""))[0];
  if (!oldest) throw new Error("the persona has no søknad");
  return oldest.fiksDigisosId;
}

export async function addFault(fault: Fault, control = MOCK_CONTROL) {
  const response = await fetch(`${control}/mock/faults`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(fault) });
  expect(response.status, await response.text()).toBe(201);
}

/** Removes `fault`. The mock can only remove all faults, so any other test's faults are put back. */
export async function removeFault(fault: Fault, control = MOCK_CONTROL) {
  const faults = (await (await fetch(`${control}/mock/faults`)).json()) as Fault[];
  await fetch(`${control}/mock/faults`, { method: "DELETE" });
  const key = (candidate: Fault) =>
    JSON.stringify(Object.entries({ ...candidate, method: candidate.method?.toUpperCase() }).filter(([, value]) => value !== undefined).sort());
  for (const other of faults.filter((candidate) => key(candidate) !== key(fault))) await addFault(other, control);
}


/* ---------- the caseworker simulator ---------- */

/** A new søknad for a persona, received by its office (no files), as the simulator makes one. */
export async function newSoknadFor(personaId: string, control = MOCK_CONTROL): Promise<string> {
  const response = await fetch(`${control}/mock/fagsystem/api/soknader`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ personaId }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { fiksDigisosId: string }).fiksDigisosId;
}

/** Acts as the caseworker on a søknad; returns the events the action appended. */
export async function caseworker(fiksDigisosId: string, action: Record<string, unknown>, control = MOCK_CONTROL): Promise<Array<Record<string, unknown>>> {
  const response = await fetch(`${control}/mock/fagsystem/api/soknader/${fiksDigisosId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(action),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { hendelser: Array<Record<string, unknown>> }).hendelser;
}

/** Acts as the caseworker on a complaint (`{ status, arsak?, begrunnelse?, belop? }`). */
export async function klageAction(klageId: string, action: Record<string, unknown>, control = MOCK_CONTROL): Promise<void> {
  const response = await fetch(`${control}/mock/fagsystem/api/klager/${klageId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action: "klage", ...action }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
}

export type KlageSummary = { klageId: string; fiksDigisosId: string; tekst: string; hendelser: { type: string; status?: string }[] };

/** The person's complaints as the fagsystem lists them. */
export async function klagerOf(fnr: string, control = MOCK_CONTROL): Promise<KlageSummary[]> {
  const response = await fetch(`${control}/api/v1/klager`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return (await response.json()) as KlageSummary[];
}

/* ---------- complaints ---------- */

export type TestPerson = { id: string; fnr: string; name: string; birthDate: string };

/**
 * A synthetic person of the test's own (an adult with an address, no søknader), so a test's
 * complaints, faults and sends touch no persona another test counts on.
 */
export async function freshPerson(control = MOCK_CONTROL): Promise<TestPerson> {
  const response = await fetch(`${control}/mock/syntetiske-personer`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ antall: 1 }) });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as TestPerson[])[0]!;
}

/** A new søknad for the person with a refusal made now: its id and the decision's letter id (what "Klag på vedtaket" posts). */
export async function refusal(personaId: string, control = MOCK_CONTROL): Promise<{ soknadId: string; vedtakId: string }> {
  const soknadId = await newSoknadFor(personaId, control);
  await caseworker(soknadId, { action: "sak", referanse: "SAK-9001", tittel: "Livsopphold" }, control);
  const events = await caseworker(soknadId, { action: "vedtak", saksreferanse: "SAK-9001", utfall: "AVSLATT" }, control);
  const vedtak = events.find((event) => event.type === "vedtakFattet") as { vedtaksfil: { referanse: { id: string } } } | undefined;
  expect(vedtak, "the refusal's vedtakFattet").toBeTruthy();
  return { soknadId, vedtakId: vedtak!.vedtaksfil.referanse.id };
}

/** The moves the simulator makes to bring a sent complaint (SENDT) to each state. */
export const KLAGE_PATHS = {
  SENDT: [],
  MOTTATT: [{ status: "MOTTATT" }],
  UNDER_BEHANDLING: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }],
  MEDHOLD: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "MEDHOLD", belop: 4500 }],
  DELVIS_MEDHOLD: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "DELVIS_MEDHOLD", belop: 2000 }],
  AVVIST: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "AVVIST", arsak: "FOR_SENT" }],
  OPPRETTHOLDT: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }],
  SENDT_TIL_STATSFORVALTEREN: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }, { status: "SENDT_TIL_STATSFORVALTEREN" }],
  STADFESTET: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }, { status: "SENDT_TIL_STATSFORVALTEREN" }, { status: "STADFESTET" }],
  ENDRET: [{ status: "MOTTATT" }, { status: "UNDER_BEHANDLING" }, { status: "OPPRETTHOLDT" }, { status: "SENDT_TIL_STATSFORVALTEREN" }, { status: "ENDRET", belop: 3000 }],
  TRUKKET: [{ status: "MOTTATT" }, { status: "TRUKKET" }],
} as const satisfies Record<string, ReadonlyArray<Record<string, unknown>>>;
export type KlageTestState = keyof typeof KLAGE_PATHS;

/** Moves a sent complaint to `state` through the simulator's JSON API. */
export async function moveKlageTo(klageId: string, state: KlageTestState, control = MOCK_CONTROL): Promise<void> {
  for (const move of KLAGE_PATHS[state]) await klageAction(klageId, move, control);
}

/* ---------- messages (meldinger) ---------- */

export type SamtaleSummary = {
  samtaleId: string;
  fiksDigisosId: string | null;
  navEnhet: string | null;
  kontornavn: string | null;
  antallMeldinger: number;
  antallUleste: number;
  sisteMelding: { sendtTidspunkt: string; fraNav: boolean } | null;
};
export type OfficeMelding = { meldingId: string; samtaleId: string; tekst: string; sendtTidspunkt: string; filer: { id: string; filnavn: string }[] };
export type Varsel = { varselId: string; personaId: string | null; samtaleId: string | null; meldingId: string | null; ringTilbakeId?: string | null; kanal: "SMS" | "EPOST"; mottaker: string; language: string; tekst: string; tidspunkt: string };
export type SimulatorSamtale = SamtaleSummary & { personaId: string; name: string; fnr: string; language: string; antallUlesteForNav: number };

/** The person's conversations as the fagsystem lists them: the general one first, then one per søknad, newest first. */
export async function samtalerOf(fnr: string, control = MOCK_CONTROL): Promise<SamtaleSummary[]> {
  const response = await fetch(`${control}/api/v1/samtaler`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return (await response.json()) as SamtaleSummary[];
}

async function samtaleAction(samtaleId: string, action: Record<string, unknown>, status: number, control: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${control}/mock/fagsystem/api/samtaler/${samtaleId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(action),
  });
  expect(response.status, await response.clone().text()).toBe(status);
  return (await response.json()) as Record<string, unknown>;
}

/** The id of the person's general conversation with their office (it exists before its first message). */
export async function generalSamtaleOf(fnr: string, control = MOCK_CONTROL): Promise<string> {
  const general = (await samtalerOf(fnr, control)).find((samtale) => samtale.fiksDigisosId === null);
  expect(general, "the general conversation").toBeTruthy();
  return general!.samtaleId;
}

export type StoredMelding = OfficeMelding & { avsender: { type: "PERSON" | "NAV_KONTOR" }; lestAv: "NAV" | "PERSON" | null };

/** Every message of a conversation, oldest first, as the fagsystem holds them (the simulator's view). */
export async function meldingerIn(samtaleId: string, control = MOCK_CONTROL): Promise<StoredMelding[]> {
  const response = await fetch(`${control}/mock/fagsystem/api/samtaler/${samtaleId}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { meldinger: StoredMelding[] }).meldinger;
}

/** The office writes in a conversation (one with no messages yet too); the person gets a notification. `vedlegg` attaches a one-page letter. */
export async function officeReply(samtaleId: string, reply: { tekst: string; saksbehandler?: string; vedlegg?: boolean }, control = MOCK_CONTROL): Promise<OfficeMelding> {
  return (await samtaleAction(samtaleId, { action: "svar", ...reply }, 201, control)).melding as OfficeMelding;
}

/** The office reads the person's messages in the conversation; returns how many it marked. */
export async function officeReads(samtaleId: string, control = MOCK_CONTROL): Promise<number> {
  return (await samtaleAction(samtaleId, { action: "lest" }, 200, control)).antall as number;
}

/** Adds `antall` (1–20,000) messages, person and office by turns, as read history before the conversation's oldest message. */
export async function fillConversation(samtaleId: string, antall: number, control = MOCK_CONTROL): Promise<void> {
  await samtaleAction(samtaleId, { action: "fyll", antall }, 201, control);
}

/** The notifications a persona got, oldest first. */
export async function varslerOf(personaId: string, control = MOCK_CONTROL): Promise<Varsel[]> {
  const response = await fetch(`${control}/mock/fagsystem/api/varsler`);
  expect(response.status).toBe(200);
  return ((await response.json()) as Varsel[]).filter((varsel) => varsel.personaId === personaId);
}

/** Every conversation of every person, as the caseworker sees them (with both sides' unread counts). */
export async function simulatorSamtaler(control = MOCK_CONTROL): Promise<SimulatorSamtale[]> {
  const response = await fetch(`${control}/mock/fagsystem/api/samtaler`);
  expect(response.status).toBe(200);
  return (await response.json()) as SimulatorSamtale[];
}

/* ---------- call-back requests (ring tilbake) ---------- */

export type RingTilbakeSummary = {
  ringTilbakeId: string;
  navEnhet: string;
  kontornavn: string;
  hastegrad: string;
  status: string;
  registrertAv: string;
  mottattTidspunkt: string;
  telefonnummer: string;
  notat: string | null;
  frist: string;
  forfalt: boolean;
  forsok: { tidspunkt: string; nadd: boolean }[];
  fnr?: string;
};
export type RingTilbakeQueue = { navEnhet: string; kontornavn: string; ko: RingTilbakeSummary[]; avsluttet: RingTilbakeSummary[] };

/** Files a call-back request straight at the fagsystem's API (as the portal would), for tests of what staff then see. */
export async function fileRingTilbake(fnr: string, body: Record<string, unknown>, control = MOCK_CONTROL): Promise<RingTilbakeSummary> {
  const response = await fetch(`${control}/api/v1/ringtilbake`, { method: "POST", headers: { "Content-Type": "application/json", "Nav-Personident": fnr }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as RingTilbakeSummary;
}

/** Every office's call-back queue as the simulator shows it (most urgent first). */
export async function ringTilbakeQueues(control = MOCK_CONTROL): Promise<RingTilbakeQueue[]> {
  const response = await fetch(`${control}/mock/fagsystem/api/ringtilbake`);
  expect(response.status).toBe(200);
  return (await response.json()) as RingTilbakeQueue[];
}

/** Every call-back request the mock holds for the person (open or finished, any office). */
export async function ringTilbakeFor(fnr: string, control = MOCK_CONTROL): Promise<RingTilbakeSummary[]> {
  const response = await fetch(`${control}/api/v1/ringtilbake`, { headers: { "Nav-Personident": fnr } });
  expect(response.status).toBe(200);
  return (await response.json()) as RingTilbakeSummary[];
}

/** The office's side: "ringt-nadd", "ringt-ikke-nadd" or "lukk". */
export async function ringTilbakeAction(ringTilbakeId: string, action: "ringt-nadd" | "ringt-ikke-nadd" | "lukk", control = MOCK_CONTROL): Promise<RingTilbakeSummary> {
  const response = await fetch(`${control}/mock/fagsystem/api/ringtilbake/${ringTilbakeId}/handlinger`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ action }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { ringTilbake: RingTilbakeSummary }).ringTilbake;
}
