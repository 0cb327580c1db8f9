import type { LoaderFunctionArgs } from "@remix-run/node";
import { languages } from "~/i18n/languages";
import { publicOrigin } from "~/shell/public-url.server";
import { robotsTxt } from "~/veiviser/sitemap.server";

/** robots.txt: the public pages may be crawled, nothing else; the sitemap's absolute address needs the origin, so it is not a static file. */
export function loader({ request }: LoaderFunctionArgs) {
  return new Response(robotsTxt(publicOrigin(request), languages), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
