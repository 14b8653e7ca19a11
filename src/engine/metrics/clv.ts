/**
 * Customer lifetime value: average revenue per account × gross margin ÷ churn rate.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * avg_revenue × gross_margin ÷ churn_rate, with revenue and churn over the same period (monthly
 * revenue with monthly churn). Negative revenue, a margin outside 0–1 or a churn rate above 1 or
 * below 0 is #VALUE! with a message: a margin of 80 or a churn of 5 is not read as a percentage,
 * because 1 is a valid fraction (100%) and would then mean two things; type 80% or 0.8. A churn
 * of exactly 0 is #DIV/0! (no churn means no finite lifetime).
 *
 * @param avgRevenue average revenue per account per period
 * @param grossMargin gross margin as a fraction 0–1
 * @param churnRate share of accounts lost per period, a fraction 0–1
 * @returns the lifetime value
 * @example
 * clv(1000, 0.8, 0.05); // 16000
 */
export function clv(avgRevenue: number, grossMargin: number, churnRate: number): Result<number> {
  if (avgRevenue < 0)
    return errors.argOutOfRange("avg_revenue", "0 or more", avgRevenue, "صفرًا أو أكثر");
  if (grossMargin < 0 || grossMargin > 1)
    return errors.argOutOfRange(
      "gross_margin",
      "a fraction between 0 and 1 (type 80% or 0.8)",
      grossMargin,
      "كسرًا بين 0 و1 (اكتب 80% أو 0.8)"
    );
  if (churnRate < 0 || churnRate > 1)
    return errors.argOutOfRange(
      "churn_rate",
      "a fraction between 0 and 1 (type 5% or 0.05)",
      churnRate,
      "كسرًا بين 0 و1 (اكتب 5% أو 0.05)"
    );
  if (churnRate === 0)
    return errors.divByZero("churn_rate is 0: no finite lifetime", "معدل الفقد صفر: لا عمر محدود");
  return finite((avgRevenue / churnRate) * grossMargin);
}
