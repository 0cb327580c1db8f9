import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadKlageStep, saveKlageStep } from "~/klage/flow.server";
import { KlageBegrunnelseStep } from "~/klage/KlageBegrunnelseStep";
import { KlageStepPage, klageStepMeta } from "~/klage/KlageStepPage";

/** The complaint's step with the reason, in a route of its own so that its page loads this step's view alone ($lang.klage.$klageId.$step.tsx). */
export const meta: MetaFunction = (args) => klageStepMeta(args, "begrunnelse");

const step = { step: "begrunnelse" };
export const loader = ({ request, params }: LoaderFunctionArgs) => loadKlageStep(request, { ...params, ...step });
export const action = ({ request, params }: ActionFunctionArgs) => saveKlageStep(request, { ...params, ...step });

export default function BegrunnelsePage() {
  return <KlageStepPage Fields={KlageBegrunnelseStep} />;
}
