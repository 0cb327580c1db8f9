import type { LoaderFunctionArgs } from "@remix-run/node";
import { identityProvider } from "~/auth/login.server";
import { providerIssuer } from "~/auth/oidc.server";
import { destroyProviderSessions } from "~/session/session.server";
import { logFor } from "~/log.server";

const log = logFor("login");

/**
 * Front-channel logout (OpenID Connect Front-Channel Logout 1.0): when a person logs out of ID-porten
 * (or staff out of Entra ID) in another service, the provider loads this address with its issuer and
 * session id, and every session of ours that this provider session made ends. The sid is the
 * provider's secret for that session; nothing else can be ended through here.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  if (identityProvider() !== "oidc" || (params.idp !== "idporten" && params.idp !== "entra")) throw new Response("Not Found", { status: 404 });
  const url = new URL(request.url);
  const sid = url.searchParams.get("sid");
  const iss = url.searchParams.get("iss");
  const headers = { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" };
  if (!sid || sid.length > 200 || (iss !== null && iss !== (await providerIssuer(params.idp)))) return new Response("", { status: 400, headers });
  const ended = await destroyProviderSessions(params.idp, sid);
  log.info({ idp: params.idp, sessions: ended }, "front-channel logout");
  return new Response("", { status: 200, headers });
}
