/**
 * A1 addressing, the one implementation every layer uses: column letters, cell and rectangle
 * addresses, parsing them back, and rectangle arithmetic.
 *
 * Two numberings, named so they cannot be confused:
 * - a *row/col number* (`Rect`, {@link cellAddress}) is A1's own, 1-based: cell "B7" is row 7,
 *   col 2;
 * - an *index* is the Excel API's, 0-based (`Range.rowIndex`, `Range.columnIndex`, and
 *   {@link columnLetters} / {@link columnIndex}); convert with {@link indexRect} and
 *   {@link cellIndexes} rather than adding or subtracting 1 at call sites.
 */

/** A rectangle of cells, 1-based rows and columns, inclusive. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Column letters of a 0-based column index (the Excel API's `Range.columnIndex`).
 *
 * @param columnIndex 0-based column (0 = A); for a 1-based column number pass `col - 1`
 * @returns the letters
 * @example
 * columnLetters(27); // "AB"
 */
export function columnLetters(columnIndex: number): string {
  let s = "";
  let n = columnIndex + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * The 0-based column index of column letters (the inverse of {@link columnLetters}).
 *
 * @param letters e.g. "AB" (any case)
 * @returns the index, e.g. 27
 * @example
 * columnIndex("C"); // 2
 */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * The A1 address of one cell.
 *
 * @param row 1-based row
 * @param col 1-based column
 * @returns e.g. "B7"
 * @example
 * cellAddress(7, 2); // "B7"
 */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col - 1)}${row}`;
}

/**
 * A rectangle from the Excel API's 0-based indexes (`Range.rowIndex`, `Range.columnIndex`).
 *
 * @param rowIndex 0-based first row
 * @param columnIndex 0-based first column
 * @param rows number of rows (default 1)
 * @param cols number of columns (default 1)
 * @returns the rectangle in A1 numbers
 * @example
 * rectAddress(indexRect(3, 6, 2, 3)); // "G4:I5"
 */
export function indexRect(rowIndex: number, columnIndex: number, rows = 1, cols = 1): Rect {
  return { row: rowIndex + 1, col: columnIndex + 1, rows, cols };
}

/**
 * The Excel API's 0-based indexes of a cell address (the inverse of {@link indexRect}).
 *
 * @param address a cell address such as "B7" (a rectangle gives its top-left cell)
 * @returns 0-based row and column indexes
 * @throws Error when the text is not an address (addresses here come from the schema, not users)
 * @example
 * cellIndexes("B7"); // { rowIndex: 6, columnIndex: 1 }
 */
export function cellIndexes(address: string): { rowIndex: number; columnIndex: number } {
  const rect = parseRect(address);
  if (!rect) throw new Error(`not a cell address: ${address}`);
  return { rowIndex: rect.row - 1, columnIndex: rect.col - 1 };
}

/**
 * The A1 address of a rectangle ("B7" for a single cell).
 *
 * @param rect the rectangle
 * @returns e.g. "B7:K17"
 * @example
 * rectAddress({ row: 7, col: 2, rows: 3, cols: 2 }); // "B7:C9"
 */
export function rectAddress(rect: Rect): string {
  const first = cellAddress(rect.row, rect.col);
  if (rect.rows === 1 && rect.cols === 1) return first;
  return `${first}:${cellAddress(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/**
 * Parses "B7" or "B7:K17" (optionally with a sheet prefix and `$` signs) into a rectangle.
 *
 * @param address an A1 address
 * @returns the rectangle, or null when it is not a cell or rectangle address
 * @example
 * parseRect("Dashboard!$B$7:$C$9"); // { row: 7, col: 2, rows: 3, cols: 2 }
 */
export function parseRect(address: string): Rect | null {
  const bare = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(bare.trim());
  if (!m) return null;
  const r1 = Number(m[2]);
  const c1 = columnIndex(m[1]) + 1;
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? columnIndex(m[3]) + 1 : c1;
  return {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
}

/**
 * Whether two rectangles share a cell.
 *
 * @param a one rectangle
 * @param b another
 * @returns true when they overlap
 * @example
 * overlaps(parseRect("B2:C3")!, parseRect("C3:D4")!); // true
 */
export function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.rows &&
    b.row < a.row + a.rows &&
    a.col < b.col + b.cols &&
    b.col < a.col + a.cols
  );
}

/**
 * Whether a cell lies inside a rectangle.
 *
 * @param rect the rectangle
 * @param row 1-based row
 * @param col 1-based column
 * @returns true when inside
 * @example
 * containsCell(parseRect("B2:C3")!, 3, 3); // true
 */
export function containsCell(rect: Rect, row: number, col: number): boolean {
  return (
    row >= rect.row && row < rect.row + rect.rows && col >= rect.col && col < rect.col + rect.cols
  );
}
