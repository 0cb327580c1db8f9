import type { MetaFunction } from "@remix-run/node";
import { Link as RemixLink } from "@remix-run/react";
import { Alert, BodyLong, Heading, Link, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "info:contact.title");

export default function Contact() {
  const { t } = useTranslation("info");
  const language = useLanguage();
  return (
    <Page title={t("contact.title")}>
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

      <Section id="contact-phone" title={t("contact.phone.title")}>
        <BodyLong size="large" spacing>
          <Link href="tel:+4755553333">{t("contact.phone.call")}</Link>
        </BodyLong>
        <BodyLong spacing>{t("contact.phone.hours")}</BodyLong>
        <BodyLong>{t("contact.phone.help")}</BodyLong>
      </Section>

      <Section id="contact-office" title={t("contact.office.title")}>
        <BodyLong spacing>{t("contact.office.body")}</BodyLong>
        <BodyLong>
          <Link href="https://www.nav.no/sok-nav-kontor">{t("contact.office.findLink")}</Link>
        </BodyLong>
      </Section>

      <Section id="contact-report" title={t("contact.report.title")}>
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
      </Section>
    </Page>
  );
}
