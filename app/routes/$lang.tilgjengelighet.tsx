import type { MetaFunction } from "@remix-run/node";
import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, Heading, Link, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "info:accessibility.title");

export default function AccessibilityStatement() {
  const { t } = useTranslation("info");
  const language = useLanguage();
  return (
    <div className="page">
      <VStack gap="space-24">
        <Heading level="1" size="large">
          {t("accessibility.title")}
        </Heading>
        <BodyLong size="large">{t("accessibility.intro")}</BodyLong>

        <section aria-labelledby="accessibility-requirements">
          <Heading level="2" size="medium" spacing id="accessibility-requirements">
            {t("accessibility.requirements.title")}
          </Heading>
          <BodyLong>{t("accessibility.requirements.body")}</BodyLong>
        </section>

        <section aria-labelledby="accessibility-status">
          <Heading level="2" size="medium" spacing id="accessibility-status">
            {t("accessibility.status.title")}
          </Heading>
          <BodyLong>{t("accessibility.status.body")}</BodyLong>
        </section>

        <section aria-labelledby="accessibility-tested">
          <Heading level="2" size="medium" spacing id="accessibility-tested">
            {t("accessibility.tested.title")}
          </Heading>
          <BodyLong>{t("accessibility.tested.intro")}</BodyLong>
          <List>
            <List.Item>{t("accessibility.tested.axe")}</List.Item>
            <List.Item>{t("accessibility.tested.languagesAndScreens")}</List.Item>
            <List.Item>{t("accessibility.tested.noJavaScript")}</List.Item>
            <List.Item>{t("accessibility.tested.keyboard")}</List.Item>
            <List.Item>{t("accessibility.tested.timeout")}</List.Item>
          </List>
          <BodyLong>{t("accessibility.tested.limits")}</BodyLong>
        </section>

        <section aria-labelledby="accessibility-gaps">
          <Heading level="2" size="medium" spacing id="accessibility-gaps">
            {t("accessibility.gaps.title")}
          </Heading>
          <BodyLong>{t("accessibility.gaps.intro")}</BodyLong>
          <List>
            <List.Item>{t("accessibility.gaps.underConstruction")}</List.Item>
            <List.Item>{t("accessibility.gaps.pdf")}</List.Item>
            <List.Item>{t("accessibility.gaps.assistiveTech")}</List.Item>
          </List>
          <BodyLong>{t("accessibility.gaps.plan")}</BodyLong>
        </section>

        <section aria-labelledby="accessibility-report">
          <Heading level="2" size="medium" spacing id="accessibility-report">
            {t("accessibility.report.title")}
          </Heading>
          <BodyLong spacing>{t("accessibility.report.body")}</BodyLong>
          <BodyLong spacing>
            <Link as={RemixLink} to={`/${language}/kontakt`}>
              {t("accessibility.report.contactLink")}
            </Link>
          </BodyLong>
          <BodyLong spacing>{t("accessibility.report.complaint")}</BodyLong>
          <BodyLong>
            <Link href="https://www.uutilsynet.no/">{t("accessibility.report.uutilsynetLink")}</Link>
          </BodyLong>
        </section>

        <BodyLong>{t("accessibility.updated")}</BodyLong>
      </VStack>
    </div>
  );
}
