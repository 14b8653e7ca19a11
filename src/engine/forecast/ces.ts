/**
 * Complex exponential smoothing (Svetunkov & Kourentzes 2018; Svetunkov, Kourentzes & Ord 2022):
 * the level ℓ and an "information potential" c are smoothed together with a complex parameter
 * a = a0 + i·a1, which lets one model move between a level and a trend without choosing:
 *   ŷ_t = ℓ_{t−1}
 *   ℓ_t = ℓ_{t−1} − (1 − a1)·c_{t−1} + (a0 − a1)·e_t
 *   c_t = ℓ_{t−1} + (1 − a0)·c_{t−1} + (a0 + a1)·e_t
 * Seasonal variants (the `smooth` package's names): "S" the same pair on lag m only, "P" a real
 * additive seasonal state s_t = s_{t−m} + b·e_t added to the non-seasonal pair, "F" a second
 * complex pair on lag m (b = b0 + i·b1). Parameters by least squares (Gaussian likelihood) with a
 * bounded Nelder–Mead under the stability condition: the eigenvalues of F − g·w′ inside the unit
 * circle.
 */
import { seasonalIndices } from "./decompose";
import { nelderMead } from "./nelderMead";

/** The seasonal variant. */
export type CesSeason = "N" | "S" | "P" | "F";

/** A fitted CES model. */
export interface CesModel {
  readonly season: CesSeason;
  readonly m: number;
  /** Smoothing parameters: [a0, a1] (N, S), [a0, a1, b] (P), [a0, a1, b0, b1] (F). */
  readonly params: readonly number[];
  /** The states after the last observation (see {@link CesState}). */
  readonly state: CesState;
  readonly n: number;
  /** Residual variance, SSE / (n − parameters). */
  readonly sigma2: number;
  readonly aicc: number;
}

/** States: the non-seasonal pair, and per season position the lag-m states. */
export interface CesState {
  l: number;
  c: number;
  /** S: level per position; P: seasonal state; F: real seasonal part. */
  s1: number[];
  /** S: potential per position; F: imaginary seasonal part. */
  s2: number[];
}

function copyState(s: CesState): CesState {
  return { l: s.l, c: s.c, s1: s.s1.slice(), s2: s.s2.slice() };
}

/**
 * One step of the model: returns the one-step prediction and, given the error, updates `st`
 * in place. Position `ph` = t mod m holds the states from one season ago.
 */
function predict(st: CesState, season: CesSeason, ph: number): number {
  switch (season) {
    case "N":
      return st.l;
    case "S":
      return st.s1[ph];
    default:
      return st.l + st.s1[ph];
  }
}

function update(
  st: CesState,
  season: CesSeason,
  ph: number,
  p: readonly number[],
  e: number
): void {
  const [a0, a1] = p;
  if (season === "S") {
    const l = st.s1[ph];
    const c = st.s2[ph];
    st.s1[ph] = l - (1 - a1) * c + (a0 - a1) * e;
    st.s2[ph] = l + (1 - a0) * c + (a0 + a1) * e;
    return;
  }
  const l = st.l;
  const c = st.c;
  st.l = l - (1 - a1) * c + (a0 - a1) * e;
  st.c = l + (1 - a0) * c + (a0 + a1) * e;
  if (season === "P") st.s1[ph] += p[2] * e;
  if (season === "F") {
    const [, , b0, b1] = p;
    const s1 = st.s1[ph];
    const s2 = st.s2[ph];
    st.s1[ph] = s1 - (1 - b1) * s2 + (b0 - b1) * e;
    st.s2[ph] = s1 + (1 - b0) * s2 + (b0 + b1) * e;
  }
}

/**
 * Whether one complex pair's discount matrix [[1 − (x0 − x1), x1 − 1], [1 − (x0 + x1), 1 − x0]]
 * has both eigenvalues strictly inside the unit circle (Jury's conditions for a 2×2 matrix:
 * |det| < 1 and |trace| < 1 + det).
 */
function pairStable(x0: number, x1: number): boolean {
  const tr = 2 - 2 * x0 + x1;
  const det = (1 - x0 + x1) * (1 - x0) - (x1 - 1) * (1 - x0 - x1);
  return Math.abs(det) < 1 && Math.abs(tr) < 1 + det;
}

/**
 * Whether the model is stable: the eigenvalues of the discount matrix F − g·w′ strictly inside
 * the unit circle, and its forecasts bounded (see `pairBounded`). The non-seasonal pair and the
 * seasonal part (lag m) are checked separately: taken as one matrix without their lags, a level
 * and a seasonal state are not identifiable apart (their sum is), which puts an eigenvalue at
 * exactly 1 whatever the parameters.
 *
 * @param season the variant
 * @param p the smoothing parameters
 * @returns true when stable
 * @example
 * cesStable("N", [1.3, 1]); // true
 */
export function cesStable(season: CesSeason, p: readonly number[]): boolean {
  const [a0, a1] = p;
  if (!pairStable(a0, a1) || !pairBounded(a0, a1)) return false;
  if (season === "P") return p[2] > 0 && p[2] < 2;
  if (season === "F") return pairStable(p[2], p[3]) && pairBounded(p[2], p[3]);
  return true;
}

/**
 * The largest growth factor per step a CES forecast may compound (an eigenvalue of its
 * transition): 1% a step is already ×11 over 240 steps, FORECAST_SALES's longest horizon.
 */
const MAX_GROWTH = 1.01;

/**
 * Whether the forecast recursion of one complex pair stays bounded: the eigenvalues of
 * [[1, x1 − 1], [1, 1 − x0]] real and ≥ −1, or of modulus ≤ MAX_GROWTH. CES's own stability condition
 * (on F − g·w′) bounds the errors' influence, not the forecast: on short series the optimizer
 * can otherwise land on an alternating explosion (a safeguard of ours, not in `smooth`).
 */
function pairBounded(x0: number, x1: number): boolean {
  const tr = 2 - x0;
  const det = 2 - x0 - x1;
  const disc = tr * tr - 4 * det;
  if (disc >= 0) {
    const lo = (tr - Math.sqrt(disc)) / 2;
    const hi = (tr + Math.sqrt(disc)) / 2;
    return lo >= -1 && hi <= MAX_GROWTH;
  }
  return Math.sqrt(det) <= MAX_GROWTH;
}

function parameterCount(season: CesSeason): number {
  return season === "N" || season === "S" ? 2 : season === "P" ? 3 : 4;
}

/** Starting states: ℓ and c from the optimizer; seasonal states from a classical decomposition. */
function initialState(
  y: readonly number[],
  season: CesSeason,
  m: number,
  l0: number,
  c0: number
): CesState {
  if (season === "N") return { l: l0, c: c0, s1: [], s2: [] };
  if (season === "S") {
    // The first season's values start the per-position levels; c0 acts as their potential ratio.
    const s1 = y.slice(0, m);
    return { l: 0, c: 0, s1, s2: s1.map((v) => v * c0) };
  }
  const idx = seasonalIndices(y, m, "additive").indices;
  return { l: l0, c: c0, s1: idx.slice(), s2: idx.map(() => 0) };
}

/**
 * Fits one CES variant.
 *
 * @param y the series (scaled to order 1 by the caller)
 * @param season the variant
 * @param m the season length (ignored for "N")
 * @returns the model, or null when there are too few values or no stable fit
 * @example
 * fitCes(series, "N", 1)?.params; // e.g. [1.05, 1.0]
 */
export function fitCes(y: readonly number[], season: CesSeason, m: number): CesModel | null {
  const n = y.length;
  const mm = season === "N" ? 1 : m;
  if (season !== "N" && (m < 2 || n < 2 * m)) return null;
  const np = parameterCount(season);
  // Counted parameters: smoothing, two starting states (or κ for S), seasonal states, σ².
  const k = np + (season === "S" ? 1 : 2) + (season === "N" ? 0 : mm) + 1;
  if (n - k - 1 <= 0) return null;
  const head = y.slice(0, Math.min(n, Math.max(mm, 5)));
  const l0 = head.reduce((a, b) => a + b, 0) / head.length;
  const start: number[] = [1.3, 1];
  if (season === "P") start.push(0.1);
  if (season === "F") start.push(1.3, 1);
  const sseOf = (u: readonly number[]): number => {
    const par = u.slice(0, np);
    if (!cesStable(season, par)) return Infinity;
    const st = initialState(y, season, mm, u[np], season === "S" ? u[np] : u[np + 1]);
    let sse = 0;
    for (let t = 0; t < n; t++) {
      const ph = t % mm;
      const e = y[t] - predict(st, season, ph);
      sse += e * e;
      update(st, season, ph, par, e);
    }
    return sse;
  };
  const x0 = season === "S" ? [...start, 1 / 1.3] : [...start, l0, l0 / 1.3];
  // Steps proportional to the data's own size keep the fit independent of the unit.
  let size = 0;
  for (const v of y) size += Math.abs(v) / n;
  const steps = x0.map((v, i) => (i < np ? 0.1 : 0.1 * (Math.abs(v) || size || 1)));
  const res = nelderMead((u) => Math.log(sseOf(u)), x0, {
    maxEvaluations: 80 * x0.length,
    tolerance: 1e-9,
    steps,
  });
  if (!Number.isFinite(res.value)) return null;
  const u = res.x;
  const par = u.slice(0, np);
  const st = initialState(y, season, mm, u[np], season === "S" ? u[np] : u[np + 1]);
  let sse = 0;
  for (let t = 0; t < n; t++) {
    const ph = t % mm;
    const e = y[t] - predict(st, season, ph);
    sse += e * e;
    update(st, season, ph, par, e);
  }
  const minus2ll = n * (Math.log((2 * Math.PI * sse) / n) + 1);
  if (!Number.isFinite(minus2ll)) return null;
  const aicc = minus2ll + 2 * k + (2 * k * (k + 1)) / (n - k - 1);
  return { season, m: mm, params: par, state: st, n, sigma2: sse / (n - k + 1), aicc };
}

/**
 * Point forecasts for steps 1…h (the state recursion with zero errors).
 *
 * @param model a fitted model
 * @param h the horizon
 * @returns the forecasts
 * @example
 * cesForecast(model, 12);
 */
export function cesForecast(model: CesModel, h: number): number[] {
  const st = copyState(model.state);
  const out = new Array<number>(h);
  for (let i = 0; i < h; i++) {
    const ph = (model.n + i) % model.m;
    out[i] = predict(st, model.season, ph);
    update(st, model.season, ph, model.params, 0);
  }
  return out;
}

/**
 * Standard deviations of the forecast errors for steps 1…h: σ·√(1 + Σ_{j<h} c_j²), c_j being the
 * model's response j steps after a unit error (the linear model's ψ weights, found by running the
 * recursion on a single shock, which handles the mixed lags of the seasonal variants).
 *
 * @param model a fitted model
 * @param h the horizon
 * @returns one standard deviation per step
 * @example
 * cesForecastSd(model, 12);
 */
export function cesForecastSd(model: CesModel, h: number): number[] {
  const zero = (a: readonly number[]): number[] => a.map(() => 0);
  const st: CesState = { l: 0, c: 0, s1: zero(model.state.s1), s2: zero(model.state.s2) };
  const out = new Array<number>(h);
  let sum = 1;
  update(st, model.season, model.n % model.m, model.params, 1);
  for (let i = 0; i < h; i++) {
    out[i] = Math.sqrt(model.sigma2 * sum);
    const ph = (model.n + i + 1) % model.m;
    const c = predict(st, model.season, ph);
    sum += c * c;
    update(st, model.season, ph, model.params, 0);
  }
  return out;
}

/**
 * Fits the variants that the season length allows and keeps the lowest AICc (the `smooth`
 * package's `auto.ces`).
 *
 * @param y the series (scaled to order 1 by the caller)
 * @param m the season length (1 for none: only "N")
 * @returns the chosen model, or null when none could be fitted
 * @example
 * autoCes(monthly, 12)?.season; // e.g. "P"
 */
export function autoCes(y: readonly number[], m: number): CesModel | null {
  const variants: CesSeason[] = m >= 2 && y.length >= 2 * m ? ["N", "S", "P", "F"] : ["N"];
  let best: CesModel | null = null;
  for (const v of variants) {
    const f = fitCes(y, v, m);
    if (f && (!best || f.aicc < best.aicc)) best = f;
  }
  return best;
}
