/**
 * Leads and conversion by source: leads created in the period, converted, and conversion per
 * source, charted as a doughnut of leads. Sources come from the data (the dropdown's order
 * first); leads without a source get their own row, so the column adds up to New leads.
 */
import { LEAD_SOURCES, TABLES } from "../../../model/schema";
import { cellAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import {
  COLORS,
  ListRow,
  PlanContext,
  columnOf,
  col,
  dataRows,
  emptyState,
  ratio,
  rowsOf,
} from "../layout";
import { CHART_PREFIX, DASH_NAMES } from "../types";
import { SectionDef } from "./section";

/** Rows reserved: the dropdown's sources and a few more from the data. */
const RESERVED = LEAD_SOURCES.length;

function sourceRows(ctx: PlanContext): ListRow[] {
  const { input, t } = ctx;
  if (!input.data)
    return dataRows(LEAD_SOURCES, null, RESERVED).map((r, i) => ({
      label: LEAD_SOURCES[i],
      ref: r.ref,
    }));
  const blank = input.data.blankSource ? t(CAPTIONS.noSource) : null;
  return dataRows(input.data.sources, blank, RESERVED);
}

/** The by-source section. */
export const sources: SectionDef = {
  key: "sources",
  title: CAPTIONS.bySource,
  headers: [CAPTIONS.source, CAPTIONS.leads, CAPTIONS.converted, CAPTIONS.conversion],
  reserved: () => RESERVED,
  used: (ctx) => sourceRows(ctx).length,
  withChart: true,
  fill: (ctx, { first, used, chart }) => {
    const { t, f, fmt, draft } = ctx;
    const L = TABLES.leads;
    const N = DASH_NAMES;
    if (!used) {
      emptyState(ctx, first, CAPTIONS.emptySources);
      return;
    }
    const list = sourceRows(ctx);
    const cell = (i: number, k: number): string => cellAddress(first + i, col(k));
    const leadCriteria = (i: number): string =>
      `${L}[Source],${list[i].ref(cell(i, 0))},${L}[Owner],${N.ownerCriteria},${f.dateCriteria(`${L}[Created]`, N.from, N.to)}`;
    draft.block(
      first,
      col(0),
      list.map((r) => [r.label]),
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
