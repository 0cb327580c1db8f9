/**
 * The complaint as the office gets it: a JSON document (who, about which decisions, what they
 * wrote, which files, when, in which language) and a PDF of the same in the person's language.
 */
import { remixI18n } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/languages";
import { renderOutlinePdf } from "~/soknad/pdf.server";
import { klagefrist } from "~/innsyn/klagefrist";
import type { KlageDecision } from "./steps";

export type KlageDocument = {
  version: "1.0";
  klageId: string;
  soknadId: string;
  sendt: string;
  language: Language;
  person: { fnr: string; name: string };
  office: { enhetsnummer: string; navn: string } | null;
  vedtak: { letterId: string; fattet: string; utfall: KlageDecision["utfall"]; sakTittel: string | null; klagefrist: string }[];
  tekst: string;
  forSentBegrunnelse: string | null;
  files: { id: string; filnavn: string }[];
};

export function buildKlageDocument(input: {
  klageId: string;
  soknadId: string;
  person: { fnr: string; name: string };
  office: { enhetsnummer: string; navn: string } | null;
  decisions: readonly KlageDecision[];
  tekst: string;
  forSentBegrunnelse: string | null;
  files: { id: string; filnavn: string }[];
  language: Language;
  sent: Date;
}): KlageDocument {
  return {
    version: "1.0",
    klageId: input.klageId,
    soknadId: input.soknadId,
    sendt: input.sent.toISOString(),
    language: input.language,
    person: input.person,
    office: input.office,
    vedtak: input.decisions.map((decision) => ({ ...decision, klagefrist: klagefrist(decision.fattet) })),
    tekst: input.tekst,
    forSentBegrunnelse: input.forSentBegrunnelse,
    files: input.files,
  };
}

const LOCALE: Record<Language, string> = { nb: "nb-NO", nn: "nn-NO", en: "en-GB" };

export async function renderKlagePdf(document: KlageDocument, options: { compress?: boolean } = {}): Promise<Uint8Array> {
  const fixed = await remixI18n.getFixedT(document.language);
  const t = (key: string, options?: Record<string, string>) => fixed(`klage:${key}`, options);
  const date = (iso: string) => new Intl.DateTimeFormat(LOCALE[document.language], { dateStyle: "long", timeZone: "Europe/Oslo" }).format(new Date(iso));
  const dateTime = (iso: string) =>
    new Intl.DateTimeFormat(LOCALE[document.language], { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Oslo" }).format(new Date(iso));
  const field = (label: string, value: string) => ({ kind: "field" as const, label, value });
  return renderOutlinePdf(
    {
      title: t("pdf.title"),
      meta: [
        field(t("pdf.from"), `${document.person.name}, ${t("pdf.fnr")} ${document.person.fnr}`),
        field(t("pdf.to"), document.office?.navn ?? t("pdf.officeUnknown")),
        field(t("pdf.sent"), dateTime(document.sendt)),
        field(t("pdf.reference"), document.klageId),
      ],
      sections: [
        {
          heading: t("pdf.decisions"),
          items: [
            {
              kind: "list",
              label: null,
              items: document.vedtak.map((vedtak) =>
                t("pdf.decision", {
                  date: date(vedtak.fattet),
                  outcome: vedtak.utfall ? t(`outcome.${vedtak.utfall}`) : t("outcome.unknown"),
                  deadline: date(vedtak.klagefrist),
                }) + (vedtak.sakTittel ? ` (${vedtak.sakTittel})` : ""),
              ),
            },
          ],
        },
        { heading: t("pdf.why"), items: [field(t("pdf.text"), document.tekst)] },
        ...(document.forSentBegrunnelse ? [{ heading: t("pdf.late"), items: [field(t("pdf.lateReason"), document.forSentBegrunnelse)] }] : []),
        {
          heading: t("pdf.files"),
          items: document.files.length > 0 ? [{ kind: "list" as const, label: null, items: document.files.map((file) => file.filnavn) }] : [field(t("pdf.files"), t("pdf.noFiles"))],
        },
      ],
    },
    { language: document.language, author: document.person.name, createdAt: new Date(document.sendt), pageLabel: t("pdf.page"), compress: options.compress },
  );
}
