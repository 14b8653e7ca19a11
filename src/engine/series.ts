/**
 * A time series read from a worksheet: the values of FORECAST_SALES, FORECAST_SEASONALITY and
 * GROWTH, optionally placed on a `timeline` of dates as Excel's FORECAST.ETS does.
 *
 * The blank policy for series (the same on every Excel; see cells.ts): a blank value is 0, and
 * the zeros before the first and after the last non-zero value are a range reaching past the
 * data (users select B2:B49 to leave room for next month; Excel desktop passes those empty rows
 * as 0, the web as null) and are trimmed. A real zero month inside the data stays 0.
 *
 * With a timeline: rows whose date is blank or 0 are ignored; the dates may come in any order;
 * they must be evenly spaced, either by a fixed number of days (or a fraction of a day for
 * times) or, when every date falls on the same day of the month (or on month ends), by a fixed
 * number of months (monthly, quarterly, yearly data); a date listed twice is an error; periods
 * missing from the timeline are filled in by linear interpolation, up to 30% of the span.
 *
 * Complexity: O(n) without a timeline, O(n log n) with one (the dates are sorted).
 */
import { CellGrid, readAmounts, readDateSerials, sameShape } from "./cells";
import { Result, isError } from "./errors";
import { errors } from "./messages";
import { periodKeyFunction, periodStart } from "./periods";

/** The largest share of a timeline's periods that may be missing and filled in, as FORECAST.ETS. */
export const MAX_MISSING_SHARE = 0.3;

/** Serial → month index (year × 12 + month − 1). */
const monthOf = periodKeyFunction("month");

/** Whether a whole-day serial is the last day of its month. */
function isMonthEnd(day: number): boolean {
  return monthOf(day + 1) !== monthOf(day);
}

/**
 * Reads a series argument, trimmed and gap-free.
 *
 * @param values the values range
 * @param timeline the timeline range, or null/undefined when omitted
 * @param valuesName the values argument's name, for shape messages ("history")
 * @param label what the values are, for cell messages ("History")
 * @returns the values in time order, or #VALUE! for a non-number, a non-date, a shape mismatch,
 *   only zeros, a duplicate or uneven date, or more than 30% of the periods missing
 * @example
 * readSeries([[0], [5], [0], [7], [0], [0]], null, "history", "History"); // [5, 0, 7]
 * readSeries([[1], [3]], [[46023], [46082]], "history", "History"); // [1, 2, 3] (February filled in)
 */
export function readSeries(
  values: CellGrid,
  timeline: CellGrid,
  valuesName: string,
  label: string
): Result<number[]> {
  const span = readSeriesSpan(values, timeline, valuesName, label);
  return isError(span) ? span : span.values;
}

/** A series with the count of zero or blank periods trimmed before its first non-zero value. */
export interface SeriesSpan {
  readonly values: number[];
  /** Periods before the first non-zero value (0 or blank), which readSeries leaves out. */
  readonly leading: number;
}

/**
 * readSeries, also telling how many zero or blank periods came before the first non-zero value:
 * GROWTH needs it to tell "the earlier period was 0" from "the range is too short".
 *
 * @param values the values range
 * @param timeline the timeline range, or null/undefined when omitted
 * @param valuesName the values argument's name, for shape messages
 * @param label what the values are, for cell messages
 * @returns the trimmed values and the leading count, or readSeries' errors
 * @example
 * readSeriesSpan([[0], [0], [5], [7]], null, "values", "Value"); // { values: [5, 7], leading: 2 }
 */
export function readSeriesSpan(
  values: CellGrid,
  timeline: CellGrid,
  valuesName: string,
  label: string
): Result<SeriesSpan> {
  const amounts = readAmounts(values, label);
  if (isError(amounts)) return amounts;
  if (timeline === null || timeline === undefined) {
    // Trim before copying: a full column (B:B) holds a million cells and a few dozen values.
    const span = trimmed(amounts, label);
    return isError(span) ? span : { values: Array.from(span.values), leading: span.leading };
  }
  const shape = sameShape([valuesName, values], ["timeline", timeline]);
  if (shape) return shape;
  const dates = readDateSerials(timeline, "Timeline");
  if (isError(dates)) return dates;
  const placed = onTimeline(dates, amounts);
  if (isError(placed)) return placed;
  const span = trimmed(placed, label);
  return isError(span) ? span : { values: interpolated(span.values), leading: span.leading };
}

/** The values between the first and the last non-zero (null counts as zero here). */
function trimmed<
  T extends number | null,
  A extends ArrayLike<T> & { slice(s: number, e: number): A },
>(values: A, label: string): Result<{ values: A; leading: number }> {
  let start = 0;
  let end = values.length;
  while (start < end && !values[start]) start++;
  while (end > start && !values[end - 1]) end--;
  if (start === end) return errors.onlyZeros(label);
  return { values: values.slice(start, end), leading: start };
}

/**
 * Places dated values at their period positions: null where the timeline skips a period.
 * Undated rows are dropped.
 */
function onTimeline(dates: Float64Array, amounts: Float64Array): Result<(number | null)[]> {
  const rows: number[] = [];
  for (let i = 0; i < dates.length; i++) if (dates[i] === dates[i]) rows.push(i);
  if (rows.length === 0) return errors.forecastTooFewValues(0);
  rows.sort((a, b) => dates[a] - dates[b]);
  const sorted = rows.map((i) => dates[i]);
  for (let k = 1; k < sorted.length; k++)
    if (sorted[k] === sorted[k - 1]) return errors.duplicateDate(sorted[k]);
  const positions = monthly(sorted) ?? daily(sorted);
  if (positions === null) return errors.unevenTimeline();
  const count = positions[positions.length - 1] + 1;
  if (count - rows.length > MAX_MISSING_SHARE * count)
    return errors.forecastTooManyMissing(count - rows.length, count);
  const out = new Array<number | null>(count).fill(null);
  for (let k = 0; k < rows.length; k++) out[positions[k]] = amounts[rows[k]];
  return out;
}

/**
 * Positions of sorted whole-day dates that share a day of the month (or are all month ends),
 * counted in steps of the smallest month gap; null when the dates are not monthly or the gaps
 * are not multiples of the step.
 */
function monthly(sorted: readonly number[]): number[] | null {
  if (sorted.length < 2) return null;
  const dayOfMonth = (d: number) => d - periodStart(d, "month");
  const allEnds = sorted.every((d) => Number.isInteger(d) && isMonthEnd(d));
  const first = dayOfMonth(sorted[0]);
  const sameDay = sorted.every((d) => Number.isInteger(d) && dayOfMonth(d) === first);
  if (!allEnds && !sameDay) return null;
  const months = sorted.map(monthOf);
  return stepped(months);
}

/** Positions of sorted dates in steps of the smallest gap (days or fractions of a day). */
function daily(sorted: readonly number[]): number[] | null {
  return stepped(sorted);
}

/** Positions k = (x − x₀) ÷ step for the smallest positive gap; null when some k is not whole. */
function stepped(xs: readonly number[]): number[] | null {
  if (xs.length === 1) return [0];
  let step = Infinity;
  for (let k = 1; k < xs.length; k++) {
    const gap = xs[k] - xs[k - 1];
    if (gap <= 0) return null; // two dates in one month
    if (gap < step) step = gap;
  }
  const out = new Array<number>(xs.length);
  for (let k = 0; k < xs.length; k++) {
    const p = (xs[k] - xs[0]) / step;
    const whole = Math.round(p);
    // A tolerance of a second's worth keeps hourly timelines typed as fractions of a day exact.
    if (Math.abs(p - whole) * step > 1 / 86_400) return null;
    out[k] = whole;
  }
  return out;
}

/** Fills nulls between present values linearly (the ends are present after trimming). */
function interpolated(values: readonly (number | null)[]): number[] {
  const out = new Array<number>(values.length);
  let last = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== null) {
      out[i] = v;
      last = i;
      continue;
    }
    let next = i + 1;
    while (values[next] === null) next++;
    const a = values[last] as number;
    const b = values[next] as number;
    out[i] = a + ((b - a) * (i - last)) / (next - last);
  }
  return out;
}
