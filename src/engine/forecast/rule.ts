/**
 * Combination rules: which members' forecasts are combined and how, per branch (a season, none, a
 * cycle, a twice-differenced trend), and the shipped rule {@link COMBINATION}, chosen by the
 * protocols in docs/forecast.md.
 */
import type { ArimaModel } from "./arima";
import type { WeightScheme } from "./combine";
import type { ForecastModel, MemberName } from "./model";
import { SEASONAL_STRENGTH_LIMIT } from "./unitRoot";

/** A combination rule: which members, averaged how, and how wide the interval is. */
export interface Combination {
  /** Members, or inner combinations that count as one voice. */
  readonly members: readonly (MemberName | Combination)[];
  /**
   * "weighted": a mean weighted by the inverse of each voice's one-step error variance;
   * "inverse", "pick", "shrunk": weights from each voice's hold-out error (`validationWeights`;
   * equal weights when a voice has none).
   */
  readonly rule: "mean" | "median" | "weighted" | WeightScheme;
  /**
   * The interval's standard deviation is the root mean square of the members' own forecast
   * standard deviations, times this factor (1 = the members' average uncertainty, unwidened).
   */
  readonly widen: number;
  /**
   * Add the spread of the voices' forecasts to the interval's variance (the law of total variance
   * for an equal mixture of the voices: their disagreement is uncertainty too).
   */
  readonly spread?: boolean;
  /** The rule used instead when no season is detected (or given); default: this one. */
  readonly noSeason?: Combination;
  /**
   * A season detected at a lag that is not a calendar one (`isCalendarSeason`) is a cycle: the
   * members are fitted without a season and `noSeason` applies. A season the user gives is kept.
   */
  readonly calendarOnly?: boolean;
  /**
   * With `calendarOnly`: a non-calendar season whose seasonal strength (`seasonalStrength`)
   * exceeds this stays a season (a clean pattern every 6 values is real; a weak "season" of 2 or
   * 3 in yearly data is not). Undefined: every non-calendar season is a cycle.
   */
  readonly seasonStrength?: number;
  /**
   * A cycle's hold-out covers its detected length c: v = min(max(h, c, 6), ⌊n/4⌋), as a season's
   * covers the season (round 13). Default: sized as for no season.
   */
  readonly cycleHoldOut?: boolean;
  /**
   * A cycle goes to ARIMA alone when the ARIMA fitted for it can carry one (`carriesCycle`:
   * stationary, with an AR part of order 2 or more); otherwise the no-season branches apply
   * (round 13). Ignored when `cycle` is set.
   */
  readonly cycleArima?: boolean;
  /**
   * Without a season (none detected, or a cycle), a stationary ARIMA member (d = 0: it reverts to
   * the series' mean, which the ETS voices cannot) forecasts alone: "arima" whatever its orders,
   * "arma" only when it has an AR or MA part (p + q ≥ 1) (round 17, `revertsToMean`). Default:
   * the no-season branches apply.
   */
  readonly stationary?: "arima" | "arma";
  /**
   * Hold-out windows the validation weights pool (`validationEnds`; default 1, the last v values
   * only). Read from the branch that applies (`ruleFor`), else from the top-level rule.
   */
  readonly origins?: number;
  /**
   * The rule used instead when a detected season was fitted as a cycle (`calendarOnly`): members
   * that cannot represent a cycle (the ETS family) can be left out. Default: `noSeason`.
   */
  readonly cycle?: Combination;
  /**
   * The rule used instead, without a season, when the ARIMA member differences twice (d = 2): a
   * changing trend the damped ETS would flatten. Default: `noSeason`.
   */
  readonly twice?: Combination;
  /**
   * c in the interval factor widen · √(1 + c / n), n the values fitted on: members' variances
   * leave out parameter and model uncertainty, which shrinks as 1/n, so short histories need
   * wider intervals (round 7's interval protocol). Default 0.
   */
  readonly lengthScale?: number;
  /**
   * κ, the weight (in values) of the interval's factor against the series' own hold-out evidence
   * (round 9's interval protocol): the factor's square becomes (κ·f² + v·r²) / (κ + v), f the
   * factor above and r² the mean squared hold-out error of the combined voices divided by their
   * stated variance, over the v hold-out values. Undefined: the factor alone.
   */
  readonly calibrate?: number;
}

/**
 * Whether a rule (any branch) weights its voices by their hold-out errors.
 *
 * @param rule a combination
 * @returns true when a branch uses "inverse", "pick" or "shrunk" weights
 * @example
 * usesValidation(COMBINATION); // true
 */
export function usesValidation(rule: Combination): boolean {
  const own = rule.rule === "inverse" || rule.rule === "pick" || rule.rule === "shrunk";
  return (
    own || [rule.noSeason, rule.cycle, rule.twice].some((b) => b !== undefined && usesValidation(b))
  );
}

/**
 * The rule that applies to a model with the given season length.
 *
 * @param rule a combination, possibly season-aware
 * @param seasonality the season length in use (1 for none)
 * @returns `rule.noSeason` when there is no season and it is set, else `rule`
 * @example
 * ruleFor(COMBINATION, model.seasonality).members;
 */
export function ruleFor(rule: Combination, seasonality: number): Combination {
  return seasonality <= 1 && rule.noSeason ? rule.noSeason : rule;
}

/**
 * The rule that applies to a fitted model: {@link ruleFor} its season length, then the
 * `cycle` branch when a detected season was fitted as a cycle, or the `twice` branch when there
 * is no season and the ARIMA member differences twice.
 *
 * @param rule a combination, possibly season- and cycle-aware
 * @param model the fitted model's season in use, season detected and ARIMA member
 * @returns the branch of `rule` that combines this model's members
 * @example
 * ruleForModel(COMBINATION, model).members;
 */
export function ruleForModel(
  rule: Combination,
  model: Pick<ForecastModel, "seasonality" | "detected" | "arima">
): Combination {
  if (model.seasonality > 1) return ruleFor(rule, model.seasonality);
  if (model.detected > 1 && rule.cycle) return rule.cycle;
  // Rounds 13–17's challengers: ARIMA alone where it can follow what the ETS voices cannot.
  const arimaAlone =
    (model.detected > 1 && rule.cycleArima && carriesCycle(model.arima)) ||
    (rule.stationary !== undefined && revertsToMean(model.arima, rule.stationary));
  if (arimaAlone) return { ...ruleFor(rule, 1), members: ["arima"] };
  if (rule.twice && model.arima?.spec.d === 2) return rule.twice;
  return ruleFor(rule, model.seasonality);
}

/**
 * Whether a non-seasonal ARIMA can carry a cycle: stationary (no difference) with an AR part of
 * order 2 or more, the smallest whose forecasts can swing with a period (complex roots); an AR(1)
 * or a differenced model decays or trends to a line.
 *
 * @param arima the ARIMA member, or null
 * @returns true for a stationary AR(p ≥ 2) part
 * @example
 * carriesCycle(model.arima); // true for R's AR(3) with a mean on yearly sunspots
 */
export function carriesCycle(arima: Pick<ArimaModel, "spec"> | null): boolean {
  return revertsToMean(arima, "arima") && (arima?.spec.p ?? 0) >= 2;
}

/**
 * Whether a non-seasonal ARIMA reverts to a mean (stationary: no difference), and, for "arma",
 * has an AR or MA part, so that its forecast starts from the last values rather than at the mean.
 *
 * @param arima the ARIMA member, or null
 * @param kind "arima": any stationary model; "arma": one with p + q ≥ 1
 * @returns true when the ARIMA qualifies
 * @example
 * revertsToMean(model.arima, "arma"); // true for an AR(1) with a mean, false for a random walk
 */
export function revertsToMean(
  arima: Pick<ArimaModel, "spec"> | null,
  kind: "arima" | "arma"
): boolean {
  if (arima === null || arima.spec.d !== 0 || arima.spec.D !== 0) return false;
  return kind === "arima" || arima.spec.p + arima.spec.q >= 1;
}

/**
 * How many hold-out windows the validation of a model with the given season length pools.
 *
 * @param rule a combination, possibly season-aware
 * @param seasonality the season length in use (1 for none)
 * @returns the applying branch's `origins`, else the top-level rule's, else 1
 * @example
 * originsFor({ ...COMBINATION, noSeason: { ...COMBINATION.noSeason!, origins: 3 } }, 1); // 3
 */
export function originsFor(rule: Combination, seasonality: number): number {
  return ruleFor(rule, seasonality).origins ?? rule.origins ?? 1;
}

/**
 * The interval every branch uses, chosen by round 9's interval protocol (docs/forecast.md; re-run
 * with round 10's season detection) by its interval score on half of seven benchmark sets: the
 * factor 1.3 · √(1 + 20/n), weighed against the series' own hold-out errors as if it were worth
 * 12 of its values.
 */
const INTERVAL = { widen: 1.3, lengthScale: 20, calibrate: 12 } as const;

/**
 * The shipped combination, chosen by the round-8 protocol in docs/forecast.md (on half of the
 * 4,092 records of six benchmark sets, each set weighing the same, among the rules no worse than
 * the previous one on the other half): with a season, ETS, ARIMA and CES; without one, ARIMA, the
 * damped ETS, the AICc-best ETS (a trend that may keep going) and CES (round 18: chosen on half
 * of fourteen sets, better on the other half too), or ARIMA and that ETS when ARIMA differences
 * twice (an accelerating trend the damped voice would flatten); each weighted by the inverse of
 * its error on a hold-out of the history's end (refitted with the form it chose).
 * The interval's factor, 1.3 · √(1 + 20/n) for n values fitted on (wider for short histories,
 * whose members' variances leave out more parameter uncertainty), weighed against how far the
 * voices' hold-out errors went beyond the uncertainty they stated (`INTERVAL`). A weak season
 * detected at a lag no calendar has (2, 3, 10 …) is a cycle or an artefact, fitted as no season;
 * a strong one (strength above R's `nsdiffs` limit) stays (round 12: chosen on nine sets,
 * confirmed on a tenth). (`cycleArima`, ARIMA alone for a cycle it carries, was the challenger
 * of rounds 14–16: the unseen sets changed too few records to confirm it; `stationary`, ARIMA
 * alone for a stationary model, lost on both halves in round 17. Neither is used.)
 */
export const COMBINATION: Combination = {
  members: ["ets", "arima", "ces"],
  rule: "inverse",
  ...INTERVAL,
  calendarOnly: true,
  seasonStrength: SEASONAL_STRENGTH_LIMIT,
  noSeason: { members: ["arima", "damped", "ets", "ces"], rule: "inverse", ...INTERVAL },
  twice: { members: ["arima", "ets"], rule: "inverse", ...INTERVAL },
};

/**
 * The members a rule's voices use (inner combinations included).
 *
 * @param rule a combination
 * @returns the member names, in the order of the voices
 * @example
 * memberNames(COMBINATION); // ["ets", "arima", "ces"]
 */
export function memberNames(rule: Combination): MemberName[] {
  return rule.members.flatMap((k) => (typeof k === "string" ? [k] : memberNames(k)));
}
