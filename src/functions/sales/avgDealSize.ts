import { readAmounts, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { avgDealSize } from "../../engine/metrics/avgDealSize";
import { classifyStages } from "../../engine/stages";
import { stageJudge } from "../../engine/stageTableArg";
import { excel } from "../adapter";

/**
 * Average deal size: mean amount of won deals.
 * @customfunction AVG_DEAL_SIZE
 * @param amounts Each deal's amount, e.g. Deals[Amount]. A blank amount on a won deal counts as 0; a negative amount (credit note) on a won deal lowers the average, as in AVERAGEIFS.
 * @param stages Each deal's stage, same shape as amounts. "Closed Won"/"Won" count as won.
 * @param [won_labels] Stage names that mean won, replacing the defaults: a range (one name per cell) or one text; a text with commas is a list unless a stage has that whole name.
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @returns The average won amount.
 * @example =SALES.AVG_DEAL_SIZE(Deals[Amount], Deals[Stage])
 */
export function avgDealSizeFunction(
  amounts: any[][],
  stages: any[][],
  won_labels?: any[][],
  stage_table?: any[][]
): number {
  return excel(() => {
    [amounts, stages] = withoutHeaderRow(["number", amounts], ["text", stages]);
    const shape = sameShape(["amounts", amounts], ["stages", stages]);
    if (shape) return shape;
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    const judge = stageJudge(stage_table, stages, won_labels);
    if (isError(judge)) return judge;
    return avgDealSize(values, classifyStages(stages, judge));
  });
}
