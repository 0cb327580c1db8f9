import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { createI18n } from "./i18n";
import { languages } from "./languages";
import { namespacesFor } from "./namespaces";
import { resources, resourcesFor } from "./resources";

function leaves(value: unknown, prefix = ""): string[] {
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  }
  return [prefix];
}

describe("the pages' translation function", () => {
  for (const language of languages) {
    it(`gives what i18next gives for every key in ${language}`, async () => {
      const reference = i18next.createInstance();
      await reference.init({
        lng: language,
        fallbackLng: false,
        resources,
        ns: Object.keys(resources[language] ?? {}),
        defaultNS: "common",
        interpolation: { escapeValue: false },
        initImmediate: false,
        returnNull: false,
      });
      const ours = createI18n(language, resources);
      let compared = 0;
      for (const [namespace, content] of Object.entries(resources[language] ?? {})) {
        const keys = new Set(leaves(content).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, "")));
        for (const key of keys) {
          const text = JSON.stringify(content);
          const names = [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((match) => match[1] ?? "");
          const values = Object.fromEntries(names.map((name) => [name, `<${name}>`]));
          for (const options of [undefined, {}, values, { ...values, count: 0 }, { ...values, count: 1 }, { ...values, count: 2 }, { count: 21 }]) {
            const full = `${namespace}:${key}`;
            expect(ours.t(full, options), full).toBe(reference.t(full, options));
            expect(ours.getFixedT(null, namespace)(key, options), key).toBe(reference.getFixedT(null, namespace)(key, options));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(1000);
      // A key that is not there: i18next answers with the key, without its namespace.
      expect(ours.t("innsyn:no.such.key")).toBe(reference.t("innsyn:no.such.key"));
      expect(ours.t("no.such.key")).toBe(reference.t("no.such.key"));
    });
  }
});

describe("the translations a page gets", () => {
  it("has common on every page and the page's own namespaces", () => {
    expect(namespacesFor("/nb")).toEqual(["common", "landing", "soknad:drafts", "soknad:start.title", "innsyn:highlights", "klage:drafts", "klage:steps", "klage-status:state", "klage-status:highlights", "meldinger:list"]);
    expect(namespacesFor("/en/innsyn/abc")).toEqual(["common", "innsyn", "soknad-documents", "vedlegg", "klage-status:state", "klage-status:list", "klage:start", "meldinger:soknad", "meldinger:list"]);
    expect(namespacesFor("/nb/meldinger")).toEqual(["common", "meldinger"]);
    expect(namespacesFor("/nb/meldinger/abc")).toEqual(["common", "meldinger", "vedlegg"]);
    expect(namespacesFor("/nn/innsyn/abc/vedtak/x")).toEqual(["common", "innsyn", "klage-status:state", "klage-status:list", "klage:start"]);
    expect(namespacesFor("/nn/innsyn/abc/dokument/x")).toEqual(["common", "innsyn"]);
    expect(namespacesFor("/nb/innsyn/abc/klage/k")).toEqual(["common", "klage-status", "innsyn:utfall", "innsyn:utfallLong", "vedlegg"]);
    expect(namespacesFor("/nb/innsyn/abc/klage/k/trekk")).toEqual(["common", "klage-status"]);
    expect(namespacesFor("/nb/mine-soknader")).toContain("klage-status:list");
    expect(namespacesFor("/nb/soknad/d/dokumentasjon")).toContain("vedlegg");
    expect(namespacesFor("/nb/soknad/d/personalia")).toContain("soknad-personalia");
    expect(namespacesFor("/nb/soknad/d/personalia")).toContain("soknad-behov:title");
    expect(namespacesFor("/nb/finnes-ikke")).toEqual(["common"]);
    expect(namespacesFor("/nb/nks/logg-inn")).toEqual(["common", "auth"]);
    expect(namespacesFor("/nb/nks")).toEqual(["common", "nks"]);
    expect(namespacesFor("/nn/nks/person/abc")).toEqual(["common", "nks", "innsyn:status", "klage-status:state", "klage-status:list"]);
    expect(namespacesFor("/en/nks/person/abc/soknad/def")).toEqual(["common", "nks", "innsyn:status", "klage-status:state", "klage-status:list", "innsyn", "soknad-documents"]);
  });

  it("picks subtrees and shares one object per kind of page", () => {
    const landing = resourcesFor("nb", namespacesFor("/nb"));
    expect(landing).toBe(resourcesFor("nb", namespacesFor("/nb/")));
    const nb = landing.nb as Record<string, Record<string, unknown>>;
    expect(Object.keys(nb).sort()).toEqual(["common", "innsyn", "klage", "klage-status", "landing", "meldinger", "soknad"]);
    expect(Object.keys(nb.soknad ?? {}).sort()).toEqual(["drafts", "start"]);
    expect(Object.keys((nb.soknad?.start ?? {}) as object)).toEqual(["title"]);
    expect(nb.innsyn?.highlights).toBe((resources.nb as Record<string, Record<string, unknown>>).innsyn?.highlights);
    expect(JSON.stringify(landing).length).toBeLessThan(JSON.stringify(resources.nb).length / 5);
  });
});
