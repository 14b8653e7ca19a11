/**
 * Levenberg–Marquardt minimization of a sum of squares (Levenberg 1944; Marquardt 1963) with a
 * forward-difference Jacobian. Used where the objective is a sum of squared residuals and a good
 * start is known — the exact ARMA likelihood written as scaled innovations, started from the
 * conditional-sum-of-squares estimates: it converges in a handful of iterations where a simplex
 * needs a hundred evaluations. Deterministic; bounded by an iteration budget.
 */

/** Options of {@link levenbergMarquardt}. */
export interface LevenbergMarquardtOptions {
  /** Most iterations (each costs k + 1 residual evaluations; default 20). */
  readonly maxIterations?: number;
  /** Stop when the sum of squares falls by less than this fraction twice in a row (default 1e-9). */
  readonly tolerance?: number;
  /** Forward-difference step per coordinate (default 1e-6). */
  readonly step?: number;
}

/** The best point found, its sum of squares and the residual evaluations used. */
export interface LevenbergMarquardtResult {
  readonly x: number[];
  readonly value: number;
  readonly evaluations: number;
}

const sumSquares = (r: ArrayLike<number>): number => {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
};

/** Solves the small symmetric system A x = b (Gaussian elimination, partial pivoting). */
function solve(A: number[][], b: number[]): number[] | null {
  const k = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    if (!(Math.abs(M[piv][c]) > 1e-300)) return null;
    [M[c], M[piv]] = [M[piv], M[c]];
    for (let r = c + 1; r < k; r++) {
      const f = M[r][c] / M[c][c];
      for (let j = c; j <= k; j++) M[r][j] -= f * M[c][j];
    }
  }
  const x = new Array<number>(k).fill(0);
  for (let c = k - 1; c >= 0; c--) {
    let v = M[c][k];
    for (let j = c + 1; j < k; j++) v -= M[c][j] * x[j];
    x[c] = v / M[c][c];
  }
  return x.every(Number.isFinite) ? x : null;
}

/**
 * Minimizes Σ r_i(x)² from `start`. `residuals` returns null outside the admissible region (a
 * step landing there is rejected and the damping raised).
 *
 * Complexity: O(iterations × (k + 1)) residual evaluations plus O(iterations × (n·k² + k³)).
 *
 * @param residuals the residual vector at a point, or null when the point is not admissible
 * @param start an admissible starting point
 * @param options iteration budget, tolerance and difference step
 * @returns the best point, its sum of squares and the evaluations used
 * @example
 * levenbergMarquardt(([a, b]) => [a - 1, 10 * (b - a * a)], [0, 0]).x; // ≈ [1, 1]
 */
export function levenbergMarquardt(
  residuals: (x: readonly number[]) => ArrayLike<number> | null,
  start: readonly number[],
  options: LevenbergMarquardtOptions = {}
): LevenbergMarquardtResult {
  const maxIterations = options.maxIterations ?? 20;
  const tolerance = options.tolerance ?? 1e-9;
  const h = options.step ?? 1e-6;
  const k = start.length;
  let x = start.slice();
  let evaluations = 1;
  const r0 = residuals(x);
  if (!r0) return { x, value: Infinity, evaluations };
  let r = Array.from(r0);
  let value = sumSquares(r);
  if (k === 0 || !Number.isFinite(value)) return { x, value, evaluations };
  let lambda = 1e-3;
  // Two small gains in a row end the search: one alone may come from a heavily damped step.
  let smallGains = 0;
  for (let it = 0; it < maxIterations; it++) {
    // Forward-difference Jacobian, one column per coordinate.
    const J: number[][] = [];
    for (let j = 0; j < k; j++) {
      const xj = x.slice();
      const step = h * Math.max(1, Math.abs(x[j]));
      xj[j] += step;
      evaluations++;
      let rj = residuals(xj);
      let s = step;
      if (!rj) {
        xj[j] = x[j] - step;
        evaluations++;
        rj = residuals(xj);
        s = -step;
      }
      if (!rj) return { x, value, evaluations };
      const col = new Array<number>(r.length);
      for (let i = 0; i < r.length; i++) col[i] = (rj[i] - r[i]) / s;
      J.push(col);
    }
    const JtJ = J.map((a) => J.map((b) => a.reduce((s, v, i) => s + v * b[i], 0)));
    const Jtr = J.map((a) => a.reduce((s, v, i) => s + v * r[i], 0));
    let accepted = false;
    for (let tries = 0; tries < 8 && !accepted; tries++) {
      const A = JtJ.map((row, i) => row.map((v, j) => (i === j ? v * (1 + lambda) + 1e-12 : v)));
      const delta = solve(
        A,
        Jtr.map((v) => -v)
      );
      if (!delta) {
        lambda *= 10;
        continue;
      }
      const candidate = x.map((v, i) => v + delta[i]);
      evaluations++;
      const rc = residuals(candidate);
      const vc = rc ? sumSquares(rc) : Infinity;
      if (vc < value) {
        const gain = (value - vc) / value;
        x = candidate;
        r = Array.from(rc as ArrayLike<number>);
        value = vc;
        lambda = Math.max(lambda / 10, 1e-12);
        accepted = true;
        smallGains = gain < tolerance ? smallGains + 1 : 0;
        if (smallGains >= 2) return { x, value, evaluations };
      } else lambda *= 10;
    }
    if (!accepted) break;
  }
  return { x, value, evaluations };
}
