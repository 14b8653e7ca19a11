import {
  optionalRange,
  readAmounts,
  readDateSerials,
  readOption,
  sameShape,
} from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { periodTotals } from "../../engine/metrics/periodTotals";
import { PERIODS, readDateWindow } from "../../engine/periods";
import { classifyStages } from "../../engine/stages";
import { errors } from "../../engine/messages";
import { stageJudge } from "../../engine/stageTableArg";
import { readFiscalStart } from "../../engine/history/args";
import { excel } from "../adapter";

/**
 * Period totals: amount per day, week, month, quarter or year, gaps included as 0 (spills 2 columns).
 * @customfunction PERIOD_TOTALS
 * @param dates Each row's date (date or ISO text), e.g. Deals[Close Date]. Rows without a date are ignored. Text such as 31/03/2026 is read day-first or month-first as the range's own text dates prove.
 * @param amounts Each row's amount, same shape; blanks count as 0, negative amounts (credit notes) reduce their period's total.
 * @param [period] "month" (default), "day", "week" (ISO, Monday start), "quarter" or "year".
 * @param [from_date] Start of the series (its period is the first row); omit to start at the first date. Rows before it are left out, so a date inside a period gives that period a partial total.
 * @param [to_date] End of the series (its period is the last row), whole days: its last day counts; omit to end at the last date.
 * @param [stages] Each row's stage, same shape; when given, only won deals count.
 * @param [stage_table] Used with stages: the Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @param [fiscal_year_start] The month quarters and years start in, 1–12 (default 1, calendar), e.g. SalesFiscalYearStart: with 4, "year" totals run April–March and each row starts on the fiscal year's first day.
 * @returns One row per period: period start (format as a date) and total; at most 10,000 periods (else #VALUE! with a message).
 * @example =SALES.PERIOD_TOTALS(Deals[Close Date], Deals[Amount], "month", , , Deals[Stage])
 */
export function periodTotalsFunction(
  dates: any[][],
  amounts: any[][],
  period?: any,
  from_date?: any,
  to_date?: any,
  stages?: any[][],
  stage_table?: any[][],
  fiscal_year_start?: any
): any[][] {
  return excel(() => {
    stages = optionalRange(stages, dates);
    [dates, amounts, stages] = withoutHeaderRow(
      ["date", dates],
      ["number", amounts],
      ["text", stages]
    );
    const shape = sameShape(["dates", dates], ["amounts", amounts], ["stages", stages]);
    if (shape) return shape;
    const days = readDateSerials(dates, "Date");
    if (isError(days)) return days;
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    const length = readOption(period, "period", PERIODS);
    if (isError(length)) return length;
    const window = readDateWindow(from_date, to_date);
    if (isError(window)) return window;
    const judge = stageJudge(stage_table, stages);
    if (isError(judge)) return judge;
    if ((stages === null || stages === undefined) && typeof judge === "function")
      return errors.needsArgument("stage_table", "stages");
    const classes = stages === null || stages === undefined ? null : classifyStages(stages, judge);
    const start = readFiscalStart(fiscal_year_start);
    if (isError(start)) return start;
    return periodTotals(days, values, length, window, classes, start);
  });
}
