/**
 * What the søknad says, in words: the title, the receiver and every section
 * with its labels and values, translated and formatted for one language. The
 * PDF (pdf.server.ts) writes exactly this, and the summary page shows exactly
 * this, so the person sees the same labels and values the NAV office reads.
 *
 * Pure: no pdfkit and no Node APIs, so it runs on the server and in the browser.
 * Every decision lives here: which sections appear, what stands in for an empty
 * list, how yes/no, dates, amounts and account numbers are written, and how codes
 * become labels. A value the person did not give is left out.
 *
 * The two differ only where they speak to different readers: the summary talks to the
 * person ("Adressen du bor på nå") and says where the søknad will go; the PDF, read by the
 * office too, speaks of "søkeren" and says where it went and when.
 */
import { countryName } from "~/i18n/country";
import { formatDate, formatDateTime, formatMoney } from "~/i18n/format";
import type { DokumentasjonStatus, SoknadAdresse, SoknadDocument, SoknadLanguage } from "./soknad-document";
import type { StepId } from "./steps";

/** A label with its value, or a bulleted list (with a label unless the section heading says it all). */
export type OutlineItem = { kind: "field"; label: string; value: string } | { kind: "list"; label: string | null; items: string[] };

export interface OutlineSection {
  /** Stable id of the section: personalia, begrunnelse, arbeid, familie, bosituasjon, inntekt, utgifter, dokumentasjon. */
  id: string;
  /** The application step that asks what the section shows: the summary's "Endre" goes there. */
  step: StepId;
  heading: string;
  items: OutlineItem[];
}

export interface SoknadOutline {
  title: string;
  /** The receiving NAV office's name. */
  receiver: string;
  /** Who the søknad went to and when (the PDF's lines under the title). */
  meta: OutlineItem[];
  sections: OutlineSection[];
}

export interface SoknadOutlineOptions {
  language: SoknadLanguage;
  /** Translation of a key such as "soknad-pdf:title" (i18next's t for the language). */
  texts: (key: string) => string;
  /**
   * "pdf" (the default): the words of the PDF, about "søkeren". "summary": the same
   * answers on the summary page, with the labels that speak of the person as "du".
   */
  view?: "pdf" | "summary";
}

/**
 * `texts` with a fallback: the translation, or `fallback` (the key itself unless
 * given) when the key has none. i18next answers a missing key with the key, with
 * or without its namespace.
 */
export function translator(texts: (key: string) => string): (key: string, fallback?: string) => string {
  return (key, fallback = key) => {
    const text = texts(key);
    return text && text !== key && text !== key.slice(key.indexOf(":") + 1) ? text : fallback;
  };
}

/** The applicant's full name as the Folkeregister has it. */
export function applicantName(document: SoknadDocument): string {
  const { navn } = document.data.personalia;
  return [navn.fornavn, navn.mellomnavn, navn.etternavn].filter(Boolean).join(" ");
}

/** Adds items to a section, leaving out what has no value. */
interface ItemWriter {
  /** A label and its value; a null, undefined or empty value leaves the item out. */
  field(label: string, value: string | null | undefined): void;
  /**
   * A bulleted list. An empty list becomes the label with `empty` as its value,
   * or is left out when there is no `empty` (or no label to put it under).
   */
  list(label: string | null, items: string[], empty?: string): void;
}

function collect(write: (writer: ItemWriter) => void): OutlineItem[] {
  const items: OutlineItem[] = [];
  const field = (label: string, value: string | null | undefined) => {
    if (value !== null && value !== undefined && value !== "") items.push({ kind: "field", label, value });
  };
  write({
    field,
    list(label, values, empty) {
      if (values.length > 0) items.push({ kind: "list", label, items: values });
      else if (label !== null) field(label, empty);
    },
  });
  return items;
}

function address(adresse: SoknadAdresse | null): string | null {
  if (!adresse) return null;
  const street = adresse.adresselinjer?.length
    ? adresse.adresselinjer.join(", ")
    : [adresse.gatenavn, [adresse.husnummer, adresse.husbokstav].filter(Boolean).join("")].filter(Boolean).join(" ");
  return [street, [adresse.postnummer, adresse.poststed].filter(Boolean).join(" ")].filter(Boolean).join(", ");
}

/** An 11-digit account number as "1234 56 78903"; anything else as it is. */
const account = (value: string | null | undefined) => (value && /^\d{11}$/.test(value) ? `${value.slice(0, 4)} ${value.slice(4, 6)} ${value.slice(6)}` : value);

/** The summary's own words for the PDF labels that speak of "søkeren": on the page, the person reads "du". */
const summaryLabels: Record<string, string> = {
  "soknad-pdf:personalia.oppholdsadresse": "soknad:summary.labels.oppholdsadresse",
  "soknad-pdf:begrunnelse.hvaSokesOm": "soknad:summary.labels.hvaSokesOm",
  "soknad-pdf:begrunnelse.hvaSokesOmAnnet": "soknad:summary.labels.hvaSokesOmAnnet",
  "soknad-pdf:begrunnelse.hvorforSoke": "soknad:summary.labels.hvorforSoke",
  "soknad-pdf:arbeid.forhold": "soknad:summary.labels.arbeidsforhold",
  "soknad-pdf:arbeid.kommentar": "soknad:summary.labels.arbeidKommentar",
  "soknad-pdf:familie.ektefelleBorSammen": "soknad:summary.labels.ektefelleBorSammen",
  "soknad-pdf:familie.folkeregistrertSammen": "soknad:summary.labels.folkeregistrertSammen",
};

/* ---------- the keys for codes (written out, so every key appears literally) ---------- */

const kategori: Record<string, string> = {
  livsopphold: "soknad-pdf:begrunnelse.kategori.livsopphold",
  husleie: "soknad-pdf:begrunnelse.kategori.husleie",
  strom: "soknad-pdf:begrunnelse.kategori.strom",
  nodhjelp: "soknad-pdf:begrunnelse.kategori.nodhjelp",
  annet: "soknad-pdf:begrunnelse.kategori.annet",
};
const nodhjelp: Record<string, string> = {
  ingenMat: "soknad-pdf:begrunnelse.nodhjelpValg.ingenMat",
  ikkeSovested: "soknad-pdf:begrunnelse.nodhjelpValg.ikkeSovested",
  stromStenges: "soknad-pdf:begrunnelse.nodhjelpValg.stromStenges",
};
const sivilstatus: Record<string, string> = {
  ugift: "soknad-pdf:familie.sivilstatusValg.ugift",
  gift: "soknad-pdf:familie.sivilstatusValg.gift",
  samboer: "soknad-pdf:familie.sivilstatusValg.samboer",
  separert: "soknad-pdf:familie.sivilstatusValg.separert",
  skilt: "soknad-pdf:familie.sivilstatusValg.skilt",
  enke: "soknad-pdf:familie.sivilstatusValg.enke",
};
const barnebidrag: Record<string, string> = {
  betaler: "soknad-pdf:familie.barnebidragValg.betaler",
  mottar: "soknad-pdf:familie.barnebidragValg.mottar",
  begge: "soknad-pdf:familie.barnebidragValg.begge",
  ingen: "soknad-pdf:familie.barnebidragValg.ingen",
};
const botype: Record<string, string> = {
  eier: "soknad-pdf:bosituasjon.botypeValg.eier",
  leier: "soknad-pdf:bosituasjon.botypeValg.leier",
  kommunal: "soknad-pdf:bosituasjon.botypeValg.kommunal",
  familieVenner: "soknad-pdf:bosituasjon.botypeValg.familieVenner",
  institusjon: "soknad-pdf:bosituasjon.botypeValg.institusjon",
  krisesenter: "soknad-pdf:bosituasjon.botypeValg.krisesenter",
  fengsel: "soknad-pdf:bosituasjon.botypeValg.fengsel",
  utenBolig: "soknad-pdf:bosituasjon.botypeValg.utenBolig",
  annet: "soknad-pdf:bosituasjon.botypeValg.annet",
};
const okonomiType: Record<string, string> = {
  studielanOgStipend: "soknad-pdf:okonomi.type.studielanOgStipend",
  barnebidrag: "soknad-pdf:okonomi.type.barnebidrag",
  utbytte: "soknad-pdf:okonomi.type.utbytte",
  salg: "soknad-pdf:okonomi.type.salg",
  leieinntekt: "soknad-pdf:okonomi.type.leieinntekt",
  forsikring: "soknad-pdf:okonomi.type.forsikring",
  brukskonto: "soknad-pdf:okonomi.type.brukskonto",
  sparekonto: "soknad-pdf:okonomi.type.sparekonto",
  bsu: "soknad-pdf:okonomi.type.bsu",
  aksjer: "soknad-pdf:okonomi.type.aksjer",
  livsforsikring: "soknad-pdf:okonomi.type.livsforsikring",
  bolig: "soknad-pdf:okonomi.type.bolig",
  kjoretoy: "soknad-pdf:okonomi.type.kjoretoy",
  fritidseiendom: "soknad-pdf:okonomi.type.fritidseiendom",
  campingvogn: "soknad-pdf:okonomi.type.campingvogn",
  husleie: "soknad-pdf:okonomi.type.husleie",
  strom: "soknad-pdf:okonomi.type.strom",
  kommunaleAvgifter: "soknad-pdf:okonomi.type.kommunaleAvgifter",
  oppvarming: "soknad-pdf:okonomi.type.oppvarming",
  boliglanAvdrag: "soknad-pdf:okonomi.type.boliglanAvdrag",
  boliglanRenter: "soknad-pdf:okonomi.type.boliglanRenter",
  barnehage: "soknad-pdf:okonomi.type.barnehage",
  sfo: "soknad-pdf:okonomi.type.sfo",
  fritidsaktiviteter: "soknad-pdf:okonomi.type.fritidsaktiviteter",
  tannregulering: "soknad-pdf:okonomi.type.tannregulering",
  medisin: "soknad-pdf:okonomi.type.medisin",
  tannlege: "soknad-pdf:okonomi.type.tannlege",
};
/** "annet" means something else in each list. */
const okonomiAnnet: Record<string, string> = {
  inntekt: "soknad-pdf:okonomi.type.inntektAnnet",
  sparing: "soknad-pdf:okonomi.type.sparingAnnet",
  eiendel: "soknad-pdf:okonomi.type.eiendelAnnet",
  bolig: "soknad-pdf:okonomi.type.boutgiftAnnet",
  barn: "soknad-pdf:okonomi.type.barneutgiftAnnet",
  annet: "soknad-pdf:okonomi.type.utgiftAnnet",
};

/** The søknad in words, section by section, in `language`. */
export function soknadOutline(document: SoknadDocument, { language, texts, view = "pdf" }: SoknadOutlineOptions): SoknadOutline {
  const translate = translator(texts);
  const t = view === "summary" ? (key: string, fallback?: string) => translate(summaryLabels[key] ?? key, fallback) : translate;
  const yesNo = (value: boolean | null | undefined) => (value === true ? t("soknad-pdf:yes") : value === false ? t("soknad-pdf:no") : null);
  const date = (value: string | null | undefined) => (value ? formatDate(value, language) : null);
  const money = (value: number | null | undefined) => (typeof value === "number" ? formatMoney(value, language) : null);
  /** The label of a code, or the code itself when it has no key or no text. */
  const labelOf = (keys: Record<string, string>, code: string) => (Object.hasOwn(keys, code) ? t(keys[code] as string, code) : code);

  const { data, mottaker } = document;
  const sections: OutlineSection[] = [];
  /** A section: its heading and items, or nothing when it has nothing to say. */
  const section = (id: string, step: StepId, headingKey: string, hasContent: boolean, write: (writer: ItemWriter) => void) => {
    if (hasContent) sections.push({ id, step, heading: t(headingKey), items: collect(write) });
  };

  const title = t(data.soknadstype === "kort" ? "soknad-pdf:titleKort" : "soknad-pdf:title");
  // The office's number means nothing to the person; the office finds it in the søknad's JSON.
  const meta = collect((out) => {
    out.field(t("soknad-pdf:meta.mottaker"), mottaker.navEnhetsnavn);
    out.field(t("soknad-pdf:meta.sendt"), formatDateTime(document.innsendingstidspunkt, language));
  });

  /* ---------- personalia ---------- */

  const { personalia } = data;
  section("personalia", "personalia", "soknad-pdf:section.personalia", true, (out) => {
    const { telefonnummer, kontonummer, oppholdsadresse } = personalia;
    out.field(t("soknad-pdf:personalia.navn"), applicantName(document));
    out.field(t("soknad-pdf:personalia.fodselsnummer"), personalia.personIdentifikator.verdi);
    out.field(t("soknad-pdf:personalia.statsborgerskap"), personalia.statsborgerskap.alle.map((code) => countryName(code, language)).join(", "));
    out.field(t("soknad-pdf:personalia.telefonnummer"), telefonnummer.verdi);
    if (telefonnummer.overstyrtAvBruker) out.field(t("soknad-pdf:personalia.telefonnummerRegister"), telefonnummer.systemverdi);
    out.field(t("soknad-pdf:personalia.kontonummer"), kontonummer.harIkkeKonto ? t("soknad-pdf:personalia.harIkkeKonto") : account(kontonummer.verdi));
    if (kontonummer.overstyrtAvBruker) out.field(t("soknad-pdf:personalia.kontonummerRegister"), account(kontonummer.systemverdi));
    out.field(t("soknad-pdf:personalia.folkeregistrertAdresse"), address(personalia.folkeregistrertAdresse));
    if (oppholdsadresse) {
      const valg = {
        folkeregistrert: t("soknad-pdf:personalia.adresseValg.folkeregistrert"),
        midlertidig: t("soknad-pdf:personalia.adresseValg.midlertidig"),
        soknad: t("soknad-pdf:personalia.adresseValg.soknad"),
      }[oppholdsadresse.adresseValg];
      out.field(t("soknad-pdf:personalia.oppholdsadresse"), `${address(oppholdsadresse)} (${valg})`);
    }
  });

  /* ---------- begrunnelse (the behov step) ---------- */

  const { begrunnelse } = data;
  const hasBegrunnelse = begrunnelse.hvaSokesOm.length > 0 || Boolean(begrunnelse.hvorforSoke) || Boolean(begrunnelse.endringSidenSist);
  section("begrunnelse", "behov", "soknad-pdf:section.begrunnelse", hasBegrunnelse, (out) => {
    out.list(t("soknad-pdf:begrunnelse.hvaSokesOm"), begrunnelse.hvaSokesOm.map((code) => labelOf(kategori, code)));
    out.field(t("soknad-pdf:begrunnelse.hvaSokesOmAnnet"), begrunnelse.hvaSokesOmAnnet);
    out.list(t("soknad-pdf:begrunnelse.nodhjelp"), begrunnelse.nodhjelp.map((code) => labelOf(nodhjelp, code)));
    out.field(t("soknad-pdf:begrunnelse.hvorforSoke"), begrunnelse.hvorforSoke);
    if (begrunnelse.endringSidenSist) {
      out.field(t("soknad-pdf:begrunnelse.endringSidenSist"), yesNo(begrunnelse.endringSidenSist.verdi));
      out.field(t("soknad-pdf:begrunnelse.endringBeskrivelse"), begrunnelse.endringSidenSist.beskrivelse);
    }
  });

  /* ---------- arbeid og utdanning ---------- */

  const { arbeid, utdanning } = data;
  section("arbeid", "arbeid", "soknad-pdf:section.arbeid", true, (out) => {
    const forhold = arbeid.forhold.map((item) =>
      [
        `${item.arbeidsgivernavn}, ${item.stillingsprosent} % ${t("soknad-pdf:arbeid.stilling")}`,
        `${t("soknad-pdf:arbeid.fra")} ${date(item.fom)}`,
        item.tom ? `${t("soknad-pdf:arbeid.til")} ${date(item.tom)}` : null,
      ]
        .filter(Boolean)
        .join(" "),
    );
    out.list(t("soknad-pdf:arbeid.forhold"), forhold, t("soknad-pdf:arbeid.ingenForhold"));
    out.field(t("soknad-pdf:arbeid.kommentar"), arbeid.kommentarTilArbeidsforhold?.verdi);
    out.field(t("soknad-pdf:arbeid.student"), yesNo(utdanning.erStudent));
    const studentgrad = { heltid: t("soknad-pdf:arbeid.studentgradValg.heltid"), deltid: t("soknad-pdf:arbeid.studentgradValg.deltid") };
    out.field(t("soknad-pdf:arbeid.studentgrad"), utdanning.studentgrad ? studentgrad[utdanning.studentgrad] : null);
  });

  /* ---------- familie ---------- */

  const { familie } = data;
  section("familie", "familie", "soknad-pdf:section.familie", true, (out) => {
    const { ektefelle } = familie.sivilstatus;
    out.field(t("soknad-pdf:familie.sivilstatus"), familie.sivilstatus.status ? labelOf(sivilstatus, familie.sivilstatus.status) : null);
    if (ektefelle) {
      const bor = yesNo(ektefelle.borSammenMed);
      const details = [ektefelle.fodselsdato ? `${t("soknad-pdf:familie.fodt")} ${date(ektefelle.fodselsdato)}` : null, bor ? `${t("soknad-pdf:familie.ektefelleBorSammen")}: ${bor}` : null];
      out.field(t("soknad-pdf:familie.ektefelle"), [ektefelle.navn, ...details].filter(Boolean).join(", "));
    }
    const barn = familie.forsorgerplikt.ansvar.map((ansvar) =>
      [
        `${ansvar.barn.navn}, ${t("soknad-pdf:familie.fodt")} ${date(ansvar.barn.fodselsdato)}`,
        `${t("soknad-pdf:familie.folkeregistrertSammen")}: ${yesNo(ansvar.erFolkeregistrertSammen)}`,
        ansvar.harDeltBosted === null ? null : `${t("soknad-pdf:familie.deltBosted")}: ${yesNo(ansvar.harDeltBosted)}`,
        ansvar.samvarsgrad === null ? null : `${t("soknad-pdf:familie.samvarsgrad")}: ${ansvar.samvarsgrad} %`,
      ]
        .filter(Boolean)
        .join(". "),
    );
    out.list(t("soknad-pdf:familie.barn"), barn, t("soknad-pdf:familie.ingenBarn"));
    const bidrag = familie.forsorgerplikt.barnebidrag?.verdi;
    out.field(t("soknad-pdf:familie.barnebidrag"), bidrag ? labelOf(barnebidrag, bidrag) : null);
  });

  /* ---------- bosituasjon ---------- */

  const { bosituasjon } = data;
  section("bosituasjon", "bosituasjon", "soknad-pdf:section.bosituasjon", bosituasjon.botype !== null || bosituasjon.antallPersoner !== null, (out) => {
    const type = bosituasjon.botype ? labelOf(botype, bosituasjon.botype) : null;
    out.field(t("soknad-pdf:bosituasjon.botype"), bosituasjon.botypeAnnet ? `${type}: ${bosituasjon.botypeAnnet}` : type);
    out.field(t("soknad-pdf:bosituasjon.antallPersoner"), bosituasjon.antallPersoner === null ? null : String(bosituasjon.antallPersoner));
  });

  /* ---------- økonomi (the inntekt and utgifter steps) ---------- */

  const { okonomi } = data;
  const post = (item: { type: string; belop?: number }, gruppe: string) => {
    const name = item.type === "annet" && Object.hasOwn(okonomiAnnet, gruppe) ? t(okonomiAnnet[gruppe] as string, item.type) : labelOf(okonomiType, item.type);
    return item.belop === undefined ? name : `${name}: ${money(item.belop)}`;
  };
  const hasOkonomi =
    okonomi.inntekt.length + okonomi.formue.length + okonomi.utgifter.length > 0 ||
    okonomi.samtykke.skatteetaten !== null ||
    okonomi.samtykke.husbanken !== null ||
    typeof okonomi.kontosaldo === "number";
  // A kort søknad asks about income only: empty lists there mean "not asked", not "none".
  const none = data.soknadstype === "standard" ? t("soknad-pdf:okonomi.ingen") : undefined;
  section("inntekt", "inntekt", "soknad-pdf:section.inntekt", hasOkonomi, (out) => {
    out.list(t("soknad-pdf:okonomi.inntekt"), okonomi.inntekt.map((item) => post(item, "inntekt")), none);
    out.list(t("soknad-pdf:okonomi.formue"), okonomi.formue.map((item) => post(item, item.gruppe)), none);
    out.field(t("soknad-pdf:okonomi.kontosaldo"), money(okonomi.kontosaldo));
    out.field(t("soknad-pdf:okonomi.samtykkeSkatteetaten"), yesNo(okonomi.samtykke.skatteetaten));
    out.field(t("soknad-pdf:okonomi.samtykkeHusbanken"), yesNo(okonomi.samtykke.husbanken));
  });
  // A kort søknad has no utgifter step.
  section("utgifter", "utgifter", "soknad-pdf:section.utgifter", hasOkonomi && data.soknadstype === "standard", (out) => {
    out.list(t("soknad-pdf:okonomi.utgifter"), okonomi.utgifter.map((item) => post(item, item.gruppe)), none);
  });

  /* ---------- dokumentasjon ---------- */

  const status: Record<DokumentasjonStatus, string> = {
    LastetOpp: t("soknad-pdf:dokumentasjon.status.LastetOpp"),
    VedleggKreves: t("soknad-pdf:dokumentasjon.status.VedleggKreves"),
    VedleggAlleredeSendt: t("soknad-pdf:dokumentasjon.status.VedleggAlleredeSendt"),
  };
  section("dokumentasjon", "dokumentasjon", "soknad-pdf:section.dokumentasjon", data.dokumentasjon.length > 0, (out) => {
    const documents = data.dokumentasjon.map((vedlegg) => {
      // Document titles live with the documentation rules (soknad-documents namespace).
      const name = t(`soknad-documents:${vedlegg.type}.title`, vedlegg.type);
      const amount = vedlegg.belop === undefined ? "" : ` (${t("soknad-pdf:dokumentasjon.belop")} ${money(vedlegg.belop)})`;
      const files = vedlegg.filer.length > 0 ? `: ${vedlegg.filer.map((file) => file.filnavn).join(", ")}` : "";
      return `${name}${amount}: ${status[vedlegg.status]}${files}`;
    });
    out.list(null, documents);
  });

  return { title, receiver: mottaker.navEnhetsnavn, meta, sections };
}
