import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadKlageStep, saveKlageStep } from "~/klage/flow.server";
import { KlageStepPage, klageStepMeta } from "~/klage/KlageStepPage";
import { isKlageStep } from "~/klage/steps";

/**
 * Every step of the complaint has a route of its own ($lang.klage.$klageId.vedtak.tsx and the
 * others), so that a step's page loads that step's view alone (docs/decisions/032-script-chunks.md).
 * This one answers any other slug: the loader refuses a slug that is not a step with a 404.
 */
export const meta: MetaFunction = (args) => klageStepMeta(args, isKlageStep(args.params.step) ? args.params.step : "vedtak");

export const loader = ({ request, params }: LoaderFunctionArgs) => loadKlageStep(request, params);
export const action = ({ request, params }: ActionFunctionArgs) => saveKlageStep(request, params);

export default function KlageStep() {
  return <KlageStepPage Fields={() => null} />;
}
