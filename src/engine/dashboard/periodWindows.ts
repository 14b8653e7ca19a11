/**
 * Dashboard period windows: the dashboard's Period filter as calendar-day ranges (not to be
 * confused with ../periods.ts, the calendar periods PERIOD_TOTALS buckets dates into). The
 * Dashboard sheet computes the same ranges with formulas (so the sheet stays live as days pass);
 * this module is the independent TypeScript path the task pane shows and the tests check the
 * sheet against.
 *
 * Ranges are inclusive whole days of Excel serial dates. "This month/quarter/year" are whole
 * calendar periods (the current one, including its remaining days); "last quarter/year" the
 * calendar ones before; "last 12 months" is the current month and the 11 before it. The fiscal
 * choices are the same for the fiscal year of the Settings sheet's start month (FY named by its
 * END year, as engine/history/fiscal.ts names them: with an April start, FY2027 is
 * 2026-04-01 … 2027-03-31).
 *
 * The previous window is what the tiles' "prev." compares with, so it must be comparable: for a
 * period that is over (last quarter/year, a custom range ended by the as-of date) it is the equal
 * period just before (the previous quarter or year; for a custom range the same number of days
 * just before). For a period that holds the as-of date (this month/quarter/year, their fiscal
 * twins, last 12 months — whose last month is the current one — and a custom range ending after
 * the as-of date) only part of it has happened, so the previous window is the **same elapsed
 * span of the period before**: from its first day to the same date one period earlier
 * (EDATE(as-of, −months): This year as of 2026-12-04 → 2025-01-01 … 2025-12-04; as of 31 May,
 * This month → 1–30 Apr, the month-end clipped as EDATE clips it), or for a custom range the
 * same number of days from the previous range's first day (the "period to date against the
 * same part of the last period" of BI tools, Looker's value_to_date). A custom range
 * wholly after the as-of date has nothing elapsed and keeps the equal period before.
 * "All time" has no previous period (there is nothing before it).
 *
 * With a January start the fiscal choices equal the calendar ones, so the dropdown
 * (`periodChoices`) then lists the calendar ones only, with "last quarter/year" in their place.
 */
import { Result, isError } from "../errors";
import { errors } from "../messages";
import { fromSerial, toSerial } from "../dates";
import { fiscalPosition } from "../history/fiscal";

/** Every Period filter choice (the cell's label decodes to one of these, whatever the start month). */
export const PERIOD_CHOICES = [
  "thisMonth",
  "thisQuarter",
  "lastQuarter",
  "thisYear",
  "lastYear",
  "thisFiscalQuarter",
  "lastFiscalQuarter",
  "thisFiscalYear",
  "lastFiscalYear",
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

/** The range a Period choice selects and the window it compares with (null for all time). */
export interface PeriodRange extends DayRange {
  readonly previous: DayRange | null;
}

/** The fiscal choices: they follow the fiscal-year start month. */
export const FISCAL_CHOICES: readonly PeriodChoice[] = [
  "thisFiscalQuarter",
  "lastFiscalQuarter",
  "thisFiscalYear",
  "lastFiscalYear",
];

/**
 * The Period dropdown's choices for a fiscal-year start month, in order: with a January start the
 * fiscal periods are the calendar ones, so the calendar "last quarter/year" stand in for them
 * (no duplicates); with any other start the fiscal four follow the calendar ones.
 *
 * @param startMonth the month the fiscal year starts in (1–12; anything else counts as 1)
 * @returns the choices, in dropdown order
 * @example
 * periodChoices(1); // ["thisMonth", "thisQuarter", "lastQuarter", "thisYear", "lastYear", "last12Months", "allTime", "custom"]
 * periodChoices(4).includes("thisFiscalYear"); // true
 */
export function periodChoices(startMonth: number): readonly PeriodChoice[] {
  return normalStart(startMonth) === 1
    ? PERIOD_CHOICES.filter((c) => !FISCAL_CHOICES.includes(c))
    : PERIOD_CHOICES.filter((c) => c !== "lastQuarter" && c !== "lastYear");
}

/**
 * A usable fiscal-year start month: a whole month 1–12, anything else (blank, text, 13) as
 * January, as the sheet's formulas read the Settings cell.
 *
 * @param startMonth the Settings value
 * @returns 1–12
 * @example
 * normalStart(4); // 4
 * normalStart(0); // 1
 */
export function normalStart(startMonth: number): number {
  return Number.isInteger(startMonth) && startMonth >= 1 && startMonth <= 12 ? startMonth : 1;
}

/**
 * A whole-month choice's shape: its length in months, how many such periods back it starts
 * (0 = the current one) and whether its year starts in the fiscal month (else January).
 */
export interface PeriodShape {
  readonly months: number;
  readonly back: number;
  readonly fiscal: boolean;
}

/** Months in each choice, and how many such periods back it starts (0 = the current one). */
const SHAPE: Partial<Record<PeriodChoice, PeriodShape>> = {
  thisMonth: { months: 1, back: 0, fiscal: false },
  thisQuarter: { months: 3, back: 0, fiscal: false },
  lastQuarter: { months: 3, back: 1, fiscal: false },
  thisYear: { months: 12, back: 0, fiscal: false },
  lastYear: { months: 12, back: 1, fiscal: false },
  thisFiscalQuarter: { months: 3, back: 0, fiscal: true },
  lastFiscalQuarter: { months: 3, back: 1, fiscal: true },
  thisFiscalYear: { months: 12, back: 0, fiscal: true },
  lastFiscalYear: { months: 12, back: 1, fiscal: true },
  last12Months: { months: 12, back: 0, fiscal: false },
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
 * The same day a number of months later (Excel's EDATE): the day of the month is kept, clipped
 * to the target month's last day (31 May − 1 month → 30 Apr; 29 Feb 2028 − 12 → 28 Feb 2027).
 *
 * @param serial a whole-day serial
 * @param months months to add (negative goes back)
 * @returns the serial of that day
 */
function edate(serial: number, months: number): number {
  const { day } = fromSerial(serial);
  const first = addMonths(serial - day + 1, months);
  const last = addMonths(first, 1) - 1;
  return Math.min(first + day - 1, last);
}

/**
 * The shape of a choice that is one month, quarter or year (the sheet's formulas are written
 * from it), or null for "last 12 months" (the 12 months ending with this one), "all time" and
 * "custom".
 *
 * @param choice the Period choice
 * @returns months, periods back and whether it is fiscal
 * @example
 * periodShape("lastFiscalQuarter"); // { months: 3, back: 1, fiscal: true }
 */
export function periodShape(choice: PeriodChoice): PeriodShape | null {
  return choice === "last12Months" ? null : (SHAPE[choice] ?? null);
}

/**
 * The first day of the current period of a choice's length, for an as-of date: the month, the
 * quarter or year of a year starting in `startMonth`, or the 12 months ending with this one.
 *
 * @param choice a choice with a SHAPE
 * @param asOf the as-of serial date
 * @param startMonth the year's first month (1 for calendar choices)
 * @returns the serial of the period's first day
 */
function currentStart(choice: PeriodChoice, asOf: number, startMonth: number): number {
  const { year, month } = fromSerial(asOf);
  const thisMonth = toSerial(year, month, 1);
  if (choice === "last12Months") return addMonths(thisMonth, -11);
  const months = SHAPE[choice]?.months ?? 1;
  // Months since the year began, then back to the start of the quarter (or year) holding them.
  const sinceYearStart = (month - startMonth + 12) % 12;
  return addMonths(thisMonth, -(sinceYearStart % months));
}

/**
 * The name of the fiscal period a fiscal choice selects: "FY2027" or "FY2027 Q3" (the fiscal
 * year named by its end year); null for the other choices.
 *
 * @param choice the Period choice
 * @param asOf the as-of serial date
 * @param startMonth the fiscal year's first month (1–12)
 * @returns the name, or null
 * @example
 * fiscalPeriodName("thisFiscalYear", toSerial(2026, 12, 4), 4); // "FY2027"
 * fiscalPeriodName("lastFiscalQuarter", toSerial(2026, 12, 4), 4); // "FY2027 Q2"
 */
export function fiscalPeriodName(
  choice: PeriodChoice,
  asOf: number,
  startMonth: number
): string | null {
  const shape = SHAPE[choice];
  if (!shape?.fiscal) return null;
  const range = periodRange(choice, asOf, undefined, startMonth);
  if (isError(range)) return null;
  const p = fiscalPosition(range.from, normalStart(startMonth));
  return shape.months === 12 ? `FY${p.year}` : `FY${p.year} Q${p.quarter}`;
}

/**
 * The days a Period choice selects, and the window its figures compare with: the equal period
 * before, or for a period under way the same elapsed span of the period before (see the module
 * comment).
 *
 * @param choice the Period filter choice
 * @param asOf the as-of date (today, as a serial; its time of day is ignored)
 * @param custom the from/to dates of a custom choice (ignored otherwise)
 * @param startMonth the fiscal year's first month for the fiscal choices (1–12, default 1;
 *   anything else counts as 1, as on the sheet)
 * @returns the range, or #VALUE! when a custom range is missing an end or ends before it starts
 * @example
 * periodRange("thisQuarter", toSerial(2026, 5, 10)); // { from: 2026-04-01, to: 2026-06-30, previous: { from: 2026-01-01, to: 2026-02-10 } }
 * periodRange("lastQuarter", toSerial(2026, 5, 10)).previous; // { from: 2025-10-01, to: 2025-12-31 }
 * periodRange("custom", 0, { from: 46023, to: 46029 }).previous; // { from: 46016, to: 46022 }
 * periodRange("thisFiscalYear", toSerial(2026, 12, 4), undefined, 4).from; // 2026-04-01 (FY2027)
 */
export function periodRange(
  choice: PeriodChoice,
  asOf: number,
  custom?: { readonly from: number | null; readonly to: number | null },
  startMonth = 1
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
    const day = Math.floor(asOf);
    // Under way (today inside, not its last day): the same number of elapsed days before.
    const prevTo = day >= f && day < t ? day - days : f - 1;
    return { from: f, to: t, previous: { from: f - days, to: prevTo } };
  }
  const shape = SHAPE[choice] ?? { months: 1, back: 0, fiscal: false };
  const months = shape.months;
  const start = shape.fiscal ? normalStart(startMonth) : 1;
  const from = addMonths(currentStart(choice, Math.floor(asOf), start), -months * shape.back);
  const to = addMonths(from, months) - 1;
  // The same date one period back ends the previous window while this period is under way;
  // once it is over that date is past the previous period's end, so the whole period counts.
  const sameDay = Math.min(from - 1, edate(Math.floor(asOf), -months));
  return { from, to, previous: { from: addMonths(from, -months), to: sameDay } };
}

/**
 * The day the previous window's figures are read "as of", so that they had as long to mature
 * as the current window's: as many days after the previous window's end as the as-of date is
 * after the current window's end (none while the period is under way, so the previous window's
 * own last day). A lead created on 1 Dec and converted on 20 Dec last year must not count as
 * converted beside this year's leads of 1 Dec, which had four days to convert.
 *
 * @param range the period and its previous window
 * @param asOf the as-of serial date (its time of day is ignored)
 * @returns the serial of that day, or null when there is no previous window
 * @example
 * previousAsOf(periodRange("thisYear", toSerial(2026, 12, 4)), toSerial(2026, 12, 4)); // 2025-12-04
 * previousAsOf(periodRange("lastQuarter", toSerial(2026, 12, 4)), toSerial(2026, 12, 4)); // 2026-09-03 (30 Jun + 65 days)
 */
export function previousAsOf(range: PeriodRange, asOf: number): number | null {
  if (!range.previous) return null;
  return range.previous.to + Math.max(0, Math.floor(asOf) - range.to);
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
