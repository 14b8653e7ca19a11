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

/**
 * How validation errors become weights: "inverse" w_k ∝ 1/MSE_k (Bates & Granger 1969), "pick"
 * the lowest MSE alone (hold-out selection), "shrunk" half equal weights, half inverse.
 */
export type WeightScheme = "inverse" | "pick" | "shrunk";

/**
 * Weights of K voices from their hold-out mean squared errors.
 *
 * @param mses each voice's hold-out MSE (null or undefined when it could not be validated)
 * @param scheme how errors become weights
 * @returns weights summing to 1, or null when any voice has no error (the caller then uses
 * equal weights); voices with a zero error share all the weight (the others get none)
 * @example
 * validationWeights([1, 3], "inverse"); // [0.75, 0.25]
 * validationWeights([1, 3], "pick"); // [1, 0]
 * validationWeights([1, 3], "shrunk"); // [0.625, 0.375]
 */
export function validationWeights(
  mses: readonly (number | null | undefined)[],
  scheme: WeightScheme
): number[] | null {
  const k = mses.length;
  if (k === 0 || mses.some((e) => e === null || e === undefined || !(e >= 0))) return null;
  const e = mses as readonly number[];
  const zero = e.filter((x) => x === 0).length;
  let inverse: number[];
  if (zero > 0) inverse = e.map((x) => (x === 0 ? 1 / zero : 0));
  else {
    // Relative to the smallest error, so tiny errors cannot overflow 1/MSE.
    const least = Math.min(...e);
    const raw = e.map((x) => least / x);
    const total = raw.reduce((a, b) => a + b, 0);
    inverse = raw.map((x) => x / total);
  }
  if (scheme === "inverse") return inverse;
  if (scheme === "shrunk") return inverse.map((w) => 0.5 / k + 0.5 * w);
  const best = e.indexOf(Math.min(...e));
  return e.map((_, i) => (i === best ? 1 : 0));
}

/**
 * Weighted mean of several forecast paths, step by step.
 *
 * @param paths forecasts of the same horizon
 * @param weights one per path, summing to 1
 * @returns the combined path
 * @example
 * combineWeighted([[1, 2], [3, 4]], [0.75, 0.25]); // [1.5, 2.5]
 */
export function combineWeighted(
  paths: readonly (readonly number[])[],
  weights: readonly number[]
): number[] {
  const h = paths[0].length;
  const out = new Array<number>(h).fill(0);
  paths.forEach((p, k) => {
    if (weights[k] !== 0) for (let i = 0; i < h; i++) out[i] += weights[k] * p[i];
  });
  return out;
}
