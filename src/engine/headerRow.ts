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
 * A call with only text ranges (WIN_RATE by count, CONVERSION_RATE by status, FUNNEL) cannot tell a
 * title from a stage by type: `withoutTitleRow` recognizes its title by name instead, and leaves
 * every call with a typed range to this rule.
 */
import { CellGrid, cellDate, cellFlag, cellNumber, isBlankText, normalizeLabel } from "./cells";
import { isKnownColumnTitle } from "./columnTitles";

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
  return title ? blankFirstRow(grids) : grids;
}

/** The grids with row 1 read as blank (same shape; omitted arguments pass through). */
function blankFirstRow<T extends unknown[]>(grids: T): T {
  return grids.map((grid) => {
    if (grid === null || grid === undefined) return grid;
    const rows = (grid as unknown[][]).slice();
    rows[0] = rows[0].map(() => null);
    return rows;
  }) as T;
}

/** Whether a normalized label occurs below row 1 (each distinct cell value is read once). */
function occursBelow(grid: readonly (readonly unknown[])[], labels: ReadonlySet<string>): boolean {
  const seen = new Map<unknown, boolean>();
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r];
    if (!Array.isArray(row)) continue;
    for (const cell of row) {
      if (typeof cell !== "string") continue;
      let hit = seen.get(cell);
      if (hit === undefined) {
        hit = labels.has(normalizeLabel(cell));
        seen.set(cell, hit);
      }
      if (hit) return true;
    }
  }
  return false;
}

/**
 * The call's ranges with a title row read as blank, for calls whose ranges may all be text
 * (`=SALES.CONVERSION_RATE(B:B, "Closed - Converted")`, `=SALES.WIN_RATE(D:D)`), where a title
 * cannot be told from a stage by type and would count as one more lead or deal.
 *
 * When any range of numbers, dates or yes/no values is given, `withoutHeaderRow` decides alone
 * (unchanged). Otherwise row 1 is a title when every given range has two or more rows and, in
 * each, row 1 is blank or text that
 * - is a known column title (`isKnownColumnTitle`: our headers and captions, EN and AR, and the
 *   CRM export headers the import recognizes: "Lead Status", "Stage", "Deal - Stage"),
 * - is not a stage or status the call knows (`isCallLabel`: its stage_order, stage_table, label
 *   arguments and the built-in labels), so a real stage named "Status" is never dropped,
 * - does not occur again below row 1 in its range (a value that repeats is data, not a title),
 * and at least one such title is there. Only row 1 is ever read as blank; shapes are kept.
 *
 * @param isCallLabel whether a text is a stage or status the call knows (see `callLabels`)
 * @param ranges [kind, argument] pairs, as for `withoutHeaderRow`
 * @returns the arguments, in the same order (the same objects when row 1 is not a title)
 * @example
 * withoutTitleRow(() => false, ["text", [["Lead Status"], ["Converted"], [null]]]);
 * // [[[null], ["Converted"], [null]]]
 * withoutTitleRow((t) => t === "Status", ["text", [["Status"], ["Won"]]]);
 * // [[["Status"], ["Won"]]]  (the call knows a stage named "Status")
 */
export function withoutTitleRow<T extends unknown[]>(
  isCallLabel: (text: string) => boolean,
  ...ranges: { [K in keyof T]: readonly [ColumnKind, T[K]] }
): T {
  const pairs = ranges as readonly (readonly [ColumnKind, CellGrid])[];
  const given = pairs.filter(([, g]) => g !== null && g !== undefined);
  if (given.some(([kind]) => kind !== "text")) return withoutHeaderRow<T>(...ranges);
  const grids = pairs.map(([, g]) => g) as T;
  let title = false;
  for (const [, grid] of given) {
    if (!Array.isArray(grid) || grid.length < 2 || !Array.isArray(grid[0])) return grids;
    const texts = new Set<string>();
    for (const cell of grid[0] as unknown[]) {
      if (isBlankText(cell)) continue;
      if (typeof cell !== "string" || !isKnownColumnTitle(cell) || isCallLabel(cell)) return grids;
      texts.add(normalizeLabel(cell));
    }
    if (texts.size === 0) continue;
    if (occursBelow(grid as unknown[][], texts)) return grids;
    title = true;
  }
  return title ? blankFirstRow(grids) : grids;
}
