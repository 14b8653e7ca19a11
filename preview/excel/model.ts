/**
 * The workbook behind the stand-in: sheets, cells, formats, tables, charts, names, settings,
 * validations and conditional formats, with the checks Excel makes (names, overlaps, shapes).
 * Proxies (proxies.ts) change it only inside `context.sync()`; tests may seed it directly.
 * Cell contents live in HyperFormula (engine.ts); this model keeps what Excel shows besides the
 * value: the formula text as written (structured references included) and formats.
 */
import type { CellValue } from "hyperformula";
import { DetailedCellError } from "hyperformula";
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  checkRect,
  columnCount,
  formatAddress,
  intersect,
  overlaps,
  parseAddress,
  rowCount,
} from "./address";
import { BlankInRange, FormulaEngine } from "./engine";
import { CustomFunctionRegistry } from "./customFunctions";
import { excelError, notFound, notImplemented } from "./errors";
import { formatValue } from "./numberFormat";
import { rewriteStructuredReferences } from "./structured";
import { translateFormula } from "./translate";

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

/** A named item (workbook scope). */
export interface NameModel {
  name: string;
  /** "=Sheet1!$A$1:$B$2" or a constant formula "=0.25". */
  formula: string;
  ref: RangeRef | null;
  visible: boolean;
  comment: string;
}

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const LOOKS_LIKE_CELL = /^([A-Za-z]{1,3}\d+|[RrCc]\d*|R\d+C\d+)$/;

/** Options of the model (from createStandIn). */
export interface ModelOptions {
  customFunctions: CustomFunctionRegistry | null;
  blankInRange: BlankInRange;
  sheets: string[];
}

/** The workbook state. */
export class WorkbookModel {
  readonly engine: FormulaEngine;
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet: SheetModel | null = null;
  selection: RangeRef | null = null;
  calculationSuspended = false;
  /** Cells whose formula holds a structured reference: re-entered when tables change. */
  private readonly structured = new Set<string>();
  private nextId = 1;
  private tableCounter = 0;
  private chartCounter = 0;
  private sheetCounter = 0;

  constructor(options: ModelOptions) {
    this.engine = new FormulaEngine(options.customFunctions, options.blankInRange);
    for (const name of options.sheets) this.addSheet(name);
    this.activeSheet = this.sheets[0] ?? null;
  }

  /** A new unique id. */
  newId(prefix: string): string {
    return `{${prefix}-${this.nextId++}}`;
  }

  // ---------------------------------------------------------------- sheets

  /** Visible, ordered sheets (deleted ones are removed from `sheets`). */
  findSheet(name: string): SheetModel | undefined {
    const n = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === n);
  }

  /** The sheet named `name`, or Excel's ItemNotFound. */
  sheet(name: string, location = "WorksheetCollection.getItem"): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw notFound(location);
    return s;
  }

  private checkSheetName(name: string, except?: SheetModel): void {
    if (
      typeof name !== "string" ||
      name.trim() === "" ||
      name.length > 31 ||
      INVALID_SHEET_CHARS.test(name) ||
      name.startsWith("'") ||
      name.endsWith("'") ||
      name.toLowerCase() === "history"
    ) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: sheet name '${name}'.`
      );
    }
    const existing = this.findSheet(name);
    if (existing && existing !== except) {
      throw excelError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists.",
        "WorksheetCollection.add"
      );
    }
  }

  /** Adds a sheet at the end (Excel names unnamed sheets SheetN). */
  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined || n === null) {
      do n = `Sheet${++this.sheetCounter}`;
      while (this.findSheet(n));
    } else {
      const m = /^Sheet(\d+)$/i.exec(n);
      if (m) this.sheetCounter = Math.max(this.sheetCounter, Number(m[1]));
    }
    this.checkSheetName(n);
    const sheet = new SheetModel(this.newId("sheet"), this.engine.addSheet(n), n);
    this.sheets.push(sheet);
    // Formulas that referred to this name before it existed (#REF!) now resolve.
    return sheet;
  }

  /** Renames a sheet; formula texts that refer to it follow, as in Excel. */
  renameSheet(sheet: SheetModel, name: string): void {
    if (sheet.name === name) return;
    this.checkSheetName(name, sheet);
    const old = sheet.name;
    this.engine.hf.renameSheet(sheet.hfId, name);
    sheet.name = name;
    const pattern = new RegExp(
      `(^|[^A-Za-z0-9_.'])(${escapeRegExp(old)}|'${escapeRegExp(old.replace(/'/g, "''"))}')!`,
      "gi"
    );
    const quoted = formatAddress({ r0: 0, c0: 0, r1: 0, c1: 0 }, name).split("!")[0];
    for (const s of this.sheets) {
      for (const c of s.cells.values()) {
        if (c.formula && typeof c.input === "string")
          c.input = c.input.replace(pattern, `$1${quoted}!`);
      }
    }
  }

  /** Deletes a sheet with its tables and charts; formulas that referred to it show #REF!. */
  deleteSheet(sheet: SheetModel): void {
    if (this.sheets.length === 1) {
      throw excelError(
        "InvalidOperation",
        "This operation is not permitted for the current object: a workbook must keep at least one sheet.",
        "Worksheet.delete"
      );
    }
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw excelError(
        "InvalidOperation",
        "A workbook must contain at least one visible worksheet.",
        "Worksheet.delete"
      );
    }
    for (const t of this.tables.filter((t) => t.sheet === sheet)) this.removeTable(t, false);
    for (const k of [...this.structured])
      if (k.startsWith(`${sheet.id}|`)) this.structured.delete(k);
    this.engine.hf.removeSheet(sheet.hfId);
    sheet.deleted = true;
    sheet.charts.forEach((c) => (c.deleted = true));
    this.sheets = this.sheets.filter((s) => s !== sheet);
    if (this.activeSheet === sheet)
      this.activeSheet = this.sheets.find((s) => s.visibility === "Visible") ?? null;
    this.refreshStructured();
  }

  /** Moves a sheet to a 0-based position. */
  moveSheet(sheet: SheetModel, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw excelError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format: position.",
        "Worksheet.position"
      );
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.sheets.splice(position, 0, sheet);
  }

  /** Sets visibility; Excel refuses to hide the last visible sheet. */
  setVisibility(sheet: SheetModel, visibility: string): void {
    if (!["Visible", "Hidden", "VeryHidden"].includes(visibility)) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: visibility '${visibility}'.`,
        "Worksheet.visibility"
      );
    }
    if (visibility !== "Visible") {
      const others = this.sheets.filter((s) => s !== sheet && s.visibility === "Visible");
      if (!others.length) {
        throw excelError(
          "InvalidOperation",
          "A workbook must contain at least one visible worksheet.",
          "Worksheet.visibility"
        );
      }
      if (this.activeSheet === sheet) this.activeSheet = others[0];
    }
    sheet.visibility = visibility;
  }

  /** Makes a sheet active (it must be visible). */
  activate(sheet: SheetModel): void {
    if (sheet.visibility !== "Visible") {
      throw excelError(
        "InvalidOperation",
        "This operation is not permitted for the current object: the sheet is hidden.",
        "Worksheet.activate"
      );
    }
    this.activeSheet = sheet;
  }

  // ---------------------------------------------------------------- ranges

  /**
   * Resolves an address on a sheet (or a sheet-qualified address).
   *
   * @param sheet the sheet the address is relative to
   * @param address A1 text
   * @returns the reference
   */
  range(sheet: SheetModel, address: string): RangeRef {
    const p = parseAddress(address);
    const target = p.sheet !== undefined ? this.sheet(p.sheet, "Worksheet.getRange") : sheet;
    return { sheet: target, rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } };
  }

  /** A workbook-level reference "Sheet!A1:B2" (the sheet is required). */
  rangeFromAddress(address: string, location: string): RangeRef {
    const p = parseAddress(address);
    if (p.sheet === undefined) {
      if (!this.activeSheet) throw notFound(location);
      return { sheet: this.activeSheet, rect: p };
    }
    return {
      sheet: this.sheet(p.sheet, location),
      rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 },
    };
  }

  /** The cells of a rectangle that exist in the model, row-major. */
  *existing(sheet: SheetModel, rect: Rect): Generator<[number, number, Cell]> {
    const area = rowCount(rect) * columnCount(rect);
    if (area <= sheet.cells.size * 4) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = sheet.cell(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) yield [r, c, cell];
    }
  }

  /**
   * Writes values or formulas, as Range.values / Range.formulas do: `null` leaves a cell,
   * `""` clears it, "=…" is a formula ("+…"/"-…" too unless numeric), "'…" is text, other text
   * is parsed like typing (numbers, dates, percents, currency), unless the cell is formatted as
   * text ("@").
   *
   * @param ref where
   * @param data rows × columns, already checked against the range's shape
   */
  writeInputs(ref: RangeRef, data: readonly (readonly unknown[])[]): void {
    const { sheet, rect } = ref;
    const block: (string | number | boolean | null | undefined)[][] = [];
    const typed: [number, number][] = [];
    for (let i = 0; i < data.length; i++) {
      const out: (string | number | boolean | null | undefined)[] = [];
      for (let j = 0; j < data[i].length; j++) {
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        const v = data[i][j];
        if (v === null || v === undefined) {
          out.push(undefined);
          continue;
        }
        if (v === "") {
          const cell = sheet.cell(r, c);
          if (cell) {
            this.structured.delete(`${sheet.id}|${r}|${c}`);
            delete cell.input;
            delete cell.formula;
          }
          out.push(null);
          continue;
        }
        const cell = sheet.cell(r, c, true);
        this.structured.delete(`${sheet.id}|${r}|${c}`);
        if (typeof v === "number") {
          if (!Number.isFinite(v))
            throw excelError(
              "InvalidArgument",
              "The argument is invalid: a number must be finite.",
              "Range.values"
            );
          cell.input = v;
          delete cell.formula;
          out.push(v);
        } else if (typeof v === "boolean") {
          cell.input = v;
          delete cell.formula;
          out.push(v);
        } else if (typeof v === "string") {
          if (cell.numberFormat === "@") {
            cell.input = v;
            delete cell.formula;
            out.push(`'${v}`);
          } else if (v.startsWith("'")) {
            cell.input = v.slice(1);
            delete cell.formula;
            out.push(v);
          } else if (
            v.length > 1 &&
            (v[0] === "=" || ((v[0] === "+" || v[0] === "-") && !isNumericText(v)))
          ) {
            const text = v[0] === "=" ? v : `=${v}`;
            cell.input = text;
            cell.formula = true;
            out.push(this.toEngineFormula(sheet, r, c, text));
          } else {
            cell.input = v;
            delete cell.formula;
            out.push(v);
            if (/[/%$-]|^\d+:\d/.test(v)) typed.push([r, c]);
          }
        } else {
          throw excelError(
            "InvalidArgument",
            `The argument is invalid: a cell value must be a number, text or boolean, not ${Array.isArray(v) ? "an array" : typeof v}.`,
            "Range.values"
          );
        }
      }
      block.push(out);
    }
    this.engine.write(sheet.hfId, rect.r0, rect.c0, block);
    // Excel formats typed dates, percents and currency as it parses them.
    for (const [r, c] of typed) {
      const cell = sheet.cell(r, c, true);
      if (cell.numberFormat && cell.numberFormat !== "General") continue;
      const t = this.engine.detailedType(sheet.hfId, r, c);
      if (t === "NUMBER_DATE") cell.numberFormat = "m/d/yyyy";
      else if (t === "NUMBER_DATETIME") cell.numberFormat = "m/d/yyyy h:mm";
      else if (t === "NUMBER_TIME") cell.numberFormat = "h:mm";
      else if (t === "NUMBER_PERCENT") cell.numberFormat = "0%";
      else if (t === "NUMBER_CURRENCY") cell.numberFormat = "$#,##0.00";
    }
    this.afterWrite(sheet, rect);
  }

  private toEngineFormula(sheet: SheetModel, row: number, col: number, text: string): string {
    if (
      !text.includes("[") &&
      !this.tables.some((t) => text.toLowerCase().includes(t.name.toLowerCase()))
    )
      return translateFormula(text);
    const rewritten = rewriteStructuredReferences(text, this.tables, sheet, row, col);
    if (rewritten !== text) this.structured.add(`${sheet.id}|${row}|${col}`);
    return translateFormula(rewritten);
  }

  /** Re-enters every formula with a structured reference (after a table changed). */
  refreshStructured(): void {
    for (const k of [...this.structured]) {
      const [id, r, c] = k.split("|");
      const sheet = this.sheets.find((s) => s.id === id);
      const cell = sheet?.cell(Number(r), Number(c));
      this.structured.delete(k);
      if (!sheet || !cell?.formula || typeof cell.input !== "string") continue;
      this.engine.write(sheet.hfId, Number(r), Number(c), [
        [this.toEngineFormula(sheet, Number(r), Number(c), cell.input)],
      ]);
    }
  }

  private afterWrite(sheet: SheetModel, rect: Rect): void {
    const touched = this.tables.filter(
      (t) => t.sheet === sheet && t.showHeaders && overlaps(t.headerRect, rect)
    );
    for (const t of touched) this.normalizeHeaders(t);
  }

  /** Value of one cell as Range.values reports it. */
  value(sheet: SheetModel, row: number, col: number): string | number | boolean {
    return toExcelValue(this.engine.value(sheet.hfId, row, col));
  }

  /** The error message behind an error value, if any (HyperFormula keeps it). */
  errorMessage(sheet: SheetModel, row: number, col: number): string | null {
    const v = this.engine.value(sheet.hfId, row, col);
    return v instanceof DetailedCellError ? v.message || v.value : null;
  }

  /** Range.values. */
  readValues(ref: RangeRef): (string | number | boolean)[][] {
    const { sheet, rect } = ref;
    const out: (string | number | boolean)[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.value(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** Range.formulas: the formula text as written, or the value. */
  readFormulas(ref: RangeRef): (string | number | boolean)[][] {
    return this.readValues(ref).map((row, i) =>
      row.map((v, j) => {
        const cell = ref.sheet.cell(ref.rect.r0 + i, ref.rect.c0 + j);
        return cell?.formula ? (cell.input as string) : v;
      })
    );
  }

  /** Range.numberFormat. */
  readNumberFormats(ref: RangeRef): string[][] {
    return this.map(ref, (cell) => cell?.numberFormat ?? "General");
  }

  /** Range.text: values rendered with their number formats. */
  readText(ref: RangeRef): string[][] {
    const values = this.readValues(ref);
    const formats = this.readNumberFormats(ref);
    return values.map((row, i) => row.map((v, j) => formatValue(v, formats[i][j])));
  }

  /** Range.valueTypes. */
  readValueTypes(ref: RangeRef): string[][] {
    return this.readValues(ref).map((row, i) =>
      row.map((v, j) => {
        if (v === "") return "Empty";
        if (typeof v === "number") return "Double";
        if (typeof v === "boolean") return "Boolean";
        return this.errorMessage(ref.sheet, ref.rect.r0 + i, ref.rect.c0 + j) !== null
          ? "Error"
          : "String";
      })
    );
  }

  /** Range.numberFormat = …; cells formatted "@" afterwards keep text as text. */
  writeNumberFormats(ref: RangeRef, data: readonly (readonly unknown[])[]): void {
    data.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f === null || f === undefined) return;
        if (typeof f !== "string")
          throw excelError(
            "InvalidArgument",
            "The argument is invalid: a number format must be text.",
            "Range.numberFormat"
          );
        sheetCellSet(ref.sheet, ref.rect.r0 + i, ref.rect.c0 + j, (cell) => {
          if (f === "General" || f === "") delete cell.numberFormat;
          else cell.numberFormat = f;
        });
      })
    );
  }

  /** Maps every cell of a range (existing or not). */
  map<T>(ref: RangeRef, fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
      const row: T[] = [];
      for (let c = ref.rect.c0; c <= ref.rect.c1; c++) row.push(fn(ref.sheet.cell(r, c), r, c));
      out.push(row);
    }
    return out;
  }

  /**
   * A style property over a range: the shared value, or null when cells differ (as Excel).
   * Whole rows/columns read the cells that exist plus the default.
   */
  readStyle<K extends keyof Style>(ref: RangeRef, key: K, fallback: Style[K]): Style[K] | null {
    const area = rowCount(ref.rect) * columnCount(ref.rect);
    let first: Style[K] | undefined;
    let seen = 0;
    let mixed = false;
    for (const [, , cell] of this.existing(ref.sheet, ref.rect)) {
      const v = cell.style?.[key] ?? fallback;
      seen++;
      if (first === undefined) first = v;
      else if (JSON.stringify(first) !== JSON.stringify(v)) mixed = true;
    }
    if (seen < area) {
      if (first !== undefined && JSON.stringify(first) !== JSON.stringify(fallback)) mixed = true;
      first = first ?? fallback;
    }
    return mixed ? null : (first ?? fallback);
  }

  /** Applies a style change to every cell of a range (whole rows/columns: cells with content). */
  writeStyle(ref: RangeRef, apply: (style: Style, row: number, col: number) => void): void {
    const area = rowCount(ref.rect) * columnCount(ref.rect);
    if (area > 2_000_000) {
      // Whole columns/rows: Excel formats the column; the stand-in formats the used part of it.
      const used = this.usedRect(ref.sheet, false);
      const part = used ? intersect(used, ref.rect) : null;
      if (!part) return;
      this.writeStyle({ sheet: ref.sheet, rect: part }, apply);
      return;
    }
    for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
      for (let c = ref.rect.c0; c <= ref.rect.c1; c++) {
        const cell = ref.sheet.cell(r, c, true);
        cell.style = cell.style ?? {};
        apply(cell.style, r, c);
      }
    }
  }

  /** Range.clear(applyTo). */
  clear(ref: RangeRef, applyTo = "All"): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (!contents && !formats && applyTo !== "Hyperlinks" && applyTo !== "RemoveHyperlinks") {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: applyTo '${applyTo}'.`,
        "Range.clear"
      );
    }
    const cells = [...this.existing(ref.sheet, ref.rect)];
    if (contents) {
      for (const [r, c, cell] of cells) {
        if (cell.input !== undefined) {
          this.engine.write(ref.sheet.hfId, r, c, [[null]]);
          this.structured.delete(`${ref.sheet.id}|${r}|${c}`);
        }
        delete cell.input;
        delete cell.formula;
      }
    }
    if (formats) {
      for (const [, , cell] of cells) {
        delete cell.style;
        delete cell.numberFormat;
      }
      ref.sheet.merges = ref.sheet.merges.filter((m) => !overlaps(m, ref.rect));
    }
    for (const [r, c, cell] of cells) {
      if (cell.input === undefined && !cell.style && !cell.numberFormat)
        ref.sheet.cells.delete(r * MAX_COLUMNS + c);
    }
    if (applyTo === "All") {
      ref.sheet.validations = ref.sheet.validations.filter((v) => !contains(ref.rect, v.rect));
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter(
        (f) => !contains(ref.rect, f.rect)
      );
    }
    if (contents) this.afterWrite(ref.sheet, ref.rect);
  }

  /**
   * The used range: the bounding box of cells with content (valuesOnly) or with content or
   * formats; null when there is none.
   */
  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of sheet.cells) {
      if (
        valuesOnly
          ? cell.input === undefined
          : cell.input === undefined && !cell.style && !cell.numberFormat
      )
        continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    if (!valuesOnly) {
      for (const t of this.tables) {
        if (t.sheet !== sheet) continue;
        r0 = Math.min(r0, t.rect.r0);
        c0 = Math.min(c0, t.rect.c0);
        r1 = Math.max(r1, t.rect.r1);
        c1 = Math.max(c1, t.rect.c1);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Range.merge(across). */
  merge(ref: RangeRef, across: boolean): void {
    if (this.tables.some((t) => t.sheet === ref.sheet && overlaps(t.rect, ref.rect))) {
      throw excelError(
        "InvalidOperation",
        "This operation is not permitted for the current object: cells in a table can't be merged.",
        "Range.merge"
      );
    }
    const areas: Rect[] = across
      ? Array.from({ length: rowCount(ref.rect) }, (_, i) => ({
          ...ref.rect,
          r0: ref.rect.r0 + i,
          r1: ref.rect.r0 + i,
        }))
      : [ref.rect];
    ref.sheet.merges = ref.sheet.merges.filter((m) => !overlaps(m, ref.rect));
    for (const a of areas) {
      if (rowCount(a) * columnCount(a) < 2) continue;
      // Excel keeps only the top-left value of a merged area.
      const rest = [...this.existing(ref.sheet, a)].filter(
        ([r, c, cell]) => (r !== a.r0 || c !== a.c0) && cell.input !== undefined
      );
      for (const [r, c] of rest)
        this.writeInputs({ sheet: ref.sheet, rect: { r0: r, c0: c, r1: r, c1: c } }, [[""]]);
      ref.sheet.merges.push(a);
    }
  }

  /** Range.unmerge(). */
  unmerge(ref: RangeRef): void {
    ref.sheet.merges = ref.sheet.merges.filter((m) => !overlaps(m, ref.rect));
  }

  // ---------------------------------------------------------------- tables

  /** Finds a table by name (case-insensitive). */
  findTable(name: string): TableModel | undefined {
    const n = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === n);
  }

  private checkTableName(name: string, except?: TableModel): void {
    if (
      typeof name !== "string" ||
      !TABLE_NAME.test(name) ||
      LOOKS_LIKE_CELL.test(name) ||
      name.length > 255
    ) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: table name '${name}'.`,
        "Table.name"
      );
    }
    const t = this.findTable(name);
    const n = this.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if ((t && t !== except) || n) {
      throw excelError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists.",
        "TableCollection.add"
      );
    }
  }

  /**
   * Adds a table over a range whose first row holds the headers (hasHeaders) or gets
   * Column1…N headers inserted above the data (not hasHeaders: Excel shifts the data down; the
   * stand-in requires the row above to be free and uses it).
   */
  addTable(ref: RangeRef, hasHeaders: boolean): TableModel {
    let rect = ref.rect;
    if (rowCount(rect) * columnCount(rect) > 5_000_000 || rect.r1 === MAX_ROWS - 1) {
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: a table over whole columns.",
        "TableCollection.add"
      );
    }
    if (!hasHeaders) {
      throw notImplemented(
        "TableCollection.add with hasHeaders = false (Excel inserts a header row)"
      );
    }
    if (this.tables.some((t) => t.sheet === ref.sheet && overlaps(t.rect, rect))) {
      throw excelError(
        "InvalidOperation",
        "A table can't overlap another table.",
        "TableCollection.add"
      );
    }
    if (ref.sheet.merges.some((m) => overlaps(m, rect))) {
      throw excelError(
        "InvalidOperation",
        "A table can't contain merged cells.",
        "TableCollection.add"
      );
    }
    // A header-only table gets one (empty) data row, as Excel does.
    if (rowCount(rect) === 1) rect = checkRect({ ...rect, r1: rect.r1 + 1 });
    let name: string;
    do name = `Table${++this.tableCounter}`;
    while (
      this.findTable(name) ||
      this.names.some((n) => n.name.toLowerCase() === name.toLowerCase())
    );
    const table = new TableModel(this.newId("table"), name, ref.sheet, rect);
    this.tables.push(table);
    this.normalizeHeaders(table);
    this.refreshStructured();
    return table;
  }

  /** Excel's header rules: text, non-empty (Column1…), unique (Amount2…). */
  normalizeHeaders(table: TableModel): void {
    if (!table.showHeaders) return;
    const row = this.readValues({ sheet: table.sheet, rect: table.headerRect })[0];
    const seen = new Set<string>();
    const fixed = row.map((v, i) => {
      let name = v === "" ? `Column${i + 1}` : String(v);
      if (seen.has(name.toLowerCase())) {
        let k = 2;
        while (seen.has(`${name}${k}`.toLowerCase())) k++;
        name = `${name}${k}`;
      }
      seen.add(name.toLowerCase());
      return name;
    });
    const changed = fixed.some((n, i) => n !== row[i] || typeof row[i] !== "string");
    if (changed) {
      fixed.forEach((n, i) => {
        const cell = table.sheet.cell(table.rect.r0, table.rect.c0 + i, true);
        cell.input = n;
        delete cell.formula;
      });
      this.engine.write(table.sheet.hfId, table.rect.r0, table.rect.c0, [
        fixed.map((n) => `'${n}`),
      ]);
    }
  }

  /** Header names of a table. */
  tableHeaders(table: TableModel): string[] {
    return this.readValues({ sheet: table.sheet, rect: table.headerRect })[0].map(String);
  }

  /** Renames a table; formulas that refer to it follow. */
  renameTable(table: TableModel, name: string): void {
    if (table.name === name) return;
    this.checkTableName(name, table);
    const old = table.name;
    table.name = name;
    const pattern = new RegExp(`(^|[^A-Za-z0-9_.])${escapeRegExp(old)}(?=\\[)`, "gi");
    for (const s of this.sheets) {
      for (const c of s.cells.values()) {
        if (c.formula && typeof c.input === "string")
          c.input = c.input.replace(pattern, `$1${name}`);
      }
    }
    this.refreshStructured();
  }

  /** Validates a table name for `table.name = …` without applying it. */
  validateTableName(table: TableModel, name: string): void {
    this.checkTableName(name, table);
  }

  /** Changes a table's rectangle (Table.resize, rows.add). */
  resizeTable(table: TableModel, rect: Rect): void {
    if (rect.r0 !== table.rect.r0 || rowCount(rect) < 2) {
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: a table keeps its header row and at least one data row.",
        "Table.resize"
      );
    }
    if (this.tables.some((t) => t !== table && t.sheet === table.sheet && overlaps(t.rect, rect))) {
      throw excelError("InvalidOperation", "A table can't overlap another table.", "Table.resize");
    }
    table.rect = checkRect(rect);
    this.normalizeHeaders(table);
    this.refreshStructured();
  }

  /**
   * TableRowCollection.add: appends rows after the data body. Excel fills the single empty row
   * of a new table first. Excel shifts cells below the table down; the stand-in refuses when
   * those cells are not empty rather than overwrite them.
   */
  addTableRows(
    table: TableModel,
    index: number | null | undefined,
    values: unknown[][] | null | undefined
  ): void {
    if (table.showTotals)
      throw notImplemented("TableRowCollection.add on a table with a totals row");
    const width = columnCount(table.rect);
    const rows = values ?? [Array.from({ length: width }, () => "")];
    if (!Array.isArray(rows) || !rows.every((r) => Array.isArray(r) && r.length === width)) {
      throw excelError(
        "InvalidArgument",
        "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
        "TableRowCollection.add"
      );
    }
    const body = table.bodyRect;
    const bodyRows = rowCount(body);
    if (index !== null && index !== undefined && index !== bodyRows) {
      throw notImplemented(
        "TableRowCollection.add with an index inside the table (inserting rows)"
      );
    }
    const placeholder =
      bodyRows === 1 &&
      this.readValues({ sheet: table.sheet, rect: body })[0].every((v) => v === "");
    const start = placeholder ? body.r0 : body.r1 + 1;
    const newRect: Rect = checkRect({
      ...table.rect,
      r1: start + rows.length - 1 > table.rect.r1 ? start + rows.length - 1 : table.rect.r1,
    });
    const below: Rect = { ...table.rect, r0: table.rect.r1 + 1, r1: newRect.r1 };
    if (
      below.r1 >= below.r0 &&
      [...this.existing(table.sheet, below)].some(([, , c]) => c.input !== undefined)
    ) {
      throw notImplemented(
        "TableRowCollection.add over occupied cells below the table (Excel shifts them down)"
      );
    }
    this.writeInputs(
      { sheet: table.sheet, rect: { ...table.rect, r0: start, r1: start + rows.length - 1 } },
      rows
    );
    if (newRect.r1 !== table.rect.r1) {
      // Excel copies the row formats of the data body down to new rows.
      const src = table.sheet;
      for (let r = table.rect.r1 + 1; r <= newRect.r1; r++) {
        for (let c = table.rect.c0; c <= table.rect.c1; c++) {
          const prev = src.cell(table.rect.r1, c);
          if (prev?.numberFormat) src.cell(r, c, true).numberFormat = prev.numberFormat;
        }
      }
      this.resizeTable(table, newRect);
    }
  }

  /** TableColumnCollection.add at the right edge. */
  addTableColumn(
    table: TableModel,
    index: number | null | undefined,
    values: unknown[][] | null | undefined,
    name: string | null | undefined
  ): void {
    const width = columnCount(table.rect);
    if (index !== null && index !== undefined && index !== width) {
      throw notImplemented(
        "TableColumnCollection.add with an index inside the table (inserting columns)"
      );
    }
    const col = table.rect.c1 + 1;
    const colRect: Rect = checkRect({ r0: table.rect.r0, r1: table.rect.r1, c0: col, c1: col });
    if ([...this.existing(table.sheet, colRect)].some(([, , c]) => c.input !== undefined)) {
      throw notImplemented(
        "TableColumnCollection.add over occupied cells (Excel shifts them right)"
      );
    }
    if (
      this.tables.some((t) => t !== table && t.sheet === table.sheet && overlaps(t.rect, colRect))
    ) {
      throw excelError(
        "InvalidOperation",
        "A table can't overlap another table.",
        "TableColumnCollection.add"
      );
    }
    const height = rowCount(table.rect);
    let column: unknown[][] = Array.from({ length: height }, () => [""]);
    if (values) {
      if (!Array.isArray(values) || !values.every((r) => Array.isArray(r) && r.length === 1)) {
        throw excelError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          "TableColumnCollection.add"
        );
      }
      if (values.length === height) column = values;
      else if (values.length === height - 1) column = [[""], ...values];
      else
        throw excelError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
          "TableColumnCollection.add"
        );
    }
    if (name) column = [[name], ...column.slice(1)];
    table.rect = { ...table.rect, c1: col };
    this.writeInputs({ sheet: table.sheet, rect: colRect }, column);
    this.normalizeHeaders(table);
    this.refreshStructured();
  }

  /** Table.delete(): the table and its cells' contents and formats go. */
  removeTable(table: TableModel, clearCells = true): void {
    if (clearCells) this.clear({ sheet: table.sheet, rect: table.rect }, "All");
    table.deleted = true;
    this.tables = this.tables.filter((t) => t !== table);
    this.refreshStructured();
  }

  /** Table.convertToRange(): the cells stay. */
  convertTable(table: TableModel): void {
    this.removeTable(table, false);
  }

  /** Validates and applies `table.name = …`. */
  setTableName(table: TableModel, name: string): void {
    this.renameTable(table, name);
  }

  /** Names a new table (TableCollection.add then table.name = …). */
  tableNameCheck(name: string): void {
    this.checkTableName(name);
  }

  // ---------------------------------------------------------------- names

  /** Finds a named item. */
  findName(name: string): NameModel | undefined {
    const n = name.toLowerCase();
    return this.names.find((x) => x.name.toLowerCase() === n);
  }

  /** NamedItemCollection.add(name, reference, comment). */
  addName(name: string, reference: RangeRef | string, comment = ""): NameModel {
    if (typeof name !== "string" || !TABLE_NAME.test(name) || LOOKS_LIKE_CELL.test(name)) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid or missing or has an incorrect format: name '${name}'.`,
        "NamedItemCollection.add"
      );
    }
    if (this.findName(name) || this.findTable(name)) {
      throw excelError(
        "ItemAlreadyExists",
        "A resource with the same name or identifier already exists.",
        "NamedItemCollection.add"
      );
    }
    let formula: string;
    let ref: RangeRef | null = null;
    if (typeof reference === "string") {
      formula = reference.startsWith("=") ? reference : `=${reference}`;
      try {
        const p = parseAddress(formula.slice(1));
        if (p.sheet !== undefined)
          ref = { sheet: this.sheet(p.sheet, "NamedItemCollection.add"), rect: p };
      } catch (e) {
        if ((e as { code?: string }).code === "ItemNotFound") throw e;
        ref = null;
      }
      if (ref) formula = `=${formatAddress(ref.rect, ref.sheet.name, true)}`;
    } else {
      ref = reference;
      formula = `=${formatAddress(ref.rect, ref.sheet.name, true)}`;
    }
    try {
      this.engine.hf.addNamedExpression(name, formula);
    } catch (e) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: ${(e as Error).message}`,
        "NamedItemCollection.add"
      );
    }
    const item: NameModel = { name, formula, ref, visible: true, comment };
    this.names.push(item);
    return item;
  }

  /** NamedItem.delete(). */
  removeName(item: NameModel): void {
    this.engine.hf.removeNamedExpression(item.name);
    this.names = this.names.filter((n) => n !== item);
  }

  /** NamedItem.formula = …. */
  setNameFormula(item: NameModel, formula: string): void {
    const text = formula.startsWith("=") ? formula : `=${formula}`;
    this.engine.hf.changeNamedExpression(item.name, text);
    item.formula = text;
    try {
      const p = parseAddress(text.slice(1));
      item.ref = p.sheet !== undefined ? { sheet: this.sheet(p.sheet), rect: p } : null;
    } catch {
      item.ref = null;
    }
  }

  /** NamedItem.value: the address for ranges, else the computed value. */
  nameValue(item: NameModel): unknown {
    if (item.ref) return formatAddress(item.ref.rect, item.ref.sheet.name, true);
    return toExcelValue(this.engine.hf.getNamedExpressionValue(item.name) as CellValue);
  }

  /** Type of a named item, as Excel.NamedItemType. */
  nameType(item: NameModel): string {
    if (item.ref) return "Range";
    const v = this.nameValue(item);
    if (typeof v === "number") return Number.isInteger(v) ? "Integer" : "Double";
    if (typeof v === "boolean") return "Boolean";
    if (typeof v === "string" && v.startsWith("#")) return "Error";
    return "String";
  }

  // ---------------------------------------------------------------- charts

  /** Adds a chart from a source range (series detected as Excel does for simple layouts). */
  addChart(sheet: SheetModel, type: string, source: RangeRef, seriesBy = "Auto"): ChartModel {
    if (!["Auto", "Columns", "Rows"].includes(seriesBy)) {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: seriesBy '${seriesBy}'.`,
        "ChartCollection.add"
      );
    }
    if (typeof type !== "string" || !type)
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: chart type.",
        "ChartCollection.add"
      );
    const axis = (): AxisModel => ({
      title: { text: "", visible: false },
      numberFormat: "General",
      visible: true,
      format: { font: {} },
    });
    const used = this.usedRect(sheet, false);
    const left = used
      ? Array.from({ length: used.c1 + 2 }, (_, c) => sheet.columnWidth(c)).reduce(
          (a, b) => a + b,
          0
        )
      : 0;
    const chart: ChartModel = {
      id: this.newId("chart"),
      name: `Chart ${++this.chartCounter}`,
      type,
      sheet,
      source,
      seriesBy,
      title: { text: "", visible: false, format: { font: {} } },
      legend: { position: "Right", visible: true, format: { font: {} } },
      axes: { category: axis(), value: axis() },
      dataLabels: { showValue: false },
      series: [],
      top: 15,
      left,
      width: 360,
      height: 216,
      deleted: false,
    };
    chart.series = this.seriesFromSource(source, seriesBy);
    sheet.charts.push(chart);
    return chart;
  }

  /**
   * Splits a source range into series: the first row holds series names and the first column
   * categories when they hold text (or the corner is blank), as Excel guesses.
   */
  seriesFromSource(source: RangeRef, seriesBy: string): SeriesModel[] {
    const values = this.readValues(source);
    const rows = values.length;
    const cols = values[0]?.length ?? 0;
    const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= cols);
    const isText = (v: unknown) => typeof v === "string" && v !== "";
    const corner = values[0]?.[0];
    const headerRow =
      rows > 1 &&
      (corner === "" || values[0].slice(1).some(isText)) &&
      values[0].slice(cols > 1 ? 1 : 0).some(isText);
    const headerCol =
      cols > 1 && (corner === "" || values.slice(headerRow ? 1 : 0).some((r) => isText(r[0])));
    const r0 = source.rect.r0 + (byColumns ? (headerRow ? 1 : 0) : headerRow ? 1 : 0);
    const c0 = source.rect.c0 + (headerCol ? 1 : 0);
    const series: SeriesModel[] = [];
    const make = (name: string, vals: Rect, cats: Rect | null): SeriesModel => ({
      name,
      values: { sheet: source.sheet, rect: vals },
      categories: cats ? { sheet: source.sheet, rect: cats } : null,
      chartType: null,
      hasDataLabels: false,
      axisGroup: "Primary",
      format: { fill: { color: null }, line: {} },
    });
    if (byColumns) {
      const cats = headerCol
        ? { r0, r1: source.rect.r1, c0: source.rect.c0, c1: source.rect.c0 }
        : null;
      for (let c = c0; c <= source.rect.c1; c++) {
        if (r0 > source.rect.r1) break;
        const name = headerRow
          ? String(values[0][c - source.rect.c0])
          : `Series${series.length + 1}`;
        series.push(make(name, { r0, r1: source.rect.r1, c0: c, c1: c }, cats));
      }
    } else {
      const rr0 = source.rect.r0 + (headerRow ? 1 : 0);
      const cats = headerRow
        ? { r0: source.rect.r0, r1: source.rect.r0, c0, c1: source.rect.c1 }
        : null;
      for (let r = rr0; r <= source.rect.r1; r++) {
        if (c0 > source.rect.c1) break;
        const name = headerCol
          ? String(values[r - source.rect.r0][0])
          : `Series${series.length + 1}`;
        series.push(make(name, { r0: r, r1: r, c0, c1: source.rect.c1 }, cats));
      }
    }
    return series;
  }

  /** Chart.delete(). */
  removeChart(chart: ChartModel): void {
    chart.deleted = true;
    chart.sheet.charts = chart.sheet.charts.filter((c) => c !== chart);
  }

  /** Position of a cell's top-left corner in points. */
  cellPosition(sheet: SheetModel, row: number, col: number): { top: number; left: number } {
    let top = 0;
    for (let r = 0; r < row; r++) top += sheet.rowHeight(r);
    let left = 0;
    for (let c = 0; c < col; c++) left += sheet.columnWidth(c);
    return { top, left };
  }

  /** Chart.setPosition(start, end). */
  placeChart(chart: ChartModel, start: RangeRef, end: RangeRef | null): void {
    const a = this.cellPosition(chart.sheet, start.rect.r0, start.rect.c0);
    chart.top = a.top;
    chart.left = a.left;
    if (end) {
      const b = this.cellPosition(chart.sheet, end.rect.r1 + 1, end.rect.c1 + 1);
      chart.width = Math.max(0, b.left - a.left);
      chart.height = Math.max(0, b.top - a.top);
    }
  }

  /** A series' values or categories as numbers/labels (live from its reference). */
  seriesData(data: RangeRef | unknown[] | null): unknown[] {
    if (!data) return [];
    if (Array.isArray(data)) return data;
    if (data.sheet.deleted) return [];
    return this.readValues(data).flat();
  }

  /** Text of a series' categories as displayed (number formats applied). */
  seriesLabels(data: RangeRef | unknown[] | null): string[] {
    if (!data) return [];
    if (Array.isArray(data)) return data.map((v) => String(v));
    if (data.sheet.deleted) return [];
    return this.readText(data).flat();
  }

  // ---------------------------------------------------------------- validation, CF

  /** Sets a data-validation rule on a rectangle (replacing rules inside it). */
  setValidation(ref: RangeRef, rule: Record<string, unknown>): Validation {
    const kinds = ["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"];
    const keys = Object.keys(rule ?? {}).filter(
      (k) => (rule as Record<string, unknown>)[k] !== undefined
    );
    if (keys.length !== 1 || !kinds.includes(keys[0])) {
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: a data-validation rule has exactly one of list, wholeNumber, decimal, date, time, textLength, custom.",
        "DataValidation.rule"
      );
    }
    if (keys[0] === "list") {
      const list = rule.list as { source?: unknown };
      if (
        !list ||
        (typeof list.source !== "string" && !isRangeRef(list.source)) ||
        list.source === ""
      ) {
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: list.source must be text or a range.",
          "DataValidation.rule"
        );
      }
    }
    const existing = this.validationAt(ref);
    ref.sheet.validations = ref.sheet.validations.filter((v) => !contains(ref.rect, v.rect));
    const v: Validation = {
      rect: ref.rect,
      rule,
      ignoreBlanks: existing?.ignoreBlanks ?? true,
      errorAlert: existing?.errorAlert ?? {
        showAlert: true,
        style: "Stop",
        title: "",
        message: "",
      },
      prompt: existing?.prompt ?? { showPrompt: false, title: "", message: "" },
    };
    ref.sheet.validations.push(v);
    return v;
  }

  /** The validation covering a range (the last one set that contains it), or null. */
  validationAt(ref: RangeRef): Validation | null {
    for (let i = ref.sheet.validations.length - 1; i >= 0; i--) {
      if (contains(ref.sheet.validations[i].rect, ref.rect)) return ref.sheet.validations[i];
    }
    return null;
  }

  /** DataValidation.clear(). */
  clearValidation(ref: RangeRef): void {
    ref.sheet.validations = ref.sheet.validations.filter((v) => !overlaps(v.rect, ref.rect));
  }

  /** ConditionalFormatCollection.add(type). */
  addConditionalFormat(ref: RangeRef, type: string): ConditionalFormatModel {
    const types = [
      "Custom",
      "DataBar",
      "ColorScale",
      "IconSet",
      "TopBottom",
      "PresetCriteria",
      "ContainsText",
      "CellValue",
    ];
    if (!types.includes(type))
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: conditional format type '${type}'.`,
        "ConditionalFormatCollection.add"
      );
    const cf: ConditionalFormatModel = {
      id: this.newId("cf"),
      rect: ref.rect,
      type,
      priority: 0,
      stopIfTrue: false,
      data: {},
    };
    ref.sheet.conditionalFormats.forEach((f) => (f.priority += 1));
    ref.sheet.conditionalFormats.unshift(cf);
    return cf;
  }

  // ---------------------------------------------------------------- snapshot

  /** JSON form of a range reference ("Sheet!A1:B2"). */
  refAddress(ref: RangeRef): string {
    return formatAddress(ref.rect, ref.sheet.name);
  }
}

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

function sheetCellSet(sheet: SheetModel, r: number, c: number, fn: (cell: Cell) => void): void {
  fn(sheet.cell(r, c, true));
}

function isNumericText(v: string): boolean {
  return /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/.test(v.trim());
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** HyperFormula's value → what Range.values shows. */
export function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (v instanceof DetailedCellError) return v.value;
  return v as string | number | boolean;
}
