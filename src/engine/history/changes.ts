/**
 * What changed in the pipeline between two snapshots, as Salesforce's Pipeline Inspection shows
 * it: the open pipeline closing in a period (by close date) at the first snapshot, the bars that
 * lead from it to the open pipeline at the second, and the deals behind each bar.
 *
 * Every deal in the period's open pipeline at either snapshot lands in exactly one waterfall bar,
 * so start + Σ bars = end, by count and by amount:
 * - in the pipeline at both: **amount up** / **amount down** (the difference; unchanged amounts
 *   make no bar);
 * - only at the start: **won**, **lost**, **pushed** (still open, close date moved out of the
 *   period, later or earlier: the public label "Pushed out" covers a date moved before the period
 *   too) or **removed** (gone from the Deals table: the import never deletes a row, so it is a
 *   row the user deleted), each for its starting amount (negative);
 * - only at the end: **pulled in** (open before with a close date outside the period) or **new**
 *   (not in the earlier snapshot, or reopened), for its ending amount.
 * Stage moves are not bars (they do not change the pipeline's amount): **moved forward** and
 * **moved backward** count deals open and in the period at both snapshots whose stage moved
 * along `stageOrder` (stages not in the order are not counted; an internal id ranks as its label,
 * see stageRanks), with their ending amount.
 * Deals that were won, lost or pushed without ever being in the period's pipeline are outside
 * this view, as in Salesforce.
 */
import { DealState, Snapshot } from "./snapshot";
import { FiscalRange, inFiscalRange } from "./fiscal";
import { stageRanks } from "./stageOrder";

/** The waterfall bars, in the order a waterfall draws them. */
export const WATERFALL_KINDS = [
  "new",
  "pulledIn",
  "amountUp",
  "won",
  "lost",
  "pushed",
  "amountDown",
  "removed",
] as const;

/** The stage-move counts shown beside the waterfall. */
export const MOVE_KINDS = ["forward", "backward"] as const;

/** One kind of change. */
export type ChangeKind = (typeof WATERFALL_KINDS)[number] | (typeof MOVE_KINDS)[number];

/** A deal behind a bar: its contribution and the fields that explain it. */
export interface ChangedDeal {
  readonly id: string;
  /** Signed contribution to the pipeline (waterfall bars); the ending amount for stage moves. */
  readonly amount: number;
  readonly owner: string;
  readonly fromStage: string | null;
  readonly toStage: string | null;
  readonly fromClose: number | null;
  readonly toClose: number | null;
}

/** A bar: how many deals, their signed amount, and which. */
export interface ChangeBar {
  readonly count: number;
  readonly amount: number;
  /** Largest change first. */
  readonly deals: readonly ChangedDeal[];
}

/** The open pipeline of the period at one snapshot. */
export interface PipelineTotal {
  readonly count: number;
  readonly amount: number;
}

/** The result: start, the bars, end. */
export interface PipelineChanges {
  readonly start: PipelineTotal;
  readonly end: PipelineTotal;
  readonly bars: Readonly<Record<ChangeKind, ChangeBar>>;
}

function inPipeline(d: DealState | undefined, range: FiscalRange): boolean {
  return d !== undefined && d.outcome === "open" && inFiscalRange(d.closeDate, range);
}

function entry(id: string, amount: number, a?: DealState, b?: DealState): ChangedDeal {
  return {
    id,
    amount,
    owner: (b ?? a)?.owner ?? "",
    fromStage: a?.stage ?? null,
    toStage: b?.stage ?? null,
    fromClose: a?.closeDate ?? null,
    toClose: b?.closeDate ?? null,
  };
}

/** Which bar a deal in the period's pipeline at only one of the snapshots falls in. */
function leftKind(after: DealState | undefined): ChangeKind {
  if (!after) return "removed";
  if (after.outcome === "won") return "won";
  if (after.outcome === "lost") return "lost";
  return "pushed";
}

/**
 * Compares two snapshots (see the module comment for the rules).
 *
 * Complexity: O(n + m) plus sorting each bar's deals.
 *
 * @param before the earlier snapshot (stateAt the "from" date)
 * @param after the later snapshot
 * @param range the close-date period of the pipeline ({from: null, to: null} for every date)
 * @param stageOrder the open stages in pipeline order, normalized (for forward/backward)
 * @returns the starting and ending pipeline and every bar; identical snapshots give no changes
 * @example
 * const c = pipelineChanges(stateAt(rows, lastWeek), stateAt(rows, today), quarter, order);
 * c.start.amount + WATERFALL_KINDS.reduce((s, k) => s + c.bars[k].amount, 0) === c.end.amount; // true
 */
export function pipelineChanges(
  before: Snapshot,
  after: Snapshot,
  range: FiscalRange,
  stageOrder: readonly string[]
): PipelineChanges {
  const lists: Record<ChangeKind, ChangedDeal[]> = {
    new: [],
    pulledIn: [],
    amountUp: [],
    won: [],
    lost: [],
    pushed: [],
    amountDown: [],
    removed: [],
    forward: [],
    backward: [],
  };
  const rankOf = stageRanks(stageOrder);
  const start = { count: 0, amount: 0 };
  const end = { count: 0, amount: 0 };
  for (const [id, a] of before) {
    if (!inPipeline(a, range)) continue;
    start.count++;
    start.amount += a.amount;
    const b = after.get(id);
    if (b === undefined || !inPipeline(b, range)) {
      lists[leftKind(b)].push(entry(id, -a.amount, a, b));
      continue;
    }
    const delta = b.amount - a.amount;
    if (delta > 0) lists.amountUp.push(entry(id, delta, a, b));
    else if (delta < 0) lists.amountDown.push(entry(id, delta, a, b));
    const from = rankOf(a.stage);
    const to = rankOf(b.stage);
    if (from !== undefined && to !== undefined && from !== to)
      lists[to > from ? "forward" : "backward"].push(entry(id, b.amount, a, b));
  }
  for (const [id, b] of after) {
    if (!inPipeline(b, range)) continue;
    end.count++;
    end.amount += b.amount;
    const a = before.get(id);
    if (inPipeline(a, range)) continue;
    const kind = a !== undefined && a.outcome === "open" ? "pulledIn" : "new";
    lists[kind].push(entry(id, b.amount, a, b));
  }
  const bars = {} as Record<ChangeKind, ChangeBar>;
  for (const kind of Object.keys(lists) as ChangeKind[]) {
    const deals = lists[kind].sort(
      (x, y) => Math.abs(y.amount) - Math.abs(x.amount) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
    );
    bars[kind] = { count: deals.length, amount: deals.reduce((s, d) => s + d.amount, 0), deals };
  }
  return { start, end, bars };
}
