/**
 * Why deals are lost: lost deals closed in the period (Owner filter applied) counted and summed
 * by loss reason (Pipedrive "Lost reason", Salesforce "Loss Reason", HubSpot "Closed lost
 * reason", imported into Deals[Loss Reason]) and by competitor. Deals lost without a reason get
 * their own row, so the reason table adds up to every lost deal of the period.
 */
import { TABLES } from "../../../model/schema";
import { CAPTIONS } from "../captions";
import { lit } from "../formulas";
import { COLORS, ListColumn, ListRow, PlanContext, dataRows, listSection } from "../layout";
import { CAPACITY, DASH_NAMES } from "../types";
import { competitorCount, competitorRows } from "./competitors";

/** Loss reasons listed (the rest: a warning). */
const REASONS = 12;

function reasonRows(ctx: PlanContext): ListRow[] {
  const reasons = ctx.input.data?.lossReasons ?? [];
  return reasons.length ? dataRows(reasons, ctx.t(CAPTIONS.noReason), REASONS) : [];
}

/** Criteria pairs: lost with this label, the Owner filter, closed in the period. */
function lostCriteria({ f }: PlanContext, label: string): string {
  const D = TABLES.deals;
  const N = DASH_NAMES;
  return `${D}[Stage],${lit(label)},${D}[Owner],${N.ownerCriteria},${f.dateCriteria(`${D}[Closed Date]`, N.from, N.to)}`;
}

/** Σ over the lost labels of COUNTIFS/SUMIFS with one more criteria pair. */
function lost(ctx: PlanContext, amount: boolean, column: string, criterion: string): string {
  const D = TABLES.deals;
  return ctx.f.lost
    .map((label) =>
      amount
        ? `SUMIFS(${ctx.f.amount},${D}[${column}],${criterion},${lostCriteria(ctx, label)})`
        : `COUNTIFS(${D}[${column}],${criterion},${lostCriteria(ctx, label)})`
    )
    .join("+");
}

/**
 * The two columns of a loss table: lost deals and lost amount matching the row on a column.
 *
 * @param column the Deals column the rows are values of
 * @param criterion the criterion from the row's `ref` and its label cell
 * @returns the columns
 */
function lostColumns(
  column: string,
  criterion: (ref: string, label: string) => string
): ListColumn[] {
  return [false, true].map((amount) => ({
    header: amount ? CAPTIONS.lostAmount : CAPTIONS.lostDeals,
    formula: (ctx, ref, cell) => lost(ctx, amount, column, criterion(ref, cell(0))),
    format: (fmt) => (amount ? fmt.money : fmt.count),
  }));
}

/** Lost deals by loss reason. */
export const lossReasons = listSection({
  key: "lossReasons",
  title: CAPTIONS.lossReasons,
  label: CAPTIONS.reason,
  reserved: REASONS + 1,
  rows: reasonRows,
  total: (ctx) => ctx.input.data?.lossReasons?.length ?? 0,
  overflowWarning: (n) => ({ code: "lossReasonsCapped", params: { count: n - 1 } }),
  empty: CAPTIONS.emptyLossReasons,
  columns: lostColumns("Loss Reason", (reason) => reason),
  chart: {
    key: "lossReasons",
    type: "BarClustered",
    title: CAPTIONS.chartLossReasons,
    series: [{ column: 2, color: COLORS.losses }],
    valueFormat: (fmt) => fmt.money,
  },
});

/** Lost deals by competitor (a deal naming several competitors counts for each). */
export const lossCompetitors = listSection({
  key: "lossCompetitors",
  title: CAPTIONS.lossCompetitors,
  label: CAPTIONS.competitor,
  reserved: CAPACITY.competitors,
  rows: competitorRows,
  total: competitorCount,
  empty: CAPTIONS.emptyCompetitors,
  columns: lostColumns("Competitor", (_, label) => `"*"&${label}&"*"`),
  chart: {
    key: "lossCompetitors",
    type: "BarClustered",
    title: CAPTIONS.chartLossCompetitors,
    series: [{ column: 2, color: COLORS.losses }],
    valueFormat: (fmt) => fmt.money,
  },
});
