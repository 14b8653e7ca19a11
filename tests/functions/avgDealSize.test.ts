import { avgDealSizeFunction } from "../../src/functions/sales/avgDealSize";
import { cell, col } from "../setup/excelCalls";

describe("AVG_DEAL_SIZE", () => {
  it("averages the amounts of won deals only", () => {
    const amounts = col(100, "$1,200", 50, 300, 700);
    const stages = col("Won", "Closed Won", "Lost", "Demo", "closed-won");
    expect(cell(avgDealSizeFunction, amounts, stages)).toBe(2000 / 3);
  });

  it("counts a blank amount on a won deal as 0 and ignores blank stages", () => {
    expect(
      cell(avgDealSizeFunction, col(100, "", null, 0, 500), col("Won", "Won", "Won", "Won", 0))
    ).toBe(25);
  });

  it("accepts custom won labels", () => {
    expect(
      cell(avgDealSizeFunction, col(100, 200, 300), col("Signed", "Won", "Signed"), "Signed")
    ).toBe(200);
    expect(
      cell(
        avgDealSizeFunction,
        col(100, 200, 300),
        col("Signed", "Won", "Paid"),
        col("Signed", "Paid")
      )
    ).toBe(200);
  });

  it("names a bad amount by position", () => {
    expect(cell(avgDealSizeFunction, col(1, "abc"), col("Won", "Won"))).toEqual({
      error: "#VALUE!",
      message: 'Amount #2 is not a number: "abc"',
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(avgDealSizeFunction, col(1, 2), col("Won"))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });

  it("is #DIV/0! without won deals", () => {
    expect(cell(avgDealSizeFunction, col(1, 2), col("Lost", "Demo"))).toEqual({
      error: "#DIV/0!",
      message: "",
    });
  });
});
