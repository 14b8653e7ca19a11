import { optionalRange, readNumberArg } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { withoutHeaderRow } from "../../engine/headerRow";
import { growth } from "../../engine/metrics/growth";
import { readSeriesSpan } from "../../engine/series";
import { excel } from "../adapter";

/**
 * Growth: change of the last value against the value lag periods earlier, as a fraction.
 * @customfunction GROWTH
 * @param values The series in time order, e.g. monthly totals. Blanks count as 0; zeros after the last non-zero value (empty rows below the data) are left out, so the last filled period is compared; growth from a 0 or blank period is #DIV/0!.
 * @param [lag] How many periods back to compare (whole number, default 1; 12 for year-on-year on monthly totals). Blank or 0 means the default.
 * @param [timeline] Each value's date, same size as values, as in FORECAST.ETS: rows with a blank or 0 date are ignored, dates evenly spaced, missing periods filled in, a date twice is an error.
 * @returns (last - earlier) ÷ |earlier|, e.g. 0.25 for +25%.
 * @example =SALES.GROWTH(B2:B37, 12, A2:A37)
 */
export function growthFunction(values: any[][], lag?: any, timeline?: any[][]): number {
  return excel(() => {
    timeline = optionalRange(timeline, values);
    [values, timeline] = withoutHeaderRow(["number", values], ["date", timeline]);
    const back = readNumberArg(lag, "lag", 1, true);
    if (isError(back)) return back;
    const series = readSeriesSpan(values, timeline, "values", "Value");
    if (isError(series)) return series;
    return growth(series.values, back, series.leading);
  });
}
