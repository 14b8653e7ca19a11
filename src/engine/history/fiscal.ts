/**
 * Fiscal periods: quarters and years that start in the month the Settings sheet names
 * (1 = January … 12 = December). A fiscal year is named by the calendar year it ends in, as
 * Salesforce names them by default: with an April start, FY2027 runs 2026-04-01 … 2027-03-31.
 * With a January start fiscal periods are calendar periods.
 *
 * Period names (case and spacing ignored): "this fiscal quarter", "last fiscal quarter",
 * "next fiscal quarter", "this fiscal year", "last fiscal year", "next fiscal year", "FY2027",
 * "FY2027 Q2" / "Q2 FY2027", "all" (every date). "This/last/next" are relative to an as-of date.
 */
import { fromSerial, toSerial } from "../dates";
import { Result } from "../errors";
import { errors } from "../messages";

/** An inclusive range of whole days; null ends are open ("all"). */
export interface FiscalRange {
  readonly from: number | null;
  readonly to: number | null;
  /** A readable name: "FY2027 Q2", "FY2027" or "All". */
  readonly label: string;
}

/** The fiscal year and quarter (1–4) a date falls in. */
export interface FiscalPosition {
  readonly year: number;
  readonly quarter: number;
}

/**
 * Checks a fiscal-year start month.
 *
 * @param month the month number (1–12); fractions and other values are rejected
 * @returns the month, or #NUM! naming the rule
 * @example
 * fiscalStartMonth(4); // 4
 */
export function fiscalStartMonth(month: number): Result<number> {
  return Number.isInteger(month) && month >= 1 && month <= 12
    ? month
    : errors.argOutOfRange("fiscal_year_start", "a month number from 1 to 12");
}

/**
 * The fiscal year and quarter of a date.
 *
 * @param serial an Excel serial date
 * @param startMonth the month the fiscal year starts in (1–12)
 * @returns the fiscal year (named by the calendar year it ends in) and quarter
 * @example
 * fiscalPosition(toSerial(2026, 4, 1), 4); // { year: 2027, quarter: 1 }
 * fiscalPosition(toSerial(2026, 3, 31), 4); // { year: 2026, quarter: 4 }
 */
export function fiscalPosition(serial: number, startMonth: number): FiscalPosition {
  const { year, month } = fromSerial(serial);
  const offset = (month - startMonth + 12) % 12; // months since the fiscal year began
  const fy = startMonth === 1 ? year : month >= startMonth ? year + 1 : year;
  return { year: fy, quarter: Math.floor(offset / 3) + 1 };
}

/** Serial of the first day of month index `y*12 + (m-1)`. */
function monthIndexStart(index: number): number {
  return toSerial(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** Month index of the first month of a fiscal year. */
function fiscalYearStartIndex(fy: number, startMonth: number): number {
  const calendarYear = startMonth === 1 ? fy : fy - 1;
  return calendarYear * 12 + (startMonth - 1);
}

/**
 * The days of a fiscal year, or of one of its quarters.
 *
 * @param fy the fiscal year's name (the calendar year it ends in)
 * @param startMonth the month the fiscal year starts in (1–12)
 * @param quarter 1–4 for a quarter, omitted for the whole year
 * @returns the inclusive range with its label
 * @example
 * fiscalRange(2027, 4); // 2026-04-01 … 2027-03-31, "FY2027"
 * fiscalRange(2027, 4, 2); // 2026-07-01 … 2026-09-30, "FY2027 Q2"
 */
export function fiscalRange(fy: number, startMonth: number, quarter?: number): FiscalRange {
  const first = fiscalYearStartIndex(fy, startMonth) + (quarter ? (quarter - 1) * 3 : 0);
  const months = quarter ? 3 : 12;
  return {
    from: monthIndexStart(first),
    to: monthIndexStart(first + months) - 1,
    label: quarter ? `FY${fy} Q${quarter}` : `FY${fy}`,
  };
}

/** Moves a fiscal quarter by `steps` quarters. */
function shiftQuarter(p: FiscalPosition, steps: number): FiscalPosition {
  const index = p.year * 4 + (p.quarter - 1) + steps;
  return { year: Math.floor(index / 4), quarter: (index % 4) + 1 };
}

const RELATIVE = /^(this|last|previous|next) fiscal (quarter|year)$/;
const YEAR = /^fy ?(\d{4})$/;
const YEAR_QUARTER = /^(?:fy ?(\d{4}) q([1-4])|q([1-4]) fy ?(\d{4}))$/;

/**
 * Reads a period name (see the module comment) into a range of days.
 *
 * @param name the period name as typed
 * @param startMonth the month the fiscal year starts in (1–12)
 * @param asOf the date "this" refers to
 * @returns the range, or #VALUE! listing the accepted names
 * @example
 * parseFiscalPeriod("This fiscal quarter", 4, toSerial(2026, 12, 4)).label; // "FY2027 Q3"
 * parseFiscalPeriod("FY2027", 4, 0).from; // serial of 2026-04-01
 */
export function parseFiscalPeriod(
  name: string,
  startMonth: number,
  asOf: number
): Result<FiscalRange> {
  const text = name.toLowerCase().replace(/[-_]/g, " ").replace(/\s+/g, " ").trim();
  if (text === "all" || text === "all time") return { from: null, to: null, label: "All" };
  const rel = RELATIVE.exec(text);
  if (rel) {
    const step = rel[1] === "this" ? 0 : rel[1] === "next" ? 1 : -1;
    const here = fiscalPosition(asOf, startMonth);
    if (rel[2] === "year") return fiscalRange(here.year + step, startMonth);
    const q = shiftQuarter(here, step);
    return fiscalRange(q.year, startMonth, q.quarter);
  }
  const y = YEAR.exec(text);
  if (y) return fiscalRange(Number(y[1]), startMonth);
  const yq = YEAR_QUARTER.exec(text);
  if (yq) {
    const fy = Number(yq[1] ?? yq[4]);
    return fiscalRange(fy, startMonth, Number(yq[2] ?? yq[3]));
  }
  return errors.unknownOption("period", name, FISCAL_PERIOD_NAMES);
}

/** The period names accepted, for messages and help. */
export const FISCAL_PERIOD_NAMES: readonly string[] = [
  "this fiscal quarter",
  "last fiscal quarter",
  "next fiscal quarter",
  "this fiscal year",
  "last fiscal year",
  "next fiscal year",
  "FY2027",
  "FY2027 Q1",
  "all",
];

/**
 * Whether a date falls inside a fiscal range (by calendar day); a missing date is inside only
 * the open range "all".
 *
 * @param serial a serial date or null
 * @param range a range from parseFiscalPeriod
 * @returns true when inside
 * @example
 * inFiscalRange(toSerial(2026, 5, 1), fiscalRange(2027, 4)); // true
 */
export function inFiscalRange(serial: number | null, range: FiscalRange): boolean {
  if (serial === null) return range.from === null && range.to === null;
  const day = Math.floor(serial);
  return (range.from === null || day >= range.from) && (range.to === null || day <= range.to);
}
