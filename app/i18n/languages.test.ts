import { describe, expect, it } from "vitest";
import { negotiateLanguage, pathInLanguage } from "./languages";
import { formatDate, formatMoney, ageOn } from "./format";

describe("language of /", () => {
  it("prefers the remembered choice", () => {
    expect(negotiateLanguage("a=b; sprak=nn", "en-GB,en;q=0.9")).toBe("nn");
  });
  it("then the browser's languages by weight", () => {
    expect(negotiateLanguage(null, "de;q=0.9,en;q=0.8,nn;q=0.95")).toBe("nn");
    expect(negotiateLanguage(null, "en-US,en;q=0.9")).toBe("en");
    expect(negotiateLanguage(null, "no,en;q=0.5")).toBe("nb");
  });
  it("falls back to bokmål, ignoring junk", () => {
    expect(negotiateLanguage("sprak=xx", "de-DE,fr;q=0.5")).toBe("nb");
    expect(negotiateLanguage(null, ";;;q=abc,,")).toBe("nb");
  });
});

describe("the same page in another language", () => {
  it("swaps the language segment and keeps the rest", () => {
    expect(pathInLanguage("/nb/mine-soknader", "en")).toBe("/en/mine-soknader");
    expect(pathInLanguage("/nb", "nn")).toBe("/nn");
    expect(pathInLanguage("/", "en")).toBe("/en");
  });
});

describe("Intl in the page's language", () => {
  it("formats dates and money per language", () => {
    const date = new Date(Date.UTC(2026, 10, 23, 12));
    expect(formatDate(date, "nb")).toBe("23. november 2026");
    expect(formatDate(date, "en")).toBe("23 November 2026");
    expect(formatMoney(1234.5, "nb").replace(/\s/g, " ")).toBe("1 234,50 kr");
    expect(formatMoney(1234.5, "en").replace(/\s/g, " ")).toBe("NOK 1,234.50");
  });
  it("computes age on a day", () => {
    expect(ageOn("2009-11-24", new Date(Date.UTC(2026, 10, 23)))).toBe(16);
    expect(ageOn("2008-11-23", new Date(Date.UTC(2026, 10, 23)))).toBe(18);
  });
});
