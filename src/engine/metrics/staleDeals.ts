/**
 * Stale ("rotten") deals: open deals nobody has touched for a while.
 */
import { Result } from "../errors";
import { errors } from "../messages";
import { Stage } from "../stages";

/**
 * Counts open deals whose last activity is more than `days` calendar days before `asOf`; an open
 * deal with no recorded activity counts as stale, unless `created` is given: it is then idle since
 * its creation (a deal opened yesterday is not rotten, as Pipedrive counts it), and stale only
 * when that date is missing too. Days are whole calendar days (times of day are
 * dropped), so with days = 14 an activity on the 1st is stale on the 16th, not on the 15th.
 * Activity after `asOf` is not stale.
 *
 * Complexity: O(n).
 *
 * @param lastActivity last-activity serial per deal, null when missing
 * @param stages one Stage per deal
 * @param days the allowed idle days (≥ 0)
 * @param asOf the reference date (serial)
 * @param created creation serial per deal (null when missing), or null when not given
 * @returns the count; #VALUE! for unequal lengths or a negative days
 * @example
 * staleDeals([46023, 46040, null], Uint8Array.of(Stage.Open, Stage.Open, Stage.Open), 14, 46045); // 2
 */
export function staleDeals(
  lastActivity: readonly (number | null)[],
  stages: ArrayLike<Stage>,
  days: number,
  asOf: number,
  created: readonly (number | null)[] | null = null
): Result<number> {
  if (lastActivity.length !== stages.length) return errors.sameSize();
  if (created && created.length !== stages.length) return errors.sameSize();
  if (!(days >= 0)) return errors.argOutOfRange("days", "0 or more", days, "صفرًا أو أكثر");
  const today = Math.floor(asOf);
  let stale = 0;
  for (let i = 0; i < stages.length; i++) {
    if (stages[i] !== Stage.Open) continue;
    const d = lastActivity[i] ?? (created ? created[i] : null);
    if (d === null || today - Math.floor(d) > days) stale++;
  }
  return stale;
}
