import { toSerial } from "../../../src/engine/dates";
import { fiscalRange } from "../../../src/engine/history/fiscal";
import {
  CategorizedDeal,
  ROLLUPS,
  forecastByOwner,
  forecastRollup,
  rollupIncludes,
} from "../../../src/engine/history/forecastCategories";
import { lossGroups } from "../../../src/engine/history/lossReasons";
import { snapshotRows, stateAt, DealState } from "../../../src/engine/history/snapshot";
import { stageTimings, stuckDeals } from "../../../src/engine/history/stageMovement";

const FY = fiscalRange(2027, 4); // 2026-04-01 … 2027-03-31
const IN = toSerial(2026, 6, 1);
const OUT = toSerial(2026, 3, 31);

describe("forecast-category roll-ups", () => {
  const deals: CategorizedDeal[] = [
    { owner: "Ann", category: "closed", amount: 100, closeDate: IN },
    { owner: "Ann", category: "commit", amount: 200, closeDate: IN },
    { owner: "Ann", category: "best case", amount: 400, closeDate: IN },
    { owner: "Ann", category: "pipeline", amount: 800, closeDate: IN },
    { owner: "Ann", category: "omitted", amount: 1600, closeDate: IN },
    { owner: "Ann", category: "commit", amount: 3200, closeDate: OUT },
    { owner: "Bob", category: "commit", amount: 10, closeDate: IN },
    { owner: "Cy", category: "omitted", amount: 5, closeDate: IN },
    { owner: "Dee", category: "pipeline", amount: 7, closeDate: null },
  ];

  it("rolls up as Salesforce: Commit = Commit + Closed; Best Case adds Best Case; Omitted never", () => {
    const { owners, total } = forecastByOwner(deals, FY);
    expect(owners.map((o) => o.owner)).toEqual(["Ann", "Bob"]);
    expect(owners[0].totals).toEqual({
      closed: 100,
      commit: 300,
      "best case": 700,
      pipeline: 1400,
    });
    expect(owners[1].totals).toEqual({ closed: 0, commit: 10, "best case": 10, pipeline: 10 });
    expect(total).toEqual({ closed: 100, commit: 310, "best case": 710, pipeline: 1410 });
  });

  it("gives one roll-up for one owner or everyone, and counts undated deals only in 'all'", () => {
    expect(forecastRollup(deals, "commit", FY, " ann")).toBe(300);
    expect(forecastRollup(deals, "best case", FY, null)).toBe(710);
    expect(forecastRollup(deals, "pipeline", { from: null, to: null, label: "All" }, "Dee")).toBe(
      7
    );
    expect(forecastRollup([], "closed", FY, null)).toBe(0);
  });

  it("excludes Omitted from every roll-up", () => {
    for (const r of ROLLUPS) expect(rollupIncludes(r, "omitted")).toBe(false);
  });
});

describe("loss reasons", () => {
  it("groups by reason ignoring case and spaces, largest first, blank last", () => {
    expect(
      lossGroups([
        { key: "", amount: 9999 },
        { key: "Price", amount: 10 },
        { key: " price", amount: 5 },
        { key: "No budget", amount: 50 },
      ])
    ).toEqual([
      { key: "No budget", count: 1, amount: 50 },
      { key: "Price", count: 2, amount: 15 },
      { key: "", count: 1, amount: 9999 },
    ]);
    expect(lossGroups([])).toEqual([]);
  });
});

describe("time in stage from real movement", () => {
  const W = toSerial(2026, 10, 2);
  const order = ["qualification", "demo", "proposal"];
  const d = (id: string, stage: string, outcome: DealState["outcome"] = "open"): DealState => ({
    id,
    stage,
    outcome,
    amount: 100,
    closeDate: null,
    owner: "Ann",
    category: null,
  });
  // Week 0: A, B in qualification, C in demo. A moves to demo in week 1 and to proposal in week 3
  // (14 days in demo); B moves to demo in week 2 and stays; C is won in week 1.
  const weeks: DealState[][] = [
    [d("A", "qualification"), d("B", "qualification"), d("C", "demo")],
    [d("A", "demo"), d("B", "qualification"), d("C", "closed won", "won")],
    [d("A", "demo"), d("B", "demo"), d("C", "closed won", "won")],
    [d("A", "proposal"), d("B", "demo"), d("C", "closed won", "won")],
    [d("A", "proposal"), d("B", "demo"), d("C", "closed won", "won")],
    [d("A", "proposal"), d("B", "demo"), d("C", "closed won", "won")],
    [d("A", "proposal"), d("B", "demo"), d("C", "closed won", "won")],
  ];
  const rows = weeks.reduce<ReturnType<typeof snapshotRows>>(
    (acc, deals, i) => [...acc, ...snapshotRows(stateAt(acc, W + 7 * (i - 1)), deals, W + 7 * i)],
    []
  );
  const timings = stageTimings(rows, order);

  it("averages only stints whose start was seen as a move", () => {
    // Demo: A's 14 days (known start). C's demo stint began before the first snapshot.
    expect(timings[1]).toMatchObject({ stage: "demo", averageDays: 14, completed: 1 });
    // Qualification: both stints began before the first snapshot: no average.
    expect(timings[0].averageDays).toBeNull();
    expect(timings[2].averageDays).toBeNull();
  });

  it("computes conversion from deals that moved past a stage", () => {
    expect(timings[0]).toMatchObject({ entered: 2, movedPast: 2, conversion: 1 });
    expect(timings[1]).toMatchObject({ entered: 3, movedPast: 2 }); // A to proposal, C won; B not
    expect(timings[2]).toMatchObject({ entered: 1, movedPast: 0, conversion: 0 });
    expect(stageTimings([], order)[0]).toMatchObject({
      entered: 0,
      conversion: null,
      averageDays: null,
    });
  });

  it("flags open deals in their stage for more than 1.5× the average", () => {
    const asOf = W + 42;
    // B entered demo at week 2 (day 14): 28 days > 21.
    expect(stuckDeals(rows, timings, asOf).map((s) => [s.id, s.days])).toEqual([["B", 28]]);
    // At week 4 (day 28) B has 14 days: not stuck.
    expect(stuckDeals(rows, timings, W + 28)).toEqual([]);
  });
});
