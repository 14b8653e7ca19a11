import {
  decideNumberColumn,
  fitsPoints,
  numberEvidence,
  percentPoints,
  readAmount,
  readNumber,
} from "../../../src/engine/csv/numbers";
import { readFlag } from "../../../src/engine/csv/flags";

describe("numberEvidence", () => {
  it.each([
    ["1.234,56", "comma"],
    ["12,5", "comma"],
    ["0,750", "comma"],
    ["1.250.000", "comma"],
    ["1 234,5", "comma"],
    ["1,234.56", "dot"],
    ["12.5", "dot"],
    ["1,250,000", "dot"],
    ["1'234.50", "dot"],
    ["5.000", "ambiguousDot"],
    ["12,500", "ambiguousComma"],
    ["1200", "neutral"],
    ["1 200 €", "neutral"],
    ["١٬٢٣٤٫٥", "neutral"],
    ["1e5", "neutral"],
    ["n/a", "none"],
    ["Acme", "none"],
  ] as const)("%s → %s", (text, e) => expect(numberEvidence(text)).toBe(e));
});

describe("decideNumberColumn", () => {
  it("asks when every separated value reads both ways (never divides by 1,000)", () => {
    const d = decideNumberColumn(["5.000", "12.500", "", "750"]);
    expect(d).toMatchObject({ mark: null, needsChoice: true, example: "5.000" });
    // Both readings of the example, side by side as the pane shows them.
    expect([readAmount("5.000", "."), readAmount("5.000", ",")]).toEqual([5, 5000]);
  });
  it("takes the user's answer for such a column", () =>
    expect(decideNumberColumn(["5.000", "12.500"], ",")).toMatchObject({
      mark: ",",
      from: "choice",
      needsChoice: false,
    }));
  it("lets one proving value decide the whole column", () => {
    expect(decideNumberColumn(["5.000", "12.500", "1.250.000"]).mark).toBe(",");
    expect(decideNumberColumn(["5.000", "12.5"]).mark).toBe(".");
    expect(decideNumberColumn(["12,500", "1,250,000"]).mark).toBe(".");
  });
  it("follows the majority when values contradict each other", () =>
    expect(decideNumberColumn(["1,5", "2,5", "3.5"]).mark).toBe(","));
  it("needs nothing when no value depends on the mark", () =>
    expect(decideNumberColumn(["100", "2 000", ""])).toMatchObject({ mark: ".", from: "any" }));
});

describe("readAmount", () => {
  it.each([
    // European (German, Dutch, Italian, Spanish)
    ["5.000", ",", 5000],
    ["12.500", ",", 12500],
    ["1.250.000", ",", 1250000],
    ["1.200 €", ",", 1200],
    ["€ 1.234,50", ",", 1234.5],
    ["-1.234,50 EUR", ",", -1234.5],
    // French: space or no-break space groups, comma decimal
    ["1 234,56", ",", 1234.56],
    ["1\u00a0234\u00a0567,8 €", ",", 1234567.8],
    ["1\u202f234,5", ",", 1234.5],
    // Swiss: apostrophe groups
    ["1'234.50", ".", 1234.5],
    ["CHF 1'250'000.–", ".", 1250000],
    ["1’234.5", ".", 1234.5],
    // English and codes
    ["$12,500.00", ".", 12500],
    ["USD 24,000.00", ".", 24000],
    ["24,000 USD", ".", 24000],
    ["(1,234)", ".", -1234],
    ["1,234-", ".", -1234],
    ["−5", ".", -5],
    ["-$5", ".", -5],
    // Arabic-Indic digits with Arabic separators, and currency words
    ["١٬٢٣٤٫٥٦", ".", 1234.56],
    ["١٢٬٥٠٠ ر.س", ",", 12500],
    ["۱۲۳", ".", 123],
    ["1,00,000", ".", 100000],
    ["12 %", ".", 0.12],
    ["12,5 %", ",", 0.125],
  ] as const)("reads %j with %s as %d", (text, mark, n) => expect(readAmount(text, mark)).toBe(n));

  it.each([
    ["1.234,5", "."],
    ["12.5", ","],
    ["1,23,4", "."],
    ["n/a", "."],
    ["12 abc", "."],
    ["", "."],
  ] as const)("refuses %j with %s", (text, mark) => expect(readAmount(text, mark)).toBeUndefined());

  it("tells a percent sign apart", () =>
    expect(readNumber("25%", ".")).toEqual({ value: 0.25, percent: true }));
});

describe("percent scale", () => {
  it("reads Salesforce's 0–100 as points", () => expect(percentPoints([10, 90, 0])).toBe(true));
  it("reads fractions as fractions", () => expect(percentPoints([0.1, 1])).toBe(false));
  it("does not fit a fraction into a column of points", () => {
    expect(fitsPoints(0.5)).toBe(false);
    expect(fitsPoints(50)).toBe(true);
    expect(fitsPoints(0)).toBe(true);
  });
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
