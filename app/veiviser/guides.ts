/**
 * The two guides (veivisere), their pages in reading order, and where a link in their prose goes.
 * Slugs are Norwegian and the same in every language; a guide's first page is `index` and lives at
 * the guide's own address (`/nb/veiviser/sosialhjelp`).
 */
import type { Language } from "~/i18n/languages";

export const guides = {
  sosialhjelp: ["index", "hvem-kan-fa", "hjelp-i-dag", "slik-soker-du", "etter-du-har-sokt", "satser", "annen-hjelp"],
  "okonomi-og-gjeld": ["index", "hva-betaler-du-forst", "inkasso-og-betalingsanmerkninger", "gjeldsordning", "refinansiering-og-forbrukslan", "gratis-hjelp"],
} as const satisfies Record<string, readonly string[]>;

export type GuideId = keyof typeof guides;
export const guideIds = Object.keys(guides) as GuideId[];

/** The guides' tools: forms of their own (other routes), linked from the prose and listed in the sitemap. */
export const toolPaths = ["/veiviser/sosialhjelp/for-du-soker", "/veiviser/okonomi-og-gjeld/budsjett", "/veiviser/okonomi-og-gjeld/be-om-rad"] as const;

/** Pages of the portal anyone may open, language-free: the sitemap lists them, and prose may link to them. */
export const publicPortalPaths = ["", "/kontakt", "/personvern", "/tilgjengelighet", "/veiviser"] as const;

/** Pages behind login that prose may link to (a reader is asked to log in first); never in the sitemap. */
const loggedInPortalPaths = ["/soknad", "/mine-soknader", "/utbetalinger", "/meldinger", "/klage"] as const;

export function isGuideId(value: unknown): value is GuideId {
  return typeof value === "string" && Object.hasOwn(guides, value);
}

export function isGuidePage(guide: GuideId, page: string): boolean {
  return (guides[guide] as readonly string[]).includes(page);
}

/** The language-free path of a guide page: `/veiviser/sosialhjelp` for `index`, else `/veiviser/sosialhjelp/satser`. */
export function guidePagePath(guide: GuideId, page: string): string {
  return page === "index" ? `/veiviser/${guide}` : `/veiviser/${guide}/${page}`;
}

/** Every guide page, language-free, in reading order. */
export function allGuidePagePaths(): string[] {
  return guideIds.flatMap((guide) => guides[guide].map((page) => guidePagePath(guide, page)));
}

const knownPaths = new Set<string>([...publicPortalPaths.filter(Boolean), ...loggedInPortalPaths, ...toolPaths, ...allGuidePagePaths()]);

export type ResolvedLink = { href: string; external: boolean };

export class LinkError extends Error {
  constructor(target: string, reason: string) {
    super(`link (${target}): ${reason}`);
    this.name = "LinkError";
  }
}

/**
 * Where a link in a guide's prose goes, in the page's language. Targets are language-free:
 * a page of the same guide (`satser`, `index`), the other guide (`../okonomi-og-gjeld`,
 * `../okonomi-og-gjeld/gjeldsordning`), a portal path (`/kontakt`), or a full https address.
 * An unknown page is an error, so a typo fails the prose test rather than a reader.
 */
export function resolveLink(target: string, language: Language, guide: GuideId): ResolvedLink {
  if (/^https:\/\/[^\s/]+\.[^\s/]+/.test(target)) return { href: target, external: true };
  if (/^[a-z]+:/i.test(target)) throw new LinkError(target, "only https:// addresses go outside the portal");
  const [path, fragment] = target.split("#", 2) as [string, string | undefined];
  if (fragment !== undefined && !/^[a-z0-9-]+$/.test(fragment)) throw new LinkError(target, "a #fragment is lower-case letters, digits and -");
  const suffix = fragment ? `#${fragment}` : "";
  let portalPath: string;
  if (path.startsWith("/")) {
    portalPath = path.replace(/\/$/, "");
  } else if (path.startsWith("../")) {
    const [otherGuide = "", page = "index", ...more] = path.slice(3).split("/");
    if (!isGuideId(otherGuide) || more.length > 0) throw new LinkError(target, "no such guide");
    portalPath = guidePagePath(otherGuide, page);
    if (!isGuidePage(otherGuide, page) && !knownPaths.has(portalPath)) throw new LinkError(target, `no page ${page} in ${otherGuide}`);
  } else {
    portalPath = guidePagePath(guide, path);
    if (!isGuidePage(guide, path) && !knownPaths.has(portalPath)) throw new LinkError(target, `no page ${path} in ${guide}`);
  }
  if (!knownPaths.has(portalPath)) throw new LinkError(target, `no such page in the portal: ${portalPath}`);
  return { href: `/${language}${portalPath}${suffix}`, external: false };
}
