/**
 * A header row given with the data: `=SALES.AVG_DEAL_SIZE(C:C, D:D)` or `C1:C500` passes the
 * column titles ("Amount", "Stage") as the first cells. Excel's own SUM and AVERAGEIFS skip such
 * text; our functions do the same, for every range of the call at once, so the title row never
 * counts as a deal (its "Stage" would otherwise be an open deal, its blank date a stale one).
 *
 * The first row is a header when the call passes at least one range of numbers, dates or yes/no
 * values, every range has two or more rows, and in row 1:
 * - some such range holds a title: text that is not a value of its kind and has two letters or
 *   more (`"Amount"`, `"Close Date"`; not `"n/a"`, `"TRUE"` or `"#N/A"`, which are bad data),
 * - no such range holds a value of its kind (a real first deal is never dropped),
 * - every cell is text or blank (a title row has nothing else).
 * That row is then read as blank (the ranges keep their shape and positions, so a message still
 * names the cell as the user counts it). Text anywhere else stays a #VALUE! naming its cell.
 * A call with only text ranges (FUNNEL, WIN_RATE by count) cannot tell a title from a stage by
 * type; there a title reads as one more unknown stage (see docs/functions.md).
 */
import { CellGrid, cellDate, cellFlag, cellNumber, isBlankText } from "./cells";

/** What a range holds, for telling a title from a value. */
export type ColumnKind = "number" | "date" | "flag" | "text";

const READ: Record<Exclude<ColumnKind, "text">, (cell: unknown) => unknown> = {
  number: cellNumber,
  date: cellDate,
  flag: cellFlag,
};

/** Words that are bad data, never a column title. */
const NOT_TITLES = new Set([
  "true",
  "false",
  "yes",
  "no",
  "n/a",
  "na",
  "none",
  "null",
  "tbd",
  "nan",
]);

/** Text that reads as a column title: two letters or more, not an error or a yes/no word. */
function isTitle(text: string): boolean {
  const t = text.trim();
  return !t.startsWith("#") && !NOT_TITLES.has(t.toLowerCase()) && /\p{L}.*\p{L}/u.test(t);
}

/** Row 1's verdict for one typed range: a title, a value, or blank. */
function firstCell(
  kind: Exclude<ColumnKind, "text">,
  row: readonly unknown[]
): "title" | "value" | "blank" {
  let title = false;
  for (const cell of row) {
    if (isBlankText(cell)) continue;
    if (typeof cell !== "string") return "value";
    if (READ[kind](cell) !== undefined) return "value";
    if (!isTitle(cell)) return "value"; // junk data ("n/a", "TRUE", "#N/A") stays an error
    title = true;
  }
  return title ? "title" : "blank";
}

/**
 * The call's ranges with a header row read as blank (see the module comment); the same objects
 * when there is none. Omitted arguments (null/undefined) pass through.
 *
 * @param ranges [kind, argument] pairs
 * @returns the arguments, in the same order
 * @example
 * withoutHeaderRow(["number", [["Amount"], [100]]], ["text", [["Stage"], ["Won"]]]);
 * // [[[null], [100]], [[null], ["Won"]]]
 */
export function withoutHeaderRow<T extends unknown[]>(
  ...ranges: { [K in keyof T]: readonly [ColumnKind, T[K]] }
): T {
  const grids = (ranges as readonly (readonly [ColumnKind, CellGrid])[]).map(([, g]) => g) as T;
  const given = (ranges as readonly (readonly [ColumnKind, CellGrid])[]).filter(
    ([, g]) => g !== null && g !== undefined
  );
  if (given.length === 0) return grids;
  let title = false;
  for (const [kind, grid] of given) {
    if (!Array.isArray(grid) || grid.length < 2 || !Array.isArray(grid[0])) return grids;
    const row = grid[0] as unknown[];
    if (row.some((c) => !isBlankText(c) && typeof c !== "string")) return grids;
    if (kind === "text") continue;
    const verdict = firstCell(kind, row);
    if (verdict === "value") return grids;
    if (verdict === "title") title = true;
  }
  if (!title) return grids;
  return grids.map((grid) => {
    if (grid === null || grid === undefined) return grid;
    const rows = (grid as unknown[][]).slice();
    rows[0] = rows[0].map(() => null);
    return rows;
  }) as T;
}
