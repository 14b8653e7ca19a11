import { growthFunction } from "../../src/functions/sales/growth";
import { cell, col } from "../setup/excelCalls";

describe("GROWTH", () => {
  it("compares the last value with the one before it", () => {
    expect(cell(growthFunction, col(100, 120, 150))).toBe(0.25);
  });

  it("compares lag positions back", () => {
    expect(cell(growthFunction, col(100, 120, 150), 2)).toBe(0.5);
    const months = col(...Array.from({ length: 13 }, (_, i) => (i === 0 ? 80 : 100)));
    expect(cell(growthFunction, months, "12")).toBe(0.25);
  });

  it("skips blank cells, including trailing ones", () => {
    expect(cell(growthFunction, col(100, "", 120, null, 150, "", null))).toBe(0.25);
  });

  it("treats a 0 as a value", () => {
    expect(cell(growthFunction, col(100, 0))).toBe(-1);
  });

  it("divides by the absolute earlier value", () => {
    expect(cell(growthFunction, col(-100, -50))).toBe(0.5);
  });

  it("reads numeric text", () => {
    expect(cell(growthFunction, col("1,000", "$1,100"))).toBeCloseTo(0.1);
  });

  it("is #DIV/0! when the earlier value is 0", () => {
    expect(cell(growthFunction, col(0, 10))).toEqual({ error: "#DIV/0!", message: "" });
  });

  it("is #N/A with too few values", () => {
    expect(cell(growthFunction, col(5, 6), 2)).toEqual({
      error: "#N/A",
      message: "needs at least 3 values, got 2",
    });
    expect(cell(growthFunction, col("", null))).toEqual({
      error: "#N/A",
      message: "needs at least 2 values, got 0",
    });
  });

  it("rejects a lag that is not a whole number of 1 or more", () => {
    expect(cell(growthFunction, col(1, 2, 3), 0)).toEqual({ error: "#NUM!", message: "" });
    expect(cell(growthFunction, col(1, 2, 3), 1.5)).toEqual({ error: "#NUM!", message: "" });
    expect(cell(growthFunction, col(1, 2, 3), "one")).toEqual({
      error: "#VALUE!",
      message: 'lag is not a number: "one"',
    });
  });

  it("names a bad value by position", () => {
    expect(cell(growthFunction, col(1, "n/a", 3))).toEqual({
      error: "#VALUE!",
      message: 'Value #2 is not a number: "n/a"',
    });
  });
});
