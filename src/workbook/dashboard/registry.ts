/**
 * What a build owns, remembered in a workbook setting (the registry), and reading the filter
 * cells it points at. Shared by build, filters and share.
 */
import { WorkbookLanguage } from "../../model/schema";
import { FilterCellValues } from "./filterCodec";
import { FilterCells, PlanInput } from "./types";

/** What the workbook setting remembers of the last build. */
export interface DashboardRegistry {
  readonly version: 1;
  readonly sheetName: string;
  readonly language: WorkbookLanguage;
  readonly builtAt: string;
  readonly areas: readonly string[];
  readonly names: readonly string[];
  readonly charts: readonly string[];
  readonly filterCells: FilterCells;
  /** The plan's inputs, so the share copy can re-create the same formats and charts. */
  readonly input: PlanInput;
  /**
   * Fingerprint of the plan written (ownership.planFingerprint): when the plan re-derived from
   * `input` matches it, each cell the build wrote is known, and a rebuild rewrites only those
   * that still hold it. Absent in registries of older versions.
   */
  readonly fingerprint?: string;
  /** Whether the build created the sheet (sheet-level settings are ours only then). */
  readonly createdSheet?: boolean;
}

/**
 * Parses the registry setting; anything unreadable counts as no registry.
 *
 * @param value the setting's value
 * @returns the registry or null
 * @example
 * parseRegistry("not json"); // null
 */
export function parseRegistry(value: unknown): DashboardRegistry | null {
  try {
    const r = (typeof value === "string" ? JSON.parse(value) : value) as DashboardRegistry | null;
    if (!r || r.version !== 1 || typeof r.sheetName !== "string" || !Array.isArray(r.areas))
      return null;
    return r;
  } catch {
    return null;
  }
}

/** The loaded filter cells of a built dashboard (read after the next sync). */
export interface LoadedFilterCells {
  /** The cells' values, once synced. */
  values(): FilterCellValues;
}

/**
 * Queues loading the filter cells a registry points at.
 *
 * @param sheet the Dashboard sheet
 * @param cells the registry's filter cells
 * @returns the loaded cells; call `values()` after the sync
 */
export function loadFilterCells(sheet: Excel.Worksheet, cells: FilterCells): LoadedFilterCells {
  const load = (address: string): Excel.Range => sheet.getRange(address).load("values");
  const owner = load(cells.owner);
  const period = load(cells.period);
  const customFrom = load(cells.customFrom);
  const customTo = load(cells.customTo);
  const staleDays = load(cells.staleDays);
  return {
    values: () => ({
      owner: owner.values[0][0],
      period: period.values[0][0],
      customFrom: customFrom.values[0][0],
      customTo: customTo.values[0][0],
      staleDays: staleDays.values[0][0],
    }),
  };
}
