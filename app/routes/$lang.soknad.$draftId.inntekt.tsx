import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadStep, saveStepForm } from "~/soknad/flow.server";
import { stepPageTitle } from "~/soknad/StepFrame";
import { StepPage } from "~/soknad/StepPage";
import { InntektStep } from "~/soknad/steps/InntektStep";
import { RegisterIncome } from "~/soknad/steps/RegisterIncome";

/**
 * The income step, in a route of its own so that its page loads this step's view alone
 * ($lang.soknad.$draftId.$step.tsx): the income the registers know of, then the questions.
 */
export const meta: MetaFunction = (args) => stepPageTitle(args, "inntekt");

const step = { step: "inntekt" };
export const loader = ({ request, params }: LoaderFunctionArgs) => loadStep(request, { ...params, ...step });
export const action = ({ request, params }: ActionFunctionArgs) => saveStepForm(request, { ...params, ...step });

export default function InntektPage() {
  return (
    <StepPage
      fields={(props) => {
        if (props.step !== "inntekt") return null;
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
      }}
    />
  );
}
