import { toSerial } from "../../src/engine/dates";
import { staleDealsFunction } from "../../src/functions/sales/staleDeals";
import { cell, col } from "../setup/excelCalls";

const JAN_1 = toSerial(2026, 1, 1);
const AS_OF = JAN_1 + 22;

describe("STALE_DEALS", () => {
  const activity = col(
    JAN_1,
    JAN_1 + 17,
    "",
    JAN_1 + 8,
    JAN_1 - 30,
    "2026-01-17 18:00",
    JAN_1 - 30
  );
  const stages = col("Demo", "Demo", "Proposal", "Demo", "Won", "Demo", 0);

  it("counts open deals idle for more than 14 days, blank activity included", () => {
    // idle 22 (stale), 5, never (stale), 14 (not more than 14), won skipped, 6, blank stage skipped
    expect(cell(staleDealsFunction, activity, stages, null, AS_OF)).toBe(2);
  });

  it("uses the given number of days", () => {
    expect(cell(staleDealsFunction, activity, stages, 4, AS_OF)).toBe(5);
    expect(cell(staleDealsFunction, activity, stages, "13", AS_OF)).toBe(3);
  });

  it("accepts as_of as ISO text and compares calendar days", () => {
    expect(cell(staleDealsFunction, activity, stages, 14, "2026-01-23 23:00")).toBe(2);
  });

  it("measures from today when as_of is omitted", () => {
    jest.useFakeTimers().setSystemTime(new Date(2026, 0, 23, 10, 0));
    try {
      expect(cell(staleDealsFunction, activity, stages)).toBe(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it("does not count activity after as_of", () => {
    expect(cell(staleDealsFunction, col(AS_OF + 30), col("Demo"), 14, AS_OF)).toBe(0);
  });

  it("rejects negative days and names bad cells", () => {
    expect(cell(staleDealsFunction, activity, stages, -1, AS_OF)).toEqual({
      error: "#VALUE!",
      message: "days must be 0 or more; got -1",
    });
    expect(cell(staleDealsFunction, col("last week"), col("Demo"), 14, AS_OF)).toEqual({
      error: "#VALUE!",
      message: 'Last activity #1 is not a date: "last week"',
    });
    expect(cell(staleDealsFunction, col(JAN_1), col("Demo"), 14, "someday")).toEqual({
      error: "#VALUE!",
      message: 'as_of is not a date: "someday"',
    });
  });

  it("rejects unequal ranges", () => {
    expect(cell(staleDealsFunction, col(JAN_1), col("Demo", "Demo"), 14, AS_OF)).toEqual({
      error: "#VALUE!",
      message: expect.stringMatching(
        /is \d+×\d+ but \w+ is \d+×\d+: the ranges must have the same shape/
      ),
    });
  });
});
