/**
 * Customer lifetime value: average revenue per account × gross margin ÷ churn rate.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * avg_revenue × gross_margin ÷ churn_rate, with revenue and churn over the same period (monthly
 * revenue with monthly churn). Margin outside 0–1 is #NUM!; churn ≤ 0 is #DIV/0! (no churn means
 * no finite lifetime); churn above 1 is #NUM!, since a rate like 5 almost always means 5% typed
 * as a percentage.
 *
 * @param avgRevenue average revenue per account per period
 * @param grossMargin gross margin as a fraction 0–1
 * @param churnRate share of accounts lost per period, a fraction 0–1
 * @returns the lifetime value
 * @example
 * clv(1000, 0.8, 0.05); // 16000
 */
export function clv(avgRevenue: number, grossMargin: number, churnRate: number): Result<number> {
  if (grossMargin < 0 || grossMargin > 1)
    return errors.argOutOfRange("gross_margin", "a fraction between 0 and 1");
  if (churnRate <= 0) return errors.divByZero("churn_rate must be more than 0");
  if (churnRate > 1) return errors.argOutOfRange("churn_rate", "a fraction between 0 and 1");
  return finite((avgRevenue / churnRate) * grossMargin);
}
