import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadStep, saveStepForm } from "~/soknad/flow.server";
import { stepPageTitle } from "~/soknad/StepFrame";
import { StepFields } from "~/soknad/StepFields";
import { StepPage } from "~/soknad/StepPage";
import { pageTitle } from "~/shell/meta";
import { isStepId } from "~/soknad/steps";

// The documentation step has a route of its own ($lang.soknad.$draftId.dokumentasjon.tsx).
export const meta: MetaFunction = (args) => (isStepId(args.params.step) ? stepPageTitle(args, args.params.step) : pageTitle(args, "soknad:start.title"));

export const loader = ({ request, params }: LoaderFunctionArgs) => loadStep(request, params);
export const action = ({ request, params }: ActionFunctionArgs) => saveStepForm(request, params);

export default function SoknadStep() {
  return <StepPage fields={(props) => <StepFields {...props} />} />;
}
