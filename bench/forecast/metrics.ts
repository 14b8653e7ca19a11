/**
 * Accuracy measures of the M3/M4 competitions.
 */

/**
 * sMAPE as defined for M3/M4: mean of 200·|y − f| / (|y| + |f|), in percent (0 when both are 0).
 *
 * @param actual the hold-out values
 * @param fc the forecasts
 * @returns the sMAPE in percent
 * @example
 * smape([100], [110]); // 9.52…
 */
export function smape(actual: readonly number[], fc: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(fc[i]);
    s += d > 0 ? (200 * Math.abs(actual[i] - fc[i])) / d : 0;
  }
  return s / actual.length;
}

/**
 * MASE: mean absolute error scaled by the in-sample MAE of the seasonal naive forecast of period
 * m (naive when m = 1), as in M4.
 *
 * @param train the history
 * @param actual the hold-out values
 * @param fc the forecasts
 * @param m the data's frequency
 * @returns the MASE
 * @example
 * mase([1, 2, 3], [4], [4.5], 1); // 0.5
 */
export function mase(
  train: readonly number[],
  actual: readonly number[],
  fc: readonly number[],
  m: number
): number {
  const lag = train.length > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < train.length; t++) scale += Math.abs(train[t] - train[t - lag]);
  scale /= train.length - lag;
  let mae = 0;
  for (let i = 0; i < actual.length; i++) mae += Math.abs(actual[i] - fc[i]);
  mae /= actual.length;
  return scale > 0 ? mae / scale : mae > 0 ? Infinity : 0;
}

/**
 * MSIS, the M4 competition's interval score: mean over the horizon of (U − L) plus 2/α times
 * how far each actual falls outside [L, U], scaled like MASE by the in-sample seasonal-naive MAE.
 *
 * @param train the history
 * @param actual the hold-out values
 * @param lower the lower bounds
 * @param upper the upper bounds
 * @param m the data's frequency
 * @param alpha 1 − the interval's coverage (0.05 for 95%)
 * @returns the MSIS
 * @example
 * msis([1, 2, 3], [4], [3.5], [4.5], 1, 0.05); // 1
 */
export function msis(
  train: readonly number[],
  actual: readonly number[],
  lower: readonly number[],
  upper: readonly number[],
  m: number,
  alpha: number
): number {
  const lag = train.length > m ? m : 1;
  let scale = 0;
  for (let t = lag; t < train.length; t++) scale += Math.abs(train[t] - train[t - lag]);
  scale /= train.length - lag;
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    s += upper[i] - lower[i];
    if (actual[i] < lower[i]) s += (2 / alpha) * (lower[i] - actual[i]);
    if (actual[i] > upper[i]) s += (2 / alpha) * (actual[i] - upper[i]);
  }
  s /= actual.length;
  return scale > 0 ? s / scale : s > 0 ? Infinity : 0;
}
