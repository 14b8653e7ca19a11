/**
 * Leads and conversion by source: leads created in the period, converted, and conversion per
 * source, charted as a doughnut of leads. Sources come from the data (the dropdown's order
 * first); leads without a source get their own row, so the column adds up to New leads.
 */
import { LEAD_SOURCES, TABLES } from "../../../model/schema";
import { CAPTIONS } from "../captions";
import { COLORS, ListRow, PlanContext, dataRows, listSection, ratio } from "../layout";
import { DASH_NAMES } from "../types";

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

function leadCriteria({ f }: PlanContext, source: string): string {
  const L = TABLES.leads;
  const N = DASH_NAMES;
  return `${L}[Source],${source},${L}[Owner],${N.ownerCriteria},${f.dateCriteria(`${L}[Created]`, N.from, N.to)}`;
}

/** The by-source section. */
export const sources = listSection({
  key: "sources",
  title: CAPTIONS.bySource,
  label: CAPTIONS.source,
  reserved: RESERVED,
  rows: sourceRows,
  empty: CAPTIONS.emptySources,
  columns: [
    {
      header: CAPTIONS.leads,
      formula: (ctx, source) => `COUNTIFS(${leadCriteria(ctx, source)})`,
      format: (fmt) => fmt.count,
    },
    {
      header: CAPTIONS.converted,
      formula: (ctx, source) =>
        `COUNTIFS(${leadCriteria(ctx, source)},${TABLES.leads}[Converted],TRUE)`,
      format: (fmt) => fmt.count,
    },
    {
      // Conversion = converted ÷ leads of the two columns beside it: traceable at a glance.
      header: CAPTIONS.conversion,
      formula: (_, __, cell) => ratio(cell(2), cell(1)).slice(1),
      format: (fmt) => fmt.percent,
    },
  ],
  chart: {
    key: "sources",
    type: "Doughnut",
    title: CAPTIONS.chartSources,
    series: [{ column: 1, color: COLORS.sources }],
  },
});
