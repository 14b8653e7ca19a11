/**
 * SALES functions benchmark (`npm run bench -- metrics`): WIN_RATE, PIPELINE_VALUE,
 * WEIGHTED_PIPELINE and PERIOD_TOTALS called through their adapters (what Excel calls) on
 * 100,000 and 1,000,000-row one-column ranges shaped as Excel delivers them (`any[][]`, cells
 * parsed from JSON like the runtime does, so equal labels are distinct string objects).
 *
 * Two ratios, both measured in this run (absolute times on a shared machine are noise):
 * - vs formulajs doing the same with COUNTIFS/SUMIFS (target: ours ≥ 10× faster). formulajs's
 *   `flatten` concatenates inside a reduce, which is quadratic on a one-column `any[][]` (20,000
 *   rows already take seconds), so it gets pre-flattened 1-D arrays: its best case, flattening
 *   not timed. Its SUMIFS overflows the call stack on a million rows, so it is fed 100,000 rows
 *   at a time (see SUMIFS below).
 * - vs a bare loop that only reads every input cell once (target: ours ≤ 3× its time).
 * Each time is the median of several runs after warm-up runs; formulajs gets fewer runs at 1M
 * rows (one SUMIFS there takes seconds). `BENCH_ROWS=100000 npm run bench -- metrics` runs one size.
 */
import * as formulajs from "@formulajs/formulajs";
import { installCustomFunctionsStub } from "../tests/setup/customFunctionsStub";
import { random } from "./random";

installCustomFunctionsStub(globalThis as unknown as Record<string, unknown>);

const { winRateFunction } =
  require("../src/functions/sales/winRate") as typeof import("../src/functions/sales/winRate");
const { pipelineValueFunction } =
  require("../src/functions/sales/pipelineValue") as typeof import("../src/functions/sales/pipelineValue");
const { weightedPipelineFunction } =
  require("../src/functions/sales/weightedPipeline") as typeof import("../src/functions/sales/weightedPipeline");
const { periodTotalsFunction } =
  require("../src/functions/sales/periodTotals") as typeof import("../src/functions/sales/periodTotals");

type Grid = unknown[][];

const STAGES: [string, number][] = [
  ["Prospecting", 10],
  ["Qualification", 10],
  ["Needs Analysis", 20],
  ["Value Proposition", 50],
  ["Id. Decision Makers", 60],
  ["Perception Analysis", 70],
  ["Proposal/Price Quote", 75],
  ["Negotiation/Review", 90],
  ["Closed Won", 100],
  ["Closed Lost", 0],
];
const OPEN = STAGES.slice(0, 8);
const JAN_1_2026 = 46023;
const MONTH_STARTS = [
  46023, 46054, 46082, 46113, 46143, 46174, 46204, 46235, 46266, 46296, 46327, 46357, 46388,
];

interface Data {
  stages: Grid;
  amounts: Grid;
  dates: Grid;
  flat: { stages: string[]; amounts: number[]; dates: number[] };
}

function makeData(rows: number): Data {
  const next = random(rows);
  const stages: Grid = [];
  const amounts: Grid = [];
  const dates: Grid = [];
  for (let i = 0; i < rows; i++) {
    stages.push([STAGES[Math.floor(next() * STAGES.length)][0]]);
    amounts.push([Math.round(next() * 100_000) / 100]);
    dates.push([JAN_1_2026 + Math.floor(next() * 365)]); // one year of close dates
  }
  // Through JSON, as the Excel runtime hands ranges over: no shared string objects.
  const parse = (g: Grid) => JSON.parse(JSON.stringify(g)) as Grid;
  const data = { stages: parse(stages), amounts: parse(amounts), dates: parse(dates) };
  return {
    ...data,
    flat: {
      stages: data.stages.map((r) => r[0] as string),
      amounts: data.amounts.map((r) => r[0] as number),
      dates: data.dates.map((r) => r[0] as number),
    },
  };
}

let sink = 0;
function consume(x: unknown): void {
  if (typeof x === "number") sink += x;
  else if (Array.isArray(x)) sink += x.length;
}

/** Median milliseconds of `reps` runs after warm-up runs (so the JIT has optimized the code). */
function time(fn: () => unknown, reps: number, warmups = 3): number {
  for (let w = 0; w < warmups; w++) consume(fn());
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    consume(fn());
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * The floor: read every cell of the input ranges once, i.e. load its value (a number, or a
 * string's length), and do nothing else with it.
 */
function bareLoop(...grids: Grid[]): number {
  let n = 0;
  for (const g of grids) {
    for (let i = 0; i < g.length; i++) {
      const v = g[i][0];
      if (typeof v === "number") n += v;
      else if (typeof v === "string") n += v.length;
    }
  }
  return n;
}

const f = formulajs as unknown as Record<string, (...a: unknown[]) => number>;

/**
 * formulajs SUMIFS, fed 100,000 rows at a time: on a million rows its SUM overflows the call
 * stack (RangeError), so it gets the sum of chunk results, which keeps its per-cell cost.
 */
function SUMIFS(sum: readonly number[], ...pairs: unknown[]): number {
  const CHUNK = 100_000;
  let total = 0;
  for (let start = 0; start < sum.length; start += CHUNK) {
    const slice = (a: unknown) => (Array.isArray(a) ? a.slice(start, start + CHUNK) : a);
    total += f.SUMIFS(slice(sum), ...pairs.map(slice));
  }
  return total;
}

interface Case {
  name: string;
  ours: (d: Data) => unknown;
  formulajs: (d: Data) => unknown;
  inputs: (d: Data) => Grid[];
}

const cases: Case[] = [
  {
    name: "WIN_RATE",
    ours: (d) => winRateFunction(d.stages),
    formulajs: (d) => {
      const won = f.COUNTIFS(d.flat.stages, "Closed Won");
      return won / (won + f.COUNTIFS(d.flat.stages, "Closed Lost"));
    },
    inputs: (d) => [d.stages],
  },
  {
    name: "PIPELINE_VALUE",
    ours: (d) => pipelineValueFunction(d.amounts, d.stages),
    formulajs: (d) =>
      SUMIFS(d.flat.amounts, d.flat.stages, "<>Closed Won", d.flat.stages, "<>Closed Lost"),
    inputs: (d) => [d.amounts, d.stages],
  },
  {
    name: "WEIGHTED_PIPELINE",
    ours: (d) =>
      weightedPipelineFunction(
        d.amounts,
        d.stages,
        STAGES.map(([s, p]) => [s, p])
      ),
    formulajs: (d) =>
      OPEN.reduce((sum, [s, p]) => sum + (SUMIFS(d.flat.amounts, d.flat.stages, s) * p) / 100, 0),
    inputs: (d) => [d.amounts, d.stages],
  },
  {
    name: "PERIOD_TOTALS (month)",
    ours: (d) => periodTotalsFunction(d.dates, d.amounts, "month", null, null, undefined),
    formulajs: (d) =>
      MONTH_STARTS.slice(0, -1).map((start, m) => [
        start,
        SUMIFS(d.flat.amounts, d.flat.dates, `>=${start}`, d.flat.dates, `<${MONTH_STARTS[m + 1]}`),
      ]),
    inputs: (d) => [d.dates, d.amounts],
  },
];

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + " ".repeat(n - s.length);
}
function lpad(s: string, n: number): string {
  return s.length >= n ? s : " ".repeat(n - s.length) + s;
}

const sizes = (process.env.BENCH_ROWS ?? "100000,1000000").split(",").map(Number);
const header = `${pad("function", 24)}${lpad("rows", 10)}${lpad("ours ms", 10)}${lpad("loop ms", 10)}${lpad("formulajs ms", 14)}${lpad("vs formulajs", 14)}${lpad("vs loop", 10)}`;
console.log(header);
console.log("-".repeat(header.length));
let misses = 0;
for (const rows of sizes) {
  const data = makeData(rows);
  for (const c of cases) {
    const big = rows >= 1_000_000;
    const ours = time(() => c.ours(data), big ? 7 : 15);
    const loop = time(() => bareLoop(...c.inputs(data)), big ? 7 : 15);
    const baseline = time(() => c.formulajs(data), big ? 1 : 3, 1);
    const speedup = baseline / ours;
    const overLoop = ours / loop;
    if (speedup < 10 || overLoop > 3) misses++;
    console.log(
      `${pad(c.name, 24)}${lpad(rows.toLocaleString("en-US"), 10)}${lpad(ours.toFixed(1), 10)}${lpad(loop.toFixed(1), 10)}${lpad(
        baseline.toFixed(0),
        14
      )}${lpad(`${speedup.toFixed(0)}×`, 14)}${lpad(`${overLoop.toFixed(2)}×`, 10)}`
    );
  }
}
console.log(
  `\ntargets: ≥ 10× faster than formulajs, ≤ 3× the bare loop; ${misses} row(s) missed (checksum ${(sink % 1000) | 0})`
);
