import type { MetaFunction } from "@remix-run/node";
import { Link as RemixLink } from "@remix-run/react";
import { Alert, BodyLong, Heading, Link, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";

export const meta: MetaFunction = (args) => pageTitle(args, "info:contact.title");

export default function Contact() {
  const { t } = useTranslation("info");
  const language = useLanguage();
  return (
    <div className="page">
      <VStack gap="space-24">
        <Heading level="1" size="large">
          {t("contact.title")}
        </Heading>
        <BodyLong size="large">{t("contact.intro")}</BodyLong>

        <section aria-labelledby="contact-emergency">
          <Alert variant="warning">
            <Heading level="2" size="small" spacing id="contact-emergency">
              {t("contact.emergency.title")}
            </Heading>
            <BodyLong spacing>{t("contact.emergency.body")}</BodyLong>
            <BodyLong>
              {t("contact.emergency.danger")} <Link href="tel:113">{t("contact.emergency.call113")}</Link>
            </BodyLong>
          </Alert>
        </section>

        <section aria-labelledby="contact-phone">
          <Heading level="2" size="medium" spacing id="contact-phone">
            {t("contact.phone.title")}
          </Heading>
          <BodyLong size="large" spacing>
            <Link href="tel:+4755553333">{t("contact.phone.call")}</Link>
          </BodyLong>
          <BodyLong spacing>{t("contact.phone.hours")}</BodyLong>
          <BodyLong>{t("contact.phone.help")}</BodyLong>
        </section>

        <section aria-labelledby="contact-office">
          <Heading level="2" size="medium" spacing id="contact-office">
            {t("contact.office.title")}
          </Heading>
          <BodyLong spacing>{t("contact.office.body")}</BodyLong>
          <BodyLong>
            <Link href="https://www.nav.no/sok-nav-kontor">{t("contact.office.findLink")}</Link>
          </BodyLong>
        </section>

        <section aria-labelledby="contact-report">
          <Heading level="2" size="medium" spacing id="contact-report">
            {t("contact.report.title")}
          </Heading>
          <BodyLong>{t("contact.report.body")}</BodyLong>
          <List>
            <List.Item>
              <Link as={RemixLink} to={`/${language}/personvern`}>
                {t("contact.report.privacyLink")}
              </Link>
            </List.Item>
            <List.Item>
              <Link as={RemixLink} to={`/${language}/tilgjengelighet`}>
                {t("contact.report.accessibilityLink")}
              </Link>
            </List.Item>
          </List>
        </section>
      </VStack>
    </div>
  );
}
