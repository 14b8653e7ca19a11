import { toSerial } from "../../src/engine/dates";
import { pipelineValueFunction } from "../../src/functions/sales/pipelineValue";
import { cell, col } from "../setup/excelCalls";

const FEB_1 = toSerial(2026, 2, 1);

describe("PIPELINE_VALUE", () => {
  const amounts = col(100, "200", 300, 400, "", 500);
  const stages = col("Demo", "Proposal", "Won", "Lost", "Demo", "");
  const closes = col(FEB_1 - 31, FEB_1 + 0.5, FEB_1, FEB_1, FEB_1 + 16, FEB_1);

  it("sums the amounts of open deals", () => {
    expect(cell(pipelineValueFunction, amounts, stages)).toBe(300);
  });

  it("keeps only open deals closing inside an inclusive date range", () => {
    expect(cell(pipelineValueFunction, amounts, stages, closes, FEB_1, "2026-02-28")).toBe(200);
  });

  it("includes a close late on to_date", () => {
    expect(cell(pipelineValueFunction, amounts, stages, closes, null, FEB_1)).toBe(300);
  });

  it("leaves either end of the range open when omitted", () => {
    expect(cell(pipelineValueFunction, amounts, stages, closes, FEB_1, null)).toBe(200);
    expect(cell(pipelineValueFunction, amounts, stages, closes, null, FEB_1 - 1)).toBe(100);
  });

  it("ignores close_dates without a range", () => {
    expect(cell(pipelineValueFunction, amounts, stages, closes, null, null)).toBe(300);
  });

  it("leaves out open deals without a close date when a range is given", () => {
    expect(
      cell(pipelineValueFunction, col(100, 200), col("Demo", "Demo"), col(FEB_1, 0), FEB_1, null)
    ).toBe(100);
  });

  it("is 0 when nothing is open", () => {
    expect(cell(pipelineValueFunction, col(1, 2), col("Won", "Lost"))).toBe(0);
  });

  it("needs close_dates for a date range", () => {
    expect(cell(pipelineValueFunction, amounts, stages, null, FEB_1)).toEqual({
      error: "#VALUE!",
      message: "from_date/to_date needs close_dates",
    });
  });

  it("rejects a range that ends before it starts", () => {
    expect(cell(pipelineValueFunction, amounts, stages, closes, FEB_1, FEB_1 - 1)).toEqual({
      error: "#VALUE!",
      message: `to_date must be on or after from_date (${FEB_1}); got ${FEB_1 - 1}`,
    });
  });

  it("names bad cells and bad arguments", () => {
    expect(cell(pipelineValueFunction, col(1, "x"), col("Demo", "Demo"))).toEqual({
      error: "#VALUE!",
      message: 'Amount #2 is not a number: "x"',
    });
    expect(cell(pipelineValueFunction, col(1), col("Demo"), col("next week"))).toEqual({
      error: "#VALUE!",
      message: 'Close date #1 is not a date: "next week"',
    });
    expect(cell(pipelineValueFunction, col(1), col("Demo"), col(FEB_1), "soon")).toEqual({
      error: "#VALUE!",
      message: 'from_date is not a date: "soon"',
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(pipelineValueFunction, col(1, 2), col("Demo"))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
    expect(cell(pipelineValueFunction, col(1), col("Demo"), col(FEB_1, FEB_1))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });
});
