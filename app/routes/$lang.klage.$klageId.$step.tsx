import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadKlageStep, saveKlageStep } from "~/klage/flow.server";
import { KlageStepPage } from "~/klage/KlageStepPage";
import { klageStepTitleKeys, klageSteps, isKlageStep } from "~/klage/steps";
import { actionDataOf, pageTitle } from "~/shell/meta";

export const meta: MetaFunction = (args) => {
  const step = isKlageStep(args.params.step) ? args.params.step : "vedtak";
  const errors = actionDataOf<{ errors?: Record<string, string> }>(args)?.errors ?? {};
  return pageTitle(args, klageStepTitleKeys[step], {
    step: { number: klageSteps.indexOf(step) + 1, total: klageSteps.length },
    errors: Object.keys(errors).some((field) => field !== "form"),
  });
};

export const loader = ({ request, params }: LoaderFunctionArgs) => loadKlageStep(request, params);
export const action = ({ request, params }: ActionFunctionArgs) => saveKlageStep(request, params);

export default KlageStepPage;
