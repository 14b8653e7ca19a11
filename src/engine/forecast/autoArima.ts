/**
 * Automatic ARIMA: the stepwise search of Hyndman & Khandakar (2008), as R's `auto.arima`.
 * D from the seasonal strength (0 or 1), then d from repeated KPSS tests (0–2); a constant
 * (mean or drift) allowed when d + D ≤ 1; four starting models, then moves of ±1 in p, q, P, Q
 * (alone and in pairs) and toggling the constant, keeping the lowest AICc, until no neighbour
 * improves (at most 94 models). Models whose AR or MA roots come within 1.01 of the unit circle
 * are rejected.
 *
 * Like R on long or high-frequency series, the search can rank models by the conditional sum of
 * squares ("approximation") and fit only the winner by exact likelihood; seasonal models stay
 * with CSS estimates for speed (see `approximation` below).
 */
import { ArimaModel, ArimaSpec, fitArima } from "./arima";
import { difference } from "./arimaPoly";
import { isConstant, ndiffs, nsdiffs } from "./unitRoot";

/** Options of {@link autoArima}. */
export interface AutoArimaOptions {
  /**
   * Rank models by conditional sum of squares during the search (default: as R, when n > 150
   * or when seasonal).
   */
  readonly approximation?: boolean;
  /** Refit the chosen model by exact likelihood (default: for non-seasonal models). */
  readonly exactFinal?: boolean;
  /** Most models fitted in the search (default 94, R's). */
  readonly maxModels?: number;
}

/**
 * Chooses and fits an ARIMA model.
 *
 * @param y the series (scaled to order 1 by the caller)
 * @param m the season length (1 for none)
 * @param options search settings
 * @returns the chosen model, or null when nothing could be fitted (fewer than 3 values)
 * @example
 * autoArima(airPassengers, 12)?.spec; // e.g. { p: 1, d: 1, q: 0, P: 0, D: 1, Q: 0, m: 12, … }
 */
export function autoArima(
  y: readonly number[],
  m: number,
  options: AutoArimaOptions = {}
): ArimaModel | null {
  const n = y.length;
  if (n < 3) return null;
  if (m < 2) m = 1;
  let maxP = m > 1 ? Math.min(2, Math.floor(n / 3 / m)) : 0;
  let maxQs = maxP;
  let maxp = Math.min(5, Math.floor(n / 3));
  let maxq = maxp;
  const D = m > 1 ? nsdiffs(y, m) : 0;
  const dx = D > 0 ? difference(y, 0, D, m) : y.slice();
  const d = ndiffs(dx);
  const x = difference(dx, d, 0, 1);
  const sm = D > 0 || maxP > 0 ? m : 1;
  if (x.length === 0) return null;
  if (isConstant(x)) return constantModel(y, d, D, sm, x[0]);
  if (m > 1) {
    if (maxP > 0) maxp = Math.min(maxp, m - 1);
    if (maxQs > 0) maxq = Math.min(maxq, m - 1);
  }
  if (sm === 1) maxP = maxQs = 0;
  // As R: the search ranks by exact likelihood unless n > 150 or m > 12 ("approximation": CSS,
  // then the best models refitted exactly). A seasonal model's state has up to p + P·m or
  // q + Q·m + 1 components, so maximizing its exact likelihood for every candidate costs tens of
  // milliseconds each; seasonal candidates are therefore scored by the exact likelihood at their
  // CSS estimates, and the best few are then maximized exactly (`refits`).
  const approximation = options.approximation ?? (n > 150 || sm > 12);
  const exactFinal = options.exactFinal ?? true;
  const searchIterations = !approximation && sm > 1 ? 0 : undefined;
  const maxModels = options.maxModels ?? 94;
  const allowConstant = d + D <= 1;

  const tried = new Map<string, ArimaModel | null>();
  const icOf = (f: ArimaModel | null): number => (f ? f.aicc : Infinity);
  let best: ArimaModel | null = null;
  const fitOne = (p: number, q: number, P: number, Q: number, c: boolean): ArimaModel | null => {
    const spec: ArimaSpec = { p, d, q, P, D, Q, m: sm, constant: c };
    const key = `${p},${q},${P},${Q},${c}`;
    if (tried.has(key)) return tried.get(key) ?? null;
    const f = fitArima(y, spec, {
      exact: !approximation,
      mlIterations: searchIterations,
      polish: false,
      init: best ?? undefined,
    });
    tried.set(key, f);
    return f;
  };

  const small = n < 10;
  let p = Math.min(small ? 1 : 2, maxp);
  let q = Math.min(small ? 1 : 2, maxq);
  let P = Math.min(small ? 0 : 1, maxP);
  let Q = Math.min(small ? 0 : 1, maxQs);
  let c = allowConstant;
  best = fitOne(p, q, P, Q, c);
  const consider = (pp: number, qq: number, PP: number, QQ: number, cc: boolean): boolean => {
    if (pp < 0 || qq < 0 || PP < 0 || QQ < 0) return false;
    if (pp > maxp || qq > maxq || PP > maxP || QQ > maxQs) return false;
    const key = `${pp},${qq},${PP},${QQ},${cc}`;
    if (tried.has(key) || tried.size >= maxModels) return false;
    const f = fitOne(pp, qq, PP, QQ, cc);
    if (icOf(f) < icOf(best)) {
      best = f;
      [p, q, P, Q, c] = [pp, qq, PP, QQ, cc];
      return true;
    }
    return false;
  };
  consider(0, 0, 0, 0, allowConstant);
  if (maxp > 0 || maxP > 0) consider(maxp > 0 ? 1 : 0, 0, maxP > 0 ? 1 : 0, 0, allowConstant);
  if (maxq > 0 || maxQs > 0) consider(0, maxq > 0 ? 1 : 0, 0, maxQs > 0 ? 1 : 0, allowConstant);
  if (allowConstant) consider(0, 0, 0, 0, false);

  const moves: readonly (readonly [number, number, number, number, boolean])[] = [
    [0, 0, -1, 0, false],
    [0, 0, 0, -1, false],
    [0, 0, 1, 0, false],
    [0, 0, 0, 1, false],
    [0, 0, -1, -1, false],
    [0, 0, -1, 1, false],
    [0, 0, 1, -1, false],
    [0, 0, 1, 1, false],
    [-1, 0, 0, 0, false],
    [0, -1, 0, 0, false],
    [1, 0, 0, 0, false],
    [0, 1, 0, 0, false],
    [-1, -1, 0, 0, false],
    [-1, 1, 0, 0, false],
    [1, -1, 0, 0, false],
    [1, 1, 0, 0, false],
    [0, 0, 0, 0, true],
  ];
  let improved = true;
  while (improved && tried.size < maxModels) {
    improved = false;
    for (const [dp, dq, dP, dQ, toggle] of moves) {
      if (toggle && !allowConstant) continue;
      if (consider(p + dp, q + dq, P + dP, Q + dQ, toggle ? !c : c)) {
        improved = true;
        break;
      }
    }
  }
  // A non-seasonal winner's exact estimates are polished (see `FitArimaOptions.polish`); a
  // seasonal state is too large for the simplex's hundred evaluations to be affordable, and its
  // Levenberg–Marquardt estimates are kept (within 1e-4 of the optimal log-likelihood here).
  // Seasons longer than 12 give states of dozens of components (O(n·r²) per evaluation): fewer
  // iterations and refits keep a 1,000-value weekly history within a second.
  const long = sm > 12;
  const finalOptions = sm > 1 ? { polish: false, mlIterations: long ? 4 : 10 } : {};
  const polished = (f: ArimaModel): ArimaModel =>
    sm > 1 ? f : (fitArima(y, f.spec, { init: f }) ?? f);
  if (!exactFinal) return best;
  if (!approximation && searchIterations === undefined) return best ? polished(best) : null;
  // Refit by exact likelihood, best ranked first, as R does after an approximate search: down
  // the list until a fit passes the root checks (exact estimates of an over-differenced model
  // often put an MA root on the unit circle). When the ranking was by the exact likelihood at
  // CSS estimates, the first three that pass are maximized and the lowest AICc kept.
  const ranked = [...tried.values()]
    .filter((f): f is ArimaModel => f !== null)
    .sort((a, b) => a.aicc - b.aicc);
  const wanted = approximation ? 1 : 3;
  const passed: ArimaModel[] = [];
  // At most 10 refits, 3 for long seasons (R walks the whole list; each refit of a seasonal model
  // costs milliseconds, of a weekly one a hundred).
  for (const [i, f] of ranked.slice(0, long ? 3 : 10).entries()) {
    if (passed.length >= wanted || (i >= 3 && passed.length > 0)) break;
    const exact = fitArima(
      y,
      f.spec,
      approximation ? { ...finalOptions, init: f } : { polish: false, mlIterations: 10, init: f }
    );
    if (exact) passed.push(exact);
  }
  if (passed.length === 0) return ranked[0] ?? null;
  const chosen = passed.reduce((a, b) => (b.aicc < a.aicc ? b : a));
  return approximation ? chosen : polished(chosen);
}

/**
 * The model for a series that differencing makes constant: (0,d,0)(0,D,0) with the constant as
 * drift or mean (when d + D ≤ 1), zero variance.
 */
function constantModel(
  y: readonly number[],
  d: number,
  D: number,
  m: number,
  value: number
): ArimaModel {
  const constant = d + D <= 1 && value !== 0;
  const back = d + D * m;
  return {
    spec: { p: 0, d, q: 0, P: 0, D, Q: 0, m: D > 0 ? m : 1, constant },
    phi: [],
    theta: [],
    seasonalPhi: [],
    seasonalTheta: [],
    mean: d + D <= 1 ? value : 0,
    sigma2: 0,
    loglik: Infinity,
    aicc: -Infinity,
    method: "ML",
    state: [0],
    tail: back > 0 ? y.slice(-back) : [],
  };
}
