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
