import { indexLabels, readAmounts, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { readProbabilities, weightedPipeline } from "../../engine/metrics/weightedPipeline";
import { excel } from "../adapter";

/**
 * Weighted pipeline: total of amount × win probability over open deals.
 * @customfunction WEIGHTED_PIPELINE
 * @param amounts Each deal's amount, e.g. Deals[Amount]; negative amounts (credit notes) reduce the total.
 * @param stages Each deal's stage, same shape. Won, lost and blank stages are skipped.
 * @param probabilities A two-column table (stage name, probability), or one probability per deal (same shape as amounts). Fractions 0-1, or percentages 0-100 if any value exceeds 1.
 * @returns The probability-weighted open pipeline.
 * @example =SALES.WEIGHTED_PIPELINE(Deals[Amount], Deals[Stage], Stages[[Stage]:[Probability]])
 */
export function weightedPipelineFunction(
  amounts: any[][],
  stages: any[][],
  probabilities: any[][]
): number {
  return excel(() => {
    const shape = sameShape(["amounts", amounts], ["stages", stages]);
    if (shape) return shape;
    const values = readAmounts(amounts, "Amount");
    if (isError(values)) return values;
    const probs = readProbabilities(probabilities);
    if (isError(probs)) return probs;
    if (probs.kind === "perDeal") {
      const perDeal = sameShape(["amounts", amounts], ["probabilities", probabilities]);
      if (perDeal) return perDeal;
    }
    return weightedPipeline(values, indexLabels(stages), probs);
  });
}
