import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link as RemixLink, useLoaderData } from "@remix-run/react";
import { Alert, BodyLong, FormSummary, Link, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { loadKlageReceipt } from "~/klage/flow.server";
import { DecisionList } from "~/klage/DecisionLabel";
import { useFormat, useLanguage } from "~/i18n/use-language";
import { pageTitle } from "~/shell/meta";
import { Page, Section } from "~/shell/Page";

export const meta: MetaFunction = (args) => pageTitle(args, "klage:receipt.title");

export const loader = ({ request, params }: LoaderFunctionArgs) => loadKlageReceipt(request, params);

export default function KlageReceipt() {
  const { t } = useTranslation("klage");
  const receipt = useLoaderData<typeof loader>();
  const format = useFormat();
  const language = useLanguage();
  return (
    <Page title={t("receipt.title")}>
      <Alert variant="success">{t("receipt.sent", { time: format.dateTime(receipt.submittedAt) })}</Alert>
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("receipt.details")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          <FormSummary.Answer>
            <FormSummary.Label>{t("summary.decisions")}</FormSummary.Label>
            <FormSummary.Value>
              <DecisionList decisions={receipt.decisions} />
            </FormSummary.Value>
          </FormSummary.Answer>
          <FormSummary.Answer>
            <FormSummary.Label>{t("receipt.reference")}</FormSummary.Label>
            <FormSummary.Value>{receipt.klageId}</FormSummary.Value>
          </FormSummary.Answer>
        </FormSummary.Answers>
      </FormSummary>
      {receipt.late ? <Alert variant="warning">{t("summary.lateNote")}</Alert> : null}
      <Section id="klage-receipt-next" title={t("receipt.nextTitle")}>
        <BodyLong spacing>{t("receipt.nextBody")}</BodyLong>
        <BodyLong>{t("receipt.statsforvalter")}</BodyLong>
      </Section>
      <VStack gap="space-8">
        <Link href={`/${language}/klage/${receipt.klageId}/kvittering/pdf`} target="_blank">
          {t("receipt.pdf")}
        </Link>
        <Link as={RemixLink} to={`/${language}/innsyn/${receipt.soknadId}/klage/${receipt.klageId}`}>
          {t("receipt.follow")}
        </Link>
      </VStack>
    </Page>
  );
}
