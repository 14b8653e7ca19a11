/**
 * Import from this workbook: a user who opened an export in Excel picks the sheet (or selects the
 * range) and the same mapping step follows, with no parsing at all: the cells' values arrive
 * typed, and date-formatted numbers are dates (engine/csv/grid.ts). Reads only; one sync each.
 */
import { gridToParsed } from "../../engine/csv/grid";
import type { ParsedCsv } from "../../engine/csv/parse";
import type { SheetChoice } from "../import";

/**
 * The visible worksheets of this workbook and the selected range, if it is more than one cell.
 *
 * @returns sheet names in tab order and the selection's address
 * @example
 * const { sheets, selection } = await listSheets(); // ["Sheet1", "Deals"], "Sheet1!A1:F40"
 */
export async function listSheets(): Promise<SheetChoice> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name, items/visibility");
    const selected = context.workbook.getSelectedRange();
    selected.load("address, cellCount");
    await context.sync();
    return {
      sheets: sheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name),
      selection: selected.cellCount > 1 ? selected.address : null,
    };
  });
}

/** Why a sheet cannot be read. */
export class SheetReadError extends Error {
  /**
   * @param code "noSheet" (the sheet is gone) or "empty" (no filled cell)
   * @param message English details
   */
  constructor(
    readonly code: "noSheet" | "empty",
    message: string
  ) {
    super(message);
    this.name = "SheetReadError";
  }
}

/**
 * Reads a sheet's used range (or an address on it) as cells to map and import. Line numbers in
 * messages are the sheet's row numbers.
 *
 * @param sheet the worksheet's name
 * @param address optional range on that sheet ("A1:F40", or "Sheet1!A1:F40")
 * @returns the cells as a parsed file
 * @throws SheetReadError when the sheet is missing or empty
 * @example
 * const grid = await readSheet("hubspot-deals");
 * await importRecords({ target: "Deals", grid });
 */
export async function readSheet(sheet: string, address?: string): Promise<ParsedCsv> {
  return Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    await context.sync();
    if (ws.isNullObject) throw new SheetReadError("noSheet", `there is no sheet ${sheet}`);
    const local = address ? address.split("!").pop()! : null;
    const range = local ? ws.getRange(local) : ws.getUsedRangeOrNullObject(true);
    range.load("values, numberFormat, rowIndex");
    await context.sync();
    if (range.isNullObject) throw new SheetReadError("empty", `the sheet ${sheet} is empty`);
    const grid = gridToParsed(range.values, range.numberFormat, range.rowIndex + 1);
    if (!grid) throw new SheetReadError("empty", `the sheet ${sheet} is empty`);
    return grid;
  });
}
