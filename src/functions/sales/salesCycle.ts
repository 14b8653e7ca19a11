import { readDates, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { salesCycle } from "../../engine/metrics/salesCycle";
import { classifyStages } from "../../engine/stages";
import { stageJudge } from "../../engine/stageTableArg";
import { excel } from "../adapter";

/**
 * Sales cycle: mean days from creation to close over won deals with both dates.
 * @customfunction SALES_CYCLE
 * @param created Each deal's creation date (date or ISO text), e.g. Deals[Created]. An empty cell (0 or blank) is a missing date; such deals are skipped. Text such as 31/03/2026 is read day-first or month-first as the range's own text dates prove.
 * @param closed Each deal's close date, same shape. A close on the day of creation counts as 0 days even when its time reads earlier (a date without a time is midnight); a close on an earlier day is #VALUE!.
 * @param stages Each deal's stage, same shape. Only won deals count.
 * @param [won_labels] Stage names that mean won, replacing the defaults: a range (one name per cell) or one text; a text with commas is a list unless a stage has that whole name.
 * @param [stage_table] The Stages table, e.g. Stages[#All] (with headers) or Stages[#Data]: its Is Won/Is Lost columns decide which stages are won, lost or open, as on the dashboard; a stage it does not list is judged by the built-in labels, and an id matches its label (closedwon = Closed Won).
 * @returns The average number of days (fractions for times of day).
 * @example =SALES.SALES_CYCLE(Deals[Created], Deals[Close Date], Deals[Stage])
 */
export function salesCycleFunction(
  created: any[][],
  closed: any[][],
  stages: any[][],
  won_labels?: any[][],
  stage_table?: any[][]
): number {
  return excel(() => {
    [created, closed, stages] = withoutHeaderRow(
      ["date", created],
      ["date", closed],
      ["text", stages]
    );
    const shape = sameShape(["created", created], ["closed", closed], ["stages", stages]);
    if (shape) return shape;
    const start = readDates(created, "Created");
    if (isError(start)) return start;
    const end = readDates(closed, "Closed");
    if (isError(end)) return end;
    const judge = stageJudge(stage_table, stages, won_labels);
    if (isError(judge)) return judge;
    return salesCycle(start, end, classifyStages(stages, judge));
  });
}
