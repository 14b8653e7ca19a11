/**
 * Win rate and won revenue by owner (every owner; follows the period): won revenue, target,
 * attainment and win rate per owner, charted as win rate by owner.
 */
import { TABLES } from "../../../model/schema";
import { cellAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import { COLORS, PlanContext, columnOf, col, ratio, rowsOf, tableList } from "../layout";
import { CAPACITY, CHART_PREFIX, DASH_NAMES } from "../types";
import { SectionDef } from "./section";

/**
 * Owners listed (the Owners table's first rows, up to the reserved rows).
 *
 * @param ctx the plan context
 * @returns the number of owner rows
 */
export function ownerRows(ctx: PlanContext): number {
  return Math.min(ctx.input.owners, CAPACITY.owners);
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
  used: ownerRows,
  withChart: true,
  fill: ({ t, f, fmt, draft }, { first, used, chart }) => {
    const D = TABLES.deals;
    const N = DASH_NAMES;
    if (!used) {
      draft.warnings.push("The Owners table is empty, so the owner chart is left out.");
      return;
    }
    const cell = (i: number, k: number): string => cellAddress(first + i, col(k));
    draft.block(first, col(0), tableList(TABLES.owners, "Owner", used), "cell");
    draft.block(
      first,
      col(1),
      columnOf(used, (i) => `=${f.wonRevenue(N.from, N.to, cell(i, 0))}`),
      "cell",
      fmt.money
    );
    draft.block(
      first,
      col(2),
      columnOf(used, (i) => `=${f.target(N.from, N.to, cell(i, 0))}`),
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
          `=IFERROR(SALES.WIN_RATE(IF((${D}[Owner]=${cell(i, 0)})*${f.closedIn(N.from, N.to)},${D}[Stage],"")),"")`
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
