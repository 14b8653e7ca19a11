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
import { NAMES, TABLES } from "../../../model/schema";
import { cellAddress, rectAddress } from "../../../model/a1";
import { Caption } from "../../../model/schema";
import { CAPTIONS } from "../captions";
import { Formulas, lit } from "../formulas";
import { COLORS, LIST_COL, PlanContext, col, rowsOf } from "../layout";
import { CHART_PREFIX } from "../types";
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

/**
 * The PIPELINE_CHANGES call of the dashboard: this fiscal quarter, last two snapshots, the
 * Owner filter's deals.
 *
 * @param f the shared formula pieces (the Owner filter)
 * @param list a `list` name (a bar's deals), or none for the summary
 * @returns the call
 */
export function pipelineChangesCall(f: Formulas, list?: string): string {
  return (
    `SALES.PIPELINE_CHANGES(${TABLES.history}[#All],${f.stageTable},` +
    `"This fiscal quarter",${NAMES.fiscalYearStart},,,${list ? lit(list) : ""},${TABLES.snapshots}[Snapshot],${f.ownerName})`
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
  draft.areas.push({ row: first - 1, col: LIST_COL, rows: WATERFALL_ROWS + 1, cols: 4 });
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
  fill: (ctx, { first, chart }) => {
    const { t, f, fmt, draft } = ctx;
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
