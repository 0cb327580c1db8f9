import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, FormSummary, Link, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { loadReceipt } from "~/soknad/receipt.server";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "soknad:receipt.title");

export const loader = ({ request, params }: LoaderFunctionArgs) => loadReceipt(request, params);

const dayKeys: Record<string, string> = {
  MANDAG: "receipt.days.MANDAG",
  TIRSDAG: "receipt.days.TIRSDAG",
  ONSDAG: "receipt.days.ONSDAG",
  TORSDAG: "receipt.days.TORSDAG",
  FREDAG: "receipt.days.FREDAG",
};

export default function Receipt() {
  const { t } = useTranslation("soknad");
  const receipt = useLoaderData<typeof loader>();
  const format = useFormat();
  const language = useLanguage();
  return (
    <Page title={t("receipt.title")}>
      <Alert variant="success">{t("receipt.sent", { time: format.dateTime(receipt.submittedAt) })}</Alert>
      {receipt.urgent ? (
        <Alert variant="warning">
          <BodyLong spacing>{t("receipt.urgent", { office: receipt.office?.name ?? "" })}</BodyLong>
          {receipt.office ? <BodyLong>{t("receipt.phone", { phone: receipt.office.phone })}</BodyLong> : null}
        </Alert>
      ) : null}
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("receipt.details")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          <FormSummary.Answer>
            <FormSummary.Label>{t("receipt.reference")}</FormSummary.Label>
            <FormSummary.Value>{receipt.reference}</FormSummary.Value>
          </FormSummary.Answer>
          <FormSummary.Answer>
            <FormSummary.Label>{t("receipt.received")}</FormSummary.Label>
            <FormSummary.Value>{format.dateTime(receipt.submittedAt)}</FormSummary.Value>
          </FormSummary.Answer>
          {receipt.office ? (
            <FormSummary.Answer>
              <FormSummary.Label>{t("receipt.office")}</FormSummary.Label>
              <FormSummary.Value>{receipt.office.name}</FormSummary.Value>
            </FormSummary.Answer>
          ) : null}
        </FormSummary.Answers>
      </FormSummary>
      {receipt.missing.length > 0 ? (
        <Section id="receipt-missing" title={t("receipt.missingTitle")}>
          <BodyLong spacing>{t("receipt.missingBody", { date: format.date(receipt.deadline) })}</BodyLong>
          <List>
            {receipt.missing.map((title) => (
              <List.Item key={title}>{title}</List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      <Section id="receipt-next" title={t("receipt.nextTitle")}>
        <BodyLong spacing>{t("receipt.nextBody")}</BodyLong>
        <BodyLong>{t("receipt.processing")}</BodyLong>
      </Section>
      {receipt.office && receipt.office.openingHours.length > 0 ? (
        <Section id="receipt-office" title={t("receipt.contactTitle", { office: receipt.office.name })}>
          <BodyLong spacing>{t("receipt.phone", { phone: receipt.office.phone })}</BodyLong>
          <List>
            {receipt.office.openingHours.map((hours) => (
              <List.Item key={hours.day}>{`${t(dayKeys[hours.day] ?? hours.day)}: ${hours.from}–${hours.to}`}</List.Item>
            ))}
          </List>
        </Section>
      ) : null}
      <VStack gap="space-8">
        <Link href={`/${language}/soknad/${receipt.draftId}/kvittering/pdf`} target="_blank">
          {t("receipt.pdf")}
        </Link>
        <Link as={RemixLink} to={receipt.reference ? `/${language}/innsyn/${receipt.reference}` : `/${language}/mine-soknader`}>
          {t("receipt.status")}
        </Link>
      </VStack>
    </Page>
  );
}
