/**
 * Inserting and deleting cells with shifting (Range.insert/delete, table rows and columns added
 * inside or at the edge of a table, TableRow.delete, TableColumn.delete), and a table's sort and
 * filters. Everything a shift touches follows it as in Excel: values and formulas (references
 * to moved cells are rewritten, references to deleted cells become #REF!), formats, merges,
 * tables, names, validations, conditional formats, chart series.
 */
import { MAX_COLUMNS, MAX_ROWS, Rect, columnCount, formatAddress, rowCount } from "../address";
import { excelError } from "../errors";
import { Shift, acrossBand, reachesShifted, shiftCell, shiftFormula, shiftRect } from "../shift";
import { TablesModel } from "./tables";
import { Cell, FilterCriteria, RangeRef, SheetModel, TableModel, isRangeRef } from "./types";

const intersects = (a: Rect, b: Rect): boolean =>
  a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;

/** Excel's message when a shift would cut through a table. */
const TABLE_SHIFT =
  "This operation isn't allowed. The operation is attempting to shift cells in a table on your worksheet.";
/** Excel's message when a shift would cut through a merged area. */
const MERGE_SHIFT = "We can't do that to a merged cell.";
/**
 * Excel's message when cells of a filtered range would move (Microsoft Graph's workbook API, the
 * same Excel service, words `FilteredRangeConflict` so; the desktop grid says "Can't move cells in
 * a filtered range or table").
 */
const FILTERED_SHIFT = "The operation failed because it conflicts with a filtered range.";
/** Our wording for `TableRowCollection.deleteRows/deleteRowsAt` on a filtered table. */
const FILTERED_ROWS = "The rows can't be deleted because the table has a filter applied.";

/** Whether a table counts as filtered: it has criteria (Excel's `autoFilter.isDataFiltered`). */
export function isFiltered(table: TableModel): boolean {
  return table.filters.size > 0;
}

/** Shifting, sorting and filtering. */
export abstract class StructureModel extends TablesModel {
  /**
   * Range.insert(shift): inserts empty cells over `ref` and moves what was there down/right.
   *
   * @param ref where the new cells go
   * @param s the shift (from shiftOf)
   * @returns the inserted (empty) range
   */
  insertCells(ref: RangeRef, s: Shift): RangeRef {
    this.shiftCells(ref.sheet, s, "Range.insert");
    return ref;
  }

  /**
   * Range.delete(shift): removes the cells of `ref` and moves the rest up/left. Refused
   * (`FilteredRangeConflict`, nothing moves) when it would remove or move cells of a filtered
   * table, as Excel refuses to move cells in a filtered range.
   */
  deleteCells(ref: RangeRef, s: Shift): void {
    for (const t of this.tables) {
      if (t.sheet === ref.sheet && isFiltered(t) && reachesShifted(s, t.rect))
        throw excelError("FilteredRangeConflict", FILTERED_SHIFT, "Range.delete");
    }
    this.shiftCells(ref.sheet, s, "Range.delete");
  }

  /**
   * Checks a shift against Excel's rules, before anything moves: it may not cut through a table
   * (a table wholly inside the moving band moves or grows) nor through a merged area.
   */
  protected checkShift(sheet: SheetModel, s: Shift, location: string): void {
    const whole = s.lo === 0 && s.hi >= (s.axis === "rows" ? MAX_COLUMNS : MAX_ROWS) - 1;
    for (const t of this.tables) {
      if (t.sheet !== sheet || !reachesShifted(s, t.rect)) continue;
      if (acrossBand(s, t.rect) === "partial")
        throw excelError("InvalidOperation", TABLE_SHIFT, location);
      if (!s.insert) {
        const header = s.axis === "rows" ? t.rect.r0 : -1;
        const gone = shiftRect(s, t.rect) === null;
        if (!gone && header >= s.at && header < s.at + s.count)
          throw excelError("InvalidOperation", TABLE_SHIFT, location);
      }
    }
    for (const m of sheet.merges) {
      if (!reachesShifted(s, m)) continue;
      if (acrossBand(s, m) === "partial")
        throw excelError("InvalidOperation", MERGE_SHIFT, location);
      const [a0, a1] = s.axis === "rows" ? [m.r0, m.r1] : [m.c0, m.c1];
      const end = s.at + s.count - 1;
      const cutByInsert = s.insert && a0 < s.at && s.at <= a1 && !whole;
      const cutByDelete = !s.insert && a0 <= end && a1 >= s.at && !(a0 >= s.at && a1 <= end);
      if (cutByInsert || cutByDelete) throw excelError("InvalidOperation", MERGE_SHIFT, location);
    }
  }

  /**
   * Moves every cell of the band at or after `s.at` by the shift, with everything that refers
   * to cells (formulas, tables, names, merges, validations, conditional formats, charts).
   */
  protected shiftCells(sheet: SheetModel, s: Shift, location: string): void {
    this.checkShift(sheet, s, location);
    const rows = s.axis === "rows";
    const inZone = (r: number, c: number): boolean => {
      const [a, b] = rows ? [r, c] : [c, r];
      return a >= s.at && b >= s.lo && b <= s.hi;
    };
    // What the engine holds for the moving cells (constants keep their parsed value).
    const moving: [number, number, Cell, unknown][] = [];
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (!inZone(r, c)) continue;
      moving.push([
        r,
        c,
        cell,
        cell.input === undefined ? undefined : this.engineInput(sheet, r, c, cell),
      ]);
    }
    // Reading values recalculated; batch the writes again (the sync resumes once at its end).
    const wasSuspended = this.engine.isSuspended;
    this.engine.suspend();
    // Formula texts everywhere follow the cells they point at.
    const retext: [SheetModel, number, number][] = [];
    for (const other of this.sheets) {
      for (const [k, cell] of other.cells) {
        if (!cell.formula || typeof cell.input !== "string") continue;
        const text = shiftFormula(
          cell.input,
          other === sheet,
          (p) => unquote(p).toLowerCase() === sheet.name.toLowerCase(),
          s
        );
        if (text === cell.input) continue;
        cell.input = text;
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (!(other === sheet && inZone(r, c))) retext.push([other, r, c]);
      }
    }
    // Clear the old positions (engine and model), then place the cells at the new ones.
    for (const [r, c] of moving) {
      sheet.cells.delete(r * MAX_COLUMNS + c);
      this.structured.delete(`${sheet.id}|${r}|${c}`);
      this.engine.write(sheet.hfId, r, c, [[null]]);
    }
    const placed: [number, number, Cell][] = [];
    for (const [r, c, cell, content] of moving) {
      const to = shiftCell(s, r, c);
      if (!to) continue;
      sheet.cells.set(to[0] * MAX_COLUMNS + to[1], cell);
      if (content !== undefined) placed.push([to[0], to[1], cell]);
      if (content !== undefined && !cell.formula)
        this.engine.write(sheet.hfId, to[0], to[1], [[content as never]]);
    }
    for (const [r, c, cell] of placed) {
      if (cell.formula)
        this.engine.write(sheet.hfId, r, c, [[this.engineFormula(sheet, r, c, cell)]]);
    }
    for (const [other, r, c] of retext) {
      const cell = other.cell(r, c)!;
      this.structured.delete(`${other.id}|${r}|${c}`);
      this.engine.write(other.hfId, r, c, [[this.engineFormula(other, r, c, cell)]]);
    }
    this.shiftSheetParts(sheet, s);
    this.refreshStructured();
    if (!wasSuspended) this.engine.resume();
    for (const t of this.tables) if (t.sheet === sheet) this.normalizeHeaders(t);
  }

  /** Row/column sizes and hidden flags (whole rows/columns only), and every rectangle. */
  private shiftSheetParts(sheet: SheetModel, s: Shift): void {
    const whole = s.lo === 0 && s.hi >= (s.axis === "rows" ? MAX_COLUMNS : MAX_ROWS) - 1;
    if (whole) {
      const move = (m: Map<number, number> | Set<number>): void => {
        const entries = m instanceof Map ? [...m.entries()] : [...m].map((k) => [k, 0] as const);
        m.clear();
        for (const [k, v] of entries) {
          const to = s.insert
            ? k >= s.at
              ? k + s.count
              : k
            : k >= s.at + s.count
              ? k - s.count
              : k;
          if (!s.insert && k >= s.at && k < s.at + s.count) continue;
          if (m instanceof Map) m.set(to, v);
          else m.add(to);
        }
      };
      if (s.axis === "rows") {
        move(sheet.rowHeights);
        move(sheet.hiddenRows);
      } else {
        move(sheet.columnWidths);
        move(sheet.hiddenColumns);
      }
    }
    const keep = <T extends { rect: Rect }>(list: T[]): T[] =>
      list.filter((x) => {
        const r = shiftRect(s, x.rect);
        if (r) x.rect = r;
        return r !== null;
      });
    sheet.merges = sheet.merges.map((m) => shiftRect(s, m)).filter((m): m is Rect => m !== null);
    for (const c of sheet.comments) {
      const to = shiftCell(s, c.row, c.col);
      if (to) [c.row, c.col] = to;
      else c.deleted = true;
    }
    sheet.comments = sheet.comments.filter((c) => !c.deleted);
    sheet.validations = keep(sheet.validations);
    sheet.conditionalFormats = keep(sheet.conditionalFormats);
    for (const t of this.tables.filter((x) => x.sheet === sheet)) {
      const r = shiftRect(s, t.rect);
      if (r) t.rect = r;
      else {
        t.deleted = true;
        this.tables = this.tables.filter((x) => x !== t);
      }
    }
    const follow = (ref: unknown): unknown => {
      if (!isRangeRef(ref) || ref.sheet !== sheet) return ref;
      const r = shiftRect(s, ref.rect);
      return r ? { sheet, rect: r } : null;
    };
    for (const n of this.names) {
      if (!n.ref || n.ref.sheet !== sheet) continue;
      const r = shiftRect(s, n.ref.rect);
      n.ref = r ? { sheet, rect: r } : null;
      n.formula = r ? `=${formatAddress(r, sheet.name, true)}` : "=#REF!";
      this.engine.beforeChange();
      this.engine.hf.changeNamedExpression(n.name, n.formula);
    }
    for (const other of this.sheets) {
      for (const chart of other.charts) {
        chart.source = follow(chart.source) as RangeRef | null;
        for (const series of chart.series) {
          series.values = follow(series.values) as RangeRef | null;
          series.categories = follow(series.categories) as RangeRef | null;
        }
      }
    }
    if (this.selection?.sheet === sheet) {
      const r = shiftRect(s, this.selection.rect);
      this.selection = r ? { sheet, rect: r } : null;
    }
  }

  /** What to give the engine for a constant cell so that it reads back the same. */
  private engineInput(sheet: SheetModel, r: number, c: number, cell: Cell): unknown {
    if (cell.formula) return cell.input;
    if (cell.quoted) return `'${String(cell.input)}`;
    const v = this.peekValue(sheet, r, c);
    if (typeof v === "string")
      return v.startsWith("#") && this.errorMessage(sheet, r, c) !== null ? v : `'${v}`;
    return v;
  }

  /** A formula cell's text for the engine at its (new) position. */
  private engineFormula(sheet: SheetModel, r: number, c: number, cell: Cell): string {
    return this.toEngineFormula(sheet, r, c, cell.input as string);
  }

  // ------------------------------------------------------------ table rows and columns

  /**
   * Inserts `count` rows into a table before body row `index` (= the body's row count: at the
   * end): cells of the table's columns below move down, the table grows, as Excel's rows.add.
   *
   * @returns the first new row's sheet row
   */
  insertTableRows(table: TableModel, index: number, count: number, location: string): number {
    const body = table.bodyRect;
    const at = body.r0 + index;
    const end = at >= body.r1 + 1;
    const s: Shift = {
      axis: "rows",
      at,
      count,
      insert: true,
      lo: table.rect.c0,
      hi: table.rect.c1,
    };
    this.shiftCells(table.sheet, s, location);
    // Rows added at the end of the body: the shift left the table where it was; it grows here.
    if (end) table.rect = { ...table.rect, r1: table.rect.r1 + count };
    // New rows take the number formats of the row above, as Excel does.
    const from = at - 1;
    for (let c = table.rect.c0; c <= table.rect.c1; c++) {
      const f = from > table.rect.r0 ? table.sheet.cell(from, c)?.numberFormat : undefined;
      for (let r = at; r < at + count; r++) if (f) table.sheet.cell(r, c, true).numberFormat = f;
    }
    this.refreshStructured();
    this.reapplyFilters(table);
    return at;
  }

  /**
   * TableRow.delete(): the row's cells go and the table's cells below move up. On a filtered
   * table Excel leaves the table as it is and reports no error (office-js issue 994), so the
   * stand-in does nothing either.
   */
  deleteTableRow(table: TableModel, index: number): void {
    if (isFiltered(table)) return;
    const body = table.bodyRect;
    const row = body.r0 + index;
    if (rowCount(body) === 1) {
      // A table keeps one data row: Excel empties it.
      this.clear({ sheet: table.sheet, rect: { ...body } }, "Contents");
      return;
    }
    const s: Shift = {
      axis: "rows",
      at: row,
      count: 1,
      insert: false,
      lo: table.rect.c0,
      hi: table.rect.c1,
    };
    this.shiftCells(table.sheet, s, "TableRow.delete");
    this.reapplyFilters(table);
  }

  /**
   * TableRowCollection.deleteRows / deleteRowsAt (ExcelApiOnline 1.1): deletes body rows by
   * 0-based index. Refused with `InsertDeleteConflict` on a filtered table (office-js's
   * reference), and with `InvalidArgument` for a row that does not exist; nothing is deleted then.
   *
   * @param table the table
   * @param indexes the rows, in any order (duplicates are refused, as a row deleted twice)
   * @param location the API member, for the error
   */
  deleteTableRows(table: TableModel, indexes: readonly number[], location: string): void {
    if (isFiltered(table)) throw excelError("InsertDeleteConflict", FILTERED_ROWS, location);
    const n = rowCount(table.bodyRect);
    const bad = indexes.some(
      (i, k) => !Number.isInteger(i) || i < 0 || i >= n || indexes.indexOf(i) !== k
    );
    if (bad || indexes.length === 0)
      throw excelError(
        "InvalidArgument",
        "The argument is invalid or missing or has an incorrect format.",
        location
      );
    for (const i of [...indexes].sort((a, b) => b - a)) this.deleteTableRow(table, i);
  }

  /**
   * Inserts an empty column into a table before column `index` (cells to the right move). At the
   * right edge the table takes the next column's cells when they hold no value (nothing moves);
   * a merged area there is refused, as a table cannot contain merged cells.
   */
  insertTableColumn(table: TableModel, index: number, location: string): number {
    const col = table.rect.c0 + index;
    const end = col > table.rect.c1;
    if (end) {
      const next: Rect = { ...table.rect, c0: col, c1: col };
      if (table.sheet.merges.some((m) => intersects(m, next)))
        throw excelError("InvalidOperation", "A table can't contain merged cells.", location);
      let empty = col < MAX_COLUMNS;
      for (let r = next.r0; r <= next.r1 && empty; r++)
        if (table.sheet.cell(r, col)?.input !== undefined) empty = false;
      if (empty) {
        table.rect = { ...table.rect, c1: col };
        return col;
      }
    }
    const s: Shift = {
      axis: "columns",
      at: col,
      count: 1,
      insert: true,
      lo: table.rect.r0,
      hi: table.rect.r1,
    };
    this.shiftCells(table.sheet, s, location);
    if (end) table.rect = { ...table.rect, c1: table.rect.c1 + 1 };
    return col;
  }

  /** TableColumn.delete(): the column's cells go and the table's cells to the right move left. */
  deleteTableColumn(table: TableModel, index: number): void {
    if (columnCount(table.rect) === 1)
      throw excelError(
        "InvalidOperation",
        "A table must keep at least one column.",
        "TableColumn.delete"
      );
    const col = table.rect.c0 + index;
    const s: Shift = {
      axis: "columns",
      at: col,
      count: 1,
      insert: false,
      lo: table.rect.r0,
      hi: table.rect.r1,
    };
    this.shiftCells(table.sheet, s, "TableColumn.delete");
    const filters = new Map<number, FilterCriteria>();
    for (const [k, v] of table.filters) if (k !== index) filters.set(k > index ? k - 1 : k, v);
    table.filters = filters;
    this.reapplyFilters(table);
  }

  // ------------------------------------------------------------ sort and filter

  /**
   * Table.sort.apply(fields): reorders the data rows (whole rows of the table move together,
   * formats included); blanks go last whatever the order, as in Excel.
   */
  sortTable(
    table: TableModel,
    fields: readonly { key: number; ascending?: boolean }[],
    matchCase = false
  ): void {
    const width = columnCount(table.rect);
    if (
      !fields.length ||
      fields.some((f) => !Number.isInteger(f.key) || f.key < 0 || f.key >= width)
    )
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: sort field key.",
        "TableSort.apply"
      );
    const body = table.bodyRect;
    const values = this.readValues({ sheet: table.sheet, rect: body });
    const order = values.map((_, i) => i);
    order.sort((a, b) => {
      for (const f of fields) {
        const d = compareForSort(
          values[a][f.key],
          values[b][f.key],
          f.ascending !== false,
          matchCase
        );
        if (d) return d;
      }
      return a - b;
    });
    if (order.every((v, i) => v === i)) return;
    const sheet = table.sheet;
    const rowsBefore = order.map((i) => {
      const cells: [number, Cell, unknown][] = [];
      for (let c = body.c0; c <= body.c1; c++) {
        const cell = sheet.cell(body.r0 + i, c);
        if (cell)
          cells.push([
            c,
            cell,
            cell.input === undefined ? undefined : this.engineInput(sheet, body.r0 + i, c, cell),
          ]);
      }
      return cells;
    });
    const wasSuspended = this.engine.isSuspended;
    this.engine.suspend();
    for (let r = body.r0; r <= body.r1; r++) {
      for (let c = body.c0; c <= body.c1; c++) {
        if (sheet.cell(r, c)?.input !== undefined) this.engine.write(sheet.hfId, r, c, [[null]]);
        sheet.cells.delete(r * MAX_COLUMNS + c);
        this.structured.delete(`${sheet.id}|${r}|${c}`);
      }
    }
    const formulas: [number, number, Cell][] = [];
    rowsBefore.forEach((cells, i) => {
      const r = body.r0 + i;
      for (const [c, cell, content] of cells) {
        sheet.cells.set(r * MAX_COLUMNS + c, cell);
        if (cell.formula) formulas.push([r, c, cell]);
        else if (content !== undefined) this.engine.write(sheet.hfId, r, c, [[content as never]]);
      }
    });
    for (const [r, c, cell] of formulas)
      this.engine.write(sheet.hfId, r, c, [[this.engineFormula(sheet, r, c, cell)]]);
    if (!wasSuspended) this.engine.resume();
    table.sortFields = fields.map((f) => ({ key: f.key, ascending: f.ascending !== false }));
    this.reapplyFilters(table);
  }

  /** Sets (or with null removes) the filter of one table column and hides rows that fail. */
  setTableFilter(table: TableModel, index: number, criteria: FilterCriteria | null): void {
    if (!Number.isInteger(index) || index < 0 || index >= columnCount(table.rect))
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: column index.",
        "AutoFilter.apply"
      );
    if (criteria) table.filters.set(index, criteria);
    else table.filters.delete(index);
    this.reapplyFilters(table, true);
  }

  /** Table.clearFilters(): every row shows again. */
  clearTableFilters(table: TableModel): void {
    table.filters.clear();
    this.reapplyFilters(table, true);
  }

  /** Hides the data rows that fail a filter and shows the others (whole sheet rows, as Excel). */
  reapplyFilters(table: TableModel, force = false): void {
    if (!table.filters.size && !force) return;
    const body = table.bodyRect;
    const values = this.readValues({ sheet: table.sheet, rect: body });
    const text = this.readText({ sheet: table.sheet, rect: body });
    for (let i = 0; i < values.length; i++) {
      const shown = [...table.filters].every(([col, f]) => passes(f, values[i][col], text[i][col]));
      if (shown) table.sheet.hiddenRows.delete(body.r0 + i);
      else table.sheet.hiddenRows.add(body.r0 + i);
    }
  }
}

/** Excel's sort order: numbers, then text (case-insensitive unless matchCase), then logicals; blanks last. */
function compareForSort(a: unknown, b: unknown, ascending: boolean, matchCase: boolean): number {
  const blankA = a === "" || a === null || a === undefined;
  const blankB = b === "" || b === null || b === undefined;
  if (blankA || blankB) return blankA === blankB ? 0 : blankA ? 1 : -1;
  const rank = (v: unknown): number => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  let d = rank(a) - rank(b);
  if (!d) {
    if (typeof a === "number") d = a - (b as number);
    else if (typeof a === "string") {
      const x = matchCase ? a : a.toLowerCase();
      const y = matchCase ? (b as string) : (b as string).toLowerCase();
      d = x < y ? -1 : x > y ? 1 : 0;
    } else d = Number(a) - Number(b);
  }
  return ascending ? d : -d;
}

/** Whether a cell passes a column filter (values are compared as displayed, as Excel does). */
function passes(f: FilterCriteria, value: unknown, text: string): boolean {
  if (f.filterOn === "Values") {
    const blank = value === "" || value === null;
    if (blank) return f.values.includes("");
    return f.values.some((v) => String(v).toLowerCase() === text.toLowerCase());
  }
  if (f.filterOn === "Custom") {
    const test = (c: string | undefined): boolean => {
      if (!c) return true;
      const m = /^(>=|<=|<>|=|>|<)?(.*)$/.exec(c)!;
      const op = m[1] ?? "=";
      const rhs = m[2];
      const n = Number(rhs);
      const cmp =
        typeof value === "number" && rhs !== "" && Number.isFinite(n)
          ? value - n
          : String(value).toLowerCase().localeCompare(rhs.toLowerCase());
      return op === "="
        ? cmp === 0
        : op === "<>"
          ? cmp !== 0
          : op === ">"
            ? cmp > 0
            : op === "<"
              ? cmp < 0
              : op === ">="
                ? cmp >= 0
                : cmp <= 0;
    };
    const a = test(f.criterion1);
    const b = test(f.criterion2);
    return f.criterion2 === undefined ? a : f.operator === "Or" ? a || b : a && b;
  }
  return true;
}

function unquote(prefix: string): string {
  return prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
}
