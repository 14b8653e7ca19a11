/**
 * Win rate and won revenue by owner (every owner; follows the period): won revenue, target,
 * attainment and win rate per owner, charted as win rate by owner. Owners come from the data
 * (and the Owners table); deals without an owner get their own row, so the column adds up to the
 * Won revenue tile.
 */
import { TABLES } from "../../../model/schema";
import { CAPTIONS } from "../captions";
import { COLORS, ListRow, PlanContext, dataRows, listSection, ratio, tableRows } from "../layout";
import { CAPACITY, DASH_NAMES } from "../types";

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

const N = DASH_NAMES;

/** The by-owner section. */
export const owners = listSection({
  key: "owners",
  title: CAPTIONS.byOwner,
  label: CAPTIONS.owner,
  reserved: CAPACITY.owners,
  rows: ownerRows,
  empty: CAPTIONS.emptyOwners,
  emptyWarning: { code: "emptyTable", params: { table: TABLES.owners } },
  columns: [
    {
      header: CAPTIONS.wonRevenue,
      formula: ({ f }, owner) => f.wonRevenue(N.from, N.to, owner),
      format: (fmt) => fmt.money,
    },
    {
      header: CAPTIONS.target,
      formula: ({ f }, owner) => f.target(N.from, N.to, owner),
      format: (fmt) => fmt.money,
    },
    {
      header: CAPTIONS.attainment,
      formula: (_, __, cell) => ratio(cell(1), cell(2)).slice(1),
      format: (fmt) => fmt.percent,
    },
    {
      header: CAPTIONS.winRate,
      formula: ({ f }, owner) =>
        `IFERROR(SALES.WIN_RATE(${f.stagesIn(`(${TABLES.deals}[Owner]=${owner})*${f.closedIn(N.from, N.to)}`)},,,,${f.stageTable}),"")`,
      format: (fmt) => fmt.percent,
    },
  ],
  chart: {
    key: "owners",
    type: "BarClustered",
    title: CAPTIONS.chartOwners,
    series: [{ column: 4, color: COLORS.winRate }],
    valueFormat: (fmt) => fmt.percent,
  },
});
