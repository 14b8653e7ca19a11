/**
 * Date text as CRM exports write it, turned into Excel serial dates:
 * ISO (`2024-03-04`, `2024-03-04 14:30`, `2024-03-04T14:30:00Z`), `YYYY-MM-DD HH:MM:SS`,
 * numeric day/month dates (`3/4/2024 2:30 PM`, `04.03.2024`, `3/4/24`), month names
 * (`4 Mar 2024`, `Mar 4, 2024`) and Excel serials (`45355`).
 *
 * Whether `03/04/2024` is 3 April or 4 March cannot be told from one value, so numeric dates are
 * first read as shapes, the order is decided for a whole column (`analyzeDateColumn`), and only
 * then resolved to serials. A time-zone offset is ignored: the wall-clock time is kept, as Excel
 * has no time zones.
 */
import { toSerial } from "../dates";
import { DayMonthOrder } from "./types";
import { localizedDateText } from "./monthNames";

/** A value whose date is known without knowing the day/month order. */
export interface FixedDate {
  readonly kind: "fixed";
  readonly serial: number;
}

/** A numeric date `a/b/year`: which of a and b is the day depends on the column's order. */
export interface NumericDate {
  readonly kind: "numeric";
  readonly a: number;
  readonly b: number;
  readonly year: number;
  /** Time of day in seconds since midnight. */
  readonly time: number;
}

/** What a date cell's text can be read as; `null` when it is not a date at all. */
export type DateShape = FixedDate | NumericDate | null;

const ISO =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp])?\.?[Mm]?\.?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const NUMERIC =
  /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp])?\.?[Mm]?\.?)?$/;
const DAY_MONTH_NAME =
  /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?[ ,-]+(\d{4}|\d{2})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])?\.?[Mm]?\.?)?$/;
const MONTH_NAME_DAY =
  /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:[T ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp])?\.?[Mm]?\.?)?$/;
const SERIAL = /^\d+(?:\.\d+)?$/;
/** Excel's last day, 9999-12-31, plus one. */
const MAX_SERIAL = 2958466;

const MONTHS = [
  "jan",
  "feb",
  "mar",
  "apr",
  "may",
  "jun",
  "jul",
  "aug",
  "sep",
  "oct",
  "nov",
  "dec",
] as const;

function monthFromName(name: string): number {
  const key = name.toLowerCase();
  if (key === "sept") return 9;
  const i = MONTHS.indexOf(key.slice(0, 3) as (typeof MONTHS)[number]);
  // Only the abbreviation or a prefix of the full English name ("March", not "Marble").
  const full = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
  ][i];
  return i >= 0 && full.startsWith(key) ? i + 1 : 0;
}

/** Excel's two-digit-year rule: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** Time of day in seconds, or -1 when the parts are out of range. */
function timeOfDay(h?: string, mi?: string, s?: string, ampm?: string): number {
  if (h === undefined) return 0;
  let hours = Number(h);
  const minutes = Number(mi);
  const seconds = s === undefined ? 0 : Number(s);
  if (ampm) {
    if (hours < 1 || hours > 12) return -1;
    const pm = ampm.toLowerCase() === "p";
    hours = (hours % 12) + (pm ? 12 : 0);
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return -1;
  return hours * 3600 + minutes * 60 + seconds;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** isValidDate without allocating a Date (this runs for every date cell of a file). */
function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= DAYS_IN_MONTH[month - 1] + (leap ? 1 : 0);
}

function fixed(year: number, month: number, day: number, time: number): DateShape {
  if (time < 0 || year < 1900 || year > 9999 || !validDay(year, month, day)) return null;
  // Through toSerial with the seconds, so serials equal parseIsoDate's to the last bit.
  return { kind: "fixed", serial: toSerial(year, month, day, 0, 0, time) };
}

/** The number written by `len` digits at `from`, or -1 when one is not a digit. */
function digitsAt(t: string, from: number, len: number): number {
  let n = 0;
  for (let i = from; i < from + len; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The common exports' forms, `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` and `YYYY-MM-DD HH:MM:SS`, read
 * without a regular expression (a 100,000-row file has several hundred thousand of them);
 * undefined for anything else, which the general rules then read.
 */
function plainIso(t: string): DateShape | undefined {
  const n = t.length;
  if ((n !== 10 && n !== 16 && n !== 19) || t[4] !== "-" || t[7] !== "-") return undefined;
  const year = digitsAt(t, 0, 4);
  const month = digitsAt(t, 5, 2);
  const day = digitsAt(t, 8, 2);
  if (year < 0 || month < 0 || day < 0) return undefined;
  let time = 0;
  if (n > 10) {
    if ((t[10] !== " " && t[10] !== "T") || t[13] !== ":" || (n === 19 && t[16] !== ":")) {
      return undefined;
    }
    const h = digitsAt(t, 11, 2);
    const mi = digitsAt(t, 14, 2);
    const sec = n === 19 ? digitsAt(t, 17, 2) : 0;
    if (h < 0 || mi < 0 || sec < 0) return undefined;
    time = h > 23 || mi > 59 || sec > 59 ? -1 : h * 3600 + mi * 60 + sec;
  }
  return fixed(year, month, day, time);
}

/**
 * Reads date text into a shape, without deciding the day/month order.
 *
 * @param text the cell text (trimmed by the caller or not)
 * @returns a fixed serial, a numeric a/b/year shape, or null when it is not a date
 * @example
 * readDateShape("2024-03-04"); // { kind: "fixed", serial: 45355 }
 * readDateShape("3/4/2024 2:30 PM"); // { kind: "numeric", a: 3, b: 4, year: 2024, time: 52200 }
 */
export function readDateShape(text: string): DateShape {
  const t = text.trim();
  if (t === "") return null;
  const fast = plainIso(t);
  if (fast !== undefined) return fast;
  const shape = englishShape(t);
  if (shape !== null) return shape;
  // Other locales: Arabic-Indic digits, RLM marks, month names in Arabic, French, German, Spanish.
  const local = localizedDateText(t);
  return local !== t ? englishShape(local) : null;
}

function englishShape(t: string): DateShape {
  const first = t.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    let m = ISO.exec(t);
    if (m) {
      return fixed(Number(m[1]), Number(m[2]), Number(m[3]), timeOfDay(m[4], m[5], m[6], m[7]));
    }
    m = NUMERIC.exec(t);
    if (m) {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const time = timeOfDay(m[5], m[6], m[7], m[8]);
      if (time < 0 || a < 1 || b < 1 || (a > 12 && b > 12)) return null;
      return { kind: "numeric", a, b, year: fullYear(m[4]), time };
    }
    if (SERIAL.test(t)) {
      const n = Number(t);
      return n >= 1 && n < MAX_SERIAL ? { kind: "fixed", serial: n } : null;
    }
    m = DAY_MONTH_NAME.exec(t);
    if (m) {
      const month = monthFromName(m[2]);
      const time = timeOfDay(m[4], m[5], m[6], m[7]);
      return month ? fixed(fullYear(m[3]), month, Number(m[1]), time) : null;
    }
    return null;
  }
  const m = MONTH_NAME_DAY.exec(t);
  if (m) {
    const month = monthFromName(m[1]);
    const time = timeOfDay(m[4], m[5], m[6], m[7]);
    return month ? fixed(Number(m[3]), month, Number(m[2]), time) : null;
  }
  return null;
}

/**
 * Resolves a shape to a serial with a day/month order.
 *
 * @param shape a shape from readDateShape
 * @param order the column's order
 * @returns the serial, or undefined when the date does not exist in that order (31/02)
 * @example
 * resolveDate({ kind: "numeric", a: 3, b: 4, year: 2024, time: 0 }, "dmy"); // 45385 (3 April)
 */
export function resolveDate(
  shape: FixedDate | NumericDate,
  order: DayMonthOrder
): number | undefined {
  if (shape.kind === "fixed") return shape.serial;
  const [month, day] = order === "mdy" ? [shape.a, shape.b] : [shape.b, shape.a];
  if (shape.year < 1900 || !validDay(shape.year, month, day)) return undefined;
  return toSerial(shape.year, month, day, 0, 0, shape.time);
}

/** What a whole column says about its day/month order. */
export interface DateOrderEvidence {
  /** The order the column proves, or null when it proves none (or contradicts itself). */
  readonly order: DayMonthOrder | null;
  /** Values that only fit month/day (second number above 12). */
  readonly mdy: number;
  /** Values that only fit day/month (first number above 12). */
  readonly dmy: number;
  /** Numeric values that fit both orders and would differ (03/04, not 04/04). */
  readonly ambiguous: number;
}

/**
 * Decides a column's day/month order from all its values: a value with a first number above 12
 * proves day/month, one with a second number above 12 proves month/day. A column with both kinds
 * contradicts itself and proves nothing; one with neither proves nothing either.
 *
 * @param shapes the column's shapes (nulls and fixed shapes are ignored)
 * @returns the counts and the proven order, if any
 * @example
 * analyzeDateColumn([readDateShape("3/4/2024"), readDateShape("25/4/2024")]).order; // "dmy"
 */
export function analyzeDateColumn(shapes: readonly DateShape[]): DateOrderEvidence {
  let mdy = 0;
  let dmy = 0;
  let ambiguous = 0;
  for (const s of shapes) {
    if (s === null || s.kind !== "numeric") continue;
    if (s.a > 12) dmy++;
    else if (s.b > 12) mdy++;
    else if (s.a !== s.b) ambiguous++;
  }
  const order = mdy > 0 && dmy === 0 ? "mdy" : dmy > 0 && mdy === 0 ? "dmy" : null;
  return { order, mdy, dmy, ambiguous };
}
