import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireApplicant } from "~/auth/auth.server";
import { documentResponse } from "~/innsyn/innsyn.server";

/** A letter or document of the person's own søknad; `?last-ned` asks for a download. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const applicant = await requireApplicant(request, { eligible: true });
  return documentResponse(applicant.fnr, params.fileId ?? "", new URL(request.url).searchParams.has("last-ned"));
}
