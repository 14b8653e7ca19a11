/**
 * A1 addresses: parsing and printing, as Excel writes them ("Sheet1!A1:C3", "'My Sheet'!B:B",
 * "1:3"). Rows and columns are 0-based inside the stand-in; Excel's limits apply.
 */
import { columnIndex, columnLetters } from "../../src/model/a1";
import { excelError } from "./errors";

/** Excel's grid: 1,048,576 rows × 16,384 columns (XFD). */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  readonly r0: number;
  readonly c0: number;
  readonly r1: number;
  readonly c1: number;
}

/** A parsed address: the optional sheet name and the rectangle. */
export interface ParsedAddress extends Rect {
  readonly sheet?: string;
}

/**
 * A sheet name as Excel prints it in an address: quoted when it holds anything but letters,
 * digits, underscores and dots (or starts with a digit).
 *
 * @param name the sheet name
 * @returns the name, quoted if needed
 * @example
 * quoteSheet("My Sheet"); // "'My Sheet'"
 */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/**
 * Prints a rectangle as an A1 address; whole rows/columns print as "1:3" / "A:C".
 *
 * @param rect the rectangle
 * @param sheet optional sheet name to prefix
 * @param absolute whether to print $ signs
 * @returns the address
 * @example
 * formatAddress({ r0: 0, c0: 0, r1: 2, c1: 1 }, "Deals"); // "Deals!A1:B3"
 */
export function formatAddress(rect: Rect, sheet?: string, absolute = false): string {
  const d = absolute ? "$" : "";
  const prefix = sheet === undefined ? "" : `${quoteSheet(sheet)}!`;
  const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
  if (wholeCols && !wholeRows) {
    return `${prefix}${d}${columnLetters(rect.c0)}:${d}${columnLetters(rect.c1)}`;
  }
  if (wholeRows && !wholeCols) return `${prefix}${d}${rect.r0 + 1}:${d}${rect.r1 + 1}`;
  const a = `${d}${columnLetters(rect.c0)}${d}${rect.r0 + 1}`;
  const b = `${d}${columnLetters(rect.c1)}${d}${rect.r1 + 1}`;
  return prefix + (a === b ? a : `${a}:${b}`);
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

function bad(address: string): never {
  throw excelError(
    "InvalidArgument",
    `The argument is invalid or missing or has an incorrect format: '${address}'.`
  );
}

/**
 * Parses an A1 address ("B2", "A1:C3", "A:A", "2:4", "Sheet1!A1:B2", "'My Sheet'!A1").
 * Throws Excel's InvalidArgument for anything else or anything outside the grid.
 *
 * @param address the address text
 * @returns the sheet (if given) and the rectangle
 * @example
 * parseAddress("Deals!A1:C3"); // { sheet: "Deals", r0: 0, c0: 0, r1: 2, c1: 2 }
 */
export function parseAddress(address: string): ParsedAddress {
  const text = address.trim();
  let sheet: string | undefined;
  let ref = text;
  const bang = text.lastIndexOf("!");
  if (bang >= 0) {
    const raw = text.slice(0, bang);
    ref = text.slice(bang + 1);
    sheet = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    if (!sheet) bad(address);
  }
  const parts = ref.split(":");
  if (parts.length < 1 || parts.length > 2 || parts.some((p) => p === "")) bad(address);
  const [a, b = parts[0]] = parts;
  let rect: Rect;
  const ca = CELL.exec(a);
  const cb = CELL.exec(b);
  if (ca && cb) {
    const rows = [Number(ca[2]) - 1, Number(cb[2]) - 1];
    const cols = [columnIndex(ca[1]), columnIndex(cb[1])];
    rect = {
      r0: Math.min(...rows),
      r1: Math.max(...rows),
      c0: Math.min(...cols),
      c1: Math.max(...cols),
    };
  } else if (parts.length === 2 && COL.test(a) && COL.test(b)) {
    const cols = [columnIndex(COL.exec(a)![1]), columnIndex(COL.exec(b)![1])];
    rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(...cols), c1: Math.max(...cols) };
  } else if (parts.length === 2 && ROW.test(a) && ROW.test(b)) {
    const rows = [Number(ROW.exec(a)![1]) - 1, Number(ROW.exec(b)![1]) - 1];
    rect = { r0: Math.min(...rows), r1: Math.max(...rows), c0: 0, c1: MAX_COLUMNS - 1 };
  } else {
    return bad(address);
  }
  if (rect.r0 < 0 || rect.c0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) bad(address);
  return sheet === undefined ? rect : { ...rect, sheet };
}

/** @returns the number of rows of a rectangle */
export function rowCount(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

/** @returns the number of columns of a rectangle */
export function columnCount(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

/** @returns whether two rectangles share at least one cell */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

/** @returns the intersection of two rectangles, or null */
export function intersect(a: Rect, b: Rect): Rect | null {
  if (!overlaps(a, b)) return null;
  return {
    r0: Math.max(a.r0, b.r0),
    c0: Math.max(a.c0, b.c0),
    r1: Math.min(a.r1, b.r1),
    c1: Math.min(a.c1, b.c1),
  };
}

/**
 * Checks that a rectangle lies in Excel's grid, as Excel does for computed ranges
 * (getOffsetRange, getResizedRange): outside it is InvalidArgument.
 *
 * @param rect the rectangle
 * @returns the same rectangle
 */
export function checkRect(rect: Rect): Rect {
  if (
    rect.r0 < 0 ||
    rect.c0 < 0 ||
    rect.r1 >= MAX_ROWS ||
    rect.c1 >= MAX_COLUMNS ||
    rect.r1 < rect.r0 ||
    rect.c1 < rect.c0
  ) {
    throw excelError(
      "InvalidArgument",
      "The argument is invalid or missing or has an incorrect format."
    );
  }
  return rect;
}
