/**
 * Win rate: won ÷ (won + lost), open deals excluded; by value when amounts are given.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";
import { Stage } from "../stages";

/**
 * Win rate by count, or by value when `amounts` is given (Σ won amount ÷ Σ closed amount).
 * Blank amounts count as 0. By value only positive amounts count: a negative amount (a credit
 * note or refund) is not an outcome of a deal, and counting it would push the rate out of 0–1.
 *
 * Complexity: O(n).
 *
 * @param stages one Stage per deal (see classifyStages)
 * @param amounts optional amount per deal, same length as `stages`
 * @returns the rate as a fraction, #VALUE! for unequal lengths, #DIV/0! when nothing is closed
 * @example
 * winRate(Uint8Array.of(Stage.Won, Stage.Lost, Stage.Open)); // 0.5
 */
export function winRate(
  stages: ArrayLike<Stage>,
  amounts?: ArrayLike<number | null> | null
): Result<number> {
  if (amounts && amounts.length !== stages.length) return errors.sameSize();
  let won = 0;
  let closed = 0;
  for (let i = 0; i < stages.length; i++) {
    const s = stages[i];
    if (s !== Stage.Won && s !== Stage.Lost) continue;
    const a = amounts ? (amounts[i] ?? 0) : 1;
    const w = a > 0 ? a : 0;
    closed += w;
    if (s === Stage.Won) won += w;
  }
  if (closed === 0) return errors.divByZero(amounts ? "no closed amount" : "no closed deals");
  return finite(won / closed);
}
