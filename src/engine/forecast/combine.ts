/**
 * Forecast combination: averaging the forecasts of a few good methods is more accurate than
 * selecting one (Bates & Granger 1969; Makridakis et al., the M4 competition, 2020).
 */

/**
 * Equal-weight mean of several forecast paths, step by step.
 *
 * @param paths forecasts of the same horizon (at least one)
 * @returns the combined path
 * @example
 * combineMean([[1, 2], [3, 4]]); // [2, 3]
 */
export function combineMean(paths: readonly (readonly number[])[]): number[] {
  const h = paths[0].length;
  const out = new Array<number>(h).fill(0);
  for (const p of paths) for (let i = 0; i < h; i++) out[i] += p[i] / paths.length;
  return out;
}

/**
 * Median of several forecast paths, step by step (robust to one method going astray).
 *
 * @param paths forecasts of the same horizon (at least one)
 * @returns the combined path
 * @example
 * combineMedian([[1, 2], [3, 4], [10, 0]]); // [3, 2]
 */
export function combineMedian(paths: readonly (readonly number[])[]): number[] {
  const h = paths[0].length;
  const out = new Array<number>(h);
  const column = new Array<number>(paths.length);
  for (let i = 0; i < h; i++) {
    for (let k = 0; k < paths.length; k++) column[k] = paths[k][i];
    column.sort((a, b) => a - b);
    const mid = paths.length >> 1;
    out[i] = paths.length % 2 ? column[mid] : (column[mid - 1] + column[mid]) / 2;
  }
  return out;
}
