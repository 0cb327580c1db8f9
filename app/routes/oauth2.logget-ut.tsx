import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { defaultLanguage, isLanguage } from "~/i18n/languages";

/**
 * Where the identity provider sends the browser after its own logout (the post_logout_redirect_uri,
 * registered once): the state says which language the person logged out in, and whether it was
 * the inactivity timeout.
 */
export function loader({ request }: LoaderFunctionArgs) {
  const [language, reason] = (new URL(request.url).searchParams.get("state") ?? "").split("-");
  const lang = isLanguage(language) ? language : defaultLanguage;
  return redirect(`/${lang}/logget-ut${reason === "inaktiv" ? "?arsak=inaktiv" : ""}`, { headers: { "Cache-Control": "no-store" } });
}
