/**
 * The benchmark forecasts of the M competitions: naive, seasonal naive, Naive2 (naive on the
 * classically seasonally adjusted series, seasonal only when the 90% ACF test passes), and the
 * least-squares line that Excel's FORECAST.LINEAR extrapolates.
 */
import { adjust, reseason, seasonalIndices } from "./decompose";
import { isSeasonal } from "./seasonality";

/**
 * Repeats the last value.
 *
 * @param y the history (non-empty)
 * @param h the horizon
 * @returns h forecasts
 * @example
 * naive([1, 2, 3], 2); // [3, 3]
 */
export function naive(y: readonly number[], h: number): number[] {
  return new Array<number>(h).fill(y[y.length - 1]);
}

/**
 * Repeats the last season (plain naive when m < 2 or the history is shorter than a season).
 *
 * @param y the history
 * @param m the season length
 * @param h the horizon
 * @returns h forecasts
 * @example
 * seasonalNaive([1, 2, 3, 4], 2, 3); // [3, 4, 3]
 */
export function seasonalNaive(y: readonly number[], m: number, h: number): number[] {
  const n = y.length;
  if (m < 2 || n < m) return naive(y, h);
  return Array.from({ length: h }, (_, i) => y[n - m + (i % m)]);
}

/**
 * Naive2 of the M3/M4 competitions: multiplicative classical decomposition when the series
 * passes the 90% seasonality test at lag m, naive forecast of the adjusted series, re-seasoned.
 *
 * @param y the history
 * @param m the season length (the data's frequency)
 * @param h the horizon
 * @returns h forecasts
 * @example
 * naive2(monthly, 12, 12);
 */
export function naive2(y: readonly number[], m: number, h: number): number[] {
  if (!isSeasonal(y, m)) return naive(y, h);
  const s = seasonalIndices(y, m);
  const adjusted = adjust(y, s);
  return reseason(naive(adjusted, h), y.length, s);
}

/**
 * Extrapolates the least-squares line through (1, y1)…(n, yn), FORECAST.LINEAR's method.
 *
 * @param y the history
 * @param h the horizon
 * @returns h forecasts
 * @example
 * linearTrend([1, 2, 3], 2); // [4, 5]
 */
export function linearTrend(y: readonly number[], h: number): number[] {
  const { intercept, slope } = leastSquaresLine(y);
  return Array.from({ length: h }, (_, i) => intercept + slope * (y.length + i));
}

/**
 * The least-squares line of y against t = 0…n−1.
 *
 * @param y the series
 * @returns intercept (at t = 0) and slope; slope 0 for one point
 * @example
 * leastSquaresLine([1, 3, 5]); // { intercept: 1, slope: 2 }
 */
export function leastSquaresLine(y: readonly number[]): { intercept: number; slope: number } {
  const n = y.length;
  const tm = (n - 1) / 2;
  let ym = 0;
  for (const v of y) ym += v / n;
  let sxy = 0;
  let sxx = 0;
  for (let t = 0; t < n; t++) {
    sxy += (t - tm) * (y[t] - ym);
    sxx += (t - tm) * (t - tm);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { intercept: ym - slope * tm, slope };
}
