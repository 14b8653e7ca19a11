/**
 * What changed in the pipeline since the previous import: SALES.PIPELINE_CHANGES over the
 * History table (the last two snapshots of the Snapshots index, this fiscal quarter's close
 * dates, the fiscal-year start of the Settings sheet), spilled as Change | Deals | Amount, and a
 * column chart of the amounts from the starting to the ending pipeline. A workbook without the
 * History table, or with fewer than two snapshots, shows the section empty.
 */
import { NAMES, TABLES } from "../../../model/schema";
import { CAPTIONS } from "../captions";
import { COLORS, col, rowsOf } from "../layout";
import { CHART_PREFIX } from "../types";
import { SectionDef } from "./section";

/** Rows PIPELINE_CHANGES spills: start, 8 bars, end, moved forward, moved backward. */
const ROWS = 12;
/** The waterfall's rows: start, the 8 bars, end. */
const WATERFALL_ROWS = 10;

/** The what-changed section. */
export const changes: SectionDef = {
  key: "changes",
  title: CAPTIONS.whatChanged,
  headers: [CAPTIONS.change, CAPTIONS.deals, CAPTIONS.amount],
  reserved: () => ROWS,
  used: () => ROWS,
  withChart: true,
  fill: ({ t, fmt, draft }, { first, chart }) => {
    const formula =
      `=IFERROR(SALES.PIPELINE_CHANGES(${TABLES.history}[#All],${TABLES.stages}[Stage],` +
      `"This fiscal quarter",${NAMES.fiscalYearStart},,,,${TABLES.snapshots}[Snapshot]),"")`;
    draft.cell(first, col(0), formula, "cell");
    draft.format(first + 1, col(0), ROWS - 1, 1, "cell");
    draft.format(first, col(1), ROWS, 1, "cell", fmt.count);
    draft.format(first, col(2), ROWS, 1, "cell", fmt.money);
    draft.charts.push({
      key: "changes",
      name: `${CHART_PREFIX}changes`,
      type: "ColumnClustered",
      title: t(CAPTIONS.chartChanges),
      ...chart,
      categories: rowsOf(first, WATERFALL_ROWS, col(0)),
      series: [
        {
          name: t(CAPTIONS.amount),
          values: rowsOf(first, WATERFALL_ROWS, col(2)),
          color: COLORS.pipeline,
        },
      ],
      valueFormat: fmt.money,
    });
  },
};
