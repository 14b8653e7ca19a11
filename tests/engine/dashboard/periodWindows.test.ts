import {
  ALL_TIME_FROM,
  ALL_TIME_TO,
  FISCAL_CHOICES,
  PeriodChoice,
  fiscalPeriodName,
  periodChoices,
  inRange,
  monthStarts,
  periodRange,
  previousAsOf,
} from "../../../src/engine/dashboard/periodWindows";
import { toSerial } from "../../../src/engine/dates";
import { isError } from "../../../src/engine/errors";

const d = (y: number, m: number, day: number): number => toSerial(y, m, day);

/** The previous window of a choice (the test fails on an error). */
function prev(...args: Parameters<typeof periodRange>) {
  const r = periodRange(...args);
  if (isError(r)) throw new Error(r.message);
  return r.previous;
}

describe("periodRange", () => {
  const asOf = d(2026, 5, 10) + 0.75; // a time of day is ignored

  it("selects the whole current month, quarter and year; compares the same elapsed span before", () => {
    expect(periodRange("thisMonth", asOf)).toEqual({
      from: d(2026, 5, 1),
      to: d(2026, 5, 31),
      previous: { from: d(2026, 4, 1), to: d(2026, 4, 10) },
    });
    expect(periodRange("thisQuarter", asOf)).toEqual({
      from: d(2026, 4, 1),
      to: d(2026, 6, 30),
      previous: { from: d(2026, 1, 1), to: d(2026, 2, 10) },
    });
    expect(periodRange("thisYear", asOf)).toEqual({
      from: d(2026, 1, 1),
      to: d(2026, 12, 31),
      previous: { from: d(2025, 1, 1), to: d(2025, 5, 10) },
    });
  });

  it("compares a period under way with the same days of the one before (the brief's dates)", () => {
    expect(prev("thisYear", d(2026, 12, 4))).toEqual({
      from: d(2025, 1, 1),
      to: d(2025, 12, 4),
    });
    expect(prev("thisQuarter", d(2026, 11, 15))).toEqual({
      from: d(2026, 7, 1),
      to: d(2026, 8, 15),
    });
    // Month ends clip as Excel's EDATE clips: 31 May → 30 Apr, 31 Mar → 28 Feb.
    expect(prev("thisMonth", d(2026, 5, 31))).toEqual({
      from: d(2026, 4, 1),
      to: d(2026, 4, 30),
    });
    expect(prev("thisMonth", d(2026, 3, 31))).toEqual({
      from: d(2026, 2, 1),
      to: d(2026, 2, 28),
    });
    expect(prev("thisMonth", d(2026, 3, 1))).toEqual({
      from: d(2026, 2, 1),
      to: d(2026, 2, 1),
    });
    // On a period's last day all of it has passed: the whole period before.
    expect(prev("thisQuarter", d(2026, 3, 31))).toEqual({
      from: d(2025, 10, 1),
      to: d(2025, 12, 31),
    });
    expect(prev("thisYear", d(2026, 12, 31))).toEqual({
      from: d(2025, 1, 1),
      to: d(2025, 12, 31),
    });
  });

  it("handles the leap day both ways", () => {
    const leap = d(2028, 2, 29);
    expect(prev("thisYear", leap)).toEqual({
      from: d(2027, 1, 1),
      to: d(2027, 2, 28),
    });
    expect(prev("thisMonth", leap)).toEqual({
      from: d(2028, 1, 1),
      to: d(2028, 1, 29),
    });
    expect(prev("thisQuarter", leap)).toEqual({
      from: d(2027, 10, 1),
      to: d(2027, 11, 29),
    });
    expect(prev("thisMonth", d(2028, 3, 31))).toEqual({
      from: d(2028, 2, 1),
      to: d(2028, 2, 29),
    });
    expect(prev("thisYear", d(2029, 2, 28))).toEqual({
      from: d(2028, 1, 1),
      to: d(2028, 2, 28),
    });
  });

  it("takes the last 12 months as this month and the 11 before, the current month to date", () => {
    expect(periodRange("last12Months", d(2026, 2, 3))).toEqual({
      from: d(2025, 3, 1),
      to: d(2026, 2, 28),
      previous: { from: d(2024, 3, 1), to: d(2025, 2, 3) },
    });
    expect(prev("last12Months", d(2026, 2, 28))).toEqual({
      from: d(2024, 3, 1),
      to: d(2025, 2, 28),
    });
  });

  it("handles January and the first quarter (previous period in the year before)", () => {
    const jan = d(2026, 1, 15);
    expect(periodRange("thisMonth", jan)).toMatchObject({
      previous: { from: d(2025, 12, 1), to: d(2025, 12, 15) },
    });
    expect(periodRange("thisQuarter", jan)).toMatchObject({
      previous: { from: d(2025, 10, 1), to: d(2025, 10, 15) },
    });
  });

  it("compares periods that are over with the whole period before", () => {
    expect(periodRange("lastQuarter", asOf)).toEqual({
      from: d(2026, 1, 1),
      to: d(2026, 3, 31),
      previous: { from: d(2025, 10, 1), to: d(2025, 12, 31) },
    });
    expect(periodRange("lastYear", d(2026, 1, 1))).toEqual({
      from: d(2025, 1, 1),
      to: d(2025, 12, 31),
      previous: { from: d(2024, 1, 1), to: d(2024, 12, 31) },
    });
  });

  it("gives all time Excel's whole date range and no previous period", () => {
    expect(periodRange("allTime", asOf)).toEqual({
      from: ALL_TIME_FROM,
      to: ALL_TIME_TO,
      previous: null,
    });
  });

  it("compares a custom range with the same number of days just before", () => {
    expect(periodRange("custom", asOf, { from: d(2026, 3, 10), to: d(2026, 3, 19) })).toEqual({
      from: d(2026, 3, 10),
      to: d(2026, 3, 19),
      previous: { from: d(2026, 2, 28), to: d(2026, 3, 9) },
    });
  });

  it("compares a custom range under way with as many days from the range before", () => {
    // 1–31 May as of 10 May: 10 days have passed; the 31 days before start on 31 Mar.
    expect(periodRange("custom", asOf, { from: d(2026, 5, 1), to: d(2026, 5, 31) })).toEqual({
      from: d(2026, 5, 1),
      to: d(2026, 5, 31),
      previous: { from: d(2026, 3, 31), to: d(2026, 4, 9) },
    });
    // Ending on the as-of day (all of it has passed) or wholly ahead: the equal range before.
    expect(prev("custom", asOf, { from: d(2026, 5, 1), to: d(2026, 5, 10) })).toEqual({
      from: d(2026, 4, 21),
      to: d(2026, 4, 30),
    });
    expect(prev("custom", asOf, { from: d(2026, 6, 1), to: d(2026, 6, 30) })).toEqual({
      from: d(2026, 5, 2),
      to: d(2026, 5, 31),
    });
  });

  it("refuses a custom range without both ends or ending before it starts", () => {
    expect(isError(periodRange("custom", asOf, { from: d(2026, 3, 10), to: null }))).toBe(true);
    expect(isError(periodRange("custom", asOf))).toBe(true);
    const r = periodRange("custom", asOf, { from: d(2026, 3, 10), to: d(2026, 3, 9) });
    expect(isError(r) && r.kind).toBe("value");
  });
});

describe("monthStarts", () => {
  it("lists month starts ending with the as-of month, oldest first", () => {
    expect(monthStarts(d(2026, 2, 20), 3)).toEqual([d(2025, 12, 1), d(2026, 1, 1), d(2026, 2, 1)]);
    expect(monthStarts(d(2026, 2, 20), 0)).toEqual([]);
  });
});

describe("inRange", () => {
  it("counts whole days, so a time on the last day is inside", () => {
    const r = { from: d(2026, 1, 1), to: d(2026, 1, 31) };
    expect(inRange(d(2026, 1, 31) + 0.99, r)).toBe(true);
    expect(inRange(d(2026, 2, 1), r)).toBe(false);
    expect(inRange(d(2025, 12, 31) + 0.5, r)).toBe(false);
  });
});

/**
 * The fiscal choices against an independent computation: every day of five years is put in its
 * fiscal year (named by its end year) and quarter with JavaScript's Date, and a period's range is
 * the first and last day of the days sharing the as-of day's (shifted) group.
 */
describe("periodRange with a fiscal-year start month", () => {
  const DAY_MS = 86_400_000;
  const EPOCH = Date.UTC(1899, 11, 30);
  const serialOf = (t: number): number => Math.round((t - EPOCH) / DAY_MS);
  /** Every day of 2023–2028 with its fiscal year and quarter index (year*4 + quarter-1). */
  function days(start: number) {
    const out: { serial: number; fy: number; fq: number }[] = [];
    for (let t = Date.UTC(2023, 0, 1); t <= Date.UTC(2028, 11, 31); t += DAY_MS) {
      const date = new Date(t);
      const m = date.getUTCMonth() + 1;
      const y = date.getUTCFullYear();
      // The fiscal year ends in the calendar year of its last month.
      const fy = start === 1 ? y : m >= start ? y + 1 : y;
      const monthsIn = (m - start + 12) % 12;
      out.push({ serial: serialOf(t), fy, fq: fy * 4 + Math.floor(monthsIn / 3) });
    }
    return out;
  }
  const span = (rows: { serial: number }[]) => ({
    from: Math.min(...rows.map((r) => r.serial)),
    to: Math.max(...rows.map((r) => r.serial)),
  });
  /** The same calendar date `months` earlier, clipped to that month's end, by JavaScript's Date. */
  const sameDateBack = (asOf: number, months: number): number => {
    const t = new Date(EPOCH + Math.floor(asOf) * DAY_MS);
    const y = t.getUTCFullYear();
    const m = t.getUTCMonth() - months;
    const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    return serialOf(Date.UTC(y, m, Math.min(t.getUTCDate(), lastDay)));
  };
  const asOfs = [
    d(2026, 1, 1),
    d(2028, 2, 29),
    d(2026, 5, 31),
    d(2026, 3, 31),
    d(2026, 4, 1),
    d(2026, 9, 30),
    d(2026, 10, 1),
    d(2026, 12, 4) + 0.6,
  ];

  for (const start of [1, 4, 10]) {
    const all = days(start);
    it(`matches the days' fiscal quarters and years (start month ${start})`, () => {
      for (const asOf of asOfs) {
        const here = all.find((r) => r.serial === Math.floor(asOf))!;
        const quarter = (k: number) => span(all.filter((r) => r.fq === here.fq - k));
        const year = (k: number) => span(all.filter((r) => r.fy === here.fy - k));
        const got = (c: PeriodChoice) => periodRange(c, asOf, undefined, start);
        // A period under way compares with the period before up to the same date in it.
        const toDate = (r: { from: number }, months: number) => ({
          from: r.from,
          to: sameDateBack(asOf, months),
        });
        expect(got("thisFiscalQuarter")).toEqual({
          ...quarter(0),
          previous: toDate(quarter(1), 3),
        });
        expect(got("lastFiscalQuarter")).toEqual({ ...quarter(1), previous: quarter(2) });
        expect(got("thisFiscalYear")).toEqual({ ...year(0), previous: toDate(year(1), 12) });
        expect(got("lastFiscalYear")).toEqual({ ...year(1), previous: year(2) });
      }
    });
  }

  it("leaves the calendar choices calendar whatever the start month", () => {
    const asOf = d(2026, 5, 10);
    for (const c of ["thisMonth", "thisQuarter", "thisYear", "last12Months"] as const)
      expect(periodRange(c, asOf, undefined, 10)).toEqual(periodRange(c, asOf));
    expect(periodRange("lastQuarter", asOf, undefined, 10)).toEqual({
      from: d(2026, 1, 1),
      to: d(2026, 3, 31),
      previous: { from: d(2025, 10, 1), to: d(2025, 12, 31) },
    });
    expect(periodRange("lastYear", asOf)).toMatchObject({
      from: d(2025, 1, 1),
      to: d(2025, 12, 31),
    });
  });

  it("compares fiscal periods under way with the same days of the one before (hand-written)", () => {
    // April start, as of 4 Dec 2026: FY2027 Q3 is Oct–Dec 2026.
    const dec4 = d(2026, 12, 4);
    expect(periodRange("thisFiscalYear", dec4, undefined, 4)).toEqual({
      from: d(2026, 4, 1),
      to: d(2027, 3, 31),
      previous: { from: d(2025, 4, 1), to: d(2025, 12, 4) },
    });
    expect(periodRange("thisFiscalQuarter", dec4, undefined, 4)).toEqual({
      from: d(2026, 10, 1),
      to: d(2026, 12, 31),
      previous: { from: d(2026, 7, 1), to: d(2026, 9, 4) },
    });
    expect(prev("lastFiscalQuarter", dec4, undefined, 4)).toEqual({
      from: d(2026, 4, 1),
      to: d(2026, 6, 30),
    });
    expect(prev("lastFiscalYear", dec4, undefined, 4)).toEqual({
      from: d(2024, 4, 1),
      to: d(2025, 3, 31),
    });
    // October start on the leap day: FY2028 runs Oct 2027 – Sep 2028, its Q2 Jan–Mar 2028.
    const leap = d(2028, 2, 29);
    expect(prev("thisFiscalYear", leap, undefined, 10)).toEqual({
      from: d(2026, 10, 1),
      to: d(2027, 2, 28),
    });
    expect(prev("thisFiscalQuarter", leap, undefined, 10)).toEqual({
      from: d(2027, 10, 1),
      to: d(2027, 11, 29),
    });
    // October start on 31 March, the quarter's last day: the whole quarter before.
    expect(prev("thisFiscalQuarter", d(2026, 3, 31), undefined, 10)).toEqual({
      from: d(2025, 10, 1),
      to: d(2025, 12, 31),
    });
  });

  it("reads a start month outside 1–12 as January, as the sheet does", () => {
    const asOf = d(2026, 5, 10);
    for (const bad of [0, 13, 4.5, NaN])
      expect(periodRange("thisFiscalYear", asOf, undefined, bad)).toEqual(
        periodRange("thisYear", asOf)
      );
  });

  it("names the fiscal period by its end year", () => {
    const asOf = d(2026, 12, 4);
    expect(fiscalPeriodName("thisFiscalYear", asOf, 4)).toBe("FY2027");
    expect(fiscalPeriodName("lastFiscalYear", asOf, 4)).toBe("FY2026");
    expect(fiscalPeriodName("thisFiscalQuarter", asOf, 4)).toBe("FY2027 Q3");
    expect(fiscalPeriodName("lastFiscalQuarter", asOf, 4)).toBe("FY2027 Q2");
    expect(fiscalPeriodName("thisFiscalQuarter", asOf, 10)).toBe("FY2027 Q1");
    expect(fiscalPeriodName("lastFiscalQuarter", asOf, 10)).toBe("FY2026 Q4");
    expect(fiscalPeriodName("thisFiscalYear", asOf, 1)).toBe("FY2026");
    expect(fiscalPeriodName("thisYear", asOf, 4)).toBeNull();
  });

  it("lists each period once: calendar ones with a January start, fiscal ones added otherwise", () => {
    expect(periodChoices(1)).toEqual([
      "thisMonth",
      "thisQuarter",
      "lastQuarter",
      "thisYear",
      "lastYear",
      "last12Months",
      "allTime",
      "custom",
    ]);
    for (const start of [4, 10]) {
      const list = periodChoices(start);
      expect(list).toEqual(expect.arrayContaining([...FISCAL_CHOICES, "thisQuarter", "thisYear"]));
      expect(list).not.toContain("lastQuarter");
      expect(new Set(list).size).toBe(list.length);
    }
  });
});

describe("previousAsOf", () => {
  const at = (c: PeriodChoice, asOf: number, custom?: { from: number; to: number }) => {
    const r = periodRange(c, asOf, custom);
    if (isError(r)) throw new Error(r.message);
    return previousAsOf(r, asOf);
  };
  it("reads a period under way's previous window as of its own last day", () => {
    expect(at("thisYear", d(2026, 12, 4) + 0.5)).toBe(d(2025, 12, 4));
    expect(at("thisMonth", d(2026, 5, 31))).toBe(d(2026, 4, 30));
    expect(at("custom", d(2026, 5, 10), { from: d(2026, 5, 1), to: d(2026, 5, 31) })).toBe(
      d(2026, 4, 9)
    );
  });
  it("gives a period that is over as many days after the previous window as today is after it", () => {
    // Last quarter (Jul–Sep 2026) as of 4 Dec: 65 days after 30 Sep; 30 Jun + 65 days = 3 Sep.
    expect(at("lastQuarter", d(2026, 12, 4))).toBe(d(2026, 9, 3));
    expect(at("lastYear", d(2026, 1, 1))).toBe(d(2025, 1, 1));
    // 10–19 Mar as of 10 May: 52 days after 19 Mar; 9 Mar + 52 days = 30 Apr.
    expect(at("custom", d(2026, 5, 10), { from: d(2026, 3, 10), to: d(2026, 3, 19) })).toBe(
      d(2026, 4, 30)
    );
  });
  it("has none for all time", () => {
    expect(at("allTime", d(2026, 5, 10))).toBeNull();
  });
});
