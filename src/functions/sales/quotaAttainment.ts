import { readAmounts, readDates, readNumberArg, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { quotaAttainment } from "../../engine/metrics/quotaAttainment";
import { readDateWindow } from "../../engine/periods";
import { classifyStages } from "../../engine/stages";
import { stageJudge } from "../../engine/stageTableArg";
import { excel } from "../adapter";

/**
 * Quota attainment: won amount closed in the period ÷ quota.
 * @customfunction QUOTA_ATTAINMENT
 * @param amounts Each deal's amount, e.g. Deals[Amount]; negative amounts (credit notes) reduce the total.
 * @param stages Each deal's stage, same shape. Only won deals count.
 * @param close_dates Each deal's close date, same shape. Won deals without one (0 or blank) count only when no window is given.
 * @param quota The target for the period (more than 0; 0 gives #DIV/0!).
 * @param [from_date] First close date to include (inclusive); omit for no lower limit.
 * @param [to_date] Last close date to include (inclusive); omit for no upper limit.
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @returns Attainment as a fraction (1 = 100% of quota).
 * @example =SALES.QUOTA_ATTAINMENT(Deals[Amount], Deals[Stage], Deals[Close Date], 250000, DATE(2026,1,1), DATE(2026,3,31))
 */
export function quotaAttainmentFunction(
  amounts: any[][],
  stages: any[][],
  close_dates: any[][],
  quota: any,
  from_date?: any,
  to_date?: any,
  stage_table?: any[][]
): number {
  return excel(() => {
    [amounts, stages, close_dates] = withoutHeaderRow(
      ["number", amounts],
      ["text", stages],
      ["date", close_dates]
    );
    const shape = sameShape(["amounts", amounts], ["stages", stages], ["close_dates", close_dates]);
    if (shape) return shape;
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    const dates = readDates(close_dates, "Close date");
    if (isError(dates)) return dates;
    const target = readNumberArg(quota, "quota");
    if (isError(target)) return target;
    const window = readDateWindow(from_date, to_date);
    if (isError(window)) return window;
    const judge = stageJudge(stage_table, stages);
    if (isError(judge)) return judge;
    return quotaAttainment(values, classifyStages(stages, judge), dates, target, window);
  });
}
