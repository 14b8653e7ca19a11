/**
 * Reading our tables back from the stand-in, for tests that check every row of an import.
 */
import type { StandIn } from "../../preview/excel";

/** A table row as { header: value }. */
export type TableRow = Record<string, unknown>;

/**
 * The body rows of a table, wherever it lives, keyed by header.
 *
 * @param s the stand-in
 * @param table the table's name ("Deals", "Stages", …)
 * @returns one object per body row
 * @example
 * tableRows(standIn, "Deals").map((r) => r.Amount);
 */
export function tableRows(s: StandIn, table: string): TableRow[] {
  for (const sheet of s.snapshot().sheets) {
    const t = sheet.tables.find((x) => x.name === table);
    if (!t) continue;
    const [headers, ...rows] = s.getValues(sheet.name, t.address.replace(/\$/g, ""));
    return rows.map((r) => Object.fromEntries(headers.map((h, i) => [String(h), r[i]])));
  }
  throw new Error(`no table ${table}`);
}
