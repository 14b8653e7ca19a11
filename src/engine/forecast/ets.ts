/**
 * Exponential smoothing state-space models, ETS(error, trend, season) in the taxonomy of
 * Hyndman, Koehler, Ord & Snyder (2008), "Forecasting with Exponential Smoothing: The State Space
 * Approach": additive or multiplicative error; no, additive or damped additive trend; no, additive
 * or multiplicative seasonality. Fitted by maximum likelihood (Nelder–Mead) and chosen by AICc,
 * as R's `forecast::ets()` does. For speed the seasonal starting states come from a classical
 * decomposition of the first seasons instead of being optimized; the level and trend starting
 * states and the smoothing parameters are optimized.
 */
import { seasonalIndices } from "./decompose";
import { nelderMead } from "./nelderMead";

/** The three letters of an ETS model. */
export interface EtsSpec {
  readonly error: "A" | "M";
  readonly trend: "N" | "A" | "Ad";
  readonly season: "N" | "A" | "M";
}

/** A fitted ETS model: parameters, final states and fit statistics (on the original scale). */
export interface EtsModel {
  readonly spec: EtsSpec;
  /** Season length (1 when the model has no seasonal component). */
  readonly m: number;
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly phi: number;
  /** Level, trend and seasonal states after the last observation. */
  readonly level: number;
  readonly trend: number;
  /** Seasonal states by position: `seasons[(n + i) % m]` applies to forecast step i + 1. */
  readonly seasons: readonly number[];
  /** Number of observations fitted. */
  readonly n: number;
  /** Innovation variance: absolute for additive error, relative for multiplicative error. */
  readonly sigma2: number;
  /** Corrected Akaike information criterion (lower is better). */
  readonly aicc: number;
}

/**
 * The model's name in the book's notation, e.g. "ETS(M,Ad,M)".
 *
 * @param spec the model
 * @returns its name
 * @example
 * etsName({ error: "A", trend: "Ad", season: "N" }); // "ETS(A,Ad,N)"
 */
export function etsName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

interface Params {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  l0: number;
  b0: number;
}

interface Run {
  lik: number;
  sse: number;
  level: number;
  trend: number;
  seasons: Float64Array;
}

const TOL = 1e-10;

/**
 * Runs the model's recursions over y (R's `etscalc`), returning −2·log-likelihood up to a
 * constant: n·log(Σe²) (+ 2·Σlog|ŷ| for multiplicative error). Infinity when a multiplicative
 * component meets a non-positive value.
 */
function filter(
  y: Float64Array,
  spec: EtsSpec,
  m: number,
  p: Params,
  s0: readonly number[],
  s: Float64Array
): Run {
  const n = y.length;
  const hasTrend = spec.trend !== "N";
  const phi = spec.trend === "Ad" ? p.phi : 1;
  const multErr = spec.error === "M";
  const seasonal = spec.season !== "N";
  const multSeason = spec.season === "M";
  const { alpha, beta, gamma } = p;
  const betaOverAlpha = beta / alpha;
  for (let i = 0; i < m; i++) s[i] = s0[i];
  let l = p.l0;
  let b = hasTrend ? p.b0 : 0;
  let sse = 0;
  let logSum = 0;
  // Σlog|ŷ| is accumulated as a product, taking a logarithm only when it nears the float range.
  let product = 1;
  let j = 0;
  for (let t = 0; t < n; t++, j = j + 1 === m ? 0 : j + 1) {
    const yt = y[t];
    const phib = phi * b;
    const q = l + phib;
    const st = seasonal ? s[j] : multSeason ? 1 : 0;
    const f = multSeason ? q * st : q + st;
    let e: number;
    if (multErr) {
      if (!(Math.abs(f) > TOL))
        return { lik: Infinity, sse: Infinity, level: l, trend: b, seasons: s };
      e = (yt - f) / f;
      product *= Math.abs(f);
      if (product > 1e100 || product < 1e-100) {
        logSum += Math.log(product);
        product = 1;
      }
    } else {
      e = yt - f;
    }
    sse += e * e;
    let base: number;
    if (!seasonal) base = yt;
    else if (multSeason) {
      if (!(Math.abs(st) > TOL))
        return { lik: Infinity, sse: Infinity, level: l, trend: b, seasons: s };
      base = yt / st;
    } else base = yt - st;
    const lOld = l;
    l = q + alpha * (base - q);
    if (hasTrend) b = phib + betaOverAlpha * (l - lOld - phib);
    if (seasonal) {
      if (multSeason) {
        if (!(Math.abs(q) > TOL))
          return { lik: Infinity, sse: Infinity, level: l, trend: b, seasons: s };
        s[j] = st + gamma * (yt / q - st);
      } else s[j] = st + gamma * (yt - q - st);
    }
  }
  if (!Number.isFinite(sse)) return { lik: Infinity, sse, level: l, trend: b, seasons: s };
  logSum += Math.log(product);
  const lik = n * Math.log(Math.max(sse, 1e-300)) + (multErr ? 2 * logSum : 0);
  return { lik, sse, level: l, trend: b, seasons: s };
}

const sigmoid = (u: number): number => 1 / (1 + Math.exp(-u));
const logit = (p: number): number => Math.log(p / (1 - p));

/** Smoothing parameters live in R's "usual" region: 0<α<1, 0<β<α, 0<γ<1−α, 0.8≤φ≤0.98. */
function decode(u: readonly number[], spec: EtsSpec, lScale: number, init: Params): Params {
  let k = 0;
  const alpha = 1e-4 + (1 - 2e-4) * sigmoid(u[k++]);
  const beta = spec.trend !== "N" ? alpha * sigmoid(u[k++]) : 0;
  const gamma = spec.season !== "N" ? (1 - alpha) * sigmoid(u[k++]) : 0;
  const phi = spec.trend === "Ad" ? 0.8 + 0.18 * sigmoid(u[k++]) : 1;
  const l0 = init.l0 + u[k++] * lScale;
  const b0 = spec.trend !== "N" ? init.b0 + u[k++] * lScale : 0;
  return { alpha, beta, gamma, phi, l0, b0 };
}

/** Starting states as R's `initstate`: decomposition of the first seasons, then a line. */
function initialStates(
  y: Float64Array,
  spec: EtsSpec,
  m: number
): { l0: number; b0: number; s0: number[] } {
  const n = y.length;
  let s0 = new Array<number>(m).fill(spec.season === "M" ? 1 : 0);
  let adjusted = Array.from(y);
  if (spec.season !== "N") {
    const head = adjusted.slice(0, Math.min(n, Math.max(3 * m, 2 * m)));
    const idx = seasonalIndices(head, m, spec.season === "M" ? "multiplicative" : "additive");
    if (spec.season === "M" && idx.type !== "multiplicative") s0 = s0.fill(1);
    else s0 = idx.indices.slice();
    adjusted = adjusted.map((v, t) => (spec.season === "M" ? v / s0[t % m] : v - s0[t % m]));
  }
  const k = Math.min(Math.max(10, 2 * m), n);
  let l0: number;
  let b0 = 0;
  if (spec.trend === "N") {
    l0 = adjusted.slice(0, k).reduce((a, v) => a + v, 0) / k;
  } else {
    // Least-squares line through the first k adjusted values at t = 1…k; the intercept is the
    // level one step before the first observation.
    const tm = (k + 1) / 2;
    const ym = adjusted.slice(0, k).reduce((a, v) => a + v, 0) / k;
    let sxy = 0;
    let sxx = 0;
    for (let t = 1; t <= k; t++) {
      sxy += (t - tm) * (adjusted[t - 1] - ym);
      sxx += (t - tm) * (t - tm);
    }
    b0 = sxx > 0 ? sxy / sxx : 0;
    l0 = ym - b0 * tm;
  }
  return { l0, b0, s0 };
}

/** Number of estimated quantities (smoothing parameters, starting states, σ) for AICc. */
function parameterCount(spec: EtsSpec, m: number): number {
  let k = 1 + 1 + 1; // α, ℓ0, σ
  if (spec.trend !== "N") k += 2; // β, b0
  if (spec.trend === "Ad") k += 1; // φ
  if (spec.season !== "N") k += 1 + (m - 1); // γ, m−1 free seasonal states
  return k;
}

/** Options of {@link fitEts}. */
export interface FitEtsOptions {
  /** Objective evaluations per model (default 60 per optimized parameter, at least 150). */
  readonly evaluationsPerParameter?: number;
}

/**
 * Fits one ETS model by maximum likelihood. The data should be scaled to order 1 by the caller
 * (see `fitEtsFamily`); states and variance are returned on the data's scale.
 *
 * @param y the series (for multiplicative components, all positive)
 * @param spec the model
 * @param m the season length (ignored without seasonality)
 * @param options optimizer budget
 * @returns the fitted model, or null when there is too little data or the fit failed
 * @example
 * fitEts([1, 2, 3, 4, 5, 6, 7, 8], { error: "A", trend: "A", season: "N" }, 1)?.trend; // ≈ 1
 */
export function fitEts(
  y: readonly number[],
  spec: EtsSpec,
  m: number,
  options: FitEtsOptions = {}
): EtsModel | null {
  const n = y.length;
  const mm = spec.season === "N" ? 1 : m;
  if (spec.season !== "N" && (m < 2 || n < 2 * m)) return null;
  const k = parameterCount(spec, mm);
  if (n - k - 1 <= 0) return null;
  const data = Float64Array.from(y);
  const init = initialStates(data, spec, mm);
  let yScale = 0;
  for (const v of y) yScale += Math.abs(v) / n;
  const lScale = yScale > 0 ? yScale : 1;
  const initP: Params = { alpha: 0, beta: 0, gamma: 0, phi: 0, ...init };

  const start: number[] = [logit(spec.season !== "N" ? 0.2 : 0.5)];
  if (spec.trend !== "N") start.push(logit(0.1));
  if (spec.season !== "N") start.push(logit(0.05));
  if (spec.trend === "Ad") start.push(logit((0.97 - 0.8) / 0.18));
  start.push(0);
  if (spec.trend !== "N") start.push(0);
  const steps = start.map((_, i) => (i < start.length - (spec.trend !== "N" ? 2 : 1) ? 1 : 0.05));

  const s = new Float64Array(mm);
  const objective = (u: readonly number[]): number =>
    filter(data, spec, mm, decode(u, spec, lScale, initP), init.s0, s).lik;
  const perParam = options.evaluationsPerParameter ?? 60;
  const best = nelderMead(objective, start, {
    maxEvaluations: Math.max(150, perParam * start.length),
    tolerance: 1e-7,
    steps,
  });
  if (!Number.isFinite(best.value)) return null;
  const p = decode(best.x, spec, lScale, initP);
  const run = filter(data, spec, mm, p, init.s0, s);
  if (!Number.isFinite(run.lik)) return null;
  const aic = run.lik + 2 * k;
  const aicc = aic + (2 * k * (k + 1)) / (n - k - 1);
  const dof = n - k > 0 ? n - k : n;
  return {
    spec,
    m: mm,
    alpha: p.alpha,
    beta: p.beta,
    gamma: p.gamma,
    phi: p.phi,
    level: run.level,
    trend: run.trend,
    seasons: Array.from(run.seasons),
    n,
    sigma2: run.sse / dof,
    aicc,
  };
}

/**
 * Point forecasts of a fitted model for steps 1…h.
 *
 * @param model the fitted model
 * @param h the horizon
 * @returns the forecasts
 * @example
 * etsForecast(model, 3); // [ŷ(n+1), ŷ(n+2), ŷ(n+3)]
 */
export function etsForecast(model: EtsModel, h: number): number[] {
  const out = new Array<number>(h);
  let phiSum = 0;
  let phiPow = 1;
  for (let i = 0; i < h; i++) {
    if (model.spec.trend === "A") phiSum += 1;
    else if (model.spec.trend === "Ad") {
      phiPow *= model.phi;
      phiSum += phiPow;
    }
    const q = model.level + phiSum * model.trend;
    const s = model.spec.season === "N" ? null : model.seasons[(model.n + i) % model.m];
    out[i] = s === null ? q : model.spec.season === "M" ? q * s : q + s;
  }
  return out;
}

/**
 * Standard deviations of the forecast errors for steps 1…h (Hyndman et al. 2008, class 1 and
 * its usual approximation for multiplicative models): σ_h² = σ²·(1 + Σ_{j<h} c_j²) with
 * c_j = α + β·φ_j + γ·[j ≡ 0 mod m]. For multiplicative error the relative σ is scaled by the
 * point forecast.
 *
 * @param model the fitted model
 * @param mean its point forecasts
 * @returns one standard deviation per step
 * @example
 * etsForecastSd(model, etsForecast(model, 3));
 */
export function etsForecastSd(model: EtsModel, mean: readonly number[]): number[] {
  const out = new Array<number>(mean.length);
  let sumC2 = 0;
  let phiSum = 0;
  let phiPow = 1;
  const seasonal = model.spec.season !== "N";
  for (let h = 1; h <= mean.length; h++) {
    const v = model.sigma2 * (1 + sumC2);
    out[h - 1] = model.spec.error === "M" ? Math.abs(mean[h - 1]) * Math.sqrt(v) : Math.sqrt(v);
    // c_h for the next step
    if (model.spec.trend === "A") phiSum += 1;
    else if (model.spec.trend === "Ad") {
      phiPow *= model.phi;
      phiSum += phiPow;
    }
    const c = model.alpha + model.beta * phiSum + (seasonal && h % model.m === 0 ? model.gamma : 0);
    sumC2 += c * c;
  }
  return out;
}
