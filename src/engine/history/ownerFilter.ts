/**
 * One owner's share of two snapshots, for pipeline changes by owner: a deal belongs to the owner
 * it has in the later snapshot, or, when it has left the later snapshot (removed), the owner it
 * had in the earlier one. So a deal handed from Ann to Bo during the week is Bo's in both
 * snapshots (it moves with its owner, as a CRM's current-owner report shows it) and is neither
 * "new" for Bo nor left behind in Ann's pipeline; every deal belongs to exactly one owner, so the
 * owners' changes add up to the team's.
 */
import { normalizeLabel } from "../cells";
import { DealState, Snapshot } from "./snapshot";

/**
 * The two snapshots restricted to one owner's deals (see the module comment for who owns a deal).
 * Owners compare as labels: case, spacing and underscores do not matter.
 *
 * Complexity: O(n + m).
 *
 * @param before the earlier snapshot
 * @param after the later snapshot
 * @param owner the owner's name; blank keeps every deal
 * @returns the earlier and later snapshots of that owner's deals
 * @example
 * const [b, a] = ownerSnapshots(stateAt(rows, lastWeek), stateAt(rows, today), "Ann Lee");
 * pipelineChanges(b, a, quarter, order); // Ann's what-changed
 */
export function ownerSnapshots(
  before: Snapshot,
  after: Snapshot,
  owner: string
): readonly [Snapshot, Snapshot] {
  const who = normalizeLabel(owner);
  if (who === "") return [before, after];
  const mine = (id: string): boolean => {
    const d = after.get(id) ?? before.get(id);
    return d !== undefined && normalizeLabel(d.owner) === who;
  };
  const keep = (s: Snapshot): Map<string, DealState> => new Map([...s].filter(([id]) => mine(id)));
  return [keep(before), keep(after)];
}
