/**
 * The route pattern of a request's path ("/:lang/innsyn/:soknadId"), for the request log: the
 * URL itself may carry ids, and its query string anything a person typed, so neither is logged.
 *
 * Matched as Remix matches (React Router's `matchRoutes`: the same branches, ranked the same way,
 * each route's path matched in turn), but the ranked branches and their regular expressions are
 * made once per build: `matchRoutes` flattens and sorts the route tree and compiles a regular
 * expression per route tried on every call, about a millisecond of CPU per request under load.
 * `route-pattern.test.ts` holds this to `matchRoutes` on every route of the manifest.
 */

/** What this needs of a server build's route manifest (ServerBuild["routes"]). */
export type RouteManifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean } | undefined>;

export type RoutePattern = {
  /** The pattern of the deepest route that matched, "/" for the root; null when none did (a 404 Remix answers itself). */
  route: string | null;
  /** A single-fetch data request (`.data`): a loader's or an action's answer rather than a page. */
  data?: true;
};

type Route = { id: string; path?: string; index?: boolean; caseSensitive?: boolean; children: Route[] };
/** One route of a branch: its path relative to its parent's, and its matcher (compiled when first needed). */
type Segment = { path?: string; relativePath: string; caseSensitive: boolean; childrenIndex: number; matchers: Map<boolean, RegExp> };
type Branch = { score: number; segments: Segment[] };

function routeTree(manifest: RouteManifest, parentId?: string): Route[] {
  return Object.values(manifest)
    .filter((route) => route !== undefined && route.parentId === parentId)
    .map((route) => ({ id: route!.id, path: route!.path, index: route!.index, caseSensitive: route!.caseSensitive, children: route!.index ? [] : routeTree(manifest, route!.id) }));
}

const joinPaths = (paths: string[]) => paths.join("/").replace(/\/\/+/g, "/");

/** React Router's explodeOptionalSegments: "a?/b" is "a/b" and "b". */
function explodeOptionalSegments(path: string): string[] {
  const [first = "", ...rest] = path.split("/");
  const optional = first.endsWith("?");
  const required = first.replace(/\?$/, "");
  if (rest.length === 0) return optional ? [required, ""] : [required];
  const restExploded = explodeOptionalSegments(rest.join("/"));
  const result = restExploded.map((subpath) => (subpath === "" ? required : [required, subpath].join("/")));
  if (optional) result.push(...restExploded);
  return result.map((exploded) => (path.startsWith("/") && exploded === "" ? "/" : exploded));
}

/** React Router's computeScore: static segments weigh most, then dynamic ones; a splat weighs less, an index more. */
function computeScore(path: string, index: boolean | undefined): number {
  const segments = path.split("/");
  let score = segments.length;
  if (segments.includes("*")) score -= 2;
  if (index) score += 2;
  for (const segment of segments) {
    if (segment !== "*") score += /^:[\w-]+$/.test(segment) ? 3 : segment === "" ? 1 : 10;
  }
  return score;
}

/** React Router's flattenRoutes: a branch for every route with a path or index, from the root down. */
function flatten(routes: Route[], branches: Branch[] = [], parents: Segment[] = [], parentPath = ""): Branch[] {
  routes.forEach((route, childrenIndex) => {
    const relativePaths = route.path === "" || !route.path?.includes("?") ? [undefined] : explodeOptionalSegments(route.path);
    for (const exploded of relativePaths) {
      const segment: Segment = { path: route.path, relativePath: exploded ?? route.path ?? "", caseSensitive: route.caseSensitive === true, childrenIndex, matchers: new Map() };
      if (segment.relativePath.startsWith("/")) segment.relativePath = segment.relativePath.slice(parentPath.length);
      const path = joinPaths([parentPath, segment.relativePath]);
      const segments = [...parents, segment];
      if (route.children.length > 0) flatten(route.children, branches, segments, path);
      if (route.path == null && !route.index) continue;
      branches.push({ score: computeScore(path, route.index), segments });
    }
  });
  return branches;
}

/** React Router's rankRouteBranches: higher score first, siblings in their order. */
function rank(branches: Branch[]): Branch[] {
  const compareIndexes = (a: number[], b: number[]) => (a.length === b.length && a.slice(0, -1).every((n, i) => n === b[i]) ? (a.at(-1) ?? 0) - (b.at(-1) ?? 0) : 0);
  return branches.sort((a, b) =>
    a.score !== b.score
      ? b.score - a.score
      : compareIndexes(
          a.segments.map((segment) => segment.childrenIndex),
          b.segments.map((segment) => segment.childrenIndex),
        ),
  );
}

/** React Router's compilePath: the regular expression for one route's path (its parameter values are not needed here). */
function compilePath(path: string, caseSensitive: boolean, end: boolean): RegExp {
  let source =
    "^" +
    path
      .replace(/\/*\*?$/, "")
      .replace(/^\/*/, "/")
      .replace(/[\\.*+^${}|()[\]]/g, "\\$&")
      .replace(/\/:([\w-]+)(\?)?/g, (_, _name: string, optional: string | undefined) => (optional ? "/?([^\\/]+)?" : "/([^\\/]+)"));
  if (path.endsWith("*")) source += path === "*" || path === "/*" ? "(.*)$" : "(?:\\/(.+)|\\/*)$";
  else if (end) source += "\\/*$";
  else if (path !== "" && path !== "/") source += "(?:(?=\\/|$))";
  return new RegExp(source, caseSensitive ? undefined : "i");
}

/** React Router's matchRouteBranch: each route of the branch matches the rest of the path in turn; true when all do. */
function matchesBranch(branch: Branch, pathname: string): boolean {
  let matchedPathname = "/";
  for (let i = 0; i < branch.segments.length; ++i) {
    const segment = branch.segments[i]!;
    const end = i === branch.segments.length - 1;
    const remaining = matchedPathname === "/" ? pathname : pathname.slice(matchedPathname.length) || "/";
    let matcher = segment.matchers.get(end);
    if (!matcher) segment.matchers.set(end, (matcher = compilePath(segment.relativePath, segment.caseSensitive, end)));
    const match = matcher.exec(remaining);
    if (!match) return false;
    let pathnameBase = match[0].replace(/(.)\/+$/, "$1");
    if (segment.relativePath.endsWith("*")) {
      // The splat's own capture is the last group; the base is what came before it (matchPath).
      const splat = match[match.length - 1] ?? "";
      pathnameBase = match[0].slice(0, match[0].length - splat.length).replace(/(.)\/+$/, "$1");
    }
    if (pathnameBase !== "/") matchedPathname = joinPaths([matchedPathname, pathnameBase]);
  }
  return true;
}

/** The matcher for one build's routes. */
export function routePatterns(manifest: RouteManifest): (pathname: string) => RoutePattern {
  const branches = rank(flatten(routeTree(manifest)));
  return (pathname) => {
    // Single fetch asks for "/_root.data" (the page "/") and "<page>.data", as Remix reads them.
    const data = pathname.endsWith(".data");
    const page = pathname === "/_root.data" ? "/" : data ? pathname.slice(0, -".data".length) : pathname;
    let decoded: string;
    try {
      decoded = page
        .split("/")
        .map((segment) => decodeURIComponent(segment).replace(/\//g, "%2F"))
        .join("/");
    } catch {
      // Remix answers a path it cannot decode with a 400 of its own.
      return { route: null, ...(data ? { data } : {}) };
    }
    const branch = branches.find((candidate) => matchesBranch(candidate, decoded));
    const segments = (branch?.segments ?? []).map((segment) => segment.path).filter((path): path is string => Boolean(path));
    return { route: branch ? `/${segments.join("/")}` : null, ...(data ? { data } : {}) };
  };
}
