import { Alert, BodyLong, Fieldset, Radio, RadioGroup, TextField, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { documentChoices, type DocumentChoice } from "~/soknad/schemas";
import { fieldId, valueOf, type StepViewProps } from "~/soknad/step-view";

const choiceKeys: Record<DocumentChoice, string> = {
  lasterOppNa: "choice.option.lasterOppNa",
  levertTidligere: "choice.option.levertTidligere",
  senderSenere: "choice.option.senderSenere",
};

/**
 * The dokumentasjon step: for each document the answers call for, how the person will
 * deliver it, and the amount on it where that matters. Uploading comes later.
 */
export function DokumentasjonStep(props: StepViewProps) {
  const { t } = useTranslation("soknad-dokumentasjon");
  const error = (name: string) => {
    const key = props.errors[name];
    return key ? t(key) : undefined;
  };

  if (props.documents.length === 0) {
    return <BodyLong>{t("none")}</BodyLong>;
  }

  return (
    <VStack gap="space-32">
      <Alert variant="info">
        <BodyLong spacing>{t("upload.later")}</BodyLong>
        <BodyLong spacing>{t("upload.meaning")}</BodyLong>
        <BodyLong>{t("upload.sendWithout")}</BodyLong>
      </Alert>

      {props.documents.map((document) => {
        const choiceName = `doc.${document.id}.choice`;
        const amountName = `doc.${document.id}.amount`;
        return (
          <div key={document.id} className="card">
            <Fieldset legend={document.title} description={document.description}>
            <VStack gap="space-16">
              <RadioGroup
                legend={t("choice.legend")}
                name={choiceName}
                defaultValue={valueOf(props.values, choiceName) || undefined}
                error={error(choiceName)}
              >
                {documentChoices.map((option, index) => (
                  <Radio key={option} value={option} id={index === 0 ? fieldId(choiceName) : undefined}>
                    {t(choiceKeys[option])}
                  </Radio>
                ))}
              </RadioGroup>
              {document.hasAmount ? (
                <TextField
                  label={t("amount.label")}
                  description={t("amount.description")}
                  name={amountName}
                  id={fieldId(amountName)}
                  defaultValue={valueOf(props.values, amountName)}
                  inputMode="numeric"
                  htmlSize={12}
                  maxLength={40}
                  autoComplete="off"
                  error={error(amountName)}
                />
              ) : null}
            </VStack>
            </Fieldset>
          </div>
        );
      })}
    </VStack>
  );
}
