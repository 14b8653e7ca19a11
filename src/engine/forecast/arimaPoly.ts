/**
 * Lag-polynomial arithmetic for ARIMA models: expanding the multiplicative seasonal form into one
 * AR and one MA polynomial, differencing, stationarity/invertibility checks and ψ weights.
 *
 * Conventions: AR coefficients φ as in x_t = Σ φ_k x_{t−k} + …, so the polynomial is
 * 1 − Σ φ_k B^k; MA coefficients θ as in … + e_t + Σ θ_k e_{t−k}, polynomial 1 + Σ θ_k B^k
 * (R's `arima` conventions). Arrays hold the coefficients of lags 1…p.
 */

/**
 * Expands (1 − Σ φ_i B^i)(1 − Σ Φ_j B^{jm}) into the coefficients of one AR polynomial.
 *
 * @param phi the non-seasonal AR coefficients
 * @param seasonalPhi the seasonal AR coefficients (lags m, 2m, …)
 * @param m the season length
 * @returns φ* with x_t = Σ φ*_k x_{t−k} + …, length p + P·m
 * @example
 * expandAr([0.5], [0.3], 4); // [0.5, 0, 0, 0.3, -0.15]
 */
export function expandAr(
  phi: readonly number[],
  seasonalPhi: readonly number[],
  m: number
): number[] {
  const p = phi.length;
  const out = new Array<number>(p + seasonalPhi.length * m).fill(0);
  for (let i = 0; i < p; i++) out[i] += phi[i];
  for (let j = 0; j < seasonalPhi.length; j++) {
    const lag = (j + 1) * m;
    out[lag - 1] += seasonalPhi[j];
    for (let i = 0; i < p; i++) out[lag + i] -= seasonalPhi[j] * phi[i];
  }
  return out;
}

/**
 * Expands (1 + Σ θ_i B^i)(1 + Σ Θ_j B^{jm}) into the coefficients of one MA polynomial.
 *
 * @param theta the non-seasonal MA coefficients
 * @param seasonalTheta the seasonal MA coefficients
 * @param m the season length
 * @returns θ*, length q + Q·m
 * @example
 * expandMa([0.5], [0.3], 4); // [0.5, 0, 0, 0.3, 0.15]
 */
export function expandMa(
  theta: readonly number[],
  seasonalTheta: readonly number[],
  m: number
): number[] {
  const q = theta.length;
  const out = new Array<number>(q + seasonalTheta.length * m).fill(0);
  for (let i = 0; i < q; i++) out[i] += theta[i];
  for (let j = 0; j < seasonalTheta.length; j++) {
    const lag = (j + 1) * m;
    out[lag - 1] += seasonalTheta[j];
    for (let i = 0; i < q; i++) out[lag + i] += seasonalTheta[j] * theta[i];
  }
  return out;
}

/**
 * The differencing operator (1 − B)^d (1 − B^m)^D as AR-style coefficients δ, so that
 * y_t = Σ δ_k y_{t−k} + x_t where x is the differenced series.
 *
 * @param d non-seasonal differences
 * @param D seasonal differences
 * @param m the season length
 * @returns δ, length d + D·m
 * @example
 * differencingCoefficients(1, 0, 1); // [1]
 * differencingCoefficients(2, 0, 1); // [2, -1]
 */
export function differencingCoefficients(d: number, D: number, m: number): number[] {
  // Multiply polynomials in the 1 + c1 B + … form, then flip signs into the AR convention.
  let poly = [1];
  const times = (factor: readonly number[]): void => {
    const out = new Array<number>(poly.length + factor.length - 1).fill(0);
    for (let i = 0; i < poly.length; i++)
      for (let j = 0; j < factor.length; j++) out[i + j] += poly[i] * factor[j];
    poly = out;
  };
  for (let i = 0; i < d; i++) times([1, -1]);
  const seasonal = new Array<number>(m + 1).fill(0);
  seasonal[0] = 1;
  seasonal[m] = -1;
  for (let i = 0; i < D; i++) times(seasonal);
  return poly.slice(1).map((c) => (c === 0 ? 0 : -c));
}

/**
 * Applies (1 − B)^d (1 − B^m)^D to a series.
 *
 * @param y the series
 * @param d non-seasonal differences
 * @param D seasonal differences
 * @param m the season length
 * @returns the differenced series, d + D·m values shorter
 * @example
 * difference([1, 4, 9, 16], 1, 0, 1); // [3, 5, 7]
 */
export function difference(y: readonly number[], d: number, D: number, m: number): number[] {
  let x = y.slice();
  for (let i = 0; i < D; i++) x = x.slice(m).map((v, t) => v - x[t]);
  for (let i = 0; i < d; i++) x = x.slice(1).map((v, t) => v - x[t]);
  return x;
}

/**
 * Whether 1 − Σ φ_k z^k has all its roots outside the circle of radius `margin` (margin 1 is
 * stationarity). Uses the Schur–Cohn step-down recursion (reflection coefficients below 1 in
 * magnitude), exact and O(p²), instead of a polynomial root finder.
 *
 * @param phi AR coefficients
 * @param margin the radius the roots must exceed (R's auto.arima rejects roots below 1.01)
 * @returns true when stationary with that margin
 * @example
 * isStationary([0.5]); // true
 * isStationary([1.2]); // false
 */
export function isStationary(phi: readonly number[], margin = 1): boolean {
  let a = phi.map((c, k) => c * Math.pow(margin, k + 1));
  while (a.length > 0 && a[a.length - 1] === 0) a.pop();
  for (let k = a.length; k >= 1; k--) {
    const r = a[k - 1];
    if (!(Math.abs(r) < 1)) return false;
    const next = new Array<number>(k - 1);
    const denom = 1 - r * r;
    for (let j = 0; j < k - 1; j++) next[j] = (a[j] + r * a[k - 2 - j]) / denom;
    a = next;
  }
  return true;
}

/**
 * Whether 1 + Σ θ_k z^k has all its roots outside the circle of radius `margin`.
 *
 * @param theta MA coefficients
 * @param margin the radius the roots must exceed
 * @returns true when invertible with that margin
 * @example
 * isInvertible([-0.5]); // true
 */
export function isInvertible(theta: readonly number[], margin = 1): boolean {
  return isStationary(
    theta.map((c) => -c),
    margin
  );
}

/**
 * The ψ weights of θ(B) / φ(B): the moving-average form x_t = Σ ψ_j e_{t−j} (ψ_0 = 1), which
 * gives the forecast-error variance σ²·Σ_{j<h} ψ_j².
 *
 * @param phi AR coefficients (include the differencing operator for an integrated model)
 * @param theta MA coefficients
 * @param h how many weights
 * @returns ψ_0 … ψ_{h−1}
 * @example
 * psiWeights([1], [], 3); // [1, 1, 1] (a random walk)
 */
export function psiWeights(phi: readonly number[], theta: readonly number[], h: number): number[] {
  const psi = new Array<number>(h).fill(0);
  if (h > 0) psi[0] = 1;
  for (let j = 1; j < h; j++) {
    let v = j <= theta.length ? theta[j - 1] : 0;
    for (let k = 1; k <= Math.min(j, phi.length); k++) v += phi[k - 1] * psi[j - k];
    psi[j] = v;
  }
  return psi;
}

/**
 * The non-zero coefficients of a lag polynomial, as parallel arrays (seasonal expansions are
 * mostly zeros; filtering over the non-zero lags only keeps the recursions fast).
 *
 * @param coefficients coefficients of lags 1…k
 * @returns lags and values of the non-zero ones
 * @example
 * sparseLags([0.5, 0, 0.2]); // { lags: [1, 3], values: [0.5, 0.2] }
 */
export function sparseLags(coefficients: readonly number[]): { lags: number[]; values: number[] } {
  const lags: number[] = [];
  const values: number[] = [];
  coefficients.forEach((c, i) => {
    if (c !== 0) {
      lags.push(i + 1);
      values.push(c);
    }
  });
  return { lags, values };
}
