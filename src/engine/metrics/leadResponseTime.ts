/**
 * Lead response time: how long leads waited for the first contact.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";
import { mean, median, percentileNearestRank } from "../stats";

/** The accepted `statistic` arguments, the default first. */
export const RESPONSE_STATISTICS = ["median", "mean", "p90"] as const;
/** Which summary of the response times to return. */
export type ResponseStatistic = (typeof RESPONSE_STATISTICS)[number];

/** The accepted `unit` arguments, the default first. */
export const TIME_UNITS = ["hours", "minutes", "days"] as const;
/** The unit of the result. */
export type TimeUnit = (typeof TIME_UNITS)[number];

const PER_DAY: Record<TimeUnit, number> = { days: 1, hours: 24, minutes: 1440 };

/**
 * Summarizes first_contact − created over leads with both times (leads missing either are
 * skipped, as are leads whose first contact is earlier on their creation day: a contact dated
 * without a time reads as midnight, so its wait is unknown). The median is the default because response times are skewed: one lead answered after
 * a holiday should not move the figure. "p90" is the nearest-rank 90th percentile (see
 * percentileNearestRank), so it is always an observed response time.
 *
 * Complexity: O(n) on average (median and p90 select rather than sort).
 *
 * @param created creation serial per lead, null or NaN when missing
 * @param firstContact first-contact serial per lead, null or NaN when missing
 * @param statistic "median", "mean" or "p90"
 * @param unit "hours", "minutes" or "days"
 * @returns the statistic in `unit`; #VALUE! for unequal lengths or a contact on a calendar day
 *   before the creation (naming the position); #DIV/0! when no lead has both times
 * @example
 * leadResponseTime([46023, 46023.5], [46023.25, 46024], "mean", "hours"); // 12 (6 h and 18 h)
 */
export function leadResponseTime(
  created: ArrayLike<number | null>,
  firstContact: ArrayLike<number | null>,
  statistic: ResponseStatistic,
  unit: TimeUnit
): Result<number> {
  if (created.length !== firstContact.length) return errors.sameSize();
  const all = new Float64Array(created.length);
  let n = 0;
  for (let i = 0; i < created.length; i++) {
    const a = created[i];
    const b = firstContact[i];
    // null or NaN (see readDateSerials) is a missing time; NaN !== NaN.
    if (a === null || b === null || a !== a || b !== b) continue;
    if (b < a) {
      // Earlier on the same calendar day: a first contact dated without a time (midnight) or two
      // systems' clocks in different zones. The wait is unknown, not negative: left out.
      if (Math.floor(b) < Math.floor(a))
        return errors.dateOrder("Lead", i + 1, "first contact", "created");
      continue;
    }
    all[n++] = b - a;
  }
  const waits = all.subarray(0, n);
  const days =
    statistic === "mean"
      ? mean(waits)
      : statistic === "p90"
        ? percentileNearestRank(waits, 0.9)
        : median(waits);
  if (days === null) return errors.divByZero("no leads with both times");
  return finite(days * PER_DAY[unit]);
}
