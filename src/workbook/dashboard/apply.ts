/**
 * Writing a plan into a sheet: cell blocks with their styles, named items, dropdowns, column
 * widths and charts. Only queues operations on the given context; the caller syncs once.
 */
import { parseRect } from "../../model/a1";
import { CellBlock, ChartPlan, DashboardPlan, StyleKey } from "./plan";

/** Fill, font and alignment of each style. Cells get both fill and font colour so that they
 * read the same whatever Office theme (light, dark, high contrast) surrounds them. */
const STYLES: Readonly<
  Record<
    StyleKey,
    {
      fill?: string;
      color: string;
      size?: number;
      bold?: boolean;
      italic?: boolean;
      align?: "Left" | "Right" | "Center";
    }
  >
> = {
  title: { color: "#1F3864", size: 18, bold: true },
  subtitle: { color: "#595959", size: 9, italic: true },
  filterLabel: { color: "#404040", size: 9, bold: true },
  filterInput: { fill: "#FFF2CC", color: "#000000", bold: true },
  computed: { fill: "#F2F2F2", color: "#262626", align: "Left" },
  helper: { color: "#7F7F7F", size: 8 },
  tileLabel: { fill: "#DDEBF7", color: "#1F3864", size: 9, bold: true },
  tileValue: { fill: "#DDEBF7", color: "#1F3864", size: 16, bold: true, align: "Left" },
  tileCompare: { fill: "#DDEBF7", color: "#404040", size: 9, align: "Left" },
  sectionTitle: { color: "#1F3864", size: 12, bold: true },
  header: { fill: "#1F3864", color: "#FFFFFF", bold: true },
  cell: { color: "#262626" },
};

/**
 * The fill a block's cells get (white when its style has none), as Excel reports it back.
 *
 * @param block the block
 * @returns "#RRGGBB"
 */
export function fillOf(block: CellBlock): string {
  return STYLES[block.style].fill ?? "#FFFFFF";
}

/**
 * Queues the writes of one block: contents (unless it only formats), number format and style.
 * Cells for which `skip` is true are left exactly as they are (the user's cells): their
 * contents get `null` (Excel leaves such a cell), and the style goes cell by cell around them.
 *
 * @param sheet the target worksheet
 * @param block the block
 * @param contents the contents to write (defaults to the block's formulas; the share copy passes values)
 * @param skip cells (0-based within the block) not to touch
 */
export function writeBlock(
  sheet: Excel.Worksheet,
  block: CellBlock,
  contents?: readonly (readonly unknown[])[] | null,
  skip?: (i: number, j: number) => boolean
): void {
  const range = sheet.getRange(block.address);
  const { rows, cols } = block.rect;
  const skipped = skip
    ? Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => skip(i, j)))
    : null;
  const any = skipped?.some((r) => r.some(Boolean)) ?? false;
  const mask = <T>(data: readonly (readonly T[])[]): (T | null)[][] =>
    data.map((r, i) => r.map((v, j) => (any && skipped![i][j] ? null : v)));
  if (block.numberFormat) {
    const nf = block.numberFormat;
    range.numberFormat = mask(
      Array.from({ length: rows }, () => Array.from({ length: cols }, () => nf))
    );
  }
  if (block.merge && !any) range.merge(false);
  const data = contents === undefined ? block.formulas : contents;
  if (data) range.formulas = mask(data) as unknown[][];
  if (!any) {
    styleRange(range, block);
    return;
  }
  // Around the user's cells: one run of cells per row.
  for (let i = 0; i < rows; i++) {
    let j = 0;
    while (j < cols) {
      if (skipped![i][j]) {
        j++;
        continue;
      }
      let end = j;
      while (end < cols && !skipped![i][end]) end++;
      styleRange(range.getCell(i, j).getResizedRange(0, end - j - 1), block);
      j = end;
    }
  }
}

function styleRange(range: Excel.Range, block: CellBlock): void {
  const style = STYLES[block.style];
  if (style.fill) range.format.fill.color = style.fill;
  range.format.font.color = style.color;
  if (style.size) range.format.font.size = style.size;
  if (style.bold) range.format.font.bold = true;
  if (style.italic) range.format.font.italic = true;
  if (style.align) range.format.horizontalAlignment = style.align;
}

/**
 * Queues one chart: created over its first series, then the other series (per-series chart
 * types make the combo chart, ExcelApi 1.7), categories, colours, title, axis format and place.
 *
 * @param sheet the sheet the chart and its source ranges are on
 * @param plan the chart's plan
 * @returns the chart proxy
 */
export function addChart(sheet: Excel.Worksheet, plan: ChartPlan): Excel.Chart {
  const [first, ...rest] = plan.series;
  const chart = sheet.charts.add(plan.type, sheet.getRange(first.values), "Columns");
  chart.name = plan.name;
  chart.title.text = plan.title;
  chart.setPosition(plan.topLeft, plan.bottomRight);
  const categories = sheet.getRange(plan.categories);
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  colour(s0, plan.type, first.chartType ?? plan.type, first.color);
  for (const spec of rest) {
    const s = chart.series.add(spec.name);
    s.setValues(sheet.getRange(spec.values));
    s.setXAxisValues(categories);
    if (spec.chartType) s.chartType = spec.chartType;
    colour(s, plan.type, spec.chartType ?? plan.type, spec.color);
  }
  if (plan.valueFormat) chart.axes.valueAxis.numberFormat = plan.valueFormat;
  chart.legend.visible = !plan.noLegend && (plan.series.length > 1 || plan.type === "Doughnut");
  if (chart.legend.visible) chart.legend.position = "Bottom";
  return chart;
}

/** Lines get a line colour (the forecast dashed); columns and bars a fill. */
function colour(
  series: Excel.ChartSeries,
  chartType: string,
  seriesType: string,
  color: string | null
): void {
  if (chartType === "Doughnut" || chartType === "Funnel") return; // per-point colours read better
  if (color === null) {
    // No fill: the invisible base a stacked-column waterfall stands its bars on.
    series.format.fill.clear();
    return;
  }
  if (seriesType === "Line") {
    series.format.line.color = color;
    if (color === "#7030A0") series.format.line.lineStyle = "Dash";
  } else {
    series.format.fill.setSolidColor(color);
  }
}

/**
 * Queues the whole plan onto a sheet: widths, blocks, names, dropdowns, charts.
 *
 * @param context the request context
 * @param sheet the Dashboard sheet
 * @param plan the plan
 * @param keep whether a cell (1-based row, column) is the user's: left untouched
 * @param sizes whether to set column widths and row heights (only on a sheet the dashboard made)
 */
export function applyPlan(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  plan: DashboardPlan,
  keep: (row: number, col: number) => boolean = () => false,
  sizes = true
): void {
  if (sizes) {
    for (const w of plan.columnWidths)
      sheet.getRange(`${w.column}:${w.column}`).format.columnWidth = w.width;
    for (const h of plan.rowHeights)
      sheet.getRange(`${h.row}:${h.row}`).format.rowHeight = h.height;
  }
  // Names first: formulas written after them resolve the names at once.
  for (const n of plan.names) context.workbook.names.add(n.name, sheet.getRange(n.address));
  for (const block of plan.blocks)
    writeBlock(sheet, block, undefined, (i, j) => keep(block.rect.row + i, block.rect.col + j));
  for (const v of plan.validations) {
    const at = parseRect(v.address);
    if (at && keep(at.row, at.col)) continue;
    const dv = sheet.getRange(v.address).dataValidation;
    dv.rule = { list: { inCellDropDown: true, source: v.source } };
  }
  for (const chart of plan.charts) addChart(sheet, chart);
}
