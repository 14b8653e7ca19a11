/**
 * The Theta method (Assimakopoulos & Nikolopoulos 2000, winner of the M3 competition), in the
 * form shown by Hyndman & Billah (2003) to be simple exponential smoothing with drift equal to
 * half the slope of the linear trend, applied to the multiplicatively seasonally adjusted series
 * when the 90% seasonality test passes, as R's `forecast::thetaf()` does.
 */
import { leastSquaresLine } from "./baselines";
import { SeasonalIndices, adjust, reseason, seasonalIndices } from "./decompose";
import { fitEts } from "./ets";
import { isSeasonal } from "./seasonality";

/** A fitted Theta model. */
export interface ThetaModel {
  /** Seasonal indices removed before smoothing, or null. */
  readonly season: SeasonalIndices | null;
  /** The smoothing parameter of the simple exponential smoothing. */
  readonly alpha: number;
  /** The smoothed level after the last observation (on the adjusted scale). */
  readonly level: number;
  /** Half the slope of the least-squares line, the theta = 2 drift. */
  readonly drift: number;
  readonly n: number;
  /** One-step residual variance of the smoothing (adjusted scale). */
  readonly sigma2: number;
}

/**
 * Fits the Theta method.
 *
 * @param y the history (≥ 2 values, scaled to order 1 by the caller)
 * @param m the season length (1 for none)
 * @returns the fitted model
 * @example
 * thetaForecast(fitTheta([1, 2, 3, 4, 5], 1), 2); // ≈ [5.9, 6.4]
 */
export function fitTheta(y: readonly number[], m: number): ThetaModel {
  const n = y.length;
  const season = m >= 2 && isSeasonal(y, m) ? seasonalIndices(y, m) : null;
  const x = season ? adjust(y, season) : y.slice();
  const ses = fitEts(x, { error: "A", trend: "N", season: "N" }, 1);
  let alpha: number;
  let level: number;
  let sigma2: number;
  if (ses) {
    alpha = ses.alpha;
    level = ses.level;
    sigma2 = ses.sigma2;
  } else {
    // Too short to estimate α (fewer than five values): a middle-of-the-road α = 0.5.
    alpha = 0.5;
    level = x[0];
    let sse = 0;
    for (let t = 1; t < n; t++) {
      sse += (x[t] - level) ** 2;
      level += alpha * (x[t] - level);
    }
    sigma2 = n > 1 ? sse / (n - 1) : 0;
  }
  const drift = leastSquaresLine(x).slope / 2;
  return { season, alpha, level, drift, n, sigma2 };
}

/**
 * Point forecasts of a Theta model: ℓ_n + b/2·((i − 1) + (1 − (1 − α)^n)/α), re-seasoned.
 *
 * @param model the fitted model
 * @param h the horizon
 * @returns h forecasts
 * @example
 * thetaForecast(model, 12);
 */
export function thetaForecast(model: ThetaModel, h: number): number[] {
  const { alpha, n, drift, level } = model;
  const offset = (1 - Math.pow(1 - alpha, n)) / alpha;
  const f = Array.from({ length: h }, (_, i) => level + drift * (i + offset));
  return model.season ? reseason(f, n, model.season) : f;
}
