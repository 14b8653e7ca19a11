/**
 * A summary section as a unit: its key, title, headers, the rows it reserves and uses, whether
 * a chart sits beside it, and how it fills its rows. `planSections` lays every section of a
 * list out one under the other with one loop (title, header row, owned area, chart place), so
 * adding a section is one new file and one entry in `SECTIONS` (see `./index.ts`).
 */
import { Caption } from "../../../model/schema";
import { columnLetters, rectAddress } from "../../../model/a1";
import {
  CHART_MIN_ROWS,
  GRID_COLS,
  PlanContext,
  SECTIONS_FIRST_ROW,
  TABLE_COLS,
  col,
} from "../layout";
import { SectionKey } from "../types";

/** Where a section's rows landed. */
export interface SectionPlace {
  /** First data row. */
  readonly first: number;
  /** Data rows reserved. */
  readonly reserved: number;
  /** Data rows in use. */
  readonly used: number;
  /** The chart's top-left and bottom-right cells beside the table. */
  readonly chart: { readonly topLeft: string; readonly bottomRight: string };
}

/** One summary section. */
export interface SectionDef {
  readonly key: SectionKey;
  readonly title: Caption;
  readonly headers: readonly Caption[];
  /** Data rows reserved (the layout never moves when the data grows). */
  readonly reserved: (ctx: PlanContext) => number;
  /** Data rows in use (≤ reserved). */
  readonly used: (ctx: PlanContext) => number;
  /** Whether a chart sits beside the table (the section is then at least a chart tall). */
  readonly withChart: boolean;
  /** The chart goes under the table, over the grid's width (tables wider than B..F). */
  readonly chartBelow?: boolean;
  /**
   * The title cell's formula when the title follows the data (What changed names its period);
   * the plain title stays the section's name in the registry.
   */
  readonly titleFormula?: (ctx: PlanContext, first: number) => string;
  /** Writes the data rows, the chart and any warning into the draft. */
  readonly fill: (ctx: PlanContext, at: SectionPlace) => void;
}

/** The first data row of the first section (the forecast tile reads the monthly history). */
export const FIRST_SECTION_DATA_ROW = SECTIONS_FIRST_ROW + 2;

/**
 * Lays the sections out one under the other, from row 19 down, and fills them.
 *
 * @param ctx the plan context
 * @param defs the sections, in sheet order
 */
export function planSections(ctx: PlanContext, defs: readonly SectionDef[]): void {
  const { draft, t } = ctx;
  const tableCol = col(0);
  const chartLeft = columnLetters(col(TABLE_COLS) - 1);
  const chartRight = columnLetters(col(GRID_COLS - 1) - 1);
  let top = SECTIONS_FIRST_ROW;
  for (const def of defs) {
    const reserved = def.reserved(ctx);
    const used = def.used(ctx);
    const width = def.headers.length;
    const titleRow = [
      def.titleFormula ? def.titleFormula(ctx, top + 2) : t(def.title),
      ...def.headers.slice(1).map(() => ""),
    ];
    draft.block(top, tableCol, [titleRow], "sectionTitle", undefined, true);
    draft.block(top + 1, tableCol, [def.headers.map(t)], "header");
    const first = top + 2;
    const address = rectAddress({ row: top + 1, col: tableCol, rows: reserved + 1, cols: width });
    draft.areas.push({ row: top, col: tableCol, rows: reserved + 2, cols: width });
    draft.sections.push({
      key: def.key,
      title: t(def.title),
      address,
      firstRow: first,
      rows: used,
    });
    const below = def.withChart && def.chartBelow === true;
    const height = below
      ? reserved + 3 + CHART_MIN_ROWS
      : def.withChart
        ? Math.max(reserved + 2, CHART_MIN_ROWS)
        : reserved + 2;
    const chart = below
      ? {
          topLeft: `${columnLetters(tableCol - 1)}${first + reserved + 1}`,
          bottomRight: `${chartRight}${first + reserved + CHART_MIN_ROWS}`,
        }
      : {
          topLeft: `${chartLeft}${first - 2}`,
          bottomRight: `${chartRight}${first - 2 + Math.max(reserved + 2, CHART_MIN_ROWS) - 1}`,
        };
    def.fill(ctx, { first, reserved, used, chart });
    top = top + height + 2;
  }
}
