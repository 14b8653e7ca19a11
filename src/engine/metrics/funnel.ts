/**
 * Stage funnel: how many deals reached each stage of an ordered pipeline, and the conversion
 * from each stage to the next; with the History table, a deal reached the furthest stage any
 * snapshot showed it in (see history/furthestStage), and a deal any snapshot showed won reached
 * every stage to the close.
 */
import { LabelIndex, OrderedLabel, normalizeLabel } from "../cells";
import { EngineError, Result, isError } from "../errors";
import { errors } from "../messages";
import { DEFAULT_STAGE_RULES, Stage, StageJudge, judgeLabel } from "../stages";
import { byStageKey, stageKey } from "../stageVocabulary";
import { DealHistory, furthestStages } from "../history/furthestStage";

/**
 * Where a won deal whose own stage is not in `order` lands: the last won stage of the order
 * ("closedwon" deals under a "Closed Won" row), else the last stage that is not a lost one. A
 * pipeline copied with its closed stages ("…, Closed Won, Closed Lost") then never counts a won
 * deal as having reached Closed Lost.
 */
function wonSlot(order: readonly OrderedLabel[], judge: StageJudge): number {
  let open = -1;
  for (let k = order.length - 1; k >= 0; k--) {
    const outcome = judgeLabel(order[k].label, judge);
    if (outcome === Stage.Won) return k;
    if (open < 0 && outcome !== Stage.Lost) open = k;
  }
  return open < 0 ? order.length - 1 : open;
}

/** One funnel row: stage name as typed, deals that reached it, conversion from the row above. */
export type FunnelRow = [string, number, number | EngineError];

/**
 * Where each deal lands: the index of the last stage it reached. Without `history`: its current
 * stage's index; a won deal not in the order the won slot; lost and unknown stages the first.
 * With it, a deal that is not won lands at least at the furthest open stage its History shows,
 * and at the won slot when a snapshot showed it won.
 */
function landings(
  deals: LabelIndex,
  order: readonly OrderedLabel[],
  judge: StageJudge,
  rankOf: (label: string) => number | undefined,
  history: DealHistory | undefined
): Result<Float64Array> {
  const won = wonSlot(order, judge);
  const outcomes = deals.labels.map((label) => judgeLabel(label, judge));
  const landing = deals.labels.map((label, k) => {
    if (outcomes[k] === Stage.Lost) return 0;
    return rankOf(label) ?? (outcomes[k] === Stage.Won ? won : 0);
  });
  const at = new Float64Array(order.length);
  const idx = deals.index;
  if (!history) {
    for (let i = 0; i < idx.length; i++) if (idx[i] >= 0) at[landing[idx[i]]]++;
    return at;
  }
  const ids = history.ids;
  if (ids.length !== idx.length) return errors.idsMisaligned(ids.length, idx.length);
  // A History stage is placed as a deal's current stage is. A won snapshot (by its Outcome, or
  // its stage judged as the current stages are) is the close: the deal went through every
  // stage to the won slot, also when it was reopened or lost since.
  const furthest = furthestStages(
    history.history,
    ({ stage, outcome }) => {
      const label = normalizeLabel(stage);
      const judged = label ? judgeLabel(label, judge) : Stage.Blank;
      // A stage the Outcome calls won but the judge does not (the Stages table of the import
      // marked it Is Won; this call judges by the built-in labels) is a win too: the won slot.
      if (judged === Stage.Won) return rankOf(label) ?? won;
      if (outcome === "won") return won;
      return judged === Stage.Open ? rankOf(label) : undefined;
    },
    ids
  );
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i];
    if (k < 0) continue;
    at[outcomes[k] === Stage.Won ? landing[k] : Math.max(landing[k], furthest[i])]++;
  }
  return at;
}

/**
 * Builds the funnel. A deal reached stage k when its current stage sits at index ≥ k of
 * `order` (matched by `key`, else by stage identity, so an id matches its label); a won deal (by
 * `judge`) whose stage is not in `order` reached every stage up to the order's last won stage
 * (or, with none, its last stage that is not lost); lost deals (default: the built-in lost
 * labels) and deals whose stage is not in `order` reached only the first stage; blank stages are
 * ignored. With `history`, a deal that is not won also reached every stage up to the furthest
 * open stage any snapshot of its ID shows (matched to `order` as a current stage is; see
 * furthestStages): a lost deal where it was lost, a deal moved back where it had been. A deal
 * any snapshot showed won (its Outcome "won", or its stage won by `judge`) reached every stage up
 * to the won slot, as a won deal does, also when it was reopened or lost since: it went through
 * every stage to the close (HubSpot's funnel counts a deal in every stage it ever entered;
 * stageTimings' stage conversion reads a won row the same way). Deals without an ID or without
 * History rows count as without it; History rows of IDs not in `ids` are not read. Conversion
 * is reached[k] ÷ reached[k−1], 1 on the first row. When the previous row has no deals the
 * conversion cell is a #DIV/0! error (an empty denominator, as everywhere else; 0 would claim a
 * conversion that was never measured), while the rest of the table still spills.
 *
 * Complexity: O(n + distinct labels) without History; with it, O(n + History rows) more
 * (O(rows log rows) for a History not in date order, see furthestStages).
 *
 * @param deals the stages range as a label index (see indexLabels)
 * @param order the pipeline's stages in order (see readOrderedLabels); put the won label last to
 *   see win conversion
 * @param judge which deals are lost: the built-in labels, or the Stages table's vocabulary
 * @param key the identity a deal's label and an `order` entry are matched by (default: the
 *   normalized label; `stageKey` so that an id and its label are one stage)
 * @param history each deal's ID (aligned with `deals`' cells) and the History rows
 * @returns one row per stage, #VALUE! when `order` is empty or names a stage twice, or when
 *   `history.ids` does not pair with the stages cell by cell
 * @example
 * // order Demo, Proposal, Won; deals Demo, Proposal, Won, Lost:
 * // [["Demo", 4, 1], ["Proposal", 2, 0.5], ["Won", 1, 0.5]]
 * // order Demo, Proposal (Won not listed): [["Demo", 4, 1], ["Proposal", 2, 0.5]]
 * // with history: the lost deal D4 was seen in Proposal:
 * // funnel(deals, order, DEFAULT_STAGE_RULES, undefined, { ids: ["D1", "D2", "D3", "D4"], rows })
 * // [["Demo", 4, 1], ["Proposal", 3, 0.75], ["Won", 1, 1 / 3]]
 */
export function funnel(
  deals: LabelIndex,
  order: readonly OrderedLabel[],
  judge: StageJudge = DEFAULT_STAGE_RULES,
  key: (label: string) => string = (label) => label,
  history?: DealHistory
): Result<FunnelRow[]> {
  if (order.length === 0) return errors.emptyArgument("stage_order");
  const position = new Map<string, number>();
  for (let k = 0; k < order.length; k++) {
    const id = key(order[k].label);
    if (position.has(id)) return errors.duplicateLabel("stage_order", order[k].text);
    position.set(id, k);
  }
  // A deal the exact label misses matches by stage identity (an id matches its label).
  const byId = byStageKey(order.map((o, k) => [o.label, k] as const));
  const at = landings(
    deals,
    order,
    judge,
    (label) => position.get(key(label)) ?? byId.get(stageKey(label)),
    history
  );
  if (isError(at)) return at;
  const rows: FunnelRow[] = [];
  let reached = 0;
  const counts = new Array<number>(order.length);
  for (let k = order.length - 1; k >= 0; k--) {
    reached += at[k];
    counts[k] = reached;
  }
  for (let k = 0; k < order.length; k++) {
    const previous = k === 0 ? 0 : counts[k - 1];
    const conversion =
      k === 0
        ? 1
        : previous === 0
          ? errors.divByZero("no deals reached the previous stage")
          : counts[k] / previous;
    rows.push([order[k].text, counts[k], conversion]);
  }
  return rows;
}
