import { toSerial } from "../../src/engine/dates";
import {
  DealState,
  HISTORY_COLUMNS,
  HistoryRow,
  snapshotRows,
  stateAt,
} from "../../src/engine/history/snapshot";
import { pipelineChangesFunction } from "../../src/functions/sales/pipelineChanges";
import {
  EXPECTED_CHANGES,
  ExportDeal,
  SF_OPEN_STAGES,
  WEEKS,
} from "../fixtures/history/weeklyPipeline";
import { cell, col } from "../setup/excelCalls";

const DATES = [toSerial(2026, 11, 20), toSerial(2026, 11, 27), toSerial(2026, 12, 4)];
const iso = (s: string) => toSerial(...(s.split("-").map(Number) as [number, number, number]));

function state(d: ExportDeal): DealState {
  const outcome = d.stage === "Closed Won" ? "won" : d.stage === "Closed Lost" ? "lost" : "open";
  return {
    id: d.id,
    stage: d.stage,
    outcome,
    amount: d.amount,
    closeDate: iso(d.close),
    owner: d.owner,
    category: null,
  };
}

function historyRows(): HistoryRow[] {
  let rows: HistoryRow[] = [];
  WEEKS.forEach((deals, w) => {
    rows = [...rows, ...snapshotRows(stateAt(rows, DATES[w] - 1), deals.map(state), DATES[w])];
  });
  return rows;
}

function grid(rows: readonly HistoryRow[]): unknown[][] {
  const text = { open: "Open", won: "Won", lost: "Lost", removed: "Removed" };
  return [
    [...HISTORY_COLUMNS],
    ...rows.map((r) => [
      r.snapshot,
      r.id,
      r.stage,
      text[r.outcome],
      r.amount,
      r.closeDate ?? "",
      r.owner,
      "",
    ]),
  ];
}

const byId = new Map(WEEKS[1].map((d) => [d.id, d]));
const byId3 = new Map(WEEKS[2].map((d) => [d.id, d]));
const sum = (ids: string[], f: (id: string) => number) => ids.reduce((s, id) => s + f(id), 0);

describe("PIPELINE_CHANGES", () => {
  const history = grid(historyRows());
  const order = col(...SF_OPEN_STAGES);

  it("shows exactly the known changes between the last two weekly imports", () => {
    const out = cell(
      pipelineChangesFunction,
      history,
      order,
      "This fiscal quarter",
      4
    ) as unknown[][];
    const row = (label: string) => out.find((r) => r[0] === label);
    const e = EXPECTED_CHANGES;
    const start = WEEKS[1].filter((d) => !d.stage.startsWith("Closed"));
    const end = WEEKS[2].filter((d) => !d.stage.startsWith("Closed") && d.close < "2027-01-01");
    expect(row("Starting pipeline")).toEqual([
      "Starting pipeline",
      start.length,
      sum(
        start.map((d) => d.id),
        (id) => byId.get(id)!.amount
      ),
    ]);
    expect(row("New")).toEqual(["New", 3, sum(e.new, (id) => byId3.get(id)!.amount)]);
    expect(row("Won")).toEqual(["Won", 2, -sum(e.won, (id) => byId.get(id)!.amount)]);
    expect(row("Lost")).toEqual(["Lost", 1, -sum(e.lost, (id) => byId.get(id)!.amount)]);
    expect(row("Pushed out")).toEqual([
      "Pushed out",
      4,
      -sum(e.pushed, (id) => byId.get(id)!.amount),
    ]);
    expect(row("Amount increased")).toEqual(["Amount increased", 1, 500]);
    expect(row("Amount decreased")).toEqual(["Amount decreased", 1, -300]);
    expect(row("Pulled in")).toEqual(["Pulled in", 0, 0]);
    expect(row("Removed")).toEqual(["Removed", 0, 0]);
    expect(row("Moved forward")?.[1]).toBe(2);
    expect(row("Moved backward")?.[1]).toBe(1);
    expect(row("Ending pipeline")).toEqual([
      "Ending pipeline",
      end.length,
      end.reduce((s, d) => s + d.amount, 0),
    ]);
    // The waterfall adds up.
    const bars = out.slice(1, 9).reduce((s, r) => s + (r[2] as number), 0);
    expect((out[0][2] as number) + bars).toBe(out[9][2]);
  });

  it("lists the deals behind a change", () => {
    const pushed = cell(
      pipelineChangesFunction,
      history,
      order,
      null,
      4,
      null,
      null,
      "Pushed out"
    ) as unknown[][];
    expect(pushed.map((r) => r[0]).sort()).toEqual(EXPECTED_CHANGES.pushed);
    expect(pushed[0]).toHaveLength(7);
    const back = cell(
      pipelineChangesFunction,
      history,
      order,
      null,
      4,
      null,
      null,
      "moved backward"
    ) as unknown[][];
    expect(back).toEqual([
      [
        EXPECTED_CHANGES.backward[0],
        expect.any(String),
        expect.any(Number),
        "Id. Decision Makers",
        "Qualification",
        expect.any(Number),
        expect.any(Number),
      ],
    ]);
    expect(
      cell(pipelineChangesFunction, history, order, null, 4, null, null, "Removed")
    ).toMatchObject({ error: "#N/A" });
    expect(
      cell(pipelineChangesFunction, history, order, null, 4, null, null, "Sideways")
    ).toMatchObject({ error: "#VALUE!" });
  });

  it("compares any two dates and honours the snapshot index", () => {
    const first = cell(
      pipelineChangesFunction,
      history,
      order,
      "FY2027 Q3",
      4,
      DATES[0],
      DATES[1]
    ) as unknown[][];
    expect(first.find((r) => r[0] === "Amount increased")).toEqual(["Amount increased", 1, 999]);
    expect(first.find((r) => r[0] === "Moved forward")?.[1]).toBe(1);
    // A fourth weekly snapshot in which nothing changed: by default it compares week 4 with week 3.
    const index = col(...DATES, DATES[2] + 7);
    const quiet = cell(
      pipelineChangesFunction,
      history,
      order,
      "FY2027 Q3",
      4,
      null,
      null,
      null,
      index
    ) as unknown[][];
    expect(quiet.slice(1, 9).every((r) => r[1] === 0)).toBe(true);
  });

  it("keeps one owner's deals with the optional owner argument, adding up to everyone's", () => {
    const call = (owner?: unknown) =>
      cell(
        pipelineChangesFunction,
        history,
        order,
        "This fiscal quarter",
        4,
        null,
        null,
        null,
        null,
        owner
      ) as unknown[][];
    const all = call();
    expect(call("")).toEqual(all);
    const owners = [...new Set(WEEKS[2].map((d) => d.owner))];
    const parts = owners.map((o) => call(o));
    all.forEach((r, i) => {
      expect([r[0], parts.reduce((a, p) => a + Number(p[i][1]), 0)]).toEqual([r[0], r[1]]);
      expect([r[0], parts.reduce((a, p) => a + Number(p[i][2]), 0)]).toEqual([r[0], r[2]]);
    });
    // Each owner's ending pipeline, from the week-3 rows.
    owners.forEach((o, k) => {
      const end = WEEKS[2].filter(
        (d) => d.owner === o && !d.stage.startsWith("Closed") && d.close < "2027-01-01"
      );
      expect([o, parts[k].find((r) => r[0] === "Ending pipeline")]).toEqual([
        o,
        ["Ending pipeline", end.length, end.reduce((a, d) => a + d.amount, 0)],
      ]);
    });
    expect(call("Nobody").find((r) => r[0] === "Ending pipeline")).toEqual([
      "Ending pipeline",
      0,
      0,
    ]);
  });

  it("reads a snapshots range of day-first text in the order the range proves", () => {
    // A week after the last import in which nothing changed: 11/12/2026 alone is ambiguous, the
    // range's 20/11 and 27/11 prove day-first, so it is 11 December.
    const serials = col(...DATES, toSerial(2026, 12, 11));
    const text = col("20/11/2026", "27/11/2026", "04/12/2026", "11/12/2026");
    const args = (snapshots: unknown) => [history, order, null, 4, null, null, null, snapshots];
    const byText = cell(pipelineChangesFunction, ...args(text));
    expect(Array.isArray(byText)).toBe(true);
    expect(byText).toEqual(cell(pipelineChangesFunction, ...args(serials)));
    expect(byText).not.toEqual(cell(pipelineChangesFunction, ...args(null)));
    expect(cell(pipelineChangesFunction, ...args(col("04/12/2026", "11/12/2026")))).toMatchObject({
      error: "#VALUE!",
      message: expect.stringMatching(/^snapshots #1 is a date kept as text: "04\/12\/2026"/),
    });
  });

  it("needs two snapshots, a History header and dates in order", () => {
    const one = grid(historyRows().filter((r) => r.snapshot === DATES[0]));
    expect(cell(pipelineChangesFunction, one, order)).toMatchObject({
      error: "#N/A",
      message: expect.stringMatching(/at least 2 snapshots/),
    });
    expect(cell(pipelineChangesFunction, [HISTORY_COLUMNS.slice(0, 2)], order)).toMatchObject({
      error: "#VALUE!",
    });
    expect(cell(pipelineChangesFunction, [[...HISTORY_COLUMNS]], order)).toMatchObject({
      error: "#N/A",
    });
    expect(cell(pipelineChangesFunction, history, order, null, 4, DATES[2], DATES[0])).toEqual({
      error: "#VALUE!",
      message: "from_snapshot must be on or before to_snapshot",
    });
    expect(cell(pipelineChangesFunction, history, order, "soon")).toMatchObject({
      error: "#VALUE!",
    });
  });
});
