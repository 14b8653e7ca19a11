import {
  optionalRange,
  readDateArg,
  readDates,
  readNumberArg,
  sameShape,
} from "../../engine/cells";
import { todaySerial } from "../../engine/dates";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { staleDeals } from "../../engine/metrics/staleDeals";
import { classifyStages } from "../../engine/stages";
import { stageJudge } from "../../engine/stageTableArg";
import { excel } from "../adapter";

// Not @volatile on purpose: volatile functions recalculate on every edit and slow big workbooks.
// Without as_of it uses today's date at the time it calculates and refreshes when its inputs change
// or on a full recalculation; passing TODAY() (volatile in Excel itself) makes it follow the date.
/**
 * Stale deals: count of open deals idle for more than the given days (blank last activity counts as stale).
 * @customfunction STALE_DEALS
 * @param last_activity Each deal's last activity date, e.g. Deals[Last Activity]. Blank means never. Text such as 31/03/2026 is read day-first or month-first as the range's own text dates prove.
 * @param stages Each deal's stage, same shape. Only open deals count.
 * @param [days] Allowed idle days, 0 or more (default 14); a deal idle for more than this is stale.
 * @param [as_of] The date to measure from (default: today when calculated; pass TODAY() to follow the date).
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @param [created] Each deal's creation date, same shape: a deal with no activity is then idle since it was created, so a new deal is not stale; without it (or without a creation date) a deal with no activity is stale.
 * @returns The number of stale open deals.
 * @example =SALES.STALE_DEALS(Deals[Last Activity], Deals[Stage], 14, TODAY())
 */
export function staleDealsFunction(
  last_activity: any[][],
  stages: any[][],
  days?: any,
  as_of?: any,
  stage_table?: any[][],
  created?: any[][]
): number {
  return excel(() => {
    created = optionalRange(created, last_activity);
    [last_activity, stages, created] = withoutHeaderRow(
      ["date", last_activity],
      ["text", stages],
      ["date", created]
    );
    const shape = sameShape(
      ["last_activity", last_activity],
      ["stages", stages],
      ["created", created]
    );
    if (shape) return shape;
    const activity = readDates(last_activity, "Last activity");
    if (isError(activity)) return activity;
    let opened = null;
    if (created !== null && created !== undefined) {
      const read = readDates(created, "Created");
      if (isError(read)) return read;
      opened = read;
    }
    const idle = readNumberArg(days, "days", 14);
    if (isError(idle)) return idle;
    const asOf = readDateArg(as_of, "as_of");
    if (isError(asOf)) return asOf;
    const judge = stageJudge(stage_table, stages);
    if (isError(judge)) return judge;
    return staleDeals(activity, classifyStages(stages, judge), idle, asOf ?? todaySerial(), opened);
  });
}
