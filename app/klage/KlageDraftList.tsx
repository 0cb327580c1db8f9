/** The complaints a person has started and not sent, on the front page: each resumes where they left it. */
import { Link as RemixLink } from "@remix-run/react";
import { BodyShort, Link, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { Section } from "~/shell/Page";
import { klageStepTitleKeys, type KlageStepId } from "./steps";

export type KlageDraftItem = { id: string; updatedAt: string; deleteAfter: string; step: KlageStepId };

export function KlageDraftList({ drafts }: { drafts: readonly KlageDraftItem[] }) {
  const { t } = useTranslation("klage");
  const format = useFormat();
  const language = useLanguage();
  if (drafts.length === 0) return null;
  return (
    <Section id="klage-drafts" title={t("drafts.title")}>
      <VStack as="ul" gap="space-12" className="plain-list">
        {drafts.map((draft) => (
          <li key={draft.id} className="card">
            <VStack gap="space-4">
              <Link as={RemixLink} to={`/${language}/klage/${draft.id}/${draft.step}`}>
                {t("drafts.continue")}: {t(klageStepTitleKeys[draft.step])}
              </Link>
              <BodyShort size="small">{[t("drafts.item", { date: format.date(draft.updatedAt) }), t("drafts.keptUntil", { date: format.date(draft.deleteAfter) })].join(" · ")}</BodyShort>
            </VStack>
          </li>
        ))}
      </VStack>
    </Section>
  );
}
