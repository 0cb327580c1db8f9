import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { logout } from "~/auth/login.server";
import { readForm } from "~/request-body.server";

/** Logging out changes state, so only POST does it; a GET just goes to the front page. */
export function loader({ params }: LoaderFunctionArgs) {
  return redirect(`/${params.lang}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await readForm(request, "small");
  const inactive = form.get("reason") === "inactive";
  // After a real login the identity provider's session ends too; it sends the browser back to
  // /oauth2/logget-ut, which lands on the same page in the same language (the state says which).
  const { headers, providerLogout } = await logout(request, `${params.lang}${inactive ? "-inaktiv" : ""}`);
  return redirect(providerLogout ?? `/${params.lang}/logget-ut${inactive ? "?arsak=inaktiv" : ""}`, { headers });
}

/**
 * Nothing to show: a logout always redirects. The page exists so that a refused post (a body too
 * large or not a form) gets the language's error page ($lang's ErrorBoundary) and not a bare status.
 */
export default function LoggUt() {
  return null;
}
