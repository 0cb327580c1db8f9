import { describe, expect, it } from "vitest";
import { akselTranslations } from "./aksel.server";

/** Every text of a locale, with where it is. */
function texts(node: unknown, path = ""): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  if (node && typeof node === "object") return Object.entries(node).flatMap(([key, child]) => texts(child, path ? `${path}.${key}` : key));
  return [];
}

describe("Aksel's texts", () => {
  it("are nynorsk on nynorsk pages, where Aksel's own nynorsk has bokmål", () => {
    const nn = akselTranslations("nn");
    expect(nn.Combobox.loading).toBe("Søkjer…");
    expect(nn.ProgressBar.progressUnknown).toBe("Framdrift kan ikkje bereknast, venta tid er {seconds} sekund.");
    // Words that are bokmål only: none of them in any nynorsk text the portal passes on.
    const bokmal = /\b(ikke|antatt|søker|hva|hvor|hvordan|jeg|fra|mye|noen|være|velg|laster|feilene|denne|disse|dette)\b/iu;
    expect(texts(nn).filter(([, text]) => bokmal.test(text.replace(/[…!.,:]/g, " ")))).toEqual([]);
  });

  it("leave bokmål and English as Aksel has them", () => {
    expect(akselTranslations("nb").Combobox.loading).toBe("Søker…");
    expect(akselTranslations("en").ProgressBar.progressUnknown).toMatch(/estimated/i);
    expect(akselTranslations("nn").FormProgress.showAllSteps).toBe("Vis alle steg");
  });
});
