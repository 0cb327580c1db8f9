import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadKlageStep, saveKlageStep } from "~/klage/flow.server";
import { KlageVedtakStep } from "~/klage/KlageVedtakStep";
import { KlageStepPage, klageStepMeta } from "~/klage/KlageStepPage";

/** The complaint's step with the decisions it is about, in a route of its own so that its page loads this step's view alone ($lang.klage.$klageId.$step.tsx). */
export const meta: MetaFunction = (args) => klageStepMeta(args, "vedtak");

const step = { step: "vedtak" };
export const loader = ({ request, params }: LoaderFunctionArgs) => loadKlageStep(request, { ...params, ...step });
export const action = ({ request, params }: ActionFunctionArgs) => saveKlageStep(request, { ...params, ...step });

export default function VedtakPage() {
  return <KlageStepPage Fields={KlageVedtakStep} />;
}
