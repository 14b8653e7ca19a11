/**
 * Ranges as Excel passes them (`any[][]`, a flat array, or one value) and the cells in them:
 * the shape helpers and the blank rule every reader in cells.ts uses. Part of the one coercion
 * module: import from cells.ts, which re-exports this.
 */
import { EngineError, Result } from "./errors";

/** A range as Excel passes it, or a single value (Excel wraps single cells as `[[v]]`). */
export type CellGrid = unknown;

/**
 * Flattens a range row by row; a scalar becomes a one-element list.
 *
 * @param grid `any[][]`, `any[]` or a single value
 * @returns the cells in reading order
 * @example
 * flatten([[1, 2], [3, 4]]); // [1, 2, 3, 4]
 */
export function flatten(grid: CellGrid): unknown[] {
  if (!Array.isArray(grid)) return [grid];
  if (grid.length === 1 && Array.isArray(grid[0])) return grid[0] as unknown[];
  const out: unknown[] = [];
  for (const row of grid) {
    if (Array.isArray(row)) for (const cell of row) out.push(cell);
    else out.push(row);
  }
  return out;
}

/**
 * Flattens a one-column range cheaply (the common `Table[Column]` shape) and any other shape
 * row by row.
 *
 * @param grid a range
 * @returns the cells in reading order
 * @example
 * column([[1], [2]]); // [1, 2]
 */
export function column(grid: CellGrid): unknown[] {
  if (Array.isArray(grid) && grid.length > 1 && Array.isArray(grid[0]) && grid[0].length === 1) {
    const out = new Array<unknown>(grid.length);
    for (let i = 0; i < grid.length; i++) {
      const row = grid[i];
      out[i] = Array.isArray(row) ? row[0] : row;
    }
    return out;
  }
  return flatten(grid);
}

/**
 * The rows of a one-column range (the common `Table[Column]` shape), to read in place: copying a
 * million-row column into a flat array costs more than reading it. Other shapes give null (use
 * `column`).
 *
 * @param grid a range
 * @returns the rows, or null when the range is not one column of two or more rows
 * @example
 * columnRows([[1], [2]]); // [[1], [2]]
 * columnRows([[1, 2]]); // null
 */
export function columnRows(grid: CellGrid): readonly unknown[][] | null {
  return Array.isArray(grid) && grid.length > 1 && Array.isArray(grid[0]) && grid[0].length === 1
    ? (grid as unknown[][])
    : null;
}

/** Cell i of a range read through columnRows/column (rows that are not arrays are the cell). */
export function cellOf(
  rows: readonly unknown[][] | null,
  cells: readonly unknown[],
  i: number
): unknown {
  if (rows === null) return cells[i];
  const row = rows[i];
  return Array.isArray(row) ? row[0] : row;
}

/**
 * A cell with no content: `null`, `undefined`, or text that is empty or only spaces.
 *
 * @param cell a cell value
 * @returns whether it is blank
 * @example
 * isBlank("  "); // true
 * isBlank(0); // false (0 is only blank in text and date ranges, see isBlankText)
 */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * Blank for a text or date range, where a `0` is Excel desktop's way of passing an empty cell.
 *
 * @param cell a cell value
 * @returns whether it counts as blank
 * @example
 * isBlankText(0); // true
 */
export function isBlankText(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

/**
 * Reads a cell as text as typed, trimmed but not normalized: an ID or a name. Blank (`0`, `""`,
 * `null`) gives `""`. A number gives its text, so a Record ID that one table holds as a number
 * and another as text is the same ID.
 *
 * @param cell a cell value
 * @returns the trimmed text, "" for a blank
 * @example
 * cellText(18561234567); // "18561234567"
 * cellText(" 006Q0001 "); // "006Q0001"
 */
export function cellText(cell: unknown): string {
  // Text is trimmed once (blank text trims to ""): a History reads millions of these cells.
  if (typeof cell === "string") return cell.trim();
  return isBlankText(cell) ? "" : String(cell).trim();
}

/**
 * Reads every cell of a range with `read`; the first cell it cannot read becomes the error
 * `fail` builds, with the cell's 1-based position.
 *
 * @param grid the range
 * @param read one cell → value, null (blank) or undefined (unreadable)
 * @param fail builds the error from the position and the raw cell
 * @returns one value or null per cell, or the error
 * @example
 * readEach([["2026-01-01"]], cellDate, (i, raw) => errors.notADate("Created", i, raw)); // [46023]
 */
export function readEach<T>(
  grid: CellGrid,
  read: (cell: unknown) => T | null | undefined,
  fail: (position: number, raw: unknown) => EngineError
): Result<(T | null)[]> {
  const cells = column(grid);
  const out = new Array<T | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = read(cells[i]);
    if (v === undefined) return fail(i + 1, cells[i]);
    out[i] = v;
  }
  return out;
}
