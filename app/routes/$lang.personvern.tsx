import type { MetaFunction } from "@remix-run/node";
import { Link as RemixLink } from "@remix-run/react";
import { BodyLong, Heading, Link, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "info:privacy.title");

export default function Privacy() {
  const { t } = useTranslation("info");
  const language = useLanguage();
  return (
    <div className="page">
      <VStack gap="space-24">
        <Heading level="1" size="large">
          {t("privacy.title")}
        </Heading>
        <BodyLong size="large">{t("privacy.intro")}</BodyLong>

        <section aria-labelledby="privacy-responsible">
          <Heading level="2" size="medium" spacing id="privacy-responsible">
            {t("privacy.responsible.title")}
          </Heading>
          <BodyLong spacing>{t("privacy.responsible.municipality")}</BodyLong>
          <BodyLong>{t("privacy.responsible.nav")}</BodyLong>
        </section>

        <section aria-labelledby="privacy-collect">
          <Heading level="2" size="medium" spacing id="privacy-collect">
            {t("privacy.collect.title")}
          </Heading>
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
        </section>

        <section aria-labelledby="privacy-purpose">
          <Heading level="2" size="medium" spacing id="privacy-purpose">
            {t("privacy.purpose.title")}
          </Heading>
          <BodyLong spacing>{t("privacy.purpose.body")}</BodyLong>
          <BodyLong spacing>{t("privacy.purpose.law")}</BodyLong>
          <BodyLong spacing>{t("privacy.purpose.gdpr")}</BodyLong>
          <BodyLong>{t("privacy.purpose.special")}</BodyLong>
        </section>

        <section aria-labelledby="privacy-storage">
          <Heading level="2" size="medium" spacing id="privacy-storage">
            {t("privacy.storage.title")}
          </Heading>
          <List>
            <List.Item>{t("privacy.storage.drafts")}</List.Item>
            <List.Item>{t("privacy.storage.session")}</List.Item>
            <List.Item>{t("privacy.storage.application")}</List.Item>
          </List>
        </section>

        <section aria-labelledby="privacy-cookies">
          <Heading level="2" size="medium" spacing id="privacy-cookies">
            {t("privacy.cookies.title")}
          </Heading>
          <BodyLong>{t("privacy.cookies.intro")}</BodyLong>
          <List>
            <List.Item>{t("privacy.cookies.session")}</List.Item>
            <List.Item>{t("privacy.cookies.language")}</List.Item>
          </List>
          <BodyLong spacing>{t("privacy.cookies.noTracking")}</BodyLong>
          <BodyLong>{t("privacy.cookies.noConsent")}</BodyLong>
        </section>

        <section aria-labelledby="privacy-shared-computer">
          <Heading level="2" size="medium" spacing id="privacy-shared-computer">
            {t("privacy.sharedComputer.title")}
          </Heading>
          <BodyLong spacing>{t("privacy.sharedComputer.logOut")}</BodyLong>
          <BodyLong>{t("privacy.sharedComputer.browser")}</BodyLong>
        </section>

        <section aria-labelledby="privacy-rights">
          <Heading level="2" size="medium" spacing id="privacy-rights">
            {t("privacy.rights.title")}
          </Heading>
          <BodyLong>{t("privacy.rights.intro")}</BodyLong>
          <List>
            <List.Item>{t("privacy.rights.access")}</List.Item>
            <List.Item>{t("privacy.rights.correction")}</List.Item>
          </List>
          <BodyLong spacing>{t("privacy.rights.complaint")}</BodyLong>
          <BodyLong>
            <Link href="https://www.datatilsynet.no/">{t("privacy.rights.datatilsynetLink")}</Link>
          </BodyLong>
        </section>

        <section aria-labelledby="privacy-contact">
          <Heading level="2" size="medium" spacing id="privacy-contact">
            {t("privacy.contact.title")}
          </Heading>
          <BodyLong spacing>{t("privacy.contact.body")}</BodyLong>
          <BodyLong>
            <Link as={RemixLink} to={`/${language}/kontakt`}>
              {t("privacy.contact.contactLink")}
            </Link>
          </BodyLong>
        </section>
      </VStack>
    </div>
  );
}
