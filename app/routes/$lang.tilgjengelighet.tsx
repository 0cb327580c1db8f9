import type { MetaFunction } from "@remix-run/node";
import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, Link, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "info:accessibility.title");

/** What the automated suites check (e2e/accessibility.spec.ts, e2e/keyboard.spec.ts, the no-JS project). */
const testedItems = ["axe", "reflow", "zoom", "keyboard", "noJavaScript", "timeout"] as const;
/** What those suites found and was fixed. */
const fixedItems = ["heading", "next", "focus"] as const;
/** What we know is not good enough, most important first. */
const gapItems = ["assistiveTech", "photos", "pdf", "timeout", "underConstruction"] as const;

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
          {testedItems.map((item) => (
            <List.Item key={item}>{t(`accessibility.tested.${item}`)}</List.Item>
          ))}
        </List>
        <BodyLong>{t("accessibility.tested.limits")}</BodyLong>
      </Section>

      <Section id="accessibility-fixed" title={t("accessibility.fixed.title")}>
        <List>
          {fixedItems.map((item) => (
            <List.Item key={item}>{t(`accessibility.fixed.${item}`)}</List.Item>
          ))}
        </List>
      </Section>

      <Section id="accessibility-gaps" title={t("accessibility.gaps.title")}>
        <BodyLong>{t("accessibility.gaps.intro")}</BodyLong>
        <List>
          {gapItems.map((item) => (
            <List.Item key={item}>{t(`accessibility.gaps.${item}`)}</List.Item>
          ))}
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
