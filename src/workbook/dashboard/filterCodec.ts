/**
 * The one codec between dashboard filters and the filter cells' contents: the plan writes the
 * cells with `encodeFilters`, the pane's filter action writes them with it too, and a rebuild or
 * the pane reads them back with `decodeFilters`, in either language. One owner-quoting rule: an
 * owner name is written with a leading apostrophe, so a name that looks like a number, a date
 * or a formula stays text (Excel drops the apostrophe from the value).
 */
import { PERIOD_CHOICES, PeriodChoice } from "../../engine/dashboard/periodWindows";
import { WorkbookLanguage } from "../../model/schema";
import { ALL_OWNERS, PERIOD_LABELS } from "./captions";
import { DEFAULT_FILTERS, DashboardFilters } from "./types";

/** The filter cells' contents, as written. */
export interface FilterCellContents {
  readonly owner: string;
  readonly period: string;
  readonly customFrom: number | string;
  readonly customTo: number | string;
  readonly staleDays: number;
}

/** The filter cells' values, as read back (any cell may hold anything the user typed). */
export interface FilterCellValues {
  readonly owner: unknown;
  readonly period: unknown;
  readonly customFrom: unknown;
  readonly customTo: unknown;
  readonly staleDays: unknown;
}

/**
 * The period choice a Period cell's text stands for, in either language.
 *
 * @param label the cell's value
 * @returns the choice, or null for anything else
 * @example
 * periodFromLabel("هذا الربع"); // "thisQuarter"
 */
export function periodFromLabel(label: unknown): PeriodChoice | null {
  if (typeof label !== "string") return null;
  const t = label.trim().toLowerCase();
  for (const choice of PERIOD_CHOICES) {
    const c = PERIOD_LABELS[choice];
    if (c.en.toLowerCase() === t || c.ar === label.trim()) return choice;
  }
  return null;
}

/**
 * Whether an Owner cell's text means "all owners", in either language.
 *
 * @param label the cell's value
 * @returns true for blank, "All" or "الكل"
 * @example
 * isAllOwners("الكل"); // true
 */
export function isAllOwners(label: unknown): boolean {
  if (label === null || label === undefined || label === "") return true;
  return (
    typeof label === "string" &&
    (label.trim().toLowerCase() === ALL_OWNERS.en.toLowerCase() || label.trim() === ALL_OWNERS.ar)
  );
}

/**
 * The Owner cell's content for an owner (or all owners).
 *
 * @param owner an owner name, or null for all owners
 * @param language the dashboard's language
 * @returns the content to write
 * @example
 * encodeOwner("=1+1", "en"); // "'=1+1"
 */
export function encodeOwner(owner: string | null, language: WorkbookLanguage): string {
  return owner === null ? ALL_OWNERS[language] : `'${owner}`;
}

/**
 * The cell contents for a set of filters, in the dashboard's language.
 *
 * @param filters the filters
 * @param language the language the dashboard is built in
 * @returns owner, period, custom from/to and stale-days cell contents
 * @example
 * encodeFilters(DEFAULT_FILTERS, "en").period; // "This year"
 */
export function encodeFilters(
  filters: DashboardFilters,
  language: WorkbookLanguage
): FilterCellContents {
  return {
    owner: encodeOwner(filters.owner, language),
    period: PERIOD_LABELS[filters.period][language],
    customFrom: filters.customFrom ?? "",
    customTo: filters.customTo ?? "",
    staleDays: filters.staleDays,
  };
}

/**
 * The filters found in the filter cells (in either language); defaults for anything unreadable.
 *
 * @param cells owner, period, custom from/to and stale-days cell values
 * @returns the filters
 * @example
 * decodeFilters({ owner: "All", period: "All time", customFrom: "", customTo: "", staleDays: 14 }).period; // "allTime"
 */
export function decodeFilters(cells: FilterCellValues): DashboardFilters {
  const num = (v: unknown): number | null =>
    typeof v === "number" && Number.isFinite(v) ? v : null;
  const period: PeriodChoice = periodFromLabel(cells.period) ?? DEFAULT_FILTERS.period;
  const stale = num(cells.staleDays);
  return {
    owner: isAllOwners(cells.owner) ? null : String(cells.owner),
    period,
    customFrom: num(cells.customFrom),
    customTo: num(cells.customTo),
    staleDays: stale !== null && stale >= 0 ? stale : DEFAULT_FILTERS.staleDays,
  };
}
