import { salesVelocityFunction } from "../../src/functions/sales/salesVelocity";
import { cell } from "../setup/excelCalls";

const NUM = { error: "#NUM!", message: "" };
const DIV0 = { error: "#DIV/0!", message: "" };

describe("SALES_VELOCITY", () => {
  it("multiplies deals, win rate and deal size and divides by cycle days", () => {
    expect(cell(salesVelocityFunction, 40, 0.25, 12000, 60)).toBe(2000);
  });

  it("reads numeric text and single-cell ranges", () => {
    expect(cell(salesVelocityFunction, [["40"]], "25%", "$12,000", " 60 ")).toBe(2000);
  });

  it("is 0 with no open deals (a blank cell on desktop)", () => {
    expect(cell(salesVelocityFunction, 0, 0.25, 12000, 60)).toBe(0);
  });

  it("rejects a win rate outside 0–1 and negative counts or sizes, naming the value", () => {
    expect(cell(salesVelocityFunction, 40, 25, 12000, 60)).toEqual({
      error: "#VALUE!",
      message: "win_rate must be a fraction between 0 and 1 (type 25% or 0.25); got 25",
    });
    expect(cell(salesVelocityFunction, 40, -0.1, 12000, 60)).toEqual({
      error: "#VALUE!",
      message: "win_rate must be a fraction between 0 and 1 (type 25% or 0.25); got -0.1",
    });
    expect(cell(salesVelocityFunction, -1, 0.25, 12000, 60)).toEqual({
      error: "#VALUE!",
      message: "open_deals must be 0 or more; got -1",
    });
    expect(cell(salesVelocityFunction, 40, 0.25, -5, 60)).toEqual({
      error: "#VALUE!",
      message: "avg_deal_size must be 0 or more; got -5",
    });
  });

  it("is #DIV/0! when cycle_days is 0, #VALUE! when negative", () => {
    expect(cell(salesVelocityFunction, 40, 0.25, 12000, 0)).toEqual(DIV0);
    expect(cell(salesVelocityFunction, 40, 0.25, 12000, -3)).toEqual({
      error: "#VALUE!",
      message: "cycle_days must be more than 0; got -3",
    });
  });

  it("names a bad argument", () => {
    expect(cell(salesVelocityFunction, 40, "abc", 12000, 60)).toEqual({
      error: "#VALUE!",
      message: 'win_rate is not a number: "abc"',
    });
  });

  it('reads a blank required argument as 0 on every platform (desktop 0, web null, text "")', () => {
    for (const blank of [0, null, ""]) {
      expect(cell(salesVelocityFunction, blank, 0.25, 12000, 60)).toBe(0);
      expect(cell(salesVelocityFunction, 40, 0.25, 12000, blank)).toEqual(DIV0);
    }
  });

  it("stays finite near the largest number", () => {
    expect(cell(salesVelocityFunction, 1e308, 1, 1e308, 1)).toEqual(NUM);
  });
});
