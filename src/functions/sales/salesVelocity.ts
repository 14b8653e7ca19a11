import { readNumberArg } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { salesVelocity } from "../../engine/metrics/salesVelocity";
import { excel } from "../adapter";

/**
 * Sales velocity: revenue per day = open deals × win rate × average deal size ÷ cycle days.
 * @customfunction SALES_VELOCITY
 * @param open_deals Number of open qualified opportunities (0 or more).
 * @param win_rate Win rate as a fraction 0-1 (e.g. SALES.WIN_RATE(...)); type 25% or 0.25 (25 is rejected with a message).
 * @param avg_deal_size Average won deal size (0 or more).
 * @param cycle_days Average sales cycle in days (more than 0; 0 gives #DIV/0!).
 * @returns Expected revenue per day.
 * @example =SALES.SALES_VELOCITY(40, 25%, 12000, 60)
 */
export function salesVelocityFunction(
  open_deals: any,
  win_rate: any,
  avg_deal_size: any,
  cycle_days: any
): number {
  return excel(() => {
    const deals = readNumberArg(open_deals, "open_deals");
    if (isError(deals)) return deals;
    const rate = readNumberArg(win_rate, "win_rate");
    if (isError(rate)) return rate;
    const size = readNumberArg(avg_deal_size, "avg_deal_size");
    if (isError(size)) return size;
    const days = readNumberArg(cycle_days, "cycle_days");
    if (isError(days)) return days;
    return salesVelocity(deals, rate, size, days);
  });
}
