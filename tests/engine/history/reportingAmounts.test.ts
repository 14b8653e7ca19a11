import { reportingAmounts } from "../../../src/engine/history/reportingAmounts";

describe("reportingAmounts (what a snapshot stores)", () => {
  it("takes Reporting Amount, and counts the deals without a rate by currency", () => {
    const r = reportingAmounts(
      [100, 200, 300, "", 50, 7],
      [100, "", 330, "", "", 7],
      ["USD", "EUR", "gbp", "EUR", " eur ", ""]
    );
    expect(r.amounts).toEqual([100, "", 330, "", "", 7]);
    expect(r.unconverted).toEqual([{ code: "EUR", deals: 2 }]);
  });

  it("names a deal with an amount but no Reporting Amount and no currency '?'", () => {
    expect(reportingAmounts([5], [""], [""]).unconverted).toEqual([{ code: "?", deals: 1 }]);
    expect(reportingAmounts([5], [null], []).unconverted).toEqual([{ code: "?", deals: 1 }]);
  });

  it("keeps Amount when the Deals table has no Reporting Amount column", () => {
    expect(reportingAmounts([1, "", 3], null, ["EUR", "", ""])).toEqual({
      amounts: [1, "", 3],
      unconverted: [],
    });
  });

  it("is empty for no deals", () => {
    expect(reportingAmounts([], [], [])).toEqual({ amounts: [], unconverted: [] });
  });
});
