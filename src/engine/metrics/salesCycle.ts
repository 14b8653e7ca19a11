/**
 * Sales cycle: mean days from creation to close over won deals.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";
import { Stage } from "../stages";

/**
 * Mean of (closed − created) in days over won deals that have both dates; won deals missing
 * either date are skipped, as are open and lost deals (whose dates are never checked). Times of
 * day count as fractions of a day. A close earlier on the same calendar day as the creation counts
 * as 0 days: CRMs stamp the creation with a time and the close date often without one (midnight),
 * so a deal created at 15:00 and won that day is a same-day win, not bad data.
 *
 * Complexity: O(n).
 *
 * @param created creation serial per deal, null when missing (see readDates)
 * @param closed close serial per deal, null when missing
 * @param stages one Stage per deal
 * @returns mean days; #VALUE! for unequal lengths or a won deal closed on a calendar day before
 *   it was created (naming its position); #DIV/0! when no won deal has both dates
 * @example
 * salesCycle([46023, 46030], [46053, 46040], Uint8Array.of(Stage.Won, Stage.Won)); // 20
 */
export function salesCycle(
  created: readonly (number | null)[],
  closed: readonly (number | null)[],
  stages: ArrayLike<Stage>
): Result<number> {
  if (created.length !== closed.length || created.length !== stages.length)
    return errors.sameSize();
  let sum = 0;
  let n = 0;
  for (let i = 0; i < stages.length; i++) {
    if (stages[i] !== Stage.Won) continue;
    const a = created[i];
    const b = closed[i];
    if (a === null || b === null) continue;
    if (b < a) {
      if (Math.floor(b) < Math.floor(a))
        return errors.dateOrder("Deal", i + 1, "closed", "created");
    } else sum += b - a;
    n++;
  }
  if (n === 0) return errors.divByZero("no won deals with both dates");
  return finite(sum / n);
}
