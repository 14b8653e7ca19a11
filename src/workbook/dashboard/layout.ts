/**
 * The dashboard's grid and the drafting tools every part of the plan writes with: number
 * formats, the block collector (`Draft`), and small formula helpers. Pure.
 */
import { Caption } from "../../model/schema";
import type { DashboardWarning } from "../errors";
import { Rect, cellAddress, columnLetters, rectAddress } from "../../model/a1";
import { CAPTIONS, TILE_NOTES } from "./captions";
import type { Formulas } from "./formulas";
import {
  CHART_PREFIX,
  CellBlock,
  CellContent,
  ChartPlan,
  NamePlan,
  PlanInput,
  SectionKey,
  SectionPlan,
  StyleKey,
  TileKind,
  ValidationPlan,
} from "./types";
import type { SectionDef } from "./sections/section";

// Grid: margin column A, ten grid columns B..K, helper lists in M..O.

/** First grid column (B). */
export const FIRST_COL = 2;
/** Grid columns B..K. */
export const GRID_COLS = 10;
/** Width of a grid column, in points. */
export const GRID_WIDTH = 88;
/** First helper-list column (M). */
export const LIST_COL = 13;
/** First row of the KPI tiles. */
export const TILE_FIRST_ROW = 7;
/** Tiles per row of tiles. */
export const TILES_PER_ROW = 5;
/** First row of the summary sections. */
export const SECTIONS_FIRST_ROW = 19;
/** Rows a chart beside a section takes at least. */
export const CHART_MIN_ROWS = 18;
/** Tables in B..F, charts in G..K. */
export const TABLE_COLS = 5;

/** Series colours, so charts read the same in light and dark Office themes. */
export const COLORS = {
  revenue: "#2F6FB3",
  target: "#C55A11",
  forecast: "#7030A0",
  pipeline: "#2F6FB3",
  winRate: "#2E7D32",
  sources: "#2F6FB3",
  wins: "#2E7D32",
  losses: "#C62828",
} as const;

/**
 * Currency number format without decimals (tiles, axes).
 *
 * @param currency ISO code
 * @returns the number format
 * @example
 * moneyFormat("EUR"); // '#,##0 "EUR"'
 */
export function moneyFormat(currency: string): string {
  return currency === "USD" ? "$#,##0" : `#,##0 "${currency.replace(/"/g, "")}"`;
}

/**
 * Number formats of one plan, in its language and currency.
 *
 * @param input the plan input
 * @returns the formats by use
 */
export function formats(input: PlanInput) {
  const lang = input.language;
  const money = moneyFormat(input.currency);
  const word = (c: Caption): string => c[lang].replace(/"/g, "");
  const prev = word(CAPTIONS.previousShort);
  const vs = word(CAPTIONS.vsPrevious);
  const pts = word(CAPTIONS.points);
  const value: Record<TileKind, string> = {
    money,
    rate: "0.0%",
    days: `0" ${word(CAPTIONS.days)}"`,
    hours: `0.0" ${word(CAPTIONS.hours)}"`,
    count: "#,##0",
    ratio: '0.0"×"',
  };
  const previous = (kind: TileKind): string => `"${prev} "${value[kind]}`;
  const change = (kind: TileKind, lowerIsBetter: boolean): string => {
    const up = lowerIsBetter ? "[Red]" : "[Color10]";
    const down = lowerIsBetter ? "[Color10]" : "[Red]";
    return kind === "rate"
      ? `${up}"▲ "0.0" ${pts}";${down}"▼ "0.0" ${pts}";"= 0 ${pts}"`
      : `${up}"▲ "0%" ${vs}";${down}"▼ "0%" ${vs}";"= ${vs}"`;
  };
  return {
    money,
    value,
    previous,
    change,
    date: "yyyy-mm-dd",
    month: "mmm yyyy",
    percent: "0%",
    count: "#,##0",
    target: `"${word(TILE_NOTES.quotaTarget)} "${money}`,
    pace: paceFormat(word(TILE_NOTES.dueByToday)),
  };
}

/**
 * The pace cell's number format: the due share in the caption's words with an arrow after it,
 * ▲ in the "better" colour when the attainment is at or ahead of it (a positive value), ▼ in
 * red when behind (a negative one; the section shows it without its sign), as the "prev."
 * changes are coloured.
 *
 * @param caption the caption with {p} where the percentage goes
 * @returns the number format
 * @example
 * paceFormat("due by today {p}"); // '[Color10]"due by today "0%" ▲";[Red]"due by today "0%" ▼"'
 */
export function paceFormat(caption: string): string {
  const [before, after] = caption.split("{p}");
  const quoted = (text: string): string => (text ? `"${text}"` : "");
  const section = (arrow: string): string =>
    `${quoted(before)}0%${quoted(`${after ?? ""} ${arrow}`)}`;
  return `[Color10]${section("▲")};[Red]${section("▼")}`;
}

/** The number formats of one plan. */
export type Formats = ReturnType<typeof formats>;

/**
 * Collects what a plan writes: cell blocks, named items, dropdowns, charts, sections, owned
 * rectangles and warnings. Tiles and sections add to one draft; `planDashboard` returns it.
 */
export class Draft {
  readonly blocks: CellBlock[] = [];
  readonly names: NamePlan[] = [];
  readonly validations: ValidationPlan[] = [];
  readonly charts: ChartPlan[] = [];
  readonly sections: SectionPlan[] = [];
  /** Codes, never text: the pane says them in its language. */
  readonly warnings: DashboardWarning[] = [];
  readonly areas: Rect[] = [];

  /** A block of cells with one style and number format; returns its address. */
  block(
    row: number,
    col: number,
    formulas: readonly (readonly CellContent[])[],
    style: StyleKey,
    numberFormat?: string,
    merge = false
  ): string {
    const rect = { row, col, rows: formulas.length, cols: formulas[0]?.length ?? 1 };
    const address = rectAddress(rect);
    this.blocks.push({ address, rect, formulas, style, numberFormat, ...(merge ? { merge } : {}) });
    return address;
  }

  /** One cell; returns its address. */
  cell(
    row: number,
    col: number,
    content: CellContent,
    style: StyleKey,
    numberFormat?: string
  ): string {
    return this.block(row, col, [[content]], style, numberFormat);
  }

  /** Formats cells without writing them (the landing area of a spill). */
  format(
    row: number,
    col: number,
    rows: number,
    cols: number,
    style: StyleKey,
    numberFormat?: string
  ): void {
    if (rows < 1 || cols < 1) return;
    const rect = { row, col, rows, cols };
    this.blocks.push({ address: rectAddress(rect), rect, formulas: null, style, numberFormat });
  }

  /** A named item on one cell. */
  name(name: string, row: number, col: number): void {
    this.names.push({ name, address: cellAddress(row, col) });
  }
}

/** What tiles and sections plan with: the input, its words, formulas, formats and the draft. */
export interface PlanContext {
  readonly input: PlanInput;
  /** A caption in the plan's language. */
  readonly t: (c: Caption) => string;
  readonly f: Formulas;
  readonly fmt: Formats;
  readonly draft: Draft;
}

/**
 * The sheet column of grid column k (0 = B).
 *
 * @param k grid column index
 * @returns 1-based sheet column
 */
export function col(k: number): number {
  return FIRST_COL + k;
}

/**
 * An absolute reference to a rectangle, e.g. "=$M$4:$M$10".
 *
 * @param rect the rectangle
 * @returns the reference formula
 */
export function absolute(rect: Rect): string {
  const a = (r: number, c: number): string => `$${columnLetters(c - 1)}$${r}`;
  return `=${a(rect.row, rect.col)}:${a(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/**
 * A column of `n` cells from a per-row builder.
 *
 * @param n rows
 * @param build the content of row i
 * @returns the cells
 */
export function columnOf(n: number, build: (i: number) => CellContent): CellContent[][] {
  return Array.from({ length: n }, (_, i) => [build(i)]);
}

/**
 * A one-column range of `n` rows (at least one), e.g. for a chart's series.
 *
 * @param first first row
 * @param n rows
 * @param c sheet column
 * @returns the A1 address
 */
export function rowsOf(first: number, n: number, c: number): string {
  return rectAddress({ row: first, col: c, rows: Math.max(n, 1), cols: 1 });
}

/**
 * A ratio of two cells that stays blank when the denominator is zero or blank.
 *
 * @param num numerator cell
 * @param den denominator cell (or expression)
 * @returns the formula
 * @example
 * ratio("C5", "D5"); // '=IF(N(D5)=0,"",C5/D5)'
 */
export function ratio(num: string, den: string): string {
  return `=IF(N(${den})=0,"",${num}/${den})`;
}

/**
 * The first `n` entries of a table column, one `INDEX` per row.
 *
 * @param table table name
 * @param column column name
 * @param n rows
 * @returns the cells
 * @example
 * tableList("Owners", "Owner", 2); // [["=INDEX(Owners[Owner],1)"], ["=INDEX(Owners[Owner],2)"]]
 */
export function tableList(table: string, column: string, n: number): CellContent[][] {
  return columnOf(n, (i) => `=INDEX(${table}[${column}],${i + 1})`);
}

/** One row of a list-driven section: what its first cell shows and how formulas refer to it. */
export interface ListRow {
  /** The first cell's content. */
  readonly label: CellContent;
  /** How a formula names the row's value: its first cell, or a literal such as `""`. */
  readonly ref: (cell: string) => string;
}

/**
 * The rows of a list-driven section from the data: each name written as text (the codec's
 * quoting rule: a leading apostrophe), then an optional row for blank values (criteria `""`).
 *
 * @param names the names, in order
 * @param blankLabel the caption of the blank row, or null for none
 * @param cap the reserved rows
 * @returns the rows (at most `cap`)
 */
export function dataRows(
  names: readonly string[],
  blankLabel: string | null,
  cap: number
): ListRow[] {
  const rows: ListRow[] = names.map((n) => ({ label: `'${n}`, ref: (cell) => cell }));
  if (blankLabel !== null) rows.push({ label: blankLabel, ref: () => '""' });
  return rows.slice(0, cap);
}

/**
 * The rows of a list-driven section from a table column (plans stored by older builds).
 *
 * @param table table name
 * @param column column name
 * @param n rows
 * @returns the rows
 */
export function tableRows(table: string, column: string, n: number): ListRow[] {
  return tableList(table, column, n).map(([label]) => ({ label, ref: (cell) => cell }));
}

/**
 * Writes an empty state into a section's first data row.
 *
 * @param ctx the plan context
 * @param first the first data row
 * @param caption what the section is waiting for
 */
export function emptyState(ctx: PlanContext, first: number, caption: Caption): void {
  ctx.draft.cell(first, col(0), ctx.t(caption), "cell");
}

/** One count or amount column of a list section. */
export interface ListColumn {
  readonly header: Caption;
  /**
   * The formula of row `i` (without "="): `ref` is how a formula names the row's value (its
   * label cell, or `""` for the blank row); `cell(k)` is the address of column k of that row.
   */
  readonly formula: (
    ctx: PlanContext,
    ref: string,
    cell: (k: number) => string,
    i: number
  ) => string;
  /** The column's number format. */
  readonly format: (fmt: Formats) => string;
}

/** The chart beside a list section: which columns are series (1 = the first count column). */
export interface ListChart {
  readonly key: ChartPlan["key"];
  readonly type: ChartPlan["type"];
  readonly title: Caption;
  readonly series: readonly { readonly column: number; readonly color: string }[];
  /** The value axis format (none for doughnuts). */
  readonly valueFormat?: (fmt: Formats) => string;
}

/** What a list section is: a label column, count columns, an empty state and a chart. */
export interface ListSectionSpec {
  readonly key: SectionKey;
  readonly title: Caption;
  /** The label column's header. */
  readonly label: Caption;
  readonly columns: readonly ListColumn[];
  /** Data rows reserved. */
  readonly reserved: number;
  /** The rows, at most `reserved`. */
  readonly rows: (ctx: PlanContext) => ListRow[];
  /** What the first row says when there are no rows. */
  readonly empty: Caption;
  /** Added to the plan's warnings when there are no rows. */
  readonly emptyWarning?: DashboardWarning;
  /** How many rows the data has (when more than `reserved`, a warning says only some show). */
  readonly total?: (ctx: PlanContext) => number;
  /** The warning when the data has more rows than reserved. */
  readonly overflowWarning?: (reserved: number) => DashboardWarning;
  readonly chart: ListChart;
  /** A total row under the list (its formulas get `TOTAL_REF` as the row's value). */
  readonly totalRow?: Caption;
  /** The chart under the table over the grid's width (a table wider than five columns). */
  readonly chartBelow?: boolean;
}

/** The `ref` a list column's formula gets on the total row. */
export const TOTAL_REF = "\u0000total";

/**
 * A list section: one row per name (owners, sources, competitors, loss reasons), the label in
 * the first column and one formula per count column, an empty state when there are no rows,
 * and a chart of some columns beside it.
 *
 * @param spec what the section lists and computes
 * @returns the section
 * @example
 * listSection({ key: "lossReasons", title, label: CAPTIONS.reason, columns, reserved: 12, rows, empty, chart });
 */
export function listSection(spec: ListSectionSpec): SectionDef {
  const used = (ctx: PlanContext): number => Math.min(spec.rows(ctx).length, spec.reserved);
  const extra = spec.totalRow ? 1 : 0;
  return {
    key: spec.key,
    title: spec.title,
    headers: [spec.label, ...spec.columns.map((c) => c.header)],
    reserved: () => spec.reserved + extra,
    used: (ctx) => used(ctx) + (used(ctx) ? extra : 0),
    withChart: true,
    ...(spec.chartBelow ? { chartBelow: true } : {}),
    fill: (ctx, { first, chart }) => {
      const { t, fmt, draft } = ctx;
      const total = spec.total?.(ctx) ?? 0;
      if (spec.overflowWarning && total > spec.reserved)
        draft.warnings.push(spec.overflowWarning(spec.reserved));
      const list = spec.rows(ctx).slice(0, spec.reserved);
      if (!list.length) {
        if (spec.emptyWarning) draft.warnings.push(spec.emptyWarning);
        emptyState(ctx, first, spec.empty);
        return;
      }
      const n = list.length;
      const rows = spec.totalRow
        ? [...list, { label: t(spec.totalRow), ref: () => TOTAL_REF }]
        : list;
      draft.block(
        first,
        col(0),
        rows.map((r) => [r.label]),
        "cell"
      );
      spec.columns.forEach((c, j) => {
        draft.block(
          first,
          col(j + 1),
          columnOf(rows.length, (i) => {
            const cell = (k: number): string => cellAddress(first + i, col(k));
            return `=${c.formula(ctx, rows[i].ref(cell(0)), cell, i)}`;
          }),
          "cell",
          c.format(fmt)
        );
      });
      const categories = rowsOf(first, n, col(0));
      draft.charts.push({
        key: spec.chart.key,
        name: `${CHART_PREFIX}${spec.chart.key}`,
        type: spec.chart.type,
        title: t(spec.chart.title),
        ...chart,
        categories,
        series: spec.chart.series.map((s) => ({
          name: t(spec.columns[s.column - 1].header),
          values: rowsOf(first, n, col(s.column)),
          color: s.color,
        })),
        ...(spec.chart.valueFormat ? { valueFormat: spec.chart.valueFormat(fmt) } : {}),
      });
    },
  };
}
