/**
 * Wins and losses by competitor (deals closed in the period that name the competitor), with
 * the win rate against each, charted as stacked wins and losses.
 */
import { TABLES } from "../../../model/schema";
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
  rowsOf,
  tableRows,
} from "../layout";
import { CAPACITY, CHART_PREFIX } from "../types";
import { SectionDef } from "./section";

function competitorRows(ctx: PlanContext): ListRow[] {
  const { input } = ctx;
  return input.data
    ? dataRows(input.data.competitors, null, CAPACITY.competitors)
    : tableRows(
        TABLES.competitors,
        "Competitor",
        Math.min(input.competitors, CAPACITY.competitors)
      );
}

function competitorCount(ctx: PlanContext): number {
  return ctx.input.data ? ctx.input.data.competitors.length : ctx.input.competitors;
}

/** The by-competitor section. */
export const competitors: SectionDef = {
  key: "competitors",
  title: CAPTIONS.byCompetitor,
  headers: [CAPTIONS.competitor, CAPTIONS.wins, CAPTIONS.losses, CAPTIONS.winRate],
  reserved: () => CAPACITY.competitors,
  used: (ctx) => Math.min(competitorCount(ctx), CAPACITY.competitors),
  withChart: true,
  fill: (ctx, { first, used, chart }) => {
    const { t, f, fmt, draft } = ctx;
    if (competitorCount(ctx) > CAPACITY.competitors)
      draft.warnings.push({ code: "competitorsCapped", params: { count: CAPACITY.competitors } });
    if (!used) {
      draft.warnings.push({ code: "emptyTable", params: { table: TABLES.competitors } });
      emptyState(ctx, first, CAPTIONS.emptyCompetitors);
      return;
    }
    const list = competitorRows(ctx);
    const cell = (i: number, k: number): string => cellAddress(first + i, col(k));
    draft.block(
      first,
      col(0),
      list.map((r) => [r.label]),
      "cell"
    );
    draft.block(
      first,
      col(1),
      columnOf(used, (i) => `=${f.competitorCount(f.won, cell(i, 0))}`),
      "cell",
      fmt.count
    );
    draft.block(
      first,
      col(2),
      columnOf(used, (i) => `=${f.competitorCount(f.lost, cell(i, 0))}`),
      "cell",
      fmt.count
    );
    // Win rate against a competitor = wins ÷ (wins + losses) of the two columns beside it.
    draft.block(
      first,
      col(3),
      columnOf(used, (i) => {
        const w = cell(i, 1);
        const l = cell(i, 2);
        return `=IF(${w}+${l}=0,"",${w}/(${w}+${l}))`;
      }),
      "cell",
      fmt.percent
    );
    draft.charts.push({
      key: "competitors",
      name: `${CHART_PREFIX}competitors`,
      type: "BarStacked",
      title: t(CAPTIONS.chartCompetitors),
      ...chart,
      categories: rowsOf(first, used, col(0)),
      series: [
        { name: t(CAPTIONS.wins), values: rowsOf(first, used, col(1)), color: COLORS.wins },
        { name: t(CAPTIONS.losses), values: rowsOf(first, used, col(2)), color: COLORS.losses },
      ],
      valueFormat: fmt.count,
    });
  },
};
