/**
 * Why deals are lost: lost deals counted and summed by loss reason (Pipedrive "Lost reason",
 * Salesforce "Loss Reason", HubSpot "Closed lost reason") or by competitor.
 */

/** What the grouping needs of a lost deal. */
export interface LostDeal {
  /** The reason or competitor as written (blank: ""). */
  readonly key: string;
  readonly amount: number;
}

/** One group of lost deals. */
export interface LossGroup {
  /** The reason or competitor as first written; "" for deals that name none. */
  readonly key: string;
  readonly count: number;
  readonly amount: number;
}

/**
 * Groups lost deals by reason or competitor. Keys match case-insensitively and ignoring spaces
 * around them; the first spelling is kept. Groups are sorted by amount, then count, largest
 * first; the blank group ("not given") always comes last so it never hides the real reasons.
 *
 * Complexity: O(n + groups log groups).
 *
 * @param deals the lost deals
 * @returns the groups (empty when no deal was lost)
 * @example
 * lossGroups([{ key: "Price", amount: 10 }, { key: "price ", amount: 5 }]); // [{ key: "Price", count: 2, amount: 15 }]
 */
export function lossGroups(deals: readonly LostDeal[]): LossGroup[] {
  const groups = new Map<string, { key: string; count: number; amount: number }>();
  for (const d of deals) {
    const norm = d.key.trim().toLowerCase().replace(/\s+/g, " ");
    let g = groups.get(norm);
    if (!g) groups.set(norm, (g = { key: d.key.trim(), count: 0, amount: 0 }));
    g.count++;
    g.amount += d.amount;
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(a.key === "") - Number(b.key === "") || b.amount - a.amount || b.count - a.count
  );
}
