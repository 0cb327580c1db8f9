import { Alert, BodyLong, Fieldset, Heading, Radio, RadioGroup, TextField, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import { documentChoices, type DocumentChoice } from "~/soknad/options";
import { fieldId, valueOf, type StepViewProps } from "~/soknad/step-view";
import { UploadField } from "~/vedlegg/UploadField";
import { OTHER_DOCUMENTS } from "~/vedlegg/limits";

const choiceKeys: Record<DocumentChoice, string> = {
  lasterOppNa: "choice.option.lasterOppNa",
  levertTidligere: "choice.option.levertTidligere",
  senderSenere: "choice.option.senderSenere",
};

/**
 * The dokumentasjon step: for each document the answers call for, how the person will
 * deliver it, its files, and the amount on it where that matters; then any other documents.
 */
export function DokumentasjonStep(props: StepViewProps<"dokumentasjon">) {
  const { t } = useTranslation("soknad-dokumentasjon");
  const error = (name: string) => {
    const key = props.errors[name];
    return key ? t(key) : undefined;
  };

  const other = (
    <section className="card" aria-labelledby="other-documents">
      <Heading level="2" size="small" spacing id="other-documents">
        {t("other.title")}
      </Heading>
      <BodyLong spacing>{t("other.description")}</BodyLong>
      <UploadField documentKey={OTHER_DOCUMENTS} label={t("other.title")} files={props.otherFiles ?? []} outcomes={props.uploads} canDelete embedded headingId="other-documents" />
    </section>
  );

  if (props.documents.length === 0) {
    return (
      <VStack gap="space-32">
        <BodyLong>{t("none")}</BodyLong>
        {other}
      </VStack>
    );
  }

  return (
    <VStack gap="space-32">
      <Alert variant="info">
        <BodyLong spacing>{t("upload.intro")}</BodyLong>
        <BodyLong spacing>{t("upload.meaning")}</BodyLong>
        <BodyLong>{t("upload.sendWithout")}</BodyLong>
      </Alert>

      {props.documents.map((document) => {
        const choiceName = `doc.${document.id}.choice`;
        const amountName = `doc.${document.id}.amount`;
        const titleId = `${fieldId(`doc.${document.id}`)}-title`;
        return (
          <div key={document.id} className="card">
            <Fieldset legend={<span id={titleId}>{document.title}</span>} description={document.description}>
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
              <UploadField documentKey={document.id} label={document.title} files={document.files} outcomes={props.uploads} canDelete embedded headingId={titleId} />
            </VStack>
            </Fieldset>
          </div>
        );
      })}
      {other}
    </VStack>
  );
}
