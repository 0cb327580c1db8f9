import { Link as RemixLink } from "@remix-run/react";
import { Alert, BodyShort, HStack, Link, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { LinkButton } from "~/shell/LinkButton";
import { Section } from "~/shell/Page";

type DraftSummary = { id: string; updatedAt: string; deleteAfter: string };

/** The person's unsent applications, with when they change and when they will be deleted. */
export function DraftList({ drafts }: { drafts: DraftSummary[] }) {
  const { t } = useTranslation("soknad");
  const format = useFormat();
  const language = useLanguage();
  return (
    <Section id="drafts" title={t("drafts.title")}>
      <ul className="plain-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="card">
            <VStack gap="space-8">
              <BodyShort weight="semibold">{t("start.title")}</BodyShort>
              <BodyShort size="small">{t("drafts.changed", { date: format.date(draft.updatedAt) })}</BodyShort>
              <BodyShort size="small">{t("drafts.deleted", { date: format.date(draft.deleteAfter) })}</BodyShort>
              <HStack gap="space-16" align="center" wrap>
                <LinkButton to={`/${language}/soknad/${draft.id}`} size="small">
                  {t("drafts.continue")}
                </LinkButton>
                <Link as={RemixLink} to={`/${language}/soknad/${draft.id}/slett`}>
                  {t("drafts.delete")}
                </Link>
              </HStack>
            </VStack>
          </li>
        ))}
      </ul>
    </Section>
  );
}

DraftList.Notice = function DraftNotice({ kind }: { kind: "saved" | "deleted" }) {
  const { t } = useTranslation("soknad");
  return <Alert variant="success">{kind === "saved" ? t("drafts.savedNotice") : t("drafts.deletedNotice")}</Alert>;
};
