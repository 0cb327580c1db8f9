import { Link as RemixLink } from "@remix-run/react";
import { Alert, BodyLong, FormSummary, List, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { DecisionList } from "./DecisionLabel";
import type { KlageStepView } from "./KlageStepPage";

/** The complaint's summary before it is sent: each step's answers, with a link back to change them. */
export function KlageOppsummeringStep({ data, base }: KlageStepView) {
  const { t } = useTranslation("klage");
  return (
    <VStack gap="space-24">
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("steps.vedtak.title")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          <FormSummary.Answer>
            <FormSummary.Label>{t("summary.decisions")}</FormSummary.Label>
            <FormSummary.Value>
              <DecisionList decisions={data.decisions.filter((decision) => data.chosen.includes(decision.letterId))} />
            </FormSummary.Value>
          </FormSummary.Answer>
        </FormSummary.Answers>
        <FormSummary.EditLink as={RemixLink} to={`${base}/vedtak?tilbake=oppsummering`} />
      </FormSummary>
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("steps.begrunnelse.title")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          <FormSummary.Answer>
            <FormSummary.Label>{t("summary.tekst")}</FormSummary.Label>
            <FormSummary.Value>
              <span className="pre-wrap">{data.answers.tekst}</span>
            </FormSummary.Value>
          </FormSummary.Answer>
          {data.answers.forSentBegrunnelse ? (
            <FormSummary.Answer>
              <FormSummary.Label>{t("summary.late")}</FormSummary.Label>
              <FormSummary.Value>
                <span className="pre-wrap">{data.answers.forSentBegrunnelse}</span>
              </FormSummary.Value>
            </FormSummary.Answer>
          ) : null}
        </FormSummary.Answers>
        <FormSummary.EditLink as={RemixLink} to={`${base}/begrunnelse?tilbake=oppsummering`} />
      </FormSummary>
      <FormSummary>
        <FormSummary.Header>
          <FormSummary.Heading level="2">{t("steps.vedlegg.title")}</FormSummary.Heading>
        </FormSummary.Header>
        <FormSummary.Answers>
          <FormSummary.Answer>
            <FormSummary.Label>{t("summary.files")}</FormSummary.Label>
            <FormSummary.Value>
              {data.files.length > 0 ? (
                <List>
                  {data.files.map((file) => (
                    <List.Item key={file.id}>{file.name}</List.Item>
                  ))}
                </List>
              ) : (
                t("summary.noFiles")
              )}
            </FormSummary.Value>
          </FormSummary.Answer>
        </FormSummary.Answers>
        <FormSummary.EditLink as={RemixLink} to={`${base}/vedlegg`} />
      </FormSummary>
      {data.late ? <Alert variant="warning">{t("summary.lateNote")}</Alert> : null}
      <BodyLong>{t("summary.whatHappens")}</BodyLong>
    </VStack>
  );
}
