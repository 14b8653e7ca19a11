/**
 * How many differences an ARIMA model needs, as R's `forecast::ndiffs` (KPSS test) and
 * `nsdiffs` (seasonal strength) decide it for `auto.arima`.
 */
import { centredMovingAverage } from "./decompose";
import { difference } from "./arimaPoly";

/** KPSS 5% critical value for level stationarity (Kwiatkowski et al. 1992, table 1). */
const KPSS_CRITICAL_5 = 0.463;
/**
 * Seasonal strength above which a seasonal difference is taken (R's `nsdiffs`, test "seas"); also
 * where a season at a non-calendar lag counts as real rather than a cycle (`Combination`).
 */
export const SEASONAL_STRENGTH_LIMIT = 0.64;

/**
 * Whether a series is constant (to relative rounding).
 *
 * @param x the series
 * @returns true when every value equals the first
 * @example
 * isConstant([2, 2, 2]); // true
 */
export function isConstant(x: readonly number[]): boolean {
  const tol = 1e-12 * Math.max(1e-300, ...x.map(Math.abs));
  return x.every((v) => Math.abs(v - x[0]) <= tol);
}

/**
 * The KPSS statistic for level stationarity with a Bartlett-weighted long-run variance over
 * ⌊3√n/13⌋ lags (the lag count R's `ndiffs` passes to `urca::ur.kpss`).
 *
 * @param x the series (n ≥ 2)
 * @returns the statistic; large values reject stationarity
 * @example
 * kpssStatistic(randomWalk) > 0.463; // usually true
 */
export function kpssStatistic(x: readonly number[]): number {
  const n = x.length;
  let mean = 0;
  for (const v of x) mean += v / n;
  const e = x.map((v) => v - mean);
  let s = 0;
  let eta = 0;
  for (const v of e) {
    s += v;
    eta += s * s;
  }
  eta /= n * n;
  const lags = Math.trunc((3 * Math.sqrt(n)) / 13);
  let variance = 0;
  for (const v of e) variance += v * v;
  for (let k = 1; k <= lags; k++) {
    let c = 0;
    for (let t = k; t < n; t++) c += e[t] * e[t - k];
    variance += 2 * (1 - k / (lags + 1)) * c;
  }
  variance /= n;
  return variance > 0 ? eta / variance : 0;
}

/**
 * Number of first differences (0–2) needed for stationarity by repeated KPSS tests at 5%.
 *
 * @param x the series
 * @param maxD the most differences allowed (default 2)
 * @returns d
 * @example
 * ndiffs([1, 2, 4, 7, 11, 16, 22, 29, 37, 46, 56, 67]); // 2 for a steadily accelerating series
 */
export function ndiffs(x: readonly number[], maxD = 2): number {
  let d = 0;
  let y = x.slice();
  if (y.length < 3 || isConstant(y)) return 0;
  while (d < maxD && kpssStatistic(y) > KPSS_CRITICAL_5) {
    d++;
    y = difference(y, 1, 0, 1);
    if (y.length < 3 || isConstant(y)) return d;
  }
  return d;
}

/**
 * Strength of seasonality, max(0, 1 − Var(remainder) / Var(remainder + season)) (Wang, Smith &
 * Hyndman 2006), from a moving-average decomposition whose seasonal part may evolve slowly (R
 * uses STL; this is close for the purpose and much cheaper).
 *
 * @param x the series (n ≥ 2m)
 * @param m the season length
 * @returns the strength in [0, 1]
 * @example
 * seasonalStrength(monthlySales, 12); // e.g. 0.9 for a clear yearly pattern
 */
export function seasonalStrength(x: readonly number[], m: number): number {
  const trend = centredMovingAverage(x, m);
  const detrended = x.map((v, t) => v - trend[t]);
  // A seasonal pattern that may evolve, as STL's: per position in the season, a moving average
  // of the detrended values over ±3 seasons.
  const span = 3;
  const rem: number[] = [];
  const remSeas: number[] = [];
  for (let t = 0; t < x.length; t++) {
    if (!Number.isFinite(detrended[t])) continue;
    let sum = 0;
    let count = 0;
    for (let k = -span; k <= span; k++) {
      const u = t + k * m;
      if (u >= 0 && u < x.length && Number.isFinite(detrended[u])) {
        sum += detrended[u];
        count++;
      }
    }
    const s = sum / count;
    rem.push(detrended[t] - s);
    remSeas.push(detrended[t]);
  }
  if (rem.length < 2) return 0;
  const variance = (a: readonly number[]): number => {
    const mu = a.reduce((p, q) => p + q, 0) / a.length;
    return a.reduce((p, q) => p + (q - mu) * (q - mu), 0) / Math.max(1, a.length - 1);
  };
  const vs = variance(remSeas);
  if (!(vs > 0)) return 0;
  return Math.max(0, Math.min(1, 1 - variance(rem) / vs));
}

/**
 * Number of seasonal differences (0 or 1): 1 when the seasonal strength exceeds 0.64, as R's
 * `nsdiffs` default; 0 when there are fewer than two full seasons plus one value.
 *
 * @param x the series
 * @param m the season length
 * @returns D
 * @example
 * nsdiffs(monthlySales, 12); // 1 for a strong yearly pattern
 */
export function nsdiffs(x: readonly number[], m: number): number {
  if (m < 2 || x.length <= 2 * m || isConstant(x)) return 0;
  return seasonalStrength(x, m) > SEASONAL_STRENGTH_LIMIT ? 1 : 0;
}
