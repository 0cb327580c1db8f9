/**
 * The letters the simulated caseworker sends: vedtak, request for documents and
 * foreløpig svar, as real PDFs (pdfkit, tagged, with the document language set)
 * in the applicant's language. What a letter says is built as plain content
 * first (testable text), then laid out by `renderLetter`. The answers to a
 * complaint (klage) are in klage-letters.ts, on the same frame.
 */
import PDFDocument from "pdfkit";
import type { NavKontor } from "../app/fagsystem/contract";
import { personName, type PersonRecord } from "./personas";

export type LetterLanguage = "nb" | "nn" | "en";

export interface LetterSection {
  heading?: string;
  paragraphs: string[];
  list?: string[];
}

export interface LetterContent {
  language: LetterLanguage;
  title: string;
  /** Sender, top left. */
  sender: string[];
  recipient: string[];
  /** Date and reference lines. */
  meta: string[];
  sections: LetterSection[];
  closing: string[];
}

export interface LetterBase {
  language: LetterLanguage;
  office: NavKontor | undefined;
  person: PersonRecord;
  now: Date;
}

const LANGUAGE_TAG: Record<LetterLanguage, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };
/** Nynorsk month names are the bokmål ones; Intl has no nynorsk data everywhere. */
const LOCALE: Record<LetterLanguage, string> = { nb: "nb-NO", nn: "nb-NO", en: "en-GB" };

export const formatInstant = (language: LetterLanguage, instant: Date) =>
  new Intl.DateTimeFormat(LOCALE[language], { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Oslo" }).format(instant);
/** A YYYY-MM-DD date in words. */
const formatDate = (language: LetterLanguage, date: string) =>
  new Intl.DateTimeFormat(LOCALE[language], { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T12:00:00Z`));
/** Whole kroner without decimals, øre always with two digits (as the portal writes amounts). */
const formatAmount = (language: LetterLanguage, amount: number) => {
  const ore = Math.round(amount * 100);
  const digits = ore % 100 === 0 ? 0 : 2;
  const number = new Intl.NumberFormat(LOCALE[language], { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ore / 100 + 0);
  return language === "en" ? `NOK ${number}` : `${number} kroner`;
};

export const officeName = (base: LetterBase) => base.office?.navn ?? "NAV";

export function frame(base: LetterBase, title: string, reference: string | null, sections: LetterSection[]): LetterContent {
  const { language, person, office } = base;
  const address = person.folkeregister.bostedsadresse;
  const recipient = [personName(person)];
  if (address) {
    recipient.push([address.adressenavn, address.husnummer, address.husbokstav].filter(Boolean).join(" ").replace(/(\d) ([A-Z])$/, "$1$2"));
    recipient.push(`${address.postnummer} ${address.poststed}`);
  }
  const labels = {
    nb: { date: "Dato", reference: "Saksreferanse", phone: "Telefon", closing: "Med vennlig hilsen" },
    nn: { date: "Dato", reference: "Saksreferanse", phone: "Telefon", closing: "Med venleg helsing" },
    en: { date: "Date", reference: "Case reference", phone: "Phone", closing: "Yours sincerely" },
  }[language];
  return {
    language,
    title,
    sender: office ? [office.navn, `${labels.phone} ${office.telefon}`] : ["NAV"],
    recipient,
    meta: [`${labels.date}: ${formatInstant(language, base.now)}`, ...(reference ? [`${labels.reference}: ${reference}`] : [])],
    sections,
    closing: [labels.closing, officeName(base)],
  };
}

/* ---------- vedtak ---------- */

export type Utfall = "INNVILGET" | "DELVIS_INNVILGET" | "AVSLATT" | "AVVIST";

export interface VedtakInput extends LetterBase {
  saksreferanse: string;
  sakstittel: string | null;
  /** When the søknad arrived (ISO), if known. */
  mottatt: string | null;
  utfall: Utfall;
  belop?: number;
  fom?: string;
  tom?: string;
  begrunnelse?: string;
  paragraf19: boolean;
  /** A new decision after a complaint: replaces the opening paragraphs. */
  intro?: string[];
  /** Replaces the section on how to complain (a decision that follows the Statsforvalter's cannot be appealed). */
  klageSection?: LetterSection;
}

const vedtakTexts = {
  nb: {
    title: "Vedtak om økonomisk sosialhjelp",
    intro: (mottatt: string | null) =>
      mottatt ? `Vi har behandlet søknaden din om økonomisk sosialhjelp, som vi mottok ${mottatt}.` : "Vi har behandlet søknaden din om økonomisk sosialhjelp.",
    sak: (tittel: string) => `Saken gjelder: ${tittel}.`,
    decisionHeading: "Vedtak",
    outcome: {
      INNVILGET: "Du får økonomisk sosialhjelp. Søknaden din er innvilget.",
      DELVIS_INNVILGET: "Søknaden din er delvis innvilget. Det betyr at du får noe, men ikke alt du søkte om.",
      AVSLATT: "Søknaden din om økonomisk sosialhjelp er avslått.",
      AVVIST: "Søknaden din er avvist. Det betyr at vi ikke har vurdert om du har rett til stønad.",
    },
    amount: (amount: string) => `Du får ${amount}.`,
    period: (fom: string, tom: string) => `Stønaden gjelder for perioden ${fom} til ${tom}.`,
    from: (fom: string) => `Stønaden gjelder fra ${fom}.`,
    paid: "Pengene blir utbetalt til kontoen din. Du ser utbetalingene når du logger inn på nav.no.",
    reasonsHeading: "Begrunnelse",
    reasons: {
      INNVILGET:
        "Vi har vurdert den økonomiske situasjonen din og kommet fram til at du ikke klarer å forsørge deg selv gjennom arbeid, ved å gjøre gjeldende økonomiske rettigheter eller på annen måte.",
      DELVIS_INNVILGET: "Vi har vurdert behovet ditt og kommet fram til at du har rett til stønad, men ikke til hele beløpet du søkte om.",
      AVSLATT: "Vi har vurdert inntektene og utgiftene dine og kommet fram til at du har nok til å dekke nødvendige utgifter til livsopphold i perioden.",
      AVVIST: "Søknaden manglet opplysninger vi trenger for å behandle den, og vi fikk dem ikke innen fristen.",
    },
    lawHeading: "Lovgrunnlag",
    law18:
      "Vedtaket er gjort etter lov om sosiale tjenester i arbeids- og velferdsforvaltningen (sosialtjenesteloven) § 18. Etter § 18 har den som ikke kan sørge for sitt livsopphold gjennom arbeid eller ved å gjøre gjeldende økonomiske rettigheter, krav på økonomisk stønad.",
    law19:
      "Vi har også vurdert søknaden etter sosialtjenesteloven § 19. Etter § 19 kan kommunen gi stønad i særlige tilfeller, for å hjelpe deg med å overvinne eller tilpasse deg en vanskelig livssituasjon.",
    complaintHeading: "Du kan klage",
    complaint: (office: string) => [
      `Hvis du er uenig i vedtaket, kan du klage. Klagefristen er tre uker fra den dagen du fikk dette brevet. Send klagen til ${office}.`,
      "Skriv hvilket vedtak du klager på, hvorfor du er uenig, og hva du ønsker å få endret. Du kan klage digitalt på nav.no eller levere klagen på NAV-kontoret.",
      "NAV-kontoret vurderer saken på nytt og kan endre vedtaket. Hvis kontoret ikke gir deg medhold, sender det klagen videre til Statsforvalteren, som avgjør saken.",
      "Klagen behandles etter sosialtjenesteloven § 48 og forvaltningsloven kapittel VI. Du har rett til å se dokumentene i saken din (forvaltningsloven § 18).",
    ],
  },
  nn: {
    title: "Vedtak om økonomisk sosialhjelp",
    intro: (mottatt: string | null) =>
      mottatt ? `Vi har handsama søknaden din om økonomisk sosialhjelp, som vi fekk ${mottatt}.` : "Vi har handsama søknaden din om økonomisk sosialhjelp.",
    sak: (tittel: string) => `Saka gjeld: ${tittel}.`,
    decisionHeading: "Vedtak",
    outcome: {
      INNVILGET: "Du får økonomisk sosialhjelp. Søknaden din er innvilga.",
      DELVIS_INNVILGET: "Søknaden din er delvis innvilga. Det tyder at du får noko, men ikkje alt du søkte om.",
      AVSLATT: "Søknaden din om økonomisk sosialhjelp er avslegen.",
      AVVIST: "Søknaden din er avvist. Det tyder at vi ikkje har vurdert om du har rett til stønad.",
    },
    amount: (amount: string) => `Du får ${amount}.`,
    period: (fom: string, tom: string) => `Stønaden gjeld for perioden ${fom} til ${tom}.`,
    from: (fom: string) => `Stønaden gjeld frå ${fom}.`,
    paid: "Pengane blir utbetalte til kontoen din. Du ser utbetalingane når du loggar inn på nav.no.",
    reasonsHeading: "Grunngiving",
    reasons: {
      INNVILGET:
        "Vi har vurdert den økonomiske situasjonen din og kome fram til at du ikkje klarer å forsørgje deg sjølv gjennom arbeid, ved å gjere gjeldande økonomiske rettar eller på annan måte.",
      DELVIS_INNVILGET: "Vi har vurdert behovet ditt og kome fram til at du har rett til stønad, men ikkje til heile beløpet du søkte om.",
      AVSLATT: "Vi har vurdert inntektene og utgiftene dine og kome fram til at du har nok til å dekkje nødvendige utgifter til livsopphald i perioden.",
      AVVIST: "Søknaden mangla opplysningar vi treng for å handsame han, og vi fekk dei ikkje innan fristen.",
    },
    lawHeading: "Lovgrunnlag",
    law18:
      "Vedtaket er gjort etter lov om sosiale tenester i arbeids- og velferdsforvaltninga (sosialtenestelova) § 18. Etter § 18 har den som ikkje kan syte for livsopphaldet sitt gjennom arbeid eller ved å gjere gjeldande økonomiske rettar, krav på økonomisk stønad.",
    law19:
      "Vi har også vurdert søknaden etter sosialtenestelova § 19. Etter § 19 kan kommunen gje stønad i særlege tilfelle, for å hjelpe deg med å overvinne eller tilpasse deg ein vanskeleg livssituasjon.",
    complaintHeading: "Du kan klage",
    complaint: (office: string) => [
      `Dersom du er ueinig i vedtaket, kan du klage. Klagefristen er tre veker frå den dagen du fekk dette brevet. Send klaga til ${office}.`,
      "Skriv kva vedtak du klagar på, kvifor du er ueinig, og kva du ønskjer å få endra. Du kan klage digitalt på nav.no eller levere klaga på NAV-kontoret.",
      "NAV-kontoret vurderer saka på nytt og kan endre vedtaket. Dersom kontoret ikkje gjev deg medhald, sender det klaga vidare til Statsforvaltaren, som avgjer saka.",
      "Klaga blir handsama etter sosialtenestelova § 48 og forvaltningslova kapittel VI. Du har rett til å sjå dokumenta i saka di (forvaltningslova § 18).",
    ],
  },
  en: {
    title: "Decision on financial social assistance",
    intro: (mottatt: string | null) =>
      mottatt ? `We have processed your application for financial social assistance, which we received on ${mottatt}.` : "We have processed your application for financial social assistance.",
    sak: (tittel: string) => `The case concerns: ${tittel}.`,
    decisionHeading: "Decision",
    outcome: {
      INNVILGET: "You will receive financial social assistance. Your application has been granted.",
      DELVIS_INNVILGET: "Your application has been partly granted. This means you will receive some, but not all, of what you applied for.",
      AVSLATT: "Your application for financial social assistance has been refused.",
      AVVIST: "Your application has been dismissed. This means we have not assessed whether you are entitled to assistance.",
    },
    amount: (amount: string) => `You will receive ${amount}.`,
    period: (fom: string, tom: string) => `The assistance covers the period from ${fom} to ${tom}.`,
    from: (fom: string) => `The assistance applies from ${fom}.`,
    paid: "The money will be paid into your bank account. You can see the payments when you log in on nav.no.",
    reasonsHeading: "Reasons",
    reasons: {
      INNVILGET:
        "We have assessed your financial situation and found that you cannot support yourself through work, by claiming financial rights you have, or in any other way.",
      DELVIS_INNVILGET: "We have assessed your needs and found that you are entitled to assistance, but not to the full amount you applied for.",
      AVSLATT: "We have assessed your income and expenses and found that you have enough to cover necessary living expenses in the period.",
      AVVIST: "The application lacked information we need to process it, and we did not receive it by the deadline.",
    },
    lawHeading: "Legal basis",
    law18:
      "This decision is made under section 18 of the Act on Social Services in the Labour and Welfare Administration (the Social Services Act). Under section 18, anyone who cannot support themselves through work or by claiming financial rights is entitled to financial assistance.",
    law19:
      "We have also assessed the application under section 19 of the Social Services Act. Under section 19, the municipality may grant assistance in special cases, to help you overcome or adapt to a difficult situation in life.",
    complaintHeading: "You can appeal",
    complaint: (office: string) => [
      `If you disagree with the decision, you can appeal. You must appeal within three weeks of the day you got this letter. Send your appeal to ${office}.`,
      "Say which decision you are appealing against, why you disagree and what you want changed. You can appeal digitally on nav.no or hand in your appeal at the NAV office.",
      "The NAV office will look at the case again and may change the decision. If the office does not change it, it sends your appeal to the County Governor (Statsforvalteren), who makes the final decision.",
      "Appeals are handled under section 48 of the Social Services Act and chapter VI of the Public Administration Act. You have the right to see the documents in your case (Public Administration Act, section 18).",
    ],
  },
} as const;

export function vedtakLetter(input: VedtakInput): LetterContent {
  const { language } = input;
  const t = vedtakTexts[language];
  const granted = input.utfall === "INNVILGET" || input.utfall === "DELVIS_INNVILGET";
  const decision: string[] = [t.outcome[input.utfall]];
  if (granted && input.belop !== undefined) decision.push(t.amount(formatAmount(language, input.belop)));
  if (granted && input.fom && input.tom) decision.push(t.period(formatDate(language, input.fom), formatDate(language, input.tom)));
  else if (granted && input.fom) decision.push(t.from(formatDate(language, input.fom)));
  if (granted && input.belop !== undefined) decision.push(t.paid);

  const intro: string[] = input.intro ? [...input.intro] : [t.intro(input.mottatt ? formatInstant(language, new Date(input.mottatt)) : null)];
  if (input.sakstittel) intro.push(t.sak(input.sakstittel));
  return frame(input, t.title, input.saksreferanse, [
    { paragraphs: intro },
    { heading: t.decisionHeading, paragraphs: decision },
    { heading: t.reasonsHeading, paragraphs: [input.begrunnelse?.trim() || t.reasons[input.utfall]] },
    { heading: t.lawHeading, paragraphs: input.paragraf19 ? [t.law18, t.law19] : [t.law18] },
    input.klageSection ?? { heading: t.complaintHeading, paragraphs: [...t.complaint(officeName(input))] },
  ]);
}

/* ---------- dokumentasjon etterspurt ---------- */

export interface EtterspurtInput extends LetterBase {
  dokumenter: { dokumenttype: string; tilleggsinformasjon?: string; innsendelsesfrist: string }[];
}

const etterspurtTexts = {
  nb: {
    title: "Vi trenger flere opplysninger",
    withdrawnTitle: "Vi trenger ikke lenger dokumentasjon",
    intro: "For å behandle søknaden din om økonomisk sosialhjelp trenger vi dokumentasjonen nedenfor. Last den opp på nav.no eller lever den på NAV-kontoret innen fristen.",
    item: (type: string, frist: string, info?: string) => `${type} (frist ${frist})${info ? `: ${info}` : ""}`,
    late: "Hvis vi ikke får dokumentasjonen innen fristen, behandler vi søknaden med de opplysningene vi har. Det kan føre til at du får avslag. Ta kontakt med NAV-kontoret hvis du trenger mer tid.",
    withdrawn: "Vi trenger ikke lenger dokumentasjonen vi ba om. Du trenger ikke å gjøre noe.",
  },
  nn: {
    title: "Vi treng fleire opplysningar",
    withdrawnTitle: "Vi treng ikkje lenger dokumentasjon",
    intro: "For å handsame søknaden din om økonomisk sosialhjelp treng vi dokumentasjonen nedanfor. Last han opp på nav.no eller lever han på NAV-kontoret innan fristen.",
    item: (type: string, frist: string, info?: string) => `${type} (frist ${frist})${info ? `: ${info}` : ""}`,
    late: "Dersom vi ikkje får dokumentasjonen innan fristen, handsamar vi søknaden med dei opplysningane vi har. Det kan føre til at du får avslag. Ta kontakt med NAV-kontoret dersom du treng meir tid.",
    withdrawn: "Vi treng ikkje lenger dokumentasjonen vi bad om. Du treng ikkje gjere noko.",
  },
  en: {
    title: "We need more information",
    withdrawnTitle: "We no longer need documents",
    intro: "To process your application for financial social assistance, we need the documents listed below. Upload them on nav.no or hand them in at the NAV office by the deadline.",
    item: (type: string, frist: string, info?: string) => `${type} (deadline ${frist})${info ? `: ${info}` : ""}`,
    late: "If we do not receive the documents by the deadline, we will process your application with the information we have. This may lead to a refusal. Contact the NAV office if you need more time.",
    withdrawn: "We no longer need the documents we asked for. You do not need to do anything.",
  },
} as const;

export function etterspurtLetter(input: EtterspurtInput): LetterContent {
  const t = etterspurtTexts[input.language];
  if (input.dokumenter.length === 0) return frame(input, t.withdrawnTitle, null, [{ paragraphs: [t.withdrawn] }]);
  const list = input.dokumenter.map((dokument) => t.item(dokument.dokumenttype, formatDate(input.language, dokument.innsendelsesfrist), dokument.tilleggsinformasjon));
  return frame(input, t.title, null, [{ paragraphs: [t.intro], list }, { paragraphs: [t.late] }]);
}

/* ---------- foreløpig svar ---------- */

export interface ForelopigSvarInput extends LetterBase {
  /** The date the applicant can expect an answer by (YYYY-MM-DD). */
  svarInnen: string;
}

const forelopigTexts = {
  nb: {
    title: "Foreløpig svar",
    body: (date: string) => [
      "Vi har mottatt søknaden din om økonomisk sosialhjelp. Behandlingen tar lengre tid enn vanlig.",
      `Vi regner med å gi deg svar innen ${date}.`,
      "Ta kontakt med NAV-kontoret hvis situasjonen din endrer seg, eller hvis du trenger hjelp raskt.",
    ],
  },
  nn: {
    title: "Førebels svar",
    body: (date: string) => [
      "Vi har fått søknaden din om økonomisk sosialhjelp. Handsaminga tek lengre tid enn vanleg.",
      `Vi reknar med å gje deg svar innan ${date}.`,
      "Ta kontakt med NAV-kontoret dersom situasjonen din endrar seg, eller dersom du treng hjelp raskt.",
    ],
  },
  en: {
    title: "Preliminary reply",
    body: (date: string) => [
      "We have received your application for financial social assistance. Processing it will take longer than usual.",
      `We expect to give you an answer by ${date}.`,
      "Contact the NAV office if your situation changes or if you need help urgently.",
    ],
  },
} as const;

export function forelopigSvarLetter(input: ForelopigSvarInput): LetterContent {
  const t = forelopigTexts[input.language];
  return frame(input, t.title, null, [{ paragraphs: t.body(formatDate(input.language, input.svarInnen)) }]);
}

/* ---------- layout ---------- */

/** The standard font's character set (Latin-1 and WinAnsi's extras); anything else becomes "?". */
function winAnsi(value: string): string {
  return value
    .normalize("NFC")
    .replace(/[\u2212\u2010\u2011]/g, "-")
    .replace(/[\u202f\u2009]/g, " ")
    .replace(/[^\n\x20-\x7e\xa0-\xff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]/g, "?");
}

export async function renderLetter(letter: LetterContent, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 56, bottom: 64, left: 64, right: 64 },
    pdfVersion: "1.7",
    tagged: true,
    lang: LANGUAGE_TAG[letter.language],
    displayTitle: true,
    compress: options.compress ?? true,
    info: { Title: letter.title, Author: letter.closing.at(-1) ?? "NAV" },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });

  const root = doc.struct("Document");
  doc.addStructure(root);
  const paragraph = (parent: PDFKit.PDFStructureElement, lines: string[], font = "Helvetica", size = 11, gap = 0.6) =>
    parent.add(
      doc.struct("P", {}, () => {
        doc.font(font).fontSize(size).fillColor("#000000").text(winAnsi(lines.join("\n")));
        doc.moveDown(gap);
      }),
    );

  paragraph(root, letter.sender, "Helvetica-Bold", 10, 1);
  paragraph(root, letter.recipient, "Helvetica", 11, 1);
  paragraph(root, letter.meta, "Helvetica", 10, 1.2);
  root.add(
    doc.struct("H1", {}, () => {
      doc.font("Helvetica-Bold").fontSize(17).text(winAnsi(letter.title));
      doc.moveDown(0.6);
    }),
  );
  for (const section of letter.sections) {
    const sect = doc.struct("Sect");
    root.add(sect);
    const { heading } = section;
    if (heading) {
      sect.add(
        doc.struct("H2", {}, () => {
          doc.moveDown(0.3);
          doc.font("Helvetica-Bold").fontSize(13).text(winAnsi(heading));
          doc.moveDown(0.3);
        }),
      );
    }
    for (const text of section.paragraphs) paragraph(sect, [text]);
    if (section.list?.length) {
      const list = doc.struct("L");
      sect.add(list);
      doc.font("Helvetica").fontSize(11).list(section.list.map(winAnsi), { structParent: list, bulletRadius: 2, textIndent: 12, bulletIndent: 4 });
      list.end();
      doc.moveDown(0.6);
    }
    sect.end();
  }
  doc.moveDown(0.6);
  paragraph(root, letter.closing);
  root.end();

  doc.end();
  await finished;
  return new Uint8Array(Buffer.concat(chunks));
}
