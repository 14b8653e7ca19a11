/**
 * The stand-in's snapshot: the whole workbook as plain JSON (cells with values, formulas, text and
 * formats; merges, tables, charts, validations, conditional formats, comments; names, settings),
 * for tests to compare and the preview to show.
 */
import { MAX_COLUMNS, columnCount, formatAddress, rowCount } from "./address";
import { ChartModel, WorkbookModel, isRangeRef } from "./model";
import { formatValue } from "./numberFormat";

/** A cell in the snapshot. */
export interface CellSnapshot {
  value: string | number | boolean;
  formula?: string;
  text?: string;
  numberFormat?: string;
  error?: string;
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: unknown;
}

/** A chart in the snapshot. */
export interface ChartSnapshot {
  name: string;
  type: string;
  title: string;
  titleVisible: boolean;
  source: string | null;
  seriesBy: string;
  legend: { position: string; visible: boolean };
  axes: {
    category: { title: string; numberFormat: string };
    value: { title: string; numberFormat: string };
  };
  series: {
    name: string;
    values: unknown[];
    categories: string[];
    valuesAddress: string | null;
    categoriesAddress: string | null;
    chartType: string;
    color: string | null;
    /** `format.fill.clear()` was called: no fill (an invisible series), not an automatic colour. */
    noFill?: true;
  }[];
  top: number;
  left: number;
  width: number;
  height: number;
}

/** A sheet in the snapshot. */
export interface SheetSnapshot {
  name: string;
  position: number;
  visibility: string;
  tabColor: string;
  active: boolean;
  freeze: { rows: number; columns: number };
  cells: Record<string, CellSnapshot>;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  merges: string[];
  tables: {
    name: string;
    address: string;
    headers: string[];
    style: string;
    showTotals: boolean;
    rows: number;
    showBandedRows: boolean;
  }[];
  charts: ChartSnapshot[];
  dataValidations: { address: string; rule: unknown; ignoreBlanks: boolean; errorAlert: unknown }[];
  conditionalFormats: { address: string; type: string; priority: number; rule: unknown }[];
  /** Comments (notes) by cell. */
  /** Comments, and notes (`note: true`). */
  comments: { address: string; content: string; note?: boolean }[];
}

/** The workbook as JSON. */
export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: { name: string; formula: string; value: unknown; visible: boolean; comment: string }[];
  settings: Record<string, unknown>;
  activeSheet: string | null;
}

function snapshotChart(model: WorkbookModel, c: ChartModel): ChartSnapshot {
  return {
    name: c.name,
    type: c.type,
    title: c.title.text,
    titleVisible: c.title.visible,
    source: c.source ? model.refAddress(c.source) : null,
    seriesBy: c.seriesBy,
    legend: { position: c.legend.position, visible: c.legend.visible },
    axes: {
      category: {
        title: c.axes.category.title?.text ?? "",
        numberFormat: c.axes.category.numberFormat ?? "General",
      },
      value: {
        title: c.axes.value.title?.text ?? "",
        numberFormat: c.axes.value.numberFormat ?? "General",
      },
    },
    series: c.series.map((s) => ({
      name: s.name,
      values: model.seriesData(s.values),
      categories: model.seriesLabels(s.categories),
      valuesAddress: isRangeRef(s.values) ? model.refAddress(s.values) : null,
      categoriesAddress: isRangeRef(s.categories) ? model.refAddress(s.categories) : null,
      chartType: s.chartType ?? c.type,
      color: (s.format.fill as { color?: string | null }).color ?? null,
      ...((s.format.fill as { noFill?: boolean }).noFill ? { noFill: true as const } : {}),
    })),
    top: c.top,
    left: c.left,
    width: c.width,
    height: c.height,
  };
}

/**
 * The workbook as JSON: every sheet with its non-empty or formatted cells (value, formula,
 * displayed text, number format, formats), tables, charts (series resolved to values),
 * validations and conditional formats; names and settings.
 *
 * @param model the workbook
 * @returns the snapshot
 */
export function snapshot(model: WorkbookModel): WorkbookSnapshot {
  model.engine.resume();
  const sheets = model.sheets.map((sheet, position): SheetSnapshot => {
    const cells: Record<string, CellSnapshot> = {};
    const keys = [...sheet.cells.keys()].sort((a, b) => a - b);
    for (const k of keys) {
      const cell = sheet.cells.get(k)!;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      const value = model.value(sheet, r, c);
      const out: CellSnapshot = { value };
      if (cell.formula) out.formula = String(cell.input);
      if (cell.numberFormat) out.numberFormat = cell.numberFormat;
      const text = formatValue(value, cell.numberFormat);
      if (text !== String(value)) out.text = text;
      const err = model.errorMessage(sheet, r, c);
      if (err) out.error = err;
      const s = cell.style;
      if (s) {
        if (s.fill) out.fill = s.fill;
        if (s.bold !== undefined) out.bold = s.bold;
        if (s.italic !== undefined) out.italic = s.italic;
        if (s.fontColor) out.fontColor = s.fontColor;
        if (s.fontSize) out.fontSize = s.fontSize;
        if (s.fontName) out.fontName = s.fontName;
        if (s.horizontalAlignment) out.horizontalAlignment = s.horizontalAlignment;
        if (s.verticalAlignment) out.verticalAlignment = s.verticalAlignment;
        if (s.wrapText !== undefined) out.wrapText = s.wrapText;
        if (s.borders && Object.keys(s.borders).length) out.borders = s.borders;
      }
      if (cell.input === undefined && !cell.numberFormat && (!s || Object.keys(s).length === 0))
        continue;
      cells[formatAddress({ r0: r, c0: c, r1: r, c1: c })] = out;
    }
    const letters = (c: number) => formatAddress({ r0: 0, c0: c, r1: 0, c1: c }).replace(/\d+/, "");
    return {
      name: sheet.name,
      position,
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      active: model.activeSheet === sheet,
      freeze: { rows: sheet.freezeRows, columns: sheet.freezeColumns },
      cells,
      columnWidths: Object.fromEntries(
        [...sheet.columnWidths].sort((a, b) => a[0] - b[0]).map(([c, w]) => [letters(c), w])
      ),
      rowHeights: Object.fromEntries(
        [...sheet.rowHeights].sort((a, b) => a[0] - b[0]).map(([r, h]) => [String(r + 1), h])
      ),
      merges: sheet.merges.map((m) => formatAddress(m)),
      tables: model.tables
        .filter((t) => t.sheet === sheet)
        .map((t) => ({
          name: t.name,
          address: formatAddress(t.rect, sheet.name),
          headers: model.tableHeaders(t),
          style: t.style,
          showTotals: t.showTotals,
          rows: rowCount(t.bodyRect),
          showBandedRows: t.showBandedRows,
        })),
      charts: sheet.charts.map((c) => snapshotChart(model, c)),
      comments: sheet.comments.map((c) => ({
        address: formatAddress({ r0: c.row, r1: c.row, c0: c.col, c1: c.col }),
        content: c.content,
        ...(c.note ? { note: true } : {}),
      })),
      dataValidations: sheet.validations.map((v) => ({
        address: formatAddress(v.rect, sheet.name),
        rule: v.rule,
        ignoreBlanks: v.ignoreBlanks,
        errorAlert: v.errorAlert,
      })),
      conditionalFormats: sheet.conditionalFormats.map((f) => ({
        address: formatAddress(f.rect, sheet.name),
        type: f.type,
        priority: f.priority,
        rule: f.data,
      })),
    };
  });
  void columnCount;
  return {
    sheets,
    names: model.names.map((n) => ({
      name: n.name,
      formula: n.formula,
      value: model.nameValue(n),
      visible: n.visible,
      comment: n.comment,
    })),
    settings: Object.fromEntries(model.settings),
    activeSheet: model.activeSheet?.name ?? null,
  };
}
