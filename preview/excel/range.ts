/**
 * Range (values, formulas, addressing, insert/delete, merges, …) and its visible view. Its format
 * objects are in rangeFormat.ts, data validation and conditional formats in validation.ts.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  checkRect,
  columnCount,
  formatAddress,
  intersect,
  rowCount,
} from "./address";
import {
  ClientObject,
  ClientResult,
  PropDef,
  RequestContext,
  defineProps,
  resultOf,
  unwrapDeep,
} from "./client";
import { CellPropertiesOptions, MergedAreas, cellProperties, mergedAreas } from "./cellProperties";
import { excelError, notFound } from "./errors";
import { shiftOf } from "./shift";
import { RangeRef, isRangeRef } from "./model";
import { formatValue } from "./numberFormat";
import { RangeFormat } from "./rangeFormat";
import { ConditionalFormatCollection, DataValidation } from "./validation";

export {
  RangeBorder,
  RangeBorderCollection,
  RangeFill,
  RangeFont,
  RangeFormat,
} from "./rangeFormat";
export { ConditionalFormat, ConditionalFormatCollection, DataValidation } from "./validation";

/** Checks a 2-D input against a range's shape; a single value is applied to every cell. */
export function shaped(rect: Rect, value: unknown, what: string): unknown[][] {
  const rows = rowCount(rect);
  const cols = columnCount(rect);
  if (!Array.isArray(value)) {
    if (rows * cols > 5_000_000)
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: too many cells.",
        `Range.${what}`
      );
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
  }
  if (value.length !== rows || !value.every((r) => Array.isArray(r) && r.length === cols)) {
    throw excelError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      `Range.${what}`
    );
  }
  return value as unknown[][];
}
/** `Excel.Range`. */
export class Range extends ClientObject<RangeRef> {
  static children = ["format", "dataValidation", "conditionalFormats", "worksheet"];
  declare address: string;
  declare addressLocal: string;
  declare values: any[][];
  declare formulas: any[][];
  declare formulasLocal: any[][];
  declare numberFormat: any[][];
  declare numberFormatLocal: any[][];
  declare text: string[][];
  declare valueTypes: Excel.RangeValueType[][];
  declare rowCount: number;
  declare columnCount: number;
  declare cellCount: number;
  declare rowIndex: number;
  declare columnIndex: number;
  declare columnHidden: boolean;
  declare rowHidden: boolean;
  declare isEntireColumn: boolean;
  declare isEntireRow: boolean;
  private _format?: RangeFormat;
  private _dv?: DataValidation;
  private _cfs?: ConditionalFormatCollection;
  /** Set by the worksheet module (avoids a circular import). */
  static worksheetOf: (
    ctx: RequestContext,
    path: string,
    resolve: () => RangeRef | null
  ) => ClientObject<unknown>;

  static props: Record<string, PropDef<RangeRef>> = {
    address: { get: (t) => formatAddress(t.rect, t.sheet.name) },
    addressLocal: { get: (t) => formatAddress(t.rect, t.sheet.name) },
    values: {
      get: (t, m) => m.readValues(t),
      set: (t, v, m) => m.writeInputs(t, shaped(t.rect, v, "values")),
    },
    formulas: {
      get: (t, m) => m.readFormulas(t),
      set: (t, v, m) => m.writeInputs(t, shaped(t.rect, v, "formulas")),
    },
    formulasLocal: {
      get: (t, m) => m.readFormulas(t),
      set: (t, v, m) => m.writeInputs(t, shaped(t.rect, v, "formulasLocal")),
    },
    numberFormat: {
      get: (t, m) => m.readNumberFormats(t),
      set: (t, v, m) => m.writeNumberFormats(t, shaped(t.rect, v, "numberFormat")),
    },
    numberFormatLocal: {
      get: (t, m) => m.readNumberFormats(t),
      set: (t, v, m) => m.writeNumberFormats(t, shaped(t.rect, v, "numberFormatLocal")),
    },
    text: { get: (t, m) => m.readText(t) },
    valueTypes: { get: (t, m) => m.readValueTypes(t) },
    rowCount: { get: (t) => rowCount(t.rect) },
    columnCount: { get: (t) => columnCount(t.rect) },
    cellCount: { get: (t) => rowCount(t.rect) * columnCount(t.rect) },
    rowIndex: { get: (t) => t.rect.r0 },
    columnIndex: { get: (t) => t.rect.c0 },
    isEntireColumn: { get: (t) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1 },
    isEntireRow: { get: (t) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLUMNS - 1 },
    columnHidden: {
      // As Excel: true when all are hidden, false when none, null when some are.
      get: (t) => {
        let hidden = 0;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) if (t.sheet.hiddenColumns.has(c)) hidden++;
        return hidden === 0 ? false : hidden === t.rect.c1 - t.rect.c0 + 1 ? true : null;
      },
      set: (t, v) => {
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          if (v) t.sheet.hiddenColumns.add(c);
          else t.sheet.hiddenColumns.delete(c);
        }
      },
    },
    rowHidden: {
      // As Excel: true when all are hidden, false when none, null when some are.
      get: (t) => {
        let hidden = 0;
        for (const r of t.sheet.hiddenRows) if (r >= t.rect.r0 && r <= t.rect.r1) hidden++;
        return hidden === 0 ? false : hidden === t.rect.r1 - t.rect.r0 + 1 ? true : null;
      },
      set: (t, v) => {
        for (let r = t.rect.r0; r <= t.rect.r1; r++) {
          if (v) t.sheet.hiddenRows.add(r);
          else t.sheet.hiddenRows.delete(r);
        }
      },
    },
  };

  constructor(ctx: RequestContext, path: string, resolve: () => RangeRef | null, nullable = false) {
    super(ctx, "Range", path, resolve, nullable);
  }

  /** `range.format`. */
  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this._ctx, "RangeFormat", `${this._path}.format`, () =>
      this._target()
    ));
  }
  /** `range.dataValidation`. */
  get dataValidation(): DataValidation {
    return (this._dv ??= new DataValidation(
      this._ctx,
      "DataValidation",
      `${this._path}.dataValidation`,
      () => this._target()
    ));
  }
  /** `range.conditionalFormats`. */
  get conditionalFormats(): ConditionalFormatCollection {
    return (this._cfs ??= new ConditionalFormatCollection(
      this._ctx,
      "ConditionalFormatCollection",
      `${this._path}.conditionalFormats`,
      () => this._target()
    ));
  }
  /** `range.worksheet`. */
  get worksheet(): Excel.Worksheet {
    return Range.worksheetOf(this._ctx, `${this._path}.worksheet`, () =>
      this._target()
    ) as unknown as Excel.Worksheet;
  }

  private _derive(
    name: string,
    args: unknown[],
    fn: (t: RangeRef) => Rect | null,
    nullable = false
  ): Range {
    return new Range(
      this._ctx,
      `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(",")})`,
      () => {
        const t = this._target();
        if (!t) return null;
        const rect = fn(t);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable
    );
  }

  /** A cell relative to the range's top-left cell. */
  getCell(row: number, column: number): Excel.Range {
    return this._derive("getCell", [row, column], (t) =>
      checkRect({
        r0: t.rect.r0 + row,
        c0: t.rect.c0 + column,
        r1: t.rect.r0 + row,
        c1: t.rect.c0 + column,
      })
    ) as never;
  }
  /** The range grown or shrunk by rows/columns at the bottom-right. */
  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (t) =>
      checkRect({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns })
    ) as never;
  }
  /** A range of `rows` × `columns` from the top-left cell. */
  getAbsoluteResizedRange(numRows: number, numColumns: number): Excel.Range {
    return this._derive("getAbsoluteResizedRange", [numRows, numColumns], (t) =>
      checkRect({
        r0: t.rect.r0,
        c0: t.rect.c0,
        r1: t.rect.r0 + numRows - 1,
        c1: t.rect.c0 + numColumns - 1,
      })
    ) as never;
  }
  /** The range moved by rows/columns. */
  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (t) =>
      checkRect({
        r0: t.rect.r0 + rowOffset,
        r1: t.rect.r1 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        c1: t.rect.c1 + columnOffset,
      })
    ) as never;
  }
  /** One row of the range (0-based). */
  getRow(row: number): Excel.Range {
    return this._derive("getRow", [row], (t) =>
      checkRect({ ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row })
    ) as never;
  }
  /** One column of the range (0-based). */
  getColumn(column: number): Excel.Range {
    return this._derive("getColumn", [column], (t) =>
      checkRect({ ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column })
    ) as never;
  }
  /** The last row. */
  getLastRow(): Excel.Range {
    return this._derive("getLastRow", [], (t) => ({ ...t.rect, r0: t.rect.r1 })) as never;
  }
  /** The last column. */
  getLastColumn(): Excel.Range {
    return this._derive("getLastColumn", [], (t) => ({ ...t.rect, c0: t.rect.c1 })) as never;
  }
  /** The bottom-right cell. */
  getLastCell(): Excel.Range {
    return this._derive("getLastCell", [], (t) => ({
      r0: t.rect.r1,
      r1: t.rect.r1,
      c0: t.rect.c1,
      c1: t.rect.c1,
    })) as never;
  }
  /** The whole columns of the range. */
  getEntireColumn(): Excel.Range {
    return this._derive("getEntireColumn", [], (t) => ({
      r0: 0,
      r1: MAX_ROWS - 1,
      c0: t.rect.c0,
      c1: t.rect.c1,
    })) as never;
  }
  /** The whole rows of the range. */
  getEntireRow(): Excel.Range {
    return this._derive("getEntireRow", [], (t) => ({
      r0: t.rect.r0,
      r1: t.rect.r1,
      c0: 0,
      c1: MAX_COLUMNS - 1,
    })) as never;
  }
  /** The rows above the range. */
  getRowsAbove(count = 1): Excel.Range {
    return this._derive("getRowsAbove", [count], (t) =>
      checkRect({ ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 })
    ) as never;
  }
  /** The rows below the range. */
  getRowsBelow(count = 1): Excel.Range {
    return this._derive("getRowsBelow", [count], (t) =>
      checkRect({ ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count })
    ) as never;
  }
  /** The columns right of the range. */
  getColumnsAfter(count = 1): Excel.Range {
    return this._derive("getColumnsAfter", [count], (t) =>
      checkRect({ ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count })
    ) as never;
  }
  /** The columns left of the range. */
  getColumnsBefore(count = 1): Excel.Range {
    return this._derive("getColumnsBefore", [count], (t) =>
      checkRect({ ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 })
    ) as never;
  }
  /** The overlap with another range (ItemNotFound-like InvalidArgument when none). */
  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive("getIntersection", [String(anotherRange)], (t) => {
      const other = this._other(anotherRange, t);
      const r = intersect(t.rect, other.rect);
      if (!r)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: the ranges don't intersect.",
          "Range.getIntersection"
        );
      return r;
    }) as never;
  }
  /** The smallest range containing both. */
  getBoundingRect(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive("getBoundingRect", [String(anotherRange)], (t) => {
      const o = this._other(anotherRange, t).rect;
      return {
        r0: Math.min(t.rect.r0, o.r0),
        c0: Math.min(t.rect.c0, o.c0),
        r1: Math.max(t.rect.r1, o.r1),
        c1: Math.max(t.rect.c1, o.c1),
      };
    }) as never;
  }
  private _other(x: Excel.Range | string, t: RangeRef): RangeRef {
    if (typeof x === "string") return this._model.range(t.sheet, x);
    const r = unwrapDeep(x);
    if (!isRangeRef(r))
      throw excelError("InvalidArgument", "The argument is invalid: not a range.");
    return r;
  }
  /** Per-cell formats and addresses (ExcelApi 1.9), known after the next sync. */
  getCellProperties(options: CellPropertiesOptions): ClientResult<Record<string, unknown>[][]> {
    return resultOf(this, "getCellProperties", options, () =>
      cellProperties(this._model, this._target()!, options)
    );
  }
  /** The merged areas in the range, or a null object when there are none (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): MergedAreas {
    return new MergedAreas(
      this._ctx,
      "RangeAreas",
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        const t = this._target();
        const areas = t ? mergedAreas(t) : [];
        return t && areas.length ? { ref: t, areas } : null;
      },
      true
    );
  }
  /** The visible rows of the range (rows hidden by a filter or by hand are left out). */
  getVisibleView(): RangeView {
    return new RangeView(this._ctx, "RangeView", `${this._path}.getVisibleView()`, () =>
      this._target()
    );
  }
  /** The used part of the range (ItemNotFound when it has none). */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this._derive("getUsedRange", [Boolean(valuesOnly)], (t) => {
      const r = this._model.usedRect(t.sheet, Boolean(valuesOnly), t.rect);
      if (!r) throw notFound("Range.getUsedRange");
      return r;
    }) as never;
  }
  /** The used part of the range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this._derive(
      "getUsedRangeOrNullObject",
      [Boolean(valuesOnly)],
      (t) => {
        return this._model.usedRect(t.sheet, Boolean(valuesOnly), t.rect);
      },
      true
    ) as never;
  }
  /** Clears contents, formats or both. */
  clear(applyTo?: string): void {
    this._queue("clear", { applyTo }, (t) => this._model.clear(t, applyTo ?? "All"));
  }
  /** Merges the cells (per row when `across`). */
  merge(across?: boolean): void {
    this._queue("merge", { across }, (t) => this._model.merge(t, Boolean(across)));
  }
  /** Unmerges the cells. */
  unmerge(): void {
    this._queue("unmerge", undefined, (t) => this._model.unmerge(t));
  }
  /** Selects the range (activates its sheet). */
  select(): void {
    this._queue("select", undefined, (t) => {
      this._model.activate(t.sheet);
      this._model.selection = t;
    });
  }
  /** Deletes the cells and moves the cells below up ("Up") or to the right left ("Left"). */
  delete(shift: string): void {
    this._queue("delete", { shift }, (t) => {
      this._model.deleteCells(t, shiftOf(t.rect, checkShift(shift, ["Up", "Left"], t), false));
    });
  }
  /** Inserts empty cells here, moving what was there down ("Down") or right ("Right"). */
  insert(shift: string): Excel.Range {
    let made: RangeRef | null = null;
    const r = new Range(this._ctx, `${this._path}.insert(${JSON.stringify(shift)})`, () => made);
    this._queue("insert", { shift }, (t) => {
      const s = shiftOf(t.rect, checkShift(shift, ["Down", "Right"], t), true);
      made = this._model.insertCells(t, s);
    });
    return r as never;
  }
  /** The display text of a value under this range's format (helper for tests). */
  static display(value: unknown, format: string): string {
    return formatValue(value, format);
  }
}
defineProps(Range);

/** Entire rows/columns shift the only way they can; otherwise the direction must be valid. */
function checkShift(shift: string, allowed: [string, string], t: RangeRef): string {
  const wholeRows = t.rect.c0 === 0 && t.rect.c1 === MAX_COLUMNS - 1;
  const wholeColumns = t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1;
  if (wholeRows && !wholeColumns) return allowed[0];
  if (wholeColumns && !wholeRows) return allowed[1];
  if (!allowed.includes(shift)) {
    throw excelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: shift '${shift}'.`,
      "Range.insert"
    );
  }
  return shift;
}

/** Rows of a range that are not hidden. */
function visibleRows(t: RangeRef): number[] {
  const out: number[] = [];
  for (let r = t.rect.r0; r <= t.rect.r1 && out.length < 1_000_000; r++)
    if (!t.sheet.hiddenRows.has(r)) out.push(r);
  return out;
}

/** `Excel.RangeView`: values, text, formulas and counts of the visible rows only. */
export class RangeView extends ClientObject<RangeRef> {
  declare values: any[][];
  declare text: string[][];
  declare formulas: any[][];
  declare rowCount: number;
  declare columnCount: number;
  static props: Record<string, PropDef<RangeRef>> = {
    values: { get: (t, m) => visibleRows(t).map((r) => m.readValues(rowOf(t, r))[0]) },
    text: { get: (t, m) => visibleRows(t).map((r) => m.readText(rowOf(t, r))[0]) },
    formulas: { get: (t, m) => visibleRows(t).map((r) => m.readFormulas(rowOf(t, r))[0]) },
    rowCount: { get: (t) => visibleRows(t).length },
    columnCount: { get: (t) => t.rect.c1 - t.rect.c0 + 1 },
  };
}
function rowOf(t: RangeRef, r: number): RangeRef {
  return { sheet: t.sheet, rect: { ...t.rect, r0: r, r1: r } };
}
defineProps(RangeView);
