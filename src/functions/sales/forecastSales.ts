import { flatten, isBlank, readNumberArg, readNumbers } from "../../engine/cells";
import { Result, isError } from "../../engine/errors";
import {
  completeHistory,
  detectSeasonality,
  fit,
  forecast,
  isFiniteForecast,
} from "../../engine/forecast";
import { errors } from "../../engine/messages";
import { excel } from "../adapter";

const MAX_HORIZON = 240;

/** Reads horizon, seasonality and confidence, then the history; any failure is an Excel error. */
function forecastCells(
  history: any[][],
  horizon: unknown,
  seasonality: unknown,
  confidence: unknown
): Result<any[][]> {
  const h = readNumberArg(horizon, "horizon", 1);
  if (isError(h)) return h;
  if (!Number.isInteger(h) || h < 1 || h > MAX_HORIZON)
    return errors.argOutOfRange("horizon", `a whole number from 1 to ${MAX_HORIZON}`);
  const season = readNumberArg(seasonality, "seasonality", 1);
  if (isError(season)) return season;
  if (!Number.isInteger(season) || season < 0)
    return errors.argOutOfRange("seasonality", "0, 1 or a whole season length");
  let level: number | undefined;
  const confidenceCell = Array.isArray(confidence) ? flatten(confidence)[0] : confidence;
  if (!isBlank(confidenceCell)) {
    const c = readNumberArg(confidenceCell, "confidence");
    if (isError(c)) return c;
    if (!(c > 0 && c < 1)) return errors.argOutOfRange("confidence", "between 0 and 1, e.g. 0.95");
    level = c;
  }
  const values = readNumbers(history, "History");
  if (isError(values)) return values;
  const y = completeHistory(values);
  if (isError(y)) return y;
  if (season >= 2 && season > y.length / 2)
    return errors.argOutOfRange(
      "seasonality",
      `at most half the history (${Math.floor(y.length / 2)} for ${y.length} values)`
    );
  const model = fit(y, { seasonality: season });
  if (isError(model)) return model;
  const f = forecast(model, h, level);
  if (!isFiniteForecast(f)) return errors.tooLarge();
  const { mean, lower, upper } = f;
  return mean.map((v, i) => (lower && upper ? [v, lower[i], upper[i]] : [v]));
}

/**
 * Forecasts the next periods of a series (sales by month, quarter, week…) with automatic seasonality and model choice.
 * @customfunction FORECAST_SALES
 * @param history Past values at equal intervals, oldest first (a row or column, at least 3 numbers). Blanks inside are interpolated.
 * @param [horizon] How many periods ahead, a whole number from 1 to 240 (default 1). The result spills that many rows.
 * @param [seasonality] Season length: omitted or 1 detects it, 0 means no seasonality, n ≥ 2 sets it (as in FORECAST.ETS).
 * @param [confidence] A level between 0 and 1 (e.g. 0.95) adds two columns: the lower and upper bounds of the prediction interval.
 * @returns One row per period ahead: the forecast, or forecast, lower bound and upper bound.
 * @example =SALES.FORECAST_SALES(B2:B37, 6, , 0.95)
 */
export function forecastSales(
  history: any[][],
  horizon?: any[][],
  seasonality?: any[][],
  confidence?: any[][]
): any[][] {
  return excel(() => forecastCells(history, horizon, seasonality, confidence));
}

/**
 * The season length that SALES.FORECAST_SALES detects automatically in a series (1 when there is none).
 * @customfunction FORECAST_SEASONALITY
 * @param history Past values at equal intervals, oldest first (a row or column, at least 3 numbers).
 * @returns The detected season length, e.g. 12 for monthly data with a yearly pattern, or 1.
 * @example =SALES.FORECAST_SEASONALITY(B2:B37)
 */
export function forecastSeasonality(history: any[][]): number {
  return excel(() => {
    const values = readNumbers(history, "History");
    if (isError(values)) return values;
    const y = completeHistory(values);
    return isError(y) ? y : detectSeasonality(y);
  });
}
