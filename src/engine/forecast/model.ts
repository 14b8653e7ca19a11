/**
 * What a fit produces: the members the engine can fit, a fitted forecaster (its members on a
 * normalized scale) and a forecast. Types only, shared by the fitting (index.ts), the
 * combination rules (rule.ts) and the member paths (paths.ts).
 */
import type { ArimaModel } from "./arima";
import type { CesModel } from "./ces";
import type { EtsModel } from "./ets";
import type { ThetaModel } from "./theta";

/** The members the engine can fit. */
export type MemberName = "ets" | "damped" | "theta" | "arima" | "ces";
/** Every member, in a fixed order. */
export const MEMBERS: readonly MemberName[] = ["ets", "damped", "theta", "arima", "ces"];

/** A fitted forecaster. Values are kept on a normalized scale and multiplied back by `scale`. */
export interface ForecastModel {
  /** The season length used (1 for none). */
  readonly seasonality: number;
  /** The season length detected or given (differs from `seasonality` for a cycle). */
  readonly detected: number;
  /** Number of values the models were fitted on (the last `n` of the history). */
  readonly n: number;
  readonly scale: number;
  /**
   * Set when the history lies exactly on a line (a constant included): the forecast extends the
   * line with no uncertainty, since every smoothing method would only approximate it.
   */
  readonly line: { readonly intercept: number; readonly slope: number } | null;
  readonly ets: EtsModel | null;
  readonly damped: EtsModel | null;
  readonly theta: ThetaModel | null;
  readonly arima: ArimaModel | null;
  readonly ces: CesModel | null;
  /** Each validated member's hold-out mean squared error (normalized scale). */
  readonly validation: Partial<Record<MemberName, number>>;
  /**
   * Each validated member's errors (actual − forecast, normalized scale) on the latest hold-out
   * window, one per step ahead; absent when not validated.
   */
  readonly holdOutErrors?: Partial<Record<MemberName, readonly number[]>>;
}

/** Point forecasts and, when a level was asked, the prediction interval. */
export interface Forecast {
  readonly mean: number[];
  readonly lower?: number[];
  readonly upper?: number[];
}
