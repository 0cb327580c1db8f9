import { BodyLong, Checkbox, CheckboxGroup, Radio, RadioGroup, ReadMore, TextField, VStack } from "@navikt/ds-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  assetTypes,
  jaNei,
  otherIncomeTypes,
  savingsTypes,
  type AssetType,
  type JaNei,
  type OtherIncomeType,
  type SavingsType,
} from "~/soknad/options";
import { fieldId, valueOf, valuesOf, type StepViewProps } from "~/soknad/step-view";

const jaNeiKeys: Record<JaNei, string> = { ja: "answer.ja", nei: "answer.nei" };

const otherIncomeKeys: Record<OtherIncomeType, string> = {
  barnebidrag: "otherIncome.option.barnebidrag",
  utbytte: "otherIncome.option.utbytte",
  salg: "otherIncome.option.salg",
  leieinntekt: "otherIncome.option.leieinntekt",
  forsikring: "otherIncome.option.forsikring",
  annet: "otherIncome.option.annet",
};

const otherIncomeAmountKeys: Record<OtherIncomeType, string> = {
  barnebidrag: "otherIncome.amount.barnebidrag",
  utbytte: "otherIncome.amount.utbytte",
  salg: "otherIncome.amount.salg",
  leieinntekt: "otherIncome.amount.leieinntekt",
  forsikring: "otherIncome.amount.forsikring",
  annet: "otherIncome.amount.annet",
};

const savingsKeys: Record<SavingsType, string> = {
  brukskonto: "savings.option.brukskonto",
  sparekonto: "savings.option.sparekonto",
  bsu: "savings.option.bsu",
  aksjer: "savings.option.aksjer",
  livsforsikring: "savings.option.livsforsikring",
  annet: "savings.option.annet",
};

const assetKeys: Record<AssetType, string> = {
  bolig: "assets.option.bolig",
  kjoretoy: "assets.option.kjoretoy",
  fritidseiendom: "assets.option.fritidseiendom",
  campingvogn: "assets.option.campingvogn",
  annet: "assets.option.annet",
};

/** The inntekt step: consents to fetch from Skatteetaten and Husbanken, student loan, other income, savings, assets. */
export function InntektStep(props: StepViewProps<"inntekt">) {
  const { t } = useTranslation("soknad-inntekt");
  const error = (name: string) => {
    const key = props.errors[name];
    return key ? t(key) : undefined;
  };
  const [otherIncome, setOtherIncome] = useState<string[]>(() => valuesOf(props.values, "otherIncome"));

  const jaNeiGroup = (name: string, legend: string, description: string) => (
    <RadioGroup legend={legend} description={description} name={name} defaultValue={valueOf(props.values, name) || undefined} error={error(name)}>
      {jaNei.map((option, index) => (
        <Radio key={option} value={option} id={index === 0 ? fieldId(name) : undefined}>
          {t(jaNeiKeys[option])}
        </Radio>
      ))}
    </RadioGroup>
  );

  return (
    <VStack gap="space-32">
      <VStack gap="space-8">
        {jaNeiGroup("skattConsent", t("skattConsent.legend"), t("skattConsent.description"))}
        <ReadMore header={t("skattConsent.readMore.header")}>
          <BodyLong spacing>{t("skattConsent.readMore.what")}</BodyLong>
          <BodyLong>{t("skattConsent.readMore.no")}</BodyLong>
        </ReadMore>
      </VStack>

      <VStack gap="space-8">
        {jaNeiGroup("bostotteConsent", t("bostotteConsent.legend"), t("bostotteConsent.description"))}
        <ReadMore header={t("bostotteConsent.readMore.header")}>
          <BodyLong spacing>{t("bostotteConsent.readMore.what")}</BodyLong>
          <BodyLong>{t("bostotteConsent.readMore.no")}</BodyLong>
        </ReadMore>
      </VStack>

      {jaNeiGroup("studentLoan", t("studentLoan.legend"), t("studentLoan.description"))}

      <VStack gap="space-16">
        <CheckboxGroup
          legend={t("otherIncome.legend")}
          description={t("otherIncome.description")}
          defaultValue={valuesOf(props.values, "otherIncome")}
          onChange={(value: string[]) => setOtherIncome(value)}
          error={error("otherIncome")}
        >
          {otherIncomeTypes.map((option, index) => (
            <Checkbox key={option} name="otherIncome" value={option} id={index === 0 ? fieldId("otherIncome") : undefined}>
              {t(otherIncomeKeys[option])}
            </Checkbox>
          ))}
        </CheckboxGroup>
        {otherIncomeTypes
          .filter((option) => otherIncome.includes(option))
          .map((option) => {
            const name = `otherIncomeAmount.${option}`;
            return (
              <TextField
                key={option}
                label={t(otherIncomeAmountKeys[option])}
                description={t("otherIncome.amountDescription")}
                name={name}
                id={fieldId(name)}
                defaultValue={valueOf(props.values, name)}
                inputMode="numeric"
                htmlSize={12}
                maxLength={40}
                autoComplete="off"
                error={error(name)}
              />
            );
          })}
      </VStack>

      <CheckboxGroup
        legend={t("savings.legend")}
        description={t("savings.description")}
        defaultValue={valuesOf(props.values, "savings")}
        error={error("savings")}
      >
        {savingsTypes.map((option, index) => (
          <Checkbox key={option} name="savings" value={option} id={index === 0 ? fieldId("savings") : undefined}>
            {t(savingsKeys[option])}
          </Checkbox>
        ))}
      </CheckboxGroup>

      <VStack gap="space-8">
        <CheckboxGroup
          legend={t("assets.legend")}
          description={t("assets.description")}
          defaultValue={valuesOf(props.values, "assets")}
          error={error("assets")}
        >
          {assetTypes.map((option, index) => (
            <Checkbox key={option} name="assets" value={option} id={index === 0 ? fieldId("assets") : undefined}>
              {t(assetKeys[option])}
            </Checkbox>
          ))}
        </CheckboxGroup>
        <ReadMore header={t("assets.readMore.header")}>
          <BodyLong>{t("assets.readMore.body")}</BodyLong>
        </ReadMore>
      </VStack>

      {props.kind === "kort" ? (
        <TextField
          label={t("accountBalance.label")}
          description={t("accountBalance.description")}
          name="accountBalance"
          id={fieldId("accountBalance")}
          defaultValue={valueOf(props.values, "accountBalance")}
          htmlSize={12}
          maxLength={40}
          autoComplete="off"
          error={error("accountBalance")}
        />
      ) : null}
    </VStack>
  );
}
