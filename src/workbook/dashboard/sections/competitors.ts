/**
 * Wins and losses by competitor (deals closed in the period that name the competitor), with
 * the win rate against each, charted as stacked wins and losses.
 */
import { TABLES } from "../../../model/schema";
import { CAPTIONS } from "../captions";
import { COLORS, ListRow, PlanContext, dataRows, listSection, tableRows } from "../layout";
import { CAPACITY } from "../types";

/**
 * The competitor rows: from the data when the build read it, else the Competitors table.
 *
 * @param ctx the plan context
 * @returns the rows, at most the reserved number
 */
export function competitorRows(ctx: PlanContext): ListRow[] {
  const { input } = ctx;
  return input.data
    ? dataRows(input.data.competitors, null, CAPACITY.competitors)
    : tableRows(
        TABLES.competitors,
        "Competitor",
        Math.min(input.competitors, CAPACITY.competitors)
      );
}

/**
 * How many competitors the data names (more than the reserved rows: a warning).
 *
 * @param ctx the plan context
 * @returns the count
 */
export function competitorCount(ctx: PlanContext): number {
  return ctx.input.data ? ctx.input.data.competitors.length : ctx.input.competitors;
}

/** The by-competitor section. */
export const competitors = listSection({
  key: "competitors",
  title: CAPTIONS.byCompetitor,
  label: CAPTIONS.competitor,
  reserved: CAPACITY.competitors,
  rows: competitorRows,
  total: competitorCount,
  overflowWarning: (n) => ({ code: "competitorsCapped", params: { count: n } }),
  empty: CAPTIONS.emptyCompetitors,
  emptyWarning: { code: "emptyTable", params: { table: TABLES.competitors } },
  columns: [
    {
      header: CAPTIONS.wins,
      formula: ({ f }, _, cell) => f.competitorCount(f.won, cell(0)),
      format: (fmt) => fmt.count,
    },
    {
      header: CAPTIONS.losses,
      formula: ({ f }, _, cell) => f.competitorCount(f.lost, cell(0)),
      format: (fmt) => fmt.count,
    },
    {
      // Win rate against a competitor = wins ÷ (wins + losses) of the two columns beside it.
      header: CAPTIONS.winRate,
      formula: (_, __, cell) => {
        const w = cell(1);
        const l = cell(2);
        return `IF(${w}+${l}=0,"",${w}/(${w}+${l}))`;
      },
      format: (fmt) => fmt.percent,
    },
  ],
  chart: {
    key: "competitors",
    type: "BarStacked",
    title: CAPTIONS.chartCompetitors,
    series: [
      { column: 1, color: COLORS.wins },
      { column: 2, color: COLORS.losses },
    ],
    valueFormat: (fmt) => fmt.count,
  },
});
