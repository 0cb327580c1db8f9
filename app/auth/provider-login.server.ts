/**
 * The routes' side of a real login (docs/decisions/028): start one at the identity provider, finish
 * it when the provider sends the browser back, and turn every refusal into a log line and the
 * translated page that says what to do, never a session.
 */
import { redirect } from "@remix-run/node";
import { safeReturnPath } from "~/auth/auth.server";
import { loginApplicant, loginStaff } from "~/auth/login.server";
import { beginLogin, clearBindingCookie, completeLogin, LoginRefused } from "~/auth/oidc.server";
import { config } from "~/config.server";
import { FagsystemError } from "~/fagsystem/client.server";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/languages";
import { rateLimits } from "~/rate-limit.server";
import type { IdentityProviderName } from "~/session/session.server";
import { logFor } from "~/log.server";

const log = logFor("login");

/** A staff login goes back to the staff page that asked for it, never to an applicant's page. */
export function staffReturnPath(value: unknown, language: string): string {
  const home = `/${language}/nks`;
  const returnTo = safeReturnPath(value, home);
  return /^\/[a-z]{2}\/nks(\/|$)/.test(returnTo) ? returnTo : home;
}

function refusalPage(language: Language, idp: IdentityProviderName, refusal: LoginRefused, headers: Headers): Response {
  // One line per refusal: why, for whom (which provider), never who.
  log.warn({ idp, reason: refusal.reason, detail: refusal.detail }, `${idp} login refused (${refusal.reason})`);
  return redirect(`/${language}/innlogging-feilet?arsak=${refusal.reason}${idp === "entra" ? "&for=nks" : ""}`, { headers });
}

/** The answer to a login page under OIDC: a redirect to the provider, or to the page that says it cannot be reached now. */
export async function startProviderLogin(request: Request, idp: IdentityProviderName, options: { lang: string | undefined; clientAddress: string }): Promise<Response> {
  await rateLimits().check([idp === "idporten" ? "login-address" : "staff-login-address", options.clientAddress]);
  const language = isLanguage(options.lang) ? options.lang : defaultLanguage;
  const asked = new URL(request.url).searchParams.get("returnTo");
  const returnTo = idp === "idporten" ? safeReturnPath(asked, `/${language}`) : staffReturnPath(asked, language);
  try {
    const { location, cookie } = await beginLogin(request, idp, { language, returnTo });
    return redirect(location, { headers: { "Set-Cookie": cookie, "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof LoginRefused) return refusalPage(language, idp, error, new Headers());
    throw error;
  }
}

/** The provider's answer: a session and the page the person was on, or a refusal page without a session. */
export async function finishProviderLogin(request: Request, idp: IdentityProviderName): Promise<Response> {
  const headers = new Headers({ "Cache-Control": "no-store" });
  headers.append("Set-Cookie", clearBindingCookie(request));
  let language: Language = defaultLanguage;
  try {
    if (idp === "idporten") {
      const login = await completeLogin(request, "idporten");
      language = login.language;
      headers.append("Set-Cookie", await loginApplicant(request, login.identity.fnr, { provider: login.provider }));
      return redirect(safeReturnPath(login.returnTo, `/${language}`), { headers });
    }
    const login = await completeLogin(request, "entra");
    language = login.language;
    const group = config().AZURE_NKS_GROUP_ID;
    // Staff without the contact-centre group get a session and, on every staff page, the 403 page that says so.
    const roles = group && login.identity.groups.includes(group) ? ["nks"] : [];
    headers.append("Set-Cookie", await loginStaff(request, { navIdent: login.identity.navIdent, name: login.identity.name, roles }, { provider: login.provider }));
    return redirect(staffReturnPath(login.returnTo, language), { headers });
  } catch (error) {
    if (error instanceof LoginRefused) return refusalPage(error.language ?? language, idp, error, headers);
    if (error instanceof FagsystemError) return refusalPage(language, idp, new LoginRefused("unavailable", `person lookup failed: ${error.kind}`), headers);
    throw error;
  }
}
