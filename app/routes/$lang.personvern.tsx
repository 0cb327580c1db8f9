import type { MetaFunction } from "@remix-run/node";
import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, Link, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "info:privacy.title");

export default function Privacy() {
  const { t } = useTranslation("info");
  const language = useLanguage();
  return (
    <Page title={t("privacy.title")}>
      <BodyLong size="large">{t("privacy.intro")}</BodyLong>

      <Section id="privacy-responsible" title={t("privacy.responsible.title")}>
        <BodyLong spacing>{t("privacy.responsible.municipality")}</BodyLong>
        <BodyLong>{t("privacy.responsible.nav")}</BodyLong>
      </Section>

      <Section id="privacy-collect" title={t("privacy.collect.title")}>
        <BodyLong spacing>{t("privacy.collect.yourself")}</BodyLong>
        <BodyLong>{t("privacy.collect.registersIntro")}</BodyLong>
        <List>
          <List.Item>{t("privacy.collect.population")}</List.Item>
          <List.Item>{t("privacy.collect.krr")}</List.Item>
          <List.Item>{t("privacy.collect.accounts")}</List.Item>
          <List.Item>{t("privacy.collect.employment")}</List.Item>
          <List.Item>{t("privacy.collect.navPayments")}</List.Item>
        </List>
        <BodyLong>{t("privacy.collect.consentIntro")}</BodyLong>
        <List>
          <List.Item>{t("privacy.collect.tax")}</List.Item>
          <List.Item>{t("privacy.collect.housing")}</List.Item>
        </List>
        <BodyLong spacing>{t("privacy.collect.consentOptional")}</BodyLong>
        <BodyLong>{t("privacy.collect.onlyNeeded")}</BodyLong>
      </Section>

      <Section id="privacy-purpose" title={t("privacy.purpose.title")}>
        <BodyLong spacing>{t("privacy.purpose.body")}</BodyLong>
        <BodyLong spacing>{t("privacy.purpose.law")}</BodyLong>
        <BodyLong spacing>{t("privacy.purpose.gdpr")}</BodyLong>
        <BodyLong>{t("privacy.purpose.special")}</BodyLong>
      </Section>

      <Section id="privacy-storage" title={t("privacy.storage.title")}>
        <List>
          <List.Item>{t("privacy.storage.drafts")}</List.Item>
          <List.Item>{t("privacy.storage.session")}</List.Item>
          <List.Item>{t("privacy.storage.application")}</List.Item>
        </List>
      </Section>

      <Section id="privacy-cookies" title={t("privacy.cookies.title")}>
        <BodyLong>{t("privacy.cookies.intro")}</BodyLong>
        <List>
          <List.Item>{t("privacy.cookies.session")}</List.Item>
          <List.Item>{t("privacy.cookies.language")}</List.Item>
        </List>
        <BodyLong spacing>{t("privacy.cookies.noTracking")}</BodyLong>
        <BodyLong>{t("privacy.cookies.noConsent")}</BodyLong>
      </Section>

      <Section id="privacy-shared-computer" title={t("privacy.sharedComputer.title")}>
        <BodyLong spacing>{t("privacy.sharedComputer.logOut")}</BodyLong>
        <BodyLong>{t("privacy.sharedComputer.browser")}</BodyLong>
      </Section>

      <Section id="privacy-rights" title={t("privacy.rights.title")}>
        <BodyLong>{t("privacy.rights.intro")}</BodyLong>
        <List>
          <List.Item>{t("privacy.rights.access")}</List.Item>
          <List.Item>{t("privacy.rights.correction")}</List.Item>
        </List>
        <BodyLong spacing>{t("privacy.rights.complaint")}</BodyLong>
        <BodyLong>
          <Link href="https://www.datatilsynet.no/">{t("privacy.rights.datatilsynetLink")}</Link>
        </BodyLong>
      </Section>

      <Section id="privacy-contact" title={t("privacy.contact.title")}>
        <BodyLong spacing>{t("privacy.contact.body")}</BodyLong>
        <BodyLong>
          <Link as={RemixLink} to={`/${language}/kontakt`}>
            {t("privacy.contact.contactLink")}
          </Link>
        </BodyLong>
      </Section>
    </Page>
  );
}
