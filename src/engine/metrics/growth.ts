/**
 * Growth: relative change of the last value against the value `lag` positions earlier.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * (last − earlier) ÷ |earlier|, where earlier is the value `lag` positions before the last.
 * The series comes from readSeries (series.ts): blanks are 0 and the zeros after the last
 * non-zero value (a column filled down to the current month, with empty rows below it) are
 * trimmed, so the last *filled* month is the one compared on every Excel. Dividing by |earlier| keeps the sign meaningful when the earlier value is negative (a loss
 * shrinking from −100 to −50 is +50%).
 *
 * @param series the series in time order (see readSeries)
 * @param lag how many positions back to compare (a whole number ≥ 1; 12 for year-on-year on
 *   monthly totals)
 * @param leading the zero or blank periods readSeries trimmed before the series (see
 *   readSeriesSpan): an earlier period among them is a 0, growth from which is #DIV/0! like any
 *   other, not a too-short range (a product first sold in February has no growth over January)
 * @returns the growth as a fraction; #VALUE! for a bad lag; #N/A when there are not lag + 1
 *   periods; #DIV/0! when the earlier value is 0 or blank
 * @example
 * growth([100, 120, 150], 1); // 0.25
 * growth([100, 120, 150], 2); // 0.5
 */
export function growth(series: readonly number[], lag: number, leading = 0): Result<number> {
  if (!Number.isInteger(lag) || lag < 1)
    return errors.argOutOfRange("lag", "a whole number of 1 or more", lag, "عددًا صحيحًا 1 أو أكثر");
  if (series.length <= lag) {
    if (series.length + leading <= lag)
      return errors.tooFewValues(lag + 1, series.length + leading);
    return errors.divByZero("the earlier value is 0 or blank", "القيمة السابقة صفر أو فارغة");
  }
  const last = series[series.length - 1];
  const earlier = series[series.length - 1 - lag];
  if (earlier === 0) return errors.divByZero("the earlier value is 0", "القيمة السابقة صفر");
  // Dividing each term first keeps a change between huge values from overflowing to Infinity.
  return finite(last / Math.abs(earlier) - earlier / Math.abs(earlier));
}
