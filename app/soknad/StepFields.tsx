import type { StepViewProps } from "./step-view";
import { PersonaliaStep } from "./steps/PersonaliaStep";
import { BehovStep } from "./steps/BehovStep";
import { ArbeidStep } from "./steps/ArbeidStep";
import { FamilieStep } from "./steps/FamilieStep";
import { BosituasjonStep } from "./steps/BosituasjonStep";
import { InntektStep } from "./steps/InntektStep";
import { UtgifterStep } from "./steps/UtgifterStep";
import { SummaryStep } from "./steps/SummaryStep";
import { RegisterIncome } from "./steps/RegisterIncome";

const components = {
  personalia: PersonaliaStep,
  behov: BehovStep,
  arbeid: ArbeidStep,
  familie: FamilieStep,
  bosituasjon: BosituasjonStep,
  inntekt: InntektStep,
  utgifter: UtgifterStep,
  oppsummering: SummaryStep,
} satisfies Record<Exclude<StepViewProps["step"], "dokumentasjon">, (props: StepViewProps) => JSX.Element>;

/**
 * The fields of the step being shown. The documentation step is not here: its route
 * ($lang.soknad.$draftId.dokumentasjon.tsx) shows DokumentasjonStep, so the other steps' pages
 * do not load the upload field.
 */
export function StepFields(props: StepViewProps) {
  if (props.step === "dokumentasjon") return null;
  const Component = components[props.step];
  const income = props.step === "inntekt" ? props.register.income : undefined;
  return (
    <>
      {income ? (
        <RegisterIncome
          income={income}
          consent={{ tax: props.answers.inntekt?.skattConsent === "ja", bostotte: props.answers.inntekt?.bostotteConsent === "ja" }}
        />
      ) : null}
      <Component {...props} />
    </>
  );
}
