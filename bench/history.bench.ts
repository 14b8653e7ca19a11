/**
 * Pipeline history benchmark (`npm run bench -- history`).
 *
 * 1. Size: 52 weekly snapshots of a 20,000-deal pipeline with a realistic weekly churn (per
 *    week: 2% of open deals won, 1.5% lost, 6% move stage, 4% change amount, 5% move their close
 *    date; closed deals leave the export and as many new deals arrive, so every snapshot holds
 *    20,000 deals). Printed for both storage choices: one row per deal per snapshot, and changes
 *    only (what the History table holds), against Excel's limits: 1,048,576 rows per sheet,
 *    5,000,000 cells per read, and the 4 MB per request our writers stay under (Excel on the web
 *    refuses requests over 5 MB).
 * 2. Speed: SALES.PIPELINE_CHANGES through its adapter on a History of two 20,000-deal snapshots
 *    (target ≤ 200 ms), beside a baseline measured in the same run: one pass that only reads
 *    every History cell.
 */
import { installCustomFunctionsStub } from "../tests/setup/customFunctionsStub";
import {
  DealState,
  HISTORY_COLUMNS,
  HistoryRow,
  snapshotRows,
  stateAt,
} from "../src/engine/history/snapshot";
import { historyCells } from "../src/engine/history/snapshotPlan";
import { stagePreset } from "../src/model/stagePresets";

installCustomFunctionsStub(globalThis as unknown as Record<string, unknown>);
const { pipelineChangesFunction } =
  require("../src/functions/sales/pipelineChanges") as typeof import("../src/functions/sales/pipelineChanges");

/** A History row as the writer sends it; every bench deal is in the Pipeline category. */
const cells = (r: HistoryRow): (string | number)[] => historyCells({ ...r, category: "pipeline" });

const DEALS = 20_000;
const WEEKS = 52;
const SHEET_ROWS = 1_048_576;
const READ_CELLS = 5_000_000;
const REQUEST_BYTES = 4 * 1024 * 1024;
const TARGET_MS = 200;
/** Salesforce's open stages, in pipeline order. */
const STAGES = stagePreset("salesforce")
  .filter((s) => !s.isWon && !s.isLost)
  .map((s) => s.stage);
const OWNERS = Array.from({ length: 40 }, (_, i) => `Sales Rep ${i + 1}`);
const START = 46023; // 2026-01-01

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(19);
let nextId = 0;

function newDeal(date: number): DealState {
  return {
    id: `006${String(nextId++).padStart(12, "0")}`,
    stage: STAGES[Math.floor(rnd() * 3)],
    outcome: "open",
    amount: Math.round(5000 + rnd() * 95000),
    closeDate: date + 30 + Math.floor(rnd() * 150),
    owner: OWNERS[Math.floor(rnd() * OWNERS.length)],
    category: "pipeline",
  };
}

/** Next week's export: closed deals of last week are gone, replaced by new ones. */
function evolve(deals: readonly DealState[], date: number): DealState[] {
  const out: DealState[] = [];
  for (const d of deals) {
    if (d.outcome !== "open") {
      out.push(newDeal(date));
      continue;
    }
    const r = rnd();
    if (r < 0.02)
      out.push({ ...d, outcome: "won", stage: "Closed Won", category: "closed", closeDate: date });
    else if (r < 0.035)
      out.push({
        ...d,
        outcome: "lost",
        stage: "Closed Lost",
        category: "omitted",
        closeDate: date,
      });
    else if (r < 0.095) out.push({ ...d, stage: STAGES[Math.min(7, STAGES.indexOf(d.stage) + 1)] });
    else if (r < 0.135) out.push({ ...d, amount: Math.round(d.amount * (0.8 + rnd() * 0.4)) });
    else if (r < 0.185) out.push({ ...d, closeDate: (d.closeDate ?? date) + 30 });
    else out.push(d);
  }
  return out;
}

function bytes(rows: readonly (string | number)[][]): number {
  return Buffer.byteLength(JSON.stringify(rows));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(fn: () => unknown, reps = 7): number {
  for (let i = 0; i < 2; i++) fn();
  const t: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    t.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return median(t);
}

function sizes(): HistoryRow[] {
  let deals = Array.from({ length: DEALS }, () => newDeal(START));
  let history: HistoryRow[] = [];
  let previous = new Map<string, DealState>();
  let fullRows = 0;
  let fullBytesMax = 0;
  let deltaBytesMax = 0;
  let deltaFirst = 0;
  for (let w = 0; w < WEEKS; w++) {
    const date = START + 7 * w;
    if (w > 0) deals = evolve(deals, date);
    const full = deals.map((d) => cells({ ...d, snapshot: date }));
    fullRows += full.length;
    fullBytesMax = Math.max(fullBytesMax, bytes(full));
    const added = snapshotRows(previous, deals, date);
    if (w === 0) deltaFirst = added.length;
    deltaBytesMax = Math.max(deltaBytesMax, bytes(added.map(cells)));
    history = history.concat(added);
    previous = new Map(deals.map((d) => [d.id, d]));
  }
  const cols = HISTORY_COLUMNS.length;
  const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  console.log(`History of ${WEEKS} weekly snapshots × ${DEALS.toLocaleString("en")} deals`);
  console.log(
    "storage              rows        of sheet  cells        of read limit  largest weekly write  of 4 MB"
  );
  console.log(
    `one row per deal     ${String(fullRows + 1).padEnd(11)} ${pct(fullRows + 1, SHEET_ROWS).padEnd(9)} ${String(fullRows * cols).padEnd(12)} ${pct(fullRows * cols, READ_CELLS).padEnd(14)} ${mb(fullBytesMax).padEnd(21)} ${pct(fullBytesMax, REQUEST_BYTES)}`
  );
  console.log(
    `changes only (ours)  ${String(history.length + 1).padEnd(11)} ${pct(history.length + 1, SHEET_ROWS).padEnd(9)} ${String(history.length * cols).padEnd(12)} ${pct(history.length * cols, READ_CELLS).padEnd(14)} ${mb(deltaBytesMax).padEnd(21)} ${pct(deltaBytesMax, REQUEST_BYTES)}`
  );
  console.log(
    `changes per week after the first: ${Math.round((history.length - deltaFirst) / (WEEKS - 1)).toLocaleString("en")} rows (the first snapshot: ${deltaFirst.toLocaleString("en")}); ` +
      `whole History as one read: ${mb(bytes(history.map(cells)))}`
  );
  const fits = fullRows + 1 <= SHEET_ROWS && fullRows * cols <= READ_CELLS;
  console.log(
    `one row per deal fits a sheet and one read: ${fits ? "yes" : "NO"}; changes only: ${history.length * cols <= READ_CELLS ? "yes" : "NO"}`
  );
  return history;
}

function speed(history: readonly HistoryRow[]): void {
  const dates = [...new Set(history.map((r) => r.snapshot))].sort((a, b) => a - b);
  // Two full 20,000-deal snapshots: the worst case (a History of exactly two weeks).
  const a = [...stateAt(history, dates[dates.length - 2]).values()].map((d) => ({
    ...d,
    snapshot: dates[0],
  }));
  const b = snapshotRows(
    new Map(a.map((d) => [d.id, d])),
    [...stateAt(history, dates[dates.length - 1]).values()],
    dates[0] + 7
  );
  const grid: unknown[][] = [
    [...HISTORY_COLUMNS],
    ...JSON.parse(JSON.stringify([...a, ...b].map(cells))),
  ];
  const order = STAGES.map((s) => [s]);
  let sink = 0;
  const baseline = time(() => {
    for (const row of grid)
      for (const c of row) sink += typeof c === "number" ? c : (c as string).length;
  });
  const ours = time(() => pipelineChangesFunction(grid, order, "All", 1));
  const out = pipelineChangesFunction(grid, order, "All", 1);
  console.log(
    `\nPIPELINE_CHANGES on ${grid.length - 1} History rows (${a.length} + ${b.length} changed), two 20,000-deal snapshots`
  );
  console.log(
    `read every cell once: ${baseline.toFixed(1)} ms; PIPELINE_CHANGES: ${ours.toFixed(1)} ms (${(ours / baseline).toFixed(1)}× the read); target ≤ ${TARGET_MS} ms: ${ours <= TARGET_MS ? "met" : "MISSED"}`
  );
  console.log(`(waterfall: start ${out[0][2]}, end ${out[9][2]}; ${sink > 0 ? "" : " "})`);
}

speed(sizes());
