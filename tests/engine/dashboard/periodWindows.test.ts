import {
  ALL_TIME_FROM,
  ALL_TIME_TO,
  inRange,
  monthStarts,
  periodRange,
} from "../../../src/engine/dashboard/periodWindows";
import { toSerial } from "../../../src/engine/dates";
import { isError } from "../../../src/engine/errors";

const d = (y: number, m: number, day: number): number => toSerial(y, m, day);

describe("periodRange", () => {
  const asOf = d(2026, 5, 10) + 0.75; // a time of day is ignored

  it("selects the whole current month, quarter and year, with the one before", () => {
    expect(periodRange("thisMonth", asOf)).toEqual({
      from: d(2026, 5, 1),
      to: d(2026, 5, 31),
      previous: { from: d(2026, 4, 1), to: d(2026, 4, 30) },
    });
    expect(periodRange("thisQuarter", asOf)).toEqual({
      from: d(2026, 4, 1),
      to: d(2026, 6, 30),
      previous: { from: d(2026, 1, 1), to: d(2026, 3, 31) },
    });
    expect(periodRange("thisYear", asOf)).toEqual({
      from: d(2026, 1, 1),
      to: d(2026, 12, 31),
      previous: { from: d(2025, 1, 1), to: d(2025, 12, 31) },
    });
  });

  it("takes the last 12 months as this month and the 11 before, across a year end", () => {
    expect(periodRange("last12Months", d(2026, 2, 3))).toEqual({
      from: d(2025, 3, 1),
      to: d(2026, 2, 28),
      previous: { from: d(2024, 3, 1), to: d(2025, 2, 28) },
    });
  });

  it("handles January and the first quarter (previous period in the year before)", () => {
    const jan = d(2026, 1, 15);
    expect(periodRange("thisMonth", jan)).toMatchObject({
      previous: { from: d(2025, 12, 1), to: d(2025, 12, 31) },
    });
    expect(periodRange("thisQuarter", jan)).toMatchObject({
      previous: { from: d(2025, 10, 1), to: d(2025, 12, 31) },
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
