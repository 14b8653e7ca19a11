import { readDates, readAmounts, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { pipelineValue } from "../../engine/metrics/pipelineValue";
import { readDateWindow } from "../../engine/periods";
import { classifyStages } from "../../engine/stages";
import { excel } from "../adapter";

/**
 * Pipeline value: total amount of open deals, optionally only those closing between two dates.
 * @customfunction PIPELINE_VALUE
 * @param amounts Each deal's amount, e.g. Deals[Amount]; negative amounts (credit notes) reduce the total.
 * @param stages Each deal's stage, same shape. Deals neither won nor lost are open.
 * @param [close_dates] Each deal's expected close date, same shape; needed for from_date/to_date. Open deals without one (0 or blank) are then left out.
 * @param [from_date] First close date to include (inclusive); omit for no lower limit.
 * @param [to_date] Last close date to include (inclusive); omit for no upper limit.
 * @returns The sum of open amounts (0 when nothing is open).
 * @example =SALES.PIPELINE_VALUE(Deals[Amount], Deals[Stage], Deals[Close Date], DATE(2026,4,1), DATE(2026,6,30))
 */
export function pipelineValueFunction(
  amounts: any[][],
  stages: any[][],
  close_dates?: any[][],
  from_date?: any,
  to_date?: any
): number {
  return excel(() => {
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
    return pipelineValue(values, classifyStages(stages), dates, window);
  });
}
