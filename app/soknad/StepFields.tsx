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

/**
 * The fields of the step being shown. The documentation step is not here: its route
 * ($lang.soknad.$draftId.dokumentasjon.tsx) shows DokumentasjonStep, so the other steps' pages
 * do not load the upload field. Each step gets its own register (step-view.ts: `shownRegister`).
 */
export function StepFields(props: StepViewProps) {
  switch (props.step) {
    case "personalia":
      return <PersonaliaStep {...props} />;
    case "behov":
      return <BehovStep {...props} />;
    case "arbeid":
      return <ArbeidStep {...props} />;
    case "familie":
      return <FamilieStep {...props} />;
    case "bosituasjon":
      return <BosituasjonStep {...props} />;
    case "inntekt": {
      const income = props.register.income;
      return (
        <>
          {income ? (
            <RegisterIncome
              income={income}
              consent={{ tax: props.answers.inntekt?.skattConsent === "ja", bostotte: props.answers.inntekt?.bostotteConsent === "ja" }}
            />
          ) : null}
          <InntektStep {...props} />
        </>
      );
    }
    case "utgifter":
      return <UtgifterStep {...props} />;
    case "oppsummering":
      return <SummaryStep {...props} />;
    case "dokumentasjon":
      return null;
  }
}
