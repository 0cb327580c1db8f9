import { describe, expect, it } from "vitest";
import { formatMoney } from "./format";

/** Intl writes narrow no-break spaces and a minus sign; compare with plain spaces and "-". */
const plain = (text: string) => text.replace(/\s/g, " ").replace(/\u2212/g, "-");

describe("formatMoney", () => {
  it("writes øre with two digits in every language", () => {
    expect(plain(formatMoney(1754.5, "nb"))).toBe("1 754,50 kr");
    expect(plain(formatMoney(1754.5, "nn"))).toBe("1 754,50 kr");
    expect(plain(formatMoney(1754.5, "en"))).toBe("NOK 1,754.50");
    expect(plain(formatMoney(0.05, "nb"))).toBe("0,05 kr");
    expect(plain(formatMoney(-250.4, "en"))).toBe("-NOK 250.40");
  });

  it("writes whole kroner without decimals", () => {
    expect(plain(formatMoney(7850, "nb"))).toBe("7 850 kr");
    expect(plain(formatMoney(7850, "en"))).toBe("NOK 7,850");
    expect(plain(formatMoney(-250, "nn"))).toBe("-250 kr");
  });

  it("rounds to øre first, so an amount a hair from whole kroner is whole", () => {
    expect(plain(formatMoney(0.1 + 0.2, "en"))).toBe("NOK 0.30");
    expect(plain(formatMoney(1754.999, "nb"))).toBe("1 755 kr");
    expect(plain(formatMoney(1754.004, "nb"))).toBe("1 754 kr");
  });
});
