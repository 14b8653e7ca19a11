/**
 * Prepares a history read from cells: blanks at either end are trimmed (ranges often include empty
 * rows past the data), interior blanks are filled by linear interpolation when no more than 30%
 * of the values are missing (as FORECAST.ETS's data completion does).
 */
import { Result } from "../errors";
import { errors } from "../messages";

/** Largest share of interior blanks that is still filled in. */
export const MAX_MISSING_SHARE = 0.3;

/**
 * Trims and interpolates a history.
 *
 * @param values numbers and `null` for blank cells, oldest first
 * @returns the complete series, or #VALUE! when more than 30% is missing or fewer than 3 numbers
 * @example
 * completeHistory([null, 1, null, 3, null]); // [1, 2, 3]
 */
export function completeHistory(values: readonly (number | null)[]): Result<number[]> {
  let start = 0;
  let end = values.length;
  while (start < end && values[start] === null) start++;
  while (end > start && values[end - 1] === null) end--;
  const span = values.slice(start, end);
  let missing = 0;
  for (const v of span) if (v === null) missing++;
  const present = span.length - missing;
  if (present < 3) return errors.forecastTooFewValues(present);
  if (missing > MAX_MISSING_SHARE * span.length)
    return errors.forecastTooManyMissing(missing, span.length);
  const out = new Array<number>(span.length);
  let last = 0;
  for (let i = 0; i < span.length; i++) {
    const v = span[i];
    if (v !== null) {
      out[i] = v;
      last = i;
      continue;
    }
    let next = i + 1;
    while (span[next] === null) next++;
    const a = span[last] as number;
    const b = span[next] as number;
    out[i] = a + ((b - a) * (i - last)) / (next - last);
  }
  return out;
}
