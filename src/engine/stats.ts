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

/**
 * The k-th smallest (0-based) of `a`, which is partially reordered: quickselect with a
 * median-of-three pivot, O(n) on average. Sorting a million response times takes a third of a
 * second; selecting one takes a few milliseconds.
 */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    // Median of three as the pivot keeps sorted and reversed inputs linear.
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k];
  }
  return a[k];
}

/**
 * Median: the middle value, or the mean of the two middle values for an even count.
 *
 * Complexity: O(n) on average (selects in a copy).
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
  const s = Float64Array.from(values);
  const mid = n >> 1;
  const upper = select(s, mid);
  if (n % 2 === 1) return upper;
  // After selecting, everything left of mid is ≤ upper: the lower middle is their maximum.
  let lower = -Infinity;
  for (let i = 0; i < mid; i++) if (s[i] > lower) lower = s[i];
  // Halving each before adding keeps two values near Number.MAX_VALUE from overflowing.
  return lower / 2 + upper / 2;
}

/**
 * Nearest-rank percentile: the smallest value with at least `p` of the values at or below it,
 * i.e. the value at rank ⌈p·n⌉ (1-based) of the sorted values. Unlike interpolating percentiles
 * it is always one of the observed values ("90% of leads were answered within X").
 *
 * Complexity: O(n) on average (selects in a copy).
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
  // Rounding first keeps 0.9 × 10 = 9.000000000000002 from becoming rank 10.
  const rank = Math.ceil(Math.round(p * n * 1e9) / 1e9);
  return select(Float64Array.from(values), Math.min(n, Math.max(1, rank)) - 1);
}
