/**
 * `npm run bench:forecast`: accuracy, interval quality and speed of SALES.FORECAST_SALES's
 * engine against R's forecast package on real series that ship with R
 * (bench/forecast/data/series.json and r_reference.json, written by export.R and
 * export_reference.R). Protocol of the M4 competition: hold out the last 12/8/6 points of
 * monthly/quarterly/yearly series, forecast them (our forecaster is NOT told the frequency: it
 * detects it), score sMAPE, MASE, OWA relative to Naive2, and MSIS of the 95% intervals.
 * The combination protocol (docs/forecast.md): candidates fixed in `CANDIDATES`, chosen on the
 * even-indexed series (half A), confirmed on the odd-indexed ones (half B).
 */
import * as fs from "fs";
import * as path from "path";
import {
  COMBINATION,
  Combination,
  Forecast,
  ForecastModel,
  MEMBERS,
  MemberName,
  MemberPath,
  DETECTION,
  Detection,
  combinePaths,
  detectSeasonality,
  fit,
  forecast,
  isCalendarSeason,
  isCycle,
  memberPaths,
  originsFor,
  revertsToMean,
  ruleForModel,
  validateMembers,
} from "../../src/engine/forecast";
import { linearTrend, naive2, seasonalNaive } from "../../src/engine/forecast/baselines";
import { mase, msis, smape } from "./metrics";
import { SeriesRecord, recordKey } from "./records";

interface Series extends SeriesRecord {
  r: { ets: number[]; thetaf: number[]; auto_arima: number[] };
  r_ets_ms: number;
}
interface Reference {
  name: string;
  set: string;
  origin: number;
  arima_order: number[];
  arima_lower: number[];
  arima_upper: number[];
  ets_lower: number[];
  ets_upper: number[];
  thetaf_lower: number[];
  thetaf_upper: number[];
  arima_ms: number;
}

const dataDir = path.join(__dirname, "data");
const load = <T>(file: string): T =>
  JSON.parse(fs.readFileSync(path.join(dataDir, file), "utf8")) as T;
const data = load<{ r: string; forecast: string; series: Series[] }>("series.json");
/** The second fresh set (round 4, exported by the lead): scored once, after the rule was fixed. */
const hasFresh2 = fs.existsSync(path.join(dataDir, "fresh2_series.json"));
/**
 * The third fresh set (round 5): scored once with `--confirm3` after round 5's rule was fixed;
 * part of round 6's pool of seen sets, so always loaded now (`--confirm3` is still accepted).
 */
const hasFresh3 = fs.existsSync(path.join(dataDir, "fresh3_series.json"));
/** The fourth fresh set (round 6): scored once with `--confirm4`, after the rule was fixed. */
const confirm4 = process.argv.includes("--confirm4");
const hasFresh4 = fs.existsSync(path.join(dataDir, "fresh4_series.json"));
/** The fifth fresh set (round 7): scored once with `--confirm5`, after the rule was fixed. */
const confirm5 = process.argv.includes("--confirm5");
const hasFresh5 = fs.existsSync(path.join(dataDir, "fresh5_series.json"));
/**
 * `--round8`: round 8's protocol only (docs/forecast.md); it pools fresh4 and fresh5 (seen since
 * rounds 6 and 7), so it loads them. The sixth fresh set is scored once with `--confirm6`.
 */
const round8Only = process.argv.includes("--round8");
/**
 * `--round9`: round 9's interval protocol only (docs/forecast.md); it pools all seven seen sets
 * (fresh6 seen since round 8). The seventh fresh set is scored once with `--confirm7`.
 */
const round9Only = process.argv.includes("--round9");
/**
 * `--round10`: round 10's season-detection protocol (docs/forecast.md); it pools all eight seen
 * sets (fresh7 seen since round 9). The eighth fresh set is scored once with `--confirm8`.
 */
const round10Only = process.argv.includes("--round10");
/**
 * `--round11`: round 11's protocol (docs/forecast.md: a season at a non-calendar lag); it pools
 * all nine seen sets (fresh8 seen since round 10). The ninth fresh set is scored once with
 * `--confirm9`.
 */
const round11Only = process.argv.includes("--round11");
/**
 * `--round13`: round 13's protocol (docs/forecast.md: what a detected cycle is forecast with); it
 * pools all ten seen sets (fresh9 seen since round 12). The tenth fresh set is scored once with
 * `--confirm10`.
 */
const round13Only = process.argv.includes("--round13");
/**
 * `--round17`: round 17's protocol (docs/forecast.md: a stationary ARIMA without a season); it
 * pools the thirteen sets scored so far (fresh10–12 seen since rounds 14–16). The thirteenth
 * fresh set is scored once with `--confirm13`.
 */
const round17Only = process.argv.includes("--round17");
/**
 * `--round18`: round 18's protocol (docs/forecast.md: CES as a voice without a season); it pools
 * the fourteen sets scored so far (fresh13 seen since round 17). No unseen set is left.
 */
const round18Only = process.argv.includes("--round18");
/** `--round19`: round 19's protocol (docs/forecast.md: the damped ETS with a season), as round 18. */
const round19Only = process.argv.includes("--round19");
/** Rounds 17–19 pool fresh10–12 (and 18–19 fresh13) as seen sets. */
const round17Pool = round17Only || round18Only || round19Only;
/** Rounds 9–18 score the shipped rule only: no 3-origin or cycle variants are fitted. */
const lean = round9Only || round10Only || round11Only || round13Only || round17Pool;
const loadFresh4 = (confirm4 || round8Only || lean) && hasFresh4;
const loadFresh5 = (confirm5 || round8Only || lean) && hasFresh5;
const confirm6 = process.argv.includes("--confirm6");
const hasFresh6 = fs.existsSync(path.join(dataDir, "fresh6_series.json"));
const loadFresh6 = (confirm6 || lean) && hasFresh6;
const confirm7 = process.argv.includes("--confirm7");
const loadFresh7 =
  (confirm7 || round10Only || round11Only || round13Only || round17Pool) &&
  fs.existsSync(path.join(dataDir, "fresh7_series.json"));
const loadFresh8 =
  (process.argv.includes("--confirm8") || round11Only || round13Only || round17Pool) &&
  fs.existsSync(path.join(dataDir, "fresh8_series.json"));
const loadFresh9 =
  (process.argv.includes("--confirm9") || round13Only || round17Pool) &&
  fs.existsSync(path.join(dataDir, "fresh9_series.json"));
const loadFresh10 =
  process.argv.includes("--confirm10") && fs.existsSync(path.join(dataDir, "fresh10_series.json"));
/** Round 16's confirmation set: `--confirm12` scores it in round 13's tables in fresh10's place. */
const confirm12 =
  process.argv.includes("--confirm12") && fs.existsSync(path.join(dataDir, "fresh12_series.json"));
/** Round 15's confirmation set: `--confirm11` scores it in round 13's tables in fresh10's place. */
const confirm11 =
  !confirm12 &&
  process.argv.includes("--confirm11") &&
  fs.existsSync(path.join(dataDir, "fresh11_series.json"));
/** Round 17's confirmation set, scored once with `--round17 --confirm13`. */
const loadFresh13 =
  ((round17Only && process.argv.includes("--confirm13")) || round18Only || round19Only) &&
  fs.existsSync(path.join(dataDir, "fresh13_series.json"));
/** The set scored in fresh10's place in round 13's tables ("fresh10" when none is asked for). */
const lateSet = confirm12 ? "fresh12" : confirm11 ? "fresh11" : "fresh10";
const key = recordKey;
const refOf = new Map(
  [
    ...load<{ series: Reference[] }>("r_reference.json").series,
    ...load<{ series: Reference[] }>("fresh_r_reference.json").series,
    ...(hasFresh2 ? load<{ series: Reference[] }>("fresh2_r_reference.json").series : []),
    ...(hasFresh3 ? load<{ series: Reference[] }>("fresh3_r_reference.json").series : []),
    ...(loadFresh4 ? load<{ series: Reference[] }>("fresh4_r_reference.json").series : []),
    ...(loadFresh5 ? load<{ series: Reference[] }>("fresh5_r_reference.json").series : []),
    ...(loadFresh6 ? load<{ series: Reference[] }>("fresh6_r_reference.json").series : []),
    ...(loadFresh7 ? load<{ series: Reference[] }>("fresh7_r_reference.json").series : []),
    ...(loadFresh8 ? load<{ series: Reference[] }>("fresh8_r_reference.json").series : []),
    ...(loadFresh9 ? load<{ series: Reference[] }>("fresh9_r_reference.json").series : []),
    ...(loadFresh10 ? load<{ series: Reference[] }>("fresh10_r_reference.json").series : []),
    ...(confirm11 ? load<{ series: Reference[] }>("fresh11_r_reference.json").series : []),
    ...(confirm12 ? load<{ series: Reference[] }>("fresh12_r_reference.json").series : []),
    ...(round17Pool
      ? ["fresh10", "fresh11", "fresh12"].flatMap(
          (f) => load<{ series: Reference[] }>(`${f}_r_reference.json`).series
        )
      : []),
    ...(loadFresh13 ? load<{ series: Reference[] }>("fresh13_r_reference.json").series : []),
  ].map((r) => [key(r), r])
);

/** CPU time of this process in ms: on a shared machine, wall time measures the neighbours too. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}
const median = (xs: readonly number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const k = s.length >> 1;
  return s.length % 2 ? s[k] : (s[k - 1] + s[k]) / 2;
};
const quantile = (xs: readonly number[], q: number): number => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** The combination candidates, fixed before any score was looked at (docs/forecast.md). */
const CORE: Combination = { members: ["ets", "damped", "theta"], rule: "median", widen: 1 };
const CANDIDATES: readonly { name: string; rule: Combination }[] = [
  { name: "P1 median(ETS, damped, Theta)", rule: CORE },
  { name: "P2 mean(ETS, damped, Theta)", rule: { ...CORE, rule: "mean" } },
  { name: "P3 median(all five)", rule: { members: MEMBERS, rule: "median", widen: 1 } },
  { name: "P4 mean(all five)", rule: { members: MEMBERS, rule: "mean", widen: 1 } },
  {
    name: "P5 mean(ETS, ARIMA, CES)",
    rule: { members: ["ets", "arima", "ces"], rule: "mean", widen: 1 },
  },
  {
    name: "P6 median(ETS, ARIMA, CES)",
    rule: { members: ["ets", "arima", "ces"], rule: "median", widen: 1 },
  },
  {
    name: "P7 mean(damped, ARIMA, CES)",
    rule: { members: ["damped", "arima", "ces"], rule: "mean", widen: 1 },
  },
  {
    name: "P8 median(ETS, Theta, ARIMA, CES)",
    rule: { members: ["ets", "theta", "arima", "ces"], rule: "median", widen: 1 },
  },
  {
    name: "P9 mean(damped, Theta, ARIMA, CES)",
    rule: { members: ["damped", "theta", "arima", "ces"], rule: "mean", widen: 1 },
  },
  {
    name: "P10 mean(P1, ARIMA, CES)",
    rule: { members: [CORE, "arima", "ces"], rule: "mean", widen: 1 },
  },
  {
    name: "P11 median(P1, ARIMA, CES)",
    rule: { members: [CORE, "arima", "ces"], rule: "median", widen: 1 },
  },
  { name: "P12 weighted(all five)", rule: { members: MEMBERS, rule: "weighted", widen: 1 } },
];
/** Round 3: season-aware candidates, fixed in docs/forecast.md before any was scored. */
const F0: Combination = { members: ["ets", "arima", "ces"], rule: "mean", widen: 1 };
const aloneArima: Combination = { members: ["arima"], rule: "mean", widen: 1 };
const ROUND3: readonly { name: string; rule: Combination }[] = [
  { name: "F0 mean(ETS, ARIMA, CES)", rule: F0 },
  { name: "F1 S: F0; N: ARIMA", rule: { ...F0, noSeason: aloneArima } },
  {
    name: "F2 S: F0; N: mean(ARIMA, damped)",
    rule: { ...F0, noSeason: { members: ["arima", "damped"], rule: "mean", widen: 1 } },
  },
  {
    name: "F3 S: F0; N: mean(ARIMA×2, ETS, CES)",
    rule: {
      ...F0,
      noSeason: { members: ["arima", "arima", "ets", "ces"], rule: "mean", widen: 1 },
    },
  },
  {
    name: "F4 S: mean(ETS, CES); N: ARIMA",
    rule: { members: ["ets", "ces"], rule: "mean", widen: 1, noSeason: aloneArima },
  },
  { name: "F5 ARIMA alone", rule: aloneArima },
];
/** Round 4: cycles and validation weights, fixed in docs/forecast.md before any was scored. */
const G0: Combination = {
  ...F0,
  noSeason: { members: ["arima", "damped"], rule: "mean", widen: 1 },
};
const weighted = (c: Combination, w: "inverse" | "pick" | "shrunk"): Combination => ({
  ...c,
  rule: w,
  noSeason: c.noSeason ? { ...c.noSeason, rule: w } : undefined,
});
const G1: Combination = { ...G0, calendarOnly: true };
const ROUND4: readonly { name: string; rule: Combination }[] = [
  { name: "G0 F2 (shipped)", rule: G0 },
  { name: "G1 F2 + cycles", rule: G1 },
  { name: "G2 F2, inverse-MSE weights", rule: weighted(G0, "inverse") },
  { name: "G3 F2, validation pick", rule: weighted(G0, "pick") },
  { name: "G4 F2, shrunk weights", rule: weighted(G0, "shrunk") },
  { name: "G5 G1, inverse-MSE weights", rule: weighted(G1, "inverse") },
  { name: "G6 G1, validation pick", rule: weighted(G1, "pick") },
  { name: "G7 G1, shrunk weights", rule: weighted(G1, "shrunk") },
];
/** Round 5: more data to choose on, fixed in docs/forecast.md before any was scored. */
const H0: Combination = weighted(G0, "inverse");
const H1: Combination = weighted(G1, "inverse");
const wide: Combination = { members: MEMBERS, rule: "inverse", widen: 1 };
const ROUND5: readonly { name: string; rule: Combination }[] = [
  { name: "H0 G2 (shipped)", rule: H0 },
  { name: "H1 G5 (G2 + cycles)", rule: H1 },
  { name: "H2 G2, 3 origins", rule: { ...H0, origins: 3 } },
  { name: "H3 all five, inverse", rule: wide },
  { name: "H4 all five, 3 origins", rule: { ...wide, origins: 3 } },
  { name: "H5 G5, 3 origins", rule: { ...H1, origins: 3 } },
  {
    name: "H6 SCUM-like median(4)",
    rule: { members: ["ets", "ces", "arima", "theta"], rule: "median", widen: 1 },
  },
];
/** Round 6: per-branch validation windows, fixed in docs/forecast.md before any was scored. */
const K2: Combination = {
  ...H1,
  noSeason: { ...(H1.noSeason as Combination), origins: 3 },
};
const ROUND6: readonly { name: string; rule: Combination }[] = [
  { name: "K0 G2 (shipped)", rule: H0 },
  { name: "K1 H1 (G2 + cycles)", rule: H1 },
  { name: "K2 K1, N: 3 origins", rule: K2 },
  {
    name: "K3 K2, N: pick",
    rule: { ...K2, noSeason: { ...(K2.noSeason as Combination), rule: "pick" } },
  },
];
/** Round 7: members that can carry a cycle, fixed in docs/forecast.md before any was scored. */
const arimaOnly: Combination = { members: ["arima"], rule: "inverse", widen: 1.5 };
const L2: Combination = { ...H1, cycle: arimaOnly };
const ROUND7: readonly { name: string; rule: Combination }[] = [
  { name: "L0 G2 (shipped)", rule: H0 },
  { name: "L1 G2 + cycles", rule: H1 },
  { name: "L2 L1, cycle: ARIMA", rule: L2 },
  { name: "L3 L2, d = 2: ARIMA", rule: { ...L2, twice: arimaOnly } },
];
/**
 * Round 8: a third voice without a season, fixed in docs/forecast.md before any was scored: the
 * AICc-best ETS (often undamped) beside ARIMA and the damped ETS; identical voices count once.
 */
const M1: Combination = {
  ...H0,
  noSeason: { members: ["arima", "damped", "ets"], rule: "inverse", widen: 1 },
};
const ROUND8: readonly { name: string; rule: Combination }[] = [
  { name: "M0 G2 (shipped)", rule: H0 },
  { name: "M1 N: + ETS (AICc)", rule: M1 },
  {
    name: "M2 M1, N: 3 origins",
    rule: { ...M1, noSeason: { ...(M1.noSeason as Combination), origins: 3 } },
  },
  {
    name: "M3 M1, d = 2: ARIMA, ETS",
    rule: { ...M1, twice: { members: ["arima", "ets"], rule: "inverse", widen: 1 } },
  },
];
/** Round 4's interval factors (a single picked member may need more than 1.6). */
const WIDEN_GRID_4 = Array.from({ length: 11 }, (_, i) => 1 + i / 10);
/** Interval widening factors tried for the chosen point rule. */
const WIDEN_GRID = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6];

interface Row {
  s: Series;
  ref: Reference;
  half: "A" | "B";
  model: ForecastModel;
  paths: Partial<Record<MemberName, MemberPath>>;
  /** The model and paths with a non-calendar season fitted as a cycle (the same when calendar). */
  cycleModel: ForecastModel;
  cyclePaths: Partial<Record<MemberName, MemberPath>>;
  /** The paths with the validation pooled over 3 hold-out origins (round 5). */
  paths3: Partial<Record<MemberName, MemberPath>>;
  cyclePaths3: Partial<Record<MemberName, MemberPath>>;
  /** Round 5's half of the pool of seen sets (by series across the three files). */
  poolHalf: "A" | "B";
}

// Halves by series, not by record: both origins of a series stay in the same half.
const order = [...new Set(data.series.map((s) => `${s.name}|${s.set}`))];
const freshSeries = load<{ series: Series[] }>("fresh_series.json").series;
const fresh2Series = hasFresh2 ? load<{ series: Series[] }>("fresh2_series.json").series : [];
const fresh3Series = hasFresh3 ? load<{ series: Series[] }>("fresh3_series.json").series : [];
const fresh4Series = loadFresh4 ? load<{ series: Series[] }>("fresh4_series.json").series : [];
const fresh5Series = loadFresh5 ? load<{ series: Series[] }>("fresh5_series.json").series : [];
const fresh6Series = loadFresh6 ? load<{ series: Series[] }>("fresh6_series.json").series : [];
const fresh7Series = loadFresh7 ? load<{ series: Series[] }>("fresh7_series.json").series : [];
const fresh8Series = loadFresh8 ? load<{ series: Series[] }>("fresh8_series.json").series : [];
const fresh9Series = loadFresh9 ? load<{ series: Series[] }>("fresh9_series.json").series : [];
const fresh10Series =
  confirm11 || confirm12
    ? load<{ series: Series[] }>(`${lateSet}_series.json`).series
    : loadFresh10
      ? load<{ series: Series[] }>("fresh10_series.json").series
      : [];
/** Round 17's pool adds the sets rounds 14–16 scored (none is loaded in fresh10's slot then). */
const [seen10Series, seen11Series, seen12Series] = ["fresh10", "fresh11", "fresh12"].map((f) =>
  round17Pool ? load<{ series: Series[] }>(`${f}_series.json`).series : []
);
const fresh13Series = loadFresh13 ? load<{ series: Series[] }>("fresh13_series.json").series : [];
// Rounds 5 and 6's pool: series numbered across the seen files (the 112 first, so its halves
// stay; fresh3, added to the pool by round 6, last, so round 5's halves stay too).
const poolOrder = new Map(
  [
    ...new Set(
      // Round 8 pools fresh4 and fresh5, round 9 fresh6, numbered after the earlier sets so every
      // earlier half stays.
      [
        ...data.series,
        ...freshSeries,
        ...fresh2Series,
        ...fresh3Series,
        ...fresh4Series,
        ...fresh5Series,
        ...fresh6Series,
        ...fresh7Series,
        // Round 11 pools fresh8, numbered last so every earlier half stays.
        ...fresh8Series,
        // Round 13 pools fresh9, numbered last.
        ...fresh9Series,
        // Round 17 pools fresh10–12, numbered last.
        ...seen10Series,
        ...seen11Series,
        ...seen12Series,
        // Round 18 pools fresh13, numbered last.
        ...fresh13Series,
      ].map((s) => `${s.name}|${s.set}`)
    ),
  ].map((k, i) => [k, i])
);
const toRow = (s: Series): Row => {
  const options = { members: MEMBERS, horizon: s.h, validate: true };
  const model = fit(s.train, { ...options, calendarOnly: false }) as ForecastModel;
  const ref = refOf.get(key(s)) as Reference;
  const half: "A" | "B" = order.indexOf(`${s.name}|${s.set}`) % 2 === 0 ? "A" : "B";
  const poolHalf: "A" | "B" = (poolOrder.get(`${s.name}|${s.set}`) ?? 0) % 2 === 0 ? "A" : "B";
  const paths = model.line ? {} : memberPaths(model, s.h);
  const three = (m: ForecastModel): Partial<Record<MemberName, MemberPath>> =>
    m.line ? {} : memberPaths({ ...m, validation: validateMembers(m, s.train, s.h, 3) }, s.h);
  // Rounds 9 and 10 score the shipped rule only: no 3-origin or cycle variants.
  const paths3 = lean ? paths : three(model);
  const base = { s, ref, half, poolHalf, model, paths, paths3 };
  if (lean || model.seasonality <= 1 || isCalendarSeason(model.seasonality))
    return { ...base, cycleModel: model, cyclePaths: paths, cyclePaths3: paths3 };
  // Rounds 4–7's cycles: every non-calendar season (whatever its strength) fitted as none.
  const cycleModel = fit(s.train, {
    ...options,
    calendarOnly: true,
    rule: { ...COMBINATION, seasonStrength: undefined },
  }) as ForecastModel;
  const cyclePaths = memberPaths(cycleModel, s.h);
  return { ...base, cycleModel, cyclePaths, cyclePaths3: three(cycleModel) };
};
const speedOnly = process.argv.includes("--speed-only");
const rows: Row[] = (speedOnly ? [] : data.series).map(toRow);
/** The AER fresh set (export_fresh.R): confirmation in round 3, part of round 5's pool. */
const freshRows: Row[] = (speedOnly ? [] : freshSeries).map(toRow);
const fresh3Rows: Row[] = (speedOnly ? [] : fresh3Series).map(toRow);
const fresh4Rows: Row[] = (speedOnly ? [] : fresh4Series).map(toRow);
const fresh5Rows: Row[] = (speedOnly ? [] : fresh5Series).map(toRow);
const fresh6Rows: Row[] = (speedOnly ? [] : fresh6Series).map(toRow);
const fresh7Rows: Row[] = (speedOnly ? [] : fresh7Series).map(toRow);
const fresh8Rows: Row[] = (speedOnly ? [] : fresh8Series).map(toRow);
/** The ninth fresh set (round 11): scored once with `--confirm9`, after the rule was fixed. */
const fresh9Rows: Row[] = (speedOnly ? [] : fresh9Series).map(toRow);
/** The tenth fresh set (round 13): scored once with `--confirm10`, after the rule was fixed. */
const fresh10Rows: Row[] = (speedOnly ? [] : fresh10Series).map(toRow);
/** Round 17's seen fresh10–12 and its confirmation set, fresh13. */
const [seen10Rows, seen11Rows, seen12Rows, fresh13Rows] = [
  seen10Series,
  seen11Series,
  seen12Series,
  fresh13Series,
].map((set): Row[] => (speedOnly ? [] : set).map(toRow));
/** Confirmation scores (fresh sets in the round-4 table, fresh2 at all) only with --confirm. */
const confirm = process.argv.includes("--confirm");
// Seen since round 4: part of round 5's pool.
const fresh2Rows: Row[] = (speedOnly ? [] : fresh2Series).map(toRow);

/**
 * Whether two forecasts agree to 1e-9 relative (the benchmark's check that a candidate it
 * combines itself is what the engine ships).
 */
const sameForecast = (a: readonly number[], b: readonly number[]): boolean =>
  a.every((v, i) => Math.abs(v - b[i]) <= 1e-9 * Math.max(1, Math.abs(b[i])));

/** A method's forecast (and 95% interval when it has one) for a row. */
type Method = (r: Row) => Forecast;
const fromRule =
  (rule: Combination): Method =>
  (r) => {
    const model = rule.calendarOnly ? r.cycleModel : r.model;
    // Each branch validates at its own number of windows (round 6).
    const three = originsFor(rule, model.seasonality) > 1;
    const paths = rule.calendarOnly
      ? three
        ? r.cyclePaths3
        : r.cyclePaths
      : three
        ? r.paths3
        : r.paths;
    return model.line
      ? forecast(model, r.s.h, 0.95)
      : combinePaths(paths, ruleForModel(rule, model), model.scale, 0.95, model.n);
  };
/** Rounds 8–11's rule: every detected season fitted as a season (no cycles). */
const ROUND8_RULE: Combination = { ...COMBINATION, calendarOnly: false, seasonStrength: undefined };
const shippedForecasts = new Map<Row, Forecast>();
/**
 * The shipped engine's forecast: the rows' shared fit (every detected season a season) where the
 * shipped rule fits the same, else the engine's own fit (a weak non-calendar season as a cycle).
 */
const shippedMethod: Method = (r) => {
  const { model, s } = r;
  const y = model.line ? [] : s.train.slice(-model.n).map((v) => v / model.scale);
  if (
    model.line ||
    !COMBINATION.calendarOnly ||
    !isCycle(y, model.detected, COMBINATION.seasonStrength)
  )
    return fromRule(ROUND8_RULE)(r);
  if (!shippedForecasts.has(r))
    shippedForecasts.set(r, forecast(fit(s.train, { horizon: s.h }) as ForecastModel, s.h, 0.95));
  return shippedForecasts.get(r) as Forecast;
};
const member =
  (k: MemberName): Method =>
  (r) => {
    const p = r.paths[k];
    if (!p) return forecast(r.model, r.s.h, 0.95);
    const z = 1.959964;
    const sc = r.model.scale;
    return {
      mean: p.mean.map((v) => v * sc),
      lower: p.mean.map((v, i) => (v - z * p.sd[i]) * sc),
      upper: p.mean.map((v, i) => (v + z * p.sd[i]) * sc),
    };
  };
const METHODS: readonly [string, Method][] = [
  ["FORECAST_SALES", shippedMethod],
  ["R ets()", (r) => ({ mean: r.s.r.ets, lower: r.ref.ets_lower, upper: r.ref.ets_upper })],
  [
    "R thetaf()",
    (r) => ({ mean: r.s.r.thetaf, lower: r.ref.thetaf_lower, upper: r.ref.thetaf_upper }),
  ],
  [
    "R auto.arima()",
    (r) => ({ mean: r.s.r.auto_arima, lower: r.ref.arima_lower, upper: r.ref.arima_upper }),
  ],
  ["our ETS (AICc)", member("ets")],
  ["our damped ETS", member("damped")],
  ["our Theta", member("theta")],
  ["our ARIMA", member("arima")],
  ["our CES", member("ces")],
  ["Naive2", (r) => ({ mean: naive2(r.s.train, r.s.frequency, r.s.h) })],
  ["seasonal naive", (r) => ({ mean: seasonalNaive(r.s.train, r.s.frequency, r.s.h) })],
  ["linear trend", (r) => ({ mean: linearTrend(r.s.train, r.s.h) })],
];

interface Score {
  owa: number;
  smape: number;
  mase: number;
  msis: number;
  coverage: number;
}
function score(subset: readonly Row[], method: Method): Score {
  const sm: number[] = [];
  const ma: number[] = [];
  const n2s: number[] = [];
  const n2m: number[] = [];
  const is: number[] = [];
  let inside = 0;
  let total = 0;
  for (const r of subset) {
    const f = method(r);
    const n2 = naive2(r.s.train, r.s.frequency, r.s.h);
    sm.push(smape(r.s.test, f.mean));
    ma.push(mase(r.s.train, r.s.test, f.mean, r.s.frequency));
    n2s.push(smape(r.s.test, n2));
    n2m.push(mase(r.s.train, r.s.test, n2, r.s.frequency));
    if (f.lower && f.upper) {
      is.push(msis(r.s.train, r.s.test, f.lower, f.upper, r.s.frequency, 0.05));
      r.s.test.forEach((v, i) => {
        total++;
        if (v >= (f.lower as number[])[i] && v <= (f.upper as number[])[i]) inside++;
      });
    }
  }
  return {
    owa: 0.5 * (mean(sm) / mean(n2s) + mean(ma) / mean(n2m)),
    smape: mean(sm),
    mase: mean(ma),
    msis: is.length ? mean(is) : NaN,
    coverage: total ? (100 * inside) / total : NaN,
  };
}

const fmt = (v: number, d: number, w: number): string =>
  (Number.isFinite(v) ? v.toFixed(d) : "-").padStart(w);
function table(title: string, subset: readonly Row[]): void {
  if (subset.length === 0) return;
  const counts = [12, 4, 1].map(
    (f, i) =>
      `${subset.filter((r) => r.s.frequency === f).length} ${["monthly", "quarterly", "yearly"][i]}`
  );
  console.log(`\n${title}: ${subset.length} series×origins (${counts.join(", ")})`);
  console.log(
    `${"method".padEnd(18)}${"OWA".padStart(7)}${"sMAPE".padStart(8)}${"MASE".padStart(8)}${"MSIS".padStart(8)}${"95% cov".padStart(9)}`
  );
  for (const [name, m] of METHODS) {
    const sc = score(subset, m);
    console.log(
      `${name.padEnd(18)}${fmt(sc.owa, 3, 7)}${fmt(sc.smape, 2, 8)}${fmt(sc.mase, 3, 8)}${fmt(sc.msis, 2, 8)}${fmt(sc.coverage, 1, 9)}`
    );
  }
}

function protocol(): void {
  const A = rows.filter((r) => r.half === "A");
  const B = rows.filter((r) => r.half === "B");
  console.log(
    `\nCombination protocol: half A = even-indexed series (${A.length} series×origins) chooses, half B (${B.length}) confirms`
  );
  console.log(
    `${"candidate".padEnd(38)}${"OWA A".padStart(8)}${"OWA B".padStart(8)}${"OWA all".padStart(9)}`
  );
  const scored = CANDIDATES.map((c) => {
    const a = score(A, fromRule(c.rule)).owa;
    const b = score(B, fromRule(c.rule)).owa;
    console.log(
      `${c.name.padEnd(38)}${fmt(a, 3, 8)}${fmt(b, 3, 8)}${fmt(score(rows, fromRule(c.rule)).owa, 3, 9)}`
    );
    return { ...c, a };
  });
  // The rule: lowest OWA on A; a candidate with fewer voices within 0.005 of it is preferred.
  const best = scored.reduce((p, c) => (c.a < p.a ? c : p));
  const voices = (c: Combination): number => c.members.length;
  const pick = scored
    .filter((c) => c.a <= best.a + 0.005)
    .reduce((p, c) =>
      voices(c.rule) < voices(p.rule) || (voices(c.rule) === voices(p.rule) && c.a < p.a) ? c : p
    );
  const rA = score(A, METHODS[3][1]).owa;
  const rB = score(B, METHODS[3][1]).owa;
  console.log(`R auto.arima(): OWA A ${rA.toFixed(3)}, B ${rB.toFixed(3)}`);
  console.log(`chosen on A: ${pick.name}`);
  console.log(`\nIntervals for ${pick.name}: widening of the members' RMS standard deviation`);
  console.log(
    `${"widen".padEnd(8)}${"cov A".padStart(8)}${"MSIS A".padStart(8)}${"cov B".padStart(8)}${"MSIS B".padStart(8)}`
  );
  let bestW = WIDEN_GRID[0];
  let bestGap = Infinity;
  for (const w of WIDEN_GRID) {
    const rule = { ...pick.rule, widen: w };
    const a = score(A, fromRule(rule));
    const b = score(B, fromRule(rule));
    console.log(
      `${w.toFixed(1).padEnd(8)}${fmt(a.coverage, 1, 8)}${fmt(a.msis, 2, 8)}${fmt(b.coverage, 1, 8)}${fmt(b.msis, 2, 8)}`
    );
    if (Math.abs(a.coverage - 95) < bestGap) {
      bestGap = Math.abs(a.coverage - 95);
      bestW = w;
    }
  }
  console.log(`chosen on A: widen ${bestW.toFixed(1)} (coverage on A closest to 95%)`);
  console.log(
    `shipped (COMBINATION): ${JSON.stringify(COMBINATION.members)} ${COMBINATION.rule}, widen ${COMBINATION.widen}`
  );
}

/** Distinct members a (season-aware) rule uses: its "voices" for the tie-break. */
function voicesOf(c: Combination): number {
  const names = new Set<string>();
  const walk = (k: Combination): void => {
    k.members.forEach((m) => (typeof m === "string" ? names.add(m) : walk(m)));
    if (k.noSeason) walk(k.noSeason);
  };
  walk(c);
  return names.size;
}

/** Round 3 (docs/forecast.md): season-aware candidates chosen on the 112, then the interval. */
function round3(): Combination {
  const A = rows.filter((r) => r.half === "A");
  const B = rows.filter((r) => r.half === "B");
  const freq = (f: number) => (r: Row) => r.s.frequency === f;
  console.log(`\nRound 3 protocol (season-aware rules; F0 = the round-2 rule P5)`);
  console.log(
    `${"candidate".padEnd(38)}${"OWA A".padStart(7)}${"OWA B".padStart(7)}${"all".padStart(7)}${"mon".padStart(7)}${"qtr".padStart(7)}${"yr".padStart(7)}${"fresh".padStart(7)}${"fr yr".padStart(7)}`
  );
  const line = (name: string, m: Method): { a: number; b: number; all: number } => {
    const a = score(A, m).owa;
    const b = score(B, m).owa;
    const all = score(rows, m).owa;
    const cells = [
      a,
      b,
      all,
      score(rows.filter(freq(12)), m).owa,
      score(rows.filter(freq(4)), m).owa,
      score(rows.filter(freq(1)), m).owa,
      score(freshRows, m).owa,
      score(freshRows.filter(freq(1)), m).owa,
    ];
    console.log(`${name.padEnd(38)}${cells.map((v) => fmt(v, 3, 7)).join("")}`);
    return { a, b, all };
  };
  const scored = ROUND3.map((c) => ({ ...c, ...line(c.name, fromRule(c.rule)) }));
  line("R auto.arima()", METHODS[3][1]);
  const f0 = scored[0];
  const eligible = scored.filter((c) => c.a <= f0.a && c.b <= f0.b);
  const best = eligible.reduce((p, c) => (c.all < p.all ? c : p), f0);
  const pick = eligible
    .filter((c) => c.all <= best.all + 0.005)
    .reduce(
      (p, c) =>
        voicesOf(c.rule) < voicesOf(p.rule) ||
        (voicesOf(c.rule) === voicesOf(p.rule) && c.all < p.all)
          ? c
          : p,
      best
    );
  console.log(`chosen on the 112 (no worse than F0 on both halves, lowest OWA): ${pick.name}`);
  console.log(`\nIntervals for ${pick.name}: V1 RMS of the voices' sd, V2 plus their spread`);
  console.log(
    `${"variance".padEnd(10)}${"widen".padStart(6)}${"cov A".padStart(8)}${"MSIS A".padStart(8)}${"cov B".padStart(8)}${"MSIS B".padStart(8)}${"cov qtr".padStart(8)}`
  );
  let chosen: Combination = pick.rule;
  let chosenMsis = Infinity;
  for (const spread of [false, true]) {
    let bestW = WIDEN_GRID[0];
    let bestGap = Infinity;
    let msisA = Infinity;
    for (const w of WIDEN_GRID) {
      const rule = withInterval(pick.rule, w, spread);
      const a = score(A, fromRule(rule));
      const b = score(B, fromRule(rule));
      const q = score(rows.filter(freq(4)), fromRule(rule));
      console.log(
        `${(spread ? "V2" : "V1").padEnd(10)}${w.toFixed(1).padStart(6)}${fmt(a.coverage, 1, 8)}${fmt(a.msis, 2, 8)}${fmt(b.coverage, 1, 8)}${fmt(b.msis, 2, 8)}${fmt(q.coverage, 1, 8)}`
      );
      if (Math.abs(a.coverage - 95) < bestGap) {
        bestGap = Math.abs(a.coverage - 95);
        bestW = w;
        msisA = a.msis;
      }
    }
    if (msisA < chosenMsis) {
      chosenMsis = msisA;
      chosen = withInterval(pick.rule, bestW, spread);
    }
  }
  console.log(
    `chosen on A: ${chosen.spread ? "V2" : "V1"}, widen ${chosen.widen.toFixed(1)}; shipped (COMBINATION): ${JSON.stringify(COMBINATION)}`
  );
  return chosen;
}

/** Round 4 (docs/forecast.md): choice on half A among rules no worse than G0 on B; interval. */
function round4(): Combination {
  const A = rows.filter((r) => r.half === "A");
  const B = rows.filter((r) => r.half === "B");
  const freq = (f: number) => (r: Row) => r.s.frequency === f;
  const sets: [string, Row[]][] = [
    ["A", A],
    ["B", B],
    ["all", rows],
    ["mon", rows.filter(freq(12))],
    ["qtr", rows.filter(freq(4))],
    ["yr", rows.filter(freq(1))],
  ];
  if (confirm)
    sets.push(
      ["fresh", freshRows],
      ["fr yr", freshRows.filter(freq(1))],
      ["fresh2", fresh2Rows],
      ["f2 mon", fresh2Rows.filter(freq(12))],
      ["f2 qtr", fresh2Rows.filter(freq(4))],
      ["f2 yr", fresh2Rows.filter(freq(1))]
    );
  console.log(`\nRound 4 protocol (cycles, validation weights; G0 = the round-3 rule F2)`);
  console.log(`${"candidate".padEnd(30)}${sets.map(([n]) => n.padStart(7)).join("")}`);
  const line = (name: string, m: Method): number[] => {
    const cells = sets.map(([, rs]) => score(rs, m).owa);
    console.log(`${name.padEnd(30)}${cells.map((v) => fmt(v, 3, 7)).join("")}`);
    return cells;
  };
  const scored = ROUND4.map((c) => {
    const [a, b] = line(c.name, fromRule(c.rule));
    return { ...c, a, b };
  });
  line("R auto.arima()", METHODS[3][1]);
  line("our ARIMA", METHODS[7][1]);
  const eligible = scored.filter((c) => c.b <= scored[0].b);
  const bestA = Math.min(...eligible.map((c) => c.a));
  const pick = eligible.find((c) => c.a <= bestA + 0.005) as (typeof scored)[number];
  console.log(`chosen (lowest OWA on A among those no worse than G0 on B): ${pick.name}`);
  console.log(`\nIntervals for ${pick.name}: widening of the weighted RMS standard deviation`);
  console.log(
    `${"widen".padEnd(8)}${"cov A".padStart(8)}${"MSIS A".padStart(8)}${"cov B".padStart(8)}${"MSIS B".padStart(8)}${"cov all".padStart(8)}${"MSIS".padStart(8)}`
  );
  let chosen = pick.rule;
  let bestGap = Infinity;
  for (const w of WIDEN_GRID_4) {
    const rule = withInterval(pick.rule, w, false);
    const [a, b, all] = [A, B, rows].map((rs) => score(rs, fromRule(rule)));
    console.log(
      `${w.toFixed(1).padEnd(8)}${fmt(a.coverage, 1, 8)}${fmt(a.msis, 2, 8)}${fmt(b.coverage, 1, 8)}${fmt(b.msis, 2, 8)}${fmt(all.coverage, 1, 8)}${fmt(all.msis, 2, 8)}`
    );
    if (Math.abs(a.coverage - 95) < bestGap) {
      bestGap = Math.abs(a.coverage - 95);
      chosen = rule;
    }
  }
  console.log(
    `chosen on A: widen ${chosen.widen.toFixed(1)}; shipped (COMBINATION): ${JSON.stringify(COMBINATION)}`
  );
  return chosen;
}

/** CPU ms per 120-point monthly series of a rule (fit with its members + 12-step interval). */
function ruleSpeed(rule: Combination): { median: number; p95: number } {
  const per: number[] = [];
  for (const s of data.series.filter((x) => x.frequency === 12 && x.origin === 0)) {
    const y = s.train.slice(-120);
    if (y.length < 120) continue;
    const once = (): void => {
      const model = fit(y, { horizon: 12, rule }) as ForecastModel;
      if (!model.line)
        combinePaths(memberPaths(model, 12), ruleForModel(rule, model), model.scale, 0.95, model.n);
    };
    once();
    const t0 = cpuMs();
    for (let k = 0; k < 3; k++) once();
    per.push((cpuMs() - t0) / 3);
  }
  return { median: median(per), p95: quantile(per, 0.95) };
}

/** One pooled protocol round: its candidates, pool, reported sets and preference tolerance. */
interface PooledRound {
  title: string;
  baseline: string;
  candidates: readonly { name: string; rule: Combination }[];
  pool: readonly Row[];
  sets: [string, Row[]][];
  intervalSets: [string, Row[]][];
  tolerance: number;
  /**
   * Round 7's interval rule: the first candidate keeps the shipped factor; another one gets the
   * factor closest to 95% on pooled A among those keeping the 112 within 93–97% (#16's band).
   */
  band?: boolean;
  /**
   * Round 8's choice metric: the mean over these sets of each set's OWA on its pooled-A (or B)
   * records, so each source weighs the same (pooled OWA is a ratio of means that a few records
   * with huge MASE can dominate). Absent: pooled OWA, as rounds 5–7.
   */
  balanced?: readonly (readonly Row[])[];
}

/**
 * A pooled protocol round (rounds 5 and 6, docs/forecast.md): halves by series across the pool;
 * the lowest OWA on pooled A among the rules no worse than the first (the shipped one) on pooled B
 * and within the speed budget, an earlier rule within `tolerance` preferred; then the interval
 * factor whose coverage on pooled A is closest to 95%.
 */
function pooledRound(round: PooledRound): Combination {
  const PA = round.pool.filter((r) => r.poolHalf === "A");
  const PB = round.pool.filter((r) => r.poolHalf === "B");
  const balanced = round.balanced;
  const onHalf = (m: Method, half: "A" | "B"): number =>
    mean(
      (balanced ?? []).map(
        (set) =>
          score(
            set.filter((r) => r.poolHalf === half),
            m
          ).owa
      )
    );
  // The first two columns are what the choice reads: pooled A and B, or round 8's balanced ones.
  const sets: [string, readonly Row[]][] = [
    ...(balanced
      ? ([
          ["bal A", []],
          ["bal B", []],
        ] as [string, Row[]][])
      : []),
    ["pool A", PA],
    ["pool B", PB],
    ["pool", round.pool],
    ...round.sets,
  ];
  console.log(
    `\n${round.title} (pool of seen sets: A ${PA.length}, B ${PB.length} series×origins; ${round.baseline})`
  );
  if (balanced)
    console.log(
      `(bal A / bal B: the mean over ${balanced.length} sets of each set's OWA on its pooled-A / B records; the choice reads them)`
    );
  console.log(
    `${"candidate".padEnd(26)}${sets.map(([n]) => n.padStart(8)).join("")}${"ms med".padStart(8)}${"ms p95".padStart(8)}`
  );
  const line = (name: string, m: Method, speed?: { median: number; p95: number }): number[] => {
    const cells = sets.map(([label, rs], i) =>
      balanced && i < 2 ? onHalf(m, label === "bal A" ? "A" : "B") : score(rs, m).owa
    );
    const ms = speed ? [speed.median, speed.p95] : [NaN, NaN];
    console.log(
      `${name.padEnd(26)}${cells.map((v) => fmt(v, 3, 8)).join("")}${ms.map((v) => fmt(v, 1, 8)).join("")}`
    );
    return cells;
  };
  const skipSpeed = process.argv.includes("--no-speed");
  const scored = round.candidates.map((c) => {
    const speed = skipSpeed ? { median: 0, p95: 0 } : ruleSpeed(c.rule);
    const [a, b] = line(c.name, fromRule(c.rule), speed);
    return { ...c, a, b, fast: speed.median <= 30 && speed.p95 <= 150 };
  });
  line("R auto.arima()", METHODS[3][1]);
  line("R ets()", METHODS[1][1]);
  line("our ARIMA", METHODS[7][1]);
  const eligible = scored.filter((c) => c.b <= scored[0].b && (c.fast || c === scored[0]));
  const bestA = Math.min(...eligible.map((c) => c.a));
  const pick = eligible.find((c) => c.a <= bestA + round.tolerance) as (typeof scored)[number];
  console.log(
    `${balanced ? "balanced" : "pooled"} A / B to 4 decimals: ${scored.map((c) => `${c.name.split(" ")[0]} ${c.a.toFixed(4)} / ${c.b.toFixed(4)}`).join(", ")}`
  );
  console.log(
    `chosen (lowest ${balanced ? "balanced" : "pooled"} OWA on A among those no worse than ${scored[0].name.split(" ")[0]} on B, within the speed budget): ${pick.name}`
  );
  console.log(`\nIntervals for ${pick.name}: widening of the weighted RMS standard deviation`);
  const isets: [string, readonly Row[]][] = [["pool A", PA], ["pool B", PB], ...round.intervalSets];
  console.log(
    `${"widen".padEnd(8)}${isets.map(([n]) => `${`cov ${n}`.padStart(11)}${`MSIS ${n}`.padStart(12)}`).join("")}`
  );
  const keep = round.band === true && pick === scored[0];
  let chosen = keep ? withInterval(pick.rule, COMBINATION.widen, false) : pick.rule;
  let bestGap = Infinity;
  const on112 = isets.findIndex(([n]) => n === "112");
  for (const w of WIDEN_GRID_4) {
    const rule = withInterval(pick.rule, w, false);
    const sc = isets.map(([, rs]) => score(rs, fromRule(rule)));
    console.log(
      `${w.toFixed(1).padEnd(8)}${sc.map((x) => `${fmt(x.coverage, 1, 11)}${fmt(x.msis, 2, 12)}`).join("")}`
    );
    const inBand = !round.band || (sc[on112].coverage >= 93 && sc[on112].coverage <= 97);
    if (!keep && inBand && Math.abs(sc[0].coverage - 95) < bestGap) {
      bestGap = Math.abs(sc[0].coverage - 95);
      chosen = rule;
    }
  }
  console.log(
    `chosen${round.band ? " (round 7: 112 within 93–97%; the shipped rule keeps its factor)" : " on pooled A"}: widen ${chosen.widen.toFixed(1)}; shipped (COMBINATION): ${JSON.stringify(COMBINATION)}`
  );
  return chosen;
}

const byFrequency = (f: number) => (r: Row) => r.s.frequency === f;

/** The columns rounds 5 and 6 both report first: the 112 by half and frequency, AER, fresh2. */
function seenSetColumns(): [string, Row[]][] {
  const freq = byFrequency;
  return [
    ["112 A", rows.filter((r) => r.half === "A")],
    ["112 B", rows.filter((r) => r.half === "B")],
    ["112", rows],
    ["mon", rows.filter(freq(12))],
    ["qtr", rows.filter(freq(4))],
    ["yr", rows.filter(freq(1))],
    ["AER", freshRows],
    ["AER yr", freshRows.filter(freq(1))],
    ["fr2", fresh2Rows],
  ];
}

/**
 * Round 5 (docs/forecast.md): chosen on the pool of seen sets (the 112, AER, fresh2), halves by
 * series across the pool; fresh3 is reported beside it (it was the confirmation).
 */
function round5(): Combination {
  const freq = byFrequency;
  const sets: [string, Row[]][] = [
    ...seenSetColumns(),
    ["fr2 mon", fresh2Rows.filter(freq(12))],
    ["fr2 qtr", fresh2Rows.filter(freq(4))],
    ["fr2 yr", fresh2Rows.filter(freq(1))],
  ];
  if (fresh3Rows.length)
    sets.push(
      ["fr3", fresh3Rows],
      ["fr3 mon", fresh3Rows.filter(freq(12))],
      ["fr3 qtr", fresh3Rows.filter(freq(4))],
      ["fr3 yr", fresh3Rows.filter(freq(1))],
      ["fr3 o0", fresh3Rows.filter((r) => r.s.origin === 0)],
      ["fr3 o1", fresh3Rows.filter((r) => r.s.origin === 1)]
    );
  const intervalSets: [string, Row[]][] = [
    ["112", rows],
    ["AER", freshRows],
    ["fr2", fresh2Rows],
  ];
  if (fresh3Rows.length) intervalSets.push(["fr3", fresh3Rows]);
  return pooledRound({
    title: "Round 5 protocol",
    baseline: "H0 = the shipped G2",
    candidates: ROUND5,
    pool: [...rows, ...freshRows, ...fresh2Rows],
    sets,
    intervalSets,
    tolerance: 0.003,
  });
}

/** The columns and interval sets rounds 6 and 7 report for their pool of four seen sets. */
function fourSetColumns(): { sets: [string, Row[]][]; intervalSets: [string, Row[]][] } {
  const freq = byFrequency;
  return {
    sets: [
      ...seenSetColumns(),
      ["fr2 yr", fresh2Rows.filter(freq(1))],
      ["fr3", fresh3Rows],
      ["fr3 yr", fresh3Rows.filter(freq(1))],
    ],
    intervalSets: [
      ["112", rows],
      ["AER", freshRows],
      ["fr2", fresh2Rows],
      ["fr3", fresh3Rows],
    ],
  };
}

/**
 * Round 6 (docs/forecast.md): chosen on the pool of all four seen sets (the 112, AER, fresh2,
 * fresh3); fresh4 is the confirmation, reported only with `--confirm4`.
 */
function round6(): Combination {
  const { sets, intervalSets } = fourSetColumns();
  if (fresh4Rows.length)
    sets.push(
      ["fr4", fresh4Rows],
      ["fr4 o0", fresh4Rows.filter((r) => r.s.origin === 0)],
      ["fr4 o1", fresh4Rows.filter((r) => r.s.origin === 1)]
    );
  if (fresh4Rows.length) intervalSets.push(["fr4", fresh4Rows]);
  return pooledRound({
    title: "Round 6 protocol",
    baseline: "K0 = the shipped G2",
    candidates: ROUND6,
    pool: [...rows, ...freshRows, ...fresh2Rows, ...fresh3Rows],
    sets,
    intervalSets,
    tolerance: 0.002,
  });
}

/**
 * Round 7 (docs/forecast.md): the round-6 pool and halves; fresh5 is the confirmation, reported
 * only with `--confirm5` (fresh4, never scored for L2 or L3 before the choice, with `--confirm4`).
 */
function round7(): Combination {
  const freq = byFrequency;
  const { sets, intervalSets } = fourSetColumns();
  for (const [name, set] of [
    ["fr4", fresh4Rows],
    ["fr5", fresh5Rows],
  ] as const)
    if (set.length) {
      sets.push([name, set]);
      for (const [f, label] of [
        [12, "mon"],
        [4, "qtr"],
        [1, "yr"],
      ] as const) {
        const subset = set.filter(freq(f));
        if (subset.length && subset.length < set.length) sets.push([`${name} ${label}`, subset]);
      }
      intervalSets.push([name, set]);
    }
  const cycles = (rs: readonly Row[]): number =>
    rs.filter((r) => r.model.detected > 1 && !isCalendarSeason(r.model.detected)).length;
  const pool = [...rows, ...freshRows, ...fresh2Rows, ...fresh3Rows];
  console.log(
    `\nRound 7: records with a detected non-calendar season (a cycle): pool A ${cycles(pool.filter((r) => r.poolHalf === "A"))}, pool B ${cycles(pool.filter((r) => r.poolHalf === "B"))}, 112 ${cycles(rows)}${fresh4Rows.length ? `, fr4 ${cycles(fresh4Rows)}` : ""}${fresh5Rows.length ? `, fr5 ${cycles(fresh5Rows)}` : ""}`
  );
  return pooledRound({
    title: "Round 7 protocol",
    baseline: "L0 = the shipped G2",
    candidates: ROUND7,
    pool,
    sets,
    intervalSets,
    tolerance: 0.002,
    band: true,
  });
}

/** Round 8's pool: the six sets scored before it, by name. */
function sixSeenSets(): [string, Row[]][] {
  return [
    ["112", rows],
    ["AER", freshRows],
    ["fr2", fresh2Rows],
    ["fr3", fresh3Rows],
    ["fr4", fresh4Rows],
    ["fr5", fresh5Rows],
  ];
}

/**
 * Round 8 (docs/forecast.md): the pool of all six seen sets (the 112, AER, fresh2 … fresh5),
 * halves by series across it, chosen by the set-balanced OWA; fresh6 is the confirmation,
 * reported only with `--confirm6`.
 */
function round8(): Combination {
  const freq = byFrequency;
  const seen = sixSeenSets();
  const sets: [string, Row[]][] = [
    ["112 A", rows.filter((r) => r.half === "A")],
    ["112 B", rows.filter((r) => r.half === "B")],
    ["112", rows],
    ["112 yr", rows.filter(freq(1))],
    ...seen.slice(1).flatMap(([name, set]): [string, Row[]][] => [
      [name, set],
      [`${name} yr`, set.filter(freq(1))],
    ]),
  ];
  if (fresh6Rows.length)
    for (const [label, subset] of [
      ["fr6", fresh6Rows],
      ["fr6 mon", fresh6Rows.filter(freq(12))],
      ["fr6 qtr", fresh6Rows.filter(freq(4))],
      ["fr6 yr", fresh6Rows.filter(freq(1))],
    ] as const)
      if (subset.length) sets.push([label, subset]);
  const intervalSets: [string, Row[]][] = [...seen];
  if (fresh6Rows.length) intervalSets.push(["fr6", fresh6Rows]);
  return pooledRound({
    title: "Round 8 protocol",
    baseline: "M0 = the shipped G2",
    candidates: ROUND8,
    pool: seen.flatMap(([, set]) => set),
    sets,
    intervalSets,
    tolerance: 0.002,
    band: true,
    balanced: seen.map(([, set]) => set),
  });
}

/**
 * The balanced relative MSIS of rounds 8 and 9's interval protocols: on a half of the pool, each
 * set's MSIS under a rule over its MSIS under the baseline, averaged over the sets.
 *
 * @param seen the pool's sets
 * @param baseline the interval every ratio is against
 * @returns the ratio for a half and a rule
 */
function relativeMsis(
  seen: readonly [string, Row[]][],
  baseline: Combination
): (half: "A" | "B", rule: Combination) => number {
  const halves = {
    A: seen.map(([, set]) => set.filter((r) => r.poolHalf === "A")),
    B: seen.map(([, set]) => set.filter((r) => r.poolHalf === "B")),
  };
  const base = {
    A: halves.A.map((rs) => score(rs, fromRule(baseline)).msis),
    B: halves.B.map((rs) => score(rs, fromRule(baseline)).msis),
  };
  return (half, rule) =>
    mean(halves[half].map((rs, k) => score(rs, fromRule(rule)).msis / base[half][k]));
}

/**
 * Round 8's interval protocol (docs/forecast.md): widen × length term chosen by the balanced
 * relative MSIS on pooled A (each seen set's MSIS over the shipped interval's, averaged over the
 * six sets), within the 112's 93–97% band; accepted only if pooled B's is below 1.
 */
function intervalRound8(): void {
  const seen = sixSeenSets();
  // Round 8's candidates had no hold-out calibration (round 9 added it).
  const ruleAt = (w: number, c: number): Combination =>
    withCalibration(withLength(withInterval(COMBINATION, w, false), c), undefined);
  const relative = relativeMsis(seen, ruleAt(1.6, 0));
  const all = seen.flatMap(([, set]) => set);
  const bands: [string, Row[]][] = [
    ["< 20", all.filter((r) => r.s.train.length < 20)],
    ["20–39", all.filter((r) => r.s.train.length >= 20 && r.s.train.length < 40)],
    ["≥ 40", all.filter((r) => r.s.train.length >= 40)],
  ];
  const shown: [string, Row[]][] = [...seen, ...bands];
  if (fresh6Rows.length) shown.push(["fr6", fresh6Rows]);
  console.log(
    "\nRound 8 interval protocol: widen w · √(1 + c/n); relative MSIS on pooled A / B, then coverage % / MSIS"
  );
  console.log(
    `${"w".padEnd(5)}${"c".padEnd(4)}${"rel A".padStart(7)}${"rel B".padStart(7)}${shown.map(([n]) => n.padStart(16)).join("")}`
  );
  const results = [1.3, 1.4, 1.5, 1.6, 1.7, 1.8].flatMap((w) =>
    [0, 5, 10, 20].map((c) => {
      const rule = ruleAt(w, c);
      const relA = relative("A", rule);
      const relB = relative("B", rule);
      const sc = shown.map(([, rs]) => score(rs, fromRule(rule)));
      console.log(
        `${w.toFixed(1).padEnd(5)}${String(c).padEnd(4)}${relA.toFixed(4).padStart(7)}${relB.toFixed(4).padStart(7)}${sc.map((x) => `${x.coverage.toFixed(1)} / ${x.msis.toFixed(2)}`.padStart(16)).join("")}`
      );
      return { w, c, relA, relB, cov112: sc[0].coverage };
    })
  );
  const inBand = results.filter((r) => r.cov112 >= 93 && r.cov112 <= 97);
  const bestA = Math.min(...inBand.map((r) => r.relA));
  // Simpler first: c = 0 before any length term, then the factor closest to the shipped one.
  const simpler = inBand
    .filter((r) => r.relA <= bestA + 0.002)
    .sort((a, b) => a.c - b.c || Math.abs(a.w - 1.6) - Math.abs(b.w - 1.6));
  const pick = simpler[0];
  const accepted = pick.relB < 1;
  console.log(
    `chosen on pooled A: w ${pick.w.toFixed(1)}, c ${pick.c} (rel A ${pick.relA.toFixed(4)}, rel B ${pick.relB.toFixed(4)}) → ${accepted ? "accepted" : "not accepted: (1.6, 0) stays"}; shipped ${JSON.stringify({ widen: COMBINATION.widen, lengthScale: COMBINATION.lengthScale ?? 0 })}`
  );
}

/** Round 9's pool: the seven sets scored before it, by name. */
function sevenSeenSets(): [string, Row[]][] {
  return [...sixSeenSets(), ["fr6", fresh6Rows]];
}

/** A rule with the interval's hold-out calibration κ (`calibrate`) in every branch. */
function withCalibration(rule: Combination, kappa: number | undefined): Combination {
  const branch = (b: Combination | undefined): Combination | undefined =>
    b ? { ...b, calibrate: kappa } : undefined;
  return {
    ...rule,
    calibrate: kappa,
    noSeason: branch(rule.noSeason),
    cycle: branch(rule.cycle),
    twice: branch(rule.twice),
  };
}

/** Round 9's interval candidates (docs/forecast.md): κ, w and c of (κ·f² + v·r²)/(κ + v). */
const KAPPA_GRID = [3, 6, 12, 24, 48];
const ROUND9_WIDEN = [1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6];
const ROUND9_LENGTH = [0, 20];

/**
 * Round 9's interval protocol (docs/forecast.md): the factor weighed against each series' own
 * hold-out (κ), chosen by the balanced relative MSIS on pooled A of the seven seen sets within the
 * 112's 93–97% band; accepted only if pooled B's is below 1 (the shipped interval = 1).
 *
 * @returns the chosen interval's rule (the shipped one when not accepted)
 */
function intervalRound9(): Combination {
  const seen = sevenSeenSets();
  const ruleAt = (w: number, c: number, kappa: number | undefined): Combination =>
    withCalibration(withLength(withInterval(COMBINATION, w, false), c), kappa);
  // The interval shipped before round 9 (every relative MSIS is against it).
  const shipped = round8Interval();
  const relative = relativeMsis(seen, shipped);
  const all = seen.flatMap(([, set]) => set);
  const shown: [string, Row[]][] = [
    ...seen,
    ["< 20", all.filter((r) => r.s.train.length < 20)],
    ["20–39", all.filter((r) => r.s.train.length >= 20 && r.s.train.length < 40)],
    ["40–79", all.filter((r) => r.s.train.length >= 40 && r.s.train.length < 80)],
    ["≥ 80", all.filter((r) => r.s.train.length >= 80)],
    ["mon", all.filter(byFrequency(12))],
    ["qtr", all.filter(byFrequency(4))],
    ["yr", all.filter(byFrequency(1))],
  ];
  console.log(
    "\nRound 9 interval protocol: factor² (κ·f² + v·r²)/(κ + v), f = w · √(1 + c/n); relative MSIS on pooled A / B (shipped = 1), then coverage % / MSIS"
  );
  console.log(
    `${"κ".padEnd(5)}${"w".padEnd(5)}${"c".padEnd(4)}${"rel A".padStart(7)}${"rel B".padStart(7)}${shown.map(([n]) => n.padStart(15)).join("")}`
  );
  const kappas: (number | undefined)[] = [undefined, ...KAPPA_GRID];
  const results = kappas.flatMap((kappa) =>
    ROUND9_WIDEN.flatMap((w) =>
      ROUND9_LENGTH.map((c) => {
        const rule = ruleAt(w, c, kappa);
        const relA = relative("A", rule);
        const relB = relative("B", rule);
        const sc = shown.map(([, rs]) => score(rs, fromRule(rule)));
        console.log(
          `${(kappa === undefined ? "∞" : String(kappa)).padEnd(5)}${w.toFixed(1).padEnd(5)}${String(c).padEnd(4)}${relA.toFixed(4).padStart(7)}${relB.toFixed(4).padStart(7)}${sc.map((x) => `${x.coverage.toFixed(1)} / ${x.msis.toFixed(2)}`.padStart(15)).join("")}`
        );
        return { kappa, w, c, relA, relB, cov112: sc[0].coverage };
      })
    )
  );
  const inBand = results.filter((r) => r.cov112 >= 93 && r.cov112 <= 97);
  const bestA = Math.min(...inBand.map((r) => r.relA));
  // Simpler first: the largest κ (∞ = no calibration), then c = 0, then w closest to 1.3.
  const weight = (k: number | undefined): number => (k === undefined ? Infinity : k);
  const pick = inBand
    .filter((r) => r.relA <= bestA + 0.002)
    .sort(
      (a, b) =>
        weight(b.kappa) - weight(a.kappa) || a.c - b.c || Math.abs(a.w - 1.3) - Math.abs(b.w - 1.3)
    )[0];
  const accepted = pick.relB < 1;
  console.log(
    `chosen on pooled A: κ ${pick.kappa ?? "∞"}, w ${pick.w.toFixed(1)}, c ${pick.c} (rel A ${pick.relA.toFixed(4)}, rel B ${pick.relB.toFixed(4)}) → ${accepted ? "accepted" : "not accepted: round 8's interval stays"}; in COMBINATION now ${JSON.stringify({ widen: COMBINATION.widen, lengthScale: COMBINATION.lengthScale ?? 0, calibrate: COMBINATION.calibrate ?? "∞" })}`
  );
  return accepted ? ruleAt(pick.w, pick.c, pick.kappa) : shipped;
}

/** Round 8's interval, w 1.3, c 20, no calibration: round 9's baseline. */
function round8Interval(): Combination {
  return withCalibration(withLength(withInterval(COMBINATION, 1.3, false), 20), undefined);
}

/**
 * `--confirm7`: the seventh fresh set, scored once after round 9's interval was committed:
 * the chosen (shipped) interval beside round 8's (w 1.3, c 20, no calibration) and R's.
 */
function confirmRound9(): void {
  if (!fresh7Rows.length) return;
  const round8 = round8Interval();
  const subsets: [string, Row[]][] = [
    ["all", fresh7Rows],
    ...FREQUENCIES.map(([f, label]): [string, Row[]] => [label, fresh7Rows.filter(byFrequency(f))]),
    ["other", fresh7Rows.filter((r) => ![12, 4, 1].includes(r.s.frequency))],
    ["< 20", fresh7Rows.filter((r) => r.s.train.length < 20)],
    ["20–39", fresh7Rows.filter((r) => r.s.train.length >= 20 && r.s.train.length < 40)],
    ["≥ 40", fresh7Rows.filter((r) => r.s.train.length >= 40)],
  ];
  const methods: [string, Method][] = [
    ["FORECAST_SALES (shipped)", fromRule(COMBINATION)],
    ["round 8's interval", fromRule(round8)],
    ...METHODS.slice(1, 4),
  ];
  console.log("\nFRESH7 (round 9's confirmation, scored once): coverage % / MSIS (records)");
  console.log(`${"method".padEnd(26)}${subsets.map(([n]) => n.padStart(22)).join("")}`);
  for (const [name, method] of methods)
    console.log(
      `${name.padEnd(26)}${subsets
        .map(([, rs]) => {
          if (!rs.length) return "-".padStart(22);
          const sc = score(rs, method);
          return `${sc.coverage.toFixed(1)} / ${sc.msis.toFixed(2)} (${rs.length})`.padStart(22);
        })
        .join("")}`
    );
}

/** Round 10's candidates: how the season is looked for (`Detection`), simplest first. */
const ROUND10: readonly { name: string; detection: Detection }[] = [
  { name: "D0 linear (shipped)", detection: "linear" },
  { name: "D1 differences", detection: "difference" },
  { name: "D2 linear, else differences", detection: "either" },
  { name: "D3 linear, else calendar lags of differences", detection: "eitherCalendar" },
];

/**
 * FORECAST_SALES with another season detection: a record whose detected season changes is
 * refitted with that season (as detection would have fitted it: `seasonality` given, the
 * shipped rule); the others keep the shipped forecast.
 */
function withDetection(detection: Detection): { method: Method; changed: (r: Row) => boolean } {
  const known = detectionMethods.get(detection);
  if (known) return known;
  const refits = new Map<Row, Forecast | null>();
  const refit = (r: Row): Forecast | null => {
    if (!refits.has(r)) {
      let f: Forecast | null = null;
      const { model } = r;
      if (!model.line) {
        const y = r.s.train.slice(-model.n).map((v) => v / model.scale);
        const m = detectSeasonality(y, detection);
        if (m !== model.detected) {
          const again = fit(r.s.train, { horizon: r.s.h, seasonality: m === 1 ? 0 : m });
          f = forecast(again as ForecastModel, r.s.h, 0.95);
        }
      }
      refits.set(r, f);
    }
    return refits.get(r) ?? null;
  };
  const shipped = fromRule(COMBINATION);
  const made = {
    method: (r: Row) => refit(r) ?? shipped(r),
    changed: (r: Row) => refit(r) !== null,
  };
  detectionMethods.set(detection, made);
  return made;
}
const detectionMethods = new Map<Detection, ReturnType<typeof withDetection>>();

/** Round 10's pool: the eight sets scored before it, by name. */
function eightSeenSets(): [string, Row[]][] {
  return [...sevenSeenSets(), ["fr7", fresh7Rows]];
}

/** A candidate of a pooled round: its forecasts and which records it changes. */
interface PooledCandidate {
  readonly name: string;
  readonly method: Method;
  readonly changed: (r: Row) => boolean;
}

/**
 * Rounds 10 and 11's choice (docs/forecast.md): the balanced OWA (the mean of the sets' OWAs on a
 * half) on pooled A among the candidates no worse than the first (the shipped rule) on balanced
 * B, an earlier candidate within 0.002 preferred; the confirmation set's columns when loaded.
 *
 * @param title the table's title
 * @param seen the seen sets, by name
 * @param candidates the fixed list, the shipped rule first
 * @param confirmation the confirmation set's name and rows (empty when not loaded)
 * @param choose apply the choice (false: a report of the candidates only)
 * @returns the chosen candidate (the first when not choosing)
 */
function balancedRound(
  title: string,
  seen: [string, Row[]][],
  candidates: readonly PooledCandidate[],
  confirmation: [string, Row[]],
  choose = true
): PooledCandidate {
  const balanced = (half: "A" | "B" | "all", m: Method): number =>
    mean(
      seen.map(
        ([, set]) =>
          score(
            set.filter((r) => half === "all" || r.poolHalf === half),
            m
          ).owa
      )
    );
  const all = seen.flatMap(([, set]) => set);
  const [late, lateRows] = confirmation;
  const columns: [string, Row[]][] = [
    ...seen,
    ["112 A", rows.filter((r) => r.half === "A")],
    ["112 B", rows.filter((r) => r.half === "B")],
    ["112 yr", rows.filter(byFrequency(1))],
    ["mon", all.filter(byFrequency(12))],
    ["qtr", all.filter(byFrequency(4))],
    ["yr", all.filter(byFrequency(1))],
    ["wk", all.filter(byFrequency(52))],
    [late, lateRows],
    ...FREQUENCIES.map(([f, label]): [string, Row[]] => [
      `${late} ${label.slice(0, 3)}`,
      lateRows.filter(byFrequency(f)),
    ]),
    [`${late} wk`, lateRows.filter(byFrequency(52))],
  ];
  const shown = columns.filter(([, rs]) => rs.length > 0);
  console.log(
    `\n${title} (OWA; pool of ${seen.length} seen sets, ${all.length} records; bal = the mean of the sets' OWAs on a half)`
  );
  console.log(
    `${"candidate".padEnd(46)}${"bal A".padStart(8)}${"bal B".padStart(8)}${"bal".padStart(8)}${"changed".padStart(9)}${shown.map(([n]) => n.padStart(8)).join("")}`
  );
  const line = (name: string, m: Method, changed: number | null): { a: number; b: number } => {
    const a = balanced("A", m);
    const b = balanced("B", m);
    console.log(
      `${name.padEnd(46)}${fmt(a, 4, 8)}${fmt(b, 4, 8)}${fmt(balanced("all", m), 4, 8)}${(changed === null ? "" : String(changed)).padStart(9)}${shown.map(([, rs]) => fmt(score(rs, m).owa, 3, 8)).join("")}`
    );
    return { a, b };
  };
  const scored = candidates.map((c) => ({
    ...c,
    ...line(c.name, c.method, all.filter(c.changed).length),
  }));
  line("R auto.arima()", METHODS[3][1], null);
  line("R ets()", METHODS[1][1], null);
  line("R thetaf()", METHODS[2][1], null);
  if (!choose) return scored[0];
  const eligible = scored.filter((c) => c.b <= scored[0].b);
  const bestA = Math.min(...eligible.map((c) => c.a));
  const pick = eligible.find((c) => c.a <= bestA + 0.002) as (typeof scored)[number];
  console.log(
    `balanced A / B: ${scored.map((c) => `${c.name.split(" ")[0]} ${c.a.toFixed(4)} / ${c.b.toFixed(4)}`).join(", ")}`
  );
  console.log(
    `chosen (lowest balanced A among those no worse than ${scored[0].name.split(" ")[0]} on balanced B; earlier within 0.002): ${pick.name}`
  );
  const cov = shown.map(([n, rs]) => `${n} ${score(rs, pick.method).coverage.toFixed(1)}%`);
  console.log(`coverage of ${pick.name.split(" ")[0]}: ${cov.join(", ")}`);
  return pick;
}

/**
 * Round 10's protocol (docs/forecast.md): the season detection chosen by the balanced OWA on
 * pooled A of the eight seen sets among the candidates no worse than D0 on balanced B (an
 * earlier candidate within 0.002 preferred); fresh8 reported only with `--confirm8`.
 */
function round10(): void {
  balancedRound(
    "Round 10 protocol: season detection",
    eightSeenSets(),
    ROUND10.map((c) => ({ name: c.name, ...withDetection(c.detection) })),
    ["fr8", fresh8Rows]
  );
  console.log(`the engine's DETECTION is "${DETECTION}"`);
}

/** Round 11's pool: the nine sets scored before it, by name. */
function nineSeenSets(): [string, Row[]][] {
  return [...eightSeenSets(), ["fr8", fresh8Rows]];
}

/** What a round-11 candidate does with a detected season at a non-calendar lag. */
type CycleRule = "season" | "none" | "arima";
/** Round 11's candidates (docs/forecast.md), simplest first; P0 is the shipped rule. */
const ROUND11: readonly { name: string; detection: Detection; cycles: CycleRule }[] = [
  { name: "P0 D2, seasons (shipped)", detection: "either", cycles: "season" },
  { name: "P1 D3, seasons", detection: "eitherCalendar", cycles: "season" },
  { name: "P2 D2, cycles: no season", detection: "either", cycles: "none" },
  { name: "P3 D2, cycles: ARIMA", detection: "either", cycles: "arima" },
  { name: "P4 D3, cycles: no season", detection: "eitherCalendar", cycles: "none" },
  { name: "P5 D3, cycles: ARIMA", detection: "eitherCalendar", cycles: "arima" },
];
/** Round 7's L2 branch for a cycle: ARIMA alone, with the shipped interval. */
const ARIMA_CYCLE: Combination = { ...(COMBINATION.noSeason as Combination), members: ["arima"] };

/**
 * FORECAST_SALES under a round-11 candidate: a record whose detected season changes, or whose
 * non-calendar season the candidate fits as a cycle, is refitted as the engine would with that
 * `DETECTION` and `calendarOnly` (a cycle: the members fitted without a season, combined by the
 * cycle branch, or by the no-season branch that applies); the others keep the shipped forecast.
 */
function round11Candidate(
  detection: Detection,
  cycles: CycleRule,
  strength?: number
): PooledCandidate {
  const refits = new Map<Row, Forecast | null>();
  const refit = (r: Row): Forecast | null => {
    const { model, s } = r;
    if (model.line) return null;
    const y = s.train.slice(-model.n).map((v) => v / model.scale);
    const m = detectSeasonality(y, detection);
    const cycle = cycles !== "season" && isCycle(y, m, strength);
    if (m === model.detected && !cycle) return null;
    if (!cycle) {
      const again = fit(s.train, { horizon: s.h, seasonality: m === 1 ? 0 : m });
      return forecast(again as ForecastModel, s.h, 0.95);
    }
    const again = fit(s.train, { horizon: s.h, seasonality: 0, validate: true }) as ForecastModel;
    if (again.line) return forecast(again, s.h, 0.95);
    const branch = cycles === "arima" ? ARIMA_CYCLE : ruleForModel(COMBINATION, again);
    return combinePaths(memberPaths(again, s.h), branch, again.scale, 0.95, again.n);
  };
  const of = (r: Row): Forecast | null => {
    if (!refits.has(r)) refits.set(r, refit(r));
    return refits.get(r) ?? null;
  };
  const shipped = fromRule(ROUND8_RULE);
  return {
    name: "",
    method: (r) => of(r) ?? shipped(r),
    changed: (r) => of(r) !== null,
  };
}

/**
 * Round 11's protocol (docs/forecast.md): what a season at a non-calendar lag is, chosen by
 * {@link balancedRound} on the nine seen sets; fresh9 reported only with `--confirm9`.
 */
function round11(): void {
  const pick = balancedRound(
    "Round 11 protocol: a season at a non-calendar lag",
    nineSeenSets(),
    ROUND11.map((c) => ({ ...round11Candidate(c.detection, c.cycles), name: c.name })),
    ["fr9", fresh9Rows]
  );
  console.log(`round 11's protocol chose ${pick.name}`);
}

/**
 * Round 12 (docs/forecast.md): P0 against P2 and the amended challenger P2s (a non-calendar
 * season stronger than `COMBINATION.seasonStrength` stays a season) on the pool; fresh9, with
 * `--confirm9`, decides between P0 and P2s. Also checks that P2s is what the engine ships.
 */
function round12(): void {
  const strength = COMBINATION.seasonStrength ?? 0.64;
  const p2s = {
    ...round11Candidate("either", "none", strength),
    name: "P2s P2, a strong season stays",
  };
  balancedRound(
    "Round 12: fresh9 decides between P0 and P2s",
    nineSeenSets(),
    [
      { ...round11Candidate("either", "season"), name: ROUND11[0].name },
      { ...round11Candidate("either", "none"), name: ROUND11[2].name },
      p2s,
    ],
    ["fr9", fresh9Rows],
    false
  );
  if (fresh9Rows.length) {
    // Round 12's decision (docs/forecast.md): P2s ships if its fresh9 OWA is below P0's.
    const p0 = round11Candidate("either", "season");
    const a = score(fresh9Rows, p0.method).owa;
    const b = score(fresh9Rows, p2s.method).owa;
    console.log(
      `fresh9: P0 ${a.toFixed(5)}, P2s ${b.toFixed(5)} (${fresh9Rows.filter(p2s.changed).length} of ${fresh9Rows.length} records refitted): ${b < a ? "P2s ships" : "P0 is restored"}`
    );
  }
  const sets: [string, Row[]][] = [...nineSeenSets(), ["fr9", fresh9Rows]];
  const cover = sets
    .filter(([, rs]) => rs.length)
    .map(([n, rs]) => {
      const sc = score(rs, shippedMethod);
      return `${n} ${sc.coverage.toFixed(1)}% / ${sc.msis.toFixed(2)}`;
    });
  console.log(`shipped interval, coverage / MSIS: ${cover.join(", ")}`);
  const every = sets.flatMap(([, set]) => set);
  const p2sEngine = round13Candidate(ROUND12_RULE);
  const differs = every.filter((r) => {
    const a = p2s.method(r).mean;
    const b = p2sEngine.method(r).mean;
    return !sameForecast(a, b);
  });
  console.log(
    `the engine ships DETECTION "${DETECTION}", calendarOnly ${COMBINATION.calendarOnly ?? false}, seasonStrength ${COMBINATION.seasonStrength}; records where P2s and the engine with round 12's rule differ: ${differs.length} of ${every.length}`
  );
}

/** Round 13's pool: the ten sets scored before it, by name. */
function tenSeenSets(): [string, Row[]][] {
  return [...nineSeenSets(), ["fr9", fresh9Rows]];
}

/** Whether the shipped engine fits a row's detected season as a cycle (round 13's records). */
const isCycleRow = (r: Row): boolean =>
  !r.model.line && r.model.detected > 1 && seasonUsed(r) === 1;

/** Round 12's rule (P2s): a weak non-calendar season is a cycle, combined as no season. */
const ROUND12_RULE: Combination = { ...COMBINATION, cycleHoldOut: false, cycleArima: false };
/** Round 13's candidates (docs/forecast.md), simplest first; R0 was the shipped rule then. */
const ROUND13: readonly { name: string; rule: Combination }[] = [
  { name: "R0 shipped (P2s)", rule: ROUND12_RULE },
  { name: "R1 a cycle's hold-out covers it", rule: { ...ROUND12_RULE, cycleHoldOut: true } },
  { name: "R2 a cycle ARIMA carries: ARIMA alone", rule: { ...ROUND12_RULE, cycleArima: true } },
  {
    name: "R3 R1 and R2",
    rule: { ...ROUND12_RULE, cycleHoldOut: true, cycleArima: true },
  },
];

/**
 * The engine's own forecast of a row under a rule (`fit(history, { rule })`, combined by the
 * rule's branch), with a 95% interval; each row refitted once.
 *
 * @param rule the combination to fit and combine with
 * @returns the method
 */
function refitWith(rule: Combination): Method {
  const refits = new Map<Row, Forecast>();
  return (r) => {
    if (!refits.has(r)) {
      const again = fit(r.s.train, { horizon: r.s.h, rule }) as ForecastModel;
      refits.set(
        r,
        again.line
          ? forecast(again, r.s.h, 0.95)
          : combinePaths(
              memberPaths(again, r.s.h),
              ruleForModel(rule, again),
              again.scale,
              0.95,
              again.n
            )
      );
    }
    return refits.get(r) as Forecast;
  };
}

/**
 * A candidate that refits the rows `changes` selects with the engine under `rule` and keeps the
 * shipped forecast elsewhere.
 *
 * @param rule the candidate's combination
 * @param changes the rows it can change
 * @returns the candidate (unnamed)
 */
function refitCandidate(rule: Combination, changes: (r: Row) => boolean): PooledCandidate {
  const of = refitWith(rule);
  return { name: "", method: (r) => (changes(r) ? of(r) : shippedMethod(r)), changed: changes };
}

/**
 * FORECAST_SALES under a round-13 rule: a cycle record is refitted by the engine with that rule
 * (`fit(history, { rule })`); the others keep the shipped forecast.
 */
function round13Candidate(rule: Combination): PooledCandidate {
  return refitCandidate(rule, isCycleRow);
}

/**
 * Round 13's protocol (docs/forecast.md): chosen on the cycle records pooled over the ten seen
 * sets (no worse than R0 on half B's, the lowest on half A's, an earlier one within 0.005
 * preferred); every set reported by {@link balancedRound}; fresh10 only with `--confirm10`.
 */
function round13(): void {
  const candidates = ROUND13.map((c) => ({ ...round13Candidate(c.rule), name: c.name }));
  balancedRound(
    "Round 13 protocol: what a detected cycle is forecast with",
    tenSeenSets(),
    candidates,
    [lateSet.replace("esh", ""), fresh10Rows],
    false
  );
  const pool = tenSeenSets().flatMap(([, set]) => set);
  const cyc = (half: "A" | "B" | "all", rs: readonly Row[]): Row[] =>
    rs.filter((r) => isCycleRow(r) && (half === "all" || r.poolHalf === half));
  const late = fresh10Rows.length ? cyc("all", fresh10Rows) : [];
  console.log(
    `\nRound 13 choice on the cycle records (OWA; pooled A ${cyc("A", pool).length}, B ${cyc("B", pool).length}${late.length ? `; ${lateSet} ${late.length} of ${fresh10Rows.length}` : ""})`
  );
  const scored = candidates.map((c) => {
    const a = score(cyc("A", pool), c.method).owa;
    const b = score(cyc("B", pool), c.method).owa;
    const both = score(cyc("all", pool), c.method).owa;
    const f10 = late.length
      ? ` ${lateSet} cycles ${score(late, c.method).owa.toFixed(4)}, ${lateSet} ${score(fresh10Rows, c.method).owa.toFixed(5)}`
      : "";
    console.log(
      `${c.name.padEnd(46)} A ${a.toFixed(4)}  B ${b.toFixed(4)}  all ${both.toFixed(4)}${f10}`
    );
    return { ...c, a, b };
  });
  for (const [name, m] of [
    ["R auto.arima()", METHODS[3][1]],
    ["R ets()", METHODS[1][1]],
  ] as const)
    console.log(
      `${name.padEnd(46)} A ${score(cyc("A", pool), m).owa.toFixed(4)}  B ${score(cyc("B", pool), m).owa.toFixed(4)}  all ${score(cyc("all", pool), m).owa.toFixed(4)}${late.length ? ` ${lateSet} cycles ${score(late, m).owa.toFixed(4)}, ${lateSet} ${score(fresh10Rows, m).owa.toFixed(5)}` : ""}`
    );
  const eligible = scored.filter((c) => c.b <= scored[0].b);
  const bestA = Math.min(...eligible.map((c) => c.a));
  const pick = eligible.find((c) => c.a <= bestA + 0.005) as (typeof scored)[number];
  console.log(
    `chosen (lowest on pooled A's cycle records among those no worse than R0 on B's; earlier within 0.005): ${pick.name}`
  );
  // The candidate with the shipped cycle settings must be what the engine ships.
  const k = ROUND13.findIndex(
    (c) =>
      (c.rule.cycleHoldOut ?? false) === (COMBINATION.cycleHoldOut ?? false) &&
      (c.rule.cycleArima ?? false) === (COMBINATION.cycleArima ?? false)
  );
  const same = [...pool, ...fresh10Rows].every((r) => {
    const a = candidates[k].method(r).mean;
    const b = shippedMethod(r).mean;
    return sameForecast(a, b);
  });
  console.log(
    `the engine ships cycleHoldOut ${COMBINATION.cycleHoldOut ?? false}, cycleArima ${COMBINATION.cycleArima ?? false} = ${ROUND13[k].name.split(" ")[0]}; its forecasts equal the shipped engine's on every record: ${same}`
  );
  if (fresh10Rows.length) {
    // Round 14's decision (docs/forecast.md): R2 ships if its fresh10 OWA is below R0's.
    const a = score(fresh10Rows, candidates[0].method).owa;
    const b = score(fresh10Rows, candidates[2].method).owa;
    const changed = fresh10Rows.filter((r) => {
      const x = candidates[0].method(r).mean;
      const y = candidates[2].method(r).mean;
      return x.some((v, i) => v !== y[i]);
    }).length;
    console.log(
      confirm11 || confirm12
        ? `${lateSet}: R0 ${a.toFixed(5)}, R2 ${b.toFixed(5)} (${changed} of ${fresh10Rows.length} records changed): ${changed >= 10 && b < a ? "R2 ships" : "R0 stays"}`
        : `fresh10: R0 ${a.toFixed(5)}, R2 ${b.toFixed(5)} (${changed} of ${fresh10Rows.length} records changed): ${changed > 0 && b < a ? "R2 ships" : "R0 is restored"}`
    );
  }
}

/** Round 17's pool: the thirteen sets scored before it, by name. */
function thirteenSeenSets(): [string, Row[]][] {
  return [...tenSeenSets(), ["fr10", seen10Rows], ["fr11", seen11Rows], ["fr12", seen12Rows]];
}

const shippedFits = new Map<Row, ForecastModel>();
/** The shipped engine's model of a row: its own fit for a cycle, else the rows' shared fit. */
function shippedModel(r: Row): ForecastModel {
  if (!isCycleRow(r)) return r.model;
  if (!shippedFits.has(r)) shippedFits.set(r, fit(r.s.train, { horizon: r.s.h }) as ForecastModel);
  return shippedFits.get(r) as ForecastModel;
}

/** Round 17's candidates (docs/forecast.md), simplest first; S0 is the shipped rule. */
const ROUND17: readonly { name: string; stationary?: "arima" | "arma" }[] = [
  { name: "S0 shipped (P2s)" },
  { name: "S1 no season, stationary ARIMA: alone", stationary: "arima" },
  { name: "S2 S1 for an ARMA part only (p + q ≥ 1)", stationary: "arma" },
];

/**
 * FORECAST_SALES under a round-17 rule: a record the rule changes (no season in use, the shipped
 * model's ARIMA stationary as the rule asks) is refitted by the engine with that rule; the others
 * keep the shipped forecast.
 */
function round17Candidate(stationary: "arima" | "arma" | undefined): PooledCandidate {
  if (stationary === undefined) return { name: "", method: shippedMethod, changed: () => false };
  return refitCandidate(
    { ...COMBINATION, stationary },
    (r) => !r.model.line && seasonUsed(r) === 1 && revertsToMean(shippedModel(r).arima, stationary)
  );
}

/**
 * Round 17's protocol (docs/forecast.md): chosen by the balanced OWA of the thirteen seen sets
 * ({@link balancedRound}: no worse than S0 on balanced B, the lowest on A, an earlier one within
 * 0.002 preferred); fresh13 only with `--confirm13`, decided once by the rule written beforehand.
 */
function round17(): void {
  const candidates = ROUND17.map((c) => ({ ...round17Candidate(c.stationary), name: c.name }));
  const pick = balancedRound(
    "Round 17 protocol: a stationary ARIMA without a season",
    thirteenSeenSets(),
    candidates,
    ["fr13", fresh13Rows]
  );
  const k = ROUND17.findIndex((c) => c.stationary === COMBINATION.stationary);
  const every = [...thirteenSeenSets().flatMap(([, set]) => set), ...fresh13Rows];
  const same = every.every((r) => {
    const a = candidates[k].method(r).mean;
    const b = shippedMethod(r).mean;
    return sameForecast(a, b);
  });
  console.log(
    `the engine ships stationary ${COMBINATION.stationary ?? "none"} = ${ROUND17[k].name.split(" ")[0]}; its forecasts equal the shipped engine's on every record: ${same}`
  );
  if (!fresh13Rows.length) return;
  // Round 17's decision (docs/forecast.md), written before fresh13 existed.
  const chosen = candidates.findIndex((c) => c.name === pick.name);
  const a = score(fresh13Rows, candidates[0].method).owa;
  const lines = candidates.map((c, i) => {
    const n = fresh13Rows.filter(c.changed).length;
    return `${ROUND17[i].name.split(" ")[0]} ${score(fresh13Rows, c.method).owa.toFixed(5)} (${n} changed)`;
  });
  const b = score(fresh13Rows, candidates[chosen].method).owa;
  const n = fresh13Rows.filter(candidates[chosen].changed).length;
  console.log(
    `fresh13: ${lines.join(", ")}: ${chosen === 0 ? "S0 chosen on the pool; fresh13 is a report" : n >= 10 && b < a ? `${ROUND17[chosen].name.split(" ")[0]} ships` : "S0 stays"}`
  );
}

/** Round 18's pool: the fourteen sets scored before it, by name. */
function fourteenSeenSets(): [string, Row[]][] {
  return [...thirteenSeenSets(), ["fr13", fresh13Rows]];
}

/** Whether two rules have the same voices in every branch (with a season, without, twice). */
const sameVoices = (a: Combination, b: Combination): boolean =>
  JSON.stringify([a.members, a.noSeason?.members, a.twice?.members]) ===
  JSON.stringify([b.members, b.noSeason?.members, b.twice?.members]);

/** The shipped rule with the given voices with a season, without one, and for a twice-differenced trend. */
function withVoices(season: MemberName[], none: MemberName[], twice: MemberName[]): Combination {
  return {
    ...COMBINATION,
    members: season,
    noSeason: { ...(COMBINATION.noSeason as Combination), members: none },
    twice: { ...(COMBINATION.twice as Combination), members: twice },
  };
}

/** Round 18's candidates (docs/forecast.md), simplest first; C0 was the shipped rule then. */
const ROUND18: readonly { name: string; rule: Combination }[] = [
  {
    name: "C0 round 12's P2s",
    rule: withVoices(["ets", "arima", "ces"], ["arima", "damped", "ets"], ["arima", "ets"]),
  },
  {
    name: "C1 no season: ARIMA, damped, ETS, CES",
    rule: withVoices(["ets", "arima", "ces"], ["arima", "damped", "ets", "ces"], ["arima", "ets"]),
  },
  {
    name: "C2 C1, twice: ARIMA, ETS, CES",
    rule: withVoices(
      ["ets", "arima", "ces"],
      ["arima", "damped", "ets", "ces"],
      ["arima", "ets", "ces"]
    ),
  },
];

/** Round 19's candidates (docs/forecast.md), simplest first; D0 is round 18's C1. */
const ROUND19: readonly { name: string; rule: Combination }[] = [
  { name: "D0 round 18's C1", rule: ROUND18[1].rule },
  {
    name: "D1 season: ETS, damped, ARIMA, CES",
    rule: { ...ROUND18[1].rule, members: ["ets", "damped", "arima", "ces"] },
  },
  {
    name: "D2 season: damped, ARIMA, CES",
    rule: { ...ROUND18[1].rule, members: ["damped", "arima", "ces"] },
  },
];

/**
 * FORECAST_SALES under a rule that changes the voices of some records (`changes`): those are
 * refitted by the engine with that rule (every voice it names fitted and validated); the others
 * keep the shipped forecast. The shipped rule itself is the shipped forecast unless `refit`.
 */
function voicesCandidate(
  rule: Combination,
  changes: (r: Row) => boolean,
  refit = false
): PooledCandidate {
  if (!refit && sameVoices(rule, COMBINATION))
    return { name: "", method: shippedMethod, changed: () => false };
  return refitCandidate(rule, (r) => !r.model.line && changes(r));
}

/**
 * Rounds 18 and 19's protocol (docs/forecast.md): the balanced OWA of the fourteen seen sets (no
 * worse than the first candidate on balanced B, the lowest on A, an earlier one within 0.002
 * preferred), within the speed budget; the chosen rule ships only if also below the first on
 * balanced B. The engine's own fit of the shipped rule is checked against the benchmark's.
 *
 * @param round the round's number
 * @param title the table's title
 * @param list the candidates, the baseline first
 * @param changes the records whose voices the candidates change
 */
function voicesRound(
  round: number,
  title: string,
  list: readonly { name: string; rule: Combination }[],
  changes: (r: Row) => boolean
): void {
  const timed = list.map((c) => ({ ...c, speed: ruleSpeed(c.rule) }));
  for (const c of timed)
    console.log(
      `${c.name.padEnd(46)} CPU ms per 120-point monthly series: median ${c.speed.median.toFixed(1)}, p95 ${c.speed.p95.toFixed(1)}`
    );
  // The baseline always qualifies (a loaded machine must not drop the rule compared against).
  const fast = timed.filter((c, i) => i === 0 || (c.speed.median <= 30 && c.speed.p95 <= 150));
  const candidates = fast.map((c) => ({ ...voicesCandidate(c.rule, changes), name: c.name }));
  const seen = fourteenSeenSets();
  const pick = balancedRound(title, seen, candidates, ["", []]);
  const bal = (m: Method): number =>
    mean(
      seen.map(
        ([, set]) =>
          score(
            set.filter((r) => r.poolHalf === "B"),
            m
          ).owa
      )
    );
  const b0 = bal(candidates[0].method);
  const b = bal(pick.method);
  const first = list[0].name.split(" ")[0];
  const ships = pick.name !== list[0].name && b < b0;
  console.log(
    `round ${round}: ${pick.name.split(" ")[0]} chosen; balanced B ${b.toFixed(4)} vs ${first} ${b0.toFixed(4)}: ${ships ? `${pick.name.split(" ")[0]} ships` : `${first} stays`}`
  );
  const k = list.findIndex((c) => sameVoices(c.rule, COMBINATION));
  // The shipped rule refitted by the engine, record by record, against the benchmark's own
  // combination of the rows' shared fits.
  const engine = voicesCandidate(COMBINATION, changes, true).method;
  const differ = seen
    .flatMap(([, set]) => set)
    .filter((r) => {
      const x = engine(r).mean;
      const y = shippedMethod(r).mean;
      return !sameForecast(x, y);
    }).length;
  console.log(
    `the engine ships ${k >= 0 ? list[k].name.split(" ")[0] : "none of these"} (COMBINATION's voices); records where the engine's own fit and the benchmark's differ: ${differ}`
  );
}

/**
 * `--by-length`: the shipped rule's 95% coverage and MSIS by the number of values fitted on
 * (short histories are where a single widening factor under-covers; docs/forecast.md).
 */
function byLength(): void {
  const bands: [string, (n: number) => boolean][] = [
    ["< 20", (n) => n < 20],
    ["20–39", (n) => n >= 20 && n < 40],
    ["40–79", (n) => n >= 40 && n < 80],
    ["≥ 80", (n) => n >= 80],
  ];
  const sets: [string, readonly Row[]][] = [
    ["pool", [...rows, ...freshRows, ...fresh2Rows, ...fresh3Rows]],
    ["fr4", fresh4Rows],
    ["fr5", fresh5Rows],
  ];
  console.log("\nCoverage / MSIS of FORECAST_SALES by values fitted on (records)");
  console.log(`${"set".padEnd(6)}${bands.map(([b]) => b.padStart(24)).join("")}`);
  for (const [name, set] of sets) {
    if (!set.length) continue;
    const cells = bands.map(([, inBand]) => {
      const subset = set.filter((r) => inBand(r.s.train.length));
      if (!subset.length) return "-".padStart(24);
      const sc = score(subset, METHODS[0][1]);
      return `${sc.coverage.toFixed(1)}% / ${sc.msis.toFixed(2)} (${subset.length})`.padStart(24);
    });
    console.log(`${name.padEnd(6)}${cells.join("")}`);
  }
}

/**
 * `--told`: FORECAST_SALES given the season length R is told (the data's frequency as
 * `seasonality`: 12, 4 or 52, and 0 for yearly data), beside the shipped call that detects it and
 * R's functions. With a season given, each member still chooses whether to use it (ETS and CES by
 * AICc, ARIMA's seasonal difference by the seasonal strength), as R's do with a frequency. A
 * report of what the frequency is worth, not #16's protocol (FORECAST_SALES is not told there).
 */
function told(): void {
  const toldRows = new Map<Row, Forecast>();
  const toldMethod: Method = (r) => {
    let f = toldRows.get(r);
    if (!f) {
      const m = fit(r.s.train, {
        horizon: r.s.h,
        seasonality: r.s.frequency === 1 ? 0 : r.s.frequency,
      }) as ForecastModel;
      f = forecast(m, r.s.h, 0.95);
      toldRows.set(r, f);
    }
    return f;
  };
  const sets: [string, readonly Row[]][] = [
    ["112", rows],
    ["112 A", rows.filter((r) => r.half === "A")],
    ["112 B", rows.filter((r) => r.half === "B")],
    ...FREQUENCIES.map(([f, name]): [string, Row[]] => [
      `112 ${name}`,
      rows.filter((r) => r.s.frequency === f),
    ]),
    ["AER", freshRows],
    ["fr2", fresh2Rows],
    ["fr3", fresh3Rows],
    ["fr4", fresh4Rows],
    ["fr5", fresh5Rows],
    ["fr6", fresh6Rows],
    ["fr7", fresh7Rows],
    ["fr7 mon", fresh7Rows.filter(byFrequency(12))],
    ["fr7 wk", fresh7Rows.filter(byFrequency(52))],
  ];
  const shown = sets.filter(([, rs]) => rs.length > 0);
  console.log("\nTold the frequency (OWA; coverage of the 95% interval)");
  console.log(`${"method".padEnd(30)}${shown.map(([n]) => n.padStart(16)).join("")}`);
  const methods: [string, Method][] = [
    ["FORECAST_SALES (detects)", METHODS[0][1]],
    ["FORECAST_SALES told", toldMethod],
    ["R auto.arima()", METHODS[3][1]],
    ["R ets()", METHODS[1][1]],
  ];
  for (const [name, m] of methods) {
    const cells = shown.map(([, rs]) => {
      const sc = score(rs, m);
      return `${sc.owa.toFixed(3)} ${sc.coverage.toFixed(1)}%`.padStart(16);
    });
    console.log(`${name.padEnd(30)}${cells.join("")}`);
  }
}

/**
 * `--gaps`: each record's share of the all-112 OWA, FORECAST_SALES minus R auto.arima (OWA is a
 * ratio of means, so a record's share is its sMAPE and MASE over N times Naive2's mean ones).
 */
/** The season length the shipped engine fits for a row (1 for a cycle: `isCycle`). */
function seasonUsed(r: Row): number {
  const { model } = r;
  if (model.line || !COMBINATION.calendarOnly) return model.seasonality;
  const y = r.s.train.slice(-model.n).map((v) => v / model.scale);
  return isCycle(y, model.detected, COMBINATION.seasonStrength) ? 1 : model.seasonality;
}

function gaps(): void {
  const sm = (m: Method, r: Row): [number, number] => {
    const f = m(r).mean;
    return [smape(r.s.test, f), mase(r.s.train, r.s.test, f, r.s.frequency)];
  };
  const n2 = rows.map((r) => sm(() => ({ mean: naive2(r.s.train, r.s.frequency, r.s.h) }), r));
  const n2s = mean(n2.map((x) => x[0])) * rows.length;
  const n2m = mean(n2.map((x) => x[1])) * rows.length;
  const share = (m: Method, r: Row): number => {
    const [a, b] = sm(m, r);
    return 0.5 * (a / n2s + b / n2m);
  };
  const out = rows.map((r) => ({
    r,
    ours: share(METHODS[0][1], r),
    R: share(METHODS[3][1], r),
    arima: share(METHODS[7][1], r),
  }));
  const total = out.reduce((a, o) => a + o.ours - o.R, 0);
  console.log(
    `\nGaps: share of the all-112 OWA, FORECAST_SALES − R auto.arima (total ${total.toFixed(4)})`
  );
  console.log(
    `${"series".padEnd(28)}${"half".padStart(5)}${"freq".padStart(5)}${"m".padStart(4)}${"used".padStart(5)}${"ours−R".padStart(9)}${"ARIMA−R".padStart(9)}`
  );
  out
    .sort((a, b) => Math.abs(b.ours - b.R) - Math.abs(a.ours - a.R))
    .slice(0, 15)
    .forEach((o) =>
      console.log(
        `${`${o.r.s.name} (${o.r.s.origin})`.padEnd(28)}${o.r.half.padStart(5)}${String(o.r.s.frequency).padStart(5)}${String(o.r.model.detected).padStart(4)}${String(seasonUsed(o.r)).padStart(5)}${fmt(o.ours - o.R, 4, 9)}${fmt(o.arima - o.R, 4, 9)}`
      )
    );
}

/** A rule with the given interval settings on both its branches. */
function withInterval(rule: Combination, widen: number, spread: boolean): Combination {
  // `origins` and `calendarOnly` live on the top-level rule and are kept.
  return {
    ...rule,
    widen,
    spread,
    noSeason: rule.noSeason ? { ...rule.noSeason, widen, spread } : undefined,
    cycle: rule.cycle ? { ...rule.cycle, widen, spread } : undefined,
    twice: rule.twice ? { ...rule.twice, widen, spread } : undefined,
  };
}

/** A rule with the interval's length term c (`lengthScale`) in every branch. */
function withLength(rule: Combination, c: number): Combination {
  const branch = (b: Combination | undefined): Combination | undefined =>
    b ? { ...b, lengthScale: c } : undefined;
  return {
    ...rule,
    lengthScale: c,
    noSeason: branch(rule.noSeason),
    cycle: branch(rule.cycle),
    twice: branch(rule.twice),
  };
}

/** Round 7's interval candidates: widen · √(1 + c/n) (docs/forecast.md). */
const LENGTH_GRID = [0, 5, 10, 15, 20, 30, 40];

/**
 * Round 7's interval protocol: the c keeping the 112 within 93–97% whose pooled A coverage on
 * histories under 40 values is closest to 95% (ties to the smaller); accepted only if pooled B's
 * short-history coverage moves toward 95% and its MSIS is no worse than at c = 0.
 */
function lengthRound(): void {
  const pool = [...rows, ...freshRows, ...fresh2Rows, ...fresh3Rows];
  const short = (r: Row): boolean => r.s.train.length < 40;
  const sets: [string, readonly Row[]][] = [
    ["A < 40", pool.filter((r) => r.poolHalf === "A" && short(r))],
    ["B < 40", pool.filter((r) => r.poolHalf === "B" && short(r))],
    ["pool B", pool.filter((r) => r.poolHalf === "B")],
    ["112", rows],
    ["pool <20", pool.filter((r) => r.s.train.length < 20)],
    ["pool 20–39", pool.filter((r) => r.s.train.length >= 20 && short(r))],
    ["pool ≥ 40", pool.filter((r) => !short(r))],
    ["fr4", fresh4Rows],
    ["fr4 < 40", fresh4Rows.filter(short)],
    ["fr5", fresh5Rows],
    ["fr5 < 40", fresh5Rows.filter(short)],
  ];
  const shown = sets.filter(([, rs]) => rs.length);
  console.log("\nRound 7 interval protocol: widen 1.5 · √(1 + c/n); coverage % / MSIS (records)");
  console.log(
    `${"c".padEnd(4)}${shown.map(([n, rs]) => `${n} (${rs.length})`.padStart(20)).join("")}`
  );
  const results = LENGTH_GRID.map((c) => {
    const rule = withLength(withInterval(COMBINATION, COMBINATION.widen, false), c);
    const sc = shown.map(([, rs]) => score(rs, fromRule(rule)));
    console.log(
      `${String(c).padEnd(4)}${sc.map((x) => `${x.coverage.toFixed(1)} / ${x.msis.toFixed(2)}`.padStart(20)).join("")}`
    );
    return { c, sc };
  });
  const at = (name: string): number => shown.findIndex(([n]) => n === name);
  const inBand = results.filter(
    (r) => r.sc[at("112")].coverage >= 93 && r.sc[at("112")].coverage <= 97
  );
  const gap = (r: (typeof results)[number]): number => Math.abs(r.sc[at("A < 40")].coverage - 95);
  const best = inBand.reduce((a, b) => (gap(b) < gap(a) ? b : a), inBand[0] ?? results[0]);
  const base = results[0];
  const towards =
    Math.abs(best.sc[at("B < 40")].coverage - 95) < Math.abs(base.sc[at("B < 40")].coverage - 95);
  const msisOk = best.sc[at("pool B")].msis <= base.sc[at("pool B")].msis;
  const accepted = best.c === 0 || (towards && msisOk);
  console.log(
    `chosen c = ${best.c} on pooled A; pooled B short-history coverage toward 95%: ${towards}; pooled B MSIS no worse: ${msisOk} → ${accepted ? `c = ${best.c}` : "c = 0 stays"}; shipped lengthScale ${COMBINATION.lengthScale ?? 0}`
  );
}

function speed(): void {
  // Every monthly series cut to its last 120 points: the size of ten years of monthly sales.
  const monthly = data.series.filter((s) => s.frequency === 12 && s.origin === 0);
  const perSeries: number[] = [];
  const unvalidated: number[] = [];
  for (const s of monthly) {
    const y = s.train.slice(-120);
    if (y.length < 120) continue;
    const once = (): void => void forecast(fit(y, { horizon: 12 }) as ForecastModel, 12, 0.95);
    once(); // warm-up (JIT)
    // cpuUsage has a coarse clock on some systems: time 3 runs together, 3 times.
    const runs = [0, 1, 2].map(() => {
      const t0 = cpuMs();
      for (let k = 0; k < 3; k++) once();
      return (cpuMs() - t0) / 3;
    });
    perSeries.push(median(runs));
    // The same without the hold-out refits: what validation costs, measured in the same run.
    const plain = (): void =>
      void forecast(fit(y, { horizon: 12, validate: false }) as ForecastModel, 12, 0.95);
    plain();
    const t0 = cpuMs();
    for (let k = 0; k < 3; k++) plain();
    unvalidated.push((cpuMs() - t0) / 3);
  }
  const rEts = monthly.map((s) => s.r_ets_ms);
  const rArima = monthly.map((s) => (refOf.get(key(s)) as Reference).arima_ms);
  console.log(
    `\nSpeed (CPU ms per 120-point monthly series, fit with season detection and model choice + 12-step forecast with interval; ${perSeries.length} series):` +
      `\n  FORECAST_SALES median ${median(perSeries).toFixed(1)}, p95 ${quantile(perSeries, 0.95).toFixed(1)}, max ${Math.max(...perSeries).toFixed(1)}` +
      `\n  without the validation refits: median ${median(unvalidated).toFixed(1)}, p95 ${quantile(unvalidated, 0.95).toFixed(1)}` +
      `\n  R ets() median ${median(rEts).toFixed(0)}, R auto.arima() median ${median(rArima).toFixed(0)} (full-length monthly series, from export.R / export_reference.R)`
  );
  const all = data.series.map((s) => {
    const t0 = cpuMs();
    forecast(fit(s.train, { horizon: s.h }) as ForecastModel, s.h, 0.95);
    return cpuMs() - t0;
  });
  console.log(
    `  all ${all.length} benchmark histories: median ${median(all).toFixed(1)}, max ${Math.max(...all).toFixed(1)}`
  );
  // Long inputs: a seasonal random walk with noise.
  let state = 1;
  const rand = (): number => (state = (state * 48271) % 2147483647) / 2147483647 - 0.5;
  const long = (n: number): number[] => {
    let level = 100;
    return Array.from(
      { length: n },
      (_, t) => (level += rand()) + 5 * Math.sin((2 * Math.PI * t) / 12) + rand()
    );
  };
  for (const n of [1000, 20000, 200000]) {
    const y = long(n);
    const t0 = cpuMs();
    forecast(fit(y, { horizon: 12 }) as ForecastModel, 12, 0.95);
    console.log(`  ${n} values: ${(cpuMs() - t0).toFixed(0)} ms`);
  }
}

console.log(`Reference: ${data.r}, forecast ${data.forecast}`);
const FREQUENCIES = [
  [12, "monthly"],
  [4, "quarterly"],
  [1, "yearly"],
] as const;
if (!speedOnly) table("all", rows);
if (!speedOnly)
  for (const [f, name] of FREQUENCIES)
    table(
      name,
      rows.filter((r) => r.s.frequency === f)
    );
table(
  "half A (even-indexed series)",
  rows.filter((r) => r.half === "A")
);
table(
  "half B (odd-indexed series)",
  rows.filter((r) => r.half === "B")
);
if (!speedOnly)
  for (const set of ["main", "unseen"])
    for (const origin of [0, 1])
      table(
        `${set} set, ${origin ? "second origin" : "last h held out"}`,
        rows.filter((r) => r.s.set === set && r.s.origin === origin)
      );
/**
 * A confirmation set's tables: all records, each frequency, the others (weekly) and each origin.
 *
 * @param name the set's name in capitals ("FRESH6")
 * @param note what the set is in this run
 * @param set its rows (nothing printed when empty)
 * @param otherTitle the title for records of other frequencies
 */
function setTables(name: string, note: string, set: readonly Row[], otherTitle: string): void {
  if (!set.length) return;
  table(`${name} set (${note}): all`, set);
  for (const [f, label] of FREQUENCIES) {
    const subset = set.filter((r) => r.s.frequency === f);
    if (subset.length) table(`${name} set: ${label}`, subset);
  }
  const other = set.filter((r) => ![12, 4, 1].includes(r.s.frequency));
  if (other.length) table(`${name} set: ${otherTitle}`, other);
  for (const origin of [0, 1])
    table(
      `${name} set: ${origin ? "second origin" : "last h held out"}`,
      set.filter((r) => r.s.origin === origin)
    );
}

const gapsOnly = process.argv.includes("--gaps");
if (gapsOnly && !speedOnly) gaps();
const toldOnly = process.argv.includes("--told");
if (toldOnly && !speedOnly) told();
if (round8Only && !speedOnly) {
  round8();
  if (process.argv.includes("--interval")) intervalRound8();
  setTables("FRESH6", "confirmation only, scored once", fresh6Rows, "other frequencies");
}
if (round10Only && !speedOnly) {
  round10();
  setTables("FRESH8", "round 10's confirmation, scored once", fresh8Rows, "other frequencies");
}
if (round11Only && !speedOnly) {
  round11();
  round12();
  setTables("FRESH9", "round 11's confirmation, scored once", fresh9Rows, "other frequencies");
}
if (round13Only && !speedOnly) {
  round13();
  setTables(
    lateSet.toUpperCase(),
    confirm12
      ? "round 16's confirmation, scored once"
      : confirm11
        ? "round 15's confirmation, scored once"
        : "round 13's confirmation, scored once",
    fresh10Rows,
    "other frequencies"
  );
}
if (round17Only && !speedOnly) {
  round17();
  setTables("FRESH13", "round 17's confirmation, scored once", fresh13Rows, "other frequencies");
}
if (round18Only && !speedOnly)
  voicesRound(
    18,
    "Round 18 protocol: CES as a voice without a season",
    ROUND18,
    (r) => seasonUsed(r) === 1
  );
if (round19Only && !speedOnly)
  voicesRound(
    19,
    "Round 19 protocol: the damped ETS with a season",
    ROUND19,
    (r) => seasonUsed(r) > 1
  );
if (round9Only && !speedOnly) {
  intervalRound9();
  confirmRound9();
  setTables("FRESH7", "round 9's confirmation, scored once", fresh7Rows, "other frequencies");
}
if (process.argv.includes("--by-length") && !speedOnly) byLength();
if (!speedOnly && !gapsOnly && !round8Only && !lean && !toldOnly) {
  protocol();
  round3();
  round4();
  table("FRESH set (AER, confirmation only): all", freshRows);
  for (const [f, name] of FREQUENCIES)
    table(
      `FRESH set: ${name}`,
      freshRows.filter((r) => r.s.frequency === f)
    );
  for (const origin of [0, 1])
    table(
      `FRESH set: ${origin ? "second origin" : "last h held out"}`,
      freshRows.filter((r) => r.s.origin === origin)
    );
  if (fresh2Rows.length) {
    table("FRESH2 set (confirmation only): all", fresh2Rows);
    for (const [f, name] of FREQUENCIES)
      table(
        `FRESH2 set: ${name}`,
        fresh2Rows.filter((r) => r.s.frequency === f)
      );
  }
  round5();
  if (fresh3Rows.length) {
    table(
      "FRESH3 set (round 5's confirmation, scored once then; round 6 pools it): all",
      fresh3Rows
    );
    for (const [f, name] of FREQUENCIES)
      table(
        `FRESH3 set: ${name}`,
        fresh3Rows.filter((r) => r.s.frequency === f)
      );
    for (const origin of [0, 1])
      table(
        `FRESH3 set: ${origin ? "second origin" : "last h held out"}`,
        fresh3Rows.filter((r) => r.s.origin === origin)
      );
  }
  round6();
  if (fresh4Rows.length) {
    table("FRESH4 set (confirmation only, scored once): all", fresh4Rows);
    for (const [f, name] of FREQUENCIES) {
      const subset = fresh4Rows.filter((r) => r.s.frequency === f);
      if (subset.length && subset.length < fresh4Rows.length) table(`FRESH4 set: ${name}`, subset);
    }
    for (const origin of [0, 1])
      table(
        `FRESH4 set: ${origin ? "second origin" : "last h held out"}`,
        fresh4Rows.filter((r) => r.s.origin === origin)
      );
  }
}
if (!speedOnly && !gapsOnly && !round8Only && !lean && !toldOnly) {
  round7();
  lengthRound();
  setTables("FRESH5", "confirmation only, scored once", fresh5Rows, "other frequencies (weekly)");
}
if (!process.argv.includes("--no-speed")) speed();
