import type { LoaderFunctionArgs } from "@remix-run/node";
import { identityProvider } from "~/auth/login.server";
import { finishProviderLogin } from "~/auth/provider-login.server";

/**
 * Where ID-porten (/oauth2/idporten/callback) and Entra ID (/oauth2/entra/callback) send the browser
 * back after a login (docs/decisions/028). Registered with each provider as the redirect URI, so it
 * has no language in its path: the pending login remembers the language.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (identityProvider() !== "oidc" || (params.idp !== "idporten" && params.idp !== "entra")) throw new Response("Not Found", { status: 404 });
  return finishProviderLogin(request, params.idp);
}
