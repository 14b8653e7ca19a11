/**
 * "Insert" of the function gallery: writes a formula into the selected cell, never over a
 * user's data. Two syncs: one to read the target cell and the workbook's tables, one to write.
 */

/** What happened to an insert request; the task pane turns it into a message. */
export type InsertFormulaResult =
  /** The formula is in `address` (sheet-qualified, e.g. "Sheet1!B2"). */
  | { readonly status: "inserted"; readonly address: string }
  /** The selected cell holds a value or formula: nothing was written. */
  | { readonly status: "occupied"; readonly address: string }
  /** The formula refers to tables the workbook does not have: nothing was written. */
  | { readonly status: "missingTables"; readonly tables: readonly string[] };

/** The task pane's slice of workbook actions for the function gallery. */
export interface FormulaActions {
  /**
   * Writes `formula` into the top-left cell of the selection when that cell is empty.
   *
   * @param formula an invariant-syntax formula starting with "="
   */
  insertFormula(formula: string): Promise<InsertFormulaResult>;
}

/**
 * The table names a formula refers to through structured references (`Deals[Stage]`).
 *
 * @param formula the formula
 * @returns distinct table names, in order of appearance
 * @example
 * referencedTables('=SALES.FUNNEL(Deals[Stage], Stages[Stage])'); // ["Deals", "Stages"]
 */
export function referencedTables(formula: string): string[] {
  // Text inside double quotes is data, not a reference ("a[b]" is just a string).
  const code = formula.replace(/"(?:[^"]|"")*"/g, '""');
  const names: string[] = [];
  for (const m of code.matchAll(/(?<![\w.\]])([A-Za-z_\\][\w.]*)\[/g)) {
    if (!names.some((n) => n.toLowerCase() === m[1].toLowerCase())) names.push(m[1]);
  }
  return names;
}

function isEmptyCell(value: unknown, formula: unknown): boolean {
  const blank = (x: unknown) => x === "" || x === null || x === undefined;
  return blank(value) && blank(formula);
}

/**
 * Writes a formula into the selected cell (the top-left one of a multi-cell selection) unless
 * that cell holds anything, and unless the formula refers to a table the workbook lacks (Excel
 * would reject such a formula or show #REF!).
 *
 * @param formula an invariant-syntax formula starting with "=", e.g. from the gallery's examples
 * @returns inserted with the address, or why nothing was written
 * @throws Error for a formula without "="; Excel's own errors (e.g. a protected sheet) pass through
 * @example
 * await insertFormula("=SALES.WIN_RATE(Deals[Stage])"); // { status: "inserted", address: "Sheet1!B2" }
 */
export async function insertFormula(formula: string): Promise<InsertFormulaResult> {
  if (!formula.startsWith("=")) throw new Error(`not a formula: ${formula}`);
  return Excel.run(async (context) => {
    const cell = context.workbook.getSelectedRange().getCell(0, 0);
    cell.load("address,values,formulas");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();

    const address = cell.address;
    if (!isEmptyCell(cell.values[0][0], cell.formulas[0][0]))
      return { status: "occupied", address };
    const existing = new Set(tables.items.map((t) => t.name.toLowerCase()));
    const missing = referencedTables(formula).filter((t) => !existing.has(t.toLowerCase()));
    if (missing.length > 0) return { status: "missingTables", tables: missing };

    cell.formulas = [[formula]];
    await context.sync();
    return { status: "inserted", address };
  });
}

/** The real implementation, passed to the task pane by index.tsx. */
export const formulaActions: FormulaActions = { insertFormula };
