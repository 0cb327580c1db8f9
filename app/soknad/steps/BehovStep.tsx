import { Alert, BodyLong, Checkbox, CheckboxGroup, Heading, Radio, RadioGroup, Textarea, TextField, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { behovCategories, emergencyOptions, jaNei, limits, type BehovCategory, type Emergency, type JaNei } from "../options";
import { fieldId, valueOf, valuesOf, type StepViewProps } from "../step-view";

const categoryLabels: Record<BehovCategory, string> = {
  livsopphold: "category.livsopphold",
  husleie: "category.husleie",
  strom: "category.strom",
  nodhjelp: "category.nodhjelp",
  annet: "category.annet",
};

const categoryDescriptions: Partial<Record<BehovCategory, string>> = {
  livsopphold: "category.livsoppholdDescription",
  nodhjelp: "category.nodhjelpDescription",
};

const emergencyLabels: Record<Emergency, string> = {
  ingenMat: "emergency.ingenMat",
  ikkeSovested: "emergency.ikkeSovested",
  stromStenges: "emergency.stromStenges",
};

const jaNeiLabels: Record<JaNei, string> = {
  ja: "changedSinceLast.ja",
  nei: "changedSinceLast.nei",
};

export function BehovStep(props: StepViewProps<"behov">) {
  const { t } = useTranslation("soknad-behov");
  const { values, errors, register } = props;
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);

  const [categories, setCategories] = useState<string[]>(valuesOf(values, "categories"));
  const [changedSinceLast, setChangedSinceLast] = useState(valueOf(values, "changedSinceLast"));
  const emergency = categories.includes("nodhjelp");

  return (
    <VStack gap="space-32">
      <VStack gap="space-16">
        <CheckboxGroup
          legend={t("category.legend")}
          description={t("category.description")}
          defaultValue={valuesOf(values, "categories")}
          onChange={(value: string[]) => setCategories(value)}
          error={error("categories")}
        >
          {behovCategories.map((category, index) => {
            const description = categoryDescriptions[category];
            return (
              <Checkbox
                key={category}
                name="categories"
                value={category}
                id={index === 0 ? fieldId("categories") : undefined}
                description={description ? t(description) : undefined}
              >
                {t(categoryLabels[category])}
              </Checkbox>
            );
          })}
        </CheckboxGroup>

        {emergency ? (
          <>
            <CheckboxGroup
              legend={t("emergency.legend")}
              description={t("emergency.description")}
              defaultValue={valuesOf(values, "emergency")}
              error={error("emergency")}
            >
              {emergencyOptions.map((option, index) => (
                <Checkbox key={option} name="emergency" value={option} id={index === 0 ? fieldId("emergency") : undefined}>
                  {t(emergencyLabels[option])}
                </Checkbox>
              ))}
            </CheckboxGroup>
            <Alert variant="warning">
              <Heading level="2" size="small" spacing>
                {t("emergency.alert.title")}
              </Heading>
              <BodyLong spacing>
                {register.office
                  ? t("emergency.alert.office", { office: register.office.name, phone: register.office.phone })
                  : t("emergency.alert.noOffice")}
              </BodyLong>
              <BodyLong>{t("emergency.alert.why")}</BodyLong>
            </Alert>
          </>
        ) : null}

        {categories.includes("annet") ? (
          <TextField
            id={fieldId("otherText")}
            name="otherText"
            label={t("otherText.label")}
            description={t("otherText.description")}
            defaultValue={valueOf(values, "otherText")}
            error={error("otherText")}
          />
        ) : null}
      </VStack>

      <Textarea
        id={fieldId("details")}
        name="details"
        label={t("details.label")}
        description={t("details.description")}
        maxLength={limits.details}
        minRows={4}
        defaultValue={valueOf(values, "details")}
        error={error("details")}
      />

      {props.kind === "kort" ? (
        <VStack gap="space-16">
          <RadioGroup
            legend={t("changedSinceLast.legend")}
            description={t("changedSinceLast.description")}
            name="changedSinceLast"
            defaultValue={valueOf(values, "changedSinceLast") || undefined}
            onChange={(value: string) => setChangedSinceLast(value)}
            error={error("changedSinceLast")}
          >
            {jaNei.map((option, index) => (
              <Radio key={option} value={option} id={index === 0 ? fieldId("changedSinceLast") : undefined}>
                {t(jaNeiLabels[option])}
              </Radio>
            ))}
          </RadioGroup>
          {changedSinceLast === "ja" ? (
            <Textarea
              id={fieldId("changeDescription")}
              name="changeDescription"
              label={t("changeDescription.label")}
              description={t("changeDescription.description")}
              maxLength={limits.comment}
              defaultValue={valueOf(values, "changeDescription")}
              error={error("changeDescription")}
            />
          ) : null}
        </VStack>
      ) : null}
    </VStack>
  );
}
