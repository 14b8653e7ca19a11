import { isError } from "../../../src/engine/errors";
import { furthestStages } from "../../../src/engine/history/furthestStage";
import { StageHistory, readStageHistory } from "../../../src/engine/history/historyTable";
import { HISTORY_COLUMNS, HistoryRow, dealTimelines } from "../../../src/engine/history/snapshot";
import { historyCells } from "../../../src/engine/history/snapshotPlan";

const ORDER = ["lead", "demo", "proposal"];
const rankOf = (s: string): number | undefined => {
  const k = ORDER.indexOf(s.toLowerCase());
  return k < 0 ? undefined : k;
};
const rank = ({ stage }: { stage: string }) => rankOf(stage);
const row = (snapshot: number, id: string, stage: string): HistoryRow => ({
  snapshot,
  id,
  stage,
  outcome: "open",
  amount: 0,
  closeDate: null,
  owner: "",
  category: null,
});

/** The rows as the History table holds them, read as FUNNEL reads it. */
function table(rows: readonly HistoryRow[]): StageHistory {
  const read = readStageHistory([[...HISTORY_COLUMNS], ...rows.map(historyCells)]);
  if (isError(read)) throw new Error(read.message);
  return read;
}

describe("furthestStages", () => {
  it("gives each asked ID the furthest stage of its snapshots, -1 without one", () => {
    const rows = [
      row(1, "D1", "Demo"),
      row(8, "D1", "Proposal"),
      row(15, "D1", "Demo"),
      row(1, "D2", "Closed Lost"),
      row(1, "D3", "Lead"),
    ];
    expect([...furthestStages(table(rows), rank, ["D1", "D9", "", "D2", "D1", "D3"])]).toEqual([
      2, -1, -1, -1, 2, 0,
    ]);
  });

  it("reads only the asked IDs: an ID not asked about changes nothing", () => {
    const rows = [row(1, "D1", "Lead"), row(1, "X", "Proposal")];
    expect([...furthestStages(table(rows), rank, ["D1"])]).toEqual([0]);
  });

  it("a date's last row is that date's snapshot: an earlier row of the same date was amended", () => {
    const rows = [row(1, "D1", "Lead"), row(8, "D1", "Proposal"), row(8, "D1", "Demo")];
    expect([...furthestStages(table(rows), rank, ["D1"])]).toEqual([1]);
    // The same rows sorted by deal, not date: the rule follows the dates, table order within one.
    const sorted = [row(8, "D1", "Proposal"), row(1, "D1", "Lead"), row(8, "D1", "Demo")];
    expect([...furthestStages(table(sorted), rank, ["D1"])]).toEqual([1]);
  });

  it("agrees with each deal's timeline (dealTimelines) on a random History, in date order or shuffled", () => {
    let seed = 8;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const stages = ["Lead", "demo", "Proposal", "Closed Won", "Other"];
    const inOrder: HistoryRow[] = [];
    for (let week = 0; week < 12; week++)
      for (let n = 0; n < 40; n++)
        inOrder.push(
          row(46000 + 7 * week, `D${Math.floor(next() * 30)}`, stages[Math.floor(next() * 5)])
        );
    const shuffled = inOrder
      .map((r) => ({ r, key: next() }))
      .sort((a, b) => a.key - b.key)
      .map((x) => x.r);
    const ids = Array.from({ length: 35 }, (_, i) => `D${i}`);
    for (const rows of [inOrder, shuffled]) {
      const timelines = dealTimelines(rows);
      const want = ids.map((id) =>
        Math.max(-1, ...(timelines.get(id) ?? []).map((r) => rankOf(r.stage) ?? -1))
      );
      expect([...furthestStages(table(rows), rank, ids)]).toEqual(want);
    }
    // The random History does hold same-date rows of one deal, so the rule was exercised.
    const key = (r: HistoryRow) => `${r.id}@${r.snapshot}`;
    expect(new Set(inOrder.map(key)).size).toBeLessThan(inOrder.length);
  });
});
