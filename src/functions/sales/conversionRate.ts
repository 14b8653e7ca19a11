import { readFlags, readLabelList, readLabels } from "../../engine/cells";
import { isError } from "../../engine/errors";
import { errors } from "../../engine/messages";
import { conversionByFlags, conversionByLabels } from "../../engine/metrics/conversionRate";
import { excel } from "../adapter";

/**
 * Conversion rate: share of records that converted, from status labels or from yes/no flags.
 * @customfunction CONVERSION_RATE
 * @param values Each record's status (e.g. Leads[Status]); without converted, yes/no flags (TRUE/FALSE, 1/0, yes/no, y/n). A 0 counts as no.
 * @param [converted] Statuses that mean converted (text, comma-separated text or a range). Omit to read values as flags.
 * @param [base] Statuses that make up the denominator (include the converted ones). Default: every non-blank value.
 * @returns The conversion rate as a fraction (format as %).
 * @example =SALES.CONVERSION_RATE(Leads[Status], "Closed - Converted", "Closed - Converted, Closed - Not Converted")
 */
export function conversionRateFunction(
  values: any[][],
  converted?: any[][],
  base?: any[][]
): number {
  return excel(() => {
    const convertedLabels = readLabelList(converted);
    const baseLabels = readLabelList(base);
    if (convertedLabels === null) {
      if (baseLabels !== null) return errors.needsArgument("base", "converted");
      const flags = readFlags(values, "Value");
      return isError(flags) ? flags : conversionByFlags(flags);
    }
    return conversionByLabels(readLabels(values), convertedLabels, baseLabels);
  });
}
