/**
 * Pipeline coverage: open pipeline ÷ what is left of the quota.
 */
import { Result, finite } from "../errors";
import { errors } from "../messages";

/**
 * open_pipeline ÷ (quota − closed_won). A rule of thumb is to need about 1 ÷ win rate.
 *
 * @param openPipeline open pipeline value for the period (≥ 0)
 * @param quota the period's quota (> 0)
 * @param closedWon amount already won in the period (0 when omitted)
 * @returns the coverage ratio (3 = three times the remaining quota); #VALUE! when the pipeline or
 *   the quota is negative; #DIV/0! when the quota is 0; #N/A "quota already met" when closed_won ≥ quota (nothing left to cover)
 * @example
 * pipelineCoverage(300000, 150000, 50000); // 3
 */
export function pipelineCoverage(
  openPipeline: number,
  quota: number,
  closedWon: number
): Result<number> {
  if (openPipeline < 0)
    return errors.argOutOfRange("open_pipeline", "0 or more", openPipeline, "صفرًا أو أكثر");
  if (quota < 0) return errors.argOutOfRange("quota", "more than 0", quota, "أكبر من صفر");
  if (quota === 0) return errors.divByZero("quota is 0", "الحصة صفر");
  const remaining = quota - closedWon;
  if (!(remaining > 0)) return errors.quotaMet();
  return finite(openPipeline / remaining);
}
