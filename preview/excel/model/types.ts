/**
 * The data of the stand-in's workbook model: cells, styles, sheets, tables, names, charts,
 * validations and conditional formats, and small helpers every model section shares.
 */
import type { CellValue } from "hyperformula";
import { DetailedCellError } from "hyperformula";
import { MAX_COLUMNS, Rect } from "../address";
import type { BlankInRange } from "../engine";
import type { CustomFunctionRegistry } from "../customFunctions";

/** One border edge. */
export interface Border {
  style: string;
  color: string;
  weight: string;
}

/** The formats of one cell (absent = Excel's default). */
export interface Style {
  fill?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  strikethrough?: boolean;
  fontColor?: string;
  fontSize?: number;
  fontName?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  borders?: { top?: Border; bottom?: Border; left?: Border; right?: Border };
}

/** What a cell holds besides its computed value. */
export interface Cell {
  /** The content as written: a constant, or the formula text ("=…") when `formula`. */
  input?: string | number | boolean;
  formula?: boolean;
  /** Written as text (an apostrophe or a Text-formatted cell): the engine holds it as text. */
  quoted?: boolean;
  numberFormat?: string;
  style?: Style;
}

/** Defaults Excel reports for unformatted cells. */
export const DEFAULTS = {
  fill: "#FFFFFF",
  fontColor: "#000000",
  fontSize: 11,
  fontName: "Aptos Narrow",
  bold: false,
  italic: false,
  underline: "None",
  strikethrough: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  wrapText: false,
  indentLevel: 0,
  /** Points: 8.43 characters of the default font. */
  columnWidth: 48,
  rowHeight: 15,
} as const;

/** A range reference into the model. */
export interface RangeRef {
  readonly sheet: SheetModel;
  readonly rect: Rect;
}

/** A data-validation rule on a rectangle. */
export interface Validation {
  rect: Rect;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
}

/** A conditional format: its type and whatever rule/format objects were set on it. */
export interface ConditionalFormatModel {
  id: string;
  rect: Rect;
  type: string;
  priority: number;
  stopIfTrue: boolean;
  /** The sub-objects (cellValue, custom, colorScale, dataBar, …) as plain data. */
  data: Record<string, unknown>;
}

/** A chart axis. */
export interface AxisModel {
  title: { text: string; visible: boolean };
  numberFormat: string;
  visible: boolean;
  minimum?: number;
  maximum?: number;
  majorUnit?: number;
  format: { font: Record<string, unknown> };
}

/** A chart series: values/categories are live references (or literal arrays). */
export interface SeriesModel {
  name: string;
  values: RangeRef | unknown[] | null;
  categories: RangeRef | unknown[] | null;
  chartType: string | null;
  hasDataLabels: boolean;
  axisGroup: string;
  format: { fill: { color: string | null }; line: Record<string, unknown> };
  markerStyle?: string;
  smooth?: boolean;
}

/** A chart on a sheet. */
export interface ChartModel {
  id: string;
  name: string;
  type: string;
  sheet: SheetModel;
  source: RangeRef | null;
  seriesBy: string;
  title: { text: string; visible: boolean; format: { font: Record<string, unknown> } };
  legend: { position: string; visible: boolean; format: { font: Record<string, unknown> } };
  axes: { category: AxisModel; value: AxisModel };
  dataLabels: { showValue: boolean; position?: string; numberFormat?: string };
  series: SeriesModel[];
  top: number;
  left: number;
  width: number;
  height: number;
  style?: number;
  deleted: boolean;
}

/** A comment (Excel.Comment) or a note (Excel.Note, `note: true`) on one cell. */
export interface CommentModel {
  readonly id: string;
  /** A note (ExcelApi 1.18), not a threaded comment: a cell may hold one of each. */
  readonly note?: boolean;
  row: number;
  col: number;
  content: string;
  authorName: string;
  resolved: boolean;
  deleted?: boolean;
  sheet: SheetModel;
}

/** A worksheet. */
export class SheetModel {
  name: string;
  visibility = "Visible";
  tabColor = "";
  showGridlines = true;
  freezeRows = 0;
  freezeColumns = 0;
  readonly cells = new Map<number, Cell>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly hiddenRows = new Set<number>();
  merges: Rect[] = [];
  validations: Validation[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  /** Comments (notes) anchored to cells. */
  comments: CommentModel[] = [];
  deleted = false;

  constructor(
    readonly id: string,
    readonly hfId: number,
    name: string
  ) {
    this.name = name;
  }

  /** The cell at (row, col), created when `create`. */
  cell(row: number, col: number, create: true): Cell;
  cell(row: number, col: number, create?: false): Cell | undefined;
  cell(row: number, col: number, create = false): Cell | undefined {
    const k = row * MAX_COLUMNS + col;
    let c = this.cells.get(k);
    if (!c && create) {
      c = {};
      this.cells.set(k, c);
    }
    return c;
  }

  /** Width of a column in points. */
  columnWidth(col: number): number {
    return this.hiddenColumns.has(col) ? 0 : (this.columnWidths.get(col) ?? DEFAULTS.columnWidth);
  }

  /** Height of a row in points. */
  rowHeight(row: number): number {
    return this.hiddenRows.has(row) ? 0 : (this.rowHeights.get(row) ?? DEFAULTS.rowHeight);
  }
}

/** A table (ListObject). */
export class TableModel {
  style = "TableStyleMedium2";
  showHeaders = true;
  showTotals = false;
  showBandedRows = true;
  showBandedColumns = false;
  showFilterButton = true;
  highlightFirstColumn = false;
  highlightLastColumn = false;
  deleted = false;
  /** Column filters by 0-based column index (Table.autoFilter, TableColumn.filter). */
  filters = new Map<number, FilterCriteria>();
  /** The last sort applied (Table.sort.fields). */
  sortFields: { key: number; ascending: boolean }[] = [];

  constructor(
    readonly id: string,
    public name: string,
    public sheet: SheetModel,
    public rect: Rect
  ) {}

  /** Header row rectangle. */
  get headerRect(): Rect {
    return { ...this.rect, r1: this.rect.r0 };
  }

  /** Data body rectangle (without header and totals rows). */
  get bodyRect(): Rect {
    return { ...this.rect, r0: this.rect.r0 + 1, r1: this.rect.r1 - (this.showTotals ? 1 : 0) };
  }

  /** Totals row rectangle (only meaningful when showTotals). */
  get totalsRect(): Rect {
    return { ...this.rect, r0: this.rect.r1 };
  }
}

/** A column filter, as Excel.FilterCriteria (the kinds the stand-in evaluates). */
export type FilterCriteria =
  | { filterOn: "Values"; values: string[] }
  | { filterOn: "Custom"; criterion1?: string; criterion2?: string; operator?: "And" | "Or" };

/** A named item (workbook scope). */
export interface NameModel {
  name: string;
  /** "=Sheet1!$A$1:$B$2" or a constant formula "=0.25". */
  formula: string;
  ref: RangeRef | null;
  visible: boolean;
  comment: string;
}

export const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;
export const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
export const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[RrCc]\d*|R\d+C\d+)$/;

/** Options of the model (from createStandIn). */
export interface ModelOptions {
  customFunctions: CustomFunctionRegistry | null;
  blankInRange: BlankInRange;
  sheets: string[];
}

/** The workbook state. */

/** Whether `outer` contains `inner`. */
export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1
  );
}

/** Whether a value is a model range reference. */
export function isRangeRef(v: unknown): v is RangeRef {
  return Boolean(v && typeof v === "object" && "sheet" in (v as object) && "rect" in (v as object));
}

export function sheetCellSet(
  sheet: SheetModel,
  r: number,
  c: number,
  fn: (cell: Cell) => void
): void {
  fn(sheet.cell(r, c, true));
}

export function isNumericText(v: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(v.trim());
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** HyperFormula's value → what Range.values shows. */
export function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof DetailedCellError) return v.value;
  return v as string | number | boolean;
}
