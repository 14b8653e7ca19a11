import { readNumberArg } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { clv } from "../../engine/metrics/clv";
import { excel } from "../adapter";

/**
 * Customer lifetime value: average revenue per account × gross margin ÷ churn rate.
 * @customfunction CLV
 * @param avg_revenue Average revenue per account per period (e.g. per month), 0 or more.
 * @param gross_margin Gross margin as a fraction 0-1: type 80% or 0.8 (80 is rejected with a message, since 1 means 100%).
 * @param churn_rate Share of accounts lost per period (same period as avg_revenue), a fraction 0-1: type 5% or 0.05; 0 gives #DIV/0!.
 * @returns The lifetime gross margin of an average account.
 * @example =SALES.CLV(1000, 80%, 5%)
 */
export function clvFunction(avg_revenue: any, gross_margin: any, churn_rate: any): number {
  return excel(() => {
    const revenue = readNumberArg(avg_revenue, "avg_revenue");
    if (isError(revenue)) return revenue;
    const margin = readNumberArg(gross_margin, "gross_margin");
    if (isError(margin)) return margin;
    const churn = readNumberArg(churn_rate, "churn_rate");
    if (isError(churn)) return churn;
    return clv(revenue, margin, churn);
  });
}
