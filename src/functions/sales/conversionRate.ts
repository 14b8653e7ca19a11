import { readFlags, readLabelList, readLabels } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { callLabels } from "../../engine/callLabels";
import { withoutHeaderRow, withoutTitleRow } from "../../engine/headerRow";
import { errors } from "../../engine/messages";
import { conversionByFlags, conversionByLabels } from "../../engine/metrics/conversionRate";
import { excel } from "../adapter";

/**
 * Conversion rate: share of records that converted, from status labels or from yes/no flags.
 * @customfunction CONVERSION_RATE
 * @param values Each record's status (e.g. Leads[Status]); without converted, yes/no flags (TRUE/FALSE, 1/0, yes/no, y/n). Blanks are ignored; a 0 is no in a 1/0 column and a blank among TRUE/FALSE or yes/no. Each row is one record: a lead exported twice counts twice. A column title selected with the data (B:B, e.g. Lead Status) is not a record unless converted or base lists it.
 * @param [converted] Statuses that mean converted: a range (one status per cell) or one text; a text with commas is a list unless a status has that whole name. Omit to read values as flags.
 * @param [base] Statuses that make up the denominator; rows with a converted status always count in it (a converted lead was a lead), so the rate never exceeds 100%. Default: every non-blank value.
 * @returns The conversion rate as a fraction (format as %).
 * @example =SALES.CONVERSION_RATE(Leads[Status], "Closed - Converted", "Closed - Converted, Closed - Not Converted")
 */
export function conversionRateFunction(
  values: any[][],
  converted?: any[][],
  base?: any[][]
): number {
  return excel(() => {
    // With statuses a title ("Lead Status") is told by name; yes/no flags tell it by type (below).
    if (readLabelList(converted) !== null)
      [values] = withoutTitleRow(callLabels([converted, base]), ["text", values]);
    let labels: (string | null)[] | null = null;
    const read = (): (string | null)[] => (labels ??= readLabels(values));
    let present: Set<string> | null = null;
    const has = (label: string): boolean => {
      present ??= new Set(read().filter((l): l is string => l !== null));
      return present.has(label);
    };
    const convertedLabels = readLabelList(converted, has);
    const baseLabels = readLabelList(base, has);
    if (convertedLabels === null) {
      if (baseLabels !== null) return errors.needsArgument("base", "converted");
      const [flagged] = withoutHeaderRow(["flag", values]);
      const flags = readFlags(flagged, "Value");
      return isError(flags) ? flags : conversionByFlags(flags);
    }
    return conversionByLabels(read(), convertedLabels, baseLabels);
  });
}
