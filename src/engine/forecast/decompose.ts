/**
 * Classical seasonal decomposition (as R's `decompose`): the seasonal indices are the averages,
 * per position in the season, of the series divided by (or minus) its centred moving average.
 * Used to seasonally adjust for the Theta method and Naive2, and to start the ETS seasonal states.
 */

/** Seasonal indices, one per position in the season, starting at the first observation. */
export interface SeasonalIndices {
  readonly type: "multiplicative" | "additive";
  readonly indices: readonly number[];
}

/**
 * Centred moving average of order m (a 2×m average when m is even); `NaN` at the ends.
 *
 * @param x the series
 * @param m the season length
 * @returns the trend-cycle estimate
 * @example
 * centredMovingAverage([1, 2, 3, 4, 5], 2); // [NaN, 2, 3, 4, NaN]
 */
export function centredMovingAverage(x: readonly number[], m: number): number[] {
  const n = x.length;
  const out = new Array<number>(n).fill(NaN);
  const half = Math.floor(m / 2);
  for (let t = half; t < n - half; t++) {
    let s = 0;
    if (m % 2 === 1) {
      for (let k = -half; k <= half; k++) s += x[t + k];
      out[t] = s / m;
    } else {
      for (let k = -half + 1; k <= half - 1; k++) s += x[t + k];
      s += (x[t - half] + x[t + half]) / 2;
      out[t] = s / m;
    }
  }
  return out;
}

/**
 * Seasonal indices of period m: multiplicative (normalized to mean 1) when every value is
 * positive and `type` allows it, else additive (normalized to mean 0). Needs n ≥ 2m.
 *
 * @param x the series
 * @param m the season length (≥ 2)
 * @param type the preferred form
 * @returns the indices, position 0 being the first observation's
 * @example
 * seasonalIndices([1, 3, 1, 3, 1, 3], 2).indices; // [0.5, 1.5]
 */
export function seasonalIndices(
  x: readonly number[],
  m: number,
  type: "multiplicative" | "additive" = "multiplicative"
): SeasonalIndices {
  const mult = type === "multiplicative" && x.every((v) => v > 0);
  const trend = centredMovingAverage(x, m);
  const sums = new Array<number>(m).fill(0);
  const counts = new Array<number>(m).fill(0);
  for (let t = 0; t < x.length; t++) {
    if (!Number.isFinite(trend[t])) continue;
    const v = mult ? x[t] / trend[t] : x[t] - trend[t];
    if (!Number.isFinite(v)) continue;
    sums[t % m] += v;
    counts[t % m]++;
  }
  const raw = sums.map((s, i) => (counts[i] > 0 ? s / counts[i] : mult ? 1 : 0));
  const centre = raw.reduce((a, b) => a + b, 0) / m;
  const indices = mult
    ? raw.map((v) => (centre > 0 && v > 0 ? v / centre : 1))
    : raw.map((v) => v - centre);
  return { type: mult ? "multiplicative" : "additive", indices };
}

/**
 * Removes seasonality: divides by (or subtracts) each observation's index.
 *
 * @param x the series
 * @param s the indices
 * @returns the seasonally adjusted series
 * @example
 * adjust([1, 3], { type: "multiplicative", indices: [0.5, 1.5] }); // [2, 2]
 */
export function adjust(x: readonly number[], s: SeasonalIndices): number[] {
  const m = s.indices.length;
  return x.map((v, t) =>
    s.type === "multiplicative" ? v / s.indices[t % m] : v - s.indices[t % m]
  );
}

/**
 * Puts seasonality back on forecasts of steps 1…h after a history of length n.
 *
 * @param f the adjusted forecasts
 * @param n the history length
 * @param s the indices
 * @returns the seasonal forecasts
 * @example
 * reseason([2, 2], 2, { type: "multiplicative", indices: [0.5, 1.5] }); // [1, 3]
 */
export function reseason(f: readonly number[], n: number, s: SeasonalIndices): number[] {
  const m = s.indices.length;
  return f.map((v, i) => {
    const idx = s.indices[(n + i) % m];
    return s.type === "multiplicative" ? v * idx : v + idx;
  });
}
