/**
 * How far each deal got in a pipeline by the History table: the furthest stage of an order that
 * any snapshot showed it in. This is what HubSpot's and Salesforce's funnel reports count as
 * "deals that entered the stage" from stage history, where a deal's current stage alone places a
 * lost deal nowhere and a deal moved back (Proposal → Demo) short of where it was.
 */
import { HistoryRow, dealTimelines } from "./snapshot";

/** The History as FUNNEL reads it: each deal's ID beside its stage, and the History rows. */
export interface DealHistory {
  /** Per cell of the stages range: the deal's ID as the History writes it, "" when blank. */
  readonly ids: readonly string[];
  readonly rows: readonly HistoryRow[];
}

/**
 * The furthest stage each deal was seen in: the highest index `rank` gives the stages of its
 * snapshots. A snapshot is what its date's last row says (`dealTimelines`), so a stage a second
 * import corrected the same day was never reached. A stage `rank` leaves unplaced (not in the
 * order, a won or lost stage) is passed over; a deal with no placed stage is absent.
 *
 * Complexity: O(n log n) over the rows of the deals asked for; `rank` runs once per distinct
 * stage spelling.
 *
 * @param rows the History rows
 * @param rank a stage as the History writes it → its index in the order, undefined to pass over
 * @param ids only these deals' rows are read (a filtered funnel ignores other deals' history)
 * @returns the furthest index by deal ID
 * @example
 * // D1: Demo (W0), Proposal (W1), Demo (W2); order Lead, Demo, Proposal:
 * furthestStages(rows, (s) => ["lead", "demo", "proposal"].indexOf(s.toLowerCase()), new Set(["D1"]));
 * // Map { "D1" => 2 }
 */
export function furthestStages(
  rows: readonly HistoryRow[],
  rank: (stage: string) => number | undefined,
  ids: ReadonlySet<string>
): Map<string, number> {
  const ranks = new Map<string, number>();
  const placeOf = (stage: string): number => {
    let k = ranks.get(stage);
    if (k === undefined) {
      const at = rank(stage);
      k = at === undefined || at < 0 ? -1 : at;
      ranks.set(stage, k);
    }
    return k;
  };
  const out = new Map<string, number>();
  for (const [id, list] of dealTimelines(rows.filter((r) => ids.has(r.id)))) {
    let furthest = -1;
    for (const r of list) furthest = Math.max(furthest, placeOf(r.stage));
    if (furthest >= 0) out.set(id, furthest);
  }
  return out;
}
