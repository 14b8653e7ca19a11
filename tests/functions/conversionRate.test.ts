import { conversionRateFunction } from "../../src/functions/sales/conversionRate";
import { cell, col } from "../setup/excelCalls";

const DIV0 = { error: "#DIV/0!", message: "" };

describe("CONVERSION_RATE", () => {
  const statuses = col(
    "Closed - Converted",
    "Working - Contacted",
    "Closed - Not Converted",
    "closed_converted",
    "",
    "Open - Not Contacted"
  );

  it("divides converted values by every non-blank value", () => {
    expect(cell(conversionRateFunction, statuses, "Closed - Converted")).toBeCloseTo(2 / 5);
  });

  it("uses only base values as the denominator when base is given", () => {
    const base = "Closed - Converted, Closed - Not Converted";
    expect(cell(conversionRateFunction, statuses, "Closed - Converted", base)).toBeCloseTo(2 / 3);
    expect(
      cell(
        conversionRateFunction,
        statuses,
        [["Closed - Converted"]],
        col("Closed - Converted", "Closed - Not Converted")
      )
    ).toBeCloseTo(2 / 3);
  });

  it("counts a converted status left out of base in the denominator too (was 2: a rate above 100%)", () => {
    // A converted lead was a lead: 2 converted of 3 leads.
    expect(cell(conversionRateFunction, col("A", "A", "B"), "A", "B")).toBeCloseTo(2 / 3, 12);
  });

  it("accepts several converted labels as comma text or a range", () => {
    expect(cell(conversionRateFunction, col("Won", "Signed", "Lost", "Open"), "won, signed")).toBe(
      0.5
    );
    expect(
      cell(conversionRateFunction, col("Won", "Signed", "Lost", "Open"), col("Won", "Signed"))
    ).toBe(0.5);
  });

  it("ignores blank values however the platform sends them", () => {
    expect(cell(conversionRateFunction, col("Yes", 0, "", null, "No"), "yes")).toBe(0.5);
  });

  it("matches numbers as their text", () => {
    expect(cell(conversionRateFunction, col(1, 2, 1, 3), "1")).toBe(0.5);
  });

  it("reads yes/no flags when converted is omitted", () => {
    const flags = col(true, false, "yes", "no", "Y", "n", "TRUE", "false", 1, 0, "", null);
    expect(cell(conversionRateFunction, flags)).toBe(0.5);
  });

  it("reads numeric text flags and counts a 0 as no", () => {
    expect(cell(conversionRateFunction, col("1", " 0 ", 0, 1))).toBe(0.5);
  });

  it("names an unknown flag by position", () => {
    expect(cell(conversionRateFunction, col(true, "maybe"))).toEqual({
      error: "#VALUE!",
      message: 'Value #2 is not a yes/no value: "maybe"',
    });
    expect(cell(conversionRateFunction, col(1, 2))).toEqual({
      error: "#VALUE!",
      message: "Value #2 is not a yes/no value: 2",
    });
  });

  it("is #DIV/0! when there is nothing to divide by", () => {
    expect(cell(conversionRateFunction, col("", null))).toEqual(DIV0);
    expect(cell(conversionRateFunction, col("A", "B"), "D", "C")).toEqual(DIV0);
    expect(cell(conversionRateFunction, col(0, ""), "A")).toEqual(DIV0);
  });

  it("needs converted when base is given", () => {
    expect(cell(conversionRateFunction, col(true), null, "A")).toEqual({
      error: "#VALUE!",
      message: "base needs converted",
    });
  });

  it("reads an all-blank converted argument as omitted", () => {
    expect(cell(conversionRateFunction, col(true, false), [[""]])).toBe(0.5);
  });
});
