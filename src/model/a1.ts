/**
 * A1 addresses for the dashboard layout: column letters, cells and rectangles, computed rather
 * than written out, so the layout is defined by a few row/column numbers.
 */

/** A rectangle of cells, 1-based rows and columns, inclusive. */
export interface Rect {
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/**
 * Column letters of a 1-based column number.
 *
 * @param col 1-based column (1 = A)
 * @returns the letters
 * @example
 * colLetters(28); // "AB"
 */
export function colLetters(col: number): string {
  let n = col;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
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
  return `${colLetters(col)}${row}`;
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
  const toCol = (letters: string): number =>
    letters
      .toUpperCase()
      .split("")
      .reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
  const r1 = Number(m[2]);
  const c1 = toCol(m[1]);
  const r2 = m[4] ? Number(m[4]) : r1;
  const c2 = m[3] ? toCol(m[3]) : c1;
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
