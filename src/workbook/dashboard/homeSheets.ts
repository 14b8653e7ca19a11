/**
 * Why a table the dashboard needs is missing: when the sheet it belongs on has our tab name but
 * holds the user's own content, Setup leaves that sheet alone (setup/decide.ts), so "run Setup"
 * would not help. These helpers load (no sync of their own) and decide that case.
 */
import {
  ALL_TABLES,
  TableSpec,
  WorkbookLanguage,
  sheet as sheetSpec,
  tableSpec,
} from "../../model/schema";
import { cellIndexes, indexRect, rectAddress } from "../../model/a1";
import { homeSheetVerdict, loadMerges } from "../setup";

/** A missing table's home sheet, loaded: its used range, header row, tables, the table's block. */
export interface HomeSheet {
  readonly sheet: string;
  /** The missing table. */
  readonly spec: TableSpec;
  readonly used: Excel.Range;
  /** The first row of the used range (A1 on a blank sheet). */
  readonly header: Excel.Range;
  readonly tables: Excel.TableCollection;
  /** Values in the table's block (header and one row at its anchor), as Setup checks it. */
  readonly blockUsed: Excel.Range;
  /** Merged areas over that block (null where ExcelApi 1.13 is missing). */
  readonly blockMerges: Excel.RangeAreas | null;
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
    const shared = bySheet.get(name);
    const ws = wb.worksheets.getItem(name);
    const { rowIndex, columnIndex } = cellIndexes(spec.anchor);
    const block = ws.getRange(
      rectAddress(indexRect(rowIndex, columnIndex, 2, spec.columns.length))
    );
    const home: HomeSheet = {
      sheet: name,
      spec,
      used: shared?.used ?? ws.getUsedRangeOrNullObject(true).load("address"),
      // getUsedRange (not OrNullObject) is A1 on a blank sheet, so its first row is always there.
      header: shared?.header ?? ws.getUsedRange(true).getRow(0).load("values"),
      tables: shared?.tables ?? ws.tables.load("items/name"),
      blockUsed: block.getUsedRangeOrNullObject(true).load("address"),
      blockMerges: loadMerges(block),
    };
    if (!shared) bySheet.set(name, home);
    out.set(table, home);
  }
  return out;
}

/**
 * The missing tables whose home sheet Setup would leave alone as the user's (the rules are
 * Setup's own, {@link homeSheetVerdict}): Settings with values, a sheet with a table of the
 * user's, a plain range whose headers are not ours, or our table's block taken on a blank sheet.
 *
 * @param homes what {@link loadHomeSheets} returned, after the sync
 * @returns the user's sheet by table name
 * @example
 * foreignHomeSheets(homes); // { Stages: "Settings", Targets: "Settings", Owners: "Settings" }
 */
export function foreignHomeSheets(homes: ReadonlyMap<string, HomeSheet>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, h] of homes) {
    const verdict = homeSheetVerdict(h.spec, {
      hasValues: !h.used.isNullObject,
      tableCount: h.tables.items.length,
      headerRow: h.header.values[0] ?? [],
      blockTaken:
        !h.blockUsed.isNullObject || (h.blockMerges !== null && !h.blockMerges.isNullObject),
    });
    if (verdict === "user") out[table] = h.sheet;
  }
  return out;
}
