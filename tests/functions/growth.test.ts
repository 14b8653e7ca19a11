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

  // Issue 15 changed this on purpose: blanks count as 0 on every Excel (desktop sends them as 0),
  // and the zeros after the last non-zero value are a range past the data.
  it.each([0, null, ""])("counts blanks (as %p) inside as 0 and trims trailing ones", (b) => {
    expect(cell(growthFunction, col(100, b, 120, b, 150, b, b), 2)).toBe(0.25);
    expect(cell(growthFunction, col(100, 120, 150, b, b))).toBe(0.25);
  });

  it("treats a 0 inside the data as a value, and trailing zeros as past the data", () => {
    expect(cell(growthFunction, col(100, 0, 50), 2)).toBe(-0.5);
    expect(cell(growthFunction, col(100, 0))).toEqual({
      error: "#N/A",
      message: "needs at least 2 values, got 1",
    });
  });

  it("divides by the absolute earlier value", () => {
    expect(cell(growthFunction, col(-100, -50))).toBe(0.5);
  });

  it("reads numeric text", () => {
    expect(cell(growthFunction, col("1,000", "$1,100"))).toBeCloseTo(0.1);
  });

  it("is #DIV/0! when the earlier value is 0", () => {
    expect(cell(growthFunction, col(5, 0, 10))).toEqual({ error: "#DIV/0!", message: "" });
  });

  it("is #N/A with too few values", () => {
    expect(cell(growthFunction, col(5, 6), 2)).toEqual({
      error: "#N/A",
      message: "needs at least 3 values, got 2",
    });
    expect(cell(growthFunction, col("", null))).toEqual({
      error: "#VALUE!",
      message: "Value has no value other than 0 or blank",
    });
  });

  it("reads a lag of 0 as omitted: desktop passes an empty cell as 0, the web as null", () => {
    const omitted = cell(growthFunction, col(1, 2, 3), null);
    expect(omitted).toBeCloseTo((3 - 2) / 2, 12);
    expect(cell(growthFunction, col(1, 2, 3), 0)).toEqual(omitted);
  });

  it("rejects a lag that is not a whole number of 1 or more", () => {
    expect(cell(growthFunction, col(1, 2, 3), -1)).toEqual({
      error: "#VALUE!",
      message: "lag must be a whole number of 1 or more; got -1",
    });
    expect(cell(growthFunction, col(1, 2, 3), 1.5)).toEqual({
      error: "#VALUE!",
      message: "lag must be a whole number of 1 or more; got 1.5",
    });
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
