/**
 * `npm run bench:forecast`: accuracy and speed of SALES.FORECAST_SALES's engine against R's
 * forecast package on real series that ship with R (bench/forecast/data/series.json, written by
 * export.R). Protocol of the M4 competition: hold out the last 12/8/6 points of monthly/quarterly/
 * yearly series, forecast them (our forecaster is NOT told the frequency: it detects it), score
 * sMAPE, MASE and OWA relative to Naive2.
 */
import * as fs from "fs";
import * as path from "path";
import { fit, forecast, ForecastModel, memberForecasts } from "../../src/engine/forecast";
import { linearTrend, naive2, seasonalNaive } from "../../src/engine/forecast/baselines";
import { mase, smape } from "./metrics";

interface Series {
  name: string;
  set: "main" | "unseen";
  origin: number;
  frequency: number;
  h: number;
  train: number[];
  test: number[];
  r: { ets: number[]; thetaf: number[]; auto_arima: number[] };
  r_ets_model: string;
  r_ets_ms: number;
}

interface Score {
  smape: number;
  mase: number;
}

const data = JSON.parse(
  fs.readFileSync(process.argv[2] ?? path.join(__dirname, "data", "series.json"), "utf8")
) as {
  r: string;
  forecast: string;
  series: Series[];
};

/** CPU time of this process in ms: on a shared machine, wall time measures the neighbours too. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function ours(train: number[], h: number): { mean: number[]; model: ForecastModel; ms: number } {
  const t0 = cpuMs();
  const model = fit(train) as ForecastModel;
  const f = forecast(model, h);
  const ms = cpuMs() - t0;
  return { mean: f.mean, model, ms };
}

const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

const METHODS = [
  "FORECAST_SALES",
  "R ets()",
  "R thetaf()",
  "R auto.arima()",
  "our ETS (AICc)",
  "our damped ETS",
  "our Theta",
  "Naive2",
  "seasonal naive",
  "linear trend",
] as const;
type Method = (typeof METHODS)[number];

function scoreAll(s: Series): Map<Method, Score> {
  const { mean: fc, model } = ours(s.train, s.h);
  const scale = model.scale;
  const members = model.line === null ? memberForecasts(model, s.h) : [];
  const paths: Record<Method, number[]> = {
    FORECAST_SALES: fc,
    "R ets()": s.r.ets,
    "R thetaf()": s.r.thetaf,
    "R auto.arima()": s.r.auto_arima,
    "our ETS (AICc)": model.ets ? members[0].map((v) => v * scale) : fc,
    "our damped ETS": model.damped ? members[1].map((v) => v * scale) : fc,
    "our Theta": model.theta ? members[members.length - 1].map((v) => v * scale) : fc,
    Naive2: naive2(s.train, s.frequency, s.h),
    "seasonal naive": seasonalNaive(s.train, s.frequency, s.h),
    "linear trend": linearTrend(s.train, s.h),
  };
  const out = new Map<Method, Score>();
  for (const m of METHODS)
    out.set(m, {
      smape: smape(s.test, paths[m]),
      mase: mase(s.train, s.test, paths[m], s.frequency),
    });
  return out;
}

function table(title: string, series: Series[]): void {
  if (series.length === 0) return;
  const scores = series.map(scoreAll);
  const col = (m: Method, k: keyof Score): number[] => scores.map((x) => (x.get(m) as Score)[k]);
  const n2s = mean(col("Naive2", "smape"));
  const n2m = mean(col("Naive2", "mase"));
  const counts = ["monthly", "quarterly", "yearly"].map(
    (f, i) => `${series.filter((s) => s.frequency === [12, 4, 1][i]).length} ${f}`
  );
  console.log(`\n${title}: ${series.length} series (${counts.join(", ")})`);
  console.log(
    `${"method".padEnd(18)} ${"OWA".padStart(6)} ${"sMAPE mean".padStart(11)} ${"sMAPE med".padStart(10)} ${"MASE mean".padStart(10)} ${"MASE med".padStart(9)}`
  );
  for (const m of METHODS) {
    const sm = col(m, "smape");
    const ma = col(m, "mase");
    const owa = 0.5 * (mean(sm) / n2s + mean(ma) / n2m);
    console.log(
      `${m.padEnd(18)} ${owa.toFixed(3).padStart(6)} ${mean(sm).toFixed(2).padStart(11)} ${median(sm).toFixed(2).padStart(10)} ${mean(ma).toFixed(3).padStart(10)} ${median(ma).toFixed(3).padStart(9)}`
    );
  }
}

function speed(): void {
  // Every monthly series cut to its last 120 points: the size of ten years of monthly sales.
  const monthly = data.series.filter((s) => s.frequency === 12 && s.origin === 0);
  const perSeries: number[] = [];
  for (const s of monthly) {
    const y = s.train.slice(-120);
    if (y.length < 120) continue;
    ours(y, 12); // warm-up (JIT)
    // cpuUsage has a coarse clock on some systems: time 5 runs together, 3 times.
    const runs = [0, 1, 2].map(() => {
      const t0 = cpuMs();
      for (let k = 0; k < 5; k++) ours(y, 12);
      return (cpuMs() - t0) / 5;
    });
    perSeries.push(median(runs));
  }
  const rMs = monthly.map((s) => s.r_ets_ms);
  console.log(
    `\nSpeed: median ${median(perSeries).toFixed(1)} ms per 120-point monthly series ` +
      `(CPU time of fit with automatic seasonality and model choice + 12-step forecast; ` +
      `${perSeries.length} series, max ${Math.max(...perSeries).toFixed(1)} ms); R ets() alone: ` +
      `median ${median(rMs).toFixed(0)} ms CPU per monthly series (their full length, from export.R)`
  );
}

function detection(): void {
  const rows = data.series.filter((s) => s.origin === 0);
  const text = [12, 4, 1].map((f) => {
    const group = rows.filter((s) => s.frequency === f);
    const found = new Map<number, number>();
    for (const s of group) {
      const m = (fit(s.train) as ForecastModel).seasonality;
      found.set(m, (found.get(m) ?? 0) + 1);
    }
    const list = [...found.entries()].sort((a, b) => b[1] - a[1]).map(([m, k]) => `${k}×${m}`);
    return `frequency ${f}: ${list.join(", ")}`;
  });
  console.log(`\nSeason lengths detected (last origin): ${text.join("; ")}`);
}

function coverage(): void {
  let inside = 0;
  let total = 0;
  for (const s of data.series) {
    const f = forecast(fit(s.train) as ForecastModel, s.h, 0.95);
    s.test.forEach((v, i) => {
      total++;
      if (v >= (f.lower as number[])[i] && v <= (f.upper as number[])[i]) inside++;
    });
  }
  console.log(
    `95% prediction intervals: ${((100 * inside) / total).toFixed(1)}% of ${total} hold-out points inside`
  );
}

console.log(`Reference: ${data.r}, forecast ${data.forecast}`);
const pick = (set: string, origin: number): Series[] =>
  data.series.filter((s) => s.set === set && s.origin === origin);
table("main set, last h held out", pick("main", 0));
table("main set, second origin (h earlier)", pick("main", 1));
table("unseen set, last h held out", pick("unseen", 0));
table("unseen set, second origin", pick("unseen", 1));
table("all", data.series);
detection();
coverage();
speed();
