import { readNumberArg, readNumbers } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { growth } from "../../engine/metrics/growth";
import { excel } from "../adapter";

/**
 * Growth: change of the last value against the value lag positions earlier, as a fraction.
 * @customfunction GROWTH
 * @param values The series in time order, e.g. monthly totals. Blank cells are skipped.
 * @param [lag] How many values back to compare (whole number, default 1; 12 for year-on-year on monthly totals).
 * @returns (last - earlier) ÷ |earlier|, e.g. 0.25 for +25%.
 * @example =SALES.GROWTH(B2:B37, 12)
 */
export function growthFunction(values: any[][], lag?: any): number {
  return excel(() => {
    const series = readNumbers(values, "Value");
    if (isError(series)) return series;
    const back = readNumberArg(lag, "lag", 1);
    if (isError(back)) return back;
    return growth(series, back);
  });
}
