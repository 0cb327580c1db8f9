import { describe, expect, it } from "vitest";
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
