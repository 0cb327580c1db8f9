import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { negotiateLanguage } from "~/i18n/languages";

/** `/` goes to the remembered language, then the browser's, then bokmål. */
export function loader({ request }: LoaderFunctionArgs) {
  const language = negotiateLanguage(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
  return redirect(`/${language}`, { headers: { Vary: "Cookie, Accept-Language" } });
}
