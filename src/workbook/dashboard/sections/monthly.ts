/**
 * Won revenue by month with target, forecast and attainment: 24 complete months, the current
 * month and the two after it, one SALES.PERIOD_TOTALS spill and one SALES.FORECAST_SALES spill.
 */
import { TABLES } from "../../../model/schema";
import { cellAddress, rectAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import { COLORS, columnOf, col, rowsOf } from "../layout";
import { CAPACITY, CHART_PREFIX, DASH_NAMES } from "../types";
import { FIRST_SECTION_DATA_ROW, SectionDef } from "./section";

const ROWS = CAPACITY.historyMonths + CAPACITY.forecastMonths;

/** The monthly won revenue of the complete history months (the forecast tile reads it too). */
export const HISTORY_RANGE = rectAddress({
  row: FIRST_SECTION_DATA_ROW,
  col: col(1),
  rows: CAPACITY.historyMonths,
  cols: 1,
});

/** The monthly section. */
export const monthly: SectionDef = {
  key: "monthly",
  title: CAPTIONS.monthly,
  headers: [
    CAPTIONS.month,
    CAPTIONS.wonRevenue,
    CAPTIONS.target,
    CAPTIONS.forecast,
    CAPTIONS.attainment,
  ],
  reserved: () => ROWS,
  used: () => ROWS,
  withChart: true,
  fill: ({ t, f, fmt, draft }, { first, chart }) => {
    const D = TABLES.deals;
    const asOf = DASH_NAMES.asOf;
    const current = first + CAPACITY.historyMonths; // row of the current month
    const monthStart = `DATE(YEAR(${asOf}),MONTH(${asOf}),1)`;
    draft.cell(
      first,
      col(0),
      `=SALES.PERIOD_TOTALS(${D}[Closed Date],${f.amount},"month",EDATE(${monthStart},-${CAPACITY.historyMonths}),EOMONTH(${asOf},0),${f.stagesIn(f.amountMask(f.dealOwnerMask))},${f.stageTable})`,
      "cell",
      fmt.month
    );
    // The spill fills the month and revenue columns down to the current month.
    draft.format(first + 1, col(0), CAPACITY.historyMonths, 1, "cell", fmt.month);
    draft.format(first, col(1), CAPACITY.historyMonths + 1, 1, "cell", fmt.money);
    draft.block(
      current + 1,
      col(0),
      columnOf(CAPACITY.forecastMonths - 1, (i) => `=EDATE(${cellAddress(current + i, col(0))},1)`),
      "cell",
      fmt.month
    );
    draft.block(
      first,
      col(2),
      columnOf(ROWS, (i) => {
        const m = cellAddress(first + i, col(0));
        return `=${f.target(m, `EDATE(${m},1)-1`)}`;
      }),
      "cell",
      fmt.money
    );
    draft.format(first, col(3), CAPACITY.historyMonths, 1, "cell", fmt.money);
    draft.cell(
      current,
      col(3),
      // Too little history: blank rather than an error value on the sheet.
      `=IFERROR(SALES.FORECAST_SALES(${HISTORY_RANGE},${CAPACITY.forecastMonths}),"")`,
      "cell",
      fmt.money
    );
    draft.format(current + 1, col(3), CAPACITY.forecastMonths - 1, 1, "cell", fmt.money);
    draft.block(
      first,
      col(4),
      columnOf(ROWS, (i) => {
        const r = first + i;
        return `=IF(OR(${cellAddress(r, col(1))}="",N(${cellAddress(r, col(2))})=0),"",${cellAddress(r, col(1))}/${cellAddress(r, col(2))})`;
      }),
      "cell",
      fmt.percent
    );
    const chartFirst = first + ROWS - CAPACITY.chartMonths;
    const series = (k: number): string => rowsOf(chartFirst, CAPACITY.chartMonths, col(k));
    draft.charts.push({
      key: "revenue",
      name: `${CHART_PREFIX}revenue`,
      type: "ColumnClustered",
      title: t(CAPTIONS.chartRevenue),
      ...chart,
      categories: series(0),
      series: [
        {
          name: t(CAPTIONS.wonRevenue),
          values: series(1),
          chartType: "ColumnClustered",
          color: COLORS.revenue,
        },
        { name: t(CAPTIONS.target), values: series(2), chartType: "Line", color: COLORS.target },
        {
          name: t(CAPTIONS.forecast),
          values: series(3),
          chartType: "Line",
          color: COLORS.forecast,
        },
      ],
      valueFormat: fmt.money,
    });
  },
};
