import { readAmounts } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { avgDealSize } from "../../engine/metrics/avgDealSize";
import { classifyStages, stageRules } from "../../engine/stages";
import { excel } from "../adapter";

/**
 * Average deal size: mean amount of won deals.
 * @customfunction AVG_DEAL_SIZE
 * @param amounts Each deal's amount, e.g. Deals[Amount]. A blank amount on a won deal counts as 0.
 * @param stages Each deal's stage, same size as amounts. "Closed Won"/"Won" count as won.
 * @param [won_labels] Stage names that mean won (text, comma-separated text or a range), replacing the defaults.
 * @returns The average won amount.
 * @example =SALES.AVG_DEAL_SIZE(Deals[Amount], Deals[Stage])
 */
export function avgDealSizeFunction(
  amounts: any[][],
  stages: any[][],
  won_labels?: any[][]
): number {
  return excel(() => {
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    return avgDealSize(values, classifyStages(stages, stageRules(won_labels, null)));
  });
}
