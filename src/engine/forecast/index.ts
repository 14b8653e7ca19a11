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
import { autoArima } from "./autoArima";
import { leastSquaresLine } from "./baselines";
import { autoCes } from "./ces";
import { fitEtsFamily } from "./etsSelect";
import { Forecast, ForecastModel, MEMBERS, MemberName } from "./model";
import { combinePaths, memberPaths } from "./paths";
import {
  COMBINATION,
  Combination,
  memberNames,
  originsFor,
  ruleFor,
  ruleForModel,
  usesValidation,
} from "./rule";
import { detectSeasonality, isCycle } from "./seasonality";
import { fitTheta } from "./theta";
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
export { MEMBERS } from "./model";
export type { Forecast, ForecastModel, MemberName } from "./model";
export {
  COMBINATION,
  carriesCycle,
  originsFor,
  revertsToMean,
  ruleFor,
  ruleForModel,
} from "./rule";
export type { Combination } from "./rule";
export { combinePaths, distinctVoices, memberPaths } from "./paths";
export type { MemberPath } from "./paths";
export { calibrated } from "./interval";
export type { HoldOutCheck } from "./interval";
export { DETECTION, detectSeasonality, isSeasonal, isCalendarSeason, isCycle } from "./seasonality";
export type { Detection } from "./seasonality";
export { naive, naive2, seasonalNaive, linearTrend } from "./baselines";

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
  /**
   * Treat a non-calendar detected season as a cycle, unless stronger than the rule's
   * `seasonStrength` (`isCycle`; default: {@link COMBINATION}'s setting).
   */
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
  const m = calendarOnly && detecting && isCycle(y, detected, rule.seasonStrength) ? 1 : detected;
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
  // A cycle's hold-out may cover the cycle, as a season's covers the season.
  const span = rule.cycleHoldOut && m === 1 && detected > 1 ? detected : m;
  const checked = holdOuts(model, history, options.horizon ?? 1, origins, [...wanted], span);
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
 * @param span the length the hold-out covers at least (default the season in use; a cycle's
 * length with `Combination.cycleHoldOut`)
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
  members: readonly MemberName[] = MEMBERS,
  span: number = model.seasonality
): Pick<ForecastModel, "validation"> & {
  readonly holdOutErrors: Partial<Record<MemberName, readonly number[]>>;
} {
  const validation: Partial<Record<MemberName, number>> = {};
  const holdOutErrors: Partial<Record<MemberName, readonly number[]>> = {};
  const m = model.seasonality;
  const v = validationLength(model.n, horizon, span);
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
