import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { postNotAllowed } from "~/http-refusal.server";
import { requireApplicant } from "~/auth/auth.server";
import { documentResponse } from "~/innsyn/innsyn.server";

/**
 * A letter or document of the søknad in the address (404 for a file of another søknad, even the
 * person's own); `?last-ned` asks for a download. When the fagsystem cannot give it now, the
 * person lands on the status page, which says so.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  const response = await documentResponse(applicant.fnr, params.soknadId ?? "", params.fileId ?? "", new URL(request.url).searchParams.has("last-ned"));
  if (response === "unavailable") return redirect(`/${params.lang}/innsyn/${encodeURIComponent(params.soknadId ?? "")}?dokument=utilgjengelig`);
  return response;
}

/** Nothing is posted to a file: 405 in words. */
export const action = ({ request }: ActionFunctionArgs) => postNotAllowed(request);
