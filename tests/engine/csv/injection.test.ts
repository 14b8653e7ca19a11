import { neutralise, unneutralise } from "../../../src/engine/csv/injection";

describe("neutralise", () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
    ["+1 555 0100", "'+1 555 0100"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["\n=1+1", "'\n=1+1"],
    ["'quoted", "''quoted"],
  ])("stores %j as text", (text, written) => expect(neutralise(text)).toBe(written));

  it.each(["00123", "0501234567", "3/4", "1-2", "12:30", "1e5", "12%", "TRUE"])(
    "keeps %j from being coerced into a number, date or boolean",
    (text) => expect(neutralise(text)).toBe(`'${text}`)
  );

  it.each(["Acme", "شركة النور", "a=b", "Deal - 2", "", "1st floor"])("leaves %j alone", (text) =>
    expect(neutralise(text)).toBe(text)
  );

  it("round-trips through the quote prefix", () => {
    for (const t of ["=1+1", "'x", "plain"]) expect(unneutralise(neutralise(t))).toBe(t);
  });
});
