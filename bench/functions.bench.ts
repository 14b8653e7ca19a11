/**
 * Every SALES function on the largest input Excel can pass (`npm run bench -- functions`), and
 * FORECAST_SALES on long histories (issue 15: bounded work).
 *
 * 1. Full column: each function that takes ranges is called through its adapter (what Excel
 *    calls) on whole columns of 1,048,576 rows, shaped as Excel delivers them (`any[][]`, cells
 *    parsed from JSON like the runtime does), with the last 48,576 rows empty as Excel desktop
 *    passes them (0). Target: ≤ 1,000 ms each; the ratio to a bare loop that reads the same
 *    cells once (measured in this run) shows the cost of the function itself.
 *    STALE_DEALS also runs on close dates of which ~60% are day-first text (31/03/2027), the
 *    range's order decided from its text (src/engine/textDateOrder.ts).
 * 2. FORECAST_SALES on 1,000, 5,000, 20,000 and 200,000 values (a seasonal random walk), and the
 *    same with a full-column range holding 36 months (B:B). The forecasting engine is
 *    src/engine/forecast (bounded by its own work); the adapter's part (reading and trimming the
 *    series) is timed separately and must stay linear. `BENCH_FORECAST_MAX=20000` skips longer
 *    histories.
 * `BENCH_CASES=FUNNEL` runs only the full-column cases whose name contains that text (and no
 * FORECAST_SALES table); `BENCH_REPS=7` times each case as the median of 7 runs (default 3).
 * Scalar-only functions (CLV, SALES_VELOCITY, PIPELINE_COVERAGE) take no range and are left out.
 */
import { installCustomFunctionsStub } from "../tests/setup/customFunctionsStub";
import { random } from "./random";

installCustomFunctionsStub(globalThis as unknown as Record<string, unknown>);

const S = (file: string) => require(`../src/functions/sales/${file}`) as Record<string, Fn>;
const { readSeries } = require("../src/engine/series") as typeof import("../src/engine/series");

type Fn = (...args: unknown[]) => unknown;
type Grid = unknown[][];

const ROWS = 1_048_576;
const EMPTY = 48_576; // rows below the data, passed as 0 by Excel desktop
const JAN_1_2026 = 46023;
const STAGES = [
  "Prospecting",
  "Qualification",
  "Proposal/Price Quote",
  "Negotiation/Review",
  "Closed Won",
  "Closed Lost",
];
const PROBABILITIES = STAGES.map((s, i) => [s, [10, 20, 75, 90, 100, 0][i]]);
/** The Stages table with its header row (stage_table, issue 12), as Stages[#All] passes it. */
const STAGE_TABLE = [
  ["Stage", "Probability", "Forecast Category", "Is Won", "Is Lost"],
  ...STAGES.map((s, i) => [s, [0.1, 0.2, 0.75, 0.9, 1, 0][i], "Pipeline", i === 4, i === 5]),
];

/** A full column: `cell(i)` for the data rows, 0 below them; through JSON like the runtime. */
function column(cell: (i: number) => unknown): Grid {
  const g: Grid = new Array(ROWS);
  for (let i = 0; i < ROWS; i++) g[i] = [i < ROWS - EMPTY ? cell(i) : 0];
  return JSON.parse(JSON.stringify(g)) as Grid;
}

const next = random(15);
const data = {
  stages: column(() => STAGES[Math.floor(next() * STAGES.length)]),
  amounts: column(() => Math.round(next() * 100_000) / 100),
  created: column(() => JAN_1_2026 + Math.floor(next() * 365) + next()),
  closed: column(() => JAN_1_2026 + 365 + Math.floor(next() * 365)),
  contact: column(() => JAN_1_2026 + 365 + next()),
  competitors: column(
    () => ["Acme", "Globex", "Acme; Initech", "Initech", ""][Math.floor(next() * 5)]
  ),
  statuses: column(() => ["Converted", "Working", "Lost"][Math.floor(next() * 3)]),
  flags: column(() => next() < 0.3),
  list: column(() => 100 + Math.floor(next() * 100)),
  quantities: column(() => 1 + Math.floor(next() * 5)),
  series: column((i) => 1000 + 0.01 * i + 100 * Math.sin(i / 7)),
  months: column(() => 0),
};
for (let i = 0; i < 36; i++) data.months[i] = [15000 + 60 * i + 800 * Math.sin((i * Math.PI) / 6)];
/**
 * The close dates as a European CRM's CSV opened in a US-locale Excel leaves them: a day above 12
 * stays day-first text ("31/03/2027"), the others became date serials (kept as numbers here).
 */
const closedText: Grid = data.closed.map(([s]) => {
  if (typeof s !== "number" || s === 0) return [s];
  const day = new Date(Date.UTC(1899, 11, 30) + s * 86_400_000);
  const dd = day.getUTCDate();
  const mm = String(day.getUTCMonth() + 1).padStart(2, "0");
  return [dd > 12 ? `${dd}/${mm}/${day.getUTCFullYear()}` : s];
});

let sink = 0;
function consume(x: unknown): void {
  if (typeof x === "number") sink += x;
  else if (Array.isArray(x)) sink += x.length;
}

/** Milliseconds of the median of `reps` runs after one warm-up run; errors count as results. */
function time(fn: () => unknown, reps = 3): number {
  const run = () => {
    try {
      consume(fn());
    } catch (e) {
      if (!(e instanceof Error) || e.name !== "CustomFunctions.Error") throw e;
      throw new Error(`returned ${(e as Error & { code: string }).code}: ${e.message}`);
    }
  };
  run();
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Reads every cell of the ranges once: the floor any function over them has to pay. */
function bareLoop(...grids: Grid[]): number {
  let n = 0;
  for (const g of grids)
    for (let i = 0; i < g.length; i++) {
      const v = g[i][0];
      if (typeof v === "number") n += v;
      else if (typeof v === "string") n += v.length;
    }
  return n;
}

/**
 * FUNNEL with the History: each deal's ID (a full column), and a History table as the import
 * writes it (`History[#All]`: header, then rows). Worst case: 1,048,575 rows, the sheet's limit
 * (half the deals seen once, then changes of random deals over 52 weekly snapshots). Realistic:
 * 52 weekly snapshots of a 20,000-deal pipeline (~270,000 rows, README), with its 20,000 deals.
 * IDs like "D123" are at most 10 characters, which JSON.parse interns (one copy per text, so
 * comparing two is comparing pointers); Salesforce's 18-character IDs are not: the worst case
 * runs again with those.
 */
const { HISTORY_COLUMNS } =
  require("../src/engine/history/snapshot") as typeof import("../src/engine/history/snapshot");
function historyTable(rows: number, deals: number, idOf = (n: number) => `D${n}`): Grid {
  const g: Grid = [[...HISTORY_COLUMNS]];
  for (let r = 0; r < rows; r++) {
    const first = r < deals / 2;
    const deal = first ? r * 2 : Math.floor(next() * deals);
    const stage = STAGES[Math.floor(next() * STAGES.length)];
    const outcome = stage === "Closed Won" ? "Won" : stage === "Closed Lost" ? "Lost" : "Open";
    const week = first ? 0 : 1 + Math.floor((51 * (r - deals / 2)) / (rows - deals / 2));
    g.push([JAN_1_2026 + 7 * week, idOf(deal), stage, outcome, 1000, JAN_1_2026 + 400, "Ana", ""]);
  }
  return JSON.parse(JSON.stringify(g)) as Grid;
}
const dealIds = column((i) => `D${i}`);
const fullHistory = historyTable(ROWS - 1, ROWS - EMPTY);
const SMALL = 20_000;
const smallStages = data.stages.slice(0, SMALL);
const smallIds = dealIds.slice(0, SMALL);
const smallHistory = historyTable(270_000, SMALL);
const salesforceId = (n: number) => `006Q0000${String(n).padStart(7, "0")}QAA`;
const longIds = column(salesforceId);
const longHistory = historyTable(ROWS - 1, ROWS - EMPTY, salesforceId);

const d = data;
type Case = [name: string, run: () => unknown, inputs: Grid[]];
/** FUNNEL over the first five stages with a History and the deals' IDs. */
const funnelCase = (name: string, stages: Grid, history: Grid, ids: Grid): Case => [
  name,
  () => S("funnel").funnelFunction(stages, STAGES.slice(0, 5).join(", "), null, history, ids),
  [stages, ids, history],
];
const cases: Case[] = [
  [
    "WIN_RATE (by value)",
    () => S("winRate").winRateFunction(d.stages, d.amounts, null, null),
    [d.stages, d.amounts],
  ],
  [
    "WIN_RATE (stage_table)",
    () => S("winRate").winRateFunction(d.stages, d.amounts, null, null, STAGE_TABLE),
    [d.stages, d.amounts],
  ],
  [
    "WEIGHTED_PIPELINE (table)",
    () => S("weightedPipeline").weightedPipelineFunction(d.amounts, d.stages, null, STAGE_TABLE),
    [d.amounts, d.stages],
  ],
  [
    "CONVERSION_RATE (labels)",
    () => S("conversionRate").conversionRateFunction(d.statuses, "Converted", null),
    [d.statuses],
  ],
  [
    "CONVERSION_RATE (flags)",
    () => S("conversionRate").conversionRateFunction(d.flags, null, null),
    [d.flags],
  ],
  ["FUNNEL", () => S("funnel").funnelFunction(d.stages, STAGES.slice(0, 5).join(", ")), [d.stages]],
  funnelCase("FUNNEL (History, 1M rows)", d.stages, fullHistory, dealIds),
  funnelCase("FUNNEL (20k deals, 270k History)", smallStages, smallHistory, smallIds),
  funnelCase("FUNNEL (History, 18-char IDs)", d.stages, longHistory, longIds),
  [
    "AVG_DEAL_SIZE",
    () => S("avgDealSize").avgDealSizeFunction(d.amounts, d.stages, null),
    [d.amounts, d.stages],
  ],
  [
    "SALES_CYCLE",
    () => S("salesCycle").salesCycleFunction(d.created, d.closed, d.stages, null),
    [d.created, d.closed, d.stages],
  ],
  [
    "PIPELINE_VALUE (window)",
    () =>
      S("pipelineValue").pipelineValueFunction(
        d.amounts,
        d.stages,
        d.closed,
        JAN_1_2026 + 400,
        JAN_1_2026 + 500
      ),
    [d.amounts, d.stages, d.closed],
  ],
  [
    "WEIGHTED_PIPELINE",
    () => S("weightedPipeline").weightedPipelineFunction(d.amounts, d.stages, PROBABILITIES),
    [d.amounts, d.stages],
  ],
  [
    "QUOTA_ATTAINMENT (window)",
    () =>
      S("quotaAttainment").quotaAttainmentFunction(
        d.amounts,
        d.stages,
        d.closed,
        1e6,
        JAN_1_2026 + 400,
        JAN_1_2026 + 500
      ),
    [d.amounts, d.stages, d.closed],
  ],
  [
    "LEAD_RESPONSE_TIME (p90)",
    () => S("leadResponseTime").leadResponseTimeFunction(d.created, d.contact, "p90", "hours"),
    [d.created, d.contact],
  ],
  [
    "PERIOD_TOTALS (day)",
    () => S("periodTotals").periodTotalsFunction(d.closed, d.amounts, "day", null, null, d.stages),
    [d.closed, d.amounts, d.stages],
  ],
  ["GROWTH (1M values, lag 12)", () => S("growth").growthFunction(d.series, 12, null), [d.series]],
  ["GROWTH (B:B, 36 months)", () => S("growth").growthFunction(d.months, 12, null), [d.months]],
  [
    "COMPETITOR_WIN_RATE",
    () =>
      S("competitorWinRate").competitorWinRateFunction(d.competitors, d.stages, "Acme", d.amounts),
    [d.competitors, d.stages, d.amounts],
  ],
  [
    "PRICE_REALIZATION",
    () => S("priceRealization").priceRealizationFunction(d.amounts, d.list, d.quantities),
    [d.amounts, d.list, d.quantities],
  ],
  [
    "STALE_DEALS",
    () => S("staleDeals").staleDealsFunction(d.closed, d.stages, 14, JAN_1_2026 + 600),
    [d.closed, d.stages],
  ],
  [
    "STALE_DEALS (day-first text)",
    () => S("staleDeals").staleDealsFunction(closedText, d.stages, 14, JAN_1_2026 + 600),
    [closedText, d.stages],
  ],
  [
    "FORECAST_SALES (B:B, 36 mo)",
    () => S("forecastSales").forecastSales(d.months, 6, null, 0.95, null),
    [d.months],
  ],
  [
    "FORECAST_SEASONALITY (B:B)",
    () => S("forecastSales").forecastSeasonality(d.months, null),
    [d.months],
  ],
];

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : " ".repeat(n - s.length) + s);

console.log(
  `Full column: ${ROWS.toLocaleString("en-US")} rows (${EMPTY.toLocaleString("en-US")} empty, as 0)\n`
);
const header = `${pad("function", 30)}${lpad("ms", 10)}${lpad("loop ms", 10)}${lpad("vs loop", 10)}${lpad("≤ 1 s", 8)}`;
console.log(header);
console.log("-".repeat(header.length));
let misses = 0;
const only = process.env.BENCH_CASES;
const reps = Number(process.env.BENCH_REPS ?? 3);
for (const [name, fn, inputs] of cases.filter(([n]) => !only || n.includes(only))) {
  const ms = time(fn, reps);
  const loop = time(() => bareLoop(...inputs), reps);
  if (ms > 1000) misses++;
  console.log(
    `${pad(name, 30)}${lpad(ms.toFixed(0), 10)}${lpad(loop.toFixed(1), 10)}${lpad(`${(ms / loop).toFixed(1)}×`, 10)}${lpad(ms <= 1000 ? "yes" : "NO", 8)}`
  );
}

const max = only ? 0 : Number(process.env.BENCH_FORECAST_MAX ?? 200_000);
console.log(`\nFORECAST_SALES on long histories (horizon 12, confidence 0.95)\n`);
const header2 = `${pad("values", 10)}${lpad("total ms", 12)}${lpad("read ms", 10)}${lpad("read/value µs", 16)}${lpad("≤ 1 s", 8)}`;
console.log(header2);
console.log("-".repeat(header2.length));
for (const n of [1_000, 5_000, 20_000, 200_000].filter((k) => k <= max)) {
  const walk = random(n);
  let level = 1000;
  const history: Grid = [];
  for (let i = 0; i < n; i++) {
    level += walk() - 0.5;
    history.push([level + 50 * Math.sin((2 * Math.PI * i) / 12)]);
  }
  const read = time(() => readSeries(history, null, "history", "History"), 5);
  const total = time(() => S("forecastSales").forecastSales(history, 12, null, 0.95, null), 1);
  if (n <= 20_000 && total > 1000) misses++;
  console.log(
    `${pad(n.toLocaleString("en-US"), 10)}${lpad(total.toFixed(0), 12)}${lpad(read.toFixed(2), 10)}${lpad(((read * 1000) / n).toFixed(3), 16)}${lpad(total <= 1000 ? "yes" : "NO", 8)}`
  );
}
console.log(
  `\ntargets: every function ≤ 1 s on a full column, FORECAST_SALES ≤ 1 s up to 20,000 values; ${misses} missed (checksum ${(sink % 1000) | 0})`
);
