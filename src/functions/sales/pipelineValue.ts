import { optionalRange, readAmounts, readDates, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { pipelineValue } from "../../engine/metrics/pipelineValue";
import { readDateWindow } from "../../engine/periods";
import { classifyStages } from "../../engine/stages";
import { stageJudge } from "../../engine/stageTableArg";
import { excel } from "../adapter";

/**
 * Pipeline value: total amount of open deals, optionally only those closing between two dates.
 * @customfunction PIPELINE_VALUE
 * @param amounts Each deal's amount, e.g. Deals[Amount]; negative amounts (credit notes) reduce the total.
 * @param stages Each deal's stage, same shape. Deals neither won nor lost are open.
 * @param [close_dates] Each deal's expected close date, same shape; needed for from_date/to_date. Open deals without one (0 or blank) are then left out.
 * @param [from_date] First close date to include (inclusive); omit for no lower limit.
 * @param [to_date] Last close date to include (inclusive); omit for no upper limit.
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @returns The sum of open amounts (0 when nothing is open).
 * @example =SALES.PIPELINE_VALUE(Deals[Amount], Deals[Stage], Deals[Close Date], DATE(2026,4,1), DATE(2026,6,30))
 */
export function pipelineValueFunction(
  amounts: any[][],
  stages: any[][],
  close_dates?: any[][],
  from_date?: any,
  to_date?: any,
  stage_table?: any[][]
): number {
  return excel(() => {
    close_dates = optionalRange(close_dates, amounts);
    [amounts, stages, close_dates] = withoutHeaderRow(
      ["number", amounts],
      ["text", stages],
      ["date", close_dates]
    );
    const shape = sameShape(["amounts", amounts], ["stages", stages], ["close_dates", close_dates]);
    if (shape) return shape;
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    const window = readDateWindow(from_date, to_date);
    if (isError(window)) return window;
    let dates = null;
    if (close_dates !== null && close_dates !== undefined) {
      const read = readDates(close_dates, "Close date");
      if (isError(read)) return read;
      dates = read;
    }
    const judge = stageJudge(stage_table, stages);
    if (isError(judge)) return judge;
    return pipelineValue(values, classifyStages(stages, judge), dates, window);
  });
}
