import type { LoaderFunctionArgs } from "@remix-run/node";
import { languages } from "~/i18n/languages";
import { publicOrigin } from "~/shell/public-url.server";
import { sitemapXml } from "~/veiviser/sitemap.server";

/** The public pages in every language, for search engines (public/robots.txt points here). */
export function loader({ request }: LoaderFunctionArgs) {
  return new Response(sitemapXml(publicOrigin(request), languages), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
}
