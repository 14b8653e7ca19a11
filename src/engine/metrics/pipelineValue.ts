/**
 * Pipeline value: Σ amount of open deals, optionally only those closing in a date window.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";
import { DateWindow, inWindow } from "../periods";
import { Stage } from "../stages";

/**
 * Sums the amounts of open deals. With a window, only open deals whose close date falls inside
 * it (inclusive, by calendar day) count; open deals without a close date are then left out.
 * Blank amounts count as 0. No open deal gives 0, not an error: an empty pipeline is a value.
 *
 * Complexity: O(n).
 *
 * @param amounts one amount per deal, null for blanks
 * @param stages one Stage per deal
 * @param closeDates close serial per deal (null when missing), or null when not given
 * @param window the date window (see dateWindow), or null for every open deal
 * @returns the sum; #VALUE! for unequal lengths or a window without close dates
 * @example
 * pipelineValue([100, 200, 50], Uint8Array.of(Stage.Open, Stage.Won, Stage.Open), null, null); // 150
 */
export function pipelineValue(
  amounts: ArrayLike<number | null>,
  stages: ArrayLike<Stage>,
  closeDates: readonly (number | null)[] | null,
  window: DateWindow | null
): Result<number> {
  if (amounts.length !== stages.length) return errors.sameSize();
  if (closeDates && closeDates.length !== stages.length) return errors.sameSize();
  if (window && !closeDates) return errors.needsArgument("from_date/to_date", "close_dates");
  let sum = 0;
  for (let i = 0; i < stages.length; i++) {
    if (stages[i] !== Stage.Open) continue;
    if (window) {
      const d = closeDates![i];
      if (d === null || !inWindow(d, window)) continue;
    }
    const a = amounts[i];
    if (a !== null) sum += a;
  }
  return finite(sum);
}
