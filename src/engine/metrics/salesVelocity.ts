/**
 * Sales velocity: how much revenue the pipeline produces per day.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * open_deals × win_rate × avg_deal_size ÷ cycle_days. Checks run in argument order: a negative
 * count or deal size, a win rate outside 0–1 (25 is not read as 25%: type 25% or 0.25), or a
 * negative cycle is #VALUE! with a message; a cycle of exactly 0 days is #DIV/0!.
 *
 * @param openDeals number of open qualified opportunities (≥ 0)
 * @param winRate win rate as a fraction 0–1
 * @param avgDealSize average won deal size (≥ 0)
 * @param cycleDays average sales cycle in days (> 0)
 * @returns revenue per day
 * @example
 * salesVelocity(40, 0.25, 12000, 60); // 2000
 */
export function salesVelocity(
  openDeals: number,
  winRate: number,
  avgDealSize: number,
  cycleDays: number
): Result<number> {
  if (openDeals < 0)
    return errors.argOutOfRange("open_deals", "0 or more", openDeals, "صفرًا أو أكثر");
  if (winRate < 0 || winRate > 1)
    return errors.argOutOfRange(
      "win_rate",
      "a fraction between 0 and 1 (type 25% or 0.25)",
      winRate,
      "كسرًا بين 0 و1 (اكتب 25% أو 0.25)"
    );
  if (avgDealSize < 0)
    return errors.argOutOfRange("avg_deal_size", "0 or more", avgDealSize, "صفرًا أو أكثر");
  if (cycleDays < 0)
    return errors.argOutOfRange("cycle_days", "more than 0", cycleDays, "أكبر من صفر");
  if (cycleDays === 0) return errors.divByZero("cycle_days is 0", "عدد أيام الدورة صفر");
  // Dividing first keeps huge-but-finite inputs from overflowing in the intermediate product.
  return finite((openDeals / cycleDays) * winRate * avgDealSize);
}
