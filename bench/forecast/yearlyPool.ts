/**
 * `npm run bench:forecast -- --yearly`: FORECAST_SALES against R on every record told frequency 1
 * (yearly and other data without a season) of every benchmark file: the 112's yearly split, each
 * further set's, and the further sets pooled (OWA against Naive2 over the pooled records, and the
 * mean of the sets' OWAs). The shipped engine (`fit`, `forecast`) as a user gets it. A report,
 * not a choice: nothing is tuned on it.
 */
import * as fs from "fs";
import * as path from "path";
import { ForecastModel, fit, forecast } from "../../src/engine/forecast";
import { naive2 } from "../../src/engine/forecast/baselines";
import { mase, smape } from "./metrics";
import { SeriesRecord } from "./records";

/** The methods scored, in column order. */
const METHODS = ["FORECAST_SALES", "auto.arima()", "ets()", "thetaf()"] as const;

/** A record with R's forecasts (the export scripts' `r`). */
interface Scored extends SeriesRecord {
  r: { ets: number[]; thetaf: number[]; auto_arima: number[] };
}

/** Per-record errors of every method and of Naive2. */
interface Errors {
  readonly smape: number[][];
  readonly mase: number[][];
  readonly n2smape: number[];
  readonly n2mase: number[];
}

const dataDir = path.join(__dirname, "data");
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const empty = (): Errors => ({
  smape: METHODS.map(() => []),
  mase: METHODS.map(() => []),
  n2smape: [],
  n2mase: [],
});
const owa = (e: Errors, k: number): number =>
  0.5 * (mean(e.smape[k]) / mean(e.n2smape) + mean(e.mase[k]) / mean(e.n2mase));

function scoreFile(file: string): Errors {
  const records = (
    JSON.parse(fs.readFileSync(path.join(dataDir, file), "utf8")) as { series: Scored[] }
  ).series.filter((s) => s.frequency === 1);
  const e = empty();
  for (const s of records) {
    const ours = forecast(fit(s.train, { horizon: s.h }) as ForecastModel, s.h, 0.95).mean;
    const forecasts = [ours, s.r.auto_arima, s.r.ets, s.r.thetaf];
    forecasts.forEach((f, k) => {
      e.smape[k].push(smape(s.test, f));
      e.mase[k].push(mase(s.train, s.test, f, 1));
    });
    const n2 = naive2(s.train, 1, s.h);
    e.n2smape.push(smape(s.test, n2));
    e.n2mase.push(mase(s.train, s.test, n2, 1));
  }
  return e;
}

const row = (name: string, e: Errors): string =>
  `${name.padEnd(26)}${String(e.n2smape.length).padStart(6)}` +
  METHODS.map((_, k) => owa(e, k).toFixed(3).padStart(16)).join("");

const further = fs
  .readdirSync(dataDir)
  .filter((f) => /^fresh\d*_series\.json$/.test(f))
  .sort((a, b) => Number(a.replace(/\D/g, "") || 1) - Number(b.replace(/\D/g, "") || 1));
console.log("\nOWA on the records told frequency 1 (yearly and other data without a season)");
console.log(`${"set".padEnd(26)}${"n".padStart(6)}${METHODS.map((m) => m.padStart(16)).join("")}`);
console.log(row("the 112 (yearly split)", scoreFile("series.json")));
const pooled = empty();
const perSet: Errors[] = [];
for (const f of further) {
  const e = scoreFile(f);
  if (e.n2smape.length === 0) continue;
  perSet.push(e);
  // fresh_series.json holds R's AER package (round 3's fresh set).
  console.log(row(f === "fresh_series.json" ? "AER" : f.replace("_series.json", ""), e));
  e.smape.forEach((xs, k) => pooled.smape[k].push(...xs));
  e.mase.forEach((xs, k) => pooled.mase[k].push(...xs));
  pooled.n2smape.push(...e.n2smape);
  pooled.n2mase.push(...e.n2mase);
}
console.log(row("further sets, pooled", pooled));
console.log(
  `${"further sets, mean of OWAs".padEnd(26)}${"".padStart(6)}` +
    METHODS.map((_, k) =>
      mean(perSet.map((e) => owa(e, k)))
        .toFixed(3)
        .padStart(16)
    ).join("")
);
