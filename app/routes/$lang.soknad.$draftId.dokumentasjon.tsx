import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadStep, saveStepForm } from "~/soknad/flow.server";
import { stepPageTitle } from "~/soknad/StepFrame";
import { StepPage } from "~/soknad/StepPage";
import { DokumentasjonStep } from "~/soknad/steps/DokumentasjonStep";

/**
 * The documentation step: the same loader, action and page as every other step, in a route of
 * its own (as each step is) so that only this step's page loads the upload field.
 */
export const meta: MetaFunction = (args) => stepPageTitle(args, "dokumentasjon");

const step = { step: "dokumentasjon" };
export const loader = ({ request, params }: LoaderFunctionArgs) => loadStep(request, { ...params, ...step });
export const action = ({ request, params }: ActionFunctionArgs) => saveStepForm(request, { ...params, ...step });

export default function DokumentasjonPage() {
  return <StepPage fields={(props) => (props.step === "dokumentasjon" ? <DokumentasjonStep {...props} /> : null)} />;
}
