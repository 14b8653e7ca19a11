/**
 * Price realization: how much of the list price was actually charged.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * Σ net × qty ÷ Σ list × qty (qty 1 without quantities); 1 − the result is the average discount.
 * Blank prices and blank quantities count as 0, so a row without a price adds nothing and the
 * answer is the same on Excel desktop (blanks arrive as 0) and on the web (null).
 *
 * Complexity: O(n).
 *
 * @param net net (charged) price per line, null for blanks
 * @param list list price per line, null for blanks
 * @param quantities quantity per line, or null for 1 each
 * @returns realization as a fraction; #VALUE! for unequal lengths; #DIV/0! when Σ list × qty is 0
 * @example
 * priceRealization([90, 40], [100, 50], [1, 2]); // (90 + 80) ÷ (100 + 100) = 0.85
 */
export function priceRealization(
  net: ArrayLike<number | null>,
  list: ArrayLike<number | null>,
  quantities: ArrayLike<number | null> | null
): Result<number> {
  if (net.length !== list.length || (quantities && quantities.length !== net.length))
    return errors.sameSize();
  let charged = 0;
  let listed = 0;
  for (let i = 0; i < net.length; i++) {
    const q = quantities ? (quantities[i] ?? 0) : 1;
    charged += (net[i] ?? 0) * q;
    listed += (list[i] ?? 0) * q;
  }
  if (listed === 0) return errors.divByZero("no list value");
  if (!Number.isFinite(charged) || !Number.isFinite(listed)) return errors.tooLarge();
  return finite(charged / listed);
}
