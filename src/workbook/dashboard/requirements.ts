/**
 * What the dashboard needs from the workbook (tables and columns), the problems it reports
 * when something is missing, and the error carrying them. Pure, so the task pane and tests can
 * describe problems without Excel.
 */
import { TABLES } from "../../model/schema";

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

/** Something that stops the build, with what the user should do. */
export type DashboardProblem =
  | { readonly kind: "missingTable"; readonly table: string }
  | { readonly kind: "missingColumn"; readonly table: string; readonly column: string }
  | { readonly kind: "occupied"; readonly cells: readonly string[]; readonly sheet: string }
  | { readonly kind: "noDashboard" };

/**
 * The problem in plain English (the task pane shows its own localized text for each kind).
 *
 * @param p the problem
 * @returns a sentence that says what to do
 * @example
 * describeProblem({ kind: "missingColumn", table: "Deals", column: "Amount" });
 * // "The Deals table is missing the Amount column — run Setup."
 */
export function describeProblem(p: DashboardProblem): string {
  switch (p.kind) {
    case "missingTable":
      return `The ${p.table} table is missing — run Setup (or rename your table back to ${p.table}).`;
    case "missingColumn":
      return `The ${p.table} table is missing the ${p.column} column — run Setup.`;
    case "occupied":
      return `Cells ${p.cells.join(", ")} on the ${p.sheet} sheet hold your content where the dashboard goes — move them, or rename that sheet, then build again.`;
    case "noDashboard":
    default:
      return "There is no dashboard yet — build it first.";
  }
}

/**
 * A build that could not start: every problem found, so the user fixes them in one go.
 *
 * @example
 * throw new DashboardError([{ kind: "missingTable", table: "Deals" }]);
 */
export class DashboardError extends Error {
  /**
   * @param problems what is missing or in the way
   */
  constructor(readonly problems: readonly DashboardProblem[]) {
    super(problems.map(describeProblem).join(" "));
    this.name = "DashboardError";
  }
}

/**
 * Checks the tables and their headers against {@link REQUIRED_COLUMNS}.
 *
 * @param headers header cells by table name (lower-cased keys are fine); a table that is absent
 *   from the map is missing
 * @returns the problems, in table order (empty when everything is there)
 * @example
 * checkTables({ Deals: ["Deal ID", "Stage"] });
 * // [{ kind: "missingColumn", table: "Deals", column: "Deal Name" }, …, { kind: "missingTable", table: "Leads" }, …]
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
      problems.push({ kind: "missingTable", table });
      continue;
    }
    const have = new Set(found.map((h) => String(h).trim().toLowerCase()));
    for (const column of columns)
      if (!have.has(column.toLowerCase())) problems.push({ kind: "missingColumn", table, column });
  }
  return problems;
}
