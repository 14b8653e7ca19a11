import fc from "fast-check";
import { winRateFunction } from "../../src/functions/sales/winRate";
import { cell, col } from "../setup/excelCalls";

describe("WIN_RATE", () => {
  const stages = col(
    "Closed Won",
    "Closed Lost",
    "Negotiation/Review",
    "Won",
    "closed-lost",
    "Closed Lost to Competition"
  );

  it("divides won by won + lost and ignores open deals", () => {
    expect(cell(winRateFunction, stages)).toBeCloseTo(2 / 5);
  });

  it("computes the rate by value with amounts", () => {
    const amounts = col(100, 300, 999, "$100", "", 0);
    expect(cell(winRateFunction, stages, amounts)).toBeCloseTo(200 / 500);
  });

  it("ignores blank stages however the platform sends them", () => {
    expect(cell(winRateFunction, col("Won", 0, "", null, "Lost"))).toBe(0.5);
  });

  it("accepts custom won and lost labels", () => {
    const custom = col("Signed", "Dropped", "Won", "Demo");
    expect(cell(winRateFunction, custom, null, "Signed", [["Dropped"]])).toBe(0.5);
    expect(cell(winRateFunction, custom, null, "Signed, Won")).toBe(1);
  });

  it("is #DIV/0! when no deal is closed", () => {
    expect(cell(winRateFunction, col("Demo", "Proposal"))).toEqual({
      error: "#DIV/0!",
      message: "",
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(winRateFunction, col("Won", "Lost"), col(1))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });

  it("names a bad amount by position", () => {
    expect(cell(winRateFunction, col("Won", "Lost"), col(1, "abc"))).toEqual({
      error: "#VALUE!",
      message: 'Amount #2 is not a number: "abc"',
    });
  });

  it("never returns anything but a finite rate or an Excel error", () => {
    const anyCell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("Won", "Lost", "")
    );
    fc.assert(
      fc.property(
        fc.array(anyCell, { maxLength: 30 }),
        fc.array(anyCell, { maxLength: 30 }),
        (s, a) => {
          const r = cell(winRateFunction, col(...s), a.length ? col(...a) : null);
          if (typeof r === "number") return Number.isFinite(r);
          return typeof (r as { error: string }).error === "string";
        }
      )
    );
  });
});
