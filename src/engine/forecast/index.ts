/**
 * The forecasting engine behind SALES.FORECAST_SALES: `fit(history, options) → model`, then
 * `forecast(model, h, level?) → { mean, lower?, upper? }`.
 *
 * Method: the season length is detected from the autocorrelations (or given); five members are
 * fitted on the (normalized) history: the AICc-best ETS model and the best damped-trend ETS model
 * (Hyndman et al. 2008), Theta (Assimakopoulos & Nikolopoulos 2000), an automatic ARIMA
 * (Hyndman & Khandakar 2008) and an automatic complex exponential smoothing (Svetunkov &
 * Kourentzes 2018). The forecast combines the members named in {@link COMBINATION} by its rule;
 * members and rule were chosen by the protocol in docs/forecast.md (rolling origins on the
 * benchmark, chosen on one half of the series and confirmed on the other).
 */
import { Result } from "../errors";
import { errors } from "../messages";
import { ArimaModel, arimaForecast, arimaForecastSd } from "./arima";
import { autoArima } from "./autoArima";
import { leastSquaresLine } from "./baselines";
import { CesModel, autoCes, cesForecast, cesForecastSd } from "./ces";
import {
  WeightScheme,
  combineMean,
  combineMedian,
  combineWeighted,
  validationWeights,
} from "./combine";
import { EtsModel, etsForecast, etsForecastSd } from "./ets";
import { fitEtsFamily } from "./etsSelect";
import { HoldOutCheck, calibrated } from "./interval";
import { normalQuantile } from "./normal";
import { detectSeasonality, isCalendarSeason } from "./seasonality";
import { ThetaModel, fitTheta, thetaForecast } from "./theta";
import {
  HoldOut,
  Refit,
  holdOut,
  refitArima,
  refitCes,
  refitEts,
  refitTheta,
  validationLength,
} from "./validation";

export { completeHistory } from "./interpolate";
export { calibrated } from "./interval";
export type { HoldOutCheck } from "./interval";
export { DETECTION, detectSeasonality, isSeasonal, isCalendarSeason } from "./seasonality";
export type { Detection } from "./seasonality";
export { naive, naive2, seasonalNaive, linearTrend } from "./baselines";

/** The members the engine can fit. */
export type MemberName = "ets" | "damped" | "theta" | "arima" | "ces";
/** Every member, in a fixed order. */
export const MEMBERS: readonly MemberName[] = ["ets", "damped", "theta", "arima", "ces"];

/** A combination rule: which members, averaged how, and how wide the interval is. */
export interface Combination {
  /** Members, or inner combinations that count as one voice. */
  readonly members: readonly (MemberName | Combination)[];
  /**
   * "weighted": a mean weighted by the inverse of each voice's one-step error variance;
   * "inverse", "pick", "shrunk": weights from each voice's hold-out error (`validationWeights`;
   * equal weights when a voice has none).
   */
  readonly rule: "mean" | "median" | "weighted" | WeightScheme;
  /**
   * The interval's standard deviation is the root mean square of the members' own forecast
   * standard deviations, times this factor (1 = the members' average uncertainty, unwidened).
   */
  readonly widen: number;
  /**
   * Add the spread of the voices' forecasts to the interval's variance (the law of total variance
   * for an equal mixture of the voices: their disagreement is uncertainty too).
   */
  readonly spread?: boolean;
  /** The rule used instead when no season is detected (or given); default: this one. */
  readonly noSeason?: Combination;
  /**
   * A season detected at a lag that is not a calendar one (`isCalendarSeason`) is a cycle: the
   * members are fitted without a season and `noSeason` applies. A season the user gives is kept.
   */
  readonly calendarOnly?: boolean;
  /**
   * Hold-out windows the validation weights pool (`validationEnds`; default 1, the last v values
   * only). Read from the branch that applies (`ruleFor`), else from the top-level rule.
   */
  readonly origins?: number;
  /**
   * The rule used instead when a detected season was fitted as a cycle (`calendarOnly`): members
   * that cannot represent a cycle (the ETS family) can be left out. Default: `noSeason`.
   */
  readonly cycle?: Combination;
  /**
   * The rule used instead, without a season, when the ARIMA member differences twice (d = 2): a
   * changing trend the damped ETS would flatten. Default: `noSeason`.
   */
  readonly twice?: Combination;
  /**
   * c in the interval factor widen · √(1 + c / n), n the values fitted on: members' variances
   * leave out parameter and model uncertainty, which shrinks as 1/n, so short histories need
   * wider intervals (round 7's interval protocol). Default 0.
   */
  readonly lengthScale?: number;
  /**
   * κ, the weight (in values) of the interval's factor against the series' own hold-out evidence
   * (round 9's interval protocol): the factor's square becomes (κ·f² + v·r²) / (κ + v), f the
   * factor above and r² the mean squared hold-out error of the combined voices divided by their
   * stated variance, over the v hold-out values. Undefined: the factor alone.
   */
  readonly calibrate?: number;
}

/** Whether a rule (either branch) weights its voices by their hold-out errors. */
function usesValidation(rule: Combination): boolean {
  const own = rule.rule === "inverse" || rule.rule === "pick" || rule.rule === "shrunk";
  return (
    own || [rule.noSeason, rule.cycle, rule.twice].some((b) => b !== undefined && usesValidation(b))
  );
}

/**
 * The rule that applies to a model with the given season length.
 *
 * @param rule a combination, possibly season-aware
 * @param seasonality the season length in use (1 for none)
 * @returns `rule.noSeason` when there is no season and it is set, else `rule`
 * @example
 * ruleFor(COMBINATION, model.seasonality).members;
 */
export function ruleFor(rule: Combination, seasonality: number): Combination {
  return seasonality <= 1 && rule.noSeason ? rule.noSeason : rule;
}

/**
 * The rule that applies to a fitted model: {@link ruleFor} its season length, then the
 * `cycle` branch when a detected season was fitted as a cycle, or the `twice` branch when there
 * is no season and the ARIMA member differences twice.
 *
 * @param rule a combination, possibly season- and cycle-aware
 * @param model the fitted model's season in use, season detected and ARIMA member
 * @returns the branch of `rule` that combines this model's members
 * @example
 * ruleForModel(COMBINATION, model).members;
 */
export function ruleForModel(
  rule: Combination,
  model: Pick<ForecastModel, "seasonality" | "detected" | "arima">
): Combination {
  if (model.seasonality > 1) return ruleFor(rule, model.seasonality);
  if (model.detected > 1 && rule.cycle) return rule.cycle;
  if (rule.twice && model.arima?.spec.d === 2) return rule.twice;
  return ruleFor(rule, model.seasonality);
}

/**
 * How many hold-out windows the validation of a model with the given season length pools.
 *
 * @param rule a combination, possibly season-aware
 * @param seasonality the season length in use (1 for none)
 * @returns the applying branch's `origins`, else the top-level rule's, else 1
 * @example
 * originsFor({ ...COMBINATION, noSeason: { ...COMBINATION.noSeason!, origins: 3 } }, 1); // 3
 */
export function originsFor(rule: Combination, seasonality: number): number {
  return ruleFor(rule, seasonality).origins ?? rule.origins ?? 1;
}

/**
 * The interval every branch uses, chosen by round 9's interval protocol (docs/forecast.md; re-run
 * with round 10's season detection) by its interval score on half of seven benchmark sets: the
 * factor 1.3 · √(1 + 20/n), weighed against the series' own hold-out errors as if it were worth
 * 12 of its values.
 */
const INTERVAL = { widen: 1.3, lengthScale: 20, calibrate: 12 } as const;

/**
 * The shipped combination, chosen by the round-8 protocol in docs/forecast.md (on half of the
 * 4,092 records of six benchmark sets, each set weighing the same, among the rules no worse than
 * the previous one on the other half): with a season, ETS, ARIMA and CES; without one, ARIMA, the
 * damped ETS and the AICc-best ETS (a trend that may keep going), or ARIMA and that ETS when ARIMA
 * differences twice (an accelerating trend the damped voice would flatten); each weighted by the
 * inverse of its error on a hold-out of the history's end (refitted with the form it chose).
 * The interval's factor, 1.3 · √(1 + 20/n) for n values fitted on (wider for short histories,
 * whose members' variances leave out more parameter uncertainty), weighed against how far the
 * voices' hold-out errors went beyond the uncertainty they stated (`INTERVAL`).
 */
export const COMBINATION: Combination = {
  members: ["ets", "arima", "ces"],
  rule: "inverse",
  ...INTERVAL,
  noSeason: { members: ["arima", "damped", "ets"], rule: "inverse", ...INTERVAL },
  twice: { members: ["arima", "ets"], rule: "inverse", ...INTERVAL },
};

/**
 * The most recent values the models are fitted on. Long histories are cut to this: beyond a few
 * hundred values, older data barely changes any of the members' forecasts (their weights decay
 * geometrically), while the fitting cost grows with the length.
 */
export const MAX_FIT_VALUES = 1000;

/** ARIMA's seasonal part is fitted for season lengths up to this (longer: non-seasonal ARIMA). */
const MAX_ARIMA_SEASON = 52;

/**
 * ARIMA is fitted on the last max(240, 5·m) values: its search fits dozens of models, each
 * costing O(n·lags) per evaluation, which for a weekly season over 1,000 values took seconds; 240
 * values (20 years of months, 5 seasons of anything longer) are plenty for its few parameters.
 */
function arimaWindow(m: number): number {
  return Math.max(240, 5 * m);
}

/** Options of {@link fit}. */
export interface FitOptions {
  /**
   * Season length, FORECAST.ETS's convention: undefined or 1 → detect; 0 → none; n ≥ 2 → n.
   * A season longer than a third of the history cannot be checked and is treated as none when
   * fewer than two full seasons are present.
   */
  readonly seasonality?: number;
  /** Members to fit (default: those of {@link COMBINATION}); the benchmark fits all. */
  readonly members?: readonly MemberName[];
  /** The horizon that will be forecast (default 1): sizes the validation hold-out. */
  readonly horizon?: number;
  /** Treat a non-calendar detected season as a cycle (default: {@link COMBINATION}'s setting). */
  readonly calendarOnly?: boolean;
  /** Score the fitted members on a hold-out (default: when {@link COMBINATION} weights by it). */
  readonly validate?: boolean;
  /** Hold-out windows pooled by the validation (default: the rule's `origins`, or 1). */
  readonly origins?: number;
  /**
   * The combination whose members are fitted and whose settings (cycles, validation, origins) are
   * the defaults (default: {@link COMBINATION}); the benchmark times its candidates with it.
   */
  readonly rule?: Combination;
}

/** A fitted forecaster. Values are kept on a normalized scale and multiplied back by `scale`. */
export interface ForecastModel {
  /** The season length used (1 for none). */
  readonly seasonality: number;
  /** The season length detected or given (differs from `seasonality` for a cycle). */
  readonly detected: number;
  /** Number of values the models were fitted on (the last `n` of the history). */
  readonly n: number;
  readonly scale: number;
  /**
   * Set when the history lies exactly on a line (a constant included): the forecast extends the
   * line with no uncertainty, since every smoothing method would only approximate it.
   */
  readonly line: { readonly intercept: number; readonly slope: number } | null;
  readonly ets: EtsModel | null;
  readonly damped: EtsModel | null;
  readonly theta: ThetaModel | null;
  readonly arima: ArimaModel | null;
  readonly ces: CesModel | null;
  /** Each validated member's hold-out mean squared error (normalized scale). */
  readonly validation: Partial<Record<MemberName, number>>;
  /**
   * Each validated member's errors (actual − forecast, normalized scale) on the latest hold-out
   * window, one per step ahead; absent when not validated.
   */
  readonly holdOutErrors?: Partial<Record<MemberName, readonly number[]>>;
}

/** Point forecasts and, when a level was asked, the prediction interval. */
export interface Forecast {
  readonly mean: number[];
  readonly lower?: number[];
  readonly upper?: number[];
}

/**
 * Resolves the season length option against the data.
 *
 * @param y the (normalized) history
 * @param option FORECAST.ETS's seasonality argument
 * @returns the season length to use (1 for none)
 * @example
 * seasonLength(monthly, undefined); // 12 for a seasonal monthly series
 */
export function seasonLength(y: readonly number[], option: number | undefined): number {
  if (option === undefined || option === 1) return detectSeasonality(y);
  if (option < 2) return 1;
  return y.length >= 2 * option ? option : 1;
}

/**
 * Fits the forecaster to a complete history (no blanks; see `completeHistory`). Only the last
 * {@link MAX_FIT_VALUES} values are used.
 *
 * @param history the values, oldest first (at least 3)
 * @param options the season length option and the members to fit
 * @returns the model, or #VALUE! when there are fewer than 3 values
 * @example
 * const model = fit([12, 15, 14, 18, 20, 19, 23], {});
 * forecast(model as ForecastModel, 2).mean; // ≈ [24, 25]
 */
export function fit(history: readonly number[], options: FitOptions = {}): Result<ForecastModel> {
  if (history.length < 3) return errors.forecastTooFewValues(history.length);
  const recent = history.length > MAX_FIT_VALUES ? history.slice(-MAX_FIT_VALUES) : history;
  const n = recent.length;
  let max = 0;
  for (const v of recent) max = Math.max(max, Math.abs(v));
  if (!Number.isFinite(max)) return errors.tooLarge();
  const none = { ets: null, damped: null, theta: null, arima: null, ces: null };
  const line = leastSquaresLine(recent);
  const exact = recent.every(
    (v, t) => Math.abs(v - (line.intercept + line.slope * t)) <= 1e-10 * max
  );
  if (exact || max === 0)
    return { seasonality: 1, detected: 1, n, scale: 1, line, ...none, validation: {} };
  // Normalizing keeps likelihoods finite for huge or tiny values and makes the optimizer's
  // starting steps meaningful whatever the unit.
  const scale = max;
  const y = recent.map((v) => v / scale);
  const detected = seasonLength(y, options.seasonality);
  const detecting = options.seasonality === undefined || options.seasonality === 1;
  const rule = options.rule ?? COMBINATION;
  const calendarOnly = options.calendarOnly ?? rule.calendarOnly ?? false;
  const m = calendarOnly && detecting && !isCalendarSeason(detected) ? 1 : detected;
  // Which branch applies can depend on the ARIMA's d (`twice`), known only after fitting: fit
  // the members of every branch that may apply.
  const branches =
    m === 1 && detected > 1 && rule.cycle
      ? [rule.cycle]
      : [ruleFor(rule, m), ...(m === 1 && rule.twice ? [rule.twice] : [])];
  const wanted = new Set(options.members ?? branches.flatMap(memberNames));
  const arimaY = y.slice(-arimaWindow(m));
  const arima = wanted.has("arima") ? autoArima(arimaY, m <= MAX_ARIMA_SEASON ? m : 1) : null;
  const theta = wanted.has("theta") ? fitTheta(y, m) : null;
  const ces = wanted.has("ces") ? autoCes(y, m) : null;
  // The ETS family always fits: it is the fallback when a branch's own members all failed.
  const fallback = arima === null && theta === null && ces === null;
  const family = wanted.has("ets") || wanted.has("damped") || fallback ? fitEtsFamily(y, m) : null;
  const members = {
    ets: family?.best ?? null,
    damped: family?.bestDamped ?? null,
    theta,
    arima,
    ces,
  };
  const model: ForecastModel = {
    seasonality: m,
    detected,
    n,
    scale,
    line: null,
    ...members,
    validation: {},
  };
  if (!(options.validate ?? usesValidation(rule))) return model;
  const origins = options.origins ?? ruleForModel(rule, model).origins ?? originsFor(rule, m);
  const checked = holdOuts(model, history, options.horizon ?? 1, origins, [...wanted]);
  return { ...model, ...checked };
}

/**
 * Scores a fitted model's members on hold-outs of the history's end (`validation.ts`): each is
 * refitted with the form it chose on the history minus v values and forecasts them, at up to
 * `origins` windows; the errors are on the normalized scale.
 *
 * @param model the fitted model (from {@link fit} on the same history)
 * @param history the history it was fitted on
 * @param horizon the horizon that will be forecast (sizes the hold-out)
 * @param origins how many hold-out windows to pool (≥ 1)
 * @param members the members to validate (default: every fitted one)
 * @returns each validated member's MSE (`validation`) and latest window's errors
 * (`holdOutErrors`); both empty for an exact line or a history too short
 * @example
 * const model = fit(y, { validate: false }) as ForecastModel;
 * holdOuts(model, y, 6, 1).validation; // the same as fit(y, { horizon: 6 }).validation
 */
export function holdOuts(
  model: ForecastModel,
  history: readonly number[],
  horizon: number,
  origins: number,
  members: readonly MemberName[] = MEMBERS
): Pick<ForecastModel, "validation"> & {
  readonly holdOutErrors: Partial<Record<MemberName, readonly number[]>>;
} {
  const validation: Partial<Record<MemberName, number>> = {};
  const holdOutErrors: Partial<Record<MemberName, readonly number[]>> = {};
  const m = model.seasonality;
  const v = validationLength(model.n, horizon, m);
  if (model.line !== null || v === 0) return { validation, holdOutErrors };
  const y = history.slice(-model.n).map((x) => x / model.scale);
  const arimaY = y.slice(-arimaWindow(m));
  const refits: [MemberName, readonly number[], Refit | null][] = [
    ["ets", y, model.ets && refitEts(model.ets)],
    ["damped", y, model.damped && refitEts(model.damped)],
    ["theta", y, model.theta && refitTheta(m)],
    ["arima", arimaY, model.arima && refitArima(model.arima)],
    ["ces", y, model.ces && refitCes(model.ces)],
  ];
  let etsHoldOut: HoldOut | null = null;
  for (const [k, series, refit] of refits) {
    if (!members.includes(k)) continue;
    // The best ETS model is often the best damped one: validate it once.
    const same: HoldOut | null = k === "damped" && model.damped === model.ets ? etsHoldOut : null;
    const result: HoldOut | null = same ?? (refit ? holdOut(series, v, refit, origins) : null);
    if (!result) continue;
    if (k === "ets") etsHoldOut = result;
    validation[k] = result.mse;
    if (result.errors.length) holdOutErrors[k] = result.errors;
  }
  return { validation, holdOutErrors };
}

/**
 * Each member's hold-out mean squared error ({@link holdOuts}'s `validation`).
 *
 * @param model the fitted model (from {@link fit} on the same history)
 * @param history the history it was fitted on
 * @param horizon the horizon that will be forecast (sizes the hold-out)
 * @param origins how many hold-out windows to pool (≥ 1)
 * @param members the members to validate (default: every fitted one)
 * @returns each validated member's MSE (empty for an exact line or a history too short)
 * @example
 * const model = fit(y, { validate: false }) as ForecastModel;
 * fit(y).validation; // the same as validateMembers(model, y, 1, COMBINATION.origins ?? 1)
 */
export function validateMembers(
  model: ForecastModel,
  history: readonly number[],
  horizon: number,
  origins: number,
  members: readonly MemberName[] = MEMBERS
): Partial<Record<MemberName, number>> {
  return holdOuts(model, history, horizon, origins, members).validation;
}

/** The members a rule's voices use (inner combinations included). */
function memberNames(rule: Combination): MemberName[] {
  return rule.members.flatMap((k) => (typeof k === "string" ? [k] : memberNames(k)));
}

/** One member's forecast and the standard deviations of its errors (normalized scale). */
export interface MemberPath {
  readonly mean: number[];
  readonly sd: number[];
  /** Its hold-out mean squared error, when it was validated. */
  readonly mse?: number;
  /**
   * Its latest hold-out window's errors and its own error standard deviations at those steps
   * ahead (1 … v), when it was validated: how well its stated uncertainty fitted recent data.
   */
  readonly check?: HoldOutCheck;
}

function thetaSd(theta: ThetaModel, level: readonly number[]): number[] {
  return level.map((l, i) => {
    const s = Math.sqrt(theta.sigma2 * (1 + i * theta.alpha * theta.alpha));
    // The Theta variance is on the seasonally adjusted scale; a multiplicative index scales it.
    return theta.season?.type === "multiplicative" ? s * Math.abs(l) : s;
  });
}

/**
 * Every fitted member's forecast and error standard deviations, on the normalized scale.
 *
 * @param model the fitted model (not an exact line)
 * @param h the horizon
 * @returns the paths of the members that were fitted
 * @example
 * Object.keys(memberPaths(model, 12)); // ["ets", "damped", "theta", …]
 */
export function memberPaths(
  model: ForecastModel,
  h: number
): Partial<Record<MemberName, MemberPath>> {
  const out: Partial<Record<MemberName, MemberPath>> = {};
  const errors = model.holdOutErrors ?? {};
  // Each member's path reaches its hold-out's length too, for the standard deviations there.
  const steps = (k: MemberName): number => Math.max(h, errors[k]?.length ?? 0);
  const paths: Partial<Record<MemberName, { mean: number[]; sd: number[] }>> = {};
  for (const [k, ets] of [
    ["ets", model.ets],
    ["damped", model.damped],
  ] as const)
    if (ets) {
      const mean = etsForecast(ets, steps(k));
      paths[k] = { mean, sd: etsForecastSd(ets, mean) };
    }
  if (model.theta) {
    const mean = thetaForecast(model.theta, steps("theta"));
    paths.theta = { mean, sd: thetaSd(model.theta, mean) };
  }
  if (model.arima) {
    const H = steps("arima");
    paths.arima = { mean: arimaForecast(model.arima, H), sd: arimaForecastSd(model.arima, H) };
  }
  if (model.ces) {
    const H = steps("ces");
    paths.ces = { mean: cesForecast(model.ces, H), sd: cesForecastSd(model.ces, H) };
  }
  for (const k of MEMBERS) {
    const p = paths[k];
    if (!p) continue;
    const mse = model.validation[k];
    const e = errors[k];
    out[k] = {
      mean: p.mean.slice(0, h),
      sd: p.sd.slice(0, h),
      ...(mse !== undefined ? { mse } : {}),
      ...(e ? { check: { errors: e, sd: p.sd.slice(0, e.length) } } : {}),
    };
  }
  return out;
}

/**
 * The voices whose forecasts differ from every earlier one's (the first of identical ones kept).
 *
 * @param voices member paths
 * @returns the distinct ones, in order
 * @example
 * distinctVoices([a, a, b]); // [a, b]
 */
export function distinctVoices(voices: readonly MemberPath[]): MemberPath[] {
  const same = (p: MemberPath, q: MemberPath): boolean =>
    p.mean.length === q.mean.length && p.mean.every((v, i) => v === q.mean[i]);
  return voices.filter((p, k) => !voices.slice(0, k).some((q) => same(p, q)));
}

/**
 * Combines member paths by a rule into a forecast on the data's scale, with an interval at
 * `level` when given. Members that could not be fitted are left out; when none of the rule's
 * members is available, every available member is used.
 *
 * @param paths member paths (normalized scale)
 * @param rule the combination
 * @param scale the normalization factor
 * @param level the interval's coverage, or undefined
 * @param n the values the members were fitted on (for `rule.lengthScale`; default: no length term)
 * @returns the forecast
 * @example
 * combinePaths(memberPaths(model, 6), COMBINATION, model.scale, 0.95, model.n);
 */
export function combinePaths(
  paths: Partial<Record<MemberName, MemberPath>>,
  rule: Combination,
  scale: number,
  level?: number,
  n?: number
): Forecast {
  const voice = (k: MemberName | Combination): MemberPath | undefined => {
    if (typeof k === "string") return paths[k];
    const inner = combinePaths(paths, { ...k, widen: 1 }, 1, 0.6826894921370859);
    const sd = inner.mean.map((v, i) => ((inner.upper as number[])[i] - v) / 1);
    return { mean: inner.mean, sd };
  };
  let chosen = rule.members.map(voice).filter((p): p is MemberPath => p !== undefined);
  if (chosen.length === 0) chosen = Object.values(paths) as MemberPath[];
  // Weighted by validation, the same model listed twice (the AICc-best ETS is often the damped
  // one) would count twice: identical voices count once.
  if (rule.rule === "inverse" || rule.rule === "pick" || rule.rule === "shrunk")
    chosen = distinctVoices(chosen);
  const means = chosen.map((p) => p.mean);
  let combined: number[];
  // Voices' weights for the interval's variance (null: equal).
  let weights: number[] | null = null;
  if (rule.rule === "median") combined = combineMedian(means);
  else if (rule.rule === "mean") combined = combineMean(means);
  else if (rule.rule !== "weighted") {
    weights = validationWeights(
      chosen.map((p) => p.mse),
      rule.rule
    );
    combined = weights ? combineWeighted(means, weights) : combineMean(means);
  } else {
    const w = chosen.map((p) => 1 / Math.max(p.sd[0] * p.sd[0], 1e-300));
    const total = w.reduce((a, b) => a + b, 0);
    combined = means[0].map((_, i) => means.reduce((a, m, k) => a + (w[k] / total) * m[i], 0));
  }
  const mean = combined.map((v) => v * scale);
  if (level === undefined) return { mean };
  const c = rule.lengthScale ?? 0;
  let factor = rule.widen * (c > 0 && n !== undefined && n > 0 ? Math.sqrt(1 + c / n) : 1);
  if (rule.calibrate !== undefined) factor = calibrated(factor, chosen, weights, rule.calibrate);
  const z = normalQuantile((1 + level) / 2);
  const h = mean.length;
  const lower = new Array<number>(h);
  const upper = new Array<number>(h);
  // Uncertainty never shrinks with the horizon, even where a multiplicative season dips.
  let width = 0;
  for (let i = 0; i < h; i++) {
    let v = 0;
    chosen.forEach((p, k) => {
      const w = weights ? weights[k] : 1 / chosen.length;
      if (w > 0) v += w * p.sd[i] * p.sd[i];
    });
    if (rule.spread) for (const p of chosen) v += (p.mean[i] - combined[i]) ** 2 / chosen.length;
    width = Math.max(width, z * factor * Math.sqrt(v) * scale);
    lower[i] = mean[i] - width;
    upper[i] = mean[i] + width;
  }
  return { mean, lower, upper };
}

/**
 * Forecasts h steps ahead, with a prediction interval at `level` when given.
 *
 * @param model a fitted model
 * @param h the horizon (≥ 1)
 * @param level the interval's coverage, strictly between 0 and 1
 * @returns the forecasts (and bounds); only a forecast beyond the float range (values near
 * ±1.8e308) can come out as ±Infinity, which callers turn into #NUM! (see `isFiniteForecast`)
 * @example
 * forecast(model, 3, 0.95); // { mean: [...], lower: [...], upper: [...] }
 */
export function forecast(model: ForecastModel, h: number, level?: number): Forecast {
  if (model.line !== null) {
    const { intercept, slope } = model.line;
    const mean = Array.from({ length: h }, (_, i) => intercept + slope * (model.n + i));
    return level === undefined ? { mean } : { mean, lower: mean.slice(), upper: mean.slice() };
  }
  const rule = ruleForModel(COMBINATION, model);
  return combinePaths(memberPaths(model, h), rule, model.scale, level, model.n);
}

/**
 * Whether every number of a forecast is finite (false only when it overflowed the float range).
 *
 * @param f a forecast
 * @returns true when mean and bounds are all finite
 * @example
 * isFiniteForecast({ mean: [1, 2] }); // true
 */
export function isFiniteForecast(f: Forecast): boolean {
  return [f.mean, f.lower ?? [], f.upper ?? []].every((xs) => xs.every(Number.isFinite));
}
