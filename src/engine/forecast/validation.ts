/**
 * Hold-out validation of fitted members (Bates & Granger 1969; hold-out selection): each member is
 * refitted with the form it already chose (no new model search, so it is cheap) on the history
 * minus its last v values, and scored on those v values. The combination weights its voices by
 * these errors.
 */
import { ArimaModel, arimaForecast, fitArima } from "./arima";
import { CesModel, cesForecast, fitCes } from "./ces";
import { EtsModel, etsForecast, fitEts } from "./ets";
import { fitTheta, thetaForecast } from "./theta";

/** Levenberg–Marquardt iterations of an ARIMA refit (the search's final fits use 4–20). */
const REFIT_ML_ITERATIONS = 5;

/** The shortest hold-out scored: M4's shortest horizon (yearly data). */
const MIN_HOLD_OUT = 6;

/**
 * The hold-out length: v = min(max(h, m, 6), ⌊n/4⌋), so the members are scored over at least the
 * horizon asked and a full season, while three quarters of the history stay to refit on.
 *
 * @param n the history's length
 * @param h the horizon that will be forecast
 * @param m the season length in use (1 for none)
 * @returns v, or 0 when the history is too short to validate (v < 2)
 * @example
 * validationLength(120, 6, 12); // 12
 * validationLength(7, 3, 1); // 0 (⌊7/4⌋ = 1)
 */
export function validationLength(n: number, h: number, m: number): number {
  const v = Math.min(Math.max(h, m, MIN_HOLD_OUT), Math.floor(n / 4));
  return v >= 2 ? v : 0;
}

/** Refits a member's chosen form on a shorter history and forecasts v steps, or null. */
export type Refit = (train: readonly number[], v: number) => number[] | null;

/**
 * Where the hold-out windows end for multi-origin validation: up to `origins` windows of v values
 * ending at n, n − s, n − 2s, … with s = ⌈v/2⌉ (half-overlapping, so three windows span 2v
 * values); a window after the first is kept only when at least ⌈n/2⌉ values remain before it to
 * refit on.
 *
 * @param n the history's length
 * @param v the hold-out length (from {@link validationLength}; 0 = no validation)
 * @param origins how many windows at most (≥ 1)
 * @returns the window ends (exclusive indices), latest first; empty when v < 1 or v ≥ n
 * @example
 * validationEnds(120, 12, 3); // [120, 114, 108]
 * validationEnds(20, 5, 3); // [20, 17] (a third window would leave 14 − 5 = 9 < 10 values)
 */
export function validationEnds(n: number, v: number, origins: number): number[] {
  if (v < 1 || v >= n) return [];
  const s = Math.ceil(v / 2);
  const ends = [n];
  for (let j = 1; j < origins; j++) {
    const end = n - j * s;
    if (end - v < Math.ceil(n / 2)) break;
    ends.push(end);
  }
  return ends;
}

/** A member's hold-out: its MSE over every window, and its errors on the latest one. */
export interface HoldOut {
  /** Mean squared error over the windows whose refit succeeded. */
  readonly mse: number;
  /**
   * Actual minus forecast on the latest window (the last v values), one per step ahead; empty
   * when that window's refit failed but an earlier one succeeded.
   */
  readonly errors: readonly number[];
}

/**
 * A member refitted on the history minus its last v values, scored over those v; with several
 * origins, the squared errors of every window (see {@link validationEnds}) pooled.
 *
 * @param y the history the member was fitted on
 * @param v the hold-out length (≥ 1, below y.length)
 * @param refit the member's refit
 * @param origins how many hold-out windows at most (default 1)
 * @returns the MSE and the latest window's errors, or null when no refit succeeded (a failed
 * refit or a non-finite forecast)
 * @example
 * holdOut([1, 2, 3, 4, 5, 6, 7, 8], 2, (train, v) => Array(v).fill(train[train.length - 1]));
 * // { mse: 2.5, errors: [1, 2] }
 */
export function holdOut(
  y: readonly number[],
  v: number,
  refit: Refit,
  origins = 1
): HoldOut | null {
  let sse = 0;
  let count = 0;
  let errors: number[] = [];
  for (const end of validationEnds(y.length, v, origins)) {
    const path = refit(y.slice(0, end - v), v);
    if (!path || path.length !== v) continue;
    const e = path.map((f, i) => y[end - v + i] - f);
    const squares = e.reduce((a, x) => a + x * x, 0);
    if (!Number.isFinite(squares)) continue;
    if (end === y.length) errors = e;
    sse += squares;
    count += v;
  }
  return count > 0 ? { mse: sse / count, errors } : null;
}

/**
 * The mean squared error of a member refitted on the history minus its last v values, over those v;
 * with several origins, the squared errors of every window (see {@link validationEnds}) pooled.
 *
 * @param y the history the member was fitted on
 * @param v the hold-out length (≥ 1, below y.length)
 * @param refit the member's refit
 * @param origins how many hold-out windows at most (default 1)
 * @returns the MSE over the windows whose refit succeeded, or null when none did (a failed refit
 * or a non-finite forecast)
 * @example
 * holdOutMse([1, 2, 3, 4, 5, 6, 7, 8], 2, (train, v) => Array(v).fill(train[train.length - 1])); // 2.5
 */
export function holdOutMse(
  y: readonly number[],
  v: number,
  refit: Refit,
  origins = 1
): number | null {
  return holdOut(y, v, refit, origins)?.mse ?? null;
}

/**
 * Refit of an ETS model's form (error, trend, season types and season length).
 *
 * @param model the chosen model
 * @returns its refit
 * @example
 * holdOutMse(y, 6, refitEts(family.best));
 */
export function refitEts(model: EtsModel): Refit {
  return (train, v) => {
    const f = fitEts(train, model.spec, model.m);
    return f ? etsForecast(f, v) : null;
  };
}

/**
 * Refit of an ARIMA model's orders and constant, started from its coefficients, estimated the
 * same way (exact likelihood, by a few Levenberg–Marquardt steps, or CSS). When the exact
 * estimates on the shorter history fail the root checks (a seasonal MA near −1 often does), the
 * CSS estimates are used; a model with no coefficients and no variance (differencing made the
 * history constant) is the same model continued from the shorter history's last values.
 *
 * @param model the chosen model
 * @returns its refit
 * @example
 * holdOutMse(y, 6, refitArima(autoArima(y, 1)));
 */
export function refitArima(model: ArimaModel): Refit {
  const { spec } = model;
  const nCoef = spec.p + spec.q + spec.P + spec.Q;
  return (train, v) => {
    if (nCoef === 0 && model.sigma2 === 0) {
      const back = spec.d + spec.D * spec.m;
      if (train.length < back) return null;
      return arimaForecast({ ...model, tail: back > 0 ? train.slice(-back) : [] }, v);
    }
    const f =
      fitArima(train, spec, {
        init: model,
        exact: model.method === "ML",
        // Started from the full history's estimates, a few steps reach the shorter history's.
        mlIterations: REFIT_ML_ITERATIONS,
        polish: false,
      }) ?? (model.method === "ML" ? fitArima(train, spec, { init: model, exact: false }) : null);
    return f ? arimaForecast(f, v) : null;
  };
}

/**
 * Refit of a CES model's variant and season length.
 *
 * @param model the chosen model
 * @returns its refit
 * @example
 * holdOutMse(y, 12, refitCes(autoCes(y, 12)));
 */
export function refitCes(model: CesModel): Refit {
  return (train, v) => {
    const f = fitCes(train, model.season, model.m);
    return f ? cesForecast(f, v) : null;
  };
}

/**
 * Refit of Theta with the season length in use (Theta has no form to keep).
 *
 * @param m the season length
 * @returns its refit
 * @example
 * holdOutMse(y, 6, refitTheta(1));
 */
export function refitTheta(m: number): Refit {
  return (train, v) => thetaForecast(fitTheta(train, m), v);
}
