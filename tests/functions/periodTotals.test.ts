import { toSerial } from "../../src/engine/dates";
import { periodTotalsFunction } from "../../src/functions/sales/periodTotals";
import { cell, col } from "../setup/excelCalls";

const JAN_1 = toSerial(2026, 1, 1); // a Thursday
const JAN_5 = toSerial(2026, 1, 5); // Monday
const FEB_1 = toSerial(2026, 2, 1);
const MAR_1 = toSerial(2026, 3, 1);
const MAR_2 = toSerial(2026, 3, 2); // Monday
const APR_1 = toSerial(2026, 4, 1);

describe("PERIOD_TOTALS", () => {
  const dates = col(JAN_5, "2026-03-02", JAN_1 + 7, "", MAR_2 + 0.5);
  const amounts = col(100, 50, "$25", 999, 10);

  it("totals by month with empty months as 0 and undated rows ignored", () => {
    expect(cell(periodTotalsFunction, dates, amounts)).toEqual([
      [JAN_1, 125],
      [FEB_1, 0],
      [MAR_1, 60],
    ]);
  });

  it("totals by ISO week (Monday start), day, quarter and year", () => {
    const weeks = cell(periodTotalsFunction, dates, amounts, "week") as number[][];
    expect(weeks).toHaveLength(9);
    expect(weeks[0]).toEqual([JAN_5, 125]);
    expect(weeks[8]).toEqual([MAR_2, 60]);
    expect(
      weeks.slice(1, 8).every(([start, total], i) => start === JAN_5 + 7 * (i + 1) && total === 0)
    ).toBe(true);
    const days = cell(periodTotalsFunction, dates, amounts, "Day") as number[][];
    expect(days).toHaveLength(MAR_2 - JAN_5 + 1);
    expect(days[3]).toEqual([JAN_1 + 7, 25]);
    expect(cell(periodTotalsFunction, dates, amounts, "quarter")).toEqual([[JAN_1, 185]]);
    expect(cell(periodTotalsFunction, dates, amounts, "year")).toEqual([[JAN_1, 185]]);
  });

  it("counts only won deals when stages are given", () => {
    expect(
      cell(
        periodTotalsFunction,
        dates,
        amounts,
        null,
        null,
        null,
        col("Won", "Closed Won", "Demo", "Won", "Lost")
      )
    ).toEqual([
      [JAN_1, 100],
      [FEB_1, 0],
      [MAR_1, 50],
    ]);
  });

  it("spans the given range, leaving rows outside it out", () => {
    expect(cell(periodTotalsFunction, dates, amounts, "month", "2026-02-15", APR_1 + 9)).toEqual([
      [FEB_1, 0],
      [MAR_1, 60],
      [APR_1, 0],
    ]);
    expect(cell(periodTotalsFunction, dates, amounts, "month", null, FEB_1)).toEqual([
      [JAN_1, 125],
      [FEB_1, 0],
    ]);
  });

  it("spills zeros for a range with no rows in it", () => {
    expect(
      cell(periodTotalsFunction, dates, amounts, "quarter", "2027-01-01", "2027-06-30")
    ).toEqual([
      [toSerial(2027, 1, 1), 0],
      [toSerial(2027, 4, 1), 0],
    ]);
  });

  it("is #N/A when no row is dated", () => {
    expect(cell(periodTotalsFunction, col("", 0, null), col(1, 2, 3))).toEqual({
      error: "#N/A",
      message: "no dated rows",
    });
    expect(cell(periodTotalsFunction, dates, amounts, null, "2030-01-01")).toEqual({
      error: "#N/A",
      message: "no dated rows",
    });
  });

  it("names bad cells and options", () => {
    expect(cell(periodTotalsFunction, col(JAN_1, "March"), col(1, 2))).toEqual({
      error: "#VALUE!",
      message: 'Date #2 is not a date: "March"',
    });
    expect(cell(periodTotalsFunction, col(JAN_1), col("lots"))).toEqual({
      error: "#VALUE!",
      message: 'Amount #1 is not a number: "lots"',
    });
    expect(cell(periodTotalsFunction, dates, amounts, "fortnight")).toEqual({
      error: "#VALUE!",
      message: 'period "fortnight" is not one of: month, day, week, quarter, year',
    });
  });

  it("rejects unequal ranges and a range ending before it starts", () => {
    expect(cell(periodTotalsFunction, col(JAN_1), col(1, 2))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
    expect(cell(periodTotalsFunction, dates, amounts, null, null, null, col("Won"))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
    expect(cell(periodTotalsFunction, dates, amounts, null, MAR_1, FEB_1)).toEqual({
      error: "#VALUE!",
      message: `to_date must be on or after from_date (${MAR_1}); got ${FEB_1}`,
    });
  });

  it("is #VALUE! with a message beyond 10,000 periods", () => {
    expect(cell(periodTotalsFunction, col(1, 2958465), col(1, 1), "day")).toEqual({
      error: "#VALUE!",
      message:
        "the dates span 2958465 periods of one day; at most 10000 can be listed: choose a longer period or set from_date/to_date",
    });
    // 10,000 days spill; 10,001 do not.
    expect(cell(periodTotalsFunction, col(1, 10000), col(1, 1), "day")).toHaveLength(10000);
    expect(cell(periodTotalsFunction, col(1, 10001), col(1, 1), "day")).toMatchObject({
      error: "#VALUE!",
    });
  });

  it("shows #NUM! in a period whose total overflows", () => {
    const r = cell(
      periodTotalsFunction,
      col(JAN_1, JAN_1, FEB_1),
      col(1e308, 1e308, 5)
    ) as unknown[][];
    expect((r[0][1] as { code: string }).code).toBe("#NUM!");
    expect(r[1]).toEqual([FEB_1, 5]);
  });
});
