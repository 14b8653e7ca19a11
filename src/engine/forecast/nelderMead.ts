/**
 * Nelder–Mead simplex minimization (Nelder & Mead 1965), the derivative-free optimizer R's
 * `ets()` also uses for its likelihood. Bounded by an evaluation budget so a forecast in a cell
 * always finishes quickly; deterministic (no random restarts).
 */

/** Options of {@link nelderMead}. */
export interface NelderMeadOptions {
  /** Maximum number of objective evaluations (default 400). */
  readonly maxEvaluations?: number;
  /** Stop when the simplex's objective values differ by less than this (default 1e-8). */
  readonly tolerance?: number;
  /** Initial step per coordinate (default 10% of the coordinate, or 0.05 when it is 0). */
  readonly steps?: readonly number[];
}

/** The best point found and its objective value. */
export interface NelderMeadResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

/**
 * Minimizes `f` from `start`. Non-finite objective values are treated as +Infinity, which is how
 * callers express constraints (a penalty outside the admissible region).
 *
 * Complexity: O(evaluations × d) besides the objective's own cost.
 *
 * @param f the objective
 * @param start the starting point
 * @param options budget, tolerance and initial steps
 * @returns the best point, its value and the evaluations used
 * @example
 * nelderMead(([x, y]) => (x - 1) ** 2 + (y + 2) ** 2, [0, 0]).x; // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions = {}
): NelderMeadResult {
  const d = start.length;
  const maxEval = options.maxEvaluations ?? 400;
  const tol = options.tolerance ?? 1e-8;
  let evaluations = 0;
  const evaluate = (x: number[]): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };

  const points: number[][] = [start.slice()];
  for (let i = 0; i < d; i++) {
    const p = start.slice();
    const step = options.steps?.[i] ?? (p[i] !== 0 ? 0.1 * Math.abs(p[i]) : 0.05);
    p[i] += step;
    points.push(p);
  }
  const values = points.map(evaluate);
  const order = points.map((_, i) => i);
  const centroid = new Array<number>(d);
  const trial = (from: number[], toward: number[], t: number): number[] => {
    const out = new Array<number>(d);
    for (let j = 0; j < d; j++) out[j] = from[j] + t * (toward[j] - from[j]);
    return out;
  };

  while (evaluations < maxEval) {
    order.sort((a, b) => values[a] - values[b]);
    const best = order[0];
    const worst = order[d];
    const second = order[d - 1];
    const spread = Math.abs(values[worst] - values[best]);
    if (spread <= tol * (Math.abs(values[best]) + tol) && Number.isFinite(values[worst])) break;

    centroid.fill(0);
    for (let k = 0; k < d; k++) {
      const p = points[order[k]];
      for (let j = 0; j < d; j++) centroid[j] += p[j] / d;
    }
    const reflected = trial(centroid, points[worst], -1);
    const fr = evaluate(reflected);
    if (fr < values[best]) {
      const expanded = trial(centroid, points[worst], -2);
      const fe = evaluate(expanded);
      if (fe < fr) {
        points[worst] = expanded;
        values[worst] = fe;
      } else {
        points[worst] = reflected;
        values[worst] = fr;
      }
      continue;
    }
    if (fr < values[second]) {
      points[worst] = reflected;
      values[worst] = fr;
      continue;
    }
    const outside = fr < values[worst];
    const contracted = outside
      ? trial(centroid, reflected, 0.5)
      : trial(centroid, points[worst], 0.5);
    const fc = evaluate(contracted);
    if (fc < (outside ? fr : values[worst])) {
      points[worst] = contracted;
      values[worst] = fc;
      continue;
    }
    // Shrink toward the best point.
    for (let k = 1; k <= d; k++) {
      const i = order[k];
      points[i] = trial(points[best], points[i], 0.5);
      values[i] = evaluate(points[i]);
    }
  }
  let bestIndex = 0;
  for (let i = 1; i <= d; i++) if (values[i] < values[bestIndex]) bestIndex = i;
  return { x: points[bestIndex], value: values[bestIndex], evaluations };
}
