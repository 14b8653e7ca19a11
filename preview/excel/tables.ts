/**
 * Table proxies: Table, its columns and rows, and the table collections.
 */
import { ClientObject, PropDef, RequestContext, defineProps } from "./client";
import { ClientCollection } from "./collection";
import { excelError, notFound, notImplemented } from "./errors";
import { RangeRef, SheetModel, TableModel } from "./model";
import { Range, shaped } from "./range";
import { rangeArg } from "./rangeArg";
import { Rect, columnCount, rowCount } from "./address";
import { ColumnFilter, TableAutoFilter, TableSort } from "./sortFilter";
import { Worksheet } from "./worksheets";

/** `Excel.TableColumn`. */
export class TableColumn extends ClientObject<{ table: TableModel; index: number }> {
  declare name: string;
  declare index: number;
  declare id: number;
  declare values: any[][];
  static props: Record<string, PropDef<{ table: TableModel; index: number }>> = {
    name: {
      get: (t, m) => m.tableHeaders(t.table)[t.index],
      set: (t, v, m) => {
        if (typeof v !== "string" || v === "")
          throw excelError(
            "InvalidArgument",
            "The argument is invalid: column name.",
            "TableColumn.name"
          );
        m.writeInputs({ sheet: t.table.sheet, rect: colRect(t.table, t.index, t.table.rect) }, [
          [`'${v}`],
        ]);
      },
    },
    index: { get: (t) => t.index },
    id: { get: (t) => t.index + 1 },
    values: {
      get: (t, m) =>
        m.readValues({ sheet: t.table.sheet, rect: colRect(t.table, t.index, t.table.rect) }),
      set: (t, v, m) => {
        const rect = colRect(t.table, t.index, t.table.rect);
        m.writeInputs({ sheet: t.table.sheet, rect }, shaped(rect, v, "values"));
      },
    },
  };
  private _range(name: string, part: (t: TableModel) => Rect): Range {
    return new Range(this._ctx, `${this._path}.${name}()`, () => {
      const t = this._target();
      return t ? { sheet: t.table.sheet, rect: colRect(t.table, t.index, part(t.table)) } : null;
    });
  }
  /** The column's data cells. */
  getDataBodyRange(): Excel.Range {
    return this._range("getDataBodyRange", (t) => t.bodyRect) as never;
  }
  /** The column's header cell. */
  getHeaderRowRange(): Excel.Range {
    return this._range("getHeaderRowRange", (t) => t.headerRect) as never;
  }
  /** The whole column. */
  getRange(): Excel.Range {
    return this._range("getRange", (t) => t.rect) as never;
  }
  /** The column's totals cell. */
  getTotalRowRange(): Excel.Range {
    return this._range("getTotalRowRange", (t) => t.totalsRect) as never;
  }
  /** Deletes the column; the table's cells to its right move left. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.deleteTableColumn(t.table, t.index));
  }
  /** The column's filter. */
  get filter(): ColumnFilter {
    return (this._filter ??= new ColumnFilter(this._ctx, "Filter", `${this._path}.filter`, () =>
      this._target()
    ));
  }
  private _filter?: ColumnFilter;
}
function colRect(table: TableModel, index: number, part: Rect): Rect {
  return { ...part, c0: table.rect.c0 + index, c1: table.rect.c0 + index };
}
defineProps(TableColumn);

/** `Excel.TableColumnCollection`. */
export class TableColumnCollection extends ClientCollection<TableModel, TableColumn> {
  declare count: number;
  static props: Record<string, PropDef<TableModel>> = {
    count: { get: (t) => columnCount(t.rect) },
  };
  _list(t: TableModel): unknown[] {
    return Array.from({ length: columnCount(t.rect) }, (_, i) => ({ table: t, index: i }));
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): TableColumn {
    return new TableColumn(this._ctx, "TableColumn", path, resolve as never, nullable);
  }
  private _find(key: number | string, nullable: boolean, method: string): TableColumn {
    return this._lookup(
      method,
      key,
      (t) => {
        const headers = this._model.tableHeaders(t);
        const index =
          typeof key === "number"
            ? key
            : headers.findIndex((h) => h.toLowerCase() === String(key).toLowerCase());
        return index < 0 || index >= headers.length ? null : { table: t, index };
      },
      nullable
    );
  }
  /** A column by name or id (1-based id). */
  getItem(key: number | string): Excel.TableColumn {
    return this._find(typeof key === "number" ? key - 1 : key, false, "getItem") as never;
  }
  /** A column by 0-based index. */
  getItemAt(index: number): Excel.TableColumn {
    return this._find(index, false, "getItemAt") as never;
  }
  /** A column by name, or a null object. */
  getItemOrNullObject(key: number | string): Excel.TableColumn {
    return this._find(
      typeof key === "number" ? key - 1 : key,
      true,
      "getItemOrNullObject"
    ) as never;
  }
  /** Adds a column at the right edge (values may include the header; `name` sets it). */
  add(
    index?: number | null,
    values?: any[][] | boolean | string | number,
    name?: string
  ): Excel.TableColumn {
    return this._added("", { index, values, name }, (t) => {
      const v =
        values === undefined || values === null
          ? null
          : Array.isArray(values)
            ? values
            : [[values]];
      this._model.addTableColumn(t, index, v as unknown[][] | null, name);
      return { table: t, index: columnCount(t.rect) - 1 };
    }) as never;
  }
}
defineProps(TableColumnCollection);

/** `Excel.TableRow`. */
export class TableRow extends ClientObject<{ table: TableModel; index: number }> {
  declare index: number;
  declare values: any[][];
  static props: Record<string, PropDef<{ table: TableModel; index: number }>> = {
    index: { get: (t) => t.index },
    values: {
      get: (t, m) => m.readValues({ sheet: t.table.sheet, rect: rowRect(t.table, t.index) }),
      set: (t, v, m) => {
        const rect = rowRect(t.table, t.index);
        m.writeInputs({ sheet: t.table.sheet, rect }, shaped(rect, v, "values"));
      },
    },
  };
  /** The row's cells. */
  getRange(): Excel.Range {
    return new Range(this._ctx, `${this._path}.getRange()`, () => {
      const t = this._target();
      return t ? { sheet: t.table.sheet, rect: rowRect(t.table, t.index) } : null;
    }) as never;
  }
  /** Deletes the row; the table's cells below move up. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.deleteTableRow(t.table, t.index));
  }
}
function rowRect(table: TableModel, index: number): Rect {
  const r = table.bodyRect.r0 + index;
  return { ...table.rect, r0: r, r1: r };
}
defineProps(TableRow);

/** `Excel.TableRowCollection`. */
export class TableRowCollection extends ClientCollection<TableModel, TableRow> {
  declare count: number;
  static props: Record<string, PropDef<TableModel>> = {
    count: { get: (t) => rowCount(t.bodyRect) },
  };
  _list(t: TableModel): unknown[] {
    return Array.from({ length: rowCount(t.bodyRect) }, (_, i) => ({ table: t, index: i }));
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): TableRow {
    return new TableRow(this._ctx, "TableRow", path, resolve as never, nullable);
  }
  /** Appends rows (a 2-D array, one row per entry). */
  add(
    index?: number | null,
    values?: any[][] | boolean | string | number,
    alwaysInsert?: boolean
  ): Excel.TableRow {
    void alwaysInsert;
    return this._added("", { index, values }, (t) => {
      const v =
        values === undefined || values === null
          ? null
          : Array.isArray(values)
            ? Array.isArray(values[0])
              ? values
              : [values]
            : [[values]];
      this._model.addTableRows(t, index, v as unknown[][] | null);
      return { table: t, index: rowCount(t.bodyRect) - 1 };
    }) as never;
  }
  /** The row at a 0-based index. */
  getItemAt(index: number): Excel.TableRow {
    return this._at(index) as never;
  }
  /** Deletes rows by index or TableRow (ExcelApiOnline 1.1); refused on a filtered table. */
  deleteRows(rows: number[] | Excel.TableRow[]): void {
    this._queue("deleteRows", { count: rows.length }, (t) => {
      const indexes = (rows as unknown[]).map((r) =>
        typeof r === "number" ? r : ((r as TableRow)._target()?.index ?? -1)
      );
      this._model.deleteTableRows(t, indexes, "TableRowCollection.deleteRows");
    });
  }
  /** Deletes `count` rows from `index` (ExcelApiOnline 1.1); refused on a filtered table. */
  deleteRowsAt(index: number, count = 1): void {
    this._queue("deleteRowsAt", { index, count }, (t) => {
      const indexes = Array.from({ length: count }, (_, i) => index + i);
      this._model.deleteTableRows(t, indexes, "TableRowCollection.deleteRowsAt");
    });
  }
}
defineProps(TableRowCollection);

/** `Excel.Table`. */
export class Table extends ClientObject<TableModel> {
  static children = ["columns", "rows", "worksheet", "sort", "autoFilter"];
  declare name: string;
  declare id: string;
  declare style: string;
  declare showTotals: boolean;
  declare showHeaders: boolean;
  declare showBandedRows: boolean;
  declare showBandedColumns: boolean;
  declare showFilterButton: boolean;
  declare highlightFirstColumn: boolean;
  declare highlightLastColumn: boolean;
  private _columns?: TableColumnCollection;
  private _rows?: TableRowCollection;
  static props: Record<string, PropDef<TableModel>> = {
    name: { get: (t) => t.name, set: (t, v, m) => m.renameTable(t, String(v)) },
    id: { get: (t) => t.id },
    style: {
      get: (t) => t.style,
      set: (t, v) => {
        if (typeof v !== "string" || !/^(TableStyle(Light|Medium|Dark)\d{1,2}|)$/.test(v)) {
          throw excelError(
            "InvalidArgument",
            `The argument is invalid: table style '${String(v)}'.`,
            "Table.style"
          );
        }
        t.style = v;
      },
    },
    showTotals: {
      get: (t) => t.showTotals,
      set: (t, v, m) => {
        if (Boolean(v) === t.showTotals) return;
        if (v) {
          const below: Rect = { ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + 1 };
          if (m.readValues({ sheet: t.sheet, rect: below })[0].some((x) => x !== "")) {
            throw notImplemented(
              "Table.showTotals over occupied cells below the table (Excel shifts them down)"
            );
          }
          t.rect = { ...t.rect, r1: t.rect.r1 + 1 };
          t.showTotals = true;
          m.writeInputs({ sheet: t.sheet, rect: t.totalsRect }, [
            Array.from({ length: columnCount(t.rect) }, (_, i) => (i === 0 ? "Total" : "")),
          ]);
        } else {
          m.clear({ sheet: t.sheet, rect: t.totalsRect }, "Contents");
          t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
          t.showTotals = false;
        }
        m.refreshStructured();
      },
    },
    showHeaders: {
      get: (t) => t.showHeaders,
      set: (t, v) =>
        void (v
          ? undefined
          : (() => {
              throw notImplemented("Table.showHeaders = false");
            })()),
    },
    showBandedRows: bool("showBandedRows"),
    showBandedColumns: bool("showBandedColumns"),
    showFilterButton: bool("showFilterButton"),
    highlightFirstColumn: bool("highlightFirstColumn"),
    highlightLastColumn: bool("highlightLastColumn"),
  };
  /** `table.columns`. */
  get columns(): TableColumnCollection {
    return (this._columns ??= new TableColumnCollection(
      this._ctx,
      "TableColumnCollection",
      `${this._path}.columns`,
      () => this._target()
    ));
  }
  /** `table.rows`. */
  get rows(): TableRowCollection {
    return (this._rows ??= new TableRowCollection(
      this._ctx,
      "TableRowCollection",
      `${this._path}.rows`,
      () => this._target()
    ));
  }
  /** `table.sort`. */
  get sort(): TableSort {
    return (this._sort ??= new TableSort(this._ctx, "TableSort", `${this._path}.sort`, () =>
      this._target()
    ));
  }
  /** `table.autoFilter`. */
  get autoFilter(): TableAutoFilter {
    return (this._autoFilter ??= new TableAutoFilter(
      this._ctx,
      "AutoFilter",
      `${this._path}.autoFilter`,
      () => this._target()
    ));
  }
  private _sort?: TableSort;
  private _autoFilter?: TableAutoFilter;
  /** Shows every row and drops every column's filter. */
  clearFilters(): void {
    this._queue("clearFilters", undefined, (t) => this._model.clearTableFilters(t));
  }
  /** Hides and shows rows again by the filters in force. */
  reapplyFilters(): void {
    this._queue("reapplyFilters", undefined, (t) => this._model.reapplyFilters(t, true));
  }
  /** `table.worksheet`. */
  get worksheet(): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.worksheet`,
      () => this._target()?.sheet ?? null
    ) as never;
  }
  private _range(name: string, part: (t: TableModel) => Rect | null): Range {
    return new Range(this._ctx, `${this._path}.${name}()`, () => {
      const t = this._target();
      const r = t ? part(t) : null;
      if (t && !r) throw notFound(`Table.${name}`);
      return t && r ? { sheet: t.sheet, rect: r } : null;
    });
  }
  /** The whole table. */
  getRange(): Excel.Range {
    return this._range("getRange", (t) => t.rect) as never;
  }
  /** The header row. */
  getHeaderRowRange(): Excel.Range {
    return this._range("getHeaderRowRange", (t) => t.headerRect) as never;
  }
  /** The data rows. */
  getDataBodyRange(): Excel.Range {
    return this._range("getDataBodyRange", (t) => t.bodyRect) as never;
  }
  /** The totals row (ItemNotFound when hidden). */
  getTotalRowRange(): Excel.Range {
    return this._range("getTotalRowRange", (t) => (t.showTotals ? t.totalsRect : null)) as never;
  }
  /** Resizes to a new range with the same header row. */
  resize(newRange: Excel.Range | string): void {
    this._queue(
      "resize",
      { newRange: typeof newRange === "string" ? newRange : "(range)" },
      (t) => {
        const r = rangeArg(this._model, newRange, t.sheet, "Table.resize");
        if (r.sheet !== t.sheet)
          throw excelError(
            "InvalidArgument",
            "The argument is invalid: another sheet.",
            "Table.resize"
          );
        this._model.resizeTable(t, r.rect);
      }
    );
  }
  /** Deletes the table and its cells. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.removeTable(t));
  }
  /** Turns the table back into plain cells. */
  convertToRange(): Excel.Range {
    let rect: RangeRef | null = null;
    const r = new Range(this._ctx, `${this._path}.convertToRange()`, () => rect);
    this._queue("convertToRange", undefined, (t) => {
      rect = { sheet: t.sheet, rect: t.rect };
      this._model.convertTable(t);
    });
    return r as never;
  }
}
function bool(
  key:
    | "showBandedRows"
    | "showBandedColumns"
    | "showFilterButton"
    | "highlightFirstColumn"
    | "highlightLastColumn"
): PropDef<TableModel> {
  return { get: (t) => t[key], set: (t, v) => void (t[key] = Boolean(v)) };
}
defineProps(Table);

/** `Excel.TableCollection` (workbook.tables or worksheet.tables). */
export class TableCollection extends ClientCollection<{ sheet: SheetModel | null }, Table> {
  declare count: number;
  static props: Record<string, PropDef<{ sheet: SheetModel | null }>> = {
    count: { get: (t, m) => m.tables.filter((x) => !t.sheet || x.sheet === t.sheet).length },
  };
  _sheetFilter: (() => SheetModel | null) | null;
  constructor(ctx: RequestContext, path: string, sheet: (() => SheetModel | null) | null) {
    super(ctx, "TableCollection", path, () => ({ sheet: sheet ? sheet() : null }));
    this._sheetFilter = sheet;
  }
  _list(t: { sheet: SheetModel | null }): unknown[] {
    return this._model.tables.filter((x) => !this._sheetFilter || x.sheet === t.sheet);
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): Table {
    return new Table(this._ctx, "Table", path, resolve as never, nullable);
  }
  /** Creates a table over an address ("A1:D1", or "Sheet!A1:D1" on workbook.tables). */
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    const label = typeof address === "string" ? address : "(range)";
    return this._added(label, { address: label, hasHeaders }, (t) => {
      const ref = rangeArg(this._model, address, t.sheet, "TableCollection.add");
      if (t.sheet && ref.sheet !== t.sheet)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: the range is on another sheet.",
          "TableCollection.add"
        );
      return this._model.addTable(ref, Boolean(hasHeaders));
    }) as never;
  }
  private _find(name: string, nullable: boolean, method: string): Table {
    return this._lookup(
      method,
      name,
      (t) =>
        (this._list(t) as TableModel[]).find(
          (x) => x.name.toLowerCase() === String(name).toLowerCase()
        ),
      nullable
    );
  }
  /** A table by name. */
  getItem(key: string): Excel.Table {
    return this._find(key, false, "getItem") as never;
  }
  /** A table by name, or a null object. */
  getItemOrNullObject(key: string): Excel.Table {
    return this._find(key, true, "getItemOrNullObject") as never;
  }
  /** A table by index. */
  getItemAt(index: number): Excel.Table {
    return this._at(index) as never;
  }
}
defineProps(TableCollection);
