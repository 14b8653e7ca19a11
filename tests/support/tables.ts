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

/** A table as read from the stand-in. */
export interface LocatedTable {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
  /**
   * A1 address of a body cell.
   *
   * @param row 0-based row inside the body
   * @param column the header of the column
   */
  cell(row: number, column: string): string;
}

const letter = (n: number): string =>
  n < 26 ? String.fromCharCode(65 + n) : letter(Math.floor(n / 26) - 1) + letter(n % 26);

/**
 * Finds a table by name on any sheet and reads its header and body.
 *
 * @param s the stand-in
 * @param name the table's name
 * @returns the table's rows and a way to address its cells
 * @example
 * const deals = locateTable(s, "Deals");
 * s.setValues(deals.sheet, deals.cell(0, "Stage"), [["Signed"]]);
 */
export function locateTable(s: StandIn, name: string): LocatedTable {
  for (const sheet of s.snapshot().sheets) {
    const t = sheet.tables.find((x) => x.name === name);
    if (!t) continue;
    const [headers, ...rows] = s.getValues(sheet.name, t.address);
    const m = /([A-Z]+)\$?(\d+)(?::|$)/.exec(t.address.split("!").pop()!.replace(/\$/g, ""))!;
    const col0 = [...m[1]].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const row0 = Number(m[2]);
    const names = headers.map(String);
    return {
      sheet: sheet.name,
      headers: names,
      rows: rows.map((r) => Object.fromEntries(names.map((h, i) => [h, r[i]]))),
      cell: (r, c) => `${letter(col0 + names.indexOf(c))}${row0 + 1 + r}`,
    };
  }
  throw new Error(`no table ${name}`);
}

/**
 * Two stage names as one: the same letters and digits, case and punctuation ignored (a test's own
 * rule, written independently of the product's label matching).
 *
 * @param x a stage name or cell
 * @returns its key
 * @example
 * stageKey("Closed - Won"); // "closedwon"
 */
export const stageKey = (x: unknown): string =>
  String(x)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/**
 * A deal's outcome as a test computes it from the Stages table read back: the row with the same
 * key decides when its Is Won / Is Lost flags are filled, else the built-in won/lost labels.
 *
 * @param stages the Stages table's rows (tableRows(s, "Stages"))
 * @param stage the deal's stage
 * @returns "won", "lost" or "open"
 * @example
 * stageOutcome(tableRows(s, "Stages"), "Signed"); // "won" when the user marked Signed won
 */
export function stageOutcome(stages: readonly TableRow[], stage: string): "won" | "lost" | "open" {
  const row = stages.find((r) => stageKey(r.Stage) === stageKey(stage));
  if (row && (row["Is Won"] !== "" || row["Is Lost"] !== ""))
    return row["Is Won"] === true ? "won" : row["Is Lost"] === true ? "lost" : "open";
  const l = stage.toLowerCase().trim();
  if (["closed won", "won", "closedwon"].includes(l)) return "won";
  if (["closed lost", "lost", "closedlost"].includes(l) || l.startsWith("closed lost "))
    return "lost";
  return "open";
}

/**
 * The cells of a sheet showing an Excel error value (#VALUE!, #N/A, #REF!, …), as "A1=#N/A".
 *
 * @param s the stand-in
 * @param sheet the sheet's name (default "Dashboard")
 * @returns one entry per error cell, empty when none
 * @example
 * expect(errorsOnDashboard(standIn)).toEqual([]);
 */
export function errorsOnDashboard(s: StandIn, sheet = "Dashboard"): string[] {
  const dash = s.snapshot().sheets.find((x) => x.name === sheet)!;
  return Object.entries(dash.cells)
    .filter(([, c]) => typeof c.value === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(c.value))
    .map(([a, c]) => `${a}=${String(c.value)}`);
}
