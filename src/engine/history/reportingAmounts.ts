/**
 * The amounts a snapshot stores: each deal's amount in the reporting currency, as the workbook
 * computed it in Deals[Reporting Amount] (Amount × the Rates table's rate at import time).
 *
 * Decision (issue 12/19): a deal whose currency has no rate when the snapshot is taken is still
 * recorded (its stage, outcome, dates and owner are tracked, so counts of new, won, lost and moved
 * deals stay right) with amount 0, the same as the dashboard, which leaves such deals out of every
 * amount; the snapshot report counts them by currency. Once the user adds the rate, the next
 * snapshot records the converted amount, which "what changed" shows as an amount increase.
 * A Deals table without the Reporting Amount column (Setup not re-run since) keeps Amount as is.
 */

/** Deals recorded with amount 0 for want of a rate, by currency. */
export interface Unconverted {
  readonly code: string;
  readonly deals: number;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/**
 * The amount cells a snapshot reads, and the deals left at 0 for want of a rate.
 *
 * @param amount Deals[Amount] cells
 * @param converted Deals[Reporting Amount] cells, or null when the table has no such column
 * @param currency Deals[Currency] cells (for the counts; may be shorter or empty)
 * @returns the amount cells in the reporting currency ("" for blank or unconverted amounts) and
 *   the unconverted deals by currency, in order of first appearance
 * @example
 * reportingAmounts([100, 200, ""], [100, "", ""], ["USD", "EUR", "EUR"]);
 * // { amounts: [100, "", ""], unconverted: [{ code: "EUR", deals: 1 }] }
 */
export function reportingAmounts(
  amount: readonly unknown[],
  converted: readonly unknown[] | null,
  currency: readonly unknown[]
): { amounts: unknown[]; unconverted: Unconverted[] } {
  if (converted === null) return { amounts: [...amount], unconverted: [] };
  const counts = new Map<string, number>();
  const amounts = amount.map((a, i) => {
    const c = converted[i];
    if (!isBlank(c)) return c;
    if (!isBlank(a)) {
      const code = isBlank(currency[i]) ? "?" : String(currency[i]).trim().toUpperCase();
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
    return "";
  });
  return { amounts, unconverted: [...counts].map(([code, deals]) => ({ code, deals })) };
}
