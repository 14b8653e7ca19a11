import { toSerial } from "../../src/engine/dates";
import { quotaAttainmentFunction } from "../../src/functions/sales/quotaAttainment";
import { cell, col } from "../setup/excelCalls";

const JAN_1 = toSerial(2026, 1, 1);
const JAN_31 = toSerial(2026, 1, 31);

describe("QUOTA_ATTAINMENT", () => {
  const amounts = col(600, 400, 300, "1,000", "");
  const stages = col("Won", "Closed Won", "Demo", "won", "Won");
  const closes = col(JAN_1 + 7, JAN_31 + 10, JAN_1 + 7, "", "2026-01-20");

  it("divides every won amount by the quota without a date range", () => {
    expect(cell(quotaAttainmentFunction, amounts, stages, closes, 1000)).toBe(2);
  });

  it("counts only won deals closed inside the inclusive range", () => {
    expect(cell(quotaAttainmentFunction, amounts, stages, closes, 1000, JAN_1, JAN_31 + 0.9)).toBe(
      0.6
    );
    expect(cell(quotaAttainmentFunction, amounts, stages, closes, "1000", "2026-02-01", null)).toBe(
      0.4
    );
    expect(cell(quotaAttainmentFunction, amounts, stages, closes, 1000, null, "2026-01-31")).toBe(
      0.6
    );
  });

  it("is #DIV/0! for a quota of 0 and #VALUE! naming a negative one", () => {
    expect(cell(quotaAttainmentFunction, amounts, stages, closes, 0)).toEqual({
      error: "#DIV/0!",
      message: "",
    });
    expect(cell(quotaAttainmentFunction, amounts, stages, closes, "-5")).toEqual({
      error: "#VALUE!",
      message: "quota must be more than 0; got -5",
    });
  });

  it("names bad cells and arguments", () => {
    expect(cell(quotaAttainmentFunction, amounts, stages, closes, "lots")).toEqual({
      error: "#VALUE!",
      message: 'quota is not a number: "lots"',
    });
    expect(
      cell(quotaAttainmentFunction, col(1, "?"), col("Won", "Won"), col(JAN_1, JAN_1), 10)
    ).toEqual({
      error: "#VALUE!",
      message: 'Amount #2 is not a number: "?"',
    });
    expect(cell(quotaAttainmentFunction, col(1), col("Won"), col("Jan 5"), 10)).toEqual({
      error: "#VALUE!",
      message: 'Close date #1 is not a date: "Jan 5"',
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(quotaAttainmentFunction, col(1, 2), col("Won", "Won"), col(JAN_1), 10)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });

  it("is 0 when nothing is won", () => {
    expect(cell(quotaAttainmentFunction, col(1), col("Lost"), col(JAN_1), 10)).toBe(0);
  });
});
