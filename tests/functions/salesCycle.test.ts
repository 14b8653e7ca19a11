import { toSerial } from "../../src/engine/dates";
import { salesCycleFunction } from "../../src/functions/sales/salesCycle";
import { cell, col } from "../setup/excelCalls";

const JAN_1 = toSerial(2026, 1, 1);

describe("SALES_CYCLE", () => {
  it("averages close − create days over won deals with both dates", () => {
    const created = col(JAN_1, "2026-01-10", JAN_1 + 7, JAN_1 + 17, 0);
    const closed = col(JAN_1 + 30, "2026-02-09 12:00", JAN_1 + 12, "", JAN_1 + 27);
    const stages = col("Won", "Closed Won", "Lost", "Won", "Won");
    // 30 days and 30.5 days; the lost deal and the won deals missing a date are skipped
    expect(cell(salesCycleFunction, created, closed, stages)).toBe(30.25);
  });

  it("accepts custom won labels", () => {
    expect(
      cell(
        salesCycleFunction,
        col(JAN_1, JAN_1),
        col(JAN_1 + 10, JAN_1 + 20),
        col("Signed", "Won"),
        "Signed"
      )
    ).toBe(10);
  });

  it("names a won deal closed before it was created", () => {
    expect(
      cell(salesCycleFunction, col(JAN_1, JAN_1 + 5), col(JAN_1 + 1, JAN_1 + 4), col("Won", "Won"))
    ).toEqual({
      error: "#VALUE!",
      message: "Deal #2: closed is before created",
    });
  });

  it("does not check the dates of deals it does not count", () => {
    expect(
      cell(salesCycleFunction, col(JAN_1, JAN_1 + 5), col(JAN_1 + 1, JAN_1 + 4), col("Won", "Lost"))
    ).toBe(1);
  });

  it("names a bad date by position", () => {
    expect(cell(salesCycleFunction, col(JAN_1), col("soon"), col("Won"))).toEqual({
      error: "#VALUE!",
      message: 'Closed #1 is not a date: "soon"',
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(salesCycleFunction, col(JAN_1, JAN_1), col(JAN_1), col("Won", "Won"))).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });

  it("is #DIV/0! when no won deal has both dates", () => {
    expect(cell(salesCycleFunction, col(JAN_1, null), col("", JAN_1), col("Won", "Won"))).toEqual({
      error: "#DIV/0!",
      message: "",
    });
  });
});
