import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { loadKlageStep, saveKlageStep } from "~/klage/flow.server";
import { KlageVedleggStep, KlageVedleggUpload } from "~/klage/KlageVedleggStep";
import { KlageStepPage, klageStepMeta } from "~/klage/KlageStepPage";

/** The complaint's step with the attachments, in a route of its own so that its page loads this step's view alone ($lang.klage.$klageId.$step.tsx). */
export const meta: MetaFunction = (args) => klageStepMeta(args, "vedlegg");

const step = { step: "vedlegg" };
export const loader = ({ request, params }: LoaderFunctionArgs) => loadKlageStep(request, { ...params, ...step });
export const action = ({ request, params }: ActionFunctionArgs) => saveKlageStep(request, { ...params, ...step });

export default function VedleggPage() {
  return <KlageStepPage Fields={KlageVedleggStep} Before={KlageVedleggUpload} />;
}
