import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { logout } from "~/auth/login.server";

/** Logging out changes state, so only POST does it; a GET just goes to the front page. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${params.lang}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData().catch(() => null);
  const inactive = form?.get("reason") === "inactive";
  const headers = await logout(request);
  return redirect(`/${params.lang}/logget-ut${inactive ? "?arsak=inaktiv" : ""}`, { headers });
}
