import { cellLabel, errorInRanges, readDateArg, readDates, readOption } from "../../engine/cells";
import { EngineError, Result, isError } from "../../engine/errors";
import { errors } from "../../engine/messages";
import { readFiscalPeriod, readFiscalStart } from "../../engine/history/args";
import {
  ChangeKind,
  MOVE_KINDS,
  WATERFALL_KINDS,
  pipelineChanges,
} from "../../engine/history/changes";
import { readHistory, snapshotDates } from "../../engine/history/historyTable";
import { stateAt } from "../../engine/history/snapshot";
import { ownerSnapshots } from "../../engine/history/ownerFilter";
import { readStageOrder } from "../../engine/history/stageOrder";
import { excel } from "../adapter";

/** Row labels of the summary, in its order. */
const LABELS: Readonly<Record<ChangeKind, string>> = {
  new: "New",
  pulledIn: "Pulled in",
  amountUp: "Amount increased",
  won: "Won",
  lost: "Lost",
  pushed: "Pushed out",
  amountDown: "Amount decreased",
  removed: "Removed",
  forward: "Moved forward",
  backward: "Moved backward",
};

/** The `list` argument's names, in the summary's order ("" = the summary). */
const LIST_NAMES = [
  "",
  "new",
  "pulled in",
  "amount increased",
  "won",
  "lost",
  "pushed out",
  "amount decreased",
  "removed",
  "moved forward",
  "moved backward",
] as const;
const LIST_KINDS: readonly ChangeKind[] = [...WATERFALL_KINDS, ...MOVE_KINDS];

function dateList(arg: unknown): Result<number[] | null> {
  if (arg === null || arg === undefined) return null;
  // One range, so its day/month text dates are read in the order the range proves (readDates).
  const cells = Array.isArray(arg) ? (arg as unknown[][]).flat() : [arg];
  const read = readDates(
    cells.map((c) => [c]),
    "snapshots"
  );
  if (isError(read)) return read;
  const out: number[] = [];
  for (const d of read) if (d !== null) out.push(Math.floor(d));
  return out.length ? [...new Set(out)].sort((a, b) => a - b) : null;
}

/** The from/to dates: given, or the last two snapshots. */
function snapshotPair(
  dates: readonly number[],
  fromArg: unknown,
  toArg: unknown
): Result<readonly [number, number]> {
  const from = readDateArg(fromArg, "from_snapshot");
  if (isError(from)) return from;
  const to = readDateArg(toArg, "to_snapshot");
  if (isError(to)) return to;
  const last = dates[dates.length - 1];
  const end = to === null ? last : Math.floor(to);
  if (end === undefined) return errors.tooFewSnapshots(0);
  let start = from === null ? null : Math.floor(from);
  if (start === null) {
    const earlier = dates.filter((d) => d < end);
    if (earlier.length === 0) return errors.tooFewSnapshots(dates.length);
    start = earlier[earlier.length - 1];
  }
  if (start > end) return errors.argOutOfRange("from_snapshot", "on or before to_snapshot");
  return [start, end];
}

/**
 * Pipeline changes between two snapshots of the History table: the open pipeline closing in the period at the first, then new, pulled in, amount increased, won, lost, pushed out, amount decreased and removed deals (waterfall bars that add up to the ending pipeline), then deals moved forward and backward in stage. Spills 3 columns.
 * @customfunction PIPELINE_CHANGES
 * @param history The History table with its header row, e.g. History[#All].
 * @param stage_order The open stages in pipeline order, to tell forward from backward moves: the Stages table with its header row, e.g. Stages[#All] (open stages ranked by probability, table order for ties), or a list of stages in order, e.g. Stages[Stage].
 * @param [period] The close-date period of the pipeline: "This fiscal quarter" (default), "Last fiscal quarter", "This fiscal year", "FY2027", "FY2027 Q2" or "All"; "this" is the quarter of to_snapshot.
 * @param [fiscal_year_start] The month the fiscal year starts in, 1–12 (default 1), e.g. SalesFiscalYearStart.
 * @param [from_snapshot] The earlier snapshot date (default: the snapshot before to_snapshot).
 * @param [to_snapshot] The later snapshot date (default: the last snapshot).
 * @param [list] A change to list deal by deal instead of the summary, e.g. "Won" or "Pushed out": one row per deal with ID, owner, amount, from stage, to stage, from close date, to close date.
 * @param [snapshots] Every snapshot date, e.g. Snapshots[Snapshot], so a week in which nothing changed still counts as a snapshot (default: the dates in history).
 * @param [owner] Only this owner's deals (default: everyone's): a deal belongs to its owner in to_snapshot, or in from_snapshot when it was removed since, so a deal handed over during the week moves with it.
 * @returns One row per line (name, deals, amount; amounts of deals leaving the pipeline are negative): Starting pipeline, the changes, Ending pipeline, Moved forward, Moved backward (deals in the period's pipeline at both snapshots, with their ending amount; a deal pulled in, new or closed is in its bar only). Pushed out is every deal still open whose close date left the period, moved later or EARLIER (an earlier date before the period is overdue, not pulled in); Removed is a deal whose row left the Deals table.
 * @example =SALES.PIPELINE_CHANGES(History[#All], Stages[#All], "This fiscal quarter", SalesFiscalYearStart)
 */
export function pipelineChangesFunction(
  history: any[][],
  stage_order: any[][],
  period?: any,
  fiscal_year_start?: any,
  from_snapshot?: any,
  to_snapshot?: any,
  list?: any,
  snapshots?: any[][],
  owner?: any
): any[][] {
  return excel((): Result<unknown[][]> => {
    const failed = errorInRanges(["History", history], ["stage_order", stage_order]);
    if (failed) return failed;
    const rows = readHistory(history);
    if (isError(rows)) return rows;
    const given = dateList(snapshots);
    if (isError(given)) return given;
    const pair = snapshotPair(given ?? snapshotDates(rows), from_snapshot, to_snapshot);
    if (isError(pair)) return pair;
    const fy = readFiscalStart(fiscal_year_start);
    if (isError(fy)) return fy;
    const range = readFiscalPeriod(period, fy, pair[1], "this fiscal quarter");
    if (isError(range)) return range;
    const which = readOption(list, "list", LIST_NAMES);
    if (isError(which)) return which;
    const order = readStageOrder(stage_order);
    if (isError(order)) return order;
    const [before, after] = ownerSnapshots(
      stateAt(rows, pair[0]),
      stateAt(rows, pair[1]),
      cellLabel(Array.isArray(owner) ? owner[0]?.[0] : owner) ?? ""
    );
    const c = pipelineChanges(before, after, range, order);
    if (which !== "") {
      const deals = c.bars[LIST_KINDS[LIST_NAMES.indexOf(which) - 1]].deals;
      if (deals.length === 0) return new EngineError("na", `no deal is "${which}"`);
      return deals.map((d) => [
        d.id,
        d.owner,
        d.amount,
        d.fromStage ?? "",
        d.toStage ?? "",
        d.fromClose ?? "",
        d.toClose ?? "",
      ]);
    }
    return [
      ["Starting pipeline", c.start.count, c.start.amount],
      ...WATERFALL_KINDS.map((k) => [LABELS[k], c.bars[k].count, c.bars[k].amount]),
      ["Ending pipeline", c.end.count, c.end.amount],
      ...MOVE_KINDS.map((k) => [LABELS[k], c.bars[k].count, c.bars[k].amount]),
    ];
  });
}
