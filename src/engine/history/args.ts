/**
 * Reading the arguments the history functions share: a fiscal period name, the fiscal-year
 * start month, and the History table paired with each deal's ID (FUNNEL).
 */
import {
  CellGrid,
  cellText,
  column,
  errorInRanges,
  flatten,
  isBlankText,
  optionalRange,
  readNumberArg,
  shapeOf,
} from "../cells";
import { Result, isError } from "../errors";
import { errors } from "../messages";
import { FiscalRange, fiscalStartMonth, parseFiscalPeriod } from "./fiscal";
import { DealHistory } from "./furthestStage";
import { readStageHistory } from "./historyTable";

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

/** Omitted: null/undefined, or one blank cell (`0`, `""`, `null` by platform). */
function omitted(arg: CellGrid): boolean {
  if (arg === null || arg === undefined) return true;
  const { rows, columns } = shapeOf(arg);
  return rows * columns <= 1 && isBlankText(flatten(arg)[0]);
}

/**
 * Reads FUNNEL's optional `history` and `deal_ids` pair: both omitted (or one blank cell, as an
 * empty argument may arrive; `deal_ids` only beside a larger `stages`, see optionalRange) is no
 * History; one without the other is #VALUE! naming the fix. An error value in either range is
 * the result (as in SUM); a malformed History is readStageHistory's #VALUE! naming the column
 * or cell (of the columns FUNNEL reads: Snapshot, Deal ID, Stage, Outcome). IDs are read as the
 * History writes them (`cellText`: a number and its text are one ID; blank is ""). Whether the
 * IDs pair with the stages cell by cell is the funnel's check (it knows the count).
 *
 * @param history the History table with its header row, e.g. `History[#All]`
 * @param dealIds each deal's ID, aligned with the stages range, e.g. `Deals[Deal ID]`
 * @param stages the stages range the IDs pair with
 * @returns the IDs and the History's columns, null when both are omitted, or the error
 * @example
 * readDealHistory(null, null, stages); // null
 * readDealHistory(History, [["D1"], [0]], stages); // { ids: ["D1", ""], history: { … } }
 */
export function readDealHistory(
  history: CellGrid,
  dealIds: CellGrid,
  stages: CellGrid
): Result<DealHistory | null> {
  const noHistory = omitted(history);
  const noIds = optionalRange(dealIds, stages) === undefined;
  if (noHistory && noIds) return null;
  if (noIds) return errors.historyNeedsIds();
  if (noHistory) return errors.idsNeedHistory();
  const failed = errorInRanges(["History", history], ["deal_ids", dealIds]);
  if (failed) return failed;
  const read = readStageHistory(history);
  if (isError(read)) return read;
  return { ids: column(dealIds).map(cellText), history: read };
}
