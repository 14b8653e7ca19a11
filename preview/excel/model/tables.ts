/**
 * Tables (ListObjects) of the model: add, names, headers, resize, rows and columns added at the
 * edges, delete and convert, with Excel's checks (names, overlaps, merges).
 */
import { MAX_ROWS, Rect, checkRect, columnCount, overlaps, rowCount } from "../address";
import { excelError, notImplemented } from "../errors";
import { CellsModel } from "./cells";
import { LOOKS_LIKE_CELL, RangeRef, TABLE_NAME, TableModel, escapeRegExp } from "./types";

/** Tables. */
export abstract class TablesModel extends CellsModel {
  // ---------------------------------------------------------------- tables

  /** Finds a table by name (case-insensitive). */
  findTable(name: string): TableModel | undefined {
    const n = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === n);
  }

  protected checkTableName(name: string, except?: TableModel): void {
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
    const row = Array.from({ length: table.rect.c1 - table.rect.c0 + 1 }, (_, i) =>
      this.peekValue(table.sheet, table.rect.r0, table.rect.c0 + i)
    );
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
        cell.quoted = true;
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
   * TableRowCollection.add: inserts rows into the table (at the end, or before body row
   * `index`); cells of the table's columns below move down, as in Excel. Excel fills the single
   * empty row of a new table first.
   */
  addTableRows(
    table: TableModel,
    index: number | null | undefined,
    values: unknown[][] | null | undefined
  ): void {
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
    const at = index === null || index === undefined ? bodyRows : index;
    if (!Number.isInteger(at) || at < 0 || at > bodyRows) {
      throw excelError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format: index.",
        "TableRowCollection.add"
      );
    }
    const placeholder =
      at === bodyRows &&
      bodyRows === 1 &&
      !table.showTotals &&
      // Excel's empty row: nothing typed in it (a calculated column's formula does not count).
      Array.from({ length: width }, (_, i) => table.sheet.cell(body.r0, table.rect.c0 + i)).every(
        (c) => c?.input === undefined || c.formula
      );
    const start = placeholder ? body.r0 : body.r0 + at;
    const extra = rows.length - (placeholder ? 1 : 0);
    if (extra > 0)
      this.insertTableRows(table, placeholder ? 1 : at, extra, "TableRowCollection.add");
    this.writeInputs(
      { sheet: table.sheet, rect: { ...table.rect, r0: start, r1: start + rows.length - 1 } },
      rows
    );
    this.normalizeHeaders(table);
    this.refreshStructured();
  }

  /** TableColumnCollection.add: inserts a column (cells of the table's rows to the right move). */
  addTableColumn(
    table: TableModel,
    index: number | null | undefined,
    values: unknown[][] | null | undefined,
    name: string | null | undefined
  ): void {
    const width = columnCount(table.rect);
    const at = index === null || index === undefined ? width : index;
    if (!Number.isInteger(at) || at < 0 || at > width) {
      throw excelError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format: index.",
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
    const col = this.insertTableColumn(table, at, "TableColumnCollection.add");
    const colRect: Rect = { r0: table.rect.r0, r1: table.rect.r1, c0: col, c1: col };
    this.writeInputs({ sheet: table.sheet, rect: colRect }, column);
    this.normalizeHeaders(table);
    this.refreshStructured();
  }

  /** Inserts table rows with shifting (structure.ts). */
  abstract insertTableRows(
    table: TableModel,
    index: number,
    count: number,
    location: string
  ): number;
  /** Inserts a table column with shifting (structure.ts). */
  abstract insertTableColumn(table: TableModel, index: number, location: string): number;

  /** Table.delete(): the table and its cells' contents and formats go. */
  removeTable(table: TableModel, clearCells = true): void {
    table.deleted = true;
    this.tables = this.tables.filter((t) => t !== table);
    // Cleared once it is gone: clearing a live table's header would name it Column1, Column2, …
    if (clearCells) this.clear({ sheet: table.sheet, rect: table.rect }, "All");
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
}
