/**
 * Automatic ETS model choice: fit every admissible member of the family and keep the lowest AICc
 * (Hyndman et al. 2008, ch. 7; R's `ets()` default model set, without multiplicative trends).
 */
import { EtsModel, EtsSpec, fitEts } from "./ets";

/**
 * The candidate models: additive-error models always; multiplicative error and seasonality only
 * for strictly positive data; additive error never with multiplicative seasonality (unstable,
 * excluded by R too); seasonal forms only when a season length m ≥ 2 is given.
 *
 * @param positive whether every value is > 0
 * @param seasonal whether to include seasonal forms
 * @returns the model specifications to try
 * @example
 * etsCandidates(true, false).length; // 6
 */
export function etsCandidates(positive: boolean, seasonal: boolean): EtsSpec[] {
  const out: EtsSpec[] = [];
  const errors: ("A" | "M")[] = positive ? ["A", "M"] : ["A"];
  const seasons: ("N" | "A" | "M")[] = seasonal ? (positive ? ["N", "A", "M"] : ["N", "A"]) : ["N"];
  for (const error of errors)
    for (const trend of ["N", "A", "Ad"] as const)
      for (const season of seasons) {
        if (error === "A" && season === "M") continue;
        out.push({ error, trend, season });
      }
  return out;
}

/** The fitted family: the AICc choice and the best damped-trend model. */
export interface EtsFamily {
  readonly best: EtsModel | null;
  readonly bestDamped: EtsModel | null;
  readonly models: readonly EtsModel[];
}

/**
 * Fits all candidates and ranks them by AICc.
 *
 * @param y the series, scaled to order 1 by the caller
 * @param m the season length (1 for none)
 * @returns the best model overall and the best damped-trend model (null when none could be fitted)
 * @example
 * fitEtsFamily(sales, 12).best?.spec; // e.g. { error: "M", trend: "Ad", season: "M" }
 */
export function fitEtsFamily(y: readonly number[], m: number): EtsFamily {
  const positive = y.every((v) => v > 0);
  const models: EtsModel[] = [];
  for (const spec of etsCandidates(positive, m >= 2)) {
    const fit = fitEts(y, spec, m);
    if (fit) models.push(fit);
  }
  let best: EtsModel | null = null;
  let bestDamped: EtsModel | null = null;
  for (const model of models) {
    if (!best || model.aicc < best.aicc) best = model;
    if (model.spec.trend === "Ad" && (!bestDamped || model.aicc < bestDamped.aicc))
      bestDamped = model;
  }
  return { best, bestDamped, models };
}
