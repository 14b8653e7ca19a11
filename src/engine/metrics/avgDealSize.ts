/**
 * Average deal size: Σ won amount ÷ number of won deals.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";
import { Stage } from "../stages";

/**
 * Mean amount of won deals. A blank amount on a won deal counts as 0 and the deal still counts:
 * Excel desktop sends empty cells as 0 and the web as null, and the answer must not depend on the
 * platform.
 *
 * Complexity: O(n).
 *
 * @param amounts one amount per deal, null for blanks (see readNumbers)
 * @param stages one Stage per deal (see classifyStages)
 * @returns the mean, #VALUE! for unequal lengths, #DIV/0! when no deal is won
 * @example
 * avgDealSize([100, 300, 50], Uint8Array.of(Stage.Won, Stage.Won, Stage.Open)); // 200
 */
export function avgDealSize(
  amounts: ArrayLike<number | null>,
  stages: ArrayLike<Stage>
): Result<number> {
  if (amounts.length !== stages.length) return errors.sameSize();
  let sum = 0;
  let won = 0;
  for (let i = 0; i < stages.length; i++) {
    if (stages[i] !== Stage.Won) continue;
    sum += amounts[i] ?? 0;
    won++;
  }
  if (won === 0) return errors.divByZero("no won deals");
  // Dividing each term would avoid overflow, but Σ beyond 1.8e308 is not a real pipeline.
  return finite(sum / won);
}
