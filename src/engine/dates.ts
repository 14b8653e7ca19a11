/**
 * Excel serial dates. Excel counts days from 1899-12-30 (the 1900 leap-year bug makes serials
 * before 1900-03-01 off by one; sales data never goes there), with the time of day as a fraction.
 */

/** Serial of 1970-01-01, the Unix epoch. */
const EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/**
 * Serial number of a calendar date and time.
 *
 * @param year four-digit year
 * @param month 1–12
 * @param day 1–31
 * @param hours 0–23
 * @param minutes 0–59
 * @param seconds 0–59
 * @returns the Excel serial (e.g. 2000-01-01 → 36526)
 * @example
 * toSerial(2000, 1, 1); // 36526
 */
export function toSerial(
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0
): number {
  return Date.UTC(year, month - 1, day, hours, minutes, seconds) / MS_PER_DAY + EPOCH_SERIAL;
}

/** A calendar date split into parts (month 1–12). */
export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday … 6 = Saturday */
  readonly weekday: number;
}

/**
 * Calendar parts of a serial (the time of day is dropped).
 *
 * @param serial an Excel serial date
 * @returns year, month (1–12), day and weekday
 * @example
 * fromSerial(36526); // { year: 2000, month: 1, day: 1, weekday: 6 }
 */
export function fromSerial(serial: number): DateParts {
  const d = new Date(Math.round((Math.floor(serial) - EPOCH_SERIAL) * MS_PER_DAY));
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay(),
  };
}

/**
 * True when the parts name a real calendar day (rejects 2026-02-30).
 *
 * @param year four-digit year
 * @param month 1–12
 * @param day 1–31
 * @returns whether the date exists
 * @example
 * isValidDate(2024, 2, 29); // true
 */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Today's serial date (midnight, local time of the machine running the function, as TODAY() does).
 *
 * @param now the current time (injected for tests)
 * @returns the serial of today's date
 * @example
 * todaySerial(new Date(2026, 0, 2, 15, 0)); // 46024
 */
export function todaySerial(now: Date = new Date()): number {
  return toSerial(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
