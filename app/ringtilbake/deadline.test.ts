/**
 * The call-back deadlines over the calendar: weekends, Norway's public holidays (Easter 2026 and
 * 2027, 17 May, Christmas), the summer-time changes, and every position against opening hours.
 * Every expectation is an exact instant in UTC, worked out by hand from Oslo's wall clock
 * (UTC+1 in winter, UTC+2 in summer), so an hour off anywhere fails.
 */
import { describe, expect, it } from "vitest";
import type { Hastegrad } from "../fagsystem/contract";
import {
  DEFAULT_APNINGSTIDER,
  addDays,
  callbackDeadline,
  deadlineDay,
  easterSunday,
  isOfficeOpen,
  isOverdue,
  isPublicHoliday,
  isWorkingDay,
  nextOpening,
  officeDaysAfter,
  osloDate,
  osloInstant,
  osloTimeOfDay,
  osloWeekday,
  publicHolidays,
  type Apningstider,
} from "./deadline";

const WEEK = ["MANDAG", "TIRSDAG", "ONSDAG", "TORSDAG", "FREDAG"] as const;
/** 08:00–15:30 every weekday. */
const ordinary: Apningstider = WEEK.map((dag) => ({ dag, fra: "08:00", til: "15:30" }));
/** The mock's offices: 10:00–15:00, Friday to 14:00. */
const mockOffice: Apningstider = WEEK.map((dag) => ({ dag, fra: "10:00", til: dag === "FREDAG" ? "14:00" : "15:00" }));

const deadline = (filed: string, hastegrad: Hastegrad, hours: Apningstider = ordinary) => callbackDeadline(new Date(filed), hastegrad, hours).toISOString();

describe("the calendar", () => {
  it("finds Easter Sunday by the anonymous Gregorian algorithm, the earliest and latest possible included", () => {
    expect(easterSunday(2024)).toBe("2024-03-31");
    expect(easterSunday(2025)).toBe("2025-04-20");
    expect(easterSunday(2026)).toBe("2026-04-05");
    expect(easterSunday(2027)).toBe("2027-03-28");
    expect(easterSunday(2000)).toBe("2000-04-23");
    expect(easterSunday(2038)).toBe("2038-04-25");
    expect(easterSunday(2285)).toBe("2285-03-22");
  });

  it("lists Norway's public holidays that can fall on a weekday, in date order", () => {
    expect(publicHolidays(2026).map((holiday) => holiday.date)).toEqual([
      "2026-01-01",
      "2026-04-02",
      "2026-04-03",
      "2026-04-06",
      "2026-05-01",
      "2026-05-14",
      "2026-05-17",
      "2026-05-25",
      "2026-12-25",
      "2026-12-26",
    ]);
    // 2027: Whit Monday is 17 May, and both are listed.
    expect(publicHolidays(2027).filter((holiday) => holiday.date === "2027-05-17").map((holiday) => holiday.name)).toEqual(["Grunnlovsdag", "Andre pinsedag"]);
    expect(publicHolidays(2027).map((holiday) => holiday.date)).toContain("2027-03-25");
  });

  it("counts Monday to Friday as working days, except holidays; Christmas Eve and New Year's Eve are working days", () => {
    expect(isWorkingDay("2026-03-10")).toBe(true);
    expect(isWorkingDay("2026-03-14")).toBe(false); // Saturday
    expect(isWorkingDay("2026-03-15")).toBe(false); // Sunday
    expect(isWorkingDay("2026-04-02")).toBe(false); // Maundy Thursday
    expect(isWorkingDay("2026-04-07")).toBe(true); // the Tuesday after Easter
    expect(isWorkingDay("2026-05-01")).toBe(false);
    expect(isWorkingDay("2028-05-17")).toBe(false); // a Wednesday
    expect(isWorkingDay("2026-12-24")).toBe(true);
    expect(isWorkingDay("2026-12-31")).toBe(true);
    expect(isPublicHoliday("2026-12-26")).toBe(true);
    expect(isPublicHoliday("2026-12-27")).toBe(false);
  });

  it("reads Norway's date and weekday at an instant, not UTC's", () => {
    // 23:30 UTC on Friday 13 March is 00:30 on Saturday in Oslo.
    expect(osloDate(new Date("2026-03-13T23:30:00Z"))).toBe("2026-03-14");
    expect(osloWeekday(new Date("2026-03-13T23:30:00Z"))).toBe("LORDAG");
    // 22:30 UTC in summer is already tomorrow in Oslo too (UTC+2).
    expect(osloDate("2026-06-01T22:30:00Z")).toBe("2026-06-02");
    expect(osloDate("2026-06-01T21:59:59Z")).toBe("2026-06-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(osloTimeOfDay("2026-03-10T14:30:00Z")).toBe("15:30");
    expect(osloTimeOfDay("2026-06-10T14:30:00Z")).toBe("16:30");
  });

  it("turns Norwegian wall-clock time into instants on both sides of the clock changes", () => {
    expect(osloInstant("2026-03-28", 10 * 60).toISOString()).toBe("2026-03-28T09:00:00.000Z");
    expect(osloInstant("2026-03-30", 10 * 60).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(osloInstant("2026-03-29", 3 * 60).toISOString()).toBe("2026-03-29T01:00:00.000Z"); // 03:00 summer time
    expect(osloInstant("2026-03-29", 1 * 60).toISOString()).toBe("2026-03-29T00:00:00.000Z"); // 01:00 winter time
    expect(osloInstant("2026-10-24", 15 * 60 + 30).toISOString()).toBe("2026-10-24T13:30:00.000Z");
    expect(osloInstant("2026-10-26", 15 * 60 + 30).toISOString()).toBe("2026-10-26T14:30:00.000Z");
  });
});

describe("opening hours", () => {
  it("is open from opening time up to, not at, closing time, on working days only", () => {
    const open = (at: string, hours = ordinary) => isOfficeOpen(hours, new Date(at));
    expect(open("2026-03-10T06:59:59Z")).toBe(false); // 07:59:59
    expect(open("2026-03-10T07:00:00Z")).toBe(true); // 08:00
    expect(open("2026-03-10T14:29:59Z")).toBe(true); // 15:29:59
    expect(open("2026-03-10T14:30:00Z")).toBe(false); // 15:30
    expect(open("2026-03-14T10:00:00Z")).toBe(false); // Saturday
    expect(open("2026-04-02T10:00:00Z")).toBe(false); // Maundy Thursday
    expect(open("2026-06-02T06:30:00Z")).toBe(true); // 08:30 summer time
    expect(open("2026-06-02T13:45:00Z")).toBe(false); // 15:45 summer time
    expect(open("2026-03-13T13:30:00Z", mockOffice)).toBe(false); // Friday 14:30: the mock's offices close at 14
  });

  it("finds the opening a moment falls in, or the next one, past weekends and holidays", () => {
    const next = (at: string, hours = ordinary) => {
      const opening = nextOpening(hours, new Date(at));
      return [opening.fra.toISOString(), opening.til.toISOString()];
    };
    expect(next("2026-03-10T09:00:00Z")).toEqual(["2026-03-10T07:00:00.000Z", "2026-03-10T14:30:00.000Z"]);
    expect(next("2026-03-10T15:00:00Z")).toEqual(["2026-03-11T07:00:00.000Z", "2026-03-11T14:30:00.000Z"]);
    // Wednesday before Easter, after closing: Tuesday after Easter, in summer time.
    expect(next("2026-04-01T15:00:00Z")).toEqual(["2026-04-07T06:00:00.000Z", "2026-04-07T13:30:00.000Z"]);
  });

  it("counts office days after a date: working days on which the office has hours", () => {
    expect(officeDaysAfter(ordinary, "2026-03-13", 1)).toBe("2026-03-16");
    expect(officeDaysAfter(ordinary, "2026-04-01", 2)).toBe("2026-04-08");
    const mondayToThursday = ordinary.filter((entry) => entry.dag !== "FREDAG");
    expect(officeDaysAfter(mondayToThursday, "2026-03-11", 2)).toBe("2026-03-16");
  });
});

describe("I_DAG: within 2 hours, and before the office closes", () => {
  it("gives 2 hours when the office is open with at least 2 hours left", () => {
    expect(deadline("2026-03-10T08:15:00Z", "I_DAG")).toBe("2026-03-10T10:15:00.000Z"); // 09:15 → 11:15
    expect(deadline("2026-03-10T12:30:00Z", "I_DAG")).toBe("2026-03-10T14:30:00.000Z"); // 13:30 → 15:30, exactly 2 hours
  });

  it("gives the closing time when fewer than 2 hours are left", () => {
    expect(deadline("2026-03-10T14:00:00Z", "I_DAG")).toBe("2026-03-10T14:30:00.000Z"); // 15:00, 30 minutes before closing
    expect(deadline("2026-03-10T12:31:00Z", "I_DAG")).toBe("2026-03-10T14:30:00.000Z"); // 13:31
    expect(deadline("2026-03-13T11:30:00Z", "I_DAG", mockOffice)).toBe("2026-03-13T13:00:00.000Z"); // Friday 12:30, the office closes at 14
  });

  it("runs the 2 hours from opening when filed before it", () => {
    expect(deadline("2026-03-10T06:10:00Z", "I_DAG")).toBe("2026-03-10T09:00:00.000Z"); // 07:10 → 10:00
    expect(deadline("2026-03-10T05:00:00Z", "I_DAG", mockOffice)).toBe("2026-03-10T11:00:00.000Z"); // 06:00 → 12:00
  });

  it("moves to 2 hours after the next opening when filed at or after closing", () => {
    expect(deadline("2026-03-10T14:30:00Z", "I_DAG")).toBe("2026-03-11T09:00:00.000Z"); // at 15:30 → Wednesday 10:00
    expect(deadline("2026-03-10T22:00:00Z", "I_DAG")).toBe("2026-03-11T09:00:00.000Z"); // 23:00
    expect(deadline("2026-03-10T23:30:00Z", "I_DAG")).toBe("2026-03-11T09:00:00.000Z"); // 00:30 on Wednesday
  });

  it("moves from Friday afternoon and the weekend to Monday", () => {
    expect(deadline("2026-03-13T15:00:00Z", "I_DAG")).toBe("2026-03-16T09:00:00.000Z"); // Friday 16:00 → Monday 10:00
    expect(deadline("2026-03-13T13:30:00Z", "I_DAG", mockOffice)).toBe("2026-03-16T11:00:00.000Z"); // Friday 14:30 after the mock's office closed → Monday 12:00
    expect(deadline("2026-03-14T11:00:00Z", "I_DAG")).toBe("2026-03-16T09:00:00.000Z"); // Saturday
  });

  it("skips Easter 2026 (into summer time) and Easter 2027 (whose Sunday the clocks change)", () => {
    // Wednesday 1 April 2026 16:00 → Tuesday 7 April 10:00 summer time.
    expect(deadline("2026-04-01T14:00:00Z", "I_DAG")).toBe("2026-04-07T08:00:00.000Z");
    // Wednesday 24 March 2027 14:00 winter time: 1.5 hours left.
    expect(deadline("2027-03-24T13:00:00Z", "I_DAG")).toBe("2027-03-24T14:30:00.000Z");
    // Wednesday 24 March 2027 16:00 winter time → Tuesday 30 March 10:00 summer time.
    expect(deadline("2027-03-24T15:00:00Z", "I_DAG")).toBe("2027-03-30T08:00:00.000Z");
    // Filed on Good Friday 2026, during what would be opening hours.
    expect(deadline("2026-04-03T09:00:00Z", "I_DAG")).toBe("2026-04-07T08:00:00.000Z");
  });

  it("skips the holiday after a day before a holiday", () => {
    // Tuesday 16 May 2028 16:00 → Thursday 18 May 10:00 (17 May is a Wednesday).
    expect(deadline("2028-05-16T14:00:00Z", "I_DAG")).toBe("2028-05-18T08:00:00.000Z");
    // Christmas Eve 2026 (a Thursday, a working day) 16:00 → Monday 28 December 10:00.
    expect(deadline("2026-12-24T15:00:00Z", "I_DAG")).toBe("2026-12-28T09:00:00.000Z");
    // New Year's Eve 2026 after closing → Monday 4 January 2027 (1 January is a Friday).
    expect(deadline("2026-12-31T16:00:00Z", "I_DAG")).toBe("2027-01-04T09:00:00.000Z");
  });

  it("crosses the autumn clock change: Friday evening in summer time, Monday in winter time", () => {
    expect(deadline("2026-10-23T14:00:00Z", "I_DAG")).toBe("2026-10-26T09:00:00.000Z");
    expect(deadline("2026-03-27T15:00:00Z", "I_DAG")).toBe("2026-03-30T08:00:00.000Z");
  });

  it("closes at the day's last closing time, and opens after a lunch break", () => {
    const withLunch: Apningstider = WEEK.flatMap((dag) => [
      { dag, fra: "12:30", til: "15:00" },
      { dag, fra: "09:00", til: "11:30" },
    ]);
    expect(deadline("2026-03-10T09:00:00Z", "I_DAG", withLunch)).toBe("2026-03-10T11:00:00.000Z"); // 10:00 → 12:00, over the break
    expect(deadline("2026-03-10T10:45:00Z", "I_DAG", withLunch)).toBe("2026-03-10T13:30:00.000Z"); // 11:45, in the break → 12:30 + 2h
    expect(deadline("2026-03-10T12:30:00Z", "I_DAG", withLunch)).toBe("2026-03-10T14:00:00.000Z"); // 13:30 → 15:00
  });
});

describe("TO_VIRKEDAGER: by closing on the second office day after the day it was filed", () => {
  it("does not count the day it was filed, whatever the time", () => {
    expect(deadline("2026-03-09T06:00:00Z", "TO_VIRKEDAGER")).toBe("2026-03-11T14:30:00.000Z"); // Monday 07:00 → Wednesday 15:30
    expect(deadline("2026-03-09T19:00:00Z", "TO_VIRKEDAGER")).toBe("2026-03-11T14:30:00.000Z"); // Monday 20:00
  });

  it("skips weekends", () => {
    expect(deadline("2026-03-13T12:00:00Z", "TO_VIRKEDAGER")).toBe("2026-03-17T14:30:00.000Z"); // Friday → Tuesday
    expect(deadline("2026-03-14T12:00:00Z", "TO_VIRKEDAGER")).toBe("2026-03-17T14:30:00.000Z"); // Saturday → Tuesday
    expect(deadline("2026-03-13T12:00:00Z", "TO_VIRKEDAGER", mockOffice)).toBe("2026-03-17T14:00:00.000Z"); // the mock's office closes at 15
  });

  it("skips Easter", () => {
    // Tuesday 31 March 2026 → Wednesday 1 April (1), Tuesday 7 April (2) at 15:30 summer time.
    expect(deadline("2026-03-31T08:00:00Z", "TO_VIRKEDAGER")).toBe("2026-04-07T13:30:00.000Z");
    expect(deadline("2026-04-01T08:00:00Z", "TO_VIRKEDAGER")).toBe("2026-04-08T13:30:00.000Z");
    // Wednesday 24 March 2027 (winter time) → Tuesday 30 (1), Wednesday 31 March (2) in summer time.
    expect(deadline("2027-03-24T13:00:00Z", "TO_VIRKEDAGER")).toBe("2027-03-31T13:30:00.000Z");
  });

  it("skips 17 May and Ascension Day", () => {
    // Friday 14 May 2027 → Monday 17 May (17 May and Whit Monday) skipped → Tuesday (1), Wednesday 19 (2).
    expect(deadline("2027-05-14T10:00:00Z", "TO_VIRKEDAGER")).toBe("2027-05-19T13:30:00.000Z");
    // Wednesday 13 May 2026 → Thursday 14 (Ascension) skipped → Friday 15 (1), Monday 18 (2).
    expect(deadline("2026-05-13T10:00:00Z", "TO_VIRKEDAGER")).toBe("2026-05-18T13:30:00.000Z");
  });

  it("counts Christmas Eve, and skips Christmas and New Year's Day", () => {
    expect(deadline("2026-12-23T13:00:00Z", "TO_VIRKEDAGER")).toBe("2026-12-28T14:30:00.000Z"); // Thursday 24 (1), Monday 28 (2)
    expect(deadline("2026-12-30T13:00:00Z", "TO_VIRKEDAGER")).toBe("2027-01-04T14:30:00.000Z"); // Thursday 31 (1), Monday 4 January (2)
  });

  it("crosses the autumn clock change", () => {
    expect(deadline("2026-10-23T10:00:00Z", "TO_VIRKEDAGER")).toBe("2026-10-27T14:30:00.000Z"); // Friday in summer time → Tuesday 15:30 winter time
  });

  it("counts only the days the office has hours", () => {
    const mondayToThursday = ordinary.filter((entry) => entry.dag !== "FREDAG");
    expect(deadline("2026-03-11T10:00:00Z", "TO_VIRKEDAGER", mondayToThursday)).toBe("2026-03-16T14:30:00.000Z"); // Wednesday → Thursday (1), Monday (2)
  });
});

describe("NAR_DET_PASSER: by closing on the fifth office day after the day it was filed", () => {
  it("is a week of office days", () => {
    expect(deadline("2026-03-13T12:00:00Z", "NAR_DET_PASSER")).toBe("2026-03-20T14:30:00.000Z"); // Friday → the next Friday
    expect(deadline("2026-03-10T12:00:00Z", "NAR_DET_PASSER")).toBe("2026-03-17T14:30:00.000Z"); // Tuesday → the next Tuesday
  });

  it("skips Easter and Christmas", () => {
    // Monday 30 March 2026: Tuesday 31 (1), Wednesday 1 (2), Tuesday 7 (3), Wednesday 8 (4), Thursday 9 April (5).
    expect(deadline("2026-03-30T08:00:00Z", "NAR_DET_PASSER")).toBe("2026-04-09T13:30:00.000Z");
    // Wednesday 23 December 2026: 24 (1), 28 (2), 29 (3), 30 (4), 31 December (5).
    expect(deadline("2026-12-23T13:00:00Z", "NAR_DET_PASSER")).toBe("2026-12-31T14:30:00.000Z");
  });
});

describe("hours that cannot be read", () => {
  it("takes ordinary working hours when NORG gives none, or none usable", () => {
    expect(deadline("2026-03-10T14:00:00Z", "I_DAG", [])).toBe("2026-03-10T14:30:00.000Z");
    expect(deadline("2026-03-10T14:00:00Z", "I_DAG", [{ dag: "TIRSDAG", fra: "stengt", til: "" }])).toBe("2026-03-10T14:30:00.000Z");
    expect(deadline("2026-03-10T14:00:00Z", "I_DAG", [{ dag: "TIRSDAG", fra: "15:00", til: "09:00" }])).toBe("2026-03-10T14:30:00.000Z");
    expect(DEFAULT_APNINGSTIDER).toEqual(ordinary);
  });

  it("reads 8.00 as well as 08:00, and ignores an unreadable entry beside readable ones", () => {
    const mixed: Apningstider = [
      { dag: "TIRSDAG", fra: "9.00", til: "14.00" },
      { dag: "ONSDAG", fra: "?", til: "15:00" },
    ];
    expect(deadline("2026-03-10T12:00:00Z", "I_DAG", mixed)).toBe("2026-03-10T13:00:00.000Z"); // Tuesday 13:00 → 14:00
    expect(deadline("2026-03-10T12:00:00Z", "TO_VIRKEDAGER", mixed)).toBe("2026-03-24T13:00:00.000Z"); // only Tuesdays: 17 (1), 24 (2)
  });
});

describe("overdue and how to say the day", () => {
  it("is overdue after the deadline, not at it", () => {
    expect(isOverdue("2026-03-10T14:30:00.000Z", new Date("2026-03-10T14:30:00.000Z"))).toBe(false);
    expect(isOverdue("2026-03-10T14:30:00.000Z", new Date("2026-03-10T14:30:00.001Z"))).toBe(true);
    expect(isOverdue(new Date("2026-03-10T14:30:00.000Z"), new Date("2026-03-10T13:00:00.000Z"))).toBe(false);
  });

  it("says today, tomorrow, or the weekday and date, in Norway's calendar", () => {
    const now = new Date("2026-03-13T15:00:00Z"); // Friday 16:00
    expect(deadlineDay("2026-03-13T15:30:00Z", now)).toEqual({ when: "I_DAG", date: "2026-03-13", weekday: "FREDAG" });
    expect(deadlineDay("2026-03-14T08:00:00Z", now)).toEqual({ when: "I_MORGEN", date: "2026-03-14", weekday: "LORDAG" });
    expect(deadlineDay("2026-03-16T09:00:00Z", now)).toEqual({ when: "SENERE", date: "2026-03-16", weekday: "MANDAG" });
    // 23:30 UTC on Friday is Saturday in Oslo: tomorrow, not today.
    expect(deadlineDay("2026-03-13T23:30:00Z", now).when).toBe("I_MORGEN");
    // A deadline already passed is still "today" (the page says it is overdue).
    expect(deadlineDay("2026-03-10T09:00:00Z", now).when).toBe("I_DAG");
  });
});
