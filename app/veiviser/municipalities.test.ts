import { describe, expect, it } from "vitest";
import { navKontorer } from "../../mocks/personas";
import { kommunenummerOf, municipalities } from "./municipalities";

describe("kommunenummerOf", () => {
  it("takes four digits or a municipality's name, in any case and spacing", () => {
    expect(kommunenummerOf("0301")).toBe("0301");
    expect(kommunenummerOf(" 9999 ")).toBe("9999");
    expect(kommunenummerOf("oslo")).toBe("0301");
    expect(kommunenummerOf("  TROMSØ ")).toBe("5501");
    expect(kommunenummerOf("Bærum")).toBe("3201");
  });

  it("gives nothing for what is neither", () => {
    for (const query of ["", "030", "03011", "Narnia", "<script>", "0301; DROP"]) expect(kommunenummerOf(query)).toBeNull();
  });

  it("names every municipality the fagsystem's test offices serve, with NORG's name", () => {
    for (const office of navKontorer) expect(municipalities.find((municipality) => municipality.number === office.kommunenummer)?.name).toBe(office.kommunenavn);
  });

  it("has each number and name once", () => {
    expect(new Set(municipalities.map((municipality) => municipality.number)).size).toBe(municipalities.length);
    expect(new Set(municipalities.map((municipality) => municipality.name)).size).toBe(municipalities.length);
  });
});
