/**
 * Requests for economic advice (sosialtjenesteloven § 17) in the mock: the contract's view of a
 * stored request, receiving one, and the office's side (the simulator marks that it has been in
 * touch). Shared by the person's handlers (radgivning-handlers.ts) and the simulator
 * (simulator-routes.ts, simulator-page.ts).
 */
import { type Radgivning, type SendRadgivningRequest } from "../app/fagsystem/contract";
import { officeOfPerson } from "./meldinger";
import { personName, type PersonRecord, type RadgivningRecord } from "./personas";
import { SimulatorError } from "./simulator";
import type { MockStore } from "./state";

/** What the contract publishes of a stored request: a copy, without whose it is. */
export function toRadgivning(record: RadgivningRecord): Radgivning {
  return structuredClone({
    radgivningId: record.radgivningId,
    mottattTidspunkt: record.mottattTidspunkt,
    navEnhet: record.navEnhet,
    kontornavn: record.kontornavn,
    beskrivelse: record.beskrivelse,
    kontaktmate: record.kontaktmate,
    telefonnummer: record.telefonnummer,
    kontakttid: record.kontakttid,
    status: record.status,
    kontaktetTidspunkt: record.kontaktetTidspunkt,
  });
}

/** Newest first; of two in the same millisecond, the one that arrived last. */
export const newestFirst = (records: readonly RadgivningRecord[]) => [...records].reverse().sort((a, b) => b.mottattTidspunkt.localeCompare(a.mottattTidspunkt));

export type ReceiveOutcome = { record: RadgivningRecord; created: boolean } | { problem: "no-nav-kontor" } | { missing: true };

/**
 * Receives a request for the office of the person's municipality. A retry with the same id gets
 * the request already there; someone else's id is nobody's to this person (`missing`).
 */
export async function receiveRadgivning(store: MockStore, person: PersonRecord, body: SendRadgivningRequest, now: Date = new Date()): Promise<ReceiveOutcome> {
  const fnr = person.folkeregister.fnr;
  const office = officeOfPerson(person);
  return store.update((state): ReceiveOutcome => {
    // Inside the update: a parallel request with the same id may have won since the caller looked.
    const earlier = state.radgivning.find((record) => record.radgivningId === body.radgivningId);
    if (earlier) return earlier.fnr === fnr ? { record: earlier, created: false } : { missing: true };
    if (!state.persons.some((candidate) => candidate.folkeregister.fnr === fnr)) return { missing: true }; // reset meanwhile
    if (!office) return { problem: "no-nav-kontor" };
    const telefon = body.kontaktmate === "TELEFON";
    const record: RadgivningRecord = {
      radgivningId: body.radgivningId,
      fnr,
      language: body.language,
      mottattTidspunkt: now.toISOString(),
      navEnhet: office.enhetsnummer,
      kontornavn: office.navn,
      beskrivelse: body.beskrivelse,
      kontaktmate: body.kontaktmate,
      telefonnummer: telefon ? (body.telefonnummer ?? null) : null,
      kontakttid: telefon ? (body.kontakttid ?? null) : null,
      status: "MOTTATT",
      kontaktetTidspunkt: null,
    };
    state.radgivning.push(record);
    return { record, created: true };
  });
}

/** The office has been in touch: KONTAKTET from now. Marking it again changes nothing. */
export async function markContacted(store: MockStore, radgivningId: string, now: Date = new Date()): Promise<RadgivningRecord> {
  const record = await store.update((state) => {
    const found = state.radgivning.find((candidate) => candidate.radgivningId === radgivningId);
    if (found && found.status === "MOTTATT") {
      found.status = "KONTAKTET";
      found.kontaktetTidspunkt = now.toISOString();
    }
    return found;
  });
  if (!record) throw new SimulatorError(404, `no request for advice ${radgivningId}`);
  return record;
}

/** A request as the simulator lists it: the contract's view, with whose it is. */
export function radgivningOverview(store: MockStore, record: RadgivningRecord) {
  const person = store.person(record.fnr);
  return { ...toRadgivning(record), personaId: person?.id ?? null, name: person ? personName(person) : null, fnr: record.fnr, language: record.language };
}

/** Every request, newest first (the simulator's list). */
export const allRadgivninger = (store: MockStore) => newestFirst(store.radgivninger());
