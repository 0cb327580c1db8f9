/**
 * What the start page needs to know before a person begins: which office would receive
 * the søknad, and whether that municipality takes digital applications at all.
 */
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { NavKontor } from "~/fagsystem/contract";
import { logFor } from "~/log.server";

const log = logFor("soknad");

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
    log.error({ err: error }, "the office could not be found");
    return { kind: "unavailable" };
  }
}

const DAY = 24 * 60 * 60 * 1000;

export type ShortReason = { reason: "paid" | "planned"; date: string };

/**
 * A short application is offered to someone with a payment paid in the last 50 days or
 * planned in the next 14 (NAV's rule), read from the event logs of their søknader.
 */
export async function shortApplicationReason(fnr: string, now = new Date()): Promise<ShortReason | null> {
  try {
    const soknader = await fagsystem.soknader(fnr);
    const logs = await Promise.all(soknader.map((soknad) => fagsystem.innsyn(fnr, soknad.fiksDigisosId)));
    let best: ShortReason | null = null;
    for (const event of logs.flatMap((log) => log.hendelser)) {
      if (event.type !== "utbetaling") continue;
      const status = event.status as string | undefined;
      const paid = (event.utbetalingsdato as string | null | undefined) ?? null;
      const due = (event.forfallsdato as string | null | undefined) ?? null;
      if (status === "UTBETALT" && paid) {
        const age = now.getTime() - Date.parse(paid);
        if (age >= 0 && age <= 50 * DAY && (!best || best.reason !== "paid" || paid > best.date)) best = { reason: "paid", date: paid };
      } else if (status === "PLANLAGT_UTBETALING" && due && !best) {
        const until = Date.parse(due) - now.getTime();
        if (until >= -DAY && until <= 14 * DAY) best = { reason: "planned", date: due };
      }
    }
    return best;
  } catch (error) {
    if (!(error instanceof FagsystemError)) throw error;
    // Without the history we offer the standard application, which always works.
    log.warn({ err: error }, "the short application could not be checked: the standard one is offered");
    return null;
  }
}
