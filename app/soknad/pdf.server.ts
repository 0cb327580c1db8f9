/**
 * The søknad as an accessible PDF: the copy the NAV office reads and the
 * applicant keeps. Tagged (PDF/UA-style structure: H1, H2, P, L/LI), with the
 * document language and title set, so screen readers read it in order and in
 * the right language.
 *
 * The font is the PDF standard Helvetica (WinAnsi), which covers æøå and the
 * rest of Western European text without embedding a font file. Characters
 * outside WinAnsi are replaced (see `winAnsi`); the exact text always travels
 * in the søknad's JSON beside the PDF.
 */
import PDFDocument from "pdfkit";
import { formatDate, formatDateTime, formatMoney } from "~/i18n/format";
import { intlLocale } from "~/i18n/languages";
import type { DokumentasjonStatus, SoknadAdresse, SoknadDocument, SoknadLanguage } from "./soknad-document";

export interface RenderSoknadPdfOptions {
  language: SoknadLanguage;
  /** Translation of a key such as "soknad-pdf:title" (i18next's t for the language). */
  texts: (key: string) => string;
  /** Tests turn compression off to read the content streams. */
  compress?: boolean;
}

const REGULAR = "Helvetica";
const BOLD = "Helvetica-Bold";

/** The characters WinAnsiEncoding has beyond Latin-1 (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ");
const REPLACEMENTS: Record<string, string> = { "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u202f": " ", "\u2009": " ", "\u200b": "", ł: "l", Ł: "L", đ: "d", Đ: "D", ı: "i" };

/**
 * Text the standard font can show: Latin-1 and WinAnsi's extras as they are, a
 * few look-alikes swapped (Intl writes U+2212 for minus and narrow spaces), other
 * letters without their accents, and "?" for the rest.
 */
export function winAnsi(value: string): string {
  let result = "";
  for (const char of value.normalize("NFC")) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\n" || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char)) result += char;
    else if (char === "\t") result += " ";
    else if (REPLACEMENTS[char] !== undefined) result += REPLACEMENTS[char];
    else {
      const base = char.normalize("NFD").replace(/\p{M}/gu, "");
      result += base !== char && [...base].every((c) => (c.codePointAt(0) ?? 0) <= 0xff) ? base : code < 0x20 ? "" : "?";
    }
  }
  return result;
}

type Struct = PDFKit.PDFStructureElement;

/** A label/value pair; a missing value leaves the line out. */
type Field = { label: string; value: string | null | undefined };

export async function renderSoknadPdf(document: SoknadDocument, { language, texts, compress = true }: RenderSoknadPdfOptions): Promise<Uint8Array> {
  /** The translation, or `fallback` when the key has none (i18next answers a missing key with the key). */
  const t = (key: string, fallback = key) => {
    const text = texts(key);
    return text && text !== key && text !== key.slice(key.indexOf(":") + 1) ? text : fallback;
  };
  const yesNo = (value: boolean | null | undefined) => (value === true ? t("soknad-pdf:yes") : value === false ? t("soknad-pdf:no") : null);
  const date = (value: string | null | undefined) => (value ? formatDate(value, language) : null);
  const money = (value: number | null | undefined) => (typeof value === "number" ? formatMoney(value, language) : null);

  const { data, mottaker } = document;
  const { personalia } = data;
  const fullName = [personalia.navn.fornavn, personalia.navn.mellomnavn, personalia.navn.etternavn].filter(Boolean).join(" ");
  const title = t(data.soknadstype === "kort" ? "soknad-pdf:titleKort" : "soknad-pdf:title");

  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    pdfVersion: "1.7",
    tagged: true,
    lang: intlLocale[language],
    displayTitle: true,
    compress,
    bufferPages: true, // page numbers are written once the page count is known
    info: { Title: title, Author: fullName, CreationDate: new Date(document.innsendingstidspunkt) },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);

  const heading = (parent: Struct, tag: "H1" | "H2", text: string) => {
    // Keep a heading together with what follows it.
    if (tag === "H2" && doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
    parent.add(
      doc.struct(tag, {}, () => {
        if (tag === "H2") doc.moveDown(0.6);
        doc.font(BOLD).fontSize(tag === "H1" ? 18 : 14).fillColor("#000000").text(winAnsi(text));
        doc.moveDown(0.3);
      }),
    );
  };

  const paragraph = (parent: Struct, { label, value }: Field) => {
    if (value === null || value === undefined || value === "") return;
    parent.add(
      doc.struct("P", {}, () => {
        doc.font(BOLD).fontSize(10).fillColor("#000000").text(winAnsi(label));
        doc.font(REGULAR).fontSize(11).text(winAnsi(value));
        doc.moveDown(0.4);
      }),
    );
  };

  /** A label (unless the heading says it all), then a bulleted list; `empty` stands in for an empty list, or nothing is written. */
  const list = (parent: Struct, label: string | null, items: string[], empty?: string) => {
    if (items.length === 0) {
      if (label !== null) paragraph(parent, { label, value: empty });
      else if (empty) parent.add(doc.struct("P", {}, () => doc.font(REGULAR).fontSize(11).text(winAnsi(empty)).moveDown(0.4)));
      return;
    }
    if (label !== null) parent.add(doc.struct("P", {}, () => doc.font(BOLD).fontSize(10).fillColor("#000000").text(winAnsi(label))));
    const l = doc.struct("L");
    parent.add(l);
    doc.font(REGULAR).fontSize(11).list(items.map(winAnsi), { structParent: l, bulletRadius: 2, textIndent: 12, bulletIndent: 4 });
    l.end();
    doc.moveDown(0.4);
  };

  /** A section: its heading and content, or nothing when it has nothing to say. */
  const section = (headingKey: string, hasContent: boolean, write: (sect: Struct) => void) => {
    if (!hasContent) return;
    const sect = doc.struct("Sect");
    root.add(sect);
    heading(sect, "H2", t(headingKey));
    write(sect);
    sect.end();
  };

  const address = (adresse: SoknadAdresse | null) => {
    if (!adresse) return null;
    const street = adresse.adresselinjer?.length
      ? adresse.adresselinjer.join(", ")
      : [adresse.gatenavn, [adresse.husnummer, adresse.husbokstav].filter(Boolean).join("")].filter(Boolean).join(" ");
    return [street, [adresse.postnummer, adresse.poststed].filter(Boolean).join(" ")].filter(Boolean).join(", ");
  };
  const account = (value: string | null | undefined) => (value && /^\d{11}$/.test(value) ? `${value.slice(0, 4)} ${value.slice(4, 6)} ${value.slice(6)}` : value);

  /* ---------- title and receiver ---------- */

  heading(root, "H1", title);
  paragraph(root, { label: t("soknad-pdf:meta.mottaker"), value: `${mottaker.navEnhetsnavn} (${mottaker.enhetsnummer})` });
  paragraph(root, { label: t("soknad-pdf:meta.sendt"), value: formatDateTime(document.innsendingstidspunkt, language) });

  /* ---------- personalia ---------- */

  section("soknad-pdf:section.personalia", true, (sect) => {
    const { telefonnummer, kontonummer, oppholdsadresse } = personalia;
    paragraph(sect, { label: t("soknad-pdf:personalia.navn"), value: fullName });
    paragraph(sect, { label: t("soknad-pdf:personalia.fodselsnummer"), value: personalia.personIdentifikator.verdi });
    paragraph(sect, { label: t("soknad-pdf:personalia.statsborgerskap"), value: personalia.statsborgerskap.alle.join(", ") });
    paragraph(sect, { label: t("soknad-pdf:personalia.telefonnummer"), value: telefonnummer.verdi });
    if (telefonnummer.overstyrtAvBruker) paragraph(sect, { label: t("soknad-pdf:personalia.telefonnummerRegister"), value: telefonnummer.systemverdi });
    paragraph(sect, { label: t("soknad-pdf:personalia.kontonummer"), value: kontonummer.harIkkeKonto ? t("soknad-pdf:personalia.harIkkeKonto") : account(kontonummer.verdi) });
    if (kontonummer.overstyrtAvBruker) paragraph(sect, { label: t("soknad-pdf:personalia.kontonummerRegister"), value: account(kontonummer.systemverdi) });
    paragraph(sect, { label: t("soknad-pdf:personalia.folkeregistrertAdresse"), value: address(personalia.folkeregistrertAdresse) });
    if (oppholdsadresse) {
      const valg = {
        folkeregistrert: t("soknad-pdf:personalia.adresseValg.folkeregistrert"),
        midlertidig: t("soknad-pdf:personalia.adresseValg.midlertidig"),
        soknad: t("soknad-pdf:personalia.adresseValg.soknad"),
      }[oppholdsadresse.adresseValg];
      paragraph(sect, { label: t("soknad-pdf:personalia.oppholdsadresse"), value: `${address(oppholdsadresse)} (${valg})` });
    }
  });

  /* ---------- begrunnelse ---------- */

  const { begrunnelse } = data;
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
  const labelOf = (keys: Record<string, string>, code: string) => (Object.hasOwn(keys, code) ? t(keys[code] as string, code) : code);
  section(
    "soknad-pdf:section.begrunnelse",
    begrunnelse.hvaSokesOm.length > 0 || Boolean(begrunnelse.hvorforSoke) || Boolean(begrunnelse.endringSidenSist),
    (sect) => {
      list(sect, t("soknad-pdf:begrunnelse.hvaSokesOm"), begrunnelse.hvaSokesOm.map((code) => labelOf(kategori, code)));
      paragraph(sect, { label: t("soknad-pdf:begrunnelse.hvaSokesOmAnnet"), value: begrunnelse.hvaSokesOmAnnet });
      list(sect, t("soknad-pdf:begrunnelse.nodhjelp"), begrunnelse.nodhjelp.map((code) => labelOf(nodhjelp, code)));
      paragraph(sect, { label: t("soknad-pdf:begrunnelse.hvorforSoke"), value: begrunnelse.hvorforSoke });
      if (begrunnelse.endringSidenSist) {
        paragraph(sect, { label: t("soknad-pdf:begrunnelse.endringSidenSist"), value: yesNo(begrunnelse.endringSidenSist.verdi) });
        paragraph(sect, { label: t("soknad-pdf:begrunnelse.endringBeskrivelse"), value: begrunnelse.endringSidenSist.beskrivelse });
      }
    },
  );

  /* ---------- arbeid og utdanning ---------- */

  const { arbeid, utdanning } = data;
  section("soknad-pdf:section.arbeid", true, (sect) => {
    const forhold = arbeid.forhold.map((item) =>
      [
        `${item.arbeidsgivernavn}, ${item.stillingsprosent} % ${t("soknad-pdf:arbeid.stilling")}`,
        `${t("soknad-pdf:arbeid.fra")} ${date(item.fom)}`,
        item.tom ? `${t("soknad-pdf:arbeid.til")} ${date(item.tom)}` : null,
      ]
        .filter(Boolean)
        .join(" "),
    );
    list(sect, t("soknad-pdf:arbeid.forhold"), forhold, t("soknad-pdf:arbeid.ingenForhold"));
    paragraph(sect, { label: t("soknad-pdf:arbeid.kommentar"), value: arbeid.kommentarTilArbeidsforhold?.verdi });
    paragraph(sect, { label: t("soknad-pdf:arbeid.student"), value: yesNo(utdanning.erStudent) });
    const studentgrad = { heltid: t("soknad-pdf:arbeid.studentgradValg.heltid"), deltid: t("soknad-pdf:arbeid.studentgradValg.deltid") };
    paragraph(sect, { label: t("soknad-pdf:arbeid.studentgrad"), value: utdanning.studentgrad ? studentgrad[utdanning.studentgrad] : null });
  });

  /* ---------- familie ---------- */

  const { familie } = data;
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
  section("soknad-pdf:section.familie", true, (sect) => {
    const { ektefelle } = familie.sivilstatus;
    paragraph(sect, { label: t("soknad-pdf:familie.sivilstatus"), value: familie.sivilstatus.status ? labelOf(sivilstatus, familie.sivilstatus.status) : null });
    if (ektefelle) {
      const bor = yesNo(ektefelle.borSammenMed);
      const details = [ektefelle.fodselsdato ? `${t("soknad-pdf:familie.fodt")} ${date(ektefelle.fodselsdato)}` : null, bor ? `${t("soknad-pdf:familie.ektefelleBorSammen")}: ${bor}` : null];
      paragraph(sect, { label: t("soknad-pdf:familie.ektefelle"), value: [ektefelle.navn, ...details].filter(Boolean).join(", ") });
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
    list(sect, t("soknad-pdf:familie.barn"), barn, t("soknad-pdf:familie.ingenBarn"));
    const bidrag = familie.forsorgerplikt.barnebidrag?.verdi;
    paragraph(sect, { label: t("soknad-pdf:familie.barnebidrag"), value: bidrag ? labelOf(barnebidrag, bidrag) : null });
  });

  /* ---------- bosituasjon ---------- */

  const { bosituasjon } = data;
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
  section("soknad-pdf:section.bosituasjon", bosituasjon.botype !== null || bosituasjon.antallPersoner !== null, (sect) => {
    const type = bosituasjon.botype ? labelOf(botype, bosituasjon.botype) : null;
    paragraph(sect, { label: t("soknad-pdf:bosituasjon.botype"), value: bosituasjon.botypeAnnet ? `${type}: ${bosituasjon.botypeAnnet}` : type });
    paragraph(sect, { label: t("soknad-pdf:bosituasjon.antallPersoner"), value: bosituasjon.antallPersoner === null ? null : String(bosituasjon.antallPersoner) });
  });

  /* ---------- økonomi ---------- */

  const { okonomi } = data;
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
  // "annet" means something else in each list.
  const annet: Record<string, string> = {
    inntekt: "soknad-pdf:okonomi.type.inntektAnnet",
    sparing: "soknad-pdf:okonomi.type.sparingAnnet",
    eiendel: "soknad-pdf:okonomi.type.eiendelAnnet",
    bolig: "soknad-pdf:okonomi.type.boutgiftAnnet",
    barn: "soknad-pdf:okonomi.type.barneutgiftAnnet",
    annet: "soknad-pdf:okonomi.type.utgiftAnnet",
  };
  const post = (item: { type: string; belop?: number }, gruppe: string) => {
    const name = item.type === "annet" && Object.hasOwn(annet, gruppe) ? t(annet[gruppe] as string, item.type) : labelOf(okonomiType, item.type);
    return item.belop === undefined ? name : `${name}: ${money(item.belop)}`;
  };
  const hasOkonomi =
    okonomi.inntekt.length + okonomi.formue.length + okonomi.utgifter.length > 0 ||
    okonomi.samtykke.skatteetaten !== null ||
    okonomi.samtykke.husbanken !== null ||
    typeof okonomi.kontosaldo === "number";
  section("soknad-pdf:section.okonomi", hasOkonomi, (sect) => {
    // A kort søknad asks about income only: empty lists there mean "not asked", not "none".
    const none = data.soknadstype === "standard" ? t("soknad-pdf:okonomi.ingen") : undefined;
    list(sect, t("soknad-pdf:okonomi.inntekt"), okonomi.inntekt.map((item) => post(item, "inntekt")), none);
    list(sect, t("soknad-pdf:okonomi.formue"), okonomi.formue.map((item) => post(item, item.gruppe)), none);
    paragraph(sect, { label: t("soknad-pdf:okonomi.kontosaldo"), value: money(okonomi.kontosaldo) });
    list(sect, t("soknad-pdf:okonomi.utgifter"), okonomi.utgifter.map((item) => post(item, item.gruppe)), none);
    paragraph(sect, { label: t("soknad-pdf:okonomi.samtykkeSkatteetaten"), value: yesNo(okonomi.samtykke.skatteetaten) });
    paragraph(sect, { label: t("soknad-pdf:okonomi.samtykkeHusbanken"), value: yesNo(okonomi.samtykke.husbanken) });
  });

  /* ---------- dokumentasjon ---------- */

  const status: Record<DokumentasjonStatus, string> = {
    LastetOpp: t("soknad-pdf:dokumentasjon.status.LastetOpp"),
    VedleggKreves: t("soknad-pdf:dokumentasjon.status.VedleggKreves"),
    VedleggAlleredeSendt: t("soknad-pdf:dokumentasjon.status.VedleggAlleredeSendt"),
  };
  section("soknad-pdf:section.dokumentasjon", data.dokumentasjon.length > 0, (sect) => {
    const documents = data.dokumentasjon.map((vedlegg) => {
      // Document titles live with the documentation rules (soknad-documents namespace).
      const name = t(`soknad-documents:${vedlegg.type}.title`, vedlegg.type);
      const amount = vedlegg.belop === undefined ? "" : ` (${t("soknad-pdf:dokumentasjon.belop")} ${money(vedlegg.belop)})`;
      const files = vedlegg.filer.length > 0 ? `: ${vedlegg.filer.map((file) => file.filnavn).join(", ")}` : "";
      return `${name}${amount}: ${status[vedlegg.status]}${files}`;
    });
    list(sect, null, documents);
  });

  root.end();

  /* ---------- page numbers, as artifacts outside the structure ---------- */

  const pages = doc.bufferedPageRange();
  for (let index = pages.start; index < pages.start + pages.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not start a new page
    doc.markContent("Artifact", { type: "Pagination" });
    doc
      .font(REGULAR)
      .fontSize(9)
      .fillColor("#333333")
      .text(`${winAnsi(t("soknad-pdf:page"))} ${index + 1} / ${pages.count}`, doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: "center",
        lineBreak: false,
      });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }

  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
