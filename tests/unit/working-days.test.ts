import { describe, expect, it } from "vitest";
import {
  addWorkingDays,
  easterSunday,
  frenchPublicHolidays,
  isOverdue,
  isWorkingDay,
  parisDate,
  workingDaysBetween,
} from "~/modules/tickets/working-days";

describe("easterSunday", () => {
  it.each([
    [2000, 4, 23],
    [2024, 3, 31],
    [2025, 4, 20],
    [2026, 4, 5],
    [2027, 3, 28],
    [2038, 4, 25],
  ])("Easter %i is %i/%i", (year, month, day) => {
    expect(easterSunday(year)).toEqual({ year, month, day });
  });

  it("rejects non-Gregorian or non-integer years", () => {
    expect(() => easterSunday(1500)).toThrow(RangeError);
    expect(() => easterSunday(2024.5)).toThrow(RangeError);
  });
});

describe("frenchPublicHolidays", () => {
  // Verified against the Easter dates (31 March 2024, 5 April 2026) + 1, 39 and 50 days.
  it("lists the 2024 holidays, sorted", () => {
    expect(frenchPublicHolidays(2024)).toEqual([
      "2024-01-01", // Jour de l'an
      "2024-04-01", // Lundi de Pâques
      "2024-05-01", // Fête du travail
      "2024-05-08", // Victoire 1945 (Wednesday)
      "2024-05-09", // Ascension (Thursday)
      "2024-05-20", // Lundi de Pentecôte
      "2024-07-14",
      "2024-08-15",
      "2024-11-01",
      "2024-11-11",
      "2024-12-25",
    ]);
  });

  it("lists the 2026 holidays, sorted", () => {
    expect(frenchPublicHolidays(2026)).toEqual([
      "2026-01-01",
      "2026-04-06", // Lundi de Pâques
      "2026-05-01",
      "2026-05-08",
      "2026-05-14", // Ascension
      "2026-05-25", // Lundi de Pentecôte
      "2026-07-14",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
  });

  it("returns distinct sorted dates (10 when Ascension falls on 1 or 8 May) and a fresh array", () => {
    for (let year = 2000; year <= 2050; year += 1) {
      const list = frenchPublicHolidays(year);
      const e = easterSunday(year);
      const ascension = new Date(Date.UTC(year, e.month - 1, e.day + 39)).toISOString().slice(0, 10);
      const collides = ascension === `${year}-05-01` || ascension === `${year}-05-08`;
      expect(list).toHaveLength(collides ? 10 : 11);
      expect(new Set(list).size).toBe(list.length);
      expect([...list].sort()).toEqual(list);
      expect(list.every((d) => d.startsWith(`${year}-`))).toBe(true);
    }
    // 2008: Easter 23 March, Ascension on 1 May.
    expect(frenchPublicHolidays(2008).filter((d) => d === "2008-05-01")).toHaveLength(1);
    expect(frenchPublicHolidays(2008)).toHaveLength(10);
    const a = frenchPublicHolidays(2024);
    a.push("mutated");
    expect(frenchPublicHolidays(2024)).toHaveLength(11);
  });
});

describe("isWorkingDay", () => {
  it("excludes weekends", () => {
    expect(isWorkingDay("2024-03-30")).toBe(false); // Saturday
    expect(isWorkingDay("2024-03-31")).toBe(false); // Sunday
    expect(isWorkingDay("2024-04-02")).toBe(true); // Tuesday
  });

  it("excludes holidays, but not the Alsace-Moselle extras", () => {
    expect(isWorkingDay("2024-04-01")).toBe(false); // Easter Monday
    expect(isWorkingDay("2024-05-08")).toBe(false);
    expect(isWorkingDay("2024-05-09")).toBe(false);
    expect(isWorkingDay("2024-12-25")).toBe(false);
    expect(isWorkingDay("2024-03-29")).toBe(true); // Good Friday
    expect(isWorkingDay("2024-12-26")).toBe(true); // Saint-Étienne
  });

  it("agrees with the holiday list for a whole year", () => {
    const holidays = new Set(frenchPublicHolidays(2025));
    let working = 0;
    for (let d = Date.UTC(2025, 0, 1); d < Date.UTC(2026, 0, 1); d += 86_400_000) {
      const date = new Date(d);
      const iso = date.toISOString().slice(0, 10);
      const weekend = date.getUTCDay() === 0 || date.getUTCDay() === 6;
      expect(isWorkingDay(iso)).toBe(!weekend && !holidays.has(iso));
      if (isWorkingDay(iso)) working += 1;
    }
    // 2025: 261 weekdays; 10 of the 11 holidays fall on a weekday (1 Nov is a Saturday).
    expect(working).toBe(251);
  });

  it("rejects malformed or impossible dates", () => {
    expect(() => isWorkingDay("2024-02-30")).toThrow(RangeError);
    expect(() => isWorkingDay("2024-2-3")).toThrow(RangeError);
    expect(() => isWorkingDay("2024-03-29T10:00:00Z")).toThrow(RangeError);
  });
});

describe("parisDate", () => {
  it("converts instants to the Paris calendar date (CET and CEST)", () => {
    expect(parisDate("2024-03-29T22:59:59Z")).toBe("2024-03-29"); // 23:59 CET
    expect(parisDate("2024-03-29T23:30:00Z")).toBe("2024-03-30"); // 00:30 CET, Saturday
    expect(parisDate("2024-06-30T21:59:59Z")).toBe("2024-06-30"); // 23:59 CEST
    expect(parisDate("2024-06-30T22:00:00Z")).toBe("2024-07-01"); // 00:00 CEST
    expect(parisDate("2024-06-30T23:30:00+02:00")).toBe("2024-06-30");
    expect(parisDate("2024-12-31T23:00:00.000Z")).toBe("2025-01-01");
  });

  it("treats offset-less date-times as UTC", () => {
    expect(parisDate("2024-03-29T23:30:00")).toBe("2024-03-30");
  });

  it("rejects garbage", () => {
    expect(() => parisDate("not a date")).toThrow(RangeError);
  });
});

describe("addWorkingDays", () => {
  it("returns the start's Paris date for 0 days, even on a weekend", () => {
    expect(addWorkingDays("2024-03-29T10:00:00Z", 0)).toBe("2024-03-29");
    expect(addWorkingDays("2024-03-29T23:30:00Z", 0)).toBe("2024-03-30");
  });

  it("does not count the start day and skips weekends", () => {
    expect(addWorkingDays("2024-01-05T09:00:00Z", 1)).toBe("2024-01-08"); // Fri → Mon
    expect(addWorkingDays("2024-01-08T09:00:00Z", 5)).toBe("2024-01-15"); // Mon → next Mon
    expect(addWorkingDays("2024-01-06T09:00:00Z", 1)).toBe("2024-01-08"); // Sat → Mon
  });

  it("skips holidays", () => {
    // Tuesday 7 May 2024: 8 May (Wed) and Ascension (Thu 9 May) are holidays.
    expect(addWorkingDays("2024-05-07T09:00:00Z", 1)).toBe("2024-05-10");
    expect(addWorkingDays("2024-05-07T09:00:00Z", 2)).toBe("2024-05-13");
    // Friday 17 May 2024 → Whit Monday 20 May is a holiday.
    expect(addWorkingDays("2024-05-17T09:00:00Z", 1)).toBe("2024-05-21");
    // Friday 29 March 2024 → Easter Monday 1 April is a holiday.
    expect(addWorkingDays("2024-03-29T09:00:00Z", 1)).toBe("2024-04-02");
  });

  it("crosses the year end", () => {
    expect(addWorkingDays("2024-12-24T09:00:00Z", 1)).toBe("2024-12-26");
    expect(addWorkingDays("2024-12-27T09:00:00Z", 2)).toBe("2024-12-31");
    expect(addWorkingDays("2024-12-27T09:00:00Z", 3)).toBe("2025-01-02");
    expect(addWorkingDays("2025-12-31T09:00:00Z", 1)).toBe("2026-01-02");
    expect(addWorkingDays("2026-12-24T09:00:00Z", 3)).toBe("2026-12-30"); // Thu 24 → Mon 28, Tue 29, Wed 30
  });

  it("counts from the Paris date, not the UTC date", () => {
    // Thursday 4 Jan 2024 23:30 UTC is already Friday 5 Jan in Paris.
    expect(addWorkingDays("2024-01-04T22:59:00Z", 1)).toBe("2024-01-05");
    expect(addWorkingDays("2024-01-04T23:30:00Z", 1)).toBe("2024-01-08");
    // Summer time: 22:00 UTC is midnight in Paris.
    expect(addWorkingDays("2024-07-11T21:59:00Z", 1)).toBe("2024-07-12"); // Thu → Fri
    expect(addWorkingDays("2024-07-11T22:00:00Z", 1)).toBe("2024-07-15"); // Fri → Mon (14 July is a Sunday)
  });

  it("rejects negative or non-integer day counts", () => {
    expect(() => addWorkingDays("2024-01-04T10:00:00Z", -1)).toThrow(RangeError);
    expect(() => addWorkingDays("2024-01-04T10:00:00Z", 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays("2024-01-04T10:00:00Z", Number.NaN)).toThrow(RangeError);
  });
});

describe("workingDaysBetween", () => {
  it("is 0 on the same Paris day or when the end precedes the start", () => {
    expect(workingDaysBetween("2024-01-04T08:00:00Z", "2024-01-04T20:00:00Z")).toBe(0);
    expect(workingDaysBetween("2024-01-10T08:00:00Z", "2024-01-04T20:00:00Z")).toBe(0);
  });

  it("counts working days after the start, end included", () => {
    expect(workingDaysBetween("2024-01-05T09:00:00Z", "2024-01-08T09:00:00Z")).toBe(1); // Fri → Mon
    expect(workingDaysBetween("2024-01-05T09:00:00Z", "2024-01-07T09:00:00Z")).toBe(0); // Fri → Sun
    expect(workingDaysBetween("2024-05-07T09:00:00Z", "2024-05-10T09:00:00Z")).toBe(1); // 8 & 9 May skipped
    // Fri 20 Dec 2024 → Mon 6 Jan 2025: 23, 24, 26, 27, 30, 31 Dec, 2, 3, 6 Jan.
    expect(workingDaysBetween("2024-12-20T10:00:00Z", "2025-01-06T10:00:00Z")).toBe(9);
  });

  it("uses Paris midnight as the day boundary", () => {
    // 22:59 UTC Thursday = 23:59 Paris Thursday; 23:00 UTC = 00:00 Paris Friday.
    expect(workingDaysBetween("2024-01-04T22:59:00Z", "2024-01-04T23:00:00Z")).toBe(1);
    // "2024-03-29T23:30:00Z" is already Saturday 30 March in Paris.
    expect(workingDaysBetween("2024-03-29T12:00:00Z", "2024-03-29T23:30:00Z")).toBe(0);
  });

  it("is the inverse of addWorkingDays (2024–2027, n = 0..40)", () => {
    const hours = ["00:15", "06:00", "11:30", "21:45", "22:30", "23:59"];
    let checked = 0;
    let i = 0;
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2028, 0, 1); t += 5 * 86_400_000) {
      const day = new Date(t).toISOString().slice(0, 10);
      const start = `${day}T${hours[i++ % hours.length]}:00Z`;
      for (let n = 0; n <= 40; n += 1) {
        const due = addWorkingDays(start, n);
        expect(workingDaysBetween(start, `${due}T12:00:00Z`), `${start} +${n} → ${due}`).toBe(n);
        if (n > 0) {
          expect(isWorkingDay(due)).toBe(true);
          // The day before the deadline is one working day short.
          const before = new Date(Date.parse(`${due}T12:00:00Z`) - 86_400_000).toISOString();
          expect(workingDaysBetween(start, before)).toBe(n - 1);
        }
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  });
});

describe("isOverdue", () => {
  it("is false up to the end of the due day in Paris, true afterwards", () => {
    expect(isOverdue("2024-05-10", "2024-05-09T12:00:00Z")).toBe(false);
    expect(isOverdue("2024-05-10", "2024-05-10T21:59:59Z")).toBe(false); // 23:59:59 CEST
    expect(isOverdue("2024-05-10", "2024-05-10T22:00:00Z")).toBe(true); // 00:00 CEST, 11 May
    expect(isOverdue("2024-01-10", "2024-01-10T22:59:59Z")).toBe(false); // 23:59:59 CET
    expect(isOverdue("2024-01-10", "2024-01-10T23:00:00Z")).toBe(true);
    expect(isOverdue("2024-12-31", "2025-01-01T09:00:00Z")).toBe(true);
  });

  it("works with addWorkingDays deadlines", () => {
    const due = addWorkingDays("2024-05-07T09:00:00Z", 2); // 2024-05-13
    expect(isOverdue(due, "2024-05-13T20:00:00Z")).toBe(false);
    expect(isOverdue(due, "2024-05-14T06:00:00Z")).toBe(true);
  });

  it("rejects a malformed due date", () => {
    expect(() => isOverdue("13/05/2024", "2024-05-14T06:00:00Z")).toThrow(RangeError);
  });
});
