/**
 * Win rate and won revenue by owner (every owner; follows the period): won revenue, target,
 * attainment and win rate per owner, charted as win rate by owner. Owners come from the data
 * (and the Owners table); deals without an owner get their own row, so the column adds up to the
 * Won revenue tile.
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
  ratio,
  rowsOf,
  tableRows,
} from "../layout";
import { CAPACITY, CHART_PREFIX, DASH_NAMES } from "../types";
import { SectionDef } from "./section";

/**
 * The owner rows: from the data when the build read it, else the Owners table's first rows.
 *
 * @param ctx the plan context
 * @returns the rows, at most the reserved number
 */
export function ownerRows(ctx: PlanContext): ListRow[] {
  const { input, t } = ctx;
  if (!input.data)
    return tableRows(TABLES.owners, "Owner", Math.min(input.owners, CAPACITY.owners));
  const blank = input.data.blankOwner ? t(CAPTIONS.noOwner) : null;
  return dataRows(input.data.owners, blank, CAPACITY.owners);
}

/** The by-owner section. */
export const owners: SectionDef = {
  key: "owners",
  title: CAPTIONS.byOwner,
  headers: [
    CAPTIONS.owner,
    CAPTIONS.wonRevenue,
    CAPTIONS.target,
    CAPTIONS.attainment,
    CAPTIONS.winRate,
  ],
  reserved: () => CAPACITY.owners,
  used: (ctx) => ownerRows(ctx).length,
  withChart: true,
  fill: (ctx, { first, used, chart }) => {
    const { t, f, fmt, draft } = ctx;
    const D = TABLES.deals;
    const N = DASH_NAMES;
    if (!used) {
      draft.warnings.push({ code: "emptyTable", params: { table: TABLES.owners } });
      emptyState(ctx, first, CAPTIONS.emptyOwners);
      return;
    }
    const list = ownerRows(ctx);
    const cell = (i: number, k: number): string => cellAddress(first + i, col(k));
    const owner = (i: number): string => list[i].ref(cell(i, 0));
    draft.block(
      first,
      col(0),
      list.map((r) => [r.label]),
      "cell"
    );
    draft.block(
      first,
      col(1),
      columnOf(used, (i) => `=${f.wonRevenue(N.from, N.to, owner(i))}`),
      "cell",
      fmt.money
    );
    draft.block(
      first,
      col(2),
      columnOf(used, (i) => `=${f.target(N.from, N.to, owner(i))}`),
      "cell",
      fmt.money
    );
    draft.block(
      first,
      col(3),
      columnOf(used, (i) => ratio(cell(i, 1), cell(i, 2))),
      "cell",
      fmt.percent
    );
    draft.block(
      first,
      col(4),
      columnOf(
        used,
        (i) =>
          `=IFERROR(SALES.WIN_RATE(${f.stagesIn(`(${D}[Owner]=${owner(i)})*${f.closedIn(N.from, N.to)}`)}),"")`
      ),
      "cell",
      fmt.percent
    );
    draft.charts.push({
      key: "owners",
      name: `${CHART_PREFIX}owners`,
      type: "BarClustered",
      title: t(CAPTIONS.chartOwners),
      ...chart,
      categories: rowsOf(first, used, col(0)),
      series: [
        { name: t(CAPTIONS.winRate), values: rowsOf(first, used, col(4)), color: COLORS.winRate },
      ],
      valueFormat: fmt.percent,
    });
  },
};
