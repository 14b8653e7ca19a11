/**
 * The model's core state and its sheets: add, rename, delete, move, hide, activate (with the
 * checks Excel makes on sheet names and the last visible sheet).
 */
import { formatAddress } from "../address";
import { FormulaEngine } from "../engine";
import { excelError, notFound } from "../errors";
import {
  INVALID_SHEET_CHARS,
  ModelOptions,
  NameModel,
  RangeRef,
  SheetModel,
  TableModel,
  escapeRegExp,
} from "./types";

/** State, ids and sheets; the later sections (cells, tables, …) extend it. */
export abstract class SheetsModel {
  readonly engine: FormulaEngine;
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheet: SheetModel | null = null;
  selection: RangeRef | null = null;
  calculationSuspended = false;
  /**
   * Cells whose formula holds a structured reference ("sheetId|row|col"), with the A1 text the
   * engine holds: re-entered when a table change alters that text.
   */
  protected readonly structured = new Map<string, string>();
  protected nextId = 1;
  protected tableCounter = 0;
  protected chartCounter = 0;
  protected sheetCounter = 0;

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

  protected checkSheetName(name: string, except?: SheetModel): void {
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
    this.engine.beforeChange();
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
    for (const k of [...this.structured.keys()])
      if (k.startsWith(`${sheet.id}|`)) this.structured.delete(k);
    this.engine.beforeChange();
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

  /** Table.delete() (tables.ts). */
  abstract removeTable(table: TableModel, clearCells?: boolean): void;
  /** Re-enters formulas with structured references (cells.ts). */
  abstract refreshStructured(): void;
  /** Excel's header rules (tables.ts). */
  abstract normalizeHeaders(table: TableModel): void;
}
