import { callLabels } from "../../engine/callLabels";
import { indexLabels, optionalRange, readOrderedLabels } from "../../engine/cells";
import { funnel } from "../../engine/metrics/funnel";
import { isError } from "../../engine/errors";
import { withoutTitleRow } from "../../engine/headerRow";
import { readDealHistory } from "../../engine/history/args";
import { stageJudge } from "../../engine/stageTableArg";
import { stageKey } from "../../engine/stageVocabulary";
import { excel } from "../adapter";

/**
 * Stage funnel: deals that reached each stage and the conversion from the previous stage (spills 3 columns).
 * @customfunction FUNNEL
 * @param stages Each deal's current stage, e.g. Deals[Stage]. A won deal counts at every stage, also when its stage is not in stage_order (never at a lost stage listed there, such as Closed Lost); lost deals and other stages not in stage_order count only at the first stage (with history: up to the furthest stage they reached); empty cells (0 or blank) are ignored.
 * @param stage_order The stages in pipeline order: a range (one stage per cell) or comma-separated text (a single stage whose name has a comma is matched whole); put the won stage last to see win conversion. A deal's internal id matches its label here (contractsent = Contract Sent).
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Lost column decides which deals are lost, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedlost = Closed Lost).
 * @param [history] The History table with its header row, e.g. History[#All], to count a deal at every stage up to the furthest open stage any snapshot showed it in: a lost deal where it was lost, a deal moved back where it had been. A deal any snapshot showed won (its Outcome, or a won stage) reached every stage up to the won slot, also when reopened or lost since. Needs deal_ids. Deals won today count as without it; deals without an ID or without History rows count by their current stage; History rows of other deals are ignored.
 * @param [deal_ids] Each deal's ID, in the same order as stages, e.g. Deals[Deal ID] (filter it the same way as stages).
 * @returns One row per stage: name, deals that reached it, conversion from the row above (1 on the first row; #DIV/0! when the row above is 0).
 * @example =SALES.FUNNEL(Deals[Stage], "Qualification, Demo, Proposal, Closed Won", , History[#All], Deals[Deal ID])
 */
export function funnelFunction(
  stages: any[][],
  stage_order: any[][],
  stage_table?: any[][],
  history?: any[][],
  deal_ids?: any[][]
): any[][] {
  return excel(() => {
    // A title selected with the stages (and the IDs beside them) is not a deal at the first stage.
    [stages, deal_ids] = withoutTitleRow(
      callLabels([stage_order], stage_table),
      ["text", stages],
      ["text", optionalRange(deal_ids, stages)]
    );
    const judge = stageJudge(stage_table, stages);
    if (isError(judge)) return judge;
    const deals = indexLabels(stages, "Stage");
    const past = readDealHistory(history, deal_ids, stages);
    if (isError(past)) return past;
    const present = new Set(deals.labels);
    return funnel(
      deals,
      readOrderedLabels(stage_order, (l) => present.has(l)),
      judge,
      // With the Stages table an id and its label are one stage, as in its vocabulary.
      typeof judge === "function" ? stageKey : undefined,
      past ?? undefined
    );
  });
}
