/**
 * Quota attainment: closed-won amount in a period ÷ quota.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";
import { DateWindow, inWindow } from "../periods";
import { Stage } from "../stages";

/**
 * Σ amount of won deals closed inside the window ÷ quota. Without a window every won deal
 * counts, dated or not; with one, won deals without a close date are left out. Blank amounts
 * count as 0; negative amounts (credit notes) reduce the total, as in SUMIFS: attainment is not
 * a share, so it may fall below 0 or exceed 1.
 *
 * Complexity: O(n).
 *
 * @param amounts one amount per deal, null for blanks
 * @param stages one Stage per deal
 * @param closeDates close serial per deal, null when missing
 * @param quota the target (> 0)
 * @param window inclusive date window (see dateWindow), or null for all
 * @returns attainment as a fraction (1 = quota met); #VALUE! for unequal lengths or a negative
 *   quota; #DIV/0! when the quota is 0
 * @example
 * quotaAttainment([600, 400], Uint8Array.of(Stage.Won, Stage.Open), [46030, 46031], 1000, null); // 0.6
 */
export function quotaAttainment(
  amounts: ArrayLike<number | null>,
  stages: ArrayLike<Stage>,
  closeDates: readonly (number | null)[],
  quota: number,
  window: DateWindow | null
): Result<number> {
  if (amounts.length !== stages.length || closeDates.length !== stages.length)
    return errors.sameSize();
  if (quota < 0) return errors.argOutOfRange("quota", "more than 0", quota, "أكبر من صفر");
  if (quota === 0) return errors.divByZero("quota is 0", "الحصة صفر");
  let won = 0;
  for (let i = 0; i < stages.length; i++) {
    if (stages[i] !== Stage.Won) continue;
    if (window) {
      const d = closeDates[i];
      if (d === null || !inWindow(d, window)) continue;
    }
    won += amounts[i] ?? 0;
  }
  return finite(won / quota);
}
