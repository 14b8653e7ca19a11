/**
 * Small order statistics shared by the metrics. Inputs are plain number arrays that the caller
 * has already cleaned (no blanks, all finite); an empty input has no statistic and gives `null`,
 * so each metric decides which Excel error that becomes.
 */

/**
 * Arithmetic mean, summed in one pass.
 *
 * Complexity: O(n).
 *
 * @param values finite numbers
 * @returns the mean, or null for an empty list (the sum may overflow to ±Infinity: callers pass
 *   the result through `finite`)
 * @example
 * mean([1, 2, 6]); // 3
 * mean([]); // null
 */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** A sorted copy, so callers' arrays are never reordered. */
function sorted(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/**
 * Median: the middle value, or the mean of the two middle values for an even count.
 *
 * Complexity: O(n log n) (sorts a copy).
 *
 * @param values finite numbers, in any order
 * @returns the median, or null for an empty list
 * @example
 * median([5, 1, 3]); // 3
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  const s = sorted(values);
  const mid = n >> 1;
  // Halving each before adding keeps two values near Number.MAX_VALUE from overflowing.
  return n % 2 === 1 ? s[mid] : s[mid - 1] / 2 + s[mid] / 2;
}

/**
 * Nearest-rank percentile: the smallest value with at least `p` of the values at or below it,
 * i.e. the value at rank ⌈p·n⌉ (1-based) of the sorted values. Unlike interpolating percentiles
 * it is always one of the observed values ("90% of leads were answered within X").
 *
 * Complexity: O(n log n).
 *
 * @param values finite numbers, in any order
 * @param p the fraction, 0 < p ≤ 1 (0.9 for the 90th percentile)
 * @returns the percentile, or null for an empty list
 * @example
 * percentileNearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9); // 9
 * percentileNearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9); // 10 (rank ⌈9.9⌉ = 10)
 */
export function percentileNearestRank(values: ArrayLike<number>, p: number): number | null {
  const n = values.length;
  if (n === 0) return null;
  const s = sorted(values);
  // Rounding first keeps 0.9 × 10 = 9.000000000000002 from becoming rank 10.
  const rank = Math.ceil(Math.round(p * n * 1e9) / 1e9);
  return s[Math.min(n, Math.max(1, rank)) - 1];
}
