/**
 * How far each deal got in a pipeline by the History table: the furthest stage of an order that
 * any snapshot showed it in. This is what HubSpot's and Salesforce's funnel reports count as
 * "deals that entered the stage" from stage history, where a deal's current stage alone places a
 * lost deal nowhere and a deal moved back (Proposal → Demo) short of where it was.
 */
import { idIndex } from "../idIndex";
import { StageHistory, StageState } from "./historyTable";

/** The History as FUNNEL reads it: each deal's ID beside its stage, and the History's columns. */
export interface DealHistory {
  /** Per cell of the stages range: the deal's ID as the History writes it, "" when blank. */
  readonly ids: readonly string[];
  readonly history: StageHistory;
}

/**
 * Per History row in date order, its index: the rows themselves when the table is in date order
 * (the import appends each snapshot's rows after the earlier ones), else sorted stably (rows of
 * one date kept in table order).
 */
function dateOrder(snapshot: Int32Array): Int32Array | null {
  let inOrder = true;
  for (let i = 1; i < snapshot.length && inOrder; i++) inOrder = snapshot[i - 1] <= snapshot[i];
  if (inOrder) return null;
  const order = Array.from({ length: snapshot.length }, (_, i) => i);
  order.sort((a, b) => snapshot[a] - snapshot[b] || a - b);
  return Int32Array.from(order);
}

/**
 * The furthest stage each deal was seen in: the highest index `rank` gives the stages of its
 * snapshots. A snapshot is what its date's last row says (as `stateAt` and `dealTimelines` read
 * the History), so a stage a second import corrected the same day was never reached. A stage
 * `rank` leaves unplaced (not in the order, a lost stage) is passed over.
 *
 * One pass from the last row up, in date order (a table sorted otherwise is put back in date
 * order first, rows of one date kept in table order): the first row met of a deal's date is that
 * date's own. No list of rows per deal is built: a History can fill a sheet (1,048,575 rows),
 * and a funnel needs only each deal's furthest stage.
 *
 * Complexity: O(n) over the rows and IDs (O(n log n) for a History not in date order); `rank`
 * runs once per distinct stage and outcome.
 *
 * @param history the History's columns (readStageHistory)
 * @param rank a stage as the History writes it, with its outcome → its index in the order,
 *   undefined to pass over
 * @param ids the deals asked about, e.g. one per cell of a stages range ("" for none); other
 *   deals' rows are not read (a filtered funnel ignores other deals' history)
 * @returns per entry of `ids`, the furthest index its deal reached, -1 when none
 * @example
 * // D1: Demo (W0), Proposal (W1), Demo (W2); order Lead, Demo, Proposal:
 * furthestStages(history, (s) => ["lead", "demo", "proposal"].indexOf(s.stage.toLowerCase()), ["D1", "D9"]);
 * // Int32Array [2, -1]
 */
export function furthestStages(
  history: StageHistory,
  rank: (state: StageState) => number | undefined,
  ids: readonly string[]
): Int32Array {
  // A deal's slot is its ID's first cell.
  const index = idIndex(ids);
  const places = Int32Array.from(history.states, (s) => {
    const at = rank(s);
    return at === undefined || at < 0 ? -1 : at;
  });
  const { snapshot, id, state } = history;
  const order = dateOrder(snapshot);
  const best = new Int32Array(ids.length).fill(-1);
  // Per deal, the date of the last row met walking up (dates only fall on the way; none is 0).
  const met = new Int32Array(ids.length);
  for (let j = snapshot.length - 1; j >= 0; j--) {
    const i = order === null ? j : order[j];
    const s = index.find(id[i]);
    if (s < 0 || met[s] === snapshot[i]) continue;
    met[s] = snapshot[i];
    const k = places[state[i]];
    if (k > best[s]) best[s] = k;
  }
  // Every ID its own slot (a blank one none: -1 stays): the slots are the answer.
  if (index.distinct) return best;
  return Int32Array.from(ids, (x) => (x === "" ? -1 : best[index.find(x)]));
}
