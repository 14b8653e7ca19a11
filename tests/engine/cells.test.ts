import {
  cellDate,
  flatten,
  isBlankText,
  normalizeLabel,
  parseNumericText,
  readDates,
  readLabelList,
  readNumberArg,
  readNumbers,
  readOption,
  sameSize,
} from "../../src/engine/cells";
import { EngineError, isError } from "../../src/engine/errors";

describe("flatten", () => {
  it("reads a block row by row", () =>
    expect(
      flatten([
        [1, 2],
        [3, 4],
      ])
    ).toEqual([1, 2, 3, 4]));
  it("wraps a scalar", () => expect(flatten("x")).toEqual(["x"]));
});

describe("parseNumericText", () => {
  it.each([
    ["1,200.50", 1200.5],
    ["$1,200", 1200],
    [" 1200 ", 1200],
    ["-$5", -5],
    ["(300)", -300],
    ["12%", 0.12],
    ["1e3", 1000],
    ["SAR 1,000", 1000],
    ["١٬٢٠٠", 1200],
    // round 4: decimal commas where no other reading exists, minus spellings, marks, ٪
    ["1.234,50", 1234.5],
    ["1 234,5", 1234.5],
    ["12,5", 12.5],
    ["1.234.567", 1234567],
    ["1,234", 1234],
    ["1.234", 1.234],
    ["\u2212250", -250],
    ["400-", -400],
    ["\u200f-500", -500],
    ["50٪", 0.5],
  ])("reads %p as %p", (text, n) => expect(parseNumericText(text)).toBeCloseTo(n));
  it.each(["abc", "", "-", "1,2,3", "12abc", ".", "1.234,5,6", "--5", "5--"])(
    "rejects %p",
    (text) => expect(parseNumericText(text)).toBeUndefined()
  );
});

describe("readNumbers", () => {
  it("keeps numbers, parses text and turns blanks into null", () => {
    expect(readNumbers([[1], ["2"], [null], [""]], "Amount")).toEqual([1, 2, null, null]);
  });
  it("names the position of the first bad cell", () => {
    const r = readNumbers([[1], [2], [3], [4], [5], [6], ["abc"]], "Amount");
    expect(r).toEqual(new EngineError("value", 'Amount #7 is not a number: "abc"'));
  });
  it("rejects booleans in a numeric range", () =>
    expect(isError(readNumbers([[true]], "Amount"))).toBe(true));
});

describe("dates", () => {
  it("accepts serials, ISO dates and ISO date-times", () => {
    expect(cellDate(36526)).toBe(36526);
    expect(cellDate("2000-01-01")).toBe(36526);
    expect(cellDate("2000-01-01 12:00")).toBe(36526.5);
    expect(cellDate("2000-01-01T06:00:00")).toBe(36526.25);
  });
  it("treats 0 and blanks as missing", () =>
    expect(readDates([[0], [""], [null]], "Created")).toEqual([null, null, null]));
  it("rejects impossible dates and other text with the position", () => {
    expect(readDates([[1], ["2026-02-30"]], "Created")).toEqual(
      new EngineError("value", 'Created #2 is not a date: "2026-02-30"')
    );
    expect(isError(readDates([["03/01/2026"]], "Created"))).toBe(true);
  });
});

describe("labels", () => {
  it("normalizes case, separators and spaces", () =>
    expect(normalizeLabel("  Closed_Won-Deal  ")).toBe("closed won deal"));
  it("reads 0 as blank in text ranges", () => expect(isBlankText(0)).toBe(true));
  it("reads a label list from text, comma text or a range", () => {
    expect(readLabelList("Won")).toEqual(new Set(["won"]));
    expect(readLabelList([["Won, Signed"]])).toEqual(new Set(["won", "signed"]));
    expect(readLabelList([["Won"], ["Signed"], [""]])).toEqual(new Set(["won", "signed"]));
    expect(readLabelList(null)).toBeNull();
    expect(readLabelList([[""]])).toBeNull();
  });
});

describe("scalar arguments", () => {
  it("uses the fallback when omitted", () => expect(readNumberArg(null, "lag", 1)).toBe(1));
  it("reads a single-cell range", () => expect(readNumberArg([["12"]], "lag", 1)).toBe(12));
  it("rejects text", () =>
    expect(readNumberArg("x", "lag", 1)).toEqual(
      new EngineError("value", 'lag is not a number: "x"')
    ));
  it("reads options case-insensitively", () => {
    expect(readOption("Mean", "statistic", ["median", "mean"])).toBe("mean");
    expect(readOption(null, "statistic", ["median", "mean"])).toBe("median");
    expect(isError(readOption("mode", "statistic", ["median", "mean"]))).toBe(true);
  });
  it("checks parallel sizes", () => {
    expect(sameSize(2, 2, 2)).toBeNull();
    expect(sameSize(2, 3)?.message).toBe("ranges must be the same size");
  });
});
