import { decimalMark, percentPoints, readAmount } from "../../../src/engine/csv/numbers";
import { readFlag } from "../../../src/engine/csv/flags";

describe("decimalMark", () => {
  it.each([
    [["1.234,56"], ","],
    [["12,5", "3"], ","],
    [["0,75"], ","],
    [["1 234,5"], ","],
    [["1,234"], "."],
    [["1,234.56"], "."],
    [["12.5", "12,5"], "."],
    [["$1,200", "900"], "."],
    [[], "."],
  ])("reads %j with %s", (values, mark) => expect(decimalMark(values)).toBe(mark));
});

describe("readAmount", () => {
  it.each([
    ["$12,500.00", ".", 12500],
    ["USD 24,000.00", ".", 24000],
    ["€1.234,50", ",", 1234.5],
    ["1.234", ",", 1234],
    ["1 234,5 SAR", ",", 1234.5],
    ["(300)", ".", -300],
    ["١٢٣", ".", 123],
  ] as const)("reads %s", (text, mark, n) => expect(readAmount(text, mark)).toBe(n));
  it("refuses text that is not a number", () => expect(readAmount("n/a", ".")).toBeUndefined());
});

describe("percentPoints", () => {
  it("reads Salesforce's 0–100 as points", () =>
    expect(percentPoints(["10", "90", "0"], ".")).toBe(true));
  it("reads fractions as fractions", () =>
    expect(percentPoints(["0.1", "1", ""], ".")).toBe(false));
  it("ignores values with a % sign", () => expect(percentPoints(["25%", "0.5"], ".")).toBe(false));
});

describe("readFlag", () => {
  it.each(["TRUE", "yes", "Y", "1", "x", "✓", "نعم"])("reads %s as yes", (t) =>
    expect(readFlag(t)).toBe(true)
  );
  it.each(["false", "No", "n", "0", "لا"])("reads %s as no", (t) =>
    expect(readFlag(t)).toBe(false)
  );
  it("refuses anything else", () => expect(readFlag("maybe")).toBeUndefined());
});
