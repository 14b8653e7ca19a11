/**
 * Worksheet proxies: Worksheet, its freeze panes, and workbook.worksheets.
 */
import { ClientObject, PropDef, RequestContext, defineProps } from "./client";
import { ClientCollection } from "./collection";
import { excelError } from "./errors";
import { SheetModel } from "./model";
import { Range } from "./range";
import { rangeArg } from "./rangeArg";
import { formatAddress, parseAddress } from "./address";
import { TableCollection } from "./tables";
import { ChartCollection } from "./charts";
import { CommentCollection, NoteCollection } from "./comments";

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
  static children = ["tables", "charts", "freezePanes", "comments", "notes"];
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
  /** `worksheet.comments` (ExcelApi 1.10). */
  get comments(): CommentCollection {
    return (this._comments ??= new CommentCollection(this._ctx, `${this._path}.comments`, () =>
      this._target()
    ));
  }
  private _comments?: CommentCollection;
  /** `worksheet.notes` (ExcelApi 1.18). */
  get notes(): NoteCollection {
    return (this._notes ??= new NoteCollection(this._ctx, `${this._path}.notes`, () =>
      this._target()
    ));
  }
  private _notes?: NoteCollection;
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
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): Worksheet {
    return new Worksheet(this._ctx, path, resolve as never, nullable);
  }
  /** Adds a sheet (SheetN when unnamed); duplicate names fail with ItemAlreadyExists. */
  add(name?: string): Excel.Worksheet {
    return this._added(JSON.stringify(name ?? ""), { name }, () =>
      this._model.addSheet(name)
    ) as never;
  }
  private _byNameOrId(key: string): SheetModel | undefined {
    return this._model.findSheet(key) ?? this._model.sheets.find((s) => s.id === key);
  }
  /** A sheet by name (or id). */
  getItem(key: string): Excel.Worksheet {
    return this._lookup("getItem", key, () => this._byNameOrId(key)) as never;
  }
  /** A sheet by name, or a null object. */
  getItemOrNullObject(key: string): Excel.Worksheet {
    return this._lookup("getItemOrNullObject", key, () => this._byNameOrId(key), true) as never;
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
