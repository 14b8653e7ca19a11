/**
 * Dashboard period windows: the dashboard's Period filter as calendar-day ranges (not to be
 * confused with ../periods.ts, the calendar periods PERIOD_TOTALS buckets dates into). The
 * Dashboard sheet computes the same ranges with formulas (so the sheet stays live as days pass);
 * this module is the independent TypeScript path the task pane shows and the tests check the
 * sheet against.
 *
 * Ranges are inclusive whole days of Excel serial dates. "This month/quarter/year" are whole
 * calendar periods (the current one, including its remaining days); "last 12 months" is the
 * current month and the 11 before it. The previous period is the equal calendar period just
 * before (previous month, quarter, year, 12 months) or, for a custom range, the same number of
 * days just before. "All time" has no previous period.
 */
import { Result } from "../errors";
import { errors } from "../messages";
import { fromSerial, toSerial } from "../dates";

/** The Period filter choices, in dropdown order. */
export const PERIOD_CHOICES = [
  "thisMonth",
  "thisQuarter",
  "thisYear",
  "last12Months",
  "allTime",
  "custom",
] as const;

/** One Period filter choice. */
export type PeriodChoice = (typeof PERIOD_CHOICES)[number];

/** Serial of 1900-01-01, the start of "all time" (Excel's first date). */
export const ALL_TIME_FROM = 1;
/** Serial of 9999-12-31, the end of "all time" (Excel's last date). */
export const ALL_TIME_TO = 2958465;

/** An inclusive range of whole days. */
export interface DayRange {
  readonly from: number;
  readonly to: number;
}

/** The range a Period choice selects and the equal period before it (null for all time). */
export interface PeriodRange extends DayRange {
  readonly previous: DayRange | null;
}

/** Months in each calendar choice. */
const MONTHS: Partial<Record<PeriodChoice, number>> = {
  thisMonth: 1,
  thisQuarter: 3,
  thisYear: 12,
  last12Months: 12,
};

/**
 * Adds whole months to the first day of a month (EDATE on a month start).
 *
 * @param serial a serial on the first of a month
 * @param months months to add (negative goes back)
 * @returns the serial of that month's first day
 */
function addMonths(serial: number, months: number): number {
  const { year, month } = fromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  return toSerial(Math.floor(index / 12), (index % 12) + 1, 1);
}

/**
 * The first day of the period a calendar choice starts on, for an as-of date.
 *
 * @param choice a calendar choice (this month/quarter/year, last 12 months)
 * @param asOf the as-of serial date
 * @returns the serial of the period's first day
 */
function calendarStart(choice: PeriodChoice, asOf: number): number {
  const { year, month } = fromSerial(asOf);
  switch (choice) {
    case "thisQuarter":
      return toSerial(year, 3 * Math.floor((month - 1) / 3) + 1, 1);
    case "thisYear":
      return toSerial(year, 1, 1);
    case "last12Months":
      return addMonths(toSerial(year, month, 1), -11);
    default:
      return toSerial(year, month, 1);
  }
}

/**
 * The days a Period choice selects, and the previous equal period.
 *
 * @param choice the Period filter choice
 * @param asOf the as-of date (today, as a serial; its time of day is ignored)
 * @param custom the from/to dates of a custom choice (ignored otherwise)
 * @returns the range, or #VALUE! when a custom range is missing an end or ends before it starts
 * @example
 * periodRange("thisQuarter", toSerial(2026, 5, 10)); // { from: 2026-04-01, to: 2026-06-30, previous: { from: 2026-01-01, to: 2026-03-31 } }
 * periodRange("custom", 0, { from: 46023, to: 46029 }).previous; // { from: 46016, to: 46022 }
 */
export function periodRange(
  choice: PeriodChoice,
  asOf: number,
  custom?: { readonly from: number | null; readonly to: number | null }
): Result<PeriodRange> {
  if (choice === "allTime") return { from: ALL_TIME_FROM, to: ALL_TIME_TO, previous: null };
  if (choice === "custom") {
    const from = custom?.from ?? null;
    const to = custom?.to ?? null;
    if (from === null || to === null)
      return errors.needsArgument("a custom period", "both a from and a to date");
    const f = Math.floor(from);
    const t = Math.floor(to);
    if (t < f)
      return errors.needsArgument("a custom period", "a to date on or after its from date");
    const days = t - f + 1;
    return { from: f, to: t, previous: { from: f - days, to: f - 1 } };
  }
  const months = MONTHS[choice] ?? 1;
  const from = calendarStart(choice, Math.floor(asOf));
  const to = addMonths(from, months) - 1;
  return { from, to, previous: { from: addMonths(from, -months), to: from - 1 } };
}

/**
 * The first days of the `count` months ending with the month of `asOf` (oldest first): the
 * months of the dashboard's revenue trend.
 *
 * @param asOf the as-of serial date
 * @param count how many months
 * @returns month-start serials, oldest first
 * @example
 * monthStarts(toSerial(2026, 3, 15), 3); // [2026-01-01, 2026-02-01, 2026-03-01] as serials
 */
export function monthStarts(asOf: number, count: number): number[] {
  const { year, month } = fromSerial(asOf);
  const last = toSerial(year, month, 1);
  const out: number[] = [];
  for (let k = count - 1; k >= 0; k--) out.push(addMonths(last, -k));
  return out;
}

/**
 * Whether a date falls inside a range by calendar day (a 14:30 time on the last day is inside).
 *
 * @param serial a serial date, possibly with a time of day
 * @param range the inclusive day range
 * @returns true when inside
 * @example
 * inRange(46053.6, { from: 46023, to: 46053 }); // true
 */
export function inRange(serial: number, range: DayRange): boolean {
  return serial >= range.from && serial < range.to + 1;
}
