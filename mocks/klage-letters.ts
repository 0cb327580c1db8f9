/**
 * The letters that answer a complaint (klage): one for each state that comes with a letter
 * (every state but MOTTATT and UNDER_BEHANDLING), and the new decision after MEDHOLD,
 * DELVIS_MEDHOLD or ENDRET. Plain content in the complaint's language, laid out by
 * `renderLetter` like the other letters. In English a klage is an "appeal", never a complaint.
 */
import type { KlageStatus } from "../app/fagsystem/contract";
import { formatInstant, frame, vedtakLetter, type LetterBase, type LetterContent, type LetterLanguage, type LetterSection, type VedtakInput } from "./simulator-letters";

/** The states that come with a letter. */
export type KlageLetterStatus = Exclude<KlageStatus, "MOTTATT" | "UNDER_BEHANDLING">;
export type KlageAvvistArsak = "FOR_SENT" | "IKKE_KLAGERETT" | "ANNET";

export interface KlageLetterInput extends LetterBase {
  status: KlageLetterStatus;
  /** When each decision complained about was made (ISO), in the complaint's order. */
  vedtakTidspunkt: string[];
  /** When the complaint arrived (ISO). */
  mottatt: string;
  saksreferanse: string | null;
  /** AVVIST: why. */
  arsak?: KlageAvvistArsak;
  /** Whether the person said why the complaint is late. */
  forSentBegrunnelse?: boolean;
  /** The caseworker's (or the Statsforvalter's) own reasons; otherwise a standard text where one fits. */
  begrunnelse?: string;
}

/** "vedtaket fra 3. desember 2026", or the plural for several decisions. */
interface VedtakWords {
  /** The decision(s), definite, as in the middle of a sentence. */
  v: string;
  /** The same at the start of a sentence. */
  V: string;
  /** With the date(s): "vedtaket fra 3. desember 2026". */
  dated: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function listOf(language: LetterLanguage, items: string[]): string {
  const and = language === "en" ? "and" : "og";
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
}

function vedtakWords(language: LetterLanguage, tidspunkt: string[]): VedtakWords {
  const many = tidspunkt.length > 1;
  const dates = listOf(language, [...new Set(tidspunkt.map((iso) => formatInstant(language, new Date(iso))))]);
  const v = { nb: many ? "vedtakene" : "vedtaket", nn: many ? "vedtaka" : "vedtaket", en: many ? "the decisions" : "the decision" }[language];
  const dated = { nb: `${v} fra ${dates}`, nn: `${v} frå ${dates}`, en: `${v} of ${dates}` }[language];
  return { v, V: capitalise(v), dated };
}

interface Texts {
  intro: (w: VedtakWords, mottatt: string) => string;
  reasonsHeading: string;
  statsforvalterReasonsHeading: string;
  final: string;
  lateAppeal: { heading: string; text: string };
  title: Record<KlageLetterStatus, (w: VedtakWords) => string>;
  body: Record<KlageLetterStatus, (w: VedtakWords) => string[]>;
  /** The standard reasons where the caseworker gave none. */
  standardReasons: Partial<Record<KlageLetterStatus, (w: VedtakWords) => string>>;
  avvist: { heading: string; arsak: Record<KlageAvvistArsak, (w: VedtakWords) => string>; lateReasonRead: string; noLateReason: string };
  nyttVedtak: { kontor: (w: VedtakWords) => string; statsforvalter: (w: VedtakWords) => string };
}

const texts: Record<LetterLanguage, Texts> = {
  nb: {
    intro: (w, mottatt) => `Du klaget på ${w.dated}. Vi fikk klagen ${mottatt}.`,
    reasonsHeading: "Begrunnelse",
    statsforvalterReasonsHeading: "Begrunnelsen fra Statsforvalteren",
    final: "Du kan ikke klage på avgjørelsen til Statsforvalteren (forvaltningsloven § 28 tredje ledd).",
    lateAppeal: {
      heading: "Du kan klage",
      text: "Du kan klage på at vi ikke behandler klagen din. Fristen er tre uker fra den dagen du fikk dette brevet. Klagen går til Statsforvalteren, som avgjør saken.",
    },
    title: {
      MEDHOLD: (w) => `Svar på klagen din: vi endrer ${w.v}`,
      DELVIS_MEDHOLD: (w) => `Svar på klagen din: vi endrer deler av ${w.v}`,
      AVVIST: () => "Svar på klagen din: vi kan ikke behandle klagen",
      OPPRETTHOLDT: (w) => `Svar på klagen din: vi endrer ikke ${w.v}`,
      SENDT_TIL_STATSFORVALTEREN: () => "Vi har sendt klagen din til Statsforvalteren",
      STADFESTET: (w) => `Statsforvalteren endrer ikke ${w.v}`,
      OPPHEVET: (w) => `Statsforvalteren har opphevet ${w.v}`,
      ENDRET: (w) => `Statsforvalteren har endret ${w.v}`,
      TRUKKET: () => "Du har trukket klagen din",
    },
    body: {
      MEDHOLD: (w) => [
        `Vi har vurdert saken på nytt, også det du skrev i klagen. Vi er enige med deg og endrer ${w.v}.`,
        "Du får det nye vedtaket i et eget brev. Der står det hva du får, og hvordan pengene blir utbetalt.",
      ],
      DELVIS_MEDHOLD: (w) => [
        `Vi har vurdert saken på nytt, også det du skrev i klagen. Vi er enige med deg i en del av klagen og endrer ${w.v} på det punktet. Du får det nye vedtaket i et eget brev.`,
        "Den delen av klagen vi ikke er enige i, sender vi til Statsforvalteren, som avgjør den. Du får et brev når vi har sendt klagen.",
      ],
      AVVIST: (w) => [`Vi kan ikke behandle klagen din. Det betyr at vi ikke har vurdert ${w.v} på nytt, og at ${w.v} blir stående.`],
      OPPRETTHOLDT: (w) => [
        `Vi har vurdert saken på nytt, også det du skrev i klagen. Vi har kommet fram til det samme som før, og endrer ikke ${w.v}.`,
        "Klagen går derfor videre til Statsforvalteren, som avgjør saken. Du får et brev når vi har sendt den. Du kan fortsatt sende oss dokumenter som har betydning for klagen.",
      ],
      SENDT_TIL_STATSFORVALTEREN: () => [
        "Vi har sendt klagen din til Statsforvalteren, sammen med dokumentene i saken. Statsforvalteren avgjør klagen og sender svaret til deg.",
        "Du kan fortsatt sende dokumenter til klagen på nav.no. Vi sender dem videre til Statsforvalteren.",
        "Du har rett til å se dokumentene i saken din (forvaltningsloven § 18). Ta kontakt med NAV-kontoret hvis du vil se dem.",
      ],
      STADFESTET: (w) => [
        `Statsforvalteren har vurdert klagen din og er enig i ${w.v}. ${w.V} blir stående.`,
        "Ta kontakt med NAV-kontoret hvis situasjonen din har endret seg. Du kan søke på nytt når som helst.",
      ],
      OPPHEVET: (w) => [
        `Statsforvalteren har vurdert klagen din og opphevet ${w.v}. Det betyr at ${w.v} ikke gjelder lenger, og at vi må behandle søknaden din på nytt.`,
        "Vi gjør et nytt vedtak så snart vi kan, og sender det til deg. Du kan klage på det nye vedtaket.",
      ],
      ENDRET: (w) => [
        `Statsforvalteren har vurdert klagen din og endret ${w.v}. Du får det nye vedtaket i et eget brev. Der står det hva du får, og hvordan pengene blir utbetalt.`,
      ],
      TRUKKET: (w) => [
        `Du har trukket klagen din på ${w.v}. Vi avslutter behandlingen av klagen, og ${w.v} blir stående.`,
        "Hvis du likevel vil klage, kan du sende en ny klage. Kommer den etter klagefristen, må du skrive hvorfor den kom sent.",
      ],
    },
    standardReasons: {
      MEDHOLD: (w) => `Opplysningene i klagen viser at du har rett til mer stønad enn vi kom fram til i ${w.v}.`,
      DELVIS_MEDHOLD: () => "Vi er enige i at du har rett til mer stønad, men ikke til alt du ba om i klagen.",
      OPPRETTHOLDT: () => "Det du skrev i klagen, endrer ikke vurderingen vår av den økonomiske situasjonen din.",
    },
    avvist: {
      heading: "Hvorfor vi ikke behandler klagen",
      arsak: {
        FOR_SENT: () =>
          "Klagen kom etter at klagefristen var ute. Fristen er tre uker fra den dagen du fikk vedtaket (forvaltningsloven § 29). Vi kan likevel behandle en klage som kommer for sent, hvis det ikke var din skyld at den kom sent, eller hvis det av særlige grunner er rimelig at den blir vurdert (forvaltningsloven § 31).",
        IKKE_KLAGERETT: (w) =>
          `Du kan bare klage på et vedtak som gjelder deg, eller som du har en rettslig interesse i (forvaltningsloven § 28). Vi har kommet fram til at du ikke har rett til å klage på ${w.v}.`,
        ANNET: () => "Klagen oppfyller ikke kravene i forvaltningsloven kapittel VI, og vi kan derfor ikke behandle den.",
      },
      lateReasonRead: "Vi har vurdert det du skrev om hvorfor klagen kom sent, men har kommet fram til at vi ikke kan behandle den.",
      noLateReason: "Du har ikke skrevet hvorfor klagen kom sent, og vi kan ikke se at det er grunn til å behandle den likevel.",
    },
    nyttVedtak: {
      kontor: (w) => `Du klaget på ${w.dated}. Vi har vurdert saken på nytt og gjort et nytt vedtak. Dette er det nye vedtaket.`,
      statsforvalter: (w) => `Du klaget på ${w.dated}. Statsforvalteren har endret ${w.v}. Dette er det nye vedtaket.`,
    },
  },
  nn: {
    intro: (w, mottatt) => `Du klaga på ${w.dated}. Vi fekk klaga ${mottatt}.`,
    reasonsHeading: "Grunngiving",
    statsforvalterReasonsHeading: "Grunngivinga frå Statsforvaltaren",
    final: "Du kan ikkje klage på avgjerda til Statsforvaltaren (forvaltningslova § 28 tredje ledd).",
    lateAppeal: {
      heading: "Du kan klage",
      text: "Du kan klage på at vi ikkje handsamar klaga di. Fristen er tre veker frå den dagen du fekk dette brevet. Klaga går til Statsforvaltaren, som avgjer saka.",
    },
    title: {
      MEDHOLD: (w) => `Svar på klaga di: vi endrar ${w.v}`,
      DELVIS_MEDHOLD: (w) => `Svar på klaga di: vi endrar delar av ${w.v}`,
      AVVIST: () => "Svar på klaga di: vi kan ikkje handsame klaga",
      OPPRETTHOLDT: (w) => `Svar på klaga di: vi endrar ikkje ${w.v}`,
      SENDT_TIL_STATSFORVALTEREN: () => "Vi har sendt klaga di til Statsforvaltaren",
      STADFESTET: (w) => `Statsforvaltaren endrar ikkje ${w.v}`,
      OPPHEVET: (w) => `Statsforvaltaren har oppheva ${w.v}`,
      ENDRET: (w) => `Statsforvaltaren har endra ${w.v}`,
      TRUKKET: () => "Du har trekt klaga di",
    },
    body: {
      MEDHOLD: (w) => [
        `Vi har vurdert saka på nytt, også det du skreiv i klaga. Vi er einige med deg og endrar ${w.v}.`,
        "Du får det nye vedtaket i eit eige brev. Der står det kva du får, og korleis pengane blir utbetalte.",
      ],
      DELVIS_MEDHOLD: (w) => [
        `Vi har vurdert saka på nytt, også det du skreiv i klaga. Vi er einige med deg i ein del av klaga og endrar ${w.v} på det punktet. Du får det nye vedtaket i eit eige brev.`,
        "Den delen av klaga vi ikkje er einige i, sender vi til Statsforvaltaren, som tek avgjerda. Du får eit brev når vi har sendt klaga.",
      ],
      AVVIST: (w) => [`Vi kan ikkje handsame klaga di. Det tyder at vi ikkje har vurdert ${w.v} på nytt, og at ${w.v} blir ståande.`],
      OPPRETTHOLDT: (w) => [
        `Vi har vurdert saka på nytt, også det du skreiv i klaga. Vi har kome fram til det same som før, og endrar ikkje ${w.v}.`,
        "Klaga går difor vidare til Statsforvaltaren, som avgjer saka. Du får eit brev når vi har sendt ho. Du kan framleis sende oss dokument som har noko å seie for klaga.",
      ],
      SENDT_TIL_STATSFORVALTEREN: () => [
        "Vi har sendt klaga di til Statsforvaltaren, saman med dokumenta i saka. Statsforvaltaren avgjer klaga og sender svaret til deg.",
        "Du kan framleis sende dokument til klaga på nav.no. Vi sender dei vidare til Statsforvaltaren.",
        "Du har rett til å sjå dokumenta i saka di (forvaltningslova § 18). Ta kontakt med NAV-kontoret dersom du vil sjå dei.",
      ],
      STADFESTET: (w) => [
        `Statsforvaltaren har vurdert klaga di og er einig i ${w.v}. ${w.V} blir ståande.`,
        "Ta kontakt med NAV-kontoret dersom situasjonen din har endra seg. Du kan søkje på nytt når som helst.",
      ],
      OPPHEVET: (w) => [
        `Statsforvaltaren har vurdert klaga di og oppheva ${w.v}. Det tyder at ${w.v} ikkje gjeld lenger, og at vi må handsame søknaden din på nytt.`,
        "Vi gjer eit nytt vedtak så snart vi kan, og sender det til deg. Du kan klage på det nye vedtaket.",
      ],
      ENDRET: (w) => [
        `Statsforvaltaren har vurdert klaga di og endra ${w.v}. Du får det nye vedtaket i eit eige brev. Der står det kva du får, og korleis pengane blir utbetalte.`,
      ],
      TRUKKET: (w) => [
        `Du har trekt klaga di på ${w.v}. Vi avsluttar handsaminga av klaga, og ${w.v} blir ståande.`,
        "Dersom du likevel vil klage, kan du sende ei ny klage. Kjem ho etter klagefristen, må du skrive kvifor ho kom seint.",
      ],
    },
    standardReasons: {
      MEDHOLD: (w) => `Opplysningane i klaga viser at du har rett til meir stønad enn vi kom fram til i ${w.v}.`,
      DELVIS_MEDHOLD: () => "Vi er einige i at du har rett til meir stønad, men ikkje til alt du bad om i klaga.",
      OPPRETTHOLDT: () => "Det du skreiv i klaga, endrar ikkje vurderinga vår av den økonomiske situasjonen din.",
    },
    avvist: {
      heading: "Kvifor vi ikkje handsamar klaga",
      arsak: {
        FOR_SENT: () =>
          "Klaga kom etter at klagefristen var ute. Fristen er tre veker frå den dagen du fekk vedtaket (forvaltningslova § 29). Vi kan likevel handsame ei klage som kjem for seint, dersom det ikkje var di skuld at ho kom seint, eller dersom det av særlege grunnar er rimeleg at ho blir vurdert (forvaltningslova § 31).",
        IKKE_KLAGERETT: (w) =>
          `Du kan berre klage på eit vedtak som gjeld deg, eller som du har rettsleg interesse i (forvaltningslova § 28). Vi har kome fram til at du ikkje har rett til å klage på ${w.v}.`,
        ANNET: () => "Klaga oppfyller ikkje krava i forvaltningslova kapittel VI, og vi kan difor ikkje handsame ho.",
      },
      lateReasonRead: "Vi har vurdert det du skreiv om kvifor klaga kom seint, men har kome fram til at vi ikkje kan handsame ho.",
      noLateReason: "Du har ikkje skrive kvifor klaga kom seint, og vi kan ikkje sjå at det er grunn til å handsame ho likevel.",
    },
    nyttVedtak: {
      kontor: (w) => `Du klaga på ${w.dated}. Vi har vurdert saka på nytt og gjort eit nytt vedtak. Dette er det nye vedtaket.`,
      statsforvalter: (w) => `Du klaga på ${w.dated}. Statsforvaltaren har endra ${w.v}. Dette er det nye vedtaket.`,
    },
  },
  en: {
    intro: (w, mottatt) => `You appealed against ${w.dated}. We received your appeal on ${mottatt}.`,
    reasonsHeading: "Reasons",
    statsforvalterReasonsHeading: "The County Governor's reasons",
    final: "You cannot appeal against the County Governor's decision (Public Administration Act, section 28, third paragraph).",
    lateAppeal: {
      heading: "You can appeal",
      text: "You can appeal against our decision not to consider your appeal. You must do so within three weeks of the day you got this letter. Your appeal will go to the County Governor (Statsforvalteren), who will decide it.",
    },
    title: {
      MEDHOLD: (w) => `Answer to your appeal: we are changing ${w.v}`,
      DELVIS_MEDHOLD: (w) => `Answer to your appeal: we are changing part of ${w.v}`,
      AVVIST: () => "Answer to your appeal: we cannot consider it",
      OPPRETTHOLDT: (w) => `Answer to your appeal: we are not changing ${w.v}`,
      SENDT_TIL_STATSFORVALTEREN: () => "We have sent your appeal to the County Governor (Statsforvalteren)",
      STADFESTET: (w) => `The County Governor has upheld ${w.v}`,
      OPPHEVET: (w) => `The County Governor has set aside ${w.v}`,
      ENDRET: (w) => `The County Governor has changed ${w.v}`,
      TRUKKET: () => "You have withdrawn your appeal",
    },
    body: {
      MEDHOLD: (w) => [
        `We have looked at your case again, including what you wrote in your appeal. We agree with you and are changing ${w.v}.`,
        "You will get the new decision in a separate letter. It says what you will receive and how the money will be paid.",
      ],
      DELVIS_MEDHOLD: (w) => [
        `We have looked at your case again, including what you wrote in your appeal. We agree with part of your appeal and are changing ${w.v} on that point. You will get the new decision in a separate letter.`,
        "We are sending the part of your appeal we do not agree with to the County Governor (Statsforvalteren), who will decide it. We will write to you when we have sent it.",
      ],
      AVVIST: (w) => [`We cannot consider your appeal. This means we have not looked at ${w.v} again, and ${w.v} will remain in force.`],
      OPPRETTHOLDT: (w) => [
        `We have looked at your case again, including what you wrote in your appeal. We have come to the same conclusion as before and are not changing ${w.v}.`,
        "Your appeal will therefore go to the County Governor (Statsforvalteren), who will decide it. We will write to you when we have sent it. You can still send us documents that matter for your appeal.",
      ],
      SENDT_TIL_STATSFORVALTEREN: () => [
        "We have sent your appeal to the County Governor (Statsforvalteren), together with the documents in your case. The County Governor will decide your appeal and send the answer to you.",
        "You can still send documents for your appeal on nav.no. We will pass them on to the County Governor.",
        "You have the right to see the documents in your case (Public Administration Act, section 18). Contact the NAV office if you want to see them.",
      ],
      STADFESTET: (w) => [
        `The County Governor (Statsforvalteren) has considered your appeal and agrees with ${w.v}. ${w.V} will remain in force.`,
        "Contact the NAV office if your situation has changed. You can apply again at any time.",
      ],
      OPPHEVET: (w) => [
        `The County Governor (Statsforvalteren) has considered your appeal and set aside ${w.v}. This means that we must process your application again.`,
        "We will make a new decision as soon as we can and send it to you. You can appeal against the new decision.",
      ],
      ENDRET: (w) => [
        `The County Governor (Statsforvalteren) has considered your appeal and changed ${w.v}. You will get the new decision in a separate letter. It says what you will receive and how the money will be paid.`,
      ],
      TRUKKET: (w) => [
        `You have withdrawn your appeal against ${w.v}. We have stopped processing your appeal, and ${w.v} will remain in force.`,
        "If you still want to appeal, you can send a new appeal. If it arrives after the deadline, you must say why it is late.",
      ],
    },
    standardReasons: {
      MEDHOLD: (w) => `The information in your appeal shows that you are entitled to more assistance than we found in ${w.v}.`,
      DELVIS_MEDHOLD: () => "We agree that you are entitled to more assistance, but not to everything you asked for in your appeal.",
      OPPRETTHOLDT: () => "What you wrote in your appeal does not change our assessment of your financial situation.",
    },
    avvist: {
      heading: "Why we are not considering your appeal",
      arsak: {
        FOR_SENT: () =>
          "Your appeal arrived after the deadline. You must appeal within three weeks of the day you got the decision (Public Administration Act, section 29). We can still consider a late appeal if it was not your fault that it was late, or if there are special reasons why it should be considered (section 31).",
        IKKE_KLAGERETT: (w) =>
          `You can only appeal against a decision that concerns you or in which you have a legal interest (Public Administration Act, section 28). We have found that you do not have the right to appeal against ${w.v}.`,
        ANNET: () => "Your appeal does not meet the requirements of chapter VI of the Public Administration Act, so we cannot consider it.",
      },
      lateReasonRead: "We have considered what you wrote about why your appeal was late, but have found that we cannot consider it.",
      noLateReason: "You did not tell us why your appeal was late, and we see no reason to consider it anyway.",
    },
    nyttVedtak: {
      kontor: (w) => `You appealed against ${w.dated}. We have looked at your case again and made a new decision. This is the new decision.`,
      statsforvalter: (w) => `You appealed against ${w.dated}. The County Governor (Statsforvalteren) has changed ${w.v}. This is the new decision.`,
    },
  },
};

const STATSFORVALTER_OUTCOMES: readonly KlageLetterStatus[] = ["STADFESTET", "OPPHEVET", "ENDRET"];

/** The letter that comes with a complaint's new state. */
export function klageLetter(input: KlageLetterInput): LetterContent {
  const { language, status } = input;
  const t = texts[language];
  const w = vedtakWords(language, input.vedtakTidspunkt);
  const begrunnelse = input.begrunnelse?.trim();
  const sections: LetterSection[] = [{ paragraphs: [t.intro(w, formatInstant(language, new Date(input.mottatt))), ...t.body[status](w)] }];

  if (status === "AVVIST") {
    const arsak = input.arsak ?? "ANNET";
    const paragraphs = [t.avvist.arsak[arsak](w)];
    if (arsak === "FOR_SENT") paragraphs.push(input.forSentBegrunnelse ? t.avvist.lateReasonRead : t.avvist.noLateReason);
    if (begrunnelse) paragraphs.push(begrunnelse);
    sections.push({ heading: t.avvist.heading, paragraphs }, { heading: t.lateAppeal.heading, paragraphs: [t.lateAppeal.text] });
  } else {
    const reasons = begrunnelse || t.standardReasons[status]?.(w);
    const statsforvalter = STATSFORVALTER_OUTCOMES.includes(status);
    if (reasons) sections.push({ heading: statsforvalter ? t.statsforvalterReasonsHeading : t.reasonsHeading, paragraphs: [reasons] });
    if (status === "STADFESTET" || status === "ENDRET") sections.push({ paragraphs: [t.final] });
  }
  return frame(input, t.title[status](w), input.saksreferanse, sections);
}

/**
 * The new decision after MEDHOLD or DELVIS_MEDHOLD (the office decides again, and the new
 * decision can be appealed) or ENDRET (it follows the Statsforvalter's, and cannot be).
 */
export function nyttVedtakLetter(input: VedtakInput & { avgjortAv: "kontor" | "statsforvalter"; vedtakTidspunkt: string[] }): LetterContent {
  const t = texts[input.language];
  const w = vedtakWords(input.language, input.vedtakTidspunkt);
  const { avgjortAv, vedtakTidspunkt: _vedtakTidspunkt, ...vedtak } = input;
  return vedtakLetter({
    ...vedtak,
    intro: [t.nyttVedtak[avgjortAv](w)],
    klageSection: avgjortAv === "statsforvalter" ? { paragraphs: [t.final] } : undefined,
  });
}
