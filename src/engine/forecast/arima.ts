/**
 * Seasonal ARIMA(p,d,q)(P,D,Q)_m with an optional constant (a mean when d + D = 0, a drift when
 * d + D = 1), fitted as R's `arima(method = "CSS-ML")`: conditional sum of squares for a start,
 * then the exact Gaussian likelihood by the Kalman filter (`arimaKalman.ts`). Forecasts come from
 * the filtered state; their variances from the ψ weights of the integrated model (Box & Jenkins).
 */
import {
  difference,
  differencingCoefficients,
  expandAr,
  expandMa,
  isInvertible,
  isStationary,
  psiWeights,
  sparseLags,
} from "./arimaPoly";
import { kalmanArma } from "./arimaKalman";
import { levenbergMarquardt } from "./levenbergMarquardt";
import { nelderMead } from "./nelderMead";

/** The orders of a seasonal ARIMA model and whether it has a constant. */
export interface ArimaSpec {
  readonly p: number;
  readonly d: number;
  readonly q: number;
  readonly P: number;
  readonly D: number;
  readonly Q: number;
  /** Season length (1 when P = D = Q = 0). */
  readonly m: number;
  /** A mean (d + D = 0) or drift (d + D = 1); never with d + D ≥ 2. */
  readonly constant: boolean;
}

/** A fitted ARIMA model (on the data's scale). */
export interface ArimaModel {
  readonly spec: ArimaSpec;
  readonly phi: readonly number[];
  readonly theta: readonly number[];
  readonly seasonalPhi: readonly number[];
  readonly seasonalTheta: readonly number[];
  /** Mean of the differenced series (drift × 1 or × m when d + D = 1); 0 without a constant. */
  readonly mean: number;
  /** Innovation variance, residual sum of squares over (n − d − Dm − coefficients), as R. */
  readonly sigma2: number;
  readonly loglik: number;
  readonly aicc: number;
  /** "ML" exact likelihood, "CSS" conditional sum of squares (search approximation). */
  readonly method: "ML" | "CSS";
  /** Filtered ARMA state after the last observation. */
  readonly state: readonly number[];
  /** The last d + D·m values of the history, to undo the differencing. */
  readonly tail: readonly number[];
}

/** Options of {@link fitArima}. */
export interface FitArimaOptions {
  /** Refine the CSS estimates by exact maximum likelihood (default true). */
  readonly exact?: boolean;
  /**
   * Levenberg–Marquardt iterations of the exact-likelihood refinement (default 20). 0 keeps the
   * CSS estimates but still scores them by the exact likelihood (a cheap stand-in for the
   * maximized one, used to rank seasonal models in the search).
   */
  readonly mlIterations?: number;
  /**
   * Polish the exact-likelihood estimates with a short simplex search (default true). Gauss–Newton
   * steps converge slowly along the flat ridges of near-cancelling AR and MA factors; the search
   * ranks candidates without it and only the chosen model is polished.
   */
  readonly polish?: boolean;
  /**
   * Coefficients to start from (a neighbouring model of the search): missing ones start at 0,
   * extra ones are dropped. Warm starts cut the optimizer's work several-fold.
   */
  readonly init?: Pick<ArimaModel, "phi" | "theta" | "seasonalPhi" | "seasonalTheta" | "mean">;
}

/** The (spec-dependent) parameter vector split into its parts. */
interface Parts {
  phi: number[];
  theta: number[];
  sPhi: number[];
  sTheta: number[];
  mean: number;
}

function unpack(u: readonly number[], spec: ArimaSpec, fixedMean: number): Parts {
  let i = 0;
  const take = (k: number): number[] => {
    const out = u.slice(i, i + k);
    i += k;
    return out;
  };
  const phi = take(spec.p);
  const theta = take(spec.q);
  const sPhi = take(spec.P);
  const sTheta = take(spec.Q);
  const mean = spec.constant ? u[i] : fixedMean;
  return { phi, theta, sPhi, sTheta, mean };
}

function admissible(parts: Parts, margin: number): boolean {
  return (
    isStationary(parts.phi, margin) &&
    isStationary(parts.sPhi, margin) &&
    isInvertible(parts.theta, margin) &&
    isInvertible(parts.sTheta, margin)
  );
}

/** Conditional sum of squares: residuals from t = p + P·m on, earlier ones taken as 0. */
function cssSum(
  x: readonly number[],
  parts: Parts,
  m: number,
  buffers?: { e: Float64Array; w: Float64Array }
): { ssr: number; used: number } {
  const ar = sparseLags(expandAr(parts.phi, parts.sPhi, m));
  const ma = sparseLags(expandMa(parts.theta, parts.sTheta, m));
  const n = x.length;
  const ncond = parts.phi.length + parts.sPhi.length * m;
  // Reused across the optimizer's evaluations: allocation, not arithmetic, dominated the cost.
  const e = buffers?.e ?? new Float64Array(n);
  const w = buffers?.w ?? new Float64Array(n);
  for (let t = 0; t < n; t++) {
    w[t] = x[t] - parts.mean;
    e[t] = 0;
  }
  const arLags = ar.lags;
  const arValues = ar.values;
  const maLags = ma.lags;
  const maValues = ma.values;
  let ssr = 0;
  for (let t = ncond; t < n; t++) {
    let v = w[t];
    for (let k = 0; k < arLags.length; k++) v -= arValues[k] * w[t - arLags[k]];
    for (let k = 0; k < maLags.length; k++) {
      const lag = maLags[k];
      if (t - lag >= 0) v -= maValues[k] * e[t - lag];
    }
    e[t] = v;
    ssr += v * v;
  }
  return { ssr, used: n - ncond };
}

function exactRun(x: readonly number[], parts: Parts, m: number): ReturnType<typeof kalmanArma> {
  const w = x.map((v) => v - parts.mean);
  return kalmanArma(w, expandAr(parts.phi, parts.sPhi, m), expandMa(parts.theta, parts.sTheta, m));
}

/**
 * Fits one ARIMA model.
 *
 * @param y the series (scaled to order 1 by the caller for well-conditioned optimization)
 * @param spec the orders
 * @param options whether to refine by exact likelihood
 * @returns the model, or null when there are too few values, the fit failed, or its AR/MA roots
 * lie within 1.01 of the unit circle (R's auto.arima rejects those too)
 * @example
 * fitArima(series, { p: 1, d: 1, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: true })?.phi; // [φ]
 */
export function fitArima(
  y: readonly number[],
  spec: ArimaSpec,
  options: FitArimaOptions = {}
): ArimaModel | null {
  const m = spec.m;
  const x = difference(y, spec.d, spec.D, m);
  const N = x.length;
  const nCoef = spec.p + spec.q + spec.P + spec.Q + (spec.constant ? 1 : 0);
  const k = nCoef + 1;
  if (N - k - 1 <= 0 || N <= spec.p + spec.P * m) return null;
  let mu = 0;
  for (const v of x) mu += v / N;
  let sd = 0;
  for (const v of x) sd += (v - mu) * (v - mu);
  sd = Math.sqrt(sd / N) || 1;

  const init = options.init;
  const pad = (v: readonly number[] | undefined, k: number): number[] =>
    Array.from({ length: k }, (_, i) => v?.[i] ?? 0);
  const start: number[] = [
    ...pad(init?.phi, spec.p),
    ...pad(init?.theta, spec.q),
    ...pad(init?.seasonalPhi, spec.P),
    ...pad(init?.seasonalTheta, spec.Q),
  ];
  if (!admissible(unpack(start, spec, 0), 1)) start.fill(0);
  const steps: number[] = start.map(() => 0.1);
  if (spec.constant) {
    start.push(init && init.mean !== 0 ? init.mean : mu);
    steps.push(0.1 * sd);
  }
  const buffers = { e: new Float64Array(N), w: new Float64Array(N) };
  const css = (u: readonly number[]): number => {
    const parts = unpack(u, spec, 0);
    if (!admissible(parts, 1)) return Infinity;
    const { ssr, used } = cssSum(x, parts, m, buffers);
    return used > 0 ? 0.5 * Math.log(ssr / used) : Infinity;
  };
  let u: number[] = start;
  let method: "ML" | "CSS" = "CSS";
  if (nCoef > 0) {
    const res = nelderMead(css, start, {
      maxEvaluations: (init ? 30 : 60) + 40 * nCoef,
      tolerance: 1e-8,
      steps,
    });
    if (!Number.isFinite(res.value)) return null;
    u = res.x;
  }
  if (options.exact !== false) {
    // The concentrated exact likelihood is a sum of squares: the standardized innovations scaled
    // by (Π F_t)^(1/2N). From the CSS estimates Levenberg–Marquardt needs a few iterations
    // (R's BFGS, or a simplex, needs a hundred evaluations: this is what makes an exact search
    // affordable for seasonal models).
    const scaled = (v: readonly number[]): Float64Array | null => {
      const parts = unpack(v, spec, 0);
      if (!admissible(parts, 1)) return null;
      const run = exactRun(x, parts, m);
      const g = Math.exp(run.sumLog / (2 * N));
      if (!Number.isFinite(run.ssq) || !Number.isFinite(g)) return null;
      const out = run.residuals;
      for (let t = 0; t < out.length; t++) out[t] *= g;
      return out;
    };
    const maxIterations = options.mlIterations ?? 20;
    if (nCoef > 0 && maxIterations > 0) {
      const res = levenbergMarquardt(scaled, u, { maxIterations, tolerance: 1e-9 });
      if (Number.isFinite(res.value)) u = res.x;
    }
    if (nCoef > 0 && maxIterations > 0 && options.polish !== false) {
      const ml = (v: readonly number[]): number => {
        const parts = unpack(v, spec, 0);
        if (!admissible(parts, 1)) return Infinity;
        const run = exactRun(x, parts, m);
        return 0.5 * Math.log(run.ssq / N) + run.sumLog / (2 * N);
      };
      const res = nelderMead(ml, u, {
        maxEvaluations: 40 + 30 * nCoef,
        tolerance: 1e-10,
        steps: steps.map((s) => s / 20),
      });
      if (Number.isFinite(res.value)) u = res.x;
    }
    method = "ML";
  }
  const parts = unpack(u, spec, 0);
  if (!admissible(parts, 1.01)) return null;
  const run = exactRun(x, parts, m);
  let minus2ll: number;
  let ssr: number;
  if (method === "ML") {
    ssr = run.ssq;
    minus2ll = N * Math.log(run.ssq / N) + run.sumLog + N + N * Math.log(2 * Math.PI);
  } else {
    const c = cssSum(x, parts, m);
    ssr = c.ssr;
    minus2ll = N * Math.log(c.ssr / c.used) + N + N * Math.log(2 * Math.PI);
  }
  if (!Number.isFinite(minus2ll)) return null;
  const aicc = minus2ll + 2 * k + (2 * k * (k + 1)) / (N - k - 1);
  const back = spec.d + spec.D * m;
  return {
    spec,
    phi: parts.phi,
    theta: parts.theta,
    seasonalPhi: parts.sPhi,
    seasonalTheta: parts.sTheta,
    mean: parts.mean,
    sigma2: ssr / Math.max(1, N - nCoef),
    loglik: -minus2ll / 2,
    aicc,
    method,
    state: Array.from(run.state),
    tail: back > 0 ? y.slice(-back) : [],
  };
}

/**
 * Point forecasts for steps 1…h: the ARMA state propagated by the companion matrix, plus the
 * constant, then the differencing undone.
 *
 * @param model a fitted model
 * @param h the horizon
 * @returns the forecasts
 * @example
 * arimaForecast(model, 6);
 */
export function arimaForecast(model: ArimaModel, h: number): number[] {
  const { spec } = model;
  const phiFull = expandAr(model.phi, model.seasonalPhi, spec.m);
  const r = model.state.length;
  let a = model.state.slice();
  const x = new Array<number>(h);
  for (let i = 0; i < h; i++) {
    const a0 = a[0] ?? 0;
    a = a.map((_, j) => (j < phiFull.length ? phiFull[j] * a0 : 0) + (j + 1 < r ? a[j + 1] : 0));
    x[i] = (r > 0 ? a[0] : 0) + model.mean;
  }
  const delta = differencingCoefficients(spec.d, spec.D, spec.m);
  if (delta.length === 0) return x;
  const hist = model.tail.slice();
  const out = new Array<number>(h);
  for (let i = 0; i < h; i++) {
    let v = x[i];
    for (let k = 1; k <= delta.length; k++) v += delta[k - 1] * hist[hist.length - k];
    hist.push(v);
    out[i] = v;
  }
  return out;
}

/**
 * Standard deviations of the forecast errors for steps 1…h: σ·√(Σ_{j<h} ψ_j²), ψ being the
 * weights of the integrated model θ(B) / (φ(B)·(1−B)^d·(1−B^m)^D).
 *
 * @param model a fitted model
 * @param h the horizon
 * @returns one standard deviation per step
 * @example
 * arimaForecastSd(randomWalkModel, 3); // σ·[1, √2, √3]
 */
export function arimaForecastSd(model: ArimaModel, h: number): number[] {
  const { spec } = model;
  const ar = expandAr(model.phi, model.seasonalPhi, spec.m);
  const delta = differencingCoefficients(spec.d, spec.D, spec.m);
  // (1 − Σ a_k B^k)(1 − Σ δ_k B^k) in AR convention.
  const full = new Array<number>(ar.length + delta.length).fill(0);
  ar.forEach((c, i) => (full[i] += c));
  delta.forEach((c, i) => (full[i] += c));
  ar.forEach((a, i) => delta.forEach((dl, j) => (full[i + j + 1] -= a * dl)));
  const psi = psiWeights(full, expandMa(model.theta, model.seasonalTheta, spec.m), h);
  const out = new Array<number>(h);
  let s = 0;
  for (let i = 0; i < h; i++) {
    s += psi[i] * psi[i];
    out[i] = Math.sqrt(model.sigma2 * s);
  }
  return out;
}

/**
 * A readable name, R's style: "ARIMA(0,1,1)(0,1,1)[12]" (with " with drift" or " with mean").
 *
 * @param spec the orders
 * @returns the name
 * @example
 * arimaName({ p: 1, d: 1, q: 0, P: 0, D: 0, Q: 0, m: 1, constant: true }); // "ARIMA(1,1,0) with drift"
 */
export function arimaName(spec: ArimaSpec): string {
  const seasonal = spec.P + spec.D + spec.Q > 0 ? `(${spec.P},${spec.D},${spec.Q})[${spec.m}]` : "";
  const c = spec.constant ? (spec.d + spec.D === 0 ? " with mean" : " with drift") : "";
  return `ARIMA(${spec.p},${spec.d},${spec.q})${seasonal}${c}`;
}
