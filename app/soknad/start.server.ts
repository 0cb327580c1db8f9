/**
 * What the start page needs to know before a person begins: which office would receive
 * the søknad, and whether that municipality takes digital applications at all.
 */
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { NavKontor } from "~/fagsystem/contract";

export type StartSituation =
  | { kind: "ready"; office: NavKontor | null }
  | { kind: "no-digital"; office: NavKontor }
  | { kind: "unavailable" };

export async function startSituation(fnr: string): Promise<StartSituation> {
  try {
    const person = await fagsystem.folkeregisterPerson(fnr);
    const address = person.oppholdsadresse ?? person.bostedsadresse;
    if (!address) return { kind: "ready", office: null };
    const office = await fagsystem.navKontor(address.kommunenummer);
    return office.digitalSoknad ? { kind: "ready", office } : { kind: "no-digital", office };
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    console.error("[soknad/start]", error.message);
    return { kind: "unavailable" };
  }
}
