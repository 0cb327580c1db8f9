import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./auth.server";

describe("safeReturnPath", () => {
  it("keeps a path of the portal, with its query, as login wrote it", () => {
    expect(safeReturnPath("/nb/mine-soknader", "/nb")).toBe("/nb/mine-soknader");
    expect(safeReturnPath("/nn/utbetalinger?fra=2026-01-01&vis=alle", "/nb")).toBe("/nn/utbetalinger?fra=2026-01-01&vis=alle");
    expect(safeReturnPath("/en/s%C3%B8knad", "/nb")).toBe("/en/s%C3%B8knad");
  });

  it.each([
    ["another site", "https://evil.example/nb"],
    ["a protocol-relative address", "//evil.example/nb"],
    ["a backslash that browsers read as a slash", "/\\evil.example/nb"],
    ["CR LF (a header of its own in Location)", "/nb\r\nSet-Cookie: x=y"],
    ["a lone LF", "/nb\nX: y"],
    ["a NUL", "/nb/\u0000"],
    ["a tab", "/nb/\tx"],
    ["text that is not ASCII", "/nb/søknad"],
    ["a path outside the languages", "/admin"],
    ["something very long", `/nb/${"a".repeat(3000)}`],
    ["not text", 42],
  ])("ignores %s", (_, value) => {
    expect(safeReturnPath(value, "/nb")).toBe("/nb");
  });
});
