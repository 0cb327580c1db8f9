/**
 * Text NAV writes itself and the portal shows as it is: what the caseworker writes (the
 * documents asked for and why, conditions, documentation requirements, the titles of saker,
 * payment descriptions) and the names of benefits in NAV's registers ("Utvidet barnetrygd").
 * It is Norwegian bokmål and cannot be translated, so it is marked as bokmål (WCAG 3.1.2:
 * a screen reader reads it as Norwegian), and on a nynorsk or English page a small note
 * says whose words they are. On a bokmål page they read as the rest of the page: no note.
 */
import { BodyShort } from "@navikt/ds-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";

/** NAV's own words, in bokmål: inside a heading, a paragraph, a table cell or a sentence. */
export function NavText({ children }: { children: ReactNode }) {
  return (
    <span lang="nb" className="nav-text">
      {children}
    </span>
  );
}

/**
 * The note that goes with NAV's own words, after them (once per card, list or table): "Tekst
 * frå NAV-kontoret ditt" for what the office writes, "Namn frå NAV-registeret" for benefit names.
 */
function NavTextNote({ source = "office" }: { source?: "office" | "register" }) {
  const { t } = useTranslation("common");
  const language = useLanguage();
  if (language === "nb") return null;
  return (
    <BodyShort size="small" className="nav-text__note">
      {source === "office" ? t("navText.office") : t("navText.register")}
    </BodyShort>
  );
}

NavText.Note = NavTextNote;
