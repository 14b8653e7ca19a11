import { clvFunction } from "../../src/functions/sales/clv";
import { cell } from "../setup/excelCalls";

describe("CLV", () => {
  it("multiplies revenue by margin and divides by churn", () => {
    expect(cell(clvFunction, 1000, 0.8, 0.05)).toBeCloseTo(16000);
  });

  it("reads numeric text such as percentages", () => {
    expect(cell(clvFunction, "$1,000", "80%", [["5%"]])).toBeCloseTo(16000);
  });

  it("is #DIV/0! when churn is 0, #VALUE! with a message when negative", () => {
    expect(cell(clvFunction, 1000, 0.8, 0)).toEqual({ error: "#DIV/0!", message: "" });
    expect(cell(clvFunction, 1000, 0.8, -0.1)).toEqual({
      error: "#VALUE!",
      message: "churn_rate must be a fraction between 0 and 1 (type 5% or 0.05); got -0.1",
    });
  });

  it("rejects a margin outside 0–1, a churn above 1 and negative revenue, naming the value", () => {
    expect(cell(clvFunction, 1000, 80, 0.05)).toEqual({
      error: "#VALUE!",
      message: "gross_margin must be a fraction between 0 and 1 (type 80% or 0.8); got 80",
    });
    expect(cell(clvFunction, 1000, -0.1, 0.05)).toEqual({
      error: "#VALUE!",
      message: "gross_margin must be a fraction between 0 and 1 (type 80% or 0.8); got -0.1",
    });
    expect(cell(clvFunction, 1000, 0.8, 5)).toEqual({
      error: "#VALUE!",
      message: "churn_rate must be a fraction between 0 and 1 (type 5% or 0.05); got 5",
    });
    expect(cell(clvFunction, -1000, 0.8, 0.05)).toEqual({
      error: "#VALUE!",
      message: "avg_revenue must be 0 or more; got -1000",
    });
  });

  it("names a bad argument", () => {
    expect(cell(clvFunction, "x", 0.8, 0.05)).toEqual({
      error: "#VALUE!",
      message: 'avg_revenue is not a number: "x"',
    });
  });

  it("is #NUM! instead of Infinity for a vanishing churn", () => {
    expect(cell(clvFunction, 1e308, 1, 1e-300)).toEqual({ error: "#NUM!", message: "" });
  });
});
