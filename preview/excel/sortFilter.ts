/**
 * A table's sort and filters: `table.sort`, `table.autoFilter`, `tableColumn.filter`.
 * Sorting reorders the data rows; filtering hides whole sheet rows (Range.values still returns
 * hidden rows, as in Excel; Range.getVisibleView() returns only the visible ones).
 */
import { ClientObject, PropDef, defineProps } from "./client";
import { notImplemented } from "./errors";
import { FilterCriteria, TableModel } from "./model";

/** Turns Excel.FilterCriteria into the model's criteria (the kinds the stand-in evaluates). */
function criteriaOf(c: Record<string, unknown>, where: string): FilterCriteria {
  if (c.filterOn === "Values" && Array.isArray(c.values)) {
    return { filterOn: "Values", values: c.values.map((v) => String(v)) };
  }
  if (c.filterOn === "Custom" && typeof c.criterion1 === "string") {
    return {
      filterOn: "Custom",
      criterion1: c.criterion1,
      criterion2: typeof c.criterion2 === "string" ? c.criterion2 : undefined,
      operator: c.operator === "Or" ? "Or" : "And",
    };
  }
  throw notImplemented(`${where} with filterOn '${String(c.filterOn)}'`);
}

/** `Excel.TableSort`. */
export class TableSort extends ClientObject<TableModel> {
  declare fields: { key: number; ascending: boolean }[];
  declare matchCase: boolean;
  static props: Record<string, PropDef<TableModel>> = {
    fields: { get: (t) => t.sortFields.map((f) => ({ ...f })) },
    matchCase: { get: () => false },
  };
  /** Sorts the data rows by one or more columns. */
  apply(fields: { key: number; ascending?: boolean }[], matchCase?: boolean): void {
    this._queue("apply", { fields, matchCase }, (t) =>
      this._model.sortTable(t, fields, Boolean(matchCase))
    );
  }
  /** Forgets the sort (rows stay where they are). */
  clear(): void {
    this._queue("clear", undefined, (t) => void (t.sortFields = []));
  }
  /** Sorts again by the same fields. */
  reapply(): void {
    this._queue("reapply", undefined, (t) => {
      if (t.sortFields.length) this._model.sortTable(t, t.sortFields);
    });
  }
}
defineProps(TableSort);

/** `Excel.AutoFilter` of a table. */
export class TableAutoFilter extends ClientObject<TableModel> {
  declare enabled: boolean;
  declare isDataFiltered: boolean;
  static props: Record<string, PropDef<TableModel>> = {
    enabled: { get: () => true },
    isDataFiltered: { get: (t) => t.filters.size > 0 },
  };
  /** Applies criteria to one column (columnIndex relative to the table). */
  apply(range: unknown, columnIndex?: number, criteria?: Record<string, unknown>): void {
    void range;
    this._queue("apply", { columnIndex, criteria }, (t) => {
      if (columnIndex === undefined || !criteria) return;
      this._model.setTableFilter(t, columnIndex, criteriaOf(criteria, "AutoFilter.apply"));
    });
  }
  /** Removes every column's criteria; rows show again. */
  clearCriteria(): void {
    this._queue("clearCriteria", undefined, (t) => this._model.clearTableFilters(t));
  }
  /** Hides and shows rows again by the criteria in force. */
  reapply(): void {
    this._queue("reapply", undefined, (t) => this._model.reapplyFilters(t, true));
  }
}
defineProps(TableAutoFilter);

/** `Excel.Filter` of a table column. */
export class ColumnFilter extends ClientObject<{ table: TableModel; index: number }> {
  declare criteria: unknown;
  static props: Record<string, PropDef<{ table: TableModel; index: number }>> = {
    criteria: { get: (t) => t.table.filters.get(t.index) ?? null },
  };
  /** Applies criteria (Values and Custom are evaluated). */
  apply(criteria: Record<string, unknown>): void {
    this._queue("apply", { criteria }, (t) =>
      this._model.setTableFilter(t.table, t.index, criteriaOf(criteria, "Filter.apply"))
    );
  }
  /** Shows only rows whose displayed value is one of `values`. */
  applyValuesFilter(values: unknown[]): void {
    this.apply({ filterOn: "Values", values });
  }
  /** A custom filter (">=100", "<>Won", …). */
  applyCustomFilter(criteria1: string, criteria2?: string, oper?: string): void {
    this.apply({
      filterOn: "Custom",
      criterion1: criteria1,
      criterion2: criteria2,
      operator: oper,
    });
  }
  /** Removes this column's filter. */
  clear(): void {
    this._queue("clear", undefined, (t) => this._model.setTableFilter(t.table, t.index, null));
  }
}
defineProps(ColumnFilter);
