/**
 * Workbook-level proxies: Workbook, Application, worksheets, tables, charts, named items and
 * settings.
 */
import { Rect, columnCount, formatAddress, parseAddress, rowCount } from "./address";
import {
  ClientCollection,
  ClientObject,
  ClientResult,
  PropDef,
  RequestContext,
  defineProps,
  resultOf,
  unwrapDeep,
} from "./client";
import { excelError, notFound, notImplemented } from "./errors";
import {
  ChartModel,
  NameModel,
  RangeRef,
  SeriesModel,
  SheetModel,
  TableModel,
  isRangeRef,
} from "./model";
import { Range, shaped } from "./range";
import { CHART_SPECS, RecordProxy } from "./records";

function rangeArg(
  model: import("./model").WorkbookModel,
  x: unknown,
  sheet: SheetModel | null,
  where: string
): RangeRef {
  if (typeof x === "string") {
    const p = parseAddress(x);
    if (p.sheet !== undefined) return { sheet: model.sheet(p.sheet, where), rect: p };
    if (!sheet) return model.rangeFromAddress(x, where);
    return { sheet, rect: p };
  }
  const r = unwrapDeep(x);
  if (!isRangeRef(r))
    throw excelError(
      "InvalidArgument",
      "The argument is invalid or missing or has an incorrect format.",
      where
    );
  return r;
}

// ------------------------------------------------------------------ tables

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
  /** Excel deletes the column and shifts; not implemented. */
  delete(): void {
    throw notImplemented("TableColumn.delete");
  }
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
  _item(obj: unknown, i: number): TableColumn {
    return new TableColumn(
      this._ctx,
      "TableColumn",
      `${this._path}.items[${i}]`,
      () => obj as never
    );
  }
  private _find(key: number | string, nullable: boolean, method: string): TableColumn {
    return new TableColumn(
      this._ctx,
      "TableColumn",
      `${this._path}.${method}(${JSON.stringify(key)})`,
      () => {
        const t = this._target();
        if (!t) return null;
        const headers = this._model.tableHeaders(t);
        const index =
          typeof key === "number"
            ? key
            : headers.findIndex((h) => h.toLowerCase() === String(key).toLowerCase());
        if (index < 0 || index >= headers.length) {
          if (nullable) return null;
          throw notFound(`TableColumnCollection.${method}`);
        }
        return { table: t, index };
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
    let made: { table: TableModel; index: number } | null = null;
    const col = new TableColumn(this._ctx, "TableColumn", `${this._path}.add()`, () => made);
    this._queue("add", { index, values, name }, (t) => {
      const v =
        values === undefined || values === null
          ? null
          : Array.isArray(values)
            ? values
            : [[values]];
      this._model.addTableColumn(t, index, v as unknown[][] | null, name);
      made = { table: t, index: columnCount(t.rect) - 1 };
    });
    return col as never;
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
  /** Excel deletes the row and shifts; not implemented. */
  delete(): void {
    throw notImplemented("TableRow.delete");
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
  _item(obj: unknown, i: number): TableRow {
    return new TableRow(this._ctx, "TableRow", `${this._path}.items[${i}]`, () => obj as never);
  }
  /** Appends rows (a 2-D array, one row per entry). */
  add(
    index?: number | null,
    values?: any[][] | boolean | string | number,
    alwaysInsert?: boolean
  ): Excel.TableRow {
    void alwaysInsert;
    let made: { table: TableModel; index: number } | null = null;
    const row = new TableRow(this._ctx, "TableRow", `${this._path}.add()`, () => made);
    this._queue("add", { index, values }, (t) => {
      const v =
        values === undefined || values === null
          ? null
          : Array.isArray(values)
            ? Array.isArray(values[0])
              ? values
              : [values]
            : [[values]];
      this._model.addTableRows(t, index, v as unknown[][] | null);
      made = { table: t, index: rowCount(t.bodyRect) - 1 };
    });
    return row as never;
  }
  /** The row at a 0-based index. */
  getItemAt(index: number): Excel.TableRow {
    return new TableRow(this._ctx, "TableRow", `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      if (!t) return null;
      if (index < 0 || index >= rowCount(t.bodyRect))
        throw notFound("TableRowCollection.getItemAt");
      return { table: t, index };
    }) as never;
  }
}
defineProps(TableRowCollection);

/** `Excel.Table`. */
export class Table extends ClientObject<TableModel> {
  static children = ["columns", "rows", "worksheet"];
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
  _item(obj: unknown, i: number): Table {
    return new Table(this._ctx, "Table", `${this._path}.items[${i}]`, () => obj as never);
  }
  /** Creates a table over an address ("A1:D1", or "Sheet!A1:D1" on workbook.tables). */
  add(address: Excel.Range | string, hasHeaders: boolean): Excel.Table {
    let made: TableModel | null = null;
    const table = new Table(
      this._ctx,
      "Table",
      `${this._path}.add(${typeof address === "string" ? address : "(range)"})`,
      () => made
    );
    this._queue(
      "add",
      { address: typeof address === "string" ? address : "(range)", hasHeaders },
      (t) => {
        const ref = rangeArg(this._model, address, t.sheet, "TableCollection.add");
        if (t.sheet && ref.sheet !== t.sheet)
          throw excelError(
            "InvalidArgument",
            "The argument is invalid: the range is on another sheet.",
            "TableCollection.add"
          );
        made = this._model.addTable(ref, Boolean(hasHeaders));
      }
    );
    return table as never;
  }
  private _find(name: string, nullable: boolean, method: string): Table {
    return new Table(
      this._ctx,
      "Table",
      `${this._path}.${method}(${JSON.stringify(name)})`,
      () => {
        const t = this._target();
        const found = t
          ? (this._list(t) as TableModel[]).find(
              (x) => x.name.toLowerCase() === String(name).toLowerCase()
            )
          : undefined;
        if (!found && !nullable) throw notFound(`TableCollection.${method}`);
        return found ?? null;
      },
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
    return new Table(this._ctx, "Table", `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      const list = t ? (this._list(t) as TableModel[]) : [];
      if (index < 0 || index >= list.length) throw notFound("TableCollection.getItemAt");
      return list[index];
    }) as never;
  }
}
defineProps(TableCollection);

// ------------------------------------------------------------------ charts

/** `Excel.ChartSeries`. */
export class ChartSeries extends ClientObject<{ chart: ChartModel; series: SeriesModel }> {
  static children = ["format", "dataLabels"];
  declare name: string;
  declare chartType: string;
  declare hasDataLabels: boolean;
  declare axisGroup: string;
  declare markerStyle: string;
  declare smooth: boolean;
  private _format?: RecordProxy;
  private _labels?: RecordProxy;
  static props: Record<string, PropDef<{ chart: ChartModel; series: SeriesModel }>> = {
    name: { get: (t) => t.series.name, set: (t, v) => void (t.series.name = String(v)) },
    chartType: {
      get: (t) => t.series.chartType ?? t.chart.type,
      set: (t, v) => void (t.series.chartType = String(v)),
    },
    hasDataLabels: {
      get: (t) => t.series.hasDataLabels,
      set: (t, v) => void (t.series.hasDataLabels = Boolean(v)),
    },
    axisGroup: {
      get: (t) => t.series.axisGroup,
      set: (t, v) => void (t.series.axisGroup = String(v)),
    },
    markerStyle: {
      get: (t) => t.series.markerStyle ?? "Automatic",
      set: (t, v) => void (t.series.markerStyle = String(v)),
    },
    smooth: {
      get: (t) => Boolean(t.series.smooth),
      set: (t, v) => void (t.series.smooth = Boolean(v)),
    },
  };
  /** `series.format` (fill.setSolidColor, line.color). */
  get format(): RecordProxy {
    return (this._format ??= new RecordProxy(
      this._ctx,
      CHART_SPECS.seriesFormat,
      `${this._path}.format`,
      () => {
        const t = this._target();
        return t ? (t.series.format as unknown as Record<string, unknown>) : null;
      }
    ));
  }
  /** `series.dataLabels`. */
  get dataLabels(): RecordProxy {
    return (this._labels ??= new RecordProxy(
      this._ctx,
      CHART_SPECS.dataLabels,
      `${this._path}.dataLabels`,
      () => {
        const t = this._target();
        if (!t) return null;
        const s = t.series as unknown as Record<string, unknown>;
        return (s.dataLabels ??= {}) as Record<string, unknown>;
      }
    ));
  }
  /** Sets the values from a range. */
  setValues(sourceData: Excel.Range): void {
    this._queue("setValues", { sourceData: "(range)" }, (t) => {
      t.series.values = rangeArg(this._model, sourceData, t.chart.sheet, "ChartSeries.setValues");
    });
  }
  /** Sets the categories from a range. */
  setXAxisValues(sourceData: Excel.Range): void {
    this._queue("setXAxisValues", { sourceData: "(range)" }, (t) => {
      t.series.categories = rangeArg(
        this._model,
        sourceData,
        t.chart.sheet,
        "ChartSeries.setXAxisValues"
      );
    });
  }
  /** Removes the series. */
  delete(): void {
    this._queue(
      "delete",
      undefined,
      (t) => void (t.chart.series = t.chart.series.filter((s) => s !== t.series))
    );
  }
  /** The values or categories as shown. */
  getDimensionValues(dimension: string): ClientResult<string[]> {
    return resultOf(this, "getDimensionValues", { dimension }, () => {
      const t = this._target()!;
      if (dimension === "Categories" || dimension === "XValues")
        return this._model.seriesLabels(t.series.categories);
      return this._model.seriesData(t.series.values).map(String);
    });
  }
}
defineProps(ChartSeries);

/** `Excel.ChartSeriesCollection`. */
export class ChartSeriesCollection extends ClientCollection<ChartModel, ChartSeries> {
  declare count: number;
  static props: Record<string, PropDef<ChartModel>> = { count: { get: (t) => t.series.length } };
  _list(t: ChartModel): unknown[] {
    return t.series.map((series) => ({ chart: t, series }));
  }
  _item(obj: unknown, i: number): ChartSeries {
    return new ChartSeries(
      this._ctx,
      "ChartSeries",
      `${this._path}.items[${i}]`,
      () => obj as never
    );
  }
  /** A series by index. */
  getItemAt(index: number): Excel.ChartSeries {
    return new ChartSeries(this._ctx, "ChartSeries", `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      if (!t) return null;
      if (index < 0 || index >= t.series.length) throw notFound("ChartSeriesCollection.getItemAt");
      return { chart: t, series: t.series[index] };
    }) as never;
  }
  /** Adds an empty series (then setValues / setXAxisValues). */
  add(name?: string, index?: number): Excel.ChartSeries {
    let made: { chart: ChartModel; series: SeriesModel } | null = null;
    const s = new ChartSeries(
      this._ctx,
      "ChartSeries",
      `${this._path}.add(${JSON.stringify(name ?? "")})`,
      () => made
    );
    this._queue("add", { name, index }, (t) => {
      const series: SeriesModel = {
        name: name ?? `Series${t.series.length + 1}`,
        values: null,
        categories: t.series[0]?.categories ?? null,
        chartType: null,
        hasDataLabels: false,
        axisGroup: "Primary",
        format: { fill: { color: null }, line: {} },
      };
      const at =
        index === undefined || index === null
          ? t.series.length
          : Math.max(0, Math.min(index, t.series.length));
      t.series.splice(at, 0, series);
      made = { chart: t, series };
    });
    return s as never;
  }
}
defineProps(ChartSeriesCollection);

/** `Excel.ChartAxes`. */
export class ChartAxes extends ClientObject<ChartModel> {
  static children = ["categoryAxis", "valueAxis"];
  private _axes: Record<string, RecordProxy> = {};
  private _axis(which: "category" | "value"): RecordProxy {
    return (this._axes[which] ??= new RecordProxy(
      this._ctx,
      CHART_SPECS.axis,
      `${this._path}.${which}Axis`,
      () => {
        const t = this._target();
        return t ? (t.axes[which] as unknown as Record<string, unknown>) : null;
      }
    ));
  }
  /** The category (x) axis. */
  get categoryAxis(): RecordProxy {
    return this._axis("category");
  }
  /** The value (y) axis. */
  get valueAxis(): RecordProxy {
    return this._axis("value");
  }
  /** An axis by type ("Category" | "Value"); secondary axes are not implemented. */
  getItem(type: string, group?: string): RecordProxy {
    if (group && group !== "Primary") throw notImplemented("ChartAxes.getItem(…, Secondary)");
    if (type === "Category") return this._axis("category");
    if (type === "Value") return this._axis("value");
    throw notImplemented(`ChartAxes.getItem(${type})`);
  }
}

/** `Excel.Chart`. */
export class Chart extends ClientObject<ChartModel> {
  static children = ["title", "legend", "axes", "series", "dataLabels", "worksheet"];
  declare name: string;
  declare id: string;
  declare chartType: string;
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  private _parts: Record<string, ClientObject<unknown>> = {};
  static props: Record<string, PropDef<ChartModel>> = {
    name: { get: (t) => t.name, set: (t, v) => void (t.name = String(v)) },
    id: { get: (t) => t.id },
    chartType: { get: (t) => t.type, set: (t, v) => void (t.type = String(v)) },
    top: num("top"),
    left: num("left"),
    width: num("width"),
    height: num("height"),
    style: { get: (t) => t.style ?? 2, set: (t, v) => void (t.style = Number(v)) },
  };
  private _part<P extends ClientObject<unknown>>(name: string, make: () => P): P {
    return (this._parts[name] ??= make()) as P;
  }
  private _record(name: "title" | "legend" | "dataLabels"): RecordProxy {
    return this._part(
      name,
      () =>
        new RecordProxy(this._ctx, CHART_SPECS[name], `${this._path}.${name}`, () => {
          const t = this._target();
          return t ? (t[name] as unknown as Record<string, unknown>) : null;
        })
    );
  }
  /** `chart.title`. */
  get title(): RecordProxy {
    return this._record("title");
  }
  /** `chart.legend`. */
  get legend(): RecordProxy {
    return this._record("legend");
  }
  /** `chart.dataLabels`. */
  get dataLabels(): RecordProxy {
    return this._record("dataLabels");
  }
  /** `chart.axes`. */
  get axes(): ChartAxes {
    return this._part(
      "axes",
      () => new ChartAxes(this._ctx, "ChartAxes", `${this._path}.axes`, () => this._target())
    );
  }
  /** `chart.series`. */
  get series(): ChartSeriesCollection {
    return this._part(
      "series",
      () =>
        new ChartSeriesCollection(this._ctx, "ChartSeriesCollection", `${this._path}.series`, () =>
          this._target()
        )
    );
  }
  /** `chart.format`. */
  get format(): RecordProxy {
    return this._part(
      "format",
      () =>
        new RecordProxy(this._ctx, CHART_SPECS.chartFormat, `${this._path}.format`, () => {
          const t = this._target() as unknown as Record<string, unknown> | null;
          return t ? ((t.format ??= {}) as Record<string, unknown>) : null;
        })
    );
  }
  /** `chart.worksheet`. */
  get worksheet(): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.worksheet`,
      () => this._target()?.sheet ?? null
    ) as never;
  }
  /** Places the chart over cells (and sizes it to `endCell` when given). */
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this._queue(
      "setPosition",
      {
        startCell: String(typeof startCell === "string" ? startCell : "(range)"),
        endCell: typeof endCell === "string" ? endCell : endCell ? "(range)" : undefined,
      },
      (t) => {
        const a = rangeArg(this._model, startCell, t.sheet, "Chart.setPosition");
        const b =
          endCell === undefined || endCell === null
            ? null
            : rangeArg(this._model, endCell, t.sheet, "Chart.setPosition");
        this._model.placeChart(t, a, b);
      }
    );
  }
  /** Replaces the source data. */
  setData(sourceData: Excel.Range, seriesBy?: string): void {
    this._queue("setData", { seriesBy }, (t) => {
      const ref = rangeArg(this._model, sourceData, t.sheet, "Chart.setData");
      t.source = ref;
      t.seriesBy = seriesBy ?? "Auto";
      t.series = this._model.seriesFromSource(ref, t.seriesBy);
    });
  }
  /** Deletes the chart. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.removeChart(t));
  }
  /** Activates the chart (no visible effect here). */
  activate(): void {
    this._queue("activate", undefined, () => undefined);
  }
}
function num(key: "top" | "left" | "width" | "height"): PropDef<ChartModel> {
  return {
    get: (t) => t[key],
    set: (t, v) => {
      if (typeof v !== "number" || v < 0)
        throw excelError("InvalidArgument", `The argument is invalid: ${key}.`, `Chart.${key}`);
      t[key] = v;
    },
  };
}
defineProps(Chart);

/** `Excel.ChartCollection`. */
export class ChartCollection extends ClientCollection<SheetModel, Chart> {
  declare count: number;
  static props: Record<string, PropDef<SheetModel>> = { count: { get: (t) => t.charts.length } };
  _list(t: SheetModel): unknown[] {
    return t.charts;
  }
  _item(obj: unknown, i: number): Chart {
    return new Chart(this._ctx, "Chart", `${this._path}.items[${i}]`, () => obj as never);
  }
  /** Adds a chart of a type over a source range. */
  add(type: string, sourceData: Excel.Range, seriesBy?: string): Excel.Chart {
    let made: ChartModel | null = null;
    const chart = new Chart(this._ctx, "Chart", `${this._path}.add(${type})`, () => made);
    this._queue("add", { type, seriesBy }, (t) => {
      const ref = rangeArg(this._model, sourceData, t, "ChartCollection.add");
      made = this._model.addChart(t, type, ref, seriesBy ?? "Auto");
    });
    return chart as never;
  }
  private _find(name: string, nullable: boolean, method: string): Chart {
    return new Chart(
      this._ctx,
      "Chart",
      `${this._path}.${method}(${JSON.stringify(name)})`,
      () => {
        const t = this._target();
        const found = t?.charts.find((c) => c.name === name);
        if (!found && !nullable) throw notFound(`ChartCollection.${method}`);
        return found ?? null;
      },
      nullable
    );
  }
  /** A chart by name. */
  getItem(name: string): Excel.Chart {
    return this._find(name, false, "getItem") as never;
  }
  /** A chart by name, or a null object. */
  getItemOrNullObject(name: string): Excel.Chart {
    return this._find(name, true, "getItemOrNullObject") as never;
  }
  /** A chart by index. */
  getItemAt(index: number): Excel.Chart {
    return new Chart(this._ctx, "Chart", `${this._path}.getItemAt(${index})`, () => {
      const t = this._target();
      if (!t || index < 0 || index >= t.charts.length) throw notFound("ChartCollection.getItemAt");
      return t.charts[index];
    }) as never;
  }
}
defineProps(ChartCollection);

// ------------------------------------------------------------------ worksheets

/** `Excel.WorksheetFreezePanes`. */
export class WorksheetFreezePanes extends ClientObject<SheetModel> {
  /** Freezes the top rows. */
  freezeRows(count = 1): void {
    this._queue("freezeRows", { count }, (t) => {
      t.freezeRows = count;
      t.freezeColumns = 0;
    });
  }
  /** Freezes the left columns. */
  freezeColumns(count = 1): void {
    this._queue("freezeColumns", { count }, (t) => {
      t.freezeColumns = count;
      t.freezeRows = 0;
    });
  }
  /** Freezes the rows above and columns left of the bottom-right of a range. */
  freezeAt(frozenRange: Excel.Range | string): void {
    this._queue(
      "freezeAt",
      { frozenRange: typeof frozenRange === "string" ? frozenRange : "(range)" },
      (t) => {
        const r = rangeArg(this._model, frozenRange, t, "WorksheetFreezePanes.freezeAt");
        t.freezeRows = r.rect.r1 + 1;
        t.freezeColumns = r.rect.c1 + 1;
      }
    );
  }
  /** Removes frozen panes. */
  unfreeze(): void {
    this._queue("unfreeze", undefined, (t) => {
      t.freezeRows = 0;
      t.freezeColumns = 0;
    });
  }
  /** The frozen cells, or a null object. */
  getLocationOrNullObject(): Excel.Range {
    return new Range(
      this._ctx,
      `${this._path}.getLocationOrNullObject()`,
      () => {
        const t = this._target();
        if (!t || (!t.freezeRows && !t.freezeColumns)) return null;
        return {
          sheet: t,
          rect: {
            r0: 0,
            c0: 0,
            r1: Math.max(t.freezeRows, 1) - 1,
            c1: Math.max(t.freezeColumns, 1) - 1,
          },
        };
      },
      true
    ) as never;
  }
}

/** `Excel.Worksheet`. */
export class Worksheet extends ClientObject<SheetModel> {
  static children = ["tables", "charts", "freezePanes"];
  declare name: string;
  declare id: string;
  declare position: number;
  declare visibility: Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden";
  declare tabColor: string;
  declare showGridlines: boolean;
  declare standardWidth: number;
  declare standardHeight: number;
  private _tables?: TableCollection;
  private _charts?: ChartCollection;
  private _freeze?: WorksheetFreezePanes;
  static props: Record<string, PropDef<SheetModel>> = {
    name: { get: (t) => t.name, set: (t, v, m) => m.renameSheet(t, String(v)) },
    id: { get: (t) => t.id },
    position: { get: (t, m) => m.sheets.indexOf(t), set: (t, v, m) => m.moveSheet(t, Number(v)) },
    visibility: { get: (t) => t.visibility, set: (t, v, m) => m.setVisibility(t, String(v)) },
    tabColor: {
      get: (t) => t.tabColor,
      set: (t, v) => {
        if (typeof v !== "string" || (v !== "" && !/^#[0-9A-Fa-f]{6}$|^[A-Za-z]+$/.test(v)))
          throw excelError(
            "InvalidArgument",
            `The argument is invalid: tabColor '${String(v)}'.`,
            "Worksheet.tabColor"
          );
        t.tabColor = v.startsWith("#") ? v.toUpperCase() : v;
      },
    },
    showGridlines: {
      get: (t) => t.showGridlines,
      set: (t, v) => void (t.showGridlines = Boolean(v)),
    },
    standardWidth: { get: () => 8.43 },
    standardHeight: { get: () => 15 },
  };

  constructor(
    ctx: RequestContext,
    path: string,
    resolve: () => SheetModel | null,
    nullable = false
  ) {
    super(ctx, "Worksheet", path, resolve, nullable);
  }

  /** `worksheet.tables`. */
  get tables(): TableCollection {
    return (this._tables ??= new TableCollection(this._ctx, `${this._path}.tables`, () =>
      this._target()
    ));
  }
  /** `worksheet.charts`. */
  get charts(): ChartCollection {
    return (this._charts ??= new ChartCollection(
      this._ctx,
      "ChartCollection",
      `${this._path}.charts`,
      () => this._target()
    ));
  }
  /** `worksheet.freezePanes`. */
  get freezePanes(): WorksheetFreezePanes {
    return (this._freeze ??= new WorksheetFreezePanes(
      this._ctx,
      "WorksheetFreezePanes",
      `${this._path}.freezePanes`,
      () => this._target()
    ));
  }
  /** A range by A1 address (the whole sheet without one). */
  getRange(address?: string): Excel.Range {
    return new Range(this._ctx, `${this._path}.getRange(${JSON.stringify(address ?? "")})`, () => {
      const t = this._target();
      if (!t) return null;
      if (address === undefined || address === "")
        return { sheet: t, rect: { r0: 0, c0: 0, r1: 1048575, c1: 16383 } };
      const p = parseAddress(address);
      if (p.sheet !== undefined && p.sheet.toLowerCase() !== t.name.toLowerCase()) {
        throw excelError(
          "InvalidArgument",
          "The argument is invalid or missing or has an incorrect format.",
          "Worksheet.getRange"
        );
      }
      return { sheet: t, rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } };
    }) as never;
  }
  /** A range by 0-based indexes. */
  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): Excel.Range {
    return new Range(
      this._ctx,
      `${this._path}.getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`,
      () => {
        const t = this._target();
        if (!t) return null;
        if (rowCount < 1 || columnCount < 1)
          throw excelError(
            "InvalidArgument",
            "The argument is invalid or missing or has an incorrect format.",
            "Worksheet.getRangeByIndexes"
          );
        const rect = {
          r0: startRow,
          c0: startColumn,
          r1: startRow + rowCount - 1,
          c1: startColumn + columnCount - 1,
        };
        parseAddress(formatAddress(rect));
        return { sheet: t, rect };
      }
    ) as never;
  }
  /** A cell by 0-based indexes. */
  getCell(row: number, column: number): Excel.Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  /** The used range (A1 on an empty sheet, as Excel). */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return new Range(this._ctx, `${this._path}.getUsedRange(${Boolean(valuesOnly)})`, () => {
      const t = this._target();
      if (!t) return null;
      return {
        sheet: t,
        rect: this._model.usedRect(t, Boolean(valuesOnly)) ?? { r0: 0, c0: 0, r1: 0, c1: 0 },
      };
    }) as never;
  }
  /** The used range, or a null object on an empty sheet. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return new Range(
      this._ctx,
      `${this._path}.getUsedRangeOrNullObject(${Boolean(valuesOnly)})`,
      () => {
        const t = this._target();
        const rect = t ? this._model.usedRect(t, Boolean(valuesOnly)) : null;
        return t && rect ? { sheet: t, rect } : null;
      },
      true
    ) as never;
  }
  /** Makes the sheet active. */
  activate(): void {
    this._queue("activate", undefined, (t) => this._model.activate(t));
  }
  /** Deletes the sheet. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.deleteSheet(t));
  }
}
defineProps(Worksheet);
Range.worksheetOf = (ctx, path, resolve) =>
  new Worksheet(ctx, path, () => resolve()?.sheet ?? null);

/** `Excel.WorksheetCollection`. */
export class WorksheetCollection extends ClientCollection<SheetModel[], Worksheet> {
  static props: Record<string, PropDef<SheetModel[]>> = {};
  _list(): unknown[] {
    return this._model.sheets;
  }
  _item(obj: unknown, i: number): Worksheet {
    return new Worksheet(this._ctx, `${this._path}.items[${i}]`, () => obj as never);
  }
  /** Adds a sheet (SheetN when unnamed); duplicate names fail with ItemAlreadyExists. */
  add(name?: string): Excel.Worksheet {
    let made: SheetModel | null = null;
    const sheet = new Worksheet(
      this._ctx,
      `${this._path}.add(${JSON.stringify(name ?? "")})`,
      () => made
    );
    this._queue("add", { name }, () => {
      made = this._model.addSheet(name);
    });
    return sheet as never;
  }
  /** A sheet by name (or id). */
  getItem(key: string): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.getItem(${JSON.stringify(key)})`,
      () => this._model.findSheet(key) ?? this._model.sheets.find((s) => s.id === key) ?? null
    ) as never;
  }
  /** A sheet by name, or a null object. */
  getItemOrNullObject(key: string): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => this._model.findSheet(key) ?? this._model.sheets.find((s) => s.id === key) ?? null,
      true
    ) as never;
  }
  /** The active sheet. */
  getActiveWorksheet(): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.getActiveWorksheet()`,
      () => this._model.activeSheet
    ) as never;
  }
  /** The first sheet. */
  getFirst(visibleOnly?: boolean): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.getFirst()`,
      () => this._model.sheets.find((s) => !visibleOnly || s.visibility === "Visible") ?? null
    ) as never;
  }
  /** The last sheet. */
  getLast(visibleOnly?: boolean): Excel.Worksheet {
    return new Worksheet(
      this._ctx,
      `${this._path}.getLast()`,
      () =>
        [...this._model.sheets].reverse().find((s) => !visibleOnly || s.visibility === "Visible") ??
        null
    ) as never;
  }
}
defineProps(WorksheetCollection);

// ------------------------------------------------------------------ names, settings

/** `Excel.NamedItem`. */
export class NamedItem extends ClientObject<NameModel> {
  declare name: string;
  declare type: string;
  declare value: any;
  declare formula: any;
  declare visible: boolean;
  declare comment: string;
  declare scope: string;
  static props: Record<string, PropDef<NameModel>> = {
    name: { get: (t) => t.name },
    type: { get: (t, m) => m.nameType(t) },
    value: { get: (t, m) => m.nameValue(t) },
    formula: { get: (t) => t.formula, set: (t, v, m) => m.setNameFormula(t, String(v)) },
    visible: { get: (t) => t.visible, set: (t, v) => void (t.visible = Boolean(v)) },
    comment: { get: (t) => t.comment, set: (t, v) => void (t.comment = String(v)) },
    scope: { get: () => "Workbook" },
  };
  /** The range a name refers to (InvalidOperation-like error when it is not a range). */
  getRange(): Excel.Range {
    return new Range(this._ctx, `${this._path}.getRange()`, () => {
      const t = this._target();
      if (t && !t.ref)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: the name does not refer to a range.",
          "NamedItem.getRange"
        );
      return t?.ref ?? null;
    }) as never;
  }
  /** The range, or a null object. */
  getRangeOrNullObject(): Excel.Range {
    return new Range(
      this._ctx,
      `${this._path}.getRangeOrNullObject()`,
      () => this._target()?.ref ?? null,
      true
    ) as never;
  }
  /** Deletes the name. */
  delete(): void {
    this._queue("delete", undefined, (t) => this._model.removeName(t));
  }
}
defineProps(NamedItem);

/** `Excel.NamedItemCollection`. */
export class NamedItemCollection extends ClientCollection<NameModel[], NamedItem> {
  static props: Record<string, PropDef<NameModel[]>> = {};
  _list(): unknown[] {
    return this._model.names;
  }
  _item(obj: unknown, i: number): NamedItem {
    return new NamedItem(this._ctx, "NamedItem", `${this._path}.items[${i}]`, () => obj as never);
  }
  /** Adds a name for a range or a formula. */
  add(name: string, reference: Excel.Range | string, comment?: string): Excel.NamedItem {
    let made: NameModel | null = null;
    const item = new NamedItem(
      this._ctx,
      "NamedItem",
      `${this._path}.add(${JSON.stringify(name)})`,
      () => made
    );
    this._queue(
      "add",
      { name, reference: typeof reference === "string" ? reference : "(range)", comment },
      () => {
        const ref =
          typeof reference === "string"
            ? reference
            : rangeArg(this._model, reference, null, "NamedItemCollection.add");
        made = this._model.addName(name, ref, comment ?? "");
      }
    );
    return item as never;
  }
  /** Adds a name for a formula. */
  addFormulaLocal(name: string, formula: string, comment?: string): Excel.NamedItem {
    return this.add(name, formula, comment);
  }
  /** A name. */
  getItem(name: string): Excel.NamedItem {
    return new NamedItem(
      this._ctx,
      "NamedItem",
      `${this._path}.getItem(${JSON.stringify(name)})`,
      () => this._model.findName(name) ?? null
    ) as never;
  }
  /** A name, or a null object. */
  getItemOrNullObject(name: string): Excel.NamedItem {
    return new NamedItem(
      this._ctx,
      "NamedItem",
      `${this._path}.getItemOrNullObject(${JSON.stringify(name)})`,
      () => this._model.findName(name) ?? null,
      true
    ) as never;
  }
}
defineProps(NamedItemCollection);

/** `Excel.Setting`. */
export class Setting extends ClientObject<{ key: string }> {
  declare key: string;
  declare value: any;
  static props: Record<string, PropDef<{ key: string }>> = {
    key: { get: (t) => t.key },
    value: {
      get: (t, m) => clone(m.settings.get(t.key)),
      set: (t, v, m) => void m.settings.set(t.key, clone(v)),
    },
  };
  override _target(): { key: string } | null {
    const t = super._target();
    if (t && !this._model.settings.has(t.key)) throw notFound("Setting");
    return t;
  }
  /** Deletes the setting. */
  delete(): void {
    this._queue("delete", undefined, (t) => void this._model.settings.delete(t.key));
  }
}
defineProps(Setting);

/** Settings are stored as JSON in the file: what comes back is a copy, dates become text. */
function clone(v: unknown): unknown {
  return v === undefined ? null : JSON.parse(JSON.stringify(v));
}

/** `Excel.SettingCollection`. */
export class SettingCollection extends ClientCollection<Map<string, unknown>, Setting> {
  static props: Record<string, PropDef<Map<string, unknown>>> = {};
  _list(t: Map<string, unknown>): unknown[] {
    return [...t.keys()].map((key) => ({ key }));
  }
  _item(obj: unknown, i: number): Setting {
    return new Setting(this._ctx, "Setting", `${this._path}.items[${i}]`, () => obj as never);
  }
  /** Adds or replaces a setting. */
  add(key: string, value: unknown): Excel.Setting {
    const s = new Setting(
      this._ctx,
      "Setting",
      `${this._path}.add(${JSON.stringify(key)})`,
      () => ({ key })
    );
    this._queue("add", { key, value }, (t) => {
      if (typeof key !== "string" || key === "" || key.length > 255)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: setting key.",
          "SettingCollection.add"
        );
      const json = JSON.stringify(value ?? null);
      const total =
        [...t.entries()].reduce((n, [k, v]) => n + k.length + JSON.stringify(v).length, 0) +
        json.length;
      if (total > 2_000_000)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: settings are limited in size.",
          "SettingCollection.add"
        );
      t.set(key, JSON.parse(json));
    });
    return s as never;
  }
  /** A setting (ItemNotFound when missing). */
  getItem(key: string): Excel.Setting {
    return new Setting(
      this._ctx,
      "Setting",
      `${this._path}.getItem(${JSON.stringify(key)})`,
      () => {
        if (!this._model.settings.has(key)) throw notFound("SettingCollection.getItem");
        return { key };
      }
    ) as never;
  }
  /** A setting, or a null object. */
  getItemOrNullObject(key: string): Excel.Setting {
    return new Setting(
      this._ctx,
      "Setting",
      `${this._path}.getItemOrNullObject(${JSON.stringify(key)})`,
      () => (this._model.settings.has(key) ? { key } : null),
      true
    ) as never;
  }
}
defineProps(SettingCollection);

// ------------------------------------------------------------------ workbook

/** `Excel.Application`. */
export class Application extends ClientObject<object> {
  declare calculationMode: string;
  static props: Record<string, PropDef<object>> = {
    calculationMode: {
      get: () => "Automatic",
      set: (_t, v) =>
        void (
          v === "Automatic" ||
          (() => {
            throw notImplemented(`Application.calculationMode = ${String(v)}`);
          })()
        ),
    },
  };
  /** Excel stops recalculating until the next sync; the stand-in recalculates once per sync anyway. */
  suspendApiCalculationUntilNextSync(): void {
    this._queue(
      "suspendApiCalculationUntilNextSync",
      undefined,
      () => void (this._model.calculationSuspended = true)
    );
  }
  /** Screen updates: nothing to suspend here. */
  suspendScreenUpdatingUntilNextSync(): void {
    this._queue("suspendScreenUpdatingUntilNextSync", undefined, () => undefined);
  }
  /** Recalculates (always up to date here). */
  calculate(calculationType: string): void {
    this._queue("calculate", { calculationType }, () => undefined);
  }
}
defineProps(Application);

/** `Excel.Workbook`. */
export class Workbook extends ClientObject<object> {
  static children = ["worksheets", "tables", "names", "settings", "application"];
  declare name: string;
  private _parts: Record<string, ClientObject<unknown>> = {};
  static props: Record<string, PropDef<object>> = { name: { get: () => "Book1.xlsx" } };
  private _part<P extends ClientObject<unknown>>(name: string, make: () => P): P {
    return (this._parts[name] ??= make()) as P;
  }
  /** `workbook.worksheets`. */
  get worksheets(): WorksheetCollection {
    return this._part(
      "worksheets",
      () =>
        new WorksheetCollection(
          this._ctx,
          "WorksheetCollection",
          "workbook.worksheets",
          () => this._model.sheets
        )
    );
  }
  /** `workbook.tables`. */
  get tables(): TableCollection {
    return this._part("tables", () => new TableCollection(this._ctx, "workbook.tables", null));
  }
  /** `workbook.names`. */
  get names(): NamedItemCollection {
    return this._part(
      "names",
      () =>
        new NamedItemCollection(
          this._ctx,
          "NamedItemCollection",
          "workbook.names",
          () => this._model.names
        )
    );
  }
  /** `workbook.settings`. */
  get settings(): SettingCollection {
    return this._part(
      "settings",
      () =>
        new SettingCollection(
          this._ctx,
          "SettingCollection",
          "workbook.settings",
          () => this._model.settings
        )
    );
  }
  /** `workbook.application`. */
  get application(): Application {
    return this._part(
      "application",
      () => new Application(this._ctx, "Application", "workbook.application", () => ({}))
    );
  }
  /** The selected range (A1 of the active sheet unless something was selected). */
  getSelectedRange(): Excel.Range {
    return new Range(this._ctx, "workbook.getSelectedRange()", () => {
      const m = this._model;
      if (m.selection && m.selection.sheet === m.activeSheet) return m.selection;
      return m.activeSheet ? { sheet: m.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null;
    }) as never;
  }
  /** The active cell. */
  getActiveCell(): Excel.Range {
    return new Range(this._ctx, "workbook.getActiveCell()", () => {
      const m = this._model;
      const s =
        m.selection && m.selection.sheet === m.activeSheet
          ? m.selection.rect
          : { r0: 0, c0: 0, r1: 0, c1: 0 };
      return m.activeSheet
        ? { sheet: m.activeSheet, rect: { r0: s.r0, c0: s.c0, r1: s.r0, c1: s.c0 } }
        : null;
    }) as never;
  }
}
defineProps(Workbook);
