import { optionalRange, readAmounts, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { callLabels } from "../../engine/callLabels";
import { withoutTitleRow } from "../../engine/headerRow";
import { winRate } from "../../engine/metrics/winRate";
import { classifyStages } from "../../engine/stages";
import { stageJudge } from "../../engine/stageTableArg";
import { excel } from "../adapter";

/**
 * Win rate: won ÷ closed (won + lost) deals, open deals excluded; by value when amounts are given.
 * @customfunction WIN_RATE
 * @param stages Each deal's stage, e.g. Deals[Stage]. "Closed Won"/"Won" count as won, "Closed Lost"/"Lost" as lost. Empty cells (0 or blank, e.g. rows below the data) are ignored.
 * @param [amounts] Each deal's amount, same shape as stages, for the win rate by value. Only positive amounts count (credit notes are left out), so the rate stays within 0-1.
 * @param [won_labels] Stage names that mean won, replacing the defaults: a range (one name per cell) or one text; a text with commas ("Won, Signed") is a list unless a stage has that whole name.
 * @param [lost_labels] Stage names that mean lost, replacing the defaults.
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @returns The win rate as a fraction (format as %).
 * @example =SALES.WIN_RATE(Deals[Stage], , , , Stages[#All])
 */
export function winRateFunction(
  stages: any[][],
  amounts?: any[][],
  won_labels?: any[][],
  lost_labels?: any[][],
  stage_table?: any[][]
): number {
  return excel(() => {
    amounts = optionalRange(amounts, stages);
    [stages, amounts] = withoutTitleRow(
      callLabels([won_labels, lost_labels], stage_table),
      ["text", stages],
      ["number", amounts]
    );
    const shape = sameShape(["stages", stages], ["amounts", amounts]);
    if (shape) return shape;
    const judge = stageJudge(stage_table, stages, won_labels, lost_labels);
    if (isError(judge)) return judge;
    const classes = classifyStages(stages, judge);
    if (amounts === null || amounts === undefined) return winRate(classes);
    const values = readAmounts(amounts, "Amount");
    return isError(values) ? values : winRate(classes, values);
  });
}
