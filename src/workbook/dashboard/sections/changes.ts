/**
 * What changed in the pipeline since the previous import: SALES.PIPELINE_CHANGES over the
 * History table (the last two snapshots of the Snapshots index, this fiscal quarter's close
 * dates, the fiscal-year start of the Settings sheet, the Owner filter's deals) with the labels in the workbook's language
 * beside its counts and amounts, a waterfall from the starting to the ending pipeline, and the
 * deals behind each bar. Fewer than two snapshots: the section says to import again.
 *
 * The waterfall is stacked columns over an invisible base (helper columns M..P): Excel's native
 * Waterfall chart type (ExcelApi 1.9) can be created through the API, but no API marks a point
 * as a total, so the ending pipeline would be drawn as one more increase (preview/excel/README.md).
 */
import { TABLES } from "../../../model/schema";
import { cellAddress, rectAddress } from "../../../model/a1";
import { Caption } from "../../../model/schema";
import { PERIOD_CHOICES, PeriodShape, periodShape } from "../../../engine/dashboard/periodWindows";
import { CAPTIONS, PERIOD_LABELS } from "../captions";
import { Formulas, lit } from "../formulas";
import { COLORS, LIST_COL, PlanContext, col, rowsOf } from "../layout";
import { named } from "../periodFormulas";
import { CHART_PREFIX, DASH_NAMES } from "../types";
import { SectionDef, SectionPlace } from "./section";

/** The summary's lines, in PIPELINE_CHANGES's order, with its `list` name for the bars. */
const LINES: readonly { readonly caption: Caption; readonly list?: string }[] = [
  { caption: CAPTIONS.startPipeline },
  { caption: CAPTIONS.changeNew, list: "new" },
  { caption: CAPTIONS.changePulledIn, list: "pulled in" },
  { caption: CAPTIONS.changeAmountUp, list: "amount increased" },
  { caption: CAPTIONS.changeWon, list: "won" },
  { caption: CAPTIONS.changeLost, list: "lost" },
  { caption: CAPTIONS.changePushed, list: "pushed out" },
  { caption: CAPTIONS.changeAmountDown, list: "amount decreased" },
  { caption: CAPTIONS.changeRemoved, list: "removed" },
  { caption: CAPTIONS.endPipeline },
  { caption: CAPTIONS.movedForward },
  { caption: CAPTIONS.movedBackward },
];
/** Rows PIPELINE_CHANGES spills: start, 8 bars, end, moved forward, moved backward. */
const ROWS = LINES.length;
/** The waterfall's rows: start, the 8 bars, end. */
const WATERFALL_ROWS = 10;
/** The bars, with their `list` names. */
const BARS = LINES.filter((l): l is { caption: Caption; list: string } => l.list !== undefined);
/** Deals listed per bar (the largest changes; the summary counts them all). */
export const PER_BAR = 3;

/**
 * Whether the workbook has fewer than two snapshots: in the Snapshots index, or, when the
 * index is empty (PIPELINE_CHANGES then reads the dates in History), among History's dates.
 */
const TOO_FEW =
  `IFERROR(IF(COUNT(${TABLES.snapshots}[Snapshot])>0,COUNT(${TABLES.snapshots}[Snapshot])<2,` +
  `MAX(${TABLES.history}[Snapshot])=MIN(${TABLES.history}[Snapshot])),TRUE)`;

/** The column of What changed's period cells, right of the waterfall's helper columns. */
const PERIOD_COL = LIST_COL + 4;
/** The row (from the first data row) of the period's name in the workbook's language. */
const LOCAL_NAME_ROW = 5;

/**
 * What changed's close-date period, in helper cells (PERIOD_COL, from the header row down):
 * the Period filter's own when it is a quarter or a year (fiscal, or calendar: a year starting
 * in January), else the fiscal quarter of the last snapshot (PIPELINE_CHANGES's default). Cells:
 * the name PIPELINE_CHANGES reads ("FY2027 Q3", named DashChangesPeriod), a date inside the
 * period, the year's start month (DashChangesStart), the year, the quarter, and the name in the
 * workbook's language for the title.
 *
 * @param ctx the plan context
 * @param first the section's first data row
 */
function periodCells(ctx: PlanContext, first: number): void {
  const { t, draft, input } = ctx;
  const N = DASH_NAMES;
  const is = (pred: (s: PeriodShape) => boolean): string =>
    `OR(${PERIOD_CHOICES.filter((c) => {
      const shape = periodShape(c);
      return shape !== null && pred(shape);
    })
      .map((c) => `${N.period}=${lit(PERIOD_LABELS[c][input.language])}`)
      .join(",")})`;
  const isQuarter = is((s) => s.months === 3);
  const isYear = is((s) => s.months === 12);
  const isCalendar = is((s) => !s.fiscal && s.months >= 3);
  const at = (k: number): string => cellAddress(first + k, PERIOD_COL);
  const [day, start, year, quarter] = [at(1), at(2), at(3), at(4)];
  const lastSnapshot = `MAX(${TABLES.snapshots}[Snapshot],${TABLES.history}[Snapshot])`;
  const local = (y: Caption, q: Caption): string =>
    `IF(${isYear},${named(t(y), year, quarter)},${named(t(q), year, quarter)})`;
  draft.block(
    first - 1,
    PERIOD_COL,
    [
      [t(CAPTIONS.period)],
      [`="FY"&${year}&IF(${isYear},""," Q"&${quarter})`],
      [`=IF(OR(${isQuarter},${isYear}),${N.from},${lastSnapshot})`],
      [`=IF(${isCalendar},1,${N.fiscalStart})`],
      [`=YEAR(${day})+IF(AND(${start}>1,MONTH(${day})>=${start}),1,0)`],
      [`=INT(MOD(MONTH(${day})-${start},12)/3)+1`],
      [
        `=IF(${isCalendar},${local(CAPTIONS.calendarYearName, CAPTIONS.calendarQuarterName)},` +
          `${local(CAPTIONS.fiscalYearName, CAPTIONS.fiscalQuarterName)})`,
      ],
    ],
    "helper"
  );
  draft.name(N.changesPeriod, first, PERIOD_COL);
  draft.name(N.changesStart, first + 2, PERIOD_COL);
}

/**
 * The PIPELINE_CHANGES call of the dashboard: What changed's period (DashChangesPeriod), the
 * last two snapshots, the Owner filter's deals.
 *
 * @param f the shared formula pieces (the Owner filter)
 * @param list a `list` name (a bar's deals), or none for the summary
 * @returns the call
 */
export function pipelineChangesCall(f: Formulas, list?: string): string {
  return (
    `SALES.PIPELINE_CHANGES(${TABLES.history}[#All],${f.stageTable},` +
    `${DASH_NAMES.changesPeriod},${DASH_NAMES.changesStart},,,${list ? lit(list) : ""},${TABLES.snapshots}[Snapshot],${f.ownerName})`
  );
}

function waterfall(ctx: PlanContext, first: number, chart: SectionPlace["chart"]): void {
  const { t, fmt, draft } = ctx;
  const amount = (i: number): string => cellAddress(first + i, col(2));
  const upTo = (i: number): string =>
    rectAddress({ row: first, col: col(2), rows: i, cols: 1 }).replace(
      /([A-Z]+)(\d+)/g,
      "$$$1$$$2"
    );
  const rows = Array.from({ length: WATERFALL_ROWS }, (_, i) => {
    const a = `N(${amount(i)})`;
    if (i === 0 || i === WATERFALL_ROWS - 1) return [0, 0, 0, `=${a}`];
    const before = `SUM(${upTo(i)})`;
    return [`=IF(${a}<0,${before}+${a},${before})`, `=MAX(${a},0)`, `=MAX(-${a},0)`, 0];
  });
  const headers = [CAPTIONS.waterfallBase, CAPTIONS.increase, CAPTIONS.decrease, CAPTIONS.total];
  // The waterfall's four helper columns and What changed's period cells beside them.
  draft.areas.push({ row: first - 1, col: LIST_COL, rows: WATERFALL_ROWS + 1, cols: 5 });
  draft.block(first - 1, LIST_COL, [headers.map(t)], "helper");
  draft.block(first, LIST_COL, rows, "helper", fmt.money);
  const colors = [null, COLORS.wins, COLORS.losses, COLORS.pipeline];
  draft.charts.push({
    key: "changes",
    name: `${CHART_PREFIX}changes`,
    type: "ColumnStacked",
    title: t(CAPTIONS.chartChanges),
    ...chart,
    categories: rowsOf(first, WATERFALL_ROWS, col(0)),
    series: headers.map((h, k) => ({
      name: t(h),
      values: rowsOf(first, WATERFALL_ROWS, LIST_COL + k),
      color: colors[k],
    })),
    valueFormat: fmt.money,
    noLegend: true,
  });
}

/** The what-changed section. */
export const changes: SectionDef = {
  key: "changes",
  title: CAPTIONS.whatChanged,
  headers: [CAPTIONS.change, CAPTIONS.deals, CAPTIONS.amount],
  reserved: () => ROWS,
  used: () => ROWS,
  withChart: true,
  titleFormula: ({ t }, first) => {
    const [before, after] = t(CAPTIONS.whatChangedIn).split("{p}");
    const name = cellAddress(first + LOCAL_NAME_ROW, PERIOD_COL);
    return `=IF(${TOO_FEW},${lit(t(CAPTIONS.whatChanged))},${lit(before)}&${name}&${lit(after)})`;
  },
  fill: (ctx, { first, chart }) => {
    const { t, f, fmt, draft } = ctx;
    periodCells(ctx, first);
    draft.block(
      first,
      col(0),
      LINES.map((line, i) => [
        `=IF(${TOO_FEW},${lit(i === 0 ? t(CAPTIONS.emptyChanges) : "")},${lit(t(line.caption))})`,
      ]),
      "cell"
    );
    draft.cell(
      first,
      col(1),
      `=IF(${TOO_FEW},"",IFERROR(INDEX(${pipelineChangesCall(f)},SEQUENCE(${ROWS}),SEQUENCE(1,2,2)),""))`,
      "cell",
      fmt.count
    );
    draft.format(first + 1, col(1), ROWS - 1, 1, "cell", fmt.count);
    draft.format(first, col(2), ROWS, 1, "cell", fmt.money);
    waterfall(ctx, first, chart);
  },
};

/** The deals behind the waterfall's bars: each bar's largest changes, up to PER_BAR rows. */
export const changedDeals: SectionDef = {
  key: "changedDeals",
  title: CAPTIONS.changedDeals,
  headers: [CAPTIONS.change, CAPTIONS.deal, CAPTIONS.owner, CAPTIONS.amountChange],
  reserved: () => BARS.length * PER_BAR,
  used: () => BARS.length * PER_BAR,
  withChart: false,
  fill: ({ t, f, fmt, draft }, { first }) => {
    // One PIPELINE_CHANGES call per bar, spilling its first PER_BAR deals (blank past the last).
    BARS.forEach((b, k) => {
      const top = first + k * PER_BAR;
      draft.block(
        top,
        col(0),
        Array.from({ length: PER_BAR }, (_, i) => [i === 0 ? t(b.caption) : ""]),
        "cell"
      );
      draft.cell(
        top,
        col(1),
        `=IFERROR(INDEX(${pipelineChangesCall(f, b.list)},SEQUENCE(${PER_BAR}),SEQUENCE(1,3)),"")`,
        "cell"
      );
      // The whole spill but its formula cell is formatted, so a rebuild knows every cell is ours.
      draft.format(top, col(2), 1, 1, "cell");
      draft.format(top + 1, col(1), PER_BAR - 1, 2, "cell");
      draft.format(top, col(3), PER_BAR, 1, "cell", fmt.money);
    });
  },
};
