/**
 * The members' forecast paths (means and error standard deviations, normalized scale) and their
 * combination by a rule into the forecast with its prediction interval.
 */
import { arimaForecast, arimaForecastSd } from "./arima";
import { cesForecast, cesForecastSd } from "./ces";
import { combineMean, combineMedian, combineWeighted, validationWeights } from "./combine";
import { etsForecast, etsForecastSd } from "./ets";
import { HoldOutCheck, calibrated } from "./interval";
import { Forecast, ForecastModel, MEMBERS, MemberName } from "./model";
import { normalQuantile } from "./normal";
import type { Combination } from "./rule";
import { ThetaModel, thetaForecast } from "./theta";

/** One member's forecast and the standard deviations of its errors (normalized scale). */
export interface MemberPath {
  readonly mean: number[];
  readonly sd: number[];
  /** Its hold-out mean squared error, when it was validated. */
  readonly mse?: number;
  /**
   * Its latest hold-out window's errors and its own error standard deviations at those steps
   * ahead (1 … v), when it was validated: how well its stated uncertainty fitted recent data.
   */
  readonly check?: HoldOutCheck;
}

function thetaSd(theta: ThetaModel, level: readonly number[]): number[] {
  return level.map((l, i) => {
    const s = Math.sqrt(theta.sigma2 * (1 + i * theta.alpha * theta.alpha));
    // The Theta variance is on the seasonally adjusted scale; a multiplicative index scales it.
    return theta.season?.type === "multiplicative" ? s * Math.abs(l) : s;
  });
}

/**
 * Every fitted member's forecast and error standard deviations, on the normalized scale.
 *
 * @param model the fitted model (not an exact line)
 * @param h the horizon
 * @returns the paths of the members that were fitted
 * @example
 * Object.keys(memberPaths(model, 12)); // ["ets", "damped", "theta", …]
 */
export function memberPaths(
  model: ForecastModel,
  h: number
): Partial<Record<MemberName, MemberPath>> {
  const out: Partial<Record<MemberName, MemberPath>> = {};
  const errors = model.holdOutErrors ?? {};
  // Each member's path reaches its hold-out's length too, for the standard deviations there.
  const steps = (k: MemberName): number => Math.max(h, errors[k]?.length ?? 0);
  const paths: Partial<Record<MemberName, { mean: number[]; sd: number[] }>> = {};
  for (const [k, ets] of [
    ["ets", model.ets],
    ["damped", model.damped],
  ] as const)
    if (ets) {
      const mean = etsForecast(ets, steps(k));
      paths[k] = { mean, sd: etsForecastSd(ets, mean) };
    }
  if (model.theta) {
    const mean = thetaForecast(model.theta, steps("theta"));
    paths.theta = { mean, sd: thetaSd(model.theta, mean) };
  }
  if (model.arima) {
    const H = steps("arima");
    paths.arima = { mean: arimaForecast(model.arima, H), sd: arimaForecastSd(model.arima, H) };
  }
  if (model.ces) {
    const H = steps("ces");
    paths.ces = { mean: cesForecast(model.ces, H), sd: cesForecastSd(model.ces, H) };
  }
  for (const k of MEMBERS) {
    const p = paths[k];
    if (!p) continue;
    const mse = model.validation[k];
    const e = errors[k];
    out[k] = {
      mean: p.mean.slice(0, h),
      sd: p.sd.slice(0, h),
      ...(mse !== undefined ? { mse } : {}),
      ...(e ? { check: { errors: e, sd: p.sd.slice(0, e.length) } } : {}),
    };
  }
  return out;
}

/**
 * The voices whose forecasts differ from every earlier one's (the first of identical ones kept).
 *
 * @param voices member paths
 * @returns the distinct ones, in order
 * @example
 * distinctVoices([a, a, b]); // [a, b]
 */
export function distinctVoices(voices: readonly MemberPath[]): MemberPath[] {
  const same = (p: MemberPath, q: MemberPath): boolean =>
    p.mean.length === q.mean.length && p.mean.every((v, i) => v === q.mean[i]);
  return voices.filter((p, k) => !voices.slice(0, k).some((q) => same(p, q)));
}

/**
 * Combines member paths by a rule into a forecast on the data's scale, with an interval at
 * `level` when given. Members that could not be fitted are left out; when none of the rule's
 * members is available, every available member is used.
 *
 * @param paths member paths (normalized scale)
 * @param rule the combination
 * @param scale the normalization factor
 * @param level the interval's coverage, or undefined
 * @param n the values the members were fitted on (for `rule.lengthScale`; default: no length term)
 * @returns the forecast
 * @example
 * combinePaths(memberPaths(model, 6), COMBINATION, model.scale, 0.95, model.n);
 */
export function combinePaths(
  paths: Partial<Record<MemberName, MemberPath>>,
  rule: Combination,
  scale: number,
  level?: number,
  n?: number
): Forecast {
  const voice = (k: MemberName | Combination): MemberPath | undefined => {
    if (typeof k === "string") return paths[k];
    const inner = combinePaths(paths, { ...k, widen: 1 }, 1, 0.6826894921370859);
    const sd = inner.mean.map((v, i) => ((inner.upper as number[])[i] - v) / 1);
    return { mean: inner.mean, sd };
  };
  let chosen = rule.members.map(voice).filter((p): p is MemberPath => p !== undefined);
  if (chosen.length === 0) chosen = Object.values(paths) as MemberPath[];
  // Weighted by validation, the same model listed twice (the AICc-best ETS is often the damped
  // one) would count twice: identical voices count once.
  if (rule.rule === "inverse" || rule.rule === "pick" || rule.rule === "shrunk")
    chosen = distinctVoices(chosen);
  const means = chosen.map((p) => p.mean);
  let combined: number[];
  // Voices' weights for the interval's variance (null: equal).
  let weights: number[] | null = null;
  if (rule.rule === "median") combined = combineMedian(means);
  else if (rule.rule === "mean") combined = combineMean(means);
  else if (rule.rule !== "weighted") {
    weights = validationWeights(
      chosen.map((p) => p.mse),
      rule.rule
    );
    combined = weights ? combineWeighted(means, weights) : combineMean(means);
  } else {
    const w = chosen.map((p) => 1 / Math.max(p.sd[0] * p.sd[0], 1e-300));
    const total = w.reduce((a, b) => a + b, 0);
    combined = means[0].map((_, i) => means.reduce((a, m, k) => a + (w[k] / total) * m[i], 0));
  }
  const mean = combined.map((v) => v * scale);
  if (level === undefined) return { mean };
  const c = rule.lengthScale ?? 0;
  let factor = rule.widen * (c > 0 && n !== undefined && n > 0 ? Math.sqrt(1 + c / n) : 1);
  if (rule.calibrate !== undefined) factor = calibrated(factor, chosen, weights, rule.calibrate);
  const z = normalQuantile((1 + level) / 2);
  const h = mean.length;
  const lower = new Array<number>(h);
  const upper = new Array<number>(h);
  // Uncertainty never shrinks with the horizon, even where a multiplicative season dips.
  let width = 0;
  for (let i = 0; i < h; i++) {
    let v = 0;
    chosen.forEach((p, k) => {
      const w = weights ? weights[k] : 1 / chosen.length;
      if (w > 0) v += w * p.sd[i] * p.sd[i];
    });
    if (rule.spread) for (const p of chosen) v += (p.mean[i] - combined[i]) ** 2 / chosen.length;
    width = Math.max(width, z * factor * Math.sqrt(v) * scale);
    lower[i] = mean[i] - width;
    upper[i] = mean[i] + width;
  }
  return { mean, lower, upper };
}
