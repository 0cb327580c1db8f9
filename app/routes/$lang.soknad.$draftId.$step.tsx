import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadStep, saveStepForm } from "~/soknad/flow.server";
import { stepPageTitle } from "~/soknad/StepFrame";
import { StepPage } from "~/soknad/StepPage";
import { pageTitle } from "~/shell/meta";
import { isStepId } from "~/soknad/steps";

/**
 * Every step has a route of its own ($lang.soknad.$draftId.personalia.tsx and the others), so that
 * a step's page loads that step's view alone (docs/decisions/032-script-chunks.md). This one answers
 * any other slug: the loader refuses a slug that is not a step of this application with a 404.
 */
export const meta: MetaFunction = (args) => (isStepId(args.params.step) ? stepPageTitle(args, args.params.step) : pageTitle(args, "soknad:start.title"));

export const loader = ({ request, params }: LoaderFunctionArgs) => loadStep(request, params);
export const action = ({ request, params }: ActionFunctionArgs) => saveStepForm(request, params);

export default function SoknadStep() {
  return <StepPage fields={() => null} />;
}
