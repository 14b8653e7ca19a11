/**
 * Leads and conversion by source: leads created in the period, converted, and conversion per
 * source of the Leads dropdown, charted as a doughnut of leads.
 */
import { LEAD_SOURCES, TABLES } from "../../../model/schema";
import { cellAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import { COLORS, columnOf, col, ratio, rowsOf } from "../layout";
import { CHART_PREFIX, DASH_NAMES } from "../types";
import { SectionDef } from "./section";

/** The by-source section. */
export const sources: SectionDef = {
  key: "sources",
  title: CAPTIONS.bySource,
  headers: [CAPTIONS.source, CAPTIONS.leads, CAPTIONS.converted, CAPTIONS.conversion],
  reserved: () => LEAD_SOURCES.length,
  used: () => LEAD_SOURCES.length,
  withChart: true,
  fill: ({ t, f, fmt, draft }, { first, used, chart }) => {
    const L = TABLES.leads;
    const N = DASH_NAMES;
    const cell = (i: number, k: number): string => cellAddress(first + i, col(k));
    const leadCriteria = (i: number): string =>
      `${L}[Source],${cell(i, 0)},${L}[Owner],${N.ownerCriteria},${f.dateCriteria(`${L}[Created]`, N.from, N.to)}`;
    draft.block(
      first,
      col(0),
      LEAD_SOURCES.map((s) => [s]),
      "cell"
    );
    draft.block(
      first,
      col(1),
      columnOf(used, (i) => `=COUNTIFS(${leadCriteria(i)})`),
      "cell",
      fmt.count
    );
    draft.block(
      first,
      col(2),
      columnOf(used, (i) => `=COUNTIFS(${leadCriteria(i)},${L}[Converted],TRUE)`),
      "cell",
      fmt.count
    );
    // Conversion = converted ÷ leads of the two columns beside it: traceable at a glance.
    draft.block(
      first,
      col(3),
      columnOf(used, (i) => ratio(cell(i, 2), cell(i, 1))),
      "cell",
      fmt.percent
    );
    draft.charts.push({
      key: "sources",
      name: `${CHART_PREFIX}sources`,
      type: "Doughnut",
      title: t(CAPTIONS.chartSources),
      ...chart,
      categories: rowsOf(first, used, col(0)),
      series: [
        { name: t(CAPTIONS.leads), values: rowsOf(first, used, col(1)), color: COLORS.sources },
      ],
    });
  },
};
