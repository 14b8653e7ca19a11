/**
 * Price realization: how much of the list price was actually charged.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * Σ net × qty ÷ Σ list × qty (qty 1 without quantities); 1 − the result is the average discount.
 * Blank prices and blank quantities count as 0, so a row without a price adds nothing and the
 * answer is the same on Excel desktop (blanks arrive as 0) and on the web (null). A line without a
 * list price (blank or 0: a custom service, a fee) has nothing to be measured against and is left
 * out of both sums, as a CRM's discount report skips it; counting its net price would push the
 * realization above what was charged against any list price, even above 1.
 *
 * Negative amounts: a price is never negative (#VALUE! naming the line); a return or credit note
 * is a negative quantity, which takes its net and list value out of both sums, so the ratio
 * stays the realization of what was kept. When returns exceed sales (Σ list × qty < 0) there is
 * nothing to measure: #VALUE!.
 *
 * Complexity: O(n).
 *
 * @param net net (charged) price per line, null for blanks
 * @param list list price per line, null for blanks
 * @param quantities quantity per line, or null for 1 each
 * @returns realization as a fraction; #VALUE! for unequal lengths, a negative price or negative
 *   Σ list × qty; #DIV/0! when Σ list × qty is 0
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
    const n = net[i] ?? 0;
    const l = list[i] ?? 0;
    if (n < 0) return negativePrice("Net price", i, n);
    if (l < 0) return negativePrice("List price", i, l);
    if (l === 0) continue;
    const q = quantities ? (quantities[i] ?? 0) : 1;
    charged += n * q;
    listed += l * q;
  }
  if (listed === 0) return errors.divByZero("no list value", "لا توجد قيمة بسعر القائمة");
  if (listed < 0)
    return errors.negativeTotal(
      "returns exceed sales: the list value of the lines is negative",
      "المرتجعات تتجاوز المبيعات: قيمة الأسطر بسعر القائمة سالبة"
    );
  if (!Number.isFinite(charged) || !Number.isFinite(listed)) return errors.tooLarge();
  return finite(charged / listed);
}

/** #VALUE! for a negative price at 0-based line i. */
function negativePrice(label: string, i: number, value: number): Result<number> {
  return errors.negativeNotAllowed(
    label,
    i + 1,
    value,
    "prices are 0 or more; enter a return as a negative quantity",
    "الأسعار صفر أو أكثر؛ أدخل المرتجع كمية سالبة"
  );
}
