import {
  cellLabel,
  flatten,
  indexLabels,
  optionalRange,
  readAmounts,
  sameShape,
} from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { errors } from "../../engine/messages";
import { competitorWinRate } from "../../engine/metrics/competitorWinRate";
import { classifyStages } from "../../engine/stages";
import { stageJudge } from "../../engine/stageTableArg";
import { excel } from "../adapter";

/**
 * Competitive win rate: won ÷ closed deals where the given competitor was logged.
 * @customfunction COMPETITOR_WIN_RATE
 * @param competitors Each deal's competitor(s), e.g. Deals[Competitor]; a cell may list several separated by , ; or /. Empty cells (0 or blank) are ignored.
 * @param stages Each deal's stage, same shape. Only won and lost deals count.
 * @param competitor The competitor to look at (case-insensitive), matched whole, e.g. "Acme" or "Acme/Globex".
 * @param [amounts] Each deal's amount, same shape, for the win rate by value. Only positive amounts count (credit notes are left out), so the rate stays within 0-1.
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @returns The win rate against that competitor as a fraction.
 * @example =SALES.COMPETITOR_WIN_RATE(Deals[Competitor], Deals[Stage], "Acme")
 */
export function competitorWinRateFunction(
  competitors: any[][],
  stages: any[][],
  competitor: any,
  amounts?: any[][],
  stage_table?: any[][]
): number {
  return excel(() => {
    amounts = optionalRange(amounts, competitors);
    [competitors, stages, amounts] = withoutHeaderRow(
      ["text", competitors],
      ["text", stages],
      ["number", amounts]
    );
    const raw = Array.isArray(competitor) ? flatten(competitor)[0] : competitor;
    const name = cellLabel(raw);
    if (name === null || name === "") return errors.notText("competitor", raw ?? "");
    const shape = sameShape(["competitors", competitors], ["stages", stages], ["amounts", amounts]);
    if (shape) return shape;
    let values = null;
    if (amounts !== null && amounts !== undefined) {
      const read = readAmounts(amounts, "Amount");
      if (isError(read)) return read;
      values = read;
    }
    const judge = stageJudge(stage_table, stages);
    if (isError(judge)) return judge;
    return competitorWinRate(
      indexLabels(competitors, "Competitor"),
      classifyStages(stages, judge),
      name,
      values
    );
  });
}
