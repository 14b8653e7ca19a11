import { pipelineCoverageFunction } from "../../src/functions/sales/pipelineCoverage";
import { cell } from "../setup/excelCalls";

describe("PIPELINE_COVERAGE", () => {
  it("divides the open pipeline by what is left of the quota", () => {
    expect(cell(pipelineCoverageFunction, 300000, 150000, 50000)).toBe(3);
  });

  it("treats an omitted or blank closed_won as 0", () => {
    expect(cell(pipelineCoverageFunction, 300000, 150000, null)).toBe(2);
    expect(cell(pipelineCoverageFunction, 300000, 150000, "")).toBe(2);
  });

  it("reads numeric text", () => {
    expect(cell(pipelineCoverageFunction, "$300,000", [["150,000"]], " 50000 ")).toBe(3);
  });

  it("is #N/A when the quota is already met", () => {
    expect(cell(pipelineCoverageFunction, 1000, 150000, 150000)).toEqual({
      error: "#N/A",
      message: "quota already met",
    });
    expect(cell(pipelineCoverageFunction, 1000, 150000, 200000)).toEqual({
      error: "#N/A",
      message: "quota already met",
    });
  });

  it("is #DIV/0! for a quota of 0; #VALUE! naming a negative quota or pipeline", () => {
    expect(cell(pipelineCoverageFunction, 1000, 0)).toEqual({ error: "#DIV/0!", message: "" });
    expect(cell(pipelineCoverageFunction, 1000, -5)).toEqual({
      error: "#VALUE!",
      message: "quota must be more than 0; got -5",
    });
    expect(cell(pipelineCoverageFunction, -1, 100)).toEqual({
      error: "#VALUE!",
      message: "open_pipeline must be 0 or more; got -1",
    });
  });

  it("names a bad argument", () => {
    expect(cell(pipelineCoverageFunction, 1000, 100, "none")).toEqual({
      error: "#VALUE!",
      message: 'closed_won is not a number: "none"',
    });
  });
});
