/**
 * Forecast categories by owner, as Salesforce's forecasts roll them up (Closed; Commit = Commit
 * + Closed; Best Case = Best Case + Commit + Closed; Pipeline = Pipeline + Best Case + Commit;
 * Omitted never counts), for the deals closing in the period (won deals by their closed date,
 * open ones by their expected close), beside each owner's target; the total row adds the
 * statistical forecast of the period (its complete months' won revenue plus the forecast of the
 * rest, `periodForecast`). A blank category takes its stage's category from the Stages table.
 * Follows the Period and Owner filters; charted as commit and best case against target.
 */
import { Caption, TABLES } from "../../../model/schema";
import { cellAddress, rectAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import { COLORS, Formats, PlanContext, TOTAL_REF, col, listSection } from "../layout";
import { CAPACITY, DASH_NAMES } from "../types";
import { ownerRows } from "./owners";
import { HISTORY_RANGE } from "./monthly";
import { FIRST_SECTION_DATA_ROW } from "./section";

const D = TABLES.deals;
const N = DASH_NAMES;

/** The monthly section's complete months (column 0) and their won revenue (column 1). */
const historyColumn = (k: number): string =>
  rectAddress({ row: FIRST_SECTION_DATA_ROW, col: col(k), rows: CAPACITY.historyMonths, cols: 1 });

/**
 * The period's statistical forecast on the team's scale, comparable with the roll-ups beside it
 * (which count the deals already closed): the won revenue of the period's complete months plus
 * SALES.FORECAST_SALES of its months from the current one on, from the same monthly history the
 * monthly section forecasts; the current month counts at least what it has already won (a
 * projection below the deals already closed would read as nonsense). Blank for a period that is
 * over (nothing to forecast) or that ends more months ahead than the history is long.
 */
function periodForecast(): string {
  const asOf = N.asOf;
  // Months from the current month to the period's end, and those before the period starts.
  const ahead = `((YEAR(${N.to})-YEAR(${asOf}))*12+MONTH(${N.to})-MONTH(${asOf})+1)`;
  const before = `MAX(0,(YEAR(${N.from})-YEAR(${asOf}))*12+MONTH(${N.from})-MONTH(${asOf}))`;
  const month = historyColumn(0);
  const actual = `SUMIFS(${HISTORY_RANGE},${month},">="&DATE(YEAR(${N.from}),MONTH(${N.from}),1),${month},"<="&${N.to})`;
  const path = `SALES.FORECAST_SALES(${HISTORY_RANGE},${ahead})`;
  const forecastPart = `SUMPRODUCT(${path}*(SEQUENCE(${ahead})>${before}))`;
  // The monthly section's row after the complete months: the current month's won revenue so far.
  const wonSoFar = cellAddress(FIRST_SECTION_DATA_ROW + CAPACITY.historyMonths, col(1));
  const floor = `IF(${before}=0,MAX(0,${wonSoFar}-INDEX(${path},1)),0)`;
  return `IFERROR(IF(OR(${ahead}<1,${ahead}>${CAPACITY.historyMonths}),"",${actual}+${forecastPart}+${floor}),"")`;
}

/**
 * One roll-up for one owner row (or the total row) inside the filters.
 *
 * @param ctx the plan context
 * @param rollup "Closed", "Commit", "Best Case" or "Pipeline"
 * @param owner how a formula names the row's owner, or TOTAL_REF
 * @returns the formula (without "=")
 */
function rollup(ctx: PlanContext, rollup: string, owner: string): string {
  const { f } = ctx;
  const who = owner === TOTAL_REF ? "" : `(${D}[Owner]=${owner})*`;
  const closing = `IF(${D}[Closed Date]<>"",${D}[Closed Date],${D}[Expected Close])`;
  const mask = f.amountMask(`${who}${f.dealOwnerMask}*${f.dateIn(closing, N.from, N.to)}`);
  return (
    `IFERROR(SALES.FORECAST_CATEGORY(${D}[Forecast Category],IF(${mask},${f.amount},0),` +
    `${D}[Expected Close],"${rollup}","All",,,,${D}[Stage],${TABLES.stages}[[Stage]:[Forecast Category]]),"")`
  );
}

/** The roll-up columns and FORECAST_CATEGORY's names for them. */
const ROLLUP_COLUMNS: readonly (readonly [Caption, string])[] = [
  [CAPTIONS.categoryClosed, "Closed"],
  [CAPTIONS.categoryCommit, "Commit"],
  [CAPTIONS.categoryBestCase, "Best Case"],
  [CAPTIONS.categoryPipeline, "Pipeline"],
];

/** The forecast-categories section. */
export const forecastCategories = listSection({
  key: "forecastCategories",
  title: CAPTIONS.forecastCategories,
  label: CAPTIONS.owner,
  reserved: CAPACITY.owners,
  rows: ownerRows,
  empty: CAPTIONS.emptyOwners,
  totalRow: CAPTIONS.total,
  chartBelow: true,
  columns: [
    ...ROLLUP_COLUMNS.map(([header, name]) => ({
      header,
      formula: (ctx: PlanContext, owner: string) => rollup(ctx, name, owner),
      format: (fmt: Formats) => fmt.money,
    })),
    {
      header: CAPTIONS.target,
      formula: ({ f }, owner) =>
        f.target(N.from, N.to, owner === TOTAL_REF ? N.ownerCriteria : owner),
      format: (fmt) => fmt.money,
    },
    {
      // On the total row only: the forecast is made from the monthly won revenue of everyone
      // inside the Owner filter, not per owner.
      header: CAPTIONS.statisticalForecast,
      formula: (_, owner) => (owner === TOTAL_REF ? periodForecast() : '""'),
      format: (fmt) => fmt.money,
    },
  ],
  chart: {
    key: "forecastCategories",
    type: "ColumnClustered",
    title: CAPTIONS.chartForecastCategories,
    series: [
      { column: 2, color: COLORS.wins },
      { column: 3, color: COLORS.pipeline },
      { column: 5, color: COLORS.target },
    ],
    valueFormat: (fmt) => fmt.money,
  },
});
