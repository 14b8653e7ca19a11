/**
 * `npm run bench:forecast -- --arima`: how closely our automatic ARIMA follows R's
 * auto.arima on the benchmark histories — orders reproduced (with the season length our engine
 * detects, and with the data's own frequency as R is told), our ARIMA's OWA, and its CPU time.
 * Flags: `--list` prints every history; a file name containing "series" (e.g. fresh_series.json)
 * scores that data file against its r_reference counterpart instead.
 */
import * as fs from "fs";
import * as path from "path";
import { autoArima } from "../../src/engine/forecast/autoArima";
import { arimaForecast, ArimaModel } from "../../src/engine/forecast/arima";
import { detectSeasonality } from "../../src/engine/forecast";
import { naive2 } from "../../src/engine/forecast/baselines";
import { mase, smape } from "./metrics";
import { SeriesRecord, recordKey } from "./records";

type Series = SeriesRecord;
interface Reference {
  name: string;
  set: string;
  origin: number;
  arima_order: number[];
  arima_constant: boolean;
}
const dir = path.join(__dirname, "data");
const file = process.argv.find((a) => a.endsWith(".json") && a.includes("series")) ?? "series.json";
const refFile = file.replace("series", "r_reference");
const data = JSON.parse(fs.readFileSync(path.join(dir, path.basename(file)), "utf8")) as {
  series: Series[];
};
const refs = JSON.parse(fs.readFileSync(path.join(dir, path.basename(refFile)), "utf8")) as {
  series: Reference[];
};
const key = recordKey;
const refOf = new Map(refs.series.map((r) => [key(r), r]));
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const orderOf = (a: ArimaModel | null, m: number): string => {
  if (!a) return "none";
  const s = a.spec;
  const seasonal = s.P + s.D + s.Q > 0;
  return `${s.p},${s.d},${s.q},${seasonal ? s.P : 0},${seasonal ? s.D : 0},${seasonal ? s.Q : 0},${seasonal ? s.m : m}`;
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
let sameDetected = 0;
let sameOrderOnly = 0;
let sameTold = 0;
const sm: number[] = [];
const ma: number[] = [];
const n2s: number[] = [];
const n2m: number[] = [];
const ms: number[] = [];
for (const s of data.series) {
  const ref = refOf.get(key(s)) as Reference;
  let max = 0;
  for (const v of s.train) max = Math.max(max, Math.abs(v));
  const y = s.train.map((v) => v / max);
  const m = detectSeasonality(y);
  const t0 = cpu();
  const a = autoArima(y.slice(-240), m);
  ms.push(cpu() - t0);
  const told = autoArima(y.slice(-240), s.frequency);
  const rOrder = ref.arima_order
    .map((v, i) =>
      i === 6 && ref.arima_order[3] + ref.arima_order[4] + ref.arima_order[5] === 0
        ? s.frequency
        : v
    )
    .join(",");
  const ours = orderOf(a, m);
  const oursTold = orderOf(told, s.frequency);
  const fix = (o: string): string =>
    o.split(",").slice(0, 6).join(",") +
    (o
      .split(",")
      .slice(3, 6)
      .some((v) => v !== "0")
      ? "," + o.split(",")[6]
      : "");
  if (fix(ours) === fix(rOrder)) sameOrderOnly++;
  if (fix(ours) === fix(rOrder) && a?.spec.constant === ref.arima_constant) sameDetected++;
  if (fix(oursTold) === fix(rOrder) && told?.spec.constant === ref.arima_constant) sameTold++;
  const f = a ? arimaForecast(a, s.h).map((v) => v * max) : s.train.slice(-1).map(() => 0);
  const n2 = naive2(s.train, s.frequency, s.h);
  sm.push(smape(s.test, f));
  ma.push(mase(s.train, s.test, f, s.frequency));
  n2s.push(smape(s.test, n2));
  n2m.push(mase(s.train, s.test, n2, s.frequency));
  if (process.argv.includes("--list"))
    console.log(
      `${key(s).padEnd(34)} ${ms[ms.length - 1].toFixed(0).padStart(4)}ms n=${String(s.train.length).padStart(3)} m=${m} R ${fix(rOrder)}${ref.arima_constant ? "+c" : ""}  ours ${fix(ours)}${a?.spec.constant ? "+c" : ""}  told ${fix(oursTold)}${told?.spec.constant ? "+c" : ""}`
    );
}
const owa = (idx: (s: Series) => boolean): string => {
  const k = data.series.map((s, i) => (idx(s) ? i : -1)).filter((i) => i >= 0);
  const pick = (xs: number[]): number[] => k.map((i) => xs[i]);
  return (0.5 * (mean(pick(sm)) / mean(pick(n2s)) + mean(pick(ma)) / mean(pick(n2m)))).toFixed(3);
};
const sorted = ms.slice().sort((a, b) => a - b);
console.log(
  `orders as R (detected m): ${sameOrderOnly}/${data.series.length}, constant too ${sameDetected}; told R's frequency (constant too): ${sameTold}/${data.series.length}`
);
console.log(
  `our ARIMA OWA all ${owa(() => true)}, monthly ${owa((s) => s.frequency === 12)}, quarterly ${owa((s) => s.frequency === 4)}, yearly ${owa((s) => s.frequency === 1)}`
);
console.log(
  `ARIMA CPU ms per history: median ${sorted[sorted.length >> 1].toFixed(1)}, p95 ${sorted[Math.ceil(0.95 * sorted.length) - 1].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)}`
);
