/**
 * Forecast categories by owner, as Salesforce's forecasts roll them up (Closed; Commit = Commit
 * + Closed; Best Case = Best Case + Commit + Closed; Pipeline = Pipeline + Best Case + Commit;
 * Omitted never counts), for the deals closing in the period (won deals by their closed date,
 * open ones by their expected close), beside each owner's target; the total row adds the
 * statistical forecast of the period's months ahead (the monthly section's forecast). A blank
 * category takes its stage's category from the Stages table. Follows the Period and Owner
 * filters; charted as commit and best case against target.
 */
import { Caption, TABLES } from "../../../model/schema";
import { rectAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import { COLORS, Formats, PlanContext, TOTAL_REF, col, listSection } from "../layout";
import { CAPACITY, DASH_NAMES } from "../types";
import { ownerRows } from "./owners";
import { FIRST_SECTION_DATA_ROW } from "./section";

const D = TABLES.deals;
const N = DASH_NAMES;

/** The monthly section's forecast months and values (current month and the two after it). */
const forecastRows = (k: number): string =>
  rectAddress({
    row: FIRST_SECTION_DATA_ROW + CAPACITY.historyMonths,
    col: col(k),
    rows: CAPACITY.forecastMonths,
    cols: 1,
  });

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
      // The statistical forecast is the team's (SALES.FORECAST_SALES of the monthly section):
      // its months inside the period, on the total row.
      header: CAPTIONS.statisticalForecast,
      formula: (_, owner) =>
        owner === TOTAL_REF
          ? `IFERROR(SUMIFS(${forecastRows(3)},${forecastRows(0)},">="&DATE(YEAR(${N.from}),MONTH(${N.from}),1),${forecastRows(0)},"<="&${N.to}),"")`
          : '""',
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
