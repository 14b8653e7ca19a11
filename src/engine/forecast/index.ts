/**
 * The forecasting engine behind SALES.FORECAST_SALES: `fit(history, options) → model`, then
 * `forecast(model, h, level?) → { mean, lower?, upper? }`.
 *
 * Method: the season length is detected from the autocorrelations (or given); the ETS family is
 * fitted by maximum likelihood and ranked by AICc (Hyndman et al. 2008); the Theta method
 * (Assimakopoulos & Nikolopoulos 2000) is fitted on the seasonally adjusted series; the forecast
 * is the step-by-step median of the AICc-best ETS model, the best damped-trend ETS model and
 * Theta: a robust combination of strong simple methods, the kind that did best in the M4
 * competition (a median rather than a mean, so that one member going astray, e.g. Theta's halved
 * slope on a steep trend, does not drag the forecast).
 * Prediction intervals come from the AICc-best ETS model's forecast variance.
 */
import { Result } from "../errors";
import { errors } from "../messages";
import { leastSquaresLine } from "./baselines";
import { combineMedian } from "./combine";
import { EtsModel, etsForecast, etsForecastSd } from "./ets";
import { fitEtsFamily } from "./etsSelect";
import { normalQuantile } from "./normal";
import { detectSeasonality } from "./seasonality";
import { ThetaModel, fitTheta, thetaForecast } from "./theta";

export { completeHistory } from "./interpolate";
export { detectSeasonality, isSeasonal } from "./seasonality";
export { naive, naive2, seasonalNaive, linearTrend } from "./baselines";

/** Options of {@link fit}. */
export interface FitOptions {
  /**
   * Season length, FORECAST.ETS's convention: undefined or 1 → detect; 0 → none; n ≥ 2 → n.
   * A season longer than a third of the history cannot be checked and is treated as none when
   * fewer than two full seasons are present.
   */
  readonly seasonality?: number;
}

/** A fitted forecaster. Values are kept on a normalized scale and multiplied back by `scale`. */
export interface ForecastModel {
  /** The season length used (1 for none). */
  readonly seasonality: number;
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
 * Fits the forecaster to a complete history (no blanks; see `completeHistory`).
 *
 * @param history the values, oldest first (at least 3)
 * @param options the season length option
 * @returns the model, or #VALUE! when there are fewer than 3 values
 * @example
 * const model = fit([12, 15, 14, 18, 20, 19, 23], {});
 * forecast(model as ForecastModel, 2).mean; // ≈ [24, 25]
 */
export function fit(history: readonly number[], options: FitOptions = {}): Result<ForecastModel> {
  const n = history.length;
  if (n < 3) return errors.forecastTooFewValues(n);
  let max = 0;
  for (const v of history) max = Math.max(max, Math.abs(v));
  if (!Number.isFinite(max)) return errors.tooLarge();
  const line = leastSquaresLine(history);
  const exact = history.every(
    (v, t) => Math.abs(v - (line.intercept + line.slope * t)) <= 1e-10 * max
  );
  if (exact || max === 0) {
    return { seasonality: 1, n, scale: 1, line, ets: null, damped: null, theta: null };
  }
  // Normalizing keeps likelihoods finite for huge or tiny values and makes the optimizer's
  // starting steps meaningful whatever the unit.
  const scale = max;
  const y = history.map((v) => v / scale);
  const m = seasonLength(y, options.seasonality);
  const family = fitEtsFamily(y, m);
  const theta = fitTheta(y, m);
  return {
    seasonality: m,
    n,
    scale,
    line: null,
    ets: family.best,
    damped: family.bestDamped,
    theta,
  };
}

/**
 * The member forecasts the combination averages (on the normalized scale).
 *
 * @param model the fitted model
 * @param h the horizon
 * @returns one path per available member
 * @example
 * memberForecasts(model, 12).length; // 3
 */
export function memberForecasts(model: ForecastModel, h: number): number[][] {
  const paths: number[][] = [];
  if (model.ets) paths.push(etsForecast(model.ets, h));
  if (model.damped) paths.push(etsForecast(model.damped, h));
  if (model.theta) paths.push(thetaForecast(model.theta, h));
  return paths;
}

/** Standard deviations of the forecast errors on the normalized scale. */
function forecastSd(model: ForecastModel, h: number): number[] {
  if (model.ets) return etsForecastSd(model.ets, etsForecast(model.ets, h));
  const theta = model.theta as ThetaModel;
  const sd = new Array<number>(h);
  const level = thetaForecast(theta, h);
  for (let i = 0; i < h; i++) {
    const v = theta.sigma2 * (1 + i * theta.alpha * theta.alpha);
    const s = Math.sqrt(v);
    // The Theta variance is on the seasonally adjusted scale; a multiplicative index scales it.
    sd[i] = theta.season?.type === "multiplicative" ? s * Math.abs(level[i]) : s;
  }
  return sd;
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
  const mean = combineMedian(memberForecasts(model, h)).map((v) => v * model.scale);
  if (level === undefined) return { mean };
  const z = normalQuantile((1 + level) / 2);
  const sd = forecastSd(model, h);
  const lower = new Array<number>(h);
  const upper = new Array<number>(h);
  // Uncertainty never shrinks with the horizon, even where a multiplicative season dips.
  let width = 0;
  for (let i = 0; i < h; i++) {
    width = Math.max(width, z * sd[i] * model.scale);
    lower[i] = mean[i] - width;
    upper[i] = mean[i] + width;
  }
  return { mean, lower, upper };
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
