import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { requireApplicant } from "~/auth/auth.server";
import { findDraft } from "~/soknad/drafts.server";

/** "Fortsett": back to the step the person left. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const draft = await findDraft(applicant.fnr, params.draftId ?? "");
  if (!draft) throw new Response("Not Found", { status: 404 });
  return redirect(`/${params.lang}/soknad/${draft.id}/${draft.currentStep}`);
}
