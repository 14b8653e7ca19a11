/**
 * Why a table the dashboard needs is missing: when the sheet it belongs on has our tab name but
 * holds the user's own content, Setup leaves that sheet alone (setup/decide.ts), so "run Setup"
 * would not help. These helpers load (no sync of their own) and decide that case.
 */
import { ALL_TABLES, WorkbookLanguage, sheet as sheetSpec, tableSpec } from "../../model/schema";

/** A missing table's home sheet, loaded: its used range and tables. */
export interface HomeSheet {
  readonly sheet: string;
  /** Settings holds several tables on one sheet, so Setup never converts a plain range there. */
  readonly settings: boolean;
  readonly used: Excel.Range;
  readonly tables: Excel.TableCollection;
}

/**
 * Queues loads for each missing table whose sheet has our tab name (in the workbook language)
 * while none of that sheet's tables exist: the case where Setup decides the sheet is the user's.
 *
 * @param wb the workbook
 * @param wanted the tables the dashboard needs
 * @param tableByName the workbook's tables, by lower-cased name
 * @param sheetNames the workbook's sheet names
 * @param language the workbook language (Setup tries this tab name first)
 * @returns the loaded proxies by table name (read them after the next sync)
 * @example
 * const homes = loadHomeSheets(wb, ["Stages"], tables, names, "en"); await context.sync();
 */
export function loadHomeSheets(
  wb: Excel.Workbook,
  wanted: readonly string[],
  tableByName: ReadonlyMap<string, unknown>,
  sheetNames: ReadonlySet<string>,
  language: WorkbookLanguage
): Map<string, HomeSheet> {
  const out = new Map<string, HomeSheet>();
  const bySheet = new Map<string, HomeSheet>();
  for (const table of wanted) {
    const spec = tableSpec(table);
    if (!spec || tableByName.has(table.toLowerCase())) continue;
    // Setup adopts the sheet that holds any of its tables, so only a sheet with none is in doubt.
    const siblings = ALL_TABLES.filter((t) => t.sheetKey === spec.sheetKey);
    if (siblings.some((t) => tableByName.has(t.name.toLowerCase()))) continue;
    const name = [...sheetNames].find(
      (n) => n.toLowerCase() === sheetSpec(spec.sheetKey).name[language].toLowerCase()
    );
    if (!name) continue;
    let home = bySheet.get(name);
    if (!home) {
      const ws = wb.worksheets.getItem(name);
      home = {
        sheet: name,
        settings: spec.sheetKey === "settings",
        used: ws.getUsedRangeOrNullObject(true).load("address"),
        tables: ws.tables.load("items/name"),
      };
      bySheet.set(name, home);
    }
    out.set(table, home);
  }
  return out;
}

/**
 * The missing tables whose home sheet Setup would skip as the user's: the sheet holds values and
 * is either the Settings sheet or holds a table of the user's (Setup converts only a plain range).
 *
 * @param homes what {@link loadHomeSheets} returned, after the sync
 * @returns the user's sheet by table name
 * @example
 * foreignHomeSheets(homes); // { Stages: "Settings", Targets: "Settings", Owners: "Settings" }
 */
export function foreignHomeSheets(homes: ReadonlyMap<string, HomeSheet>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, h] of homes)
    if (!h.used.isNullObject && (h.settings || h.tables.items.length > 0)) out[table] = h.sheet;
  return out;
}
