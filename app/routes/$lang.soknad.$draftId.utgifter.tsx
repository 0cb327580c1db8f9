import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadStep, saveStepForm } from "~/soknad/flow.server";
import { stepPageTitle } from "~/soknad/StepFrame";
import { StepPage } from "~/soknad/StepPage";
import { UtgifterStep } from "~/soknad/steps/UtgifterStep";

/** The utgifter step, in a route of its own so that its page loads this step's view alone ($lang.soknad.$draftId.$step.tsx). */
export const meta: MetaFunction = (args) => stepPageTitle(args, "utgifter");

const step = { step: "utgifter" };
export const loader = ({ request, params }: LoaderFunctionArgs) => loadStep(request, { ...params, ...step });
export const action = ({ request, params }: ActionFunctionArgs) => saveStepForm(request, { ...params, ...step });

export default function UtgifterPage() {
  return <StepPage fields={(props) => (props.step === "utgifter" ? <UtgifterStep {...props} /> : null)} />;
}
