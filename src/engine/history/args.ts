/**
 * Reading the arguments the history functions share: a fiscal period name and the fiscal-year
 * start month.
 */
import { flatten, isBlankText, readNumberArg } from "../cells";
import { Result, isError } from "../errors";
import { errors } from "../messages";
import { FiscalRange, fiscalStartMonth, parseFiscalPeriod } from "./fiscal";

/**
 * Reads the optional `fiscal_year_start` argument (default 1, January).
 *
 * @param arg the argument as Excel passes it
 * @returns the month 1–12, #VALUE! for text, #NUM! outside 1–12
 * @example
 * readFiscalStart(null); // 1
 * readFiscalStart(4); // 4
 */
export function readFiscalStart(arg: unknown): Result<number> {
  const n = readNumberArg(arg, "fiscal_year_start", 1, true);
  return isError(n) ? n : fiscalStartMonth(n);
}

/**
 * Reads an optional period name ("This fiscal quarter", "FY2027", "all") relative to `asOf`;
 * omitted gives `fallback`.
 *
 * @param arg the argument as Excel passes it
 * @param startMonth the fiscal-year start month
 * @param asOf the date "this" refers to
 * @param fallback the period name used when the argument is omitted
 * @returns the period's days, or #VALUE! naming the accepted names
 * @example
 * readFiscalPeriod("FY2027", 4, 0, "all").label; // "FY2027"
 */
export function readFiscalPeriod(
  arg: unknown,
  startMonth: number,
  asOf: number,
  fallback: string
): Result<FiscalRange> {
  const cell = Array.isArray(arg) ? flatten(arg)[0] : arg;
  if (isBlankText(cell)) return parseFiscalPeriod(fallback, startMonth, asOf);
  if (typeof cell !== "string") return errors.notText("period", cell);
  return parseFiscalPeriod(cell, startMonth, asOf);
}
