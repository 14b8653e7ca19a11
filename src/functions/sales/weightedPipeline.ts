import {
  LabelIndex,
  indexLabels,
  optionalRange,
  readAmounts,
  sameShape,
  shapeOf,
} from "../../engine/cells";
import { Result, isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { errors } from "../../engine/messages";
import {
  Probabilities,
  readProbabilities,
  weightedPipeline,
} from "../../engine/metrics/weightedPipeline";
import { StageTable, readStageTableArg } from "../../engine/stageTableArg";
import { DEFAULT_STAGE_RULES } from "../../engine/stages";
import { excel } from "../adapter";

/** The stage table's probabilities of the deals' stages (a stage it lacks has none). */
function tableProbabilities(table: StageTable, deals: LabelIndex): Result<Probabilities> {
  if (!table.hasProbabilities) return errors.missingColumn("stage_table", "Probability");
  const byLabel = new Map<string, number>();
  for (const label of deals.labels) {
    const p = table.probability(label);
    if (p !== undefined) byLabel.set(label, p);
  }
  return { kind: "table", byLabel };
}

/**
 * Weighted pipeline: total of amount × win probability over open deals.
 * @customfunction WEIGHTED_PIPELINE
 * @param amounts Each deal's amount, e.g. Deals[Amount]; negative amounts (credit notes) reduce the total.
 * @param stages Each deal's stage, same shape. Won, lost and blank stages are skipped.
 * @param [probabilities] A two-column table (stage name, probability; a deal's internal id matches its name there, contractsent = Contract Sent), or one probability per deal (same shape as amounts). Fractions 0-1, or percentages 0-100 if any value exceeds 1. May be left empty when stage_table is given: each stage's probability then comes from it.
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are open, as on the dashboard, and its Probability column weights them when probabilities is empty; an id matches its label (contractsent = Contract Sent).
 * @returns The probability-weighted open pipeline.
 * @example =SALES.WEIGHTED_PIPELINE(Deals[Amount], Deals[Stage], Stages[[Stage]:[Probability]])
 */
export function weightedPipelineFunction(
  amounts: any[][],
  stages: any[][],
  probabilities?: any[][],
  stage_table?: any[][]
): number {
  return excel(() => {
    probabilities = optionalRange(probabilities, amounts);
    // One probability per deal is a column beside the amounts and shares their title row; a
    // (stage, probability) table has its own header, which readProbabilities reads.
    if (
      probabilities !== undefined &&
      probabilities !== null &&
      shapeOf(probabilities).columns === 1
    )
      [amounts, stages, probabilities] = withoutHeaderRow(
        ["number", amounts],
        ["text", stages],
        ["number", probabilities]
      );
    else [amounts, stages] = withoutHeaderRow(["number", amounts], ["text", stages]);
    const shape = sameShape(["amounts", amounts], ["stages", stages]);
    if (shape) return shape;
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    const table = readStageTableArg(stage_table);
    if (isError(table)) return table;
    const deals = indexLabels(stages, "Stage");
    const judge = table ? table.classify : DEFAULT_STAGE_RULES;
    if (probabilities === null || probabilities === undefined) {
      if (!table) return errors.noProbabilities();
      const probs = tableProbabilities(table, deals);
      if (isError(probs)) return probs;
      return weightedPipeline(values, deals, probs, judge, errors.stageNotInStageTable);
    }
    const probs = readProbabilities(probabilities);
    if (isError(probs)) return probs;
    if (probs.kind === "perDeal") {
      const perDeal = sameShape(["amounts", amounts], ["probabilities", probabilities]);
      if (perDeal) return perDeal;
    }
    return weightedPipeline(values, deals, probs, judge);
  });
}
