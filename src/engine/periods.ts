/**
 * Calendar periods of Excel serial dates, computed with integer arithmetic only (no `Date`
 * objects), because PERIOD_TOTALS buckets a million rows and a `Date` per row would dominate.
 *
 * Every period has an integer key (consecutive periods have consecutive keys) and a start date
 * (the serial of its first day). Serials are Excel's (src/engine/dates.ts): the civil-date
 * algorithms count true days, so serials before 1900-03-01 are shifted by one around Excel's
 * fictitious 1900-02-29 (serial 60, which falls in February). The time of day is dropped.
 *
 * Quarters and years may start in any month (`startMonth`, the fiscal-year start of the Settings
 * sheet; 1 = calendar): keys then count fiscal quarters and years, and a period's start is the
 * first day of its first month.
 */
import { Result, isError } from "./errors";
import { readDateArg } from "./cells";
import { errors } from "./messages";

/** The periods PERIOD_TOTALS groups by; "week" is the ISO week, starting on Monday. */
export type Period = "day" | "week" | "month" | "quarter" | "year";

/** The accepted `period` arguments, the default first. */
export const PERIODS: readonly Period[] = ["month", "day", "week", "quarter", "year"];

/** Days from 0000-03-01 (proleptic Gregorian) to serial 0, for the civil-date algorithms. */
const SERIAL_TO_CIVIL = 693_899;

/** A whole-day Excel serial as a true day count from 1899-12-30 (60, Excel's 1900-02-29, stays in February). */
const trueDay = (day: number): number => (day < 60 ? day + 1 : day);
/** The inverse of trueDay for a true day count that starts a month. */
const excelDay = (day: number): number => (day < 61 ? day - 1 : day);

/**
 * Year and month (1–12) of a serial, after H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms" (civil_from_days), counting days from 0000-03-01 so that leap days fall at the end
 * of each cycle.
 */
function yearMonth(serial: number): { year: number; month: number } {
  const z = trueDay(Math.floor(serial)) + SERIAL_TO_CIVIL;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month };
}

/** year × 12 + (month − 1) of a whole-day serial: yearMonth without allocating its result. */
function monthIndex(day: number): number {
  const z = trueDay(day) + SERIAL_TO_CIVIL;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  // mp counts months from March; months 10 and 11 (January, February) belong to the next year.
  return (yoe + era * 400) * 12 + mp + 2;
}

const KEY_FUNCTIONS: Record<Period, (serial: number) => number> = {
  day: (serial) => Math.floor(serial),
  week: (serial) => Math.floor((Math.floor(serial) - 2) / 7),
  month: (serial) => monthIndex(Math.floor(serial)),
  quarter: (serial) => Math.floor(monthIndex(Math.floor(serial)) / 3),
  year: (serial) => Math.floor(monthIndex(Math.floor(serial)) / 12),
};

/** Months in a quarter or year; 0 for the periods a start month does not move. */
function monthsIn(period: Period): number {
  return period === "quarter" ? 3 : period === "year" ? 12 : 0;
}

/**
 * The key function of one period length, chosen once before a loop over many dates: same keys
 * as periodKey, without the per-call dispatch and without allocating.
 *
 * @param period the period length
 * @param startMonth the month quarters and years start from (1–12, default 1 = calendar)
 * @returns serial → key
 * @example
 * periodKeyFunction("month")(46082) === periodKey(46082, "month"); // true
 */
export function periodKeyFunction(period: Period, startMonth = 1): (serial: number) => number {
  const len = monthsIn(period);
  if (startMonth === 1 || len === 0) return KEY_FUNCTIONS[period];
  const shift = startMonth - 1;
  return (serial) => Math.floor((monthIndex(Math.floor(serial)) - shift) / len);
}

/** Serial of the first day of a month (days_from_civil of the same paper). */
function monthStart(year: number, month: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return excelDay(era * 146_097 + doe - SERIAL_TO_CIVIL);
}

/**
 * The integer key of the period holding a serial date.
 *
 * Complexity: O(1), no allocation for day and week.
 *
 * @param serial an Excel serial date (fractions are times of day)
 * @param period the period length
 * @param startMonth the month quarters and years start from (1–12, default 1 = calendar)
 * @returns the key; keys of consecutive periods differ by 1
 * @example
 * periodKey(46082, "month") - periodKey(46053, "month"); // 1 (2026-03-01 is the month after 2026-02-01)
 */
export function periodKey(serial: number, period: Period, startMonth = 1): number {
  if (startMonth !== 1 && monthsIn(period)) return periodKeyFunction(period, startMonth)(serial);
  const day = Math.floor(serial);
  switch (period) {
    case "day":
      return day;
    case "week":
      // Serial 2 (1900-01-01 on this calendar) is a Monday, so weeks start at serials ≡ 2 (mod 7).
      return Math.floor((day - 2) / 7);
    default: {
      const { year, month } = yearMonth(day);
      if (period === "month") return year * 12 + (month - 1);
      if (period === "quarter") return year * 4 + Math.floor((month - 1) / 3);
      return year;
    }
  }
}

/**
 * The serial date of the first day of the period with a given key.
 *
 * @param key a key from `periodKey`
 * @param period the period length it was computed for
 * @param startMonth the start month it was computed with (default 1)
 * @returns the serial of the period's first day
 * @example
 * periodKeyStart(periodKey(46097, "quarter"), "quarter"); // 46023 (2026-03-16 → 2026-01-01)
 * periodKeyStart(periodKey(46097, "year", 4), "year", 4); // 45748 (2026-03-16 → 2025-04-01, FY2026)
 */
export function periodKeyStart(key: number, period: Period, startMonth = 1): number {
  const len = monthsIn(period);
  if (startMonth !== 1 && len) {
    const index = key * len + startMonth - 1; // year × 12 + (month − 1) of its first month
    const year = Math.floor(index / 12);
    return monthStart(year, index - year * 12 + 1);
  }
  switch (period) {
    case "day":
      return key;
    case "week":
      return key * 7 + 2;
    case "month":
      return monthStart(Math.floor(key / 12), key - Math.floor(key / 12) * 12 + 1);
    case "quarter":
      return monthStart(Math.floor(key / 4), (key - Math.floor(key / 4) * 4) * 3 + 1);
    default:
      return monthStart(key, 1);
  }
}

/**
 * The serial date of the first day of the period holding a date: the day itself, the Monday of
 * its ISO week, or the first day of its month, quarter or year.
 *
 * @param serial an Excel serial date
 * @param period the period length
 * @param startMonth the month quarters and years start from (1–12, default 1 = calendar)
 * @returns the period's start as a serial (an integer)
 * @example
 * periodStart(46097.5, "month"); // 46082 (2026-03-16 12:00 → 2026-03-01)
 * periodStart(36526, "week"); // 36521 (Saturday 2000-01-01 → Monday 1999-12-27)
 */
export function periodStart(serial: number, period: Period, startMonth = 1): number {
  return periodKeyStart(periodKey(serial, period, startMonth), period, startMonth);
}

/** An inclusive range of calendar days; a missing end is open. */
export interface DateWindow {
  readonly from: number | null;
  readonly to: number | null;
}

/**
 * Builds an inclusive window from optional `from_date` / `to_date` arguments. Days are compared
 * as calendar days, so a close at 14:30 on `to_date` is inside.
 *
 * @param from serial or null (open start)
 * @param to serial or null (open end)
 * @returns the window (null when both ends are open), or #VALUE! naming both dates when `to` is before `from`
 * @example
 * dateWindow(46023, 46053); // { from: 46023, to: 46053 }
 * dateWindow(null, null); // null
 */
export function dateWindow(from: number | null, to: number | null): Result<DateWindow | null> {
  if (from === null && to === null) return null;
  const f = from === null ? null : Math.floor(from);
  const t = to === null ? null : Math.floor(to);
  if (f !== null && t !== null && t < f)
    return errors.argOutOfRange(
      "to_date",
      `on or after from_date (${f})`,
      t,
      `في from_date (${f}) أو بعده`
    );
  return { from: f, to: t };
}

/**
 * Whether a date falls inside a window (by calendar day).
 *
 * @param serial an Excel serial date
 * @param window a window from `dateWindow`
 * @returns true when inside
 * @example
 * inWindow(46053.6, { from: 46023, to: 46053 }); // true
 */
export function inWindow(serial: number, window: DateWindow): boolean {
  const day = Math.floor(serial);
  return (window.from === null || day >= window.from) && (window.to === null || day <= window.to);
}

/**
 * Reads the optional `from_date` / `to_date` arguments of a function and builds their window:
 * the one way every SALES function reads a date range.
 *
 * @param fromArg the from_date argument as Excel passes it (null when omitted)
 * @param toArg the to_date argument
 * @returns the window (null when both are omitted), #VALUE! for a non-date, #VALUE! for to < from
 * @example
 * readDateWindow("2026-01-01", null); // { from: 46023, to: null }
 */
export function readDateWindow(fromArg: unknown, toArg: unknown): Result<DateWindow | null> {
  const from = readDateArg(fromArg, "from_date");
  if (isError(from)) return from;
  const to = readDateArg(toArg, "to_date");
  if (isError(to)) return to;
  return dateWindow(from, to);
}
