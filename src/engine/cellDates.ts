/**
 * Cells read as dates: Excel serials, ISO text (also in Arabic-Indic digits), JS dates, text
 * with a month name (4 Mar 2026, as the import reads it), and
 * day-first or month-first text (31/03/2026) in the order its range proves (textDateOrder.ts); a
 * blank or 0 is a missing date. Part of the one coercion module: import from cells.ts, which
 * re-exports this.
 */
import { CellGrid, cellOf, column, columnRows, flatten, isBlankText } from "./cellGrid";
import { badCell } from "./cellErrors";
import { NumericDate, readDateShape, resolveDate } from "./csv/dateText";
import { isHijriDate } from "./csv/hijri";
import { isValidDate, serialOfLocal, toSerial } from "./dates";
import { EngineError, Result, isError } from "./errors";
import { errors } from "./messages";
import { INVISIBLE, parseNumericText, westernize } from "./numberText";
import { numericDateText, textDateOrder } from "./textDateOrder";

/** Text like 31/03/2026, 03-31-26 or 31.03.2026: a date typed where Excel did not convert it. */
const SLASH_DATE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;

/**
 * The error for a cell that is not a date; text that looks like a day-first or month-first date
 * gets its own message, since which one it is depends on the locale it was typed in.
 */
function notADate(label: string, position: number, raw: unknown): EngineError {
  if (typeof raw === "string" && isHijriDate(raw))
    return errors.hijriDateCell(label, position, raw);
  return typeof raw === "string" && SLASH_DATE.test(raw.trim())
    ? errors.dateAsText(label, position, raw)
    : errors.notADate(label, position, raw);
}

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/**
 * Parses ISO date text (`2026-03-01`, `2026-03-01 14:30`, `2026-03-01T14:30:00`) to a serial.
 * A UTC offset (`Z`, `±hh:mm`, `±hhmm`, `±hh`) is honoured: the instant is converted to local
 * wall time on this machine, as if typed into a cell here, so two timestamps from different
 * zones subtract correctly. Without an offset the text is local wall time and taken as written.
 *
 * @param text the cell text
 * @returns the serial date, or `undefined` when the text is not an ISO date
 * @example
 * parseIsoDate("2000-01-01"); // 36526
 * parseIsoDate("2026-03-01T13:30:00+02:00") - parseIsoDate("2026-03-01T10:00:00Z"); // 1.5 / 24
 */
export function parseIsoDate(text: string): number | undefined {
  const m = ISO_DATE.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m.slice(1);
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (!isValidDate(year, month, day) || Number(h) > 23 || Number(mi) > 59 || Number(s) > 59)
    return undefined;
  const seconds = Number(s) + (frac ? Number(`0${frac}`) : 0);
  if (zone === undefined) return toSerial(year, month, day, Number(h), Number(mi), seconds);
  if (year === 1900 && month === 2 && day === 29) return undefined; // no such instant
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== "Z") {
    const digits = zone.slice(1).replace(":", "");
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = (zone[0] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  const instant =
    Date.UTC(year, month - 1, day, Number(h), Number(mi), Number(s)) +
    Math.round((seconds - Number(s)) * 1000) -
    offsetMinutes * 60_000;
  return serialOfLocal(new Date(instant));
}

/** The serials Excel has for dates: 1 (1900-01-01) to 2958465 (9999-12-31); below 1 is a time of day. */
const isDateSerial = (n: number): boolean => n >= 1 && n < 2958466;

/**
 * Reads one cell as a date: serial numbers from 1 (1900-01-01) pass, ISO text is parsed, blank
 * or `0` gives `null`.
 *
 * @param cell a cell value
 * @returns the serial, `null` for missing, `undefined` when it is not a date
 * @example
 * cellDate("2026-03-01"); // 46082
 */
export function cellDate(cell: unknown): number | null | undefined {
  if (typeof cell === "number") {
    if (cell === 0) return null;
    return isDateSerial(cell) ? cell : undefined;
  }
  if (isBlankText(cell)) return null;
  // A JS Date (Excel passes serials; a host or a caller in code may not): its local wall time.
  // Tested by tag, not instanceof, so a Date from another realm (iframe, vm) is one too.
  if (Object.prototype.toString.call(cell) === "[object Date]") {
    const time = (cell as Date).getTime();
    if (time !== time) return undefined;
    const serial = serialOfLocal(cell as Date);
    return isDateSerial(serial) ? serial : undefined;
  }
  if (typeof cell === "string") {
    const iso = parseIsoDate(westernize(cell).replace(INVISIBLE, ""));
    if (iso !== undefined) return iso;
    const n = parseNumericText(cell);
    if (n !== undefined) return isDateSerial(n) ? n : undefined;
    // Text with a month name ("4 Mar 2026", "March 4, 2026", "4. März 2026", Arabic months)
    // names its day and month, so no order is needed: read as the import reads it.
    const shape = readDateShape(cell);
    return shape !== null && shape.kind === "fixed" ? shape.serial : undefined;
  }
  return undefined;
}

/**
 * Reads a date range: serials, ISO text, or day-first/month-first text in the order the range's
 * text dates prove; blank or `0` becomes `null` (missing); anything else is a #VALUE! error
 * naming its position.
 *
 * @param grid the range
 * @param label what the range holds, for messages ("Created")
 * @returns serials and nulls, one per cell
 * @example
 * readDates([[45000], ["2026-03-01"], [0]], "Created"); // [45000, 46082, null]
 * readDates([["31/03/2026"], ["01/04/2026"]], "Created"); // [46112, 46113] (day-first)
 */
export function readDates(grid: CellGrid, label: string): Result<(number | null)[]> {
  const serials = readDateSerials(grid, label);
  if (isError(serials)) return serials;
  const out = new Array<number | null>(serials.length);
  for (let i = 0; i < serials.length; i++) out[i] = serials[i] === serials[i] ? serials[i] : null;
  return out;
}

/**
 * Reads an optional date argument (serial, ISO text, or day/month text that proves its own
 * order, like 31/03/2026); omitted gives `null`.
 *
 * @param value the argument
 * @param name its name, for messages
 * @returns the serial, null when omitted, or a #VALUE! error
 * @example
 * readDateArg("2026-01-01", "from_date"); // 46023
 * readDateArg("31/03/2026", "as_of"); // 46112
 */
export function readDateArg(value: unknown, name: string): Result<number | null> {
  const cell = Array.isArray(value) ? flatten(value)[0] : value;
  const d = cellDate(cell);
  if (d !== undefined) return d;
  const shape = numericDateText(cell);
  const order = shape && textDateOrder([shape]).order;
  const serial = shape && order ? resolveDate(shape, order) : undefined;
  if (serial !== undefined) return serial;
  return !order && SLASH_DATE.test(String(cell).trim())
    ? errors.dateAsText(name, null, cell)
    : badCell((label, _p, raw) => errors.argNotADate(label, raw), name, 1, cell);
}

/**
 * Reads a date range into a Float64Array with NaN for a missing date (blank or 0): the same rules
 * as readDates without a per-cell allocation. Callers test `d === d` for "has a date".
 *
 * @param grid the range
 * @param label what the range holds, for messages ("Date")
 * @returns one serial or NaN per cell, or a #VALUE! error naming the first bad cell
 * @example
 * readDateSerials([[45000], ["2026-03-01"], [0]], "Date"); // Float64Array [45000, 46082, NaN]
 */
export function readDateSerials(grid: CellGrid, label: string): Result<Float64Array> {
  const rows = columnRows(grid);
  const cells = rows ? [] : column(grid);
  const n = rows ? rows.length : cells.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellOf(rows, cells, i);
    if (typeof c === "number" && c >= 1 && c < 2958466) {
      out[i] = c;
      continue;
    }
    const d = cellDate(c);
    // The first cell that is not a date sends the rest of the range to the slower reading that
    // weighs its text dates; a range without one never gets there.
    if (d === undefined) return readWithTextDates(rows, cells, i, out, label);
    out[i] = d ?? NaN;
  }
  return out;
}

/** What one text reads as: a date by cellDate's rules, or else a day/month shape (or null). */
interface TextReading {
  readonly date: number | null | undefined;
  readonly shape: NumericDate | null;
}

/**
 * Reads cells `from`.. of a range (as readDateSerials holds it) into `out` when cell `from` is
 * not a date by cellDate's rules: every such cell of the rest is collected, the range's day/month
 * order is decided from their text dates (textDateOrder), then each is read in that order or is
 * the error naming it. Each distinct text is parsed once (a column repeats its dates).
 */
function readWithTextDates(
  rows: readonly unknown[][] | null,
  cells: readonly unknown[],
  from: number,
  out: Float64Array,
  label: string
): Result<Float64Array> {
  const at = (i: number): unknown => cellOf(rows, cells, i);
  const n = out.length;
  const unread: number[] = [];
  const shapes: (NumericDate | null)[] = [];
  const texts = new Map<string, TextReading>();
  for (let i = from; i < n; i++) {
    const c = at(i);
    if (typeof c === "number" && c >= 1 && c < 2958466) {
      out[i] = c;
      continue;
    }
    let d: number | null | undefined;
    let shape: NumericDate | null = null;
    if (typeof c === "string") {
      let r = texts.get(c);
      if (r === undefined) {
        const date = cellDate(c);
        r = { date, shape: date === undefined ? numericDateText(c) : null };
        texts.set(c, r);
      }
      d = r.date;
      shape = r.shape;
    } else d = cellDate(c);
    if (d !== undefined) {
      out[i] = d ?? NaN;
      continue;
    }
    unread.push(i);
    shapes.push(shape);
  }
  const { order, conflict } = textDateOrder(shapes);
  for (let k = 0; k < unread.length; k++) {
    const i = unread[k];
    const shape = shapes[k];
    const serial = shape && order ? resolveDate(shape, order) : undefined;
    if (serial !== undefined) {
      out[i] = serial;
      continue;
    }
    const raw = at(i);
    if (shape === null || (typeof raw === "string" && isHijriDate(raw))) {
      return badCell(notADate, label, i + 1, raw);
    }
    if (order !== null) return errors.notADate(label, i + 1, raw); // 31/02/2026 read day-first
    if (conflict === null) return errors.dateAsText(label, i + 1, raw);
    const [dmy, mdy] = [unread[conflict.dmy], unread[conflict.mdy]];
    return errors.dateOrderConflict(label, [dmy + 1, at(dmy)], [mdy + 1, at(mdy)]);
  }
  return out;
}
