import { Radio, RadioGroup, ReadMore, TextField, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { housingOptions, type Housing } from "../options";
import { fieldId, valueOf, type StepViewProps } from "../step-view";

const housingLabels: Record<Housing, string> = {
  eier: "housing.eier",
  leier: "housing.leier",
  kommunal: "housing.kommunal",
  familieVenner: "housing.familieVenner",
  institusjon: "housing.institusjon",
  krisesenter: "housing.krisesenter",
  fengsel: "housing.fengsel",
  utenBolig: "housing.utenBolig",
  annet: "housing.annet",
};

const housingDescriptions: Partial<Record<Housing, string>> = {
  institusjon: "housing.institusjonDescription",
  utenBolig: "housing.utenBoligDescription",
};

export function BosituasjonStep(props: StepViewProps<"bosituasjon">) {
  const { t } = useTranslation("soknad-bosituasjon");
  const { values, errors } = props;
  const error = (name: string) => (errors[name] ? t(errors[name]) : undefined);

  const [housing, setHousing] = useState(valueOf(values, "housing"));

  return (
    <VStack gap="space-32">
      <VStack gap="space-16">
        <RadioGroup
          legend={t("housing.legend")}
          name="housing"
          defaultValue={valueOf(values, "housing") || undefined}
          onChange={(value: string) => setHousing(value)}
          error={error("housing")}
        >
          {housingOptions.map((option, index) => {
            const description = housingDescriptions[option];
            return (
              <Radio
                key={option}
                value={option}
                id={index === 0 ? fieldId("housing") : undefined}
                description={description ? t(description) : undefined}
              >
                {t(housingLabels[option])}
              </Radio>
            );
          })}
        </RadioGroup>

        {housing === "annet" ? (
          <TextField
            id={fieldId("housingOther")}
            name="housingOther"
            label={t("housingOther.label")}
            description={t("housingOther.description")}
            defaultValue={valueOf(values, "housingOther")}
            error={error("housingOther")}
          />
        ) : null}
      </VStack>

      <VStack gap="space-8">
        <TextField
          id={fieldId("householdSize")}
          name="householdSize"
          label={t("householdSize.label")}
          description={t("householdSize.description")}
          inputMode="numeric"
          htmlSize={4}
          autoComplete="off"
          defaultValue={valueOf(values, "householdSize")}
          error={error("householdSize")}
        />
        <ReadMore header={t("householdSize.readMore.header")}>{t("householdSize.readMore.body")}</ReadMore>
      </VStack>
    </VStack>
  );
}
