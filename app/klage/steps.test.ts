import { describe, expect, it } from "vitest";
import { parseBegrunnelseStep, parseVedtakStep } from "./schemas";
import { isLate, klagefrist, osloDay } from "~/innsyn/klagefrist";
import { earliestDeadline, type KlageDecision } from "./steps";

const decision = (letterId: string, fattet: string): KlageDecision => ({ letterId, fattet, utfall: "AVSLATT", sakTittel: null });

describe("the complaint deadline", () => {
  it("is the same day three weeks later in Norway, and late only from the day after", () => {
    // Made at 23:30 Norwegian time on 1 December (22:30 UTC): the last day is 22 December.
    const fattet = "2026-12-01T22:30:00Z";
    expect(osloDay(klagefrist(fattet))).toBe("2026-12-22");
    expect(isLate(fattet, new Date("2026-12-22T22:59:00Z"))).toBe(false); // 23:59 on the 22nd in Oslo
    expect(isLate(fattet, new Date("2026-12-22T23:00:00Z"))).toBe(true); // 00:00 on the 23rd
  });

  it("that matters is the earliest of the chosen decisions", () => {
    expect(osloDay(earliestDeadline([decision("b", "2026-11-20T10:00:00Z"), decision("a", "2026-11-10T10:00:00Z")])!)).toBe("2026-12-01");
    expect(earliestDeadline([])).toBeNull();
  });
});

describe("the steps' rules", () => {
  const context = { decisions: [decision("a", "2026-11-10T10:00:00Z"), decision("b", "2026-11-20T10:00:00Z")], late: false };

  it("take only the søknad's own decisions, in the page's order, and at least one", () => {
    expect(parseVedtakStep({ vedtakIds: ["b", "x", "a", "a"] }, context)).toEqual({ ok: true, value: { vedtakIds: ["a", "b"] } });
    expect(parseVedtakStep({ vedtakIds: ["x"] }, context)).toEqual({ ok: false, errors: { vedtakIds: "klage:errors.vedtakRequired" } });
    expect(parseVedtakStep({}, context).ok).toBe(false);
  });

  it("need the text, at most 3000 characters, line breaks kept and the ends trimmed", () => {
    expect(parseBegrunnelseStep({ tekst: "  Første linje\r\nandre  " }, context)).toEqual({ ok: true, value: { tekst: "Første linje\nandre", forSentBegrunnelse: null } });
    expect(parseBegrunnelseStep({ tekst: "   " }, context)).toEqual({ ok: false, errors: { tekst: "klage:errors.tekstRequired" } });
    expect(parseBegrunnelseStep({ tekst: "x".repeat(3001) }, context)).toEqual({ ok: false, errors: { tekst: "klage:errors.tekstTooLong" } });
    expect(parseBegrunnelseStep({ tekst: ["to", "verdier"] }, context)).toEqual({ ok: true, value: { tekst: "to", forSentBegrunnelse: null } });
  });

  it("ask why it is late only when it is, and then require it", () => {
    expect(parseBegrunnelseStep({ tekst: "Uenig", forSentBegrunnelse: "Syk" }, context)).toEqual({ ok: true, value: { tekst: "Uenig", forSentBegrunnelse: null } });
    const late = { ...context, late: true };
    expect(parseBegrunnelseStep({ tekst: "Uenig", forSentBegrunnelse: "" }, late)).toEqual({ ok: false, errors: { forSentBegrunnelse: "klage:errors.lateRequired" } });
    expect(parseBegrunnelseStep({ tekst: "Uenig", forSentBegrunnelse: "Syk" }, late)).toEqual({ ok: true, value: { tekst: "Uenig", forSentBegrunnelse: "Syk" } });
  });
});
