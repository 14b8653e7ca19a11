import { readAmounts, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { avgDealSize } from "../../engine/metrics/avgDealSize";
import { classifyStages, stageRules } from "../../engine/stages";
import { excel } from "../adapter";

/**
 * Average deal size: mean amount of won deals.
 * @customfunction AVG_DEAL_SIZE
 * @param amounts Each deal's amount, e.g. Deals[Amount]. A blank amount on a won deal counts as 0; a negative amount (credit note) on a won deal lowers the average, as in AVERAGEIFS.
 * @param stages Each deal's stage, same shape as amounts. "Closed Won"/"Won" count as won.
 * @param [won_labels] Stage names that mean won, replacing the defaults: a range (one name per cell) or one text; a text with commas is a list unless a stage has that whole name.
 * @returns The average won amount.
 * @example =SALES.AVG_DEAL_SIZE(Deals[Amount], Deals[Stage])
 */
export function avgDealSizeFunction(
  amounts: any[][],
  stages: any[][],
  won_labels?: any[][]
): number {
  return excel(() => {
    const shape = sameShape(["amounts", amounts], ["stages", stages]);
    if (shape) return shape;
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    return avgDealSize(values, classifyStages(stages, stageRules(won_labels, null, stages)));
  });
}
