import { toSerial } from "../../../src/engine/dates";
import { isError } from "../../../src/engine/errors";
import { MOVE_KINDS, WATERFALL_KINDS, pipelineChanges } from "../../../src/engine/history/changes";
import { fiscalRange } from "../../../src/engine/history/fiscal";
import { readHistory, snapshotDates } from "../../../src/engine/history/historyTable";
import {
  DealState,
  HISTORY_COLUMNS,
  HistoryRow,
  categoryOrDefault,
  snapshotRows,
  stateAt,
} from "../../../src/engine/history/snapshot";

const W1 = toSerial(2026, 11, 20);
const W2 = W1 + 7;
const Q = fiscalRange(2027, 4, 3); // 2026-10-01 … 2026-12-31
const IN = toSerial(2026, 12, 15);
const LATER = toSerial(2027, 2, 10);
const ORDER = ["qualification", "demo", "proposal"];

function deal(id: string, over: Partial<DealState> = {}): DealState {
  return {
    id,
    stage: "demo",
    outcome: "open",
    amount: 1000,
    closeDate: IN,
    owner: "Ann",
    category: null,
    ...over,
  };
}

const before: DealState[] = [
  deal("same"),
  deal("up", { amount: 500 }),
  deal("down", { amount: 800 }),
  deal("won", { amount: 300 }),
  deal("lost", { amount: 200 }),
  deal("pushed", { amount: 700 }),
  deal("gone", { amount: 50 }),
  deal("later", { closeDate: LATER, amount: 900 }),
  deal("fwd", { stage: "qualification", amount: 10 }),
  deal("back", { stage: "proposal", amount: 20 }),
  deal("reopen", { outcome: "lost", stage: "closed lost", amount: 30 }),
];
const after: DealState[] = [
  deal("same"),
  deal("up", { amount: 650 }),
  deal("down", { amount: 600 }),
  deal("won", { outcome: "won", stage: "closed won", amount: 350 }),
  deal("lost", { outcome: "lost", stage: "closed lost" }),
  deal("pushed", { amount: 700, closeDate: LATER }),
  deal("later", { closeDate: IN, amount: 950 }),
  deal("fwd", { stage: "demo", amount: 10 }),
  deal("back", { stage: "demo", amount: 20 }),
  deal("reopen", { amount: 40 }),
  deal("brandnew", { amount: 123 }),
];

function history(): HistoryRow[] {
  const first = snapshotRows(new Map(), before, W1);
  return [...first, ...snapshotRows(stateAt(first, W1), after, W2)];
}

describe("snapshot storage", () => {
  it("keeps every deal in the first snapshot and only changes after it", () => {
    const rows = history();
    expect(rows.filter((r) => r.snapshot === W1)).toHaveLength(before.length);
    const second = rows.filter((r) => r.snapshot === W2);
    // "same" is unchanged, "gone" becomes a removed row.
    expect(second.map((r) => r.id).sort()).toEqual(
      [
        "up",
        "down",
        "won",
        "lost",
        "pushed",
        "later",
        "fwd",
        "back",
        "reopen",
        "brandnew",
        "gone",
      ].sort()
    );
    expect(second.find((r) => r.id === "gone")?.outcome).toBe("removed");
  });

  it("rebuilds each snapshot exactly", () => {
    const rows = history();
    const one = stateAt(rows, W1);
    expect(one.size).toBe(before.length);
    for (const d of before) expect(one.get(d.id)).toEqual({ ...d, snapshot: W1 });
    const two = stateAt(rows, W2);
    expect(two.size).toBe(after.length);
    for (const d of after) expect(two.get(d.id)).toMatchObject(d);
    expect(stateAt(rows, W1 - 1).size).toBe(0);
  });

  it("adds nothing when the same deals are imported again", () => {
    const rows = history();
    expect(snapshotRows(stateAt(rows, W2), after, W2)).toEqual([]);
  });

  it("lets a second import on the same day amend that day (later rows win)", () => {
    const rows = history();
    const amended = after.map((d) => (d.id === "same" ? { ...d, amount: 1 } : d));
    const more = snapshotRows(stateAt(rows, W2), amended, W2);
    expect(more).toHaveLength(1);
    expect(stateAt([...rows, ...more], W2).get("same")?.amount).toBe(1);
  });

  it("fills a blank category from the stage, then from the outcome", () => {
    expect(categoryOrDefault("commit", "pipeline", "open")).toBe("commit");
    expect(categoryOrDefault(null, "best case", "open")).toBe("best case");
    expect(categoryOrDefault(null, null, "won")).toBe("closed");
    expect(categoryOrDefault(null, null, "lost")).toBe("omitted");
    expect(categoryOrDefault(null, null, "open")).toBe("pipeline");
  });
});

describe("pipelineChanges", () => {
  const rows = history();
  const c = pipelineChanges(stateAt(rows, W1), stateAt(rows, W2), Q, ORDER);
  const ids = (k: keyof typeof c.bars) => c.bars[k].deals.map((d) => d.id).sort();

  it("puts each deal in its bar", () => {
    expect(ids("new")).toEqual(["brandnew", "reopen"]);
    expect(ids("pulledIn")).toEqual(["later"]);
    expect(ids("amountUp")).toEqual(["up"]);
    expect(ids("amountDown")).toEqual(["down"]);
    expect(ids("won")).toEqual(["won"]);
    expect(ids("lost")).toEqual(["lost"]);
    expect(ids("pushed")).toEqual(["pushed"]);
    expect(ids("removed")).toEqual(["gone"]);
    expect(ids("forward")).toEqual(["fwd"]);
    expect(ids("backward")).toEqual(["back"]);
  });

  it("signs amounts and counts the starting amount of deals that left", () => {
    expect(c.bars.amountUp.amount).toBe(150);
    expect(c.bars.amountDown.amount).toBe(-200);
    expect(c.bars.won.amount).toBe(-300);
    expect(c.bars.lost.amount).toBe(-200);
    expect(c.bars.pushed.amount).toBe(-700);
    expect(c.bars.removed.amount).toBe(-50);
    expect(c.bars.pulledIn.amount).toBe(950);
    expect(c.bars.new.amount).toBe(163);
    expect(c.bars.forward).toMatchObject({ count: 1, amount: 10 });
  });

  it("reconciles the waterfall from start to end by count and amount", () => {
    const inQ = (list: DealState[]) =>
      list.filter(
        (d) =>
          d.outcome === "open" &&
          d.closeDate !== null &&
          d.closeDate >= Q.from! &&
          d.closeDate <= Q.to!
      );
    const sum = (list: DealState[]) => list.reduce((s, d) => s + d.amount, 0);
    expect(c.start).toEqual({ count: inQ(before).length, amount: sum(inQ(before)) });
    expect(c.end).toEqual({ count: inQ(after).length, amount: sum(inQ(after)) });
    const bars = WATERFALL_KINDS.map((k) => c.bars[k]);
    expect(c.start.amount + bars.reduce((s, b) => s + b.amount, 0)).toBe(c.end.amount);
    const leaving = ["won", "lost", "pushed", "removed"] as const;
    const arriving = ["new", "pulledIn"] as const;
    expect(
      c.start.count -
        leaving.reduce((s, k) => s + c.bars[k].count, 0) +
        arriving.reduce((s, k) => s + c.bars[k].count, 0)
    ).toBe(c.end.count);
  });

  it("finds no change between a snapshot and itself, or between two empty ones", () => {
    const same = pipelineChanges(stateAt(rows, W2), stateAt(rows, W2), Q, ORDER);
    for (const k of [...WATERFALL_KINDS, ...MOVE_KINDS]) expect(same.bars[k].count).toBe(0);
    const empty = pipelineChanges(new Map(), new Map(), Q, ORDER);
    expect(empty.start).toEqual({ count: 0, amount: 0 });
    expect(empty.bars.new.deals).toEqual([]);
  });

  it("has nothing pushed or pulled when the period is every date", () => {
    const all = pipelineChanges(
      stateAt(rows, W1),
      stateAt(rows, W2),
      { from: null, to: null, label: "All" },
      ORDER
    );
    expect(all.bars.pushed.count + all.bars.pulledIn.count).toBe(0);
    expect(all.bars.amountUp.count).toBe(2); // "up" and "later"
  });

  it("does not count stage changes to stages outside the order", () => {
    const a = new Map([["x", deal("x", { stage: "demo" })]]);
    const b = new Map([["x", deal("x", { stage: "custom" })]]);
    const r = pipelineChanges(a, b, Q, ORDER);
    expect(r.bars.forward.count + r.bars.backward.count).toBe(0);
  });
});

describe("readHistory", () => {
  const header = [...HISTORY_COLUMNS];
  it("reads rows by header, in any column order, skipping blank rows", () => {
    const grid = [
      [
        "Deal ID",
        "Snapshot",
        "Stage",
        "Amount",
        "Close Date",
        "Outcome",
        "Owner",
        "Forecast Category",
      ],
      ["D1", "2026-11-20", "Demo", "1,200", 46400, "Open", " Ann ", "Best Case"],
      ["", "", "", "", "", "", "", ""],
      ["D1", W2, "Closed Won", 1200, 46400, "", "Ann", ""],
    ];
    const rows = readHistory(grid);
    if (isError(rows)) throw new Error(rows.message);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      id: "D1",
      snapshot: W1,
      stage: "Demo",
      amount: 1200,
      owner: "Ann",
      category: "best case",
    });
    expect(rows[1]).toMatchObject({ outcome: "won", category: null });
    expect(snapshotDates(rows)).toEqual([W1, W2]);
  });

  it("names a missing column and the first bad cell", () => {
    const noStage = readHistory([["Snapshot", "Deal ID", "Amount", "Close Date"]]);
    expect(isError(noStage) && noStage.message).toBe(
      'History needs its header row with a "Stage" column'
    );
    const bad = readHistory([header, [W1, "D1", "Demo", "Open", "lots", 46400, "Ann", ""]]);
    expect(isError(bad) && bad.message).toBe('History row 1, Amount: "lots" is not a number');
    const outcome = readHistory([header, [W1, "D1", "Demo", "Maybe", 1, 46400, "Ann", ""]]);
    expect(isError(outcome) && outcome.message).toMatch(
      /Outcome: "Maybe" is not Open, Won, Lost or Removed/
    );
    expect(isError(readHistory("History"))).toBe(true);
  });
});
