/**
 * "Find your NAV office": its phone and opening hours, for a municipality a person names or, when
 * they are logged in, for where they live (looked up as the application's start page does). Asking
 * is a GET form, so it works without JavaScript; an unknown municipality is a message, never a 500.
 */
import type { Session } from "~/session/session.server";
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { NavKontor } from "~/fagsystem/contract";
import { logFor } from "~/log.server";
import { kommunenummerOf } from "./municipalities";

const log = logFor("veiviser");

export type OfficeView = Pick<NavKontor, "navn" | "kommunenavn" | "telefon" | "apningstider">;

export type OfficeLookup =
  | { kind: "ask"; query: string }
  | { kind: "found"; office: OfficeView; own: boolean; query: string }
  | { kind: "unknown"; query: string }
  | { kind: "unavailable"; query: string };

const QUERY_MAX = 60;

const view = (office: NavKontor): OfficeView => ({ navn: office.navn, kommunenavn: office.kommunenavn, telefon: office.telefon, apningstider: office.apningstider });

async function officeFor(kommunenummer: string): Promise<NavKontor | "unknown" | "unavailable"> {
  try {
    return await fagsystem.navKontor(kommunenummer);
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    if (error.kind === "not-found" || error.kind === "rejected") return "unknown";
    log.warn({ err: error }, "the office could not be looked up for the guide");
    return "unavailable";
  }
}

/** A logged-in person's own office, from where they live; null when it cannot be known (or must not be shown). */
async function ownOffice(session: Session | null): Promise<NavKontor | null> {
  if (session?.kind !== "applicant" || session.subject.refusal) return null;
  try {
    const person = await fagsystem.folkeregisterPerson(session.subject.fnr);
    const address = person.oppholdsadresse ?? person.bostedsadresse;
    if (!address) return null;
    const office = await officeFor(address.kommunenummer);
    return typeof office === "string" ? null : office;
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    log.warn({ err: error }, "the person's own office could not be found for the guide");
    return null;
  }
}

/** What the office box shows for `?kommune=…` (the query wins over the person's own office). */
export async function lookupOffice(rawQuery: string | null, session: Session | null): Promise<OfficeLookup> {
  const query = (rawQuery ?? "").slice(0, QUERY_MAX);
  if (query.trim() === "") {
    const own = await ownOffice(session);
    return own ? { kind: "found", office: view(own), own: true, query: "" } : { kind: "ask", query: "" };
  }
  const kommunenummer = kommunenummerOf(query);
  if (!kommunenummer) return { kind: "unknown", query };
  const office = await officeFor(kommunenummer);
  if (office === "unknown" || office === "unavailable") return { kind: office, query };
  return { kind: "found", office: view(office), own: false, query };
}
