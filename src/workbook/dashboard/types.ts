/**
 * The dashboard plan's vocabulary: the names, capacities and data types every part of the plan
 * (filters, tiles, sections) and its writers (build, apply, share) share. Pure data.
 */
import { PeriodChoice } from "../../engine/dashboard/periodWindows";
import { Stage } from "../../engine/stages";
import { WorkbookLanguage } from "../../model/schema";
import { Rect } from "../../model/a1";
import type { DashboardWarning } from "../errors";

/** Prefix of every chart the dashboard owns (charts are found by name on rebuild). */
export const CHART_PREFIX = "SalesDashboard.";

/** The workbook setting holding the dashboard registry (what a build owns). */
export const REGISTRY_SETTING = "salesKpis.dashboard";

/** The named items of the filter cells and key figures; formulas refer to these names. */
export const DASH_NAMES = {
  owner: "DashOwner",
  period: "DashPeriod",
  customFrom: "DashCustomFrom",
  customTo: "DashCustomTo",
  staleDays: "DashStaleDays",
  from: "DashFrom",
  to: "DashTo",
  prevFrom: "DashPrevFrom",
  prevTo: "DashPrevTo",
  asOf: "DashAsOf",
  fiscalStart: "DashFiscalStart",
  /** What changed's close-date period, as SALES.PIPELINE_CHANGES reads it ("FY2027 Q3"). */
  changesPeriod: "DashChangesPeriod",
  /** The year start that period is named in (1 for a calendar quarter or year). */
  changesStart: "DashChangesStart",
  ownerCriteria: "DashOwnerCriteria",
  target: "DashTarget",
} as const;

/** Capacities of the list-driven sections: rows reserved so the layout never moves. */
export const CAPACITY = {
  stages: 12,
  owners: 20,
  competitors: 15,
  atRisk: 10,
  /** Complete months of history the revenue trend and the forecast use. */
  historyMonths: 24,
  /** Months the forecast covers: the current month and the two after it. */
  forecastMonths: 3,
  /** Months the revenue chart shows: the last 12 complete months and the forecast months. */
  chartMonths: 15,
} as const;

/** How a deal's stage counts, with its position in the Stages table (1-based). */
export interface StageInfo {
  readonly name: string;
  readonly index: number;
  readonly stage: Stage;
}

/** The filter settings written into the filter cells. */
export interface DashboardFilters {
  /** One owner, or null for all owners. */
  readonly owner: string | null;
  readonly period: PeriodChoice;
  readonly customFrom: number | null;
  readonly customTo: number | null;
  /** Days without activity after which an open deal is stale. */
  readonly staleDays: number;
}

/** The default filters of a new dashboard. */
export const DEFAULT_FILTERS: DashboardFilters = {
  owner: null,
  period: "thisYear",
  customFrom: null,
  customTo: null,
  staleDays: 14,
};

/**
 * What the Deals and Leads rows hold, read at build time: the lists the dashboard shows come
 * from the data (plus the Owners and Competitors tables), not from what someone typed first.
 */
export interface PlanData {
  /** Deal rows (with a stage) and lead rows. */
  readonly deals: number;
  readonly leads: number;
  /** The Owners table's names, then every other owner of a deal or lead. */
  readonly owners: readonly string[];
  /** Whether some deal has no owner (the by-owner table then has a "no owner" row). */
  readonly blankOwner: boolean;
  /** The Competitors table's names, then every other competitor named on a deal. */
  readonly competitors: readonly string[];
  /** Lead sources in use (the dropdown's order first). */
  readonly sources: readonly string[];
  /** Whether some lead has no source. */
  readonly blankSource: boolean;
  /** Stage keys (`stageKey`) of the deals' stages. */
  readonly stagesWithDeals: readonly string[];
  /**
   * The deals' stage spellings (first spelling of each case-insensitive text), so the label
   * lists of SUMIFS figures hold every spelling the Stages table's rules judge won or lost
   * ("closedwon" beside the table's "Closed Won"); absent in older plans.
   */
  readonly stageNames?: readonly string[];
  /** Loss reasons named on deals (first spelling, alphabetical); absent in older plans. */
  readonly lossReasons?: readonly string[];
  /**
   * Currencies other than the reporting one that have no rate in the Rates table (their deals'
   * Reporting Amount is not a number), with their deal counts.
   */
  readonly currencies: readonly { readonly code: string; readonly deals: number }[];
}

/** Everything a plan depends on (read from the workbook in the build's first round trips). */
export interface PlanInput {
  readonly language: WorkbookLanguage;
  /** ISO currency code from the Settings sheet. */
  readonly currency: string;
  /** The Stages table's rows, in table order, classified as SALES functions classify them. */
  readonly stages: readonly StageInfo[];
  /** Rows of the Owners table. */
  readonly owners: number;
  /** Rows of the Competitors table. */
  readonly competitors: number;
  /** What the data holds; absent in plans stored by older builds (lists then come from tables). */
  readonly data?: PlanData;
  /** Whether the host has funnel charts (ExcelApi 1.9). */
  readonly funnel: boolean;
  readonly filters: DashboardFilters;
  /**
   * The Settings sheet's fiscal-year start month when the plan was made (1–12; absent in plans
   * stored by older builds: January). It picks the Period dropdown's choices; the sheet's
   * formulas read the live Settings value through `fiscalStartName`.
   */
  readonly fiscalStartMonth?: number;
  /** Whether the workbook has the `SalesFiscalYearStart` name (else the formulas use January). */
  readonly fiscalStartName?: boolean;
}

/** How a block of cells looks. */
export type StyleKey =
  | "title"
  | "subtitle"
  | "filterLabel"
  | "filterInput"
  | "computed"
  | "helper"
  | "tileLabel"
  | "tileValue"
  | "tileCompare"
  | "sectionTitle"
  | "header"
  | "cell";

/** A cell's content: a constant or a formula ("=..."). */
export type CellContent = string | number | boolean;

/**
 * A rectangle of cells written in one go, with one style and one number format. Blocks without
 * formulas only format their cells: they lie where a spilled formula will write, and writing
 * anything there (even "") would block the spill.
 */
export interface CellBlock {
  readonly address: string;
  readonly rect: Rect;
  readonly formulas: readonly (readonly CellContent[])[] | null;
  readonly style: StyleKey;
  readonly numberFormat?: string;
  /** Merge the rectangle into one cell (a title line over the grid's width). */
  readonly merge?: boolean;
}

/** A named item pointing at one cell of the Dashboard sheet. */
export interface NamePlan {
  readonly name: string;
  readonly address: string;
}

/** An in-cell dropdown fed by a range of the Dashboard sheet. */
export interface ValidationPlan {
  readonly address: string;
  /** The list source, e.g. "=$M$4:$M$10". */
  readonly source: string;
}

/** Excel chart types the dashboard uses. */
export type DashboardChartType =
  | "ColumnClustered"
  | "ColumnStacked"
  | "Line"
  | "Funnel"
  | "BarClustered"
  | "BarStacked"
  | "Doughnut";

/** One series of a chart. */
export interface SeriesPlan {
  readonly name: string;
  /** Values range on the chart's sheet. */
  readonly values: string;
  /** Per-series type for combo charts (ExcelApi 1.7). */
  readonly chartType?: DashboardChartType;
  /** Hex colour, so the chart reads the same in light and dark Office themes; null: no fill
   * (the invisible base of a stacked-column waterfall). */
  readonly color: string | null;
}

/** A native chart the dashboard owns. */
export interface ChartPlan {
  readonly key:
    | "revenue"
    | "pipeline"
    | "owners"
    | "sources"
    | "competitors"
    | "changes"
    | "forecastCategories"
    | "lossReasons"
    | "lossCompetitors";
  /** Unique chart name (`SalesDashboard.<key>`). */
  readonly name: string;
  readonly type: DashboardChartType;
  readonly title: string;
  /** Top-left and bottom-right cells of the chart's place on the grid. */
  readonly topLeft: string;
  readonly bottomRight: string;
  /** Category (x axis) range. */
  readonly categories: string;
  readonly series: readonly SeriesPlan[];
  /** Number format of the value axis (none for funnel/doughnut). */
  readonly valueFormat?: string;
  /** Hide the legend (a waterfall's colours explain themselves; its base has no name). */
  readonly noLegend?: boolean;
}

/** What kind of figure a tile shows (its number format and how it compares). */
export type TileKind = "money" | "rate" | "days" | "hours" | "count" | "ratio";

/** The keys of the KPI tiles, in grid order. */
export const TILE_KEYS = [
  "wonRevenue",
  "quotaAttainment",
  "winRate",
  "avgDealSize",
  "salesCycle",
  "openPipeline",
  "weightedPipeline",
  "pipelineCoverage",
  "newLeads",
  "leadConversion",
  "responseTime",
  "staleDeals",
  "forecast",
] as const;

/** One KPI tile. */
export type TileKey = (typeof TILE_KEYS)[number];

/** A KPI tile: where its value, previous value and change live, and the formulas. */
export interface TilePlan {
  readonly key: TileKey;
  readonly label: string;
  readonly kind: TileKind;
  /** Named item of the value cell (e.g. DashWinRate). */
  readonly name: string;
  readonly valueAddress: string;
  /** The readable formula (without the IFERROR wrapper the cell adds). */
  readonly formula: string;
  /** The same figure over the previous equal period, when a comparison makes sense. */
  readonly previousFormula?: string;
  readonly previousAddress?: string;
  readonly changeAddress?: string;
  /**
   * Quota attainment only: the pace cell beside the target (the share of the period elapsed,
   * negative when the attainment is behind it; blank when the period is not under way).
   */
  readonly paceAddress?: string;
}

/** The keys of the summary sections (one file each under `sections/`). */
export type SectionKey =
  | "monthly"
  | "pipeline"
  | "owners"
  | "sources"
  | "competitors"
  | "atRisk"
  | "changes"
  | "changedDeals"
  | "forecastCategories"
  | "lossReasons"
  | "lossCompetitors";

/** A summary table's place (header row + reserved data rows). */
export interface SectionPlan {
  readonly key: SectionKey;
  readonly title: string;
  /** Header row and data rows, all reserved columns. */
  readonly address: string;
  /** First data row. */
  readonly firstRow: number;
  /** Data rows in use (≤ reserved). */
  readonly rows: number;
}

/** The addresses of the filter cells. */
export interface FilterCells {
  readonly owner: string;
  readonly period: string;
  readonly customFrom: string;
  readonly customTo: string;
  readonly staleDays: string;
  readonly from: string;
  readonly to: string;
  readonly prevFrom: string;
  readonly prevTo: string;
  readonly asOf: string;
}

/** Column width of one column of the sheet, in points. */
export interface ColumnWidth {
  readonly column: string;
  readonly width: number;
}

/** Height of one row, in points. */
export interface RowHeight {
  readonly row: number;
  readonly height: number;
}

/** Everything the dashboard owns and writes. */
export interface DashboardPlan {
  readonly input: PlanInput;
  readonly blocks: readonly CellBlock[];
  readonly names: readonly NamePlan[];
  readonly validations: readonly ValidationPlan[];
  readonly charts: readonly ChartPlan[];
  readonly tiles: readonly TilePlan[];
  readonly sections: readonly SectionPlan[];
  readonly filterCells: FilterCells;
  /** Every rectangle the dashboard owns (cleared on rebuild), as A1 addresses. */
  readonly areas: readonly string[];
  readonly columnWidths: readonly ColumnWidth[];
  readonly rowHeights: readonly RowHeight[];
  /** Things the user should know (e.g. a list longer than its reserved rows). */
  readonly warnings: readonly DashboardWarning[];
}
