/**
 * The functions that take a period name follow the fiscal-year start month: FORECAST_CATEGORY's
 * "this/last fiscal quarter/year" and "FY…" against a bucketing of the rows done here with
 * JavaScript dates, for start months 1, 4 and 10.
 */
import { toSerial } from "../../src/engine/dates";
import { forecastCategoryFunction } from "../../src/functions/sales/forecastCategory";
import { cell, col } from "../setup/excelCalls";

/** One deal every 9 days over three years, all "Commit", amount = its index + 1. */
const rows = Array.from({ length: 120 }, (_, i) => {
  const t = Date.UTC(2025, 0, 3) + i * 9 * 86_400_000;
  const date = new Date(t);
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth() + 1;
  return { y, m, serial: toSerial(y, m, date.getUTCDate()), amount: i + 1 };
});
const AS_OF = toSerial(2026, 12, 4);

/** Fiscal year (named by its end year) and quarter index of a month. */
function fiscal(y: number, m: number, start: number) {
  const fy = start === 1 ? y : m >= start ? y + 1 : y;
  return { fy, fq: fy * 4 + Math.floor(((m - start + 12) % 12) / 3) };
}

describe("period names follow fiscal_year_start", () => {
  const cats = col(...rows.map(() => "Commit"));
  const amounts = col(...rows.map((r) => r.amount));
  const closes = col(...rows.map((r) => r.serial));
  for (const start of [1, 4, 10]) {
    it(`FORECAST_CATEGORY by fiscal quarter and year, start month ${start}`, () => {
      const here = fiscal(2026, 12, start);
      const sum = (keep: (f: { fy: number; fq: number }) => boolean) =>
        rows.filter((r) => keep(fiscal(r.y, r.m, start))).reduce((a, r) => a + r.amount, 0);
      const cases: [string, number][] = [
        ["This fiscal quarter", sum((f) => f.fq === here.fq)],
        ["Last fiscal quarter", sum((f) => f.fq === here.fq - 1)],
        ["This fiscal year", sum((f) => f.fy === here.fy)],
        ["Last fiscal year", sum((f) => f.fy === here.fy - 1)],
        ["FY2026", sum((f) => f.fy === 2026)],
        ["FY2026 Q2", sum((f) => f.fq === 2026 * 4 + 1)],
      ];
      for (const [period, want] of cases) {
        const got = cell(
          forecastCategoryFunction,
          cats,
          amounts,
          closes,
          "Commit",
          period,
          start,
          null,
          null,
          null,
          null,
          AS_OF
        );
        expect([period, got]).toEqual([period, want]);
        expect(want).toBeGreaterThan(0);
      }
    });
  }
});
