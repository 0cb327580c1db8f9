import { describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import type { Resource } from "i18next";
import { ACTION_DATA, actionDataOf, pageTitle, searchMeta, textTitle } from "./meta";
import type { Language } from "~/i18n/languages";

const locales = path.resolve(__dirname, "..", "..", "locales");
const resources = (language: Language): Resource => ({
  [language]: Object.fromEntries(
    ["common", "soknad-arbeid", "auth"].map((namespace) => [namespace, JSON.parse(fs.readFileSync(path.join(locales, language, `${namespace}.json`), "utf8"))]),
  ),
});

function args(language: Language, actionData?: Record<string, unknown>) {
  const root = { language, resourcesJson: JSON.stringify(resources(language)), ...(actionData ? { [ACTION_DATA]: actionData } : {}) };
  return { matches: [{ id: "root", data: root }, { id: "routes/$lang" }, { id: "routes/page" }] as never };
}

describe("pageTitle", () => {
  it("is the page's title and the service", () => {
    expect(pageTitle(args("nb"), "soknad-arbeid:title")).toEqual([{ title: "Arbeid og utdanning – Økonomisk sosialhjelp" }]);
  });

  it("says which step of how many, in each language", () => {
    const step = { number: 3, total: 9 };
    expect(pageTitle(args("nb"), "soknad-arbeid:title", { step })).toEqual([{ title: "Steg 3 av 9: Arbeid og utdanning – Økonomisk sosialhjelp" }]);
    expect(pageTitle(args("nn"), "soknad-arbeid:title", { step })[0]).toEqual({ title: expect.stringMatching(/^Steg 3 av 9: .+ – Økonomisk sosialhjelp$/) });
    expect(pageTitle(args("en"), "soknad-arbeid:title", { step })[0]).toEqual({ title: expect.stringMatching(/^Step 3 of 9: .+ – Financial social assistance$/) });
  });

  it("starts with the error prefix while the page shows errors", () => {
    expect(pageTitle(args("nb"), "soknad-arbeid:title", { step: { number: 3, total: 9 }, errors: true })).toEqual([
      { title: "Feil: Steg 3 av 9: Arbeid og utdanning – Økonomisk sosialhjelp" },
    ]);
    expect(pageTitle(args("nn"), "auth:testLogin.title", { errors: true })[0]).toEqual({ title: expect.stringMatching(/^Feil: /) });
    expect(pageTitle(args("en"), "auth:testLogin.title", { errors: true })[0]).toEqual({ title: expect.stringMatching(/^Error: .+ – Financial social assistance$/) });
  });
});

describe("actionDataOf", () => {
  it("is the answer of the route whose meta function asks, and nothing after a plain visit", () => {
    expect(actionDataOf(args("nb", { "routes/page": { error: "choose" } }))).toEqual({ error: "choose" });
    expect(actionDataOf(args("nb", { "routes/other": { error: "choose" } }))).toBeUndefined();
    expect(actionDataOf(args("nb"))).toBeUndefined();
  });
});

describe("textTitle and searchMeta (the guides)", () => {
  it("names the page, its guide and the service once each", () => {
    expect(textTitle(args("nb"), ["Satser for livsopphold", "Økonomisk sosialhjelp"])).toEqual([{ title: "Satser for livsopphold – Økonomisk sosialhjelp" }]);
    expect(textTitle(args("nb"), ["Gjeldsordning", "Økonomi og gjeld"])).toEqual([{ title: "Gjeldsordning – Økonomi og gjeld – Økonomisk sosialhjelp" }]);
    expect(textTitle(args("en"), ["Rates", "Financial social assistance"])).toEqual([{ title: "Rates – Financial social assistance" }]);
  });

  it("gives the description, the canonical address and every language's address, x-default bokmål", () => {
    expect(searchMeta({ origin: "https://example.no", path: "/veiviser/sosialhjelp", language: "nn", description: "Om sosialhjelp." })).toEqual([
      { name: "description", content: "Om sosialhjelp." },
      { tagName: "link", rel: "canonical", href: "https://example.no/nn/veiviser/sosialhjelp" },
      { tagName: "link", rel: "alternate", hrefLang: "nb", href: "https://example.no/nb/veiviser/sosialhjelp" },
      { tagName: "link", rel: "alternate", hrefLang: "nn", href: "https://example.no/nn/veiviser/sosialhjelp" },
      { tagName: "link", rel: "alternate", hrefLang: "en", href: "https://example.no/en/veiviser/sosialhjelp" },
      { tagName: "link", rel: "alternate", hrefLang: "x-default", href: "https://example.no/nb/veiviser/sosialhjelp" },
    ]);
  });
});
