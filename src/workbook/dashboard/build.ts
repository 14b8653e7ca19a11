/**
 * Build / rebuild the dashboard in three round trips whatever the number of deals:
 *  1. what exists: tables, sheets, named items, the registry of the previous build;
 *  2. the tables' headers, the Stages rows, list sizes, the currency, the Dashboard sheet's used
 *     cells and charts, and the previous filter settings;
 *  3. every write (formulas reference whole table columns, so the payload does not grow with
 *     the data), under suspended calculation.
 *
 * Rebuild replaces only what the registry (a workbook setting) says the dashboard owns: its
 * cell areas, its named items and the charts named `SalesDashboard.*`. Anything else on the
 * sheet is left alone; a first build refuses to write over a user's cells.
 */
import { normalStart } from "../../engine/dashboard/periodWindows";
import { NAMES, TABLES, WorkbookLanguage, sheet as sheetSpec } from "../../model/schema";
import { Rect, containsCell, parseRect, rectAddress } from "../../model/a1";
import { supportsExcelApi } from "../excelApi";
import { applyPlan, fillOf } from "./apply";
import { keptAddresses, key, planFingerprint, userCells } from "./ownership";
import { loadCollections, loadSheetState } from "./sheetState";
import { loadDataColumns, planData, reportingCurrency, stagesFromRows } from "./data";
import { decodeFilters } from "./filterCodec";
import { DashboardRegistry, loadFilterCells, parseRegistry } from "./registry";
import {
  CHART_PREFIX,
  DASH_NAMES,
  DEFAULT_FILTERS,
  DashboardFilters,
  DashboardPlan,
  PlanInput,
  REGISTRY_SETTING,
  planDashboard,
  tileName,
  TILE_KEYS,
} from "./plan";
import { DashboardError, DashboardProblem, checkTables, stageTableWarnings } from "./requirements";
import { DashboardWarning, KEPT_CELLS_LISTED } from "../errors";
import { foreignHomeSheets, loadHomeSheets } from "./homeSheets";
import { FORMER_MERGES } from "./tiles";
import { languageOfSheet } from "../status";

export type { DashboardRegistry } from "./registry";
export { parseRegistry } from "./registry";
export { stagesFromRows } from "./data";

/** Phases reported while building. */
export type DashboardPhase = "reading" | "checking" | "writing" | "done";

/** Progress of a dashboard action: a phase and the fraction done (0–1). */
export interface DashboardProgress {
  readonly phase: DashboardPhase;
  readonly fraction: number;
}

/** What a build made. */
export interface DashboardReport {
  readonly sheetName: string;
  /** True when a previous dashboard was replaced. */
  readonly rebuilt: boolean;
  readonly tiles: number;
  readonly tables: number;
  readonly charts: readonly {
    readonly name: string;
    readonly type: string;
    readonly title: string;
  }[];
  readonly filters: DashboardFilters;
  /** Codes and values; the pane renders them in its language. */
  readonly warnings: readonly DashboardWarning[];
  /**
   * Cells in the dashboard's areas that hold the user's content (values, formulas, fills,
   * borders, merges, dropdowns, comments, conditional formats): left as they are.
   */
  readonly kept?: readonly string[];
  /** A sheet of the user's that had the dashboard's name: the dashboard went elsewhere. */
  readonly insteadOf?: string | null;
}

/** Options of a build. */
export interface BuildOptions {
  readonly language: WorkbookLanguage;
  /**
   * Build in the language the Deals tab's name gives (status.ts), `language` only when the name
   * gives none: the task pane's idea of the workbook language is as old as its last status read,
   * and the user may have renamed the tab since.
   */
  readonly followWorkbook?: boolean;
}

const LIST_TABLES = [
  TABLES.deals,
  TABLES.leads,
  TABLES.stages,
  TABLES.targets,
  TABLES.owners,
  TABLES.competitors,
];

/**
 * The filters found in the previous dashboard's filter cells (kept for callers of the old name;
 * the codec is `decodeFilters`).
 */
export const filtersFromCells = decodeFilters;

/**
 * Builds (or rebuilds) the dashboard on the Dashboard sheet.
 *
 * @param options the workbook language for captions and the sheet name
 * @param onProgress called with each phase
 * @returns what was built
 * @throws DashboardError listing missing tables/columns or cells in the way
 * @example
 * const report = await buildDashboard({ language: "en" });
 * report.charts.length; // 5
 */
export async function buildDashboard(
  options: BuildOptions,
  onProgress?: (p: DashboardProgress) => void
): Promise<DashboardReport> {
  onProgress?.({ phase: "reading", fraction: 0 });
  return Excel.run(async (context) => {
    const wb = context.workbook;
    // Round trip 1: what exists.
    const tables = wb.tables.load("items/name");
    const sheets = wb.worksheets.load("items/name");
    const names = wb.names.load("items/name");
    const setting = wb.settings.getItemOrNullObject(REGISTRY_SETTING).load("value");
    await context.sync();
    onProgress?.({ phase: "reading", fraction: 0.3 });

    const registry = setting.isNullObject ? null : parseRegistry(setting.value);
    const tableByName = new Map(tables.items.map((t) => [t.name.toLowerCase(), t]));
    const sheetNames = new Set(sheets.items.map((s) => s.name));
    const nameSet = new Set(names.items.map((n) => n.name));
    const spec = sheetSpec("dashboard");
    const existingSheet =
      registry && sheetNames.has(registry.sheetName)
        ? registry.sheetName
        : ([spec.name[options.language], spec.name.en, spec.name.ar].find((n) =>
            sheetNames.has(n)
          ) ?? null);
    const owned = registry && existingSheet === registry.sheetName ? registry : null;

    // Round trip 2: headers, stages, list sizes, currency, the sheet's used cells and charts.
    const headerRanges = new Map<string, Excel.Range>();
    const tableSheets = new Map<string, Excel.Worksheet>();
    for (const name of LIST_TABLES) {
      const t = tableByName.get(name.toLowerCase());
      if (t) headerRanges.set(name, t.getHeaderRowRange().load("values"));
      if (t) tableSheets.set(name, t.worksheet.load("name"));
    }
    const homeSheets = loadHomeSheets(wb, LIST_TABLES, tableByName, sheetNames, options.language);
    const stagesTable = tableByName.get(TABLES.stages.toLowerCase());
    const stagesBody = stagesTable?.getDataBodyRange().load("values");
    const ownersRows = tableByName.get(TABLES.owners.toLowerCase())?.rows.load("count");
    const competitorRows = tableByName.get(TABLES.competitors.toLowerCase())?.rows.load("count");
    const currency = nameSet.has(NAMES.currency)
      ? wb.names.getItem(NAMES.currency).getRange().load("values")
      : null;
    const fiscalStart = nameSet.has(NAMES.fiscalYearStart)
      ? wb.names.getItem(NAMES.fiscalYearStart).getRange().load("values")
      : null;
    const dash = existingSheet ? wb.worksheets.getItem(existingSheet) : null;
    // Formats count: a sheet with only fills or borders is not blank.
    const used = dash?.getUsedRangeOrNullObject(false).load("address");
    const charts = dash?.charts.load("items/name");
    const collections = dash ? loadCollections(dash, supportsExcelApi("1.10")) : null;
    const oldFilters = owned && dash ? loadFilterCells(dash, owned.filterCells) : null;
    const dataColumns = loadDataColumns(tableByName);
    await context.sync();
    onProgress?.({ phase: "checking", fraction: 0.5 });

    const headers: Record<string, readonly unknown[]> = {};
    for (const [name, range] of headerRanges) headers[name] = range.values[0];
    const problems: DashboardProblem[] = checkTables(headers, {
      sheets: Object.fromEntries([...tableSheets].map(([t, ws]) => [t, ws.name])),
      foreignSheets: foreignHomeSheets(homeSheets),
    });
    if (problems.length) throw new DashboardError(problems);
    // The workbook's language is its Deals tab's name: the pane asks to follow it, so a tab
    // renamed since the pane last read the workbook decides (no extra round trip).
    const tabLanguage = languageOfSheet(tableSheets.get(TABLES.deals)?.name ?? null);
    const language = (options.followWorkbook && tabLanguage) || options.language;

    const filters = oldFilters ? decodeFilters(oldFilters.values()) : DEFAULT_FILTERS;
    const reporting = reportingCurrency(currency?.values[0]?.[0]);
    const input: PlanInput = {
      language,
      currency: reporting,
      stages: stagesFromRows(stagesBody?.values ?? [], headers[TABLES.stages]),
      data: planData(dataColumns.values(), reporting),
      owners: ownersRows?.count ?? 0,
      competitors: competitorRows?.count ?? 0,
      funnel: supportsExcelApi("1.9"),
      filters,
      fiscalStartMonth: normalStart(Number(fiscalStart?.values[0]?.[0] ?? 1)),
      fiscalStartName: fiscalStart !== null,
    };
    const plan = planDashboard(input);
    const stageWarnings = stageTableWarnings(headers[TABLES.stages], stagesBody?.values ?? []);
    // A sheet of the user's that has the dashboard's name is left alone: the dashboard goes on
    // a free name instead (as Setup does), unless that sheet is blank.
    const blank =
      !!used &&
      used.isNullObject &&
      (charts?.items.length ?? 0) === 0 &&
      (collections?.comments?.items.length ?? 0) === 0 &&
      (collections?.conditionalFormats?.items.length ?? 0) === 0;
    const onSheet = owned !== null || blank ? dash : null;
    const insteadOf = !owned && existingSheet && !blank ? existingSheet : null;
    const sheetName = onSheet
      ? existingSheet!
      : insteadOf
        ? freeSheetName(spec.name[language], [...sheetNames])
        : spec.name[language];

    // Round trip 3 (an existing sheet only): what the user put in the old and new areas.
    const previousPlan = owned ? planDashboard(owned.input) : null;
    const exact = !!previousPlan && planFingerprint(previousPlan) === owned?.fingerprint;
    const formerMerges = previousPlan && !exact ? FORMER_MERGES : [];
    const allAreas = [...new Set([...(owned?.areas ?? []), ...plan.areas])];
    let kept: ReadonlySet<string> = new Set();
    if (onSheet && collections) {
      const dropdowns = [...(previousPlan?.validations ?? []), ...plan.validations].map(
        (v) => v.address
      );
      const loaded = loadSheetState(onSheet, allAreas, dropdowns, collections, {
        cellProperties: supportsExcelApi("1.9"),
        mergedAreas: supportsExcelApi("1.13"),
      });
      await context.sync();
      const previous = previousPlan ? { plan: previousPlan, exact, formerMerges } : null;
      kept = userCells(loaded.state(), previous, fillOf);
    }
    const keep = (row: number, col: number): boolean => kept.has(key(row, col));

    // Last round trip: every write.
    onProgress?.({ phase: "writing", fraction: 0.6 });
    context.application.suspendApiCalculationUntilNextSync();
    const target = onSheet ?? wb.worksheets.add(sheetName);
    const created = !onSheet;
    if (created) {
      // Sheet-level settings only on a sheet the dashboard makes.
      target.position = 0; // the dashboard is the first tab, as in schema.SHEETS
      target.showGridlines = false;
      target.tabColor = "#0F6CBD";
      target.freezePanes.freezeRows(5);
    }
    const ourCharts = new Set(owned?.charts ?? []);
    for (const c of onSheet ? (charts?.items ?? []) : [])
      if (c.name.startsWith(CHART_PREFIX) || ourCharts.has(c.name))
        target.charts.getItem(c.name).delete();
    const ourNames = new Set([...(owned?.names ?? []), ...plan.names.map((n) => n.name)]);
    for (const n of ourNames) if (nameSet.has(n)) wb.names.getItem(n).delete();
    if (onSheet) clearOurCells(target, allAreas, previousPlan, formerMerges, keep);
    applyPlan(context, target, plan, keep);
    const next: DashboardRegistry = {
      version: 1,
      sheetName,
      language,
      builtAt: new Date().toISOString(),
      areas: plan.areas,
      names: plan.names.map((n) => n.name),
      charts: plan.charts.map((c) => c.name),
      filterCells: plan.filterCells,
      input,
      fingerprint: planFingerprint(plan),
      createdSheet: created || (owned?.createdSheet ?? false),
    };
    wb.settings.add(REGISTRY_SETTING, JSON.stringify(next));
    const keptList = keptAddresses(kept, allAreas);
    target.activate();
    await context.sync();
    onProgress?.({ phase: "done", fraction: 1 });
    return {
      sheetName,
      rebuilt: owned !== null,
      tiles: plan.tiles.length,
      tables: plan.sections.length,
      charts: plan.charts.map((c) => ({ name: c.name, type: c.type, title: c.title })),
      filters,
      warnings: [...plan.warnings, ...stageWarnings, ...notices(sheetName, insteadOf, keptList)],
      kept: keptList,
      insteadOf,
    };
  });
}

/** What the report says about the user's content it left alone. */
function notices(
  sheetName: string,
  insteadOf: string | null,
  kept: readonly string[]
): DashboardWarning[] {
  const out: DashboardWarning[] = [];
  if (insteadOf)
    out.push({ code: "sheetKept", params: { sheet: insteadOf, dashboard: sheetName } });
  if (kept.length)
    out.push({
      code: "cellsKept",
      params: { count: kept.length, cells: kept.slice(0, KEPT_CELLS_LISTED) },
    });
  return out;
}

/**
 * Clears what the previous build wrote, around the user's cells: whole areas where nothing is
 * the user's, else runs of the dashboard's own cells row by row (comments, dropdowns and merges
 * of the user's stay).
 */
function clearOurCells(
  sheet: Excel.Worksheet,
  areas: readonly string[],
  previous: DashboardPlan | null,
  formerMerges: readonly string[],
  keep: (row: number, col: number) => boolean
): void {
  const ourDropdowns = (previous?.validations ?? []).map((v) => v.address);
  for (const area of areas) {
    const rect = parseRect(area);
    if (!rect) continue;
    const r = sheet.getRange(area);
    let mine = false;
    for (let i = 0; i < rect.rows && !mine; i++)
      for (let j = 0; j < rect.cols && !mine; j++) mine = keep(rect.row + i, rect.col + j);
    // Contents and formats only: Excel keeps comments and notes through these (not through "All").
    if (!mine) {
      r.unmerge();
      r.clear("Contents");
      r.clear("Formats");
      r.dataValidation.clear();
      continue;
    }
    const merged = [
      ...(previous?.blocks ?? []).filter((b) => b.merge).map((b) => b.rect),
      ...formerMerges.map(parseRect).filter((m): m is Rect => m !== null),
    ];
    for (const m of merged)
      if (containsRect(rect, m) && !anyKept(m, keep)) sheet.getRange(rectAddress(m)).unmerge();
    for (let i = 0; i < rect.rows; i++) {
      let j = 0;
      while (j < rect.cols) {
        if (keep(rect.row + i, rect.col + j)) {
          j++;
          continue;
        }
        let end = j;
        while (end < rect.cols && !keep(rect.row + i, rect.col + end)) end++;
        const run = r.getCell(i, j).getResizedRange(0, end - j - 1);
        run.clear("Contents");
        run.clear("Formats");
        j = end;
      }
    }
    for (const d of ourDropdowns) {
      const at = parseRect(d);
      if (at && containsCell(rect, at.row, at.col) && !keep(at.row, at.col))
        sheet.getRange(d).dataValidation.clear();
    }
  }
}

function anyKept(rect: Rect, keep: (row: number, col: number) => boolean): boolean {
  for (let i = 0; i < rect.rows; i++)
    for (let j = 0; j < rect.cols; j++) if (keep(rect.row + i, rect.col + j)) return true;
  return false;
}

function containsRect(outer: Rect, inner: Rect): boolean {
  return (
    containsCell(outer, inner.row, inner.col) &&
    containsCell(outer, inner.row + inner.rows - 1, inner.col + inner.cols - 1)
  );
}

/**
 * A free sheet name like Setup's: "Dashboard 2", "Dashboard 3", … (31 characters at most).
 *
 * @param base the name we wanted
 * @param taken existing sheet names
 * @returns the first free name
 * @example
 * freeSheetName("Dashboard", ["Dashboard"]); // "Dashboard 2"
 */
export function freeSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/** Named items of every tile value (exported for tests and the README). */
export const TILE_NAMES = TILE_KEYS.map(tileName);

/** The filter cells' named items (exported for the filter actions). */
export const FILTER_NAMES = DASH_NAMES;
