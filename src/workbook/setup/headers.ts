/**
 * Pure helpers setup uses to recognise our tables and sheets: header comparison, free tab names
 * and dropdown sources.
 */
import { ColumnSpec, TableSpec } from "../../model/schema";

/**
 * Normalizes a header for comparison: trimmed, case-insensitive, single spaces.
 *
 * @param header a header cell
 * @returns the comparable form
 * @example
 * normalizeHeader(" Deal  ID "); // "deal id"
 */
export function normalizeHeader(header: unknown): string {
  return String(header ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** How an existing header row relates to a table spec. */
export interface HeaderMatch {
  /** Our columns the headers lack, in schema order (to append). */
  readonly missing: readonly ColumnSpec[];
  /** At least half of our columns are present: the table is ours, possibly older or edited. */
  readonly compatible: boolean;
}

/**
 * Compares an existing header row with a table spec.
 *
 * @param spec our table
 * @param headers the existing header cells
 * @returns missing columns and whether the headers are compatible
 * @example
 * matchHeaders(OWNERS, ["Owner"]).missing.map((c) => c.name); // ["Team"]
 */
export function matchHeaders(spec: TableSpec, headers: readonly unknown[]): HeaderMatch {
  const have = new Set(headers.map(normalizeHeader));
  const missing = spec.columns.filter((c) => !have.has(normalizeHeader(c.name)));
  const present = spec.columns.length - missing.length;
  return { missing, compatible: present > 0 && present * 2 >= spec.columns.length };
}

/**
 * A tab name not used yet, for a sheet whose name is taken by foreign content.
 *
 * @param base the name we wanted
 * @param taken existing sheet names
 * @returns "Deals 2", "Deals 3", … (at most 31 characters, as Excel requires)
 * @example
 * suggestSheetName("Deals", ["Deals", "Deals 2"]); // "Deals 3"
 */
export function suggestSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * The source of a list dropdown: a fixed list, or another table's column. Data validation does
 * not accept structured references directly, so a table column goes through INDIRECT, which
 * keeps following the table as it grows.
 *
 * @param list the column's list
 * @returns the validation source
 * @example
 * listSource({ table: "Stages", column: "Stage" }); // '=INDIRECT("Stages[Stage]")'
 */
export function listSource(list: NonNullable<ColumnSpec["list"]>): string {
  if ("table" in list) return `=INDIRECT("${list.table}[${list.column}]")`;
  return (list as readonly string[]).join(",");
}
