import fc from "fast-check";
import { forecastSales, forecastSeasonality } from "../../src/functions/sales/forecastSales";
import { CustomFunctionsError } from "../setup/customFunctionsStub";
import { cell, col } from "../setup/excelCalls";

const NUM = { error: "#NUM!", message: "" };
const monthly = Array.from(
  { length: 48 },
  (_, t) => 100 + t + [12, 8, 3, -2, -6, -10, -12, -7, -2, 3, 9, 14][t % 12]
);

describe("FORECAST_SALES", () => {
  it("spills one column of forecasts, one row per period", () => {
    const r = cell(forecastSales, col(...monthly), 6) as number[][];
    expect(r).toHaveLength(6);
    r.forEach((row) => expect(row).toHaveLength(1));
    expect(r[0][0]).toBeCloseTo(148 + 12, -1);
  });

  it("defaults to one period ahead", () => {
    expect(cell(forecastSales, col(...monthly))).toHaveLength(1);
    expect(cell(forecastSales, col(...monthly), null, null, null)).toHaveLength(1);
  });

  it("adds lower and upper bounds with a confidence level", () => {
    const r = cell(forecastSales, col(...monthly), 3, null, 0.95) as number[][];
    expect(r).toHaveLength(3);
    for (const [f, lo, hi] of r) {
      expect(lo).toBeLessThan(f);
      expect(hi).toBeGreaterThan(f);
    }
  });

  it("reads a row as well as a column, with numeric text", () => {
    const a = cell(forecastSales, [monthly.map(String)], 2);
    const b = cell(forecastSales, col(...monthly), 2);
    expect(a).toEqual(b);
  });

  it("forecasts a constant as the constant", () => {
    expect(cell(forecastSales, col(5, 5, 5, 5), 2)).toEqual([[5], [5]]);
  });

  it("extrapolates a linear trend", () => {
    const r = cell(forecastSales, col(10, 20, 30, 40, 50), 2) as number[][];
    expect(r[0][0]).toBeCloseTo(60, 6);
    expect(r[1][0]).toBeCloseTo(70, 6);
  });

  // Issue 15 changed this on purpose: a blank inside the data is 0 on every Excel (desktop sends
  // it as 0 and cannot be told apart); leave a period out of the timeline to have it filled in.
  it.each([0, null, ""])(
    "trims blank rows (as %p) at the ends and counts blanks inside as 0",
    (b) => {
      const withBlanks = col(b, 10, 20, b, 40, 50, b, b);
      expect(cell(forecastSales, withBlanks, 1)).toEqual(
        cell(forecastSales, col(10, 20, 0, 40, 50), 1)
      );
    }
  );

  it("is #VALUE! saying how many periods are missing from the timeline when too many are", () => {
    const dates = col(46023, 46113, 46143, 46174); // Jan, Apr, May, Jun 2026: Feb and Mar missing
    expect(cell(forecastSales, col(1, 5, 6, 7), 1, null, null, dates)).toEqual({
      error: "#VALUE!",
      message: "the history is missing 2 of 6 values; at most 30% can be filled in",
    });
  });

  it("reads a title row selected with the data (B:B, B1:B49) as no value", () => {
    const plain = cell(forecastSales, col(...monthly), 6, null, 0.95);
    expect(cell(forecastSales, col("Revenue", ...monthly), 6, null, 0.95)).toEqual(plain);
    // A whole column: the title, the data, then blanks as each platform sends them.
    for (const blank of [0, null, ""]) {
      const whole = col("Revenue", ...monthly, ...Array<unknown>(40).fill(blank));
      expect(cell(forecastSales, whole, 6, null, 0.95)).toEqual(plain);
    }
    // With a timeline that has its own title ("Month"), and a timeline given as one blank cell.
    const months = monthly.map((_, i) => Date.UTC(2022, i, 1) / 86_400_000 + 25_569);
    const dated = cell(forecastSales, col(...monthly), 6, null, 0.95, col(...months));
    expect(
      cell(forecastSales, col("Revenue", ...monthly), 6, null, 0.95, col("Month", ...months))
    ).toEqual(dated);
    expect(cell(forecastSales, col("Revenue", ...monthly), 6, null, 0.95, [[null]])).toEqual(plain);
  });

  it("still names a title-like text inside the data", () => {
    expect(cell(forecastSales, col("Revenue", 1, 2, "Total", 4))).toEqual({
      error: "#VALUE!",
      message: 'History #4 is not a number: "Total"',
    });
  });

  it("is #VALUE! naming the position of text that is not a number", () => {
    expect(cell(forecastSales, col(1, 2, "abc", 4))).toEqual({
      error: "#VALUE!",
      message: 'History #3 is not a number: "abc"',
    });
  });

  it("is #VALUE! with fewer than three numbers", () => {
    expect(cell(forecastSales, col(1, 2, ""))).toEqual({
      error: "#VALUE!",
      message: "the history needs at least 3 numbers, it has 2",
    });
    expect(cell(forecastSales, col(null, ""))).toEqual({
      error: "#VALUE!",
      message: "History has no value other than 0 or blank",
    });
  });

  it.each([0, -1, 2.5, 241, "1.5"])("is #VALUE! naming horizon %p", (h) => {
    expect(cell(forecastSales, col(...monthly), h)).toEqual({
      error: "#VALUE!",
      message: `horizon must be a whole number from 1 to 240; got ${Number(h)}`,
    });
  });

  it("accepts horizon 240", () => {
    expect(cell(forecastSales, col(...monthly), 240)).toHaveLength(240);
  });

  it("is #VALUE! for a horizon that is not a number", () => {
    expect(cell(forecastSales, col(...monthly), "soon")).toEqual({
      error: "#VALUE!",
      message: 'horizon is not a number: "soon"',
    });
  });

  it("is #VALUE! for a season longer than half the history, or not whole", () => {
    expect(cell(forecastSales, col(...monthly), 1, 25)).toEqual({
      error: "#VALUE!",
      message: "seasonality must be at most half the history (24 for 48 values); got 25",
    });
    expect(cell(forecastSales, col(...monthly), 1, 2.5)).toEqual({
      error: "#VALUE!",
      message: "seasonality must be 0, 1 or a whole season length; got 2.5",
    });
    expect(cell(forecastSales, col(...monthly), 1, -1)).toMatchObject({ error: "#VALUE!" });
    expect(cell(forecastSales, col(...monthly), 1, 24)).toHaveLength(1);
  });

  it("accepts seasonality 0 (none) and 1 (detect)", () => {
    expect(cell(forecastSales, col(...monthly), 1, 0)).toHaveLength(1);
    expect(cell(forecastSales, col(...monthly), 1, 1)).toEqual(
      cell(forecastSales, col(...monthly), 1)
    );
  });

  it.each([0, 1, -0.5, 100, 150])("is #VALUE! naming confidence %p", (c) => {
    expect(cell(forecastSales, col(...monthly), 1, null, c)).toEqual({
      error: "#VALUE!",
      message: `confidence must be between 0 and 1 (e.g. 0.95), or a percentage below 100 (e.g. 95); got ${c}`,
    });
  });

  it("reads confidence 95 as 95% (a level above 1 can mean nothing else)", () => {
    expect(cell(forecastSales, col(...monthly), 3, null, 95)).toEqual(
      cell(forecastSales, col(...monthly), 3, null, 0.95)
    );
    expect(cell(forecastSales, col(...monthly), 3, null, 1.5)).toEqual(
      cell(forecastSales, col(...monthly), 3, null, 0.015)
    );
  });

  it("is #NUM! when the forecast overflows the float range", () => {
    const steady = [1e307, 2.1e307, 2.9e307, 4.2e307, 4.9e307, 6.1e307, 7e307, 8.1e307];
    expect(cell(forecastSales, col(...steady), 240)).toEqual(NUM);
  });

  it("is deterministic", () => {
    expect(cell(forecastSales, col(...monthly), 12, null, 0.9)).toEqual(
      cell(forecastSales, col(...monthly), 12, null, 0.9)
    );
  });

  it("never returns NaN or Infinity and throws only Excel errors for any history", () => {
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 0, max: 1000 }),
      fc.constant(null),
      fc.constant("")
    );
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 60 }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom(null, 0, 1, 2, 4, 12),
        fc.constantFrom(null, 0.5, 0.95),
        (values, h, season, level) => {
          let r: unknown;
          try {
            r = forecastSales(col(...values), [[h]], [[season]], [[level]]);
          } catch (e) {
            return e instanceof CustomFunctionsError;
          }
          return (r as unknown[][]).every((row) =>
            row.every(
              (v) =>
                (typeof v === "number" && Number.isFinite(v)) || v instanceof CustomFunctionsError
            )
          );
        }
      ),
      { numRuns: 150 }
    );
  });
});

describe("FORECAST_SEASONALITY", () => {
  it("gives the detected season length", () => {
    expect(cell(forecastSeasonality, col(...monthly))).toBe(12);
  });

  it("reads a title row as no value, as FORECAST_SALES does", () => {
    expect(cell(forecastSeasonality, col("Revenue", ...monthly))).toBe(
      cell(forecastSeasonality, col(...monthly))
    );
  });

  it("gives 1 when there is no season", () => {
    expect(cell(forecastSeasonality, col(1, 2, 3, 4, 5, 6, 7, 8))).toBe(1);
  });

  it("shares FORECAST_SALES's input rules", () => {
    expect(cell(forecastSeasonality, col(1, "x", 3))).toEqual({
      error: "#VALUE!",
      message: 'History #2 is not a number: "x"',
    });
    expect(cell(forecastSeasonality, col(1, 2))).toEqual({
      error: "#VALUE!",
      message: "the history needs at least 3 numbers, it has 2",
    });
  });
});
