/**
 * Stage funnel: how many deals reached each stage of an ordered pipeline, and the conversion
 * from each stage to the next.
 */
import { LabelIndex, OrderedLabel } from "../cells";
import { EngineError, Result } from "../errors";
import { errors } from "../messages";
import { DEFAULT_STAGE_RULES, Stage, StageJudge, judgeLabel } from "../stages";
import { byStageKey, stageKey } from "../stageVocabulary";

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
 * Builds the funnel. A deal reached stage k when its current stage sits at index ≥ k of
 * `order` (matched by `key`, else by stage identity, so an id matches its label); a won deal (by
 * `judge`) whose stage is not in `order` reached every stage up to the order's last won stage
 * (or, with none, its last stage that is not lost); lost deals (default: the built-in lost
 * labels) and deals whose stage is not in `order` reached only the first stage; blank stages are ignored. Conversion is reached[k] ÷ reached[k−1], 1 on the
 * first row. When the previous row has no deals the conversion cell is a #DIV/0! error (an empty
 * denominator, as everywhere else; 0 would claim a conversion that was never measured), while
 * the rest of the table still spills.
 *
 * Complexity: O(n + distinct labels × 1).
 *
 * @param deals the stages range as a label index (see indexLabels)
 * @param order the pipeline's stages in order (see readOrderedLabels); put the won label last to
 *   see win conversion
 * @param judge which deals are lost: the built-in labels, or the Stages table's vocabulary
 * @param key the identity a deal's label and an `order` entry are matched by (default: the
 *   normalized label; `stageKey` so that an id and its label are one stage)
 * @returns one row per stage, #VALUE! when `order` is empty or names a stage twice
 * @example
 * // order Demo, Proposal, Won; deals Demo, Proposal, Won, Lost:
 * // [["Demo", 4, 1], ["Proposal", 2, 0.5], ["Won", 1, 0.5]]
 * // order Demo, Proposal (Won not listed): [["Demo", 4, 1], ["Proposal", 2, 0.5]]
 */
export function funnel(
  deals: LabelIndex,
  order: readonly OrderedLabel[],
  judge: StageJudge = DEFAULT_STAGE_RULES,
  key: (label: string) => string = (label) => label
): Result<FunnelRow[]> {
  if (order.length === 0) return errors.emptyArgument("stage_order");
  const position = new Map<string, number>();
  for (let k = 0; k < order.length; k++) {
    const id = key(order[k].label);
    if (position.has(id)) return errors.duplicateLabel("stage_order", order[k].text);
    position.set(id, k);
  }
  // Where each distinct label lands: its position; a won deal not in the order passed every
  // stage it could (see wonSlot); lost and unknown stages reached only the first.
  const won = wonSlot(order, judge);
  // A deal the exact label misses matches by stage identity (an id matches its label).
  const byId = byStageKey(order.map((o, k) => [o.label, k] as const));
  const landing = deals.labels.map((label) => {
    const outcome = judgeLabel(label, judge);
    if (outcome === Stage.Lost) return 0;
    const at = position.get(key(label)) ?? byId.get(stageKey(label));
    return at ?? (outcome === Stage.Won ? won : 0);
  });
  const at = new Float64Array(order.length);
  const idx = deals.index;
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i];
    if (k >= 0) at[landing[k]]++;
  }
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
