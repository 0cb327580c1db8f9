/**
 * The route pattern of a request's path ("/:lang/innsyn/:soknadId"), for the request log: the
 * URL itself may carry ids, and its query string anything a person typed, so neither is logged.
 * Matched as Remix matches, with React Router's matchRoutes over the server build's routes.
 */
import { matchRoutes, type RouteObject } from "react-router-dom";

/** What this needs of a server build's route manifest (ServerBuild["routes"]). */
export type RouteManifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean } | undefined>;

export type RoutePattern = {
  /** The pattern of the deepest route that matched, "/" for the root; null when none did (a 404 Remix answers itself). */
  route: string | null;
  /** A single-fetch data request (`.data`): a loader's or an action's answer rather than a page. */
  data?: true;
};

function routeTree(manifest: RouteManifest, parentId?: string): RouteObject[] {
  return Object.values(manifest)
    .filter((route) => route !== undefined && route.parentId === parentId)
    .map((route) =>
      route!.index
        ? { id: route!.id, path: route!.path, index: true, caseSensitive: route!.caseSensitive }
        : { id: route!.id, path: route!.path, caseSensitive: route!.caseSensitive, children: routeTree(manifest, route!.id) },
    );
}

/** The matcher for one build's routes. */
export function routePatterns(manifest: RouteManifest): (pathname: string) => RoutePattern {
  const routes = routeTree(manifest);
  return (pathname) => {
    // Single fetch asks for "/_root.data" (the page "/") and "<page>.data", as Remix reads them.
    const data = pathname.endsWith(".data");
    const page = pathname === "/_root.data" ? "/" : data ? pathname.slice(0, -".data".length) : pathname;
    // matchRoutes warns on the console about a path it cannot decode: Remix answers such a path with a 400 of its own.
    try {
      page.split("/").forEach((segment) => decodeURIComponent(segment));
    } catch {
      return { route: null, ...(data ? { data } : {}) };
    }
    const matches = matchRoutes(routes, page);
    const segments = (matches ?? []).map((match) => match.route.path).filter((path): path is string => Boolean(path));
    return { route: matches ? `/${segments.join("/")}` : null, ...(data ? { data } : {}) };
  };
}
