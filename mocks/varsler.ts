/**
 * Notifications (varsler): when the office writes in a conversation, or has been asked to call
 * the person back (ring tilbake), the fagsystem tells the person by SMS to the mobile number in
 * KRR, or by e-mail when there is none. The text says only that there is a message, or when the
 * office will call, never what it is about: an SMS is no place for case details.
 */


/**
 * A notification (varsel) the fagsystem sent when the office wrote, or when a call-back request
 * was filed: by SMS to the mobile number in KRR, else by e-mail. It never carries what the
 * message says or what the call is about.
 */
export interface VarselRecord {
  varselId: string;
  fnr: string;
  /** The conversation and message it tells of; null for a call-back notice. */
  samtaleId: string | null;
  meldingId: string | null;
  /** The call-back request it tells of; null for a message notice. */
  ringTilbakeId: string | null;
  kanal: "SMS" | "EPOST";
  /** The number or address from KRR. */
  mottaker: string;
  language: "nb" | "nn" | "en";
  tekst: string;
  tidspunkt: string;
}

export type VarselLanguage = VarselRecord["language"];

/** What a notification needs to know of the person: who, and their contact details in KRR. */
type Recipient = { folkeregister: { fnr: string }; krr: { mobiltelefonnummer?: string | null; epostadresse?: string | null } };

export const VARSEL_TEKST: Readonly<Record<VarselLanguage, string>> = {
  nb: "Du har fått en ny melding fra NAV. Logg inn på nav.no for å lese den.",
  nn: "Du har fått ei ny melding frå NAV. Logg inn på nav.no for å lese henne.",
  en: "You have a new message from NAV. Log in at nav.no to read it.",
};

/** Where a notice goes: SMS to the mobile number in KRR, else e-mail; null when KRR has neither. */
export function kanalFor(person: Recipient): Pick<VarselRecord, "kanal" | "mottaker"> | null {
  const mobil = person.krr.mobiltelefonnummer;
  const epost = person.krr.epostadresse;
  return mobil ? { kanal: "SMS", mottaker: mobil } : epost ? { kanal: "EPOST", mottaker: epost } : null;
}

/** The notification for one office message, or null when KRR has neither a mobile number nor an e-mail address. */
export function varselFor(
  person: Recipient,
  input: { varselId: string; samtaleId: string; meldingId: string; language: VarselLanguage; tidspunkt: string },
): VarselRecord | null {
  const kanal = kanalFor(person);
  if (!kanal) return null;
  return { ...input, ringTilbakeId: null, fnr: person.folkeregister.fnr, ...kanal, tekst: VARSEL_TEKST[input.language] };
}
