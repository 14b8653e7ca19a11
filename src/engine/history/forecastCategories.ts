/**
 * Forecast-category roll-ups as Salesforce's cumulative forecasts compute them, per owner, for
 * the deals closing in a period:
 * - Closed = Closed;
 * - Commit = Commit + Closed;
 * - Best Case = Best Case + Commit + Closed;
 * - Pipeline (Salesforce's "Open Pipeline") = Pipeline + Best Case + Commit;
 * - Omitted is excluded everywhere.
 * A deal counts by its category (the caller fills a blank one with the stage's default, see
 * categoryOrDefault), by its close date and its amount.
 */
import { ForecastCategory } from "./snapshot";
import { FiscalRange, inFiscalRange } from "./fiscal";

/** The roll-ups a forecast shows. */
export const ROLLUPS = ["closed", "commit", "best case", "pipeline"] as const;

/** One roll-up. */
export type Rollup = (typeof ROLLUPS)[number];

/** Which categories each roll-up sums. */
const INCLUDES: Readonly<Record<Rollup, ReadonlySet<ForecastCategory>>> = {
  closed: new Set(["closed"]),
  commit: new Set(["commit", "closed"]),
  "best case": new Set(["best case", "commit", "closed"]),
  pipeline: new Set(["pipeline", "best case", "commit"]),
};

/** What a roll-up needs of a deal. */
export interface CategorizedDeal {
  readonly owner: string;
  readonly category: ForecastCategory;
  readonly amount: number;
  readonly closeDate: number | null;
}

/** One owner's roll-ups (owner "" holds deals without an owner). */
export interface OwnerForecast {
  readonly owner: string;
  readonly totals: Readonly<Record<Rollup, number>>;
}

/**
 * Whether a category counts in a roll-up.
 *
 * @param rollup the roll-up
 * @param category a deal's category
 * @returns true when the deal's amount is part of it
 * @example
 * rollupIncludes("best case", "commit"); // true
 * rollupIncludes("pipeline", "closed"); // false
 */
export function rollupIncludes(rollup: Rollup, category: ForecastCategory): boolean {
  return INCLUDES[rollup].has(category);
}

function zeros(): Record<Rollup, number> {
  return { closed: 0, commit: 0, "best case": 0, pipeline: 0 };
}

/**
 * The roll-ups per owner for the deals closing in a period, owners sorted by name, then a total
 * (owner null). Owners with only omitted deals, or none in the period, are not listed.
 *
 * Complexity: O(n + owners log owners).
 *
 * @param deals the deals with their categories
 * @param range the close-date period
 * @returns one entry per owner, then the total
 * @example
 * forecastByOwner([{ owner: "Ann", category: "commit", amount: 100, closeDate: d }], fy)[0].totals.commit; // 100
 */
export function forecastByOwner(
  deals: readonly CategorizedDeal[],
  range: FiscalRange
): { readonly owners: readonly OwnerForecast[]; readonly total: Readonly<Record<Rollup, number>> } {
  const byOwner = new Map<string, Record<Rollup, number>>();
  const total = zeros();
  for (const d of deals) {
    if (d.category === "omitted" || !inFiscalRange(d.closeDate, range)) continue;
    let t = byOwner.get(d.owner);
    if (!t) byOwner.set(d.owner, (t = zeros()));
    for (const r of ROLLUPS) {
      if (!INCLUDES[r].has(d.category)) continue;
      t[r] += d.amount;
      total[r] += d.amount;
    }
  }
  const owners = [...byOwner]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([owner, totals]) => ({ owner, totals }));
  return { owners, total };
}

/**
 * One roll-up's amount, optionally for one owner.
 *
 * @param deals the deals with their categories
 * @param rollup the roll-up
 * @param range the close-date period
 * @param owner only this owner's deals (compared case-insensitively, trimmed), or null for all
 * @returns the sum (0 when no deal counts)
 * @example
 * forecastRollup(deals, "commit", fy2027, "Ann"); // Ann's commit + closed in FY2027
 */
export function forecastRollup(
  deals: readonly CategorizedDeal[],
  rollup: Rollup,
  range: FiscalRange,
  owner: string | null
): number {
  const who = owner === null ? null : owner.trim().toLowerCase();
  let sum = 0;
  for (const d of deals) {
    if (!INCLUDES[rollup].has(d.category) || !inFiscalRange(d.closeDate, range)) continue;
    if (who !== null && d.owner.trim().toLowerCase() !== who) continue;
    sum += d.amount;
  }
  return sum;
}
