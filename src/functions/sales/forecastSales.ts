import { flatten, isBlank, optionalRange, readNumberArg } from "../../engine/cells";
import { Result, isError } from "../../engine/errors";
import {
  completeHistory,
  detectSeasonality,
  fit,
  forecast,
  isFiniteForecast,
} from "../../engine/forecast";
import { withoutHeaderRow } from "../../engine/headerRow";
import { errors } from "../../engine/messages";
import { readSeries } from "../../engine/series";
import { excel } from "../adapter";

const MAX_HORIZON = 240;

/**
 * Reads `confidence`: a level strictly between 0 and 1, or the same level as a whole percentage
 * (95 for 95%: a level above 1 cannot mean anything else, and 1 itself is no level), so both
 * spellings work; omitted gives no bounds.
 */
function readConfidence(confidence: unknown): Result<number | undefined> {
  const cell = Array.isArray(confidence) ? flatten(confidence)[0] : confidence;
  if (isBlank(cell)) return undefined;
  const c = readNumberArg(cell, "confidence");
  if (isError(c)) return c;
  if (c > 0 && c < 1) return c;
  if (c > 1 && c < 100) return c / 100;
  return errors.argOutOfRange(
    "confidence",
    "between 0 and 1 (e.g. 0.95), or a percentage below 100 (e.g. 95)",
    c,
    "بين 0 و1 (مثل 0.95)، أو نسبة مئوية أقل من 100 (مثل 95)"
  );
}

/**
 * Reads the history (on its timeline when given) as a complete series, or why not. A title row
 * selected with the data (B:B, B1:B37) reads as blank, and so is trimmed; a timeline given as one
 * blank cell is no timeline.
 */
function readHistory(history: any[][], timeline: unknown): Result<number[]> {
  const dates = optionalRange(timeline as any[][] | undefined, history);
  const [values, days] = withoutHeaderRow(["number", history], ["date", dates]);
  const series = readSeries(values, days, "history", "History");
  return isError(series) ? series : completeHistory(series);
}

/** Reads horizon, seasonality and confidence, then the history; any failure is an Excel error. */
function forecastCells(
  history: any[][],
  horizon: unknown,
  seasonality: unknown,
  confidence: unknown,
  timeline: unknown
): Result<any[][]> {
  const h = readNumberArg(horizon, "horizon", 1);
  if (isError(h)) return h;
  if (!Number.isInteger(h) || h < 1 || h > MAX_HORIZON)
    return errors.argOutOfRange(
      "horizon",
      `a whole number from 1 to ${MAX_HORIZON}`,
      h,
      `عددًا صحيحًا من 1 إلى ${MAX_HORIZON}`
    );
  const season = readNumberArg(seasonality, "seasonality", 1);
  if (isError(season)) return season;
  if (!Number.isInteger(season) || season < 0)
    return errors.argOutOfRange(
      "seasonality",
      "0, 1 or a whole season length",
      season,
      "0 أو 1 أو طول موسم صحيحًا"
    );
  const level = readConfidence(confidence);
  if (isError(level)) return level;
  const y = readHistory(history, timeline);
  if (isError(y)) return y;
  if (season >= 2 && season > y.length / 2)
    return errors.argOutOfRange(
      "seasonality",
      `at most half the history (${Math.floor(y.length / 2)} for ${y.length} values)`,
      season,
      `نصف السجل على الأكثر (${Math.floor(y.length / 2)} لـ ${y.length} قيمة)`
    );
  const model = fit(y, { seasonality: season, horizon: h });
  if (isError(model)) return model;
  const f = forecast(model, h, level);
  if (!isFiniteForecast(f)) return errors.tooLarge();
  const { mean, lower, upper } = f;
  return mean.map((v, i) => (lower && upper ? [v, lower[i], upper[i]] : [v]));
}

/**
 * Forecasts the next periods of a series (sales by month, quarter, week…): it detects the season and averages automatic ETS, ARIMA and CES models (and a damped ETS when there is no season), each weighted by how well it forecast the history's last periods.
 * @customfunction FORECAST_SALES
 * @param history Past values at equal intervals, oldest first (a row or column, at least 3 numbers). Blanks count as 0; zeros after the last non-zero value (empty rows below the data) and before the first are left out, and so is a title row selected with the data.
 * @param [horizon] How many periods ahead, a whole number from 1 to 240 (default 1). The result spills that many rows.
 * @param [seasonality] Season length: omitted or 1 detects it, 0 means no seasonality, n ≥ 2 sets it (as in FORECAST.ETS). With only two or three years of monthly data the detection often misses a yearly pattern: give 12 if the months have one. A weak pattern at a length no calendar has (a business cycle of about 10 years) is forecast as a cycle, not repeated; give its length to repeat it.
 * @param [confidence] A level between 0 and 1 (e.g. 0.95; 95 is read as 95%) adds two columns: the lower and upper bounds of the prediction interval.
 * @param [timeline] Each value's date, same size as history, as in FORECAST.ETS: rows with a blank or 0 date are ignored, dates evenly spaced (days, or the same day of each month), missing periods filled in (up to 30%), a date twice is an error.
 * @returns One row per period ahead: the forecast, or forecast, lower bound and upper bound.
 * @example =SALES.FORECAST_SALES(B2:B37, 6, , 0.95, A2:A37)
 */
export function forecastSales(
  history: any[][],
  horizon?: any[][],
  seasonality?: any[][],
  confidence?: any[][],
  timeline?: any[][]
): any[][] {
  return excel(() => forecastCells(history, horizon, seasonality, confidence, timeline));
}

/**
 * The season length that SALES.FORECAST_SALES detects automatically in a series (1 when there is none).
 * @customfunction FORECAST_SEASONALITY
 * @param history Past values at equal intervals, oldest first (a row or column, at least 3 numbers). Blanks count as 0; zeros after the last non-zero value and before the first are left out.
 * @param [timeline] Each value's date, same size as history (as in FORECAST_SALES and FORECAST.ETS).
 * @returns The detected season length, e.g. 12 for monthly data with a yearly pattern, or 1.
 * @example =SALES.FORECAST_SEASONALITY(B2:B37, A2:A37)
 */
export function forecastSeasonality(history: any[][], timeline?: any[][]): number {
  return excel(() => {
    const y = readHistory(history, timeline);
    return isError(y) ? y : detectSeasonality(y);
  });
}
