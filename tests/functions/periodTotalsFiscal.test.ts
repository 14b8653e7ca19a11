/**
 * PERIOD_TOTALS with a fiscal-year start month: quarter and year totals against a bucketing of
 * the same rows done here with JavaScript dates (fiscal year named by its end year).
 */
import { toSerial } from "../../src/engine/dates";
import { periodTotalsFunction } from "../../src/functions/sales/periodTotals";
import { cell, col } from "../setup/excelCalls";

/** 40 deals spread over 2025-2027 (deterministic), with amounts. */
const rows = Array.from({ length: 40 }, (_, i) => {
  const y = 2025 + (i % 3);
  const m = ((i * 7) % 12) + 1;
  const d = ((i * 11) % 28) + 1;
  return { y, m, d, serial: toSerial(y, m, d), amount: 100 + i * 13 };
});

/** Totals by (fiscal) quarter or year, keyed by the period's first day, every period listed. */
function expected(period: "quarter" | "year", start: number): number[][] {
  const len = period === "quarter" ? 3 : 12;
  // Months since the first fiscal period start at or before 2025-01 … then bucket by len.
  const index = (y: number, m: number) => Math.floor((y * 12 + m - 1 - (start - 1)) / len);
  const keys = rows.map((r) => index(r.y, r.m));
  const first = Math.min(...keys);
  const last = Math.max(...keys);
  const out: number[][] = [];
  for (let k = first; k <= last; k++) {
    const monthIndex = k * len + start - 1;
    const from = toSerial(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, 1);
    const total = rows.filter((_, i) => keys[i] === k).reduce((a, r) => a + r.amount, 0);
    out.push([from, total]);
  }
  return out;
}

describe("PERIOD_TOTALS with fiscal_year_start", () => {
  const dates = col(...rows.map((r) => r.serial));
  const amounts = col(...rows.map((r) => r.amount));
  for (const start of [1, 4, 10]) {
    it(`totals fiscal quarters and years starting in month ${start}`, () => {
      for (const period of ["quarter", "year"] as const) {
        const got = cell(
          periodTotalsFunction,
          dates,
          amounts,
          period,
          null,
          null,
          null,
          null,
          start
        );
        expect([period, got]).toEqual([period, expected(period, start)]);
      }
    });
  }

  it("starts an April fiscal year on 1 April and names nothing else differently", () => {
    const got = cell(
      periodTotalsFunction,
      col(toSerial(2026, 3, 31), toSerial(2026, 4, 1)),
      col(1, 2),
      "year",
      null,
      null,
      null,
      null,
      4
    );
    expect(got).toEqual([
      [toSerial(2025, 4, 1), 1],
      [toSerial(2026, 4, 1), 2],
    ]);
    // Months, weeks and days do not move with the start month.
    const month = cell(periodTotalsFunction, dates, amounts, "month", null, null, null, null, 4);
    expect(month).toEqual(cell(periodTotalsFunction, dates, amounts, "month"));
  });

  it("keeps a window's ends in their fiscal periods", () => {
    const got = cell(
      periodTotalsFunction,
      dates,
      amounts,
      "quarter",
      toSerial(2026, 5, 15),
      toSerial(2026, 12, 31),
      null,
      null,
      4
    ) as number[][];
    expect(got.map((r) => r[0])).toEqual([
      toSerial(2026, 4, 1),
      toSerial(2026, 7, 1),
      toSerial(2026, 10, 1),
    ]);
  });

  it("rejects a start month outside 1–12 with a message", () => {
    expect(
      cell(periodTotalsFunction, dates, amounts, "year", null, null, null, null, 13)
    ).toMatchObject({
      message: "fiscal_year_start must be a month number from 1 to 12",
    });
  });
});
