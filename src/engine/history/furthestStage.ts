/**
 * How far each deal got in a pipeline by the History table: the furthest stage of an order that
 * any snapshot showed it in. This is what HubSpot's and Salesforce's funnel reports count as
 * "deals that entered the stage" from stage history, where a deal's current stage alone places a
 * lost deal nowhere and a deal moved back (Proposal → Demo) short of where it was.
 */
import { HistoryRow } from "./snapshot";

/** The History as FUNNEL reads it: each deal's ID beside its stage, and the History rows. */
export interface DealHistory {
  /** Per cell of the stages range: the deal's ID as the History writes it, "" when blank. */
  readonly ids: readonly string[];
  readonly rows: readonly HistoryRow[];
}

/**
 * The furthest stage each deal was seen in: the highest index `rank` gives the stages of its
 * snapshots. A snapshot is what its date's last row says (as `stateAt` and `dealTimelines` read
 * the History), so a stage a second import corrected the same day was never reached. A stage
 * `rank` leaves unplaced (not in the order, a won or lost stage) is passed over.
 *
 * One pass from the last row up, in date order (the import appends each snapshot's rows after
 * the earlier ones; a table sorted otherwise is put back in date order first, rows of one date
 * kept in table order): the first row met of a deal's date is that date's own. No list of rows
 * per deal is built: a History can fill a sheet (1,048,575 rows), and a funnel needs only each
 * deal's furthest stage.
 *
 * Complexity: O(n) over the rows and IDs (O(n log n) for a History not in date order); `rank`
 * runs once per distinct stage spelling.
 *
 * @param rows the History rows, in table order
 * @param rank a stage as the History writes it → its index in the order, undefined to pass over
 * @param ids the deals asked about, e.g. one per cell of a stages range ("" for none); other
 *   deals' rows are not read (a filtered funnel ignores other deals' history)
 * @returns per entry of `ids`, the furthest index its deal reached, -1 when none
 * @example
 * // D1: Demo (W0), Proposal (W1), Demo (W2); order Lead, Demo, Proposal:
 * furthestStages(rows, (s) => ["lead", "demo", "proposal"].indexOf(s.toLowerCase()), ["D1", "D9"]);
 * // Int32Array [2, -1]
 */
export function furthestStages(
  rows: readonly HistoryRow[],
  rank: (stage: string) => number | undefined,
  ids: readonly string[]
): Int32Array {
  const slotOf = new Map<string, number>();
  const slots = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    let s = slotOf.get(ids[i]);
    if (s === undefined) slotOf.set(ids[i], (s = slotOf.size));
    slots[i] = s;
  }
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
  let inOrder = true;
  for (let i = 1; i < rows.length && inOrder; i++)
    inOrder = rows[i - 1].snapshot <= rows[i].snapshot;
  // Array sort is stable: rows of one date keep their table order.
  const dated = inOrder ? rows : [...rows].sort((a, b) => a.snapshot - b.snapshot);
  const best = new Int32Array(slotOf.size).fill(-1);
  // Per deal, the date of the last row met walking up (dates only fall on the way).
  const met = new Float64Array(slotOf.size).fill(Infinity);
  for (let i = dated.length - 1; i >= 0; i--) {
    const r = dated[i];
    const s = slotOf.get(r.id);
    if (s === undefined || met[s] === r.snapshot) continue;
    met[s] = r.snapshot;
    const k = placeOf(r.stage);
    if (k > best[s]) best[s] = k;
  }
  const out = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) out[i] = best[slots[i]];
  return out;
}
