/**
 * Where a table grows, and what stands in its way: pure checks that Setup and Import run on what
 * they read, before anything is written (issue 14).
 *
 * Excel's rules (preview/excel/README.md, "Inserting, deleting, tables growing"):
 * - rows added through a table insert cells in the table's columns below it, so the cells below
 *   move down and are not in the way; but a merged area or another table that crosses the edge of
 *   that column band (part inside, part outside) cannot be shifted, and Excel refuses the write;
 * - a column appended at a table's right edge takes the cells next to it over the table's rows:
 *   a value, a format or a merge there is the user's and is in the way;
 * - a new table needs its whole block (header and rows) free of values and merges (formats left by a
 *   deleted table of ours, or a fill, stay under the new table);
 * - comments (ExcelApi 1.10) and notes (1.18) stay on their cell: a cell that rows added through a
 *   table push down takes its comment along, but a cell a new column or table takes over keeps its
 *   comment, which would then annotate our header or value. So a comment or note where a column or
 *   table goes is in the way like a value (the user moves it; we never delete or move it).
 */
import { Rect, overlaps, parseRect, rectAddress } from "../../model/a1";

/** What is in the way, and where. */
export interface Blocker {
  /** A merged area, a cell holding a value or a format, a comment or note, or another table. */
  readonly kind: "merge" | "content" | "comment" | "table";
  /** The cells in the way on their sheet, e.g. "B12:C12". */
  readonly address: string;
  /** The table in the way (kind "table"). */
  readonly table?: string;
}

/** A table on a sheet, as the inventory reads it. */
export interface PlacedTable {
  readonly name: string;
  readonly sheet: string;
  readonly rect: Rect;
}

/**
 * The rectangles of a multi-area address as Excel reports it ("Sheet1!B2:C2,Sheet1!E5" or with a
 * quoted sheet name that may hold commas).
 *
 * @param address a RangeAreas address ("" for none)
 * @returns one rectangle per area (1-based)
 * @example
 * parseAreas("'A, B'!B2:C2,'A, B'!E5"); // [{ row: 2, col: 2, rows: 1, cols: 2 }, { row: 5, col: 5, … }]
 */
export function parseAreas(address: string): Rect[] {
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => parseRect(p.trim())).filter((r): r is Rect => r !== null);
}

/** The cells two rectangles share, or null. */
export function intersection(a: Rect, b: Rect): Rect | null {
  if (!overlaps(a, b)) return null;
  const row = Math.max(a.row, b.row);
  const col = Math.max(a.col, b.col);
  const rowEnd = Math.min(a.row + a.rows, b.row + b.rows);
  const colEnd = Math.min(a.col + a.cols, b.col + b.cols);
  return { row, col, rows: rowEnd - row, cols: colEnd - col };
}

/** Whether a rectangle crosses the edge of the column band from `firstRow` down (cut by a shift). */
function crossesBand(r: Rect, firstRow: number, col: number, cols: number): boolean {
  const lastRow = r.row + r.rows - 1;
  if (lastRow < firstRow) return false;
  const touches = r.col < col + cols && r.col + r.cols > col;
  if (!touches) return false;
  const inside = r.col >= col && r.col + r.cols <= col + cols;
  // Inside the band it moves down whole, unless it starts above the insertion row.
  return !inside || r.row < firstRow;
}

/**
 * What stops rows from being added through a table: merged areas or other tables below it that
 * cross the edge of its column band (Excel cannot shift part of them).
 *
 * @param table the table's rectangle (header to last row) once its columns are added
 * @param merges merged areas on its sheet (those above the table are ignored)
 * @param others the other tables on its sheet
 * @returns the first thing in the way (topmost, then leftmost), or null
 * @example
 * rowGrowthBlocker(parseRect("A1:C5")!, [parseRect("C9:D9")!], []); // { kind: "merge", address: "C9:D9" }
 */
export function rowGrowthBlocker(
  table: Rect,
  merges: readonly Rect[],
  others: readonly PlacedTable[]
): Blocker | null {
  const firstRow = table.row + table.rows;
  const found: { rect: Rect; blocker: Blocker }[] = [];
  for (const m of merges) {
    if (crossesBand(m, firstRow, table.col, table.cols))
      found.push({ rect: m, blocker: { kind: "merge", address: rectAddress(m) } });
  }
  for (const t of others) {
    if (crossesBand(t.rect, firstRow, table.col, table.cols))
      found.push({
        rect: t.rect,
        blocker: { kind: "table", address: rectAddress(t.rect), table: t.name },
      });
  }
  found.sort((a, b) => a.rect.row - b.rect.row || a.rect.col - b.rect.col);
  return found[0]?.blocker ?? null;
}

/** What lies in the columns right of a table (over its rows), as read. */
export interface RightOfTable {
  /** Box of the cells holding a value or a format there, null when none. */
  readonly used: Rect | null;
  /** Merged areas overlapping those columns (anywhere in them). */
  readonly merges: readonly Rect[];
  /** Cells of the sheet holding a comment or a note (none when not read). */
  readonly comments?: readonly Rect[];
}

/** The first (topmost, then leftmost) comment cell inside an area, as a blocker. */
function commentIn(area: Rect, comments: readonly Rect[] | undefined): Blocker | null {
  const inside = (comments ?? [])
    .filter((c) => overlaps(c, area))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  return inside.length ? { kind: "comment", address: rectAddress(inside[0]) } : null;
}

/**
 * How many columns can be appended at a table's right edge before a cell of the user's (a value,
 * a format, a merge) is in the way, and what stops the next one.
 *
 * @param table the table's rectangle
 * @param wanted columns to append
 * @param right what lies right of the table
 * @returns the columns that fit and the blocker of the first that does not (null when all fit)
 * @example
 * columnGrowth(parseRect("A1:C5")!, 2, { used: parseRect("E3")!, merges: [] }); // { free: 1, blocker: { kind: "content", address: "E3" } }
 */
export function columnGrowth(
  table: Rect,
  wanted: number,
  right: RightOfTable
): { readonly free: number; readonly blocker: Blocker | null } {
  if (wanted <= 0) return { free: 0, blocker: null };
  const area: Rect = {
    row: table.row,
    col: table.col + table.cols,
    rows: table.rows,
    cols: wanted,
  };
  let first = area.col + wanted;
  let blocker: Blocker | null = null;
  for (const m of right.merges) {
    const part = intersection(m, area);
    if (part && part.col < first) {
      first = part.col;
      blocker = { kind: "merge", address: rectAddress(m) };
    }
  }
  const used = right.used ? intersection(right.used, area) : null;
  if (used && used.col < first) {
    first = used.col;
    blocker = { kind: "content", address: rectAddress(used) };
  }
  for (const c of right.comments ?? []) {
    if (overlaps(c, area) && c.col < first) {
      first = c.col;
      blocker = commentIn({ ...area, col: c.col, cols: 1 }, right.comments);
    }
  }
  return { free: first - area.col, blocker };
}

/**
 * What stops a new table from filling a block: a merged area or a cell with a value or format.
 *
 * @param block the header and rows the table will fill
 * @param used box of the cells holding a value or a format inside the block (null: none)
 * @param merges merged areas on the sheet
 * @param comments cells holding a comment or note on the sheet
 * @returns the blocker, merges first (Excel refuses those outright), then values, then comments,
 *   or null
 * @example
 * blockBlocker(parseRect("A1:C5")!, null, [parseRect("B3:C3")!]); // { kind: "merge", address: "B3:C3" }
 */
export function blockBlocker(
  block: Rect,
  used: Rect | null,
  merges: readonly Rect[],
  comments: readonly Rect[] = []
): Blocker | null {
  const merge = merges.find((m) => overlaps(m, block));
  if (merge) return { kind: "merge", address: rectAddress(merge) };
  const part = used ? intersection(used, block) : null;
  return part ? { kind: "content", address: rectAddress(part) } : commentIn(block, comments);
}
