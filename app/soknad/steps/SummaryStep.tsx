import { Link as RemixLink } from "@remix-run/react";
import { Alert, BodyLong, Checkbox, CheckboxGroup, FormSummary, List } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/i18n/use-language";
import { fieldId, valuesOf, type StepViewProps } from "../step-view";
import { isUrgent } from "../options";
import { stepsFor } from "../steps";

/**
 * Every answer, grouped by step, in the words of the PDF (both come from one outline; here
 * spoken to the person, docs/decisions/006), each group with "Endre" back to its step; then
 * the confirmation.
 */
export function SummaryStep(props: StepViewProps<"oppsummering">) {
  const { t } = useTranslation("soknad");
  const language = useLanguage();
  const outline = props.outline;
  const confirmError = props.errors.confirm ? t(props.errors.confirm) : undefined;
  return (
    <>
      {isUrgent(props.answers) ? (
        <Alert variant="warning">
          {props.register.office
            ? t("summary.urgent", { office: props.register.office.name, phone: props.register.office.phone })
            : t("summary.urgentNoOffice")}
        </Alert>
      ) : null}
      {/* Where it will go: "sent to" and "sent at" belong to the PDF of a søknad that has gone. */}
      {outline ? <BodyLong>{t("summary.receiver", { office: outline.receiver })}</BodyLong> : null}
      {outline?.sections.map((section) => (
        <FormSummary key={section.id}>
          <FormSummary.Header>
            <FormSummary.Heading level="2">{section.heading}</FormSummary.Heading>
          </FormSummary.Header>
          <FormSummary.Answers>
            {section.items.map((item, index) => (
              <FormSummary.Answer key={`${section.id}-${index}`}>
                <FormSummary.Label>{item.label ?? section.heading}</FormSummary.Label>
                <FormSummary.Value>
                  {item.kind === "field" ? (
                    item.value
                  ) : (
                    <List size="small">
                      {item.items.map((entry) => (
                        <List.Item key={entry}>{entry}</List.Item>
                      ))}
                    </List>
                  )}
                </FormSummary.Value>
              </FormSummary.Answer>
            ))}
          </FormSummary.Answers>
          {stepsFor(props.kind).includes(section.step) ? (
            <FormSummary.Footer>
              <FormSummary.EditLink as={RemixLink} to={`/${language}/soknad/${props.draftId}/${section.step}?tilbake=oppsummering`}>
                {t("summary.change")}
              </FormSummary.EditLink>
            </FormSummary.Footer>
          ) : null}
        </FormSummary>
      ))}
      <CheckboxGroup legend={t("summary.confirmLegend")} error={confirmError} defaultValue={valuesOf(props.values, "confirm")}>
        <Checkbox name="confirm" value="on" id={fieldId("confirm")}>
          {t("summary.confirm")}
        </Checkbox>
      </CheckboxGroup>
    </>
  );
}
