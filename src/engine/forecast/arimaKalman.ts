/**
 * Exact Gaussian likelihood of a stationary ARMA process by the Kalman filter on its state-space
 * form (Harvey 1989; Gardner, Harvey & Phillips 1980, the algorithm behind R's `arima`):
 * state a_t of size r = max(p, q + 1), transition T = companion matrix of φ, disturbance
 * loading R = (1, θ_1, …, θ_{r−1}), observation x_t = a_t[0]. The variance σ² is concentrated
 * out. The companion structure makes each step O(r²); once the gain has settled (invertible MA)
 * the filter switches to the O(r) steady-state recursion.
 */

/** Result of one filter pass. */
export interface KalmanRun {
  /** Σ v_t² / F_t (the concentrated σ² is this over n). */
  readonly ssq: number;
  /** Σ log F_t. */
  readonly sumLog: number;
  /** The filtered state after the last observation, for forecasting. */
  readonly state: Float64Array;
  /** Standardized one-step innovations v_t / √F_t (the residuals). */
  readonly residuals: Float64Array;
}

/**
 * The stationary covariance of the state, solving P = T P T′ + R R′. Small states (r ≤ 6, every
 * non-seasonal model of the search) solve the r² linear equations exactly; larger (seasonal)
 * states sum P = Σ_j (T^j R)(T^j R)′ until the terms are negligible, at most `maxTerms` of them
 * (near a unit root this truncates, which only matters for parameters about to be rejected).
 */
function stationaryCovariance(phi: Float64Array, rVec: Float64Array, r: number): Float64Array {
  if (r <= 6) {
    const solved = lyapunovSolve(phi, rVec, r);
    if (solved) return solved;
  }
  const P = new Float64Array(r * r);
  let g = Float64Array.from(rVec);
  const next = new Float64Array(r);
  const maxTerms = 600;
  let first = 0;
  for (let j = 0; j < maxTerms; j++) {
    let norm = 0;
    for (let i = 0; i < r; i++) {
      const gi = g[i];
      norm += gi * gi;
      if (gi === 0) continue;
      for (let k = i; k < r; k++) P[i * r + k] += gi * g[k];
    }
    if (j === 0) first = norm;
    if (norm < 1e-12 * first && j > r) break;
    const g0 = g[0];
    for (let i = 0; i < r; i++) next[i] = phi[i] * g0 + (i + 1 < r ? g[i + 1] : 0);
    g = Float64Array.from(next);
  }
  for (let i = 0; i < r; i++) for (let k = 0; k < i; k++) P[i * r + k] = P[k * r + i];
  return P;
}

/** (I − T⊗T) vec P = vec(R R′) by Gaussian elimination with partial pivoting; null if singular. */
function lyapunovSolve(phi: Float64Array, rVec: Float64Array, r: number): Float64Array | null {
  const N = r * r;
  const A = new Float64Array(N * (N + 1));
  const T = (i: number, k: number): number => (k === 0 ? phi[i] : 0) + (k === i + 1 ? 1 : 0);
  for (let i = 0; i < r; i++)
    for (let j = 0; j < r; j++) {
      const row = (i * r + j) * (N + 1);
      for (let k = 0; k < r; k++) {
        const tik = T(i, k);
        if (tik === 0) continue;
        for (let l = 0; l < r; l++) A[row + k * r + l] -= tik * T(j, l);
      }
      A[row + i * r + j] += 1;
      A[row + N] = rVec[i] * rVec[j];
    }
  for (let c = 0; c < N; c++) {
    let piv = c;
    for (let k = c + 1; k < N; k++)
      if (Math.abs(A[k * (N + 1) + c]) > Math.abs(A[piv * (N + 1) + c])) piv = k;
    if (Math.abs(A[piv * (N + 1) + c]) < 1e-12) return null;
    if (piv !== c)
      for (let k = 0; k <= N; k++) {
        const t = A[c * (N + 1) + k];
        A[c * (N + 1) + k] = A[piv * (N + 1) + k];
        A[piv * (N + 1) + k] = t;
      }
    const d = A[c * (N + 1) + c];
    for (let k = c + 1; k < N; k++) {
      const f = A[k * (N + 1) + c] / d;
      if (f === 0) continue;
      for (let l = c; l <= N; l++) A[k * (N + 1) + l] -= f * A[c * (N + 1) + l];
    }
  }
  const P = new Float64Array(N);
  for (let c = N - 1; c >= 0; c--) {
    let v = A[c * (N + 1) + N];
    for (let k = c + 1; k < N; k++) v -= A[c * (N + 1) + k] * P[k];
    P[c] = v / A[c * (N + 1) + c];
  }
  return P;
}

/**
 * Runs the Kalman filter over a zero-mean stationary series.
 *
 * @param w the (differenced, mean-removed) series
 * @param phiFull expanded AR coefficients (lags 1…p)
 * @param thetaFull expanded MA coefficients (lags 1…q)
 * @returns sums for the concentrated likelihood, the final state and the residuals
 * @example
 * const run = kalmanArma(x, [0.5], []);
 * const sigma2 = run.ssq / x.length;
 */
export function kalmanArma(
  w: readonly number[],
  phiFull: readonly number[],
  thetaFull: readonly number[]
): KalmanRun {
  const n = w.length;
  const p = phiFull.length;
  const r = Math.max(p, thetaFull.length + 1);
  const phi = new Float64Array(r);
  for (let i = 0; i < p; i++) phi[i] = phiFull[i];
  const rv = new Float64Array(r);
  rv[0] = 1;
  for (let i = 0; i < thetaFull.length; i++) rv[i + 1] = thetaFull[i];

  let P: Float64Array = stationaryCovariance(phi, rv, r);
  // Two buffers swapped in turn: a fresh matrix per step made the garbage collector the hot spot.
  let spare: Float64Array = new Float64Array(r * r);
  const a = new Float64Array(r);
  const anew = new Float64Array(r);
  const residuals = new Float64Array(n);
  let ssq = 0;
  let sumLog = 0;
  let steady = false;
  for (let t = 0; t < n; t++) {
    if (t > 0) {
      const a0 = a[0];
      for (let i = 0; i < r; i++) anew[i] = phi[i] * a0 + (i + 1 < r ? a[i + 1] : 0);
      a.set(anew);
      if (!steady) {
        // P ← T P T′ + R R′ with T the companion matrix, element by element on one triangle:
        // (T P T′)[i][j] = φ_i φ_j P00 + φ_i P[0][j+1] + φ_j P[i+1][0] + P[i+1][j+1].
        const next = spare;
        const p00 = P[0];
        for (let i = 0; i < r; i++) {
          const fi = phi[i];
          const ri = rv[i];
          const below = i + 1 < r ? (i + 1) * r : -1;
          const pi0 = below >= 0 ? P[below] : 0;
          for (let j = i; j < r; j++) {
            let pij = (fi * p00 + pi0) * phi[j] + ri * rv[j];
            if (j + 1 < r) {
              pij += fi * P[j + 1];
              if (below >= 0) pij += P[below + j + 1];
            }
            next[i * r + j] = pij;
            next[j * r + i] = pij;
          }
        }
        spare = P;
        P = next;
      }
    }
    const v = w[t] - a[0];
    if (steady) {
      ssq += v * v;
      residuals[t] = v;
      for (let i = 0; i < r; i++) a[i] += rv[i] * v;
      continue;
    }
    const F = P[0];
    if (!(F > 0)) return { ssq: Infinity, sumLog: Infinity, state: a, residuals };
    ssq += (v * v) / F;
    sumLog += Math.log(F);
    residuals[t] = v / Math.sqrt(F);
    for (let i = 0; i < r; i++) a[i] += (P[i * r] * v) / F;
    const next = spare;
    let trace = 0;
    for (let i = 0; i < r; i++) {
      const gi = P[i * r] / F;
      for (let j = i; j < r; j++) {
        const pij = P[i * r + j] - gi * P[j];
        next[i * r + j] = pij;
        next[j * r + i] = pij;
      }
      trace += next[i * r + i];
    }
    spare = P;
    P = next;
    // Once the filtered state is known exactly, the gain is R for good: the cheap recursion.
    if (trace < 1e-9) steady = true;
  }
  return { ssq, sumLog, state: a, residuals };
}
