/**
 * Period totals: amounts summed per day, ISO week, month, quarter or year, as a gap-free series
 * ready for a chart or for GROWTH and FORECAST_SALES.
 */
import { EngineError, Result } from "../errors";
import { errors } from "../messages";
import {
  DateWindow,
  Period,
  inWindow,
  periodKey,
  periodKeyFunction,
  periodKeyStart,
} from "../periods";
import { Stage } from "../stages";

/**
 * The most periods PERIOD_TOTALS lists: 10,000 rows is 27 years of days or 190 years of weeks,
 * more than any chart or forecast of sales needs, and it keeps a stray date (a typo like 1926 or
 * 2206) from spilling a million rows over the sheet. Beyond it the function returns #VALUE!
 * saying how many periods the dates span and what to do.
 */
export const MAX_PERIODS = 10_000;

/**
 * Totals per period, one row `[period start serial, total]` per period from the first to the
 * last, empty periods included as 0. Rows without a date are ignored (a blank key cell); blank
 * amounts count as 0. With `stages`, only won deals count. The series runs from the period of
 * `window.from` (else of the earliest counted date) to the period of `window.to` (else of the
 * latest counted date), so a window given at both ends always spills, even with no rows in it.
 * Negative amounts (credit notes) reduce their period's total, as in SUMIFS. The week holding
 * 1900-01-01 is listed as starting on 1900-01-01 (serial 1): Excel has no earlier date.
 *
 * Complexity: O(n + periods), integer date arithmetic only (see periods.ts).
 *
 * @param dates one serial per row, null or NaN when missing (see readDates, readDateSerials)
 * @param amounts one amount per row, null for blanks
 * @param period the period length
 * @param window inclusive date window (see dateWindow), or null
 * @param stages one Stage per row, or null to count every row
 * @param startMonth the month quarters and years start in (1–12, default 1; the fiscal year)
 * @returns the rows; #VALUE! for unequal lengths; #N/A "no dated rows" when nothing dated counts
 *   and the window does not fix both ends; #VALUE! when the series spans more than MAX_PERIODS
 * @example
 * // dates 2026-01-15, 2026-03-02; amounts 100, 50; "month":
 * // [[46023, 100], [46054, 0], [46082, 50]]
 */
export function periodTotals(
  dates: ArrayLike<number | null>,
  amounts: ArrayLike<number | null>,
  period: Period,
  window: DateWindow | null,
  stages: ArrayLike<Stage> | null,
  startMonth = 1
): Result<(number | EngineError)[][]> {
  const n = dates.length;
  if (amounts.length !== n || (stages && stages.length !== n)) return errors.sameSize();
  const keyOf = periodKeyFunction(period, startMonth);
  const keys = new Float64Array(n);
  let first = Infinity;
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = dates[i];
    if (
      d === null ||
      d !== d ||
      (stages && stages[i] !== Stage.Won) ||
      (window && !inWindow(d, window))
    ) {
      keys[i] = NaN;
      continue;
    }
    const k = keyOf(d);
    keys[i] = k;
    if (k < first) first = k;
    if (k > last) last = k;
  }
  if (window && window.from !== null) first = periodKey(window.from, period, startMonth);
  if (window && window.to !== null) last = periodKey(window.to, period, startMonth);
  if (first === Infinity || last === -Infinity) return errors.noDatedRows();
  const count = last - first + 1;
  if (count > MAX_PERIODS) return errors.tooManyPeriods(count, MAX_PERIODS, period);
  const totals = new Float64Array(count);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    // NaN marks rows that do not count; NaN === NaN is false.
    if (k === k) totals[k - first] += amounts[i] ?? 0;
  }
  const rows = new Array<(number | EngineError)[]>(count);
  for (let j = 0; j < count; j++) {
    const t = totals[j];
    const start = Math.max(1, periodKeyStart(first + j, period, startMonth));
    rows[j] = [start, Number.isFinite(t) ? t : errors.tooLarge()];
  }
  return rows;
}
