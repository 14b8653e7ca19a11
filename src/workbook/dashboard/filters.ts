/**
 * The task pane's view of the dashboard filters: read the current settings and the owners to
 * choose from, and write new settings into the filter cells (the sheet's formulas do the rest).
 * Two round trips each.
 */
import { normalStart } from "../../engine/dashboard/periodWindows";
import { NAMES, TABLES } from "../../model/schema";
import { decodeFilters, encodeFilters } from "./filterCodec";
import { loadFilterCells, parseRegistry } from "./registry";
import { DashboardError } from "./requirements";
import { DashboardFilters, REGISTRY_SETTING } from "./types";

/** What the pane needs to show the filters. */
export interface DashboardState {
  /** Whether a dashboard has been built (and its sheet still exists). */
  readonly built: boolean;
  readonly sheetName: string | null;
  /** Owners to choose from: the data's and the Owners table's (as of the last build). */
  readonly owners: readonly string[];
  /** The current filters (defaults when nothing is built). */
  readonly filters: DashboardFilters | null;
  /** When the dashboard was last built (ISO), if ever. */
  readonly builtAt: string | null;
  /** The Settings sheet's fiscal-year start month (1–12; 1 when unset or not a month; absent = 1). */
  readonly fiscalStartMonth?: number;
}

/**
 * Reads whether a dashboard exists, its filters, and the owners to choose from.
 *
 * @returns the state
 * @example
 * const { owners, filters } = await readDashboardState();
 */
export async function readDashboardState(): Promise<DashboardState> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(REGISTRY_SETTING).load("value");
    const sheets = wb.worksheets.load("items/name");
    const owners = wb.tables.getItemOrNullObject(TABLES.owners).load("name");
    const fiscalName = wb.names.getItemOrNullObject(NAMES.fiscalYearStart).load("name");
    await context.sync();
    const registry = setting.isNullObject ? null : parseRegistry(setting.value);
    const built = registry !== null && sheets.items.some((s) => s.name === registry.sheetName);
    const body = owners.isNullObject ? null : owners.getDataBodyRange().load("values");
    const fiscal = fiscalName.isNullObject ? null : fiscalName.getRange().load("values");
    const cells = built
      ? loadFilterCells(wb.worksheets.getItem(registry.sheetName), registry.filterCells)
      : null;
    await context.sync();
    // The owners the last build found in the data (and the Owners table): the sheet's dropdown.
    const names =
      built && registry.input.data
        ? [...registry.input.data.owners]
        : (body?.values ?? [])
            .map((r) => (r[0] === null || r[0] === undefined ? "" : String(r[0]).trim()))
            .filter((n, i, all) => n !== "" && all.indexOf(n) === i);
    return {
      built,
      sheetName: built ? registry.sheetName : null,
      owners: names,
      filters: cells ? decodeFilters(cells.values()) : null,
      builtAt: registry?.builtAt ?? null,
      fiscalStartMonth: normalStart(Number(fiscal?.values[0]?.[0] ?? 1)),
    };
  });
}

/**
 * The cell contents for a set of filters, in the dashboard's language (the codec's encoder).
 *
 * @example
 * filterCellValues(DEFAULT_FILTERS, "en").period; // "This year"
 */
export const filterCellValues = encodeFilters;

/**
 * Writes filter settings into the dashboard's filter cells.
 *
 * @param filters the new filters
 * @returns the filters written
 * @throws DashboardError "noDashboard" when nothing has been built
 * @example
 * await setDashboardFilters({ owner: "Amira Haddad", period: "thisQuarter", customFrom: null, customTo: null, staleDays: 14 });
 */
export async function setDashboardFilters(filters: DashboardFilters): Promise<DashboardFilters> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const setting = wb.settings.getItemOrNullObject(REGISTRY_SETTING).load("value");
    const sheets = wb.worksheets.load("items/name");
    await context.sync();
    const registry = setting.isNullObject ? null : parseRegistry(setting.value);
    if (!registry || !sheets.items.some((s) => s.name === registry.sheetName))
      throw new DashboardError([{ code: "noDashboard", params: {} }]);
    const sheet = wb.worksheets.getItem(registry.sheetName);
    const v = encodeFilters(filters, registry.language);
    const c = registry.filterCells;
    sheet.getRange(c.owner).values = [[v.owner]];
    sheet.getRange(c.period).values = [[v.period]];
    sheet.getRange(c.customFrom).values = [[v.customFrom]];
    sheet.getRange(c.customTo).values = [[v.customTo]];
    sheet.getRange(c.staleDays).values = [[v.staleDays]];
    await context.sync();
    return filters;
  });
}
