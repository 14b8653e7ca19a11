/**
 * What the dashboard needs from the workbook (tables and columns) and the problems it reports
 * when something is missing (as the workbook's one error type, ../errors.ts). Pure, so the task pane and tests can
 * describe problems without Excel.
 */
import { TABLES } from "../../model/schema";
import type { DashboardProblem } from "../errors";

/** The columns each table must have for the dashboard's formulas. */
export const REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  [TABLES.deals]: [
    "Deal Name",
    "Account",
    "Owner",
    "Stage",
    "Amount",
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

/**
 * Checks the tables and their headers against {@link REQUIRED_COLUMNS}.
 *
 * @param headers header cells by table name (lower-cased keys are fine); a table that is absent
 *   from the map is missing
 * @returns the problems, in table order (empty when everything is there)
 * @example
 * checkTables({ Deals: ["Deal ID", "Stage"] });
 * // [{ code: "missingColumn", params: { table: "Deals", column: "Deal Name" } }, …]
 */
export function checkTables(
  headers: Readonly<Record<string, readonly unknown[] | undefined>>
): DashboardProblem[] {
  const byLower = new Map<string, readonly unknown[]>();
  for (const [name, cells] of Object.entries(headers))
    if (cells) byLower.set(name.toLowerCase(), cells);
  const problems: DashboardProblem[] = [];
  for (const [table, columns] of Object.entries(REQUIRED_COLUMNS)) {
    const found = byLower.get(table.toLowerCase());
    if (!found) {
      problems.push({ code: "missingTable", params: { table } });
      continue;
    }
    const have = new Set(found.map((h) => String(h).trim().toLowerCase()));
    for (const column of columns)
      if (!have.has(column.toLowerCase()))
        problems.push({ code: "missingColumn", params: { table, column } });
  }
  return problems;
}
