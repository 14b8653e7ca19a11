import { errorInRanges, readDateArg } from "../../engine/cells";
import { EngineError, Result, isError } from "../../engine/errors";
import { errors } from "../../engine/messages";
import { readHistory, snapshotDates } from "../../engine/history/historyTable";
import { readStageOrder } from "../../engine/history/stageOrder";
import { stageTimings, stuckDeals } from "../../engine/history/stageMovement";
import { excel } from "../adapter";

/**
 * Open deals stuck in their stage: in it for more than 1.5× the average time deals spent in that stage, measured from real movement between the snapshots of the History table (needs at least two snapshots). Longest first; spills 6 columns.
 * @customfunction STUCK_DEALS
 * @param history The History table with its header row, e.g. History[#All].
 * @param stage_order The open stages in pipeline order: the Stages table with its header row, e.g. Stages[#All] (open stages ranked by probability, table order for ties), or a list of stages in order, e.g. Stages[Stage].
 * @param [as_of] The date to measure to (default: the last snapshot); the stages' averages come from the snapshots up to it, as the History stood then.
 * @returns One row per stuck deal: deal ID, stage, owner, amount, days in the stage so far (from the snapshot it was first seen in the stage; at least that long), the stage's average days (over stays seen from arrival, by a move or as a new deal, to departure).
 * @example =SALES.STUCK_DEALS(History[#All], Stages[#All])
 */
export function stuckDealsFunction(history: any[][], stage_order: any[][], as_of?: any): any[][] {
  return excel((): Result<unknown[][]> => {
    const failed = errorInRanges(["History", history], ["stage_order", stage_order]);
    if (failed) return failed;
    const rows = readHistory(history);
    if (isError(rows)) return rows;
    const dates = snapshotDates(rows);
    if (dates.length < 2) return errors.tooFewSnapshots(dates.length);
    const asOf = readDateArg(as_of, "as_of");
    if (isError(asOf)) return asOf;
    const order = readStageOrder(stage_order);
    if (isError(order)) return order;
    const until = asOf ?? dates[dates.length - 1];
    // Before a second snapshot nothing has moved: no average exists to be stuck against.
    const by = dates.filter((d) => d <= until).length;
    if (by < 2) return errors.tooFewSnapshotsBy(by);
    // As the History stood on as_of: later moves must not set the averages a past date is judged by.
    const known = rows.filter((r) => r.snapshot <= until);
    const stuck = stuckDeals(known, stageTimings(known, order), until);
    if (stuck.length === 0) return new EngineError("na", "no deal is stuck in its stage");
    return stuck.map((d) => [d.id, d.stage, d.owner, d.amount, d.days, d.averageDays]);
  });
}
