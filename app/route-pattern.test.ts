import { describe, expect, it } from "vitest";
import { matchRoutes, type RouteObject } from "react-router-dom";
import { routePatterns, type RouteManifest } from "./route-pattern.server";

/** Part of the portal's manifest, as the server build has it (routes/ file names, Remix's paths). */
const manifest: RouteManifest = {
  root: { id: "root", path: "" },
  "routes/_index": { id: "routes/_index", parentId: "root", index: true },
  "routes/$lang": { id: "routes/$lang", parentId: "root", path: ":lang" },
  "routes/$lang._index": { id: "routes/$lang._index", parentId: "routes/$lang", index: true },
  "routes/$lang.$": { id: "routes/$lang.$", parentId: "routes/$lang", path: "*" },
  "routes/$lang.innsyn.$soknadId._index": { id: "routes/$lang.innsyn.$soknadId._index", parentId: "routes/$lang", path: "innsyn/:soknadId", index: true },
  "routes/$lang.innsyn.$soknadId.dokument.$fileId": { id: "routes/$lang.innsyn.$soknadId.dokument.$fileId", parentId: "routes/$lang", path: "innsyn/:soknadId/dokument/:fileId" },
  "routes/$lang.soknad.$draftId.kvittering.pdf": { id: "routes/$lang.soknad.$draftId.kvittering.pdf", parentId: "routes/$lang", path: "soknad/:draftId/kvittering.pdf" },
  "routes/$lang.nks.person.$lookupId._index": { id: "routes/$lang.nks.person.$lookupId._index", parentId: "routes/$lang", path: "nks/person/:lookupId", index: true },
  "routes/api.sesjon": { id: "routes/api.sesjon", parentId: "root", path: "api/sesjon" },
};

describe("routePatterns", () => {
  const patternOf = routePatterns(manifest);

  it("gives the pattern of the route that answers, never the ids in the path", () => {
    expect(patternOf("/nb/innsyn/3f2a9c1e-0000-4000-8000-000000000001")).toEqual({ route: "/:lang/innsyn/:soknadId" });
    expect(patternOf("/en/innsyn/abc/dokument/def")).toEqual({ route: "/:lang/innsyn/:soknadId/dokument/:fileId" });
    expect(patternOf("/nb/soknad/d-1/kvittering.pdf")).toEqual({ route: "/:lang/soknad/:draftId/kvittering.pdf" });
    expect(patternOf("/nb/nks/person/AbCdEfGhIjKlMnOpQrStUvWx")).toEqual({ route: "/:lang/nks/person/:lookupId" });
    expect(patternOf("/api/sesjon")).toEqual({ route: "/api/sesjon" });
  });

  it("gives the root and a language's front page, and the splat for a page that does not exist", () => {
    expect(patternOf("/")).toEqual({ route: "/" });
    expect(patternOf("/nb")).toEqual({ route: "/:lang" });
    expect(patternOf("/nb/12345678901/Kari Nordmann")).toEqual({ route: "/:lang/*" });
  });

  it("reads single fetch's data requests as the page they belong to", () => {
    expect(patternOf("/_root.data")).toEqual({ route: "/", data: true });
    expect(patternOf("/nb/innsyn/123.data")).toEqual({ route: "/:lang/innsyn/:soknadId", data: true });
  });

  it("has no pattern for a path that cannot be decoded, and says nothing on the console about it", () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(patternOf("/nb/%ZZ")).toEqual({ route: null });
    } finally {
      console.warn = warn;
    }
    expect(warnings).toEqual([]);
  });
});

describe("routePatterns against React Router's matchRoutes", () => {
  /** The manifest above and the shapes a route can take besides: an optional segment, a nested splat, a case-sensitive path, an absolute child path. */
  const wider: RouteManifest = {
    ...manifest,
    "routes/$lang.soknad.$draftId.$step": { id: "routes/$lang.soknad.$draftId.$step", parentId: "routes/$lang", path: "soknad/:draftId/:step" },
    "routes/$lang.soknad.$draftId.dokumentasjon": { id: "routes/$lang.soknad.$draftId.dokumentasjon", parentId: "routes/$lang", path: "soknad/:draftId/dokumentasjon" },
    "routes/$lang.soknad._index": { id: "routes/$lang.soknad._index", parentId: "routes/$lang", path: "soknad", index: true },
    "routes/($x).valgfri": { id: "routes/($x).valgfri", parentId: "root", path: ":x?/valgfri" },
    "routes/filer.$": { id: "routes/filer.$", parentId: "root", path: "filer/*" },
    "routes/Stor": { id: "routes/Stor", parentId: "root", path: "Stor", caseSensitive: true },
    "routes/$lang.absolutt": { id: "routes/$lang.absolutt", parentId: "routes/$lang", path: "/:lang/absolutt" },
  };
  const paths = [
    "/", "/nb", "/nb/", "/NB/Innsyn/abc", "/nb/innsyn/abc/", "/nb/innsyn/a%20b", "/nb/innsyn/a%2Fb", "/nb/innsyn", "/nb/soknad", "/nb/soknad/d/behov",
    "/nb/soknad/d/dokumentasjon", "/nb/soknad/d/kvittering.pdf", "/nb/soknad/d/kvittering.pdfx", "/valgfri", "/y/valgfri", "/y/z/valgfri", "/filer",
    "/filer/a/b/c", "/Stor", "/stor", "/nb/absolutt", "/api/sesjon/", "/api/sesjonx", "/nb/nks/person/x/y", "//nb", "/nb//innsyn/abc", "/a/b/c/d/e",
  ];

  it("gives the pattern of the deepest route matchRoutes finds, for every path", () => {
    const tree = (parentId?: string): RouteObject[] =>
      Object.values(wider)
        .filter((route) => route !== undefined && route.parentId === parentId)
        .map((route) => (route!.index ? { path: route!.path, index: true, caseSensitive: route!.caseSensitive } : { path: route!.path, caseSensitive: route!.caseSensitive, children: tree(route!.id) }));
    const routes = tree();
    const patternOf = routePatterns(wider);
    for (const path of paths) {
      const matches = matchRoutes(routes, path);
      const expected = matches ? `/${matches.map((match) => match.route.path).filter(Boolean).join("/")}` : null;
      expect({ path, ...patternOf(path) }).toEqual({ path, route: expected });
    }
  });
});
