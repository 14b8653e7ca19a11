/**
 * Excel serial dates, identical to Excel's (1900 date system): serial 1 is 1900-01-01 and the
 * time of day is the fraction. Excel keeps Lotus 1-2-3's leap-year bug: serial 60 is the
 * non-existent 1900-02-29, so serials 1–59 are one day later than a count from 1899-12-30 would
 * give and serials from 61 (1900-03-01) on agree with it. Weekdays follow Excel's WEEKDAY, which
 * calls serial 1 a Sunday.
 */

/** Serial of 1970-01-01, the Unix epoch. */
const EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;

/** Excel's serial of the fictitious 1900-02-29. */
export const FEB_29_1900 = 60;

/**
 * Serial number of a calendar date and time, as Excel's DATE gives it (1900-02-29 is 60).
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
  if (year === 1900 && month === 2 && day === 29)
    return FEB_29_1900 + Date.UTC(1970, 0, 1, hours, minutes, seconds) / MS_PER_DAY;
  const serial =
    Date.UTC(year, month - 1, day, hours, minutes, seconds) / MS_PER_DAY + EPOCH_SERIAL;
  // Before 1900-03-01 Excel's count is one lower than the true day count (it counts 1900-02-29).
  return serial < 61 ? serial - 1 : serial;
}

/**
 * The serial of a JavaScript instant as local wall time on this machine, like a time typed into
 * a cell: the instant 2026-03-01T10:00Z is 13:00 on a machine in UTC+3.
 *
 * @param date the instant
 * @returns the Excel serial of its local date and time
 * @example
 * serialOfLocal(new Date(2000, 0, 1, 12)); // 36526.5
 */
export function serialOfLocal(date: Date): number {
  return (
    toSerial(
      date.getFullYear(),
      date.getMonth() + 1,
      date.getDate(),
      date.getHours(),
      date.getMinutes(),
      date.getSeconds()
    ) +
    date.getMilliseconds() / MS_PER_DAY
  );
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
 * @returns year, month (1–12), day and weekday (0 = Sunday, as Excel's WEEKDAY − 1)
 * @example
 * fromSerial(36526); // { year: 2000, month: 1, day: 1, weekday: 6 }
 * fromSerial(60); // { year: 1900, month: 2, day: 29, weekday: 3 }
 */
export function fromSerial(serial: number): DateParts {
  const s = Math.floor(serial);
  const weekday = (((s - 1) % 7) + 7) % 7;
  if (s === FEB_29_1900) return { year: 1900, month: 2, day: 29, weekday };
  const d = new Date(Math.round((s < FEB_29_1900 ? s + 1 : s) - EPOCH_SERIAL) * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday };
}

/**
 * True when the parts name a day Excel has (rejects 2026-02-30; accepts Excel's 1900-02-29).
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
  if (year === 1900 && month === 2 && day === 29) return true; // Excel's serial 60
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
