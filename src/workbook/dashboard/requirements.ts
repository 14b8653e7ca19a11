/**
 * What the dashboard needs from the workbook (tables and columns) and the problems it reports
 * when something is missing (as the workbook's one error type, ../errors.ts). Pure, so the task pane and tests can
 * describe problems without Excel.
 */
import { REPORTING_AMOUNT, TABLES, tableSpec } from "../../model/schema";
import { isError } from "../../engine/errors";
import { readStageTableArg } from "../../engine/stageTableArg";
import type { DashboardProblem, DashboardWarning } from "../errors";
import { matchHeaders } from "../setup/headers";

/** The columns each table must have for the dashboard's formulas. */
export const REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  [TABLES.deals]: [
    "Deal Name",
    "Account",
    "Owner",
    "Stage",
    "Amount",
    REPORTING_AMOUNT,
    "Created",
    "Expected Close",
    "Closed Date",
    "Competitor",
    "Last Activity",
  ],
  [TABLES.leads]: ["Created", "Owner", "Source", "First Contact", "Converted"],
  [TABLES.stages]: ["Stage", "Probability"],
  [TABLES.targets]: ["Month", "Owner", "Target"],
  [TABLES.owners]: ["Owner"],
  [TABLES.competitors]: ["Competitor"],
};

export { DashboardError, describeDashboardProblem } from "../errors";
export type { DashboardProblem } from "../errors";

/** Where each table found lives, and the user's sheets that stand where a missing table's sheet goes. */
export interface TablePlaces {
  /** The sheet of each table found, by table name. */
  readonly sheets?: Readonly<Record<string, string>>;
  /**
   * For a missing table: the sheet with its sheet's tab name that Setup leaves alone (the user's
   * own), by table name.
   */
  readonly foreignSheets?: Readonly<Record<string, string>>;
}

/**
 * Checks the tables and their headers against {@link REQUIRED_COLUMNS}. A table with our name
 * whose columns Setup would not adopt (the same rule Setup uses) is the user's own: reported as
 * `foreignTable` with the columns it lacks, since Setup cannot fix it. A missing table whose sheet
 * name is taken by a sheet of the user's is `foreignSheet`; any other missing table is
 * `missingTable`, and a missing column of one of our tables `missingColumn` (Setup fixes both).
 *
 * @param headers header cells by table name (lower-cased keys are fine); a table that is absent
 *   from the map is missing
 * @param places the sheets of the tables found and the user's sheets in the way
 * @returns the problems, in table order (empty when everything is there)
 * @example
 * checkTables({ Deals: ["Deal ID", "Stage"] });
 * // [{ code: "missingColumn", params: { table: "Deals", column: "Deal Name" } }, …]
 * checkTables({ Deals: ["Region", "Quarter"] }, { sheets: { Deals: "Sheet1" } })[0].code; // "foreignTable"
 */
export function checkTables(
  headers: Readonly<Record<string, readonly unknown[] | undefined>>,
  places: TablePlaces = {}
): DashboardProblem[] {
  const byLower = new Map<string, readonly unknown[]>();
  for (const [name, cells] of Object.entries(headers))
    if (cells) byLower.set(name.toLowerCase(), cells);
  const problems: DashboardProblem[] = [];
  for (const [table, columns] of Object.entries(REQUIRED_COLUMNS)) {
    const found = byLower.get(table.toLowerCase());
    if (!found) {
      const sheet = places.foreignSheets?.[table];
      problems.push(
        sheet
          ? { code: "foreignSheet", params: { table, sheet } }
          : { code: "missingTable", params: { table } }
      );
      continue;
    }
    const have = new Set(found.map((h) => String(h).trim().toLowerCase()));
    const missing = columns.filter((column) => !have.has(column.toLowerCase()));
    const spec = tableSpec(table);
    if (missing.length > 0 && spec && !matchHeaders(spec, found).compatible) {
      const sheet = places.sheets?.[table] ?? "";
      problems.push({ code: "foreignTable", params: { table, sheet, columns: missing } });
      continue;
    }
    for (const column of missing)
      problems.push({ code: "missingColumn", params: { table, column } });
  }
  return problems;
}

/**
 * Whether the Stages table reads as the SALES functions' `stage_table` argument, which every
 * dashboard figure that judges stages passes (`Stages[#All]`): a table they refuse (a flag that
 * is not TRUE/FALSE, a probability above 100%, a stage both won and lost, one stage on two rows
 * with different outcomes) leaves those figures empty, so the build says why, in the function's
 * own words.
 *
 * @param headers the Stages table's header row
 * @param rows its body
 * @returns a `stageTableProblem` warning, or none
 * @example
 * stageTableWarnings(["Stage", "Probability", "Is Won"], [["Signed", 1, "x"]]);
 * // [{ code: "stageTableProblem", params: { en: "stage_table row 1, Is Won: …", ar: "…" } }]
 */
export function stageTableWarnings(
  headers: readonly unknown[] | undefined,
  rows: readonly (readonly unknown[])[]
): DashboardWarning[] {
  if (!headers || rows.length === 0) return [];
  const read = readStageTableArg([[...headers], ...rows.map((r) => [...r])]);
  if (!isError(read)) return [];
  return [{ code: "stageTableProblem", params: { en: read.message, ar: read.ar ?? read.message } }];
}
