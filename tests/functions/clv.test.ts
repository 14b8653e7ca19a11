import { clvFunction } from "../../src/functions/sales/clv";
import { cell } from "../setup/excelCalls";

describe("CLV", () => {
  it("multiplies revenue by margin and divides by churn", () => {
    expect(cell(clvFunction, 1000, 0.8, 0.05)).toBeCloseTo(16000);
  });

  it("reads numeric text such as percentages", () => {
    expect(cell(clvFunction, "$1,000", "80%", [["5%"]])).toBeCloseTo(16000);
  });

  it("is #DIV/0! when churn is 0 or less", () => {
    expect(cell(clvFunction, 1000, 0.8, 0)).toEqual({ error: "#DIV/0!", message: "" });
    expect(cell(clvFunction, 1000, 0.8, -0.1)).toEqual({ error: "#DIV/0!", message: "" });
  });

  it("rejects a margin outside 0–1 and a churn above 1", () => {
    expect(cell(clvFunction, 1000, 80, 0.05)).toEqual({ error: "#NUM!", message: "" });
    expect(cell(clvFunction, 1000, -0.1, 0.05)).toEqual({ error: "#NUM!", message: "" });
    expect(cell(clvFunction, 1000, 0.8, 5)).toEqual({ error: "#NUM!", message: "" });
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
