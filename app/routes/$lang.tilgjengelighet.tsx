import type { MetaFunction } from "@remix-run/node";
import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, Link, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "info:accessibility.title");

export default function AccessibilityStatement() {
  const { t } = useTranslation("info");
  const language = useLanguage();
  return (
    <Page title={t("accessibility.title")}>
      <BodyLong size="large">{t("accessibility.intro")}</BodyLong>

      <Section id="accessibility-requirements" title={t("accessibility.requirements.title")}>
        <BodyLong>{t("accessibility.requirements.body")}</BodyLong>
      </Section>

      <Section id="accessibility-status" title={t("accessibility.status.title")}>
        <BodyLong>{t("accessibility.status.body")}</BodyLong>
      </Section>

      <Section id="accessibility-tested" title={t("accessibility.tested.title")}>
        <BodyLong>{t("accessibility.tested.intro")}</BodyLong>
        <List>
          <List.Item>{t("accessibility.tested.axe")}</List.Item>
          <List.Item>{t("accessibility.tested.languagesAndScreens")}</List.Item>
          <List.Item>{t("accessibility.tested.noJavaScript")}</List.Item>
          <List.Item>{t("accessibility.tested.keyboard")}</List.Item>
          <List.Item>{t("accessibility.tested.timeout")}</List.Item>
        </List>
        <BodyLong>{t("accessibility.tested.limits")}</BodyLong>
      </Section>

      <Section id="accessibility-gaps" title={t("accessibility.gaps.title")}>
        <BodyLong>{t("accessibility.gaps.intro")}</BodyLong>
        <List>
          <List.Item>{t("accessibility.gaps.underConstruction")}</List.Item>
          <List.Item>{t("accessibility.gaps.pdf")}</List.Item>
          <List.Item>{t("accessibility.gaps.assistiveTech")}</List.Item>
        </List>
        <BodyLong>{t("accessibility.gaps.plan")}</BodyLong>
      </Section>

      <Section id="accessibility-report" title={t("accessibility.report.title")}>
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
      </Section>

      <BodyLong>{t("accessibility.updated")}</BodyLong>
    </Page>
  );
}
