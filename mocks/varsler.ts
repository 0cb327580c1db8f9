/**
 * Notifications (varsler): when the office writes in a conversation, the fagsystem tells the
 * person by SMS to the mobile number in KRR, or by e-mail when there is none. The text says only
 * that there is a message, never what it says: an SMS is no place for case details.
 */
import type { PersonRecord, VarselRecord } from "./personas";

export type VarselLanguage = VarselRecord["language"];

export const VARSEL_TEKST: Readonly<Record<VarselLanguage, string>> = {
  nb: "Du har fått en ny melding fra NAV. Logg inn på nav.no for å lese den.",
  nn: "Du har fått ei ny melding frå NAV. Logg inn på nav.no for å lese henne.",
  en: "You have a new message from NAV. Log in at nav.no to read it.",
};

/** The notification for one office message, or null when KRR has neither a mobile number nor an e-mail address. */
export function varselFor(
  person: PersonRecord,
  input: { varselId: string; samtaleId: string; meldingId: string; language: VarselLanguage; tidspunkt: string },
): VarselRecord | null {
  const mobil = person.krr.mobiltelefonnummer;
  const epost = person.krr.epostadresse;
  const kanal = mobil ? ({ kanal: "SMS", mottaker: mobil } as const) : epost ? ({ kanal: "EPOST", mottaker: epost } as const) : null;
  if (!kanal) return null;
  return { ...input, fnr: person.folkeregister.fnr, ...kanal, tekst: VARSEL_TEKST[input.language] };
}
