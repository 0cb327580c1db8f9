/**
 * The register data a søknad is prefilled from, fetched through the fagsystem client.
 * Registers that answer nothing useful leave their part empty rather than stopping the person.
 */
import { fagsystem, FagsystemError } from "~/fagsystem/client.server";
import type { FolkeregisterPerson, NavKontor } from "~/fagsystem/contract";
import type { SoknadRegister } from "./soknad-document";
import { registerDataFrom } from "./rules";
import type { RegisterSource, RegisterView } from "./step-view";
import { logFor } from "~/log.server";

const log = logFor("soknad");

async function optional<T>(work: Promise<T>, onFailure?: () => void): Promise<T | null> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof FagsystemError) {
      log.error({ err: error }, "a register could not answer: the step is shown without it");
      onFailure?.();
      return null;
    }
    throw error;
  }
}

const formatAddress = (address: FolkeregisterPerson["bostedsadresse"]) =>
  address
    ? `${[address.adressenavn, address.husnummer, address.husbokstav].filter(Boolean).join(" ")}, ${address.postnummer} ${address.poststed}`
    : null;

/** Loads what the steps show and validate against. Throws FagsystemError if the folkeregister is down. */
export async function loadRegister(
  fnr: string,
): Promise<{ view: RegisterView; person: FolkeregisterPerson; office: NavKontor | null; forDocument: SoknadRegister }> {
  const person = await fagsystem.folkeregisterPerson(fnr);
  const address = person.oppholdsadresse ?? person.bostedsadresse;
  const notFetched: RegisterSource[] = [];
  const [krr, konto, employments, office] = await Promise.all([
    optional(fagsystem.krrKontaktinfo(fnr), () => notFetched.push("krr")),
    optional(fagsystem.kontoregisterKonto(fnr), () => notFetched.push("kontoregister")),
    optional(fagsystem.aaregArbeidsforhold(fnr), () => notFetched.push("aareg")),
    address ? optional(fagsystem.navKontor(address.kommunenummer)) : Promise.resolve(null),
  ]);
  const data = registerDataFrom(person);
  const view: RegisterView = {
    data,
    name: [person.navn.fornavn, person.navn.mellomnavn, person.navn.etternavn].filter(Boolean).join(" "),
    fnr: person.fnr,
    citizenship: person.statsborgerskap,
    registeredAddress: formatAddress(person.bostedsadresse),
    temporaryAddress: formatAddress(person.oppholdsadresse),
    phone: krr?.mobiltelefonnummer ?? null,
    accountNumber: konto?.kontonummer ?? null,
    employments: (employments ?? []).map((employment) => ({
      employer: employment.arbeidsgiver.navn,
      from: employment.fom,
      to: employment.tom ?? null,
      percent: employment.stillingsprosent,
    })),
    maritalStatus: person.sivilstand,
    children: person.barn.map((child) => ({
      name: [child.navn.fornavn, child.navn.etternavn].join(" "),
      birthDate: child.fodselsdato,
      livesWithApplicant: child.folkeregistrertSammen,
    })),
    office: office ? { name: office.navn, municipality: office.kommunenavn, phone: office.telefon } : null,
    notFetched,
  };
  const forDocument: SoknadRegister = { person, phone: view.phone, accountNumber: view.accountNumber, employments: employments ?? [] };
  return { view, person, office, forDocument };
}

/**
 * Income from registers for the income step. Skatteetaten and Husbanken are asked only when
 * the person has said yes; a register that does not answer shows as "could not fetch".
 */
export async function loadIncome(fnr: string, consent: { skattConsent?: string; bostotteConsent?: string } | undefined): Promise<NonNullable<RegisterView["income"]>> {
  const [payments, tax, bostotte] = await Promise.all([
    optional(fagsystem.navUtbetalinger(fnr)),
    consent?.skattConsent === "ja" ? optional(fagsystem.skatteetatenInntekt(fnr)) : Promise.resolve(null),
    consent?.bostotteConsent === "ja" ? optional(fagsystem.husbankenBostotte(fnr)) : Promise.resolve(null),
  ]);
  return {
    navPayments: payments ? payments.map((payment) => ({ benefit: payment.ytelse, amount: payment.nettobelop, date: payment.utbetalingsdato })) : null,
    tax: tax ? tax.map((row) => ({ payer: row.opplysningspliktig, month: row.maaned, gross: row.bruttoinntekt, withheld: row.forskuddstrekk })) : null,
    bostotte: bostotte ? bostotte.utbetalinger.map((row) => ({ date: row.utbetalingsdato, amount: row.belop })) : null,
  };
}
