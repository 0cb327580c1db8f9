import { Checkbox, CheckboxGroup, VStack } from "@navikt/ds-react";
import { useTranslation } from "react-i18next";
import {
  childCostTypes,
  housingCostTypes,
  otherCostTypes,
  type ChildCostType,
  type HousingCostType,
  type OtherCostType,
} from "~/soknad/options";
import { fieldId, valuesOf, type StepViewProps } from "~/soknad/step-view";

const housingCostKeys: Record<HousingCostType, string> = {
  husleie: "housingCosts.option.husleie",
  strom: "housingCosts.option.strom",
  kommunaleAvgifter: "housingCosts.option.kommunaleAvgifter",
  oppvarming: "housingCosts.option.oppvarming",
  boliglanAvdrag: "housingCosts.option.boliglanAvdrag",
  boliglanRenter: "housingCosts.option.boliglanRenter",
  annet: "housingCosts.option.annet",
};

const childCostKeys: Record<ChildCostType, string> = {
  barnehage: "childCosts.option.barnehage",
  sfo: "childCosts.option.sfo",
  fritidsaktiviteter: "childCosts.option.fritidsaktiviteter",
  tannregulering: "childCosts.option.tannregulering",
  annet: "childCosts.option.annet",
};

const otherCostKeys: Record<OtherCostType, string> = {
  medisin: "otherCosts.option.medisin",
  tannlege: "otherCosts.option.tannlege",
  annet: "otherCosts.option.annet",
};

/** The utgifter step: housing costs, costs for children (only with children in the register), other costs. */
export function UtgifterStep(props: StepViewProps<"utgifter">) {
  const { t } = useTranslation("soknad-utgifter");
  const error = (name: string) => {
    const key = props.errors[name];
    return key ? t(key) : undefined;
  };
  const hasChildren = props.register.data.children.length > 0;

  return (
    <VStack gap="space-32">
      <CheckboxGroup
        legend={t("housingCosts.legend")}
        description={t("housingCosts.description")}
        defaultValue={valuesOf(props.values, "housingCosts")}
        error={error("housingCosts")}
      >
        {housingCostTypes.map((option, index) => (
          <Checkbox key={option} name="housingCosts" value={option} id={index === 0 ? fieldId("housingCosts") : undefined}>
            {t(housingCostKeys[option])}
          </Checkbox>
        ))}
      </CheckboxGroup>

      {hasChildren ? (
        <CheckboxGroup
          legend={t("childCosts.legend")}
          description={t("childCosts.description")}
          defaultValue={valuesOf(props.values, "childCosts")}
          error={error("childCosts")}
        >
          {childCostTypes.map((option, index) => (
            <Checkbox key={option} name="childCosts" value={option} id={index === 0 ? fieldId("childCosts") : undefined}>
              {t(childCostKeys[option])}
            </Checkbox>
          ))}
        </CheckboxGroup>
      ) : null}

      <CheckboxGroup
        legend={t("otherCosts.legend")}
        description={t("otherCosts.description")}
        defaultValue={valuesOf(props.values, "otherCosts")}
        error={error("otherCosts")}
      >
        {otherCostTypes.map((option, index) => (
          <Checkbox key={option} name="otherCosts" value={option} id={index === 0 ? fieldId("otherCosts") : undefined}>
            {t(otherCostKeys[option])}
          </Checkbox>
        ))}
      </CheckboxGroup>
    </VStack>
  );
}
