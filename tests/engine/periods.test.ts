import { fromSerial, toSerial } from "../../src/engine/dates";
import { EngineError } from "../../src/engine/errors";
import {
  PERIODS,
  dateWindow,
  inWindow,
  periodKey,
  periodKeyFunction,
  periodKeyStart,
  periodStart,
} from "../../src/engine/periods";

const MAR_16_2026_NOON = toSerial(2026, 3, 16, 12);

describe("periodStart", () => {
  it.each([
    ["day", toSerial(2026, 3, 16)],
    ["week", toSerial(2026, 3, 16)], // a Monday
    ["month", toSerial(2026, 3, 1)],
    ["quarter", toSerial(2026, 1, 1)],
    ["year", toSerial(2026, 1, 1)],
  ] as const)("starts the %s of 2026-03-16 12:00 at the right day", (period, start) =>
    expect(periodStart(MAR_16_2026_NOON, period)).toBe(start)
  );

  it("starts ISO weeks on Monday", () => {
    expect(periodStart(toSerial(2000, 1, 1), "week")).toBe(toSerial(1999, 12, 27)); // Saturday → Monday
    expect(periodStart(toSerial(2026, 3, 22), "week")).toBe(toSerial(2026, 3, 16)); // Sunday → Monday
  });

  it("agrees with the Date-based calendar on every day from 1900-03-01 to 2200", () => {
    for (let s = toSerial(1900, 3, 1); s < toSerial(2200, 1, 1); s++) {
      const p = fromSerial(s);
      const expected = {
        day: s,
        week: s - ((p.weekday + 6) % 7),
        month: toSerial(p.year, p.month, 1),
        quarter: toSerial(p.year, Math.floor((p.month - 1) / 3) * 3 + 1, 1),
        year: toSerial(p.year, 1, 1),
      };
      for (const period of PERIODS) {
        if (periodStart(s + 0.5, period) !== expected[period]) throw new Error(`${period} of ${s}`);
      }
    }
  });

  it("gives consecutive periods consecutive keys", () => {
    for (const period of PERIODS) {
      const k = periodKey(MAR_16_2026_NOON, period);
      expect(periodKey(periodKeyStart(k + 1, period), period)).toBe(k + 1);
      expect(periodKeyStart(k + 1, period)).toBeGreaterThan(MAR_16_2026_NOON);
    }
    expect(
      periodKey(toSerial(2026, 1, 1), "month") - periodKey(toSerial(2025, 12, 31), "month")
    ).toBe(1);
  });
});

describe("dateWindow", () => {
  it("is null when both ends are open", () => expect(dateWindow(null, null)).toBeNull());
  it("compares calendar days, so the whole last day is inside", () => {
    const w = dateWindow(100.7, 200) as { from: number; to: number };
    expect(inWindow(100.1, w)).toBe(true);
    expect(inWindow(200.99, w)).toBe(true);
    expect(inWindow(201, w)).toBe(false);
    expect(inWindow(99.9, w)).toBe(false);
  });
  it("leaves a missing end open", () => {
    expect(inWindow(1e6, dateWindow(5, null) as never)).toBe(true);
    expect(inWindow(1, dateWindow(null, 5) as never)).toBe(true);
  });
  it("rejects an end before the start", () =>
    expect(dateWindow(200, 100)).toEqual(
      new EngineError("value", "to_date must be on or after from_date (200); got 100")
    ));
});

describe("periodKeyFunction", () => {
  it("gives the same keys as periodKey for every period on every day from 1900-03-01 to 2200", () => {
    for (const period of PERIODS) {
      const keyOf = periodKeyFunction(period);
      for (let s = toSerial(1900, 3, 1); s < toSerial(2200, 1, 1); s++) {
        if (keyOf(s + 0.25) !== periodKey(s, period)) throw new Error(`${period} of ${s}`);
      }
    }
  });
});
