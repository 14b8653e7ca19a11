/**
 * `npm run bench:forecast -- --short`: FORECAST_SALES on SHORT monthly histories, the length a
 * sales manager's monthly revenue usually has. Every monthly record of the benchmark files with at
 * least 36 values to fit on is cut to its last L = 24 or 36 values (test values and horizon
 * unchanged) and forecast by the shipped rule, the previous one (round 7's G2), our ARIMA, R's
 * auto.arima() and ets() on the same cut (bench/forecast/data/short_r_reference.json, written by
 * export_short.R), and the M4 baselines. Scores as run.ts: OWA against Naive2 on the same cut,
 * sMAPE, MASE (m = 12), MSIS and the 95% coverage. A report, not a choice: nothing is tuned on it.
 */
import * as fs from "fs";
import * as path from "path";
import {
  Combination,
  Forecast,
  ForecastModel,
  combinePaths,
  fit,
  forecast,
  memberPaths,
  ruleForModel,
} from "../../src/engine/forecast";
import { naive2, seasonalNaive } from "../../src/engine/forecast/baselines";
import { isError } from "../../src/engine/errors";
import { mase, msis, smape } from "./metrics";
import { SeriesRecord as Series, recordKey } from "./records";

interface ShortReference {
  name: string;
  set: string;
  origin: number;
  length: number;
  arima: number[];
  arima_lower: number[];
  arima_upper: number[];
  ets: number[];
  ets_lower: number[];
  ets_upper: number[];
}
interface Case {
  s: Series;
  y: number[];
  ref: ShortReference;
}

const dir = path.join(__dirname, "data");
const load = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(dir, file), "utf8")) as T;
const key = (s: { name: string; set: string; origin: number }, length: number): string =>
  `${recordKey(s)}|${length}`;
const refs = new Map(
  load<{ series: ShortReference[] }>("short_r_reference.json").series.map((r) => [
    key(r, r.length),
    r,
  ])
);
const files = [
  "series.json",
  "fresh_series.json",
  ...[2, 3, 4, 5, 6].map((k) => `fresh${k}_series.json`),
];
const LENGTHS = [24, 36];
const cases: Case[] = [];
/** Halves by series (even / odd position of the distinct series in the files' order). */
const seriesOrder = new Map<string, number>();
const halfOf = (c: Case): "A" | "B" =>
  (seriesOrder.get(`${c.s.name}|${c.s.set}`) ?? 0) % 2 === 0 ? "A" : "B";
for (const file of files) {
  if (!fs.existsSync(path.join(dir, file))) continue;
  for (const s of load<{ series: Series[] }>(file).series) {
    if (s.frequency !== 12 || s.train.length < 36) continue;
    for (const L of LENGTHS) {
      const ref = refs.get(key(s, L));
      if (!ref) continue;
      const id = `${s.name}|${s.set}`;
      if (!seriesOrder.has(id)) seriesOrder.set(id, seriesOrder.size);
      cases.push({ s, y: s.train.slice(-L), ref });
    }
  }
}

/** Round 7's shipped rule (G2, widen 1.5): the previous FORECAST_SALES, for comparison. */
const G2: Combination = {
  members: ["ets", "arima", "ces"],
  rule: "inverse",
  widen: 1.5,
  noSeason: { members: ["arima", "damped"], rule: "inverse", widen: 1.5 },
};
/** The model fitted on a case's cut (every cut has 24+ values, so the fit cannot fail). */
function fitted(c: Case, rule?: Combination): ForecastModel {
  const model = fit(c.y, { horizon: c.s.h, rule });
  if (isError(model)) throw new Error(model.message);
  return model;
}
const byRule =
  (rule: Combination) =>
  (c: Case): Forecast => {
    const model = fitted(c, rule);
    if (model.line) return forecast(model, c.s.h, 0.95);
    return combinePaths(
      memberPaths(model, c.s.h),
      ruleForModel(rule, model),
      model.scale,
      0.95,
      model.n
    );
  };
type Method = (c: Case) => Forecast;
const METHODS: [string, Method][] = [
  ["FORECAST_SALES", (c) => forecast(fitted(c), c.s.h, 0.95)],
  [
    "  seasonality 12",
    (c) => {
      const model = fit(c.y, { horizon: c.s.h, seasonality: 12 });
      if (isError(model)) throw new Error(model.message);
      return forecast(model, c.s.h, 0.95);
    },
  ],
  ["previous rule (G2)", byRule(G2)],
  ["our ARIMA alone", byRule({ members: ["arima"], rule: "mean", widen: 1 })],
  [
    "R auto.arima()",
    (c) => ({ mean: c.ref.arima, lower: c.ref.arima_lower, upper: c.ref.arima_upper }),
  ],
  ["R ets()", (c) => ({ mean: c.ref.ets, lower: c.ref.ets_lower, upper: c.ref.ets_upper })],
  ["seasonal naive", (c) => ({ mean: seasonalNaive(c.y, 12, c.s.h) })],
  ["Naive2", (c) => ({ mean: naive2(c.y, 12, c.s.h) })],
];

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
function report(title: string, subset: readonly Case[]): void {
  if (!subset.length) return;
  console.log(`\n${title}: ${subset.length} records`);
  console.log(
    `${"method".padEnd(20)}${"OWA".padStart(7)}${"sMAPE".padStart(8)}${"MASE".padStart(8)}${"MSIS".padStart(8)}${"95% cov".padStart(9)}`
  );
  const n2 = subset.map((c) => naive2(c.y, 12, c.s.h));
  const n2s = mean(subset.map((c, i) => smape(c.s.test, n2[i])));
  const n2m = mean(subset.map((c, i) => mase(c.y, c.s.test, n2[i], 12)));
  for (const [name, m] of METHODS) {
    const fs = subset.map(m);
    const sm = mean(subset.map((c, i) => smape(c.s.test, fs[i].mean)));
    const ma = mean(subset.map((c, i) => mase(c.y, c.s.test, fs[i].mean, 12)));
    let inside = 0;
    let total = 0;
    const is: number[] = [];
    subset.forEach((c, i) => {
      const { lower, upper } = fs[i];
      if (!lower || !upper) return;
      is.push(msis(c.y, c.s.test, lower, upper, 12, 0.05));
      c.s.test.forEach((v, t) => {
        total++;
        if (v >= lower[t] && v <= upper[t]) inside++;
      });
    });
    const cell = (v: number, d: number, w: number): string =>
      (Number.isFinite(v) ? v.toFixed(d) : "-").padStart(w);
    console.log(
      `${name.padEnd(20)}${cell(0.5 * (sm / n2s + ma / n2m), 3, 7)}${cell(sm, 2, 8)}${cell(ma, 3, 8)}${cell(is.length ? mean(is) : NaN, 2, 8)}${cell(total ? (100 * inside) / total : NaN, 1, 9)}`
    );
  }
}

console.log(
  `Short monthly histories: ${new Set(cases.map((c) => key(c.s, 0))).size} monthly records of ${files.length} benchmark files, each cut to its last ${LENGTHS.join(" or ")} values`
);
for (const L of LENGTHS)
  report(
    `last ${L} months`,
    cases.filter((c) => c.y.length === L)
  );
report("both lengths", cases);
// The dashboard's call: 24 complete months, 3 ahead (R's first 3 forecasts are its h = 3 ones).
const first3 = (c: Case): Case => {
  const cut = (v: number[]): number[] => v.slice(0, 3);
  const r = c.ref;
  return {
    y: c.y,
    s: { ...c.s, h: 3, test: cut(c.s.test) },
    ref: {
      ...r,
      arima: cut(r.arima),
      arima_lower: cut(r.arima_lower),
      arima_upper: cut(r.arima_upper),
      ets: cut(r.ets),
      ets_lower: cut(r.ets_lower),
      ets_upper: cut(r.ets_upper),
    },
  };
};
const dashboardCases = cases.filter((c) => c.y.length === 24).map(first3);
report("last 24 months, 3 ahead (the dashboard's forecast)", dashboardCases);
// The dashboard's decision (docs/forecast.md): seasonality 12 better than detection on both halves.
for (const half of ["A", "B"] as const) {
  report(
    `half ${half}: last 24 months, 3 ahead`,
    dashboardCases.filter((c) => halfOf(c) === half)
  );
  report(
    `half ${half}: last 24 months, 12 ahead`,
    cases.filter((c) => c.y.length === 24 && halfOf(c) === half)
  );
}
