/**
 * What a guide page shows: its prose, the guide's pages for "In this guide", and what its markers
 * need (the rates, the office lookup). Unknown guides and pages are the portal's 404.
 */
import { currentSession } from "~/auth/auth.server";
import type { Language } from "~/i18n/languages";
import { publicOrigin } from "~/shell/public-url.server";
import { guidePage } from "./content.server";
import { guideIds, guidePagePath, guides, isGuideId, isGuidePage, type GuideId } from "./guides";
import { lookupOffice } from "./office.server";
import { guidelineRates } from "./rates";

const notFound = () => new Response("Not Found", { status: 404 });

export async function loadGuidePage(request: Request, language: Language, guideParam: string | undefined, pageParam: string | undefined) {
  // `index` is the guide's own address; /veiviser/sosialhjelp/index would be a second one.
  if (!isGuideId(guideParam) || pageParam === "index") throw notFound();
  const guide: GuideId = guideParam;
  const page = pageParam ?? "index";
  if (!isGuidePage(guide, page)) throw notFound();
  const content = guidePage(language, guide, page);
  if (!content) throw notFound();

  const nav = guides[guide].map((slug) => ({
    href: `/${language}${guidePagePath(guide, slug)}`,
    title: guidePage(language, guide, slug)?.title ?? slug,
    current: slug === page,
  }));

  const session = await currentSession(request);
  const office = content.markers.includes("office") ? await lookupOffice(new URL(request.url).searchParams.get("kommune"), session) : null;
  const rates = content.markers.includes("rates") ? guidelineRates() : null;

  return {
    guide,
    page,
    content,
    nav,
    office,
    rates,
    path: guidePagePath(guide, page),
    origin: publicOrigin(request),
  };
}

/** The guides, for the guides' own front page. */
export function loadGuideList(request: Request, language: Language) {
  return { guides: guideIds.map((guide) => ({ guide, href: `/${language}${guidePagePath(guide, "index")}` })), origin: publicOrigin(request) };
}
