import { readDates, sameShape } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { salesCycle } from "../../engine/metrics/salesCycle";
import { classifyStages, stageRules } from "../../engine/stages";
import { excel } from "../adapter";

/**
 * Sales cycle: mean days from creation to close over won deals with both dates.
 * @customfunction SALES_CYCLE
 * @param created Each deal's creation date (date or ISO text), e.g. Deals[Created]. An empty cell (0 or blank) is a missing date; such deals are skipped.
 * @param closed Each deal's close date, same shape.
 * @param stages Each deal's stage, same shape. Only won deals count.
 * @param [won_labels] Stage names that mean won, replacing the defaults: a range (one name per cell) or one text; a text with commas is a list unless a stage has that whole name.
 * @returns The average number of days (fractions for times of day).
 * @example =SALES.SALES_CYCLE(Deals[Created], Deals[Close Date], Deals[Stage])
 */
export function salesCycleFunction(
  created: any[][],
  closed: any[][],
  stages: any[][],
  won_labels?: any[][]
): number {
  return excel(() => {
    const shape = sameShape(["created", created], ["closed", closed], ["stages", stages]);
    if (shape) return shape;
    const start = readDates(created, "Created");
    if (isError(start)) return start;
    const end = readDates(closed, "Closed");
    if (isError(end)) return end;
    return salesCycle(start, end, classifyStages(stages, stageRules(won_labels, null, stages)));
  });
}
