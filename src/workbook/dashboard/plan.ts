/**
 * What the dashboard owns, as data: every cell block (formulas, styles, number formats), named
 * item, dropdown and chart, given the workbook language, the pipeline stages and the filter
 * settings. Pure (no Excel), so the layout and every formula can be tested without a workbook;
 * `build.ts` applies a plan in a fixed number of round trips, `share.ts` re-applies its formats
 * and charts to a values-only copy.
 *
 * Filtering: every figure follows two named filter cells, `DashOwner` and the period
 * `DashFrom`..`DashTo` (whole days, computed live from `DashPeriod` and `DashAsOf = TODAY()`).
 * Native aggregates (SUMIFS/COUNTIFS) filter the owner with the criteria cell
 * `DashOwnerCriteria` ("<>All" = any owner, else the owner's name); SALES functions get the same
 * filter by blanking the key column of rows outside it (`IF(mask, Deals[Stage], "")`), since
 * every SALES function ignores rows whose key cell is blank.
 */
import {
  PeriodChoice,
  PERIOD_CHOICES,
  ALL_TIME_FROM,
  ALL_TIME_TO,
} from "../../engine/dashboard/periods";
import { Stage } from "../../engine/stages";
import { Caption, LEAD_SOURCES, TABLES, WorkbookLanguage } from "../../model/schema";
import { Rect, cellAddress, columnLetters, rectAddress } from "../../model/a1";
import { ALL_OWNERS, CAPTIONS, PERIOD_LABELS, TILE_CAPTIONS, TILE_NOTES } from "./captions";

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
  /** Whether the host has funnel charts (ExcelApi 1.9). */
  readonly funnel: boolean;
  readonly filters: DashboardFilters;
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
  "ColumnClustered" | "Line" | "Funnel" | "BarClustered" | "BarStacked" | "Doughnut";

/** One series of a chart. */
export interface SeriesPlan {
  readonly name: string;
  /** Values range on the chart's sheet. */
  readonly values: string;
  /** Per-series type for combo charts (ExcelApi 1.7). */
  readonly chartType?: DashboardChartType;
  /** Hex colour, so the chart reads the same in light and dark Office themes. */
  readonly color: string;
}

/** A native chart the dashboard owns. */
export interface ChartPlan {
  readonly key: "revenue" | "pipeline" | "owners" | "sources" | "competitors";
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
}

/** A summary table's place (header row + reserved data rows). */
export interface SectionPlan {
  readonly key: "monthly" | "pipeline" | "owners" | "sources" | "competitors" | "atRisk";
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
  readonly warnings: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Grid: margin column A, ten grid columns B..K, helper lists in M..O.

const FIRST_COL = 2; // B
const GRID_COLS = 10; // B..K
const GRID_WIDTH = 88;
const LIST_COL = 13; // M
const TILE_FIRST_ROW = 7;
const TILES_PER_ROW = 5;
const SECTIONS_FIRST_ROW = 19;
const CHART_MIN_ROWS = 18;
const TABLE_COLS = 5; // tables in B..F, charts in G..K

const COLORS = {
  revenue: "#2F6FB3",
  target: "#C55A11",
  forecast: "#7030A0",
  pipeline: "#2F6FB3",
  winRate: "#2E7D32",
  sources: "#2F6FB3",
  wins: "#2E7D32",
  losses: "#C62828",
} as const;

/** Quotes a text for a formula string literal. */
function lit(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/** Currency number format without decimals (tiles, axes). */
export function moneyFormat(currency: string): string {
  return currency === "USD" ? "$#,##0" : `#,##0 "${currency.replace(/"/g, "")}"`;
}

/** The period choice a Period cell's text stands for, in either language. */
export function periodFromLabel(label: unknown): PeriodChoice | null {
  if (typeof label !== "string") return null;
  const t = label.trim().toLowerCase();
  for (const choice of PERIOD_CHOICES) {
    const c = PERIOD_LABELS[choice];
    if (c.en.toLowerCase() === t || c.ar === label.trim()) return choice;
  }
  return null;
}

/** Whether an Owner cell's text means "all owners", in either language. */
export function isAllOwners(label: unknown): boolean {
  if (label === null || label === undefined || label === "") return true;
  return (
    typeof label === "string" &&
    (label.trim().toLowerCase() === ALL_OWNERS.en.toLowerCase() || label.trim() === ALL_OWNERS.ar)
  );
}

/** Formula pieces shared by the tiles and tables. */
class Formulas {
  readonly all: string;
  readonly won: readonly string[];
  readonly lost: readonly string[];

  constructor(readonly input: PlanInput) {
    this.all = lit(ALL_OWNERS[input.language]);
    const won = input.stages.filter((s) => s.stage === Stage.Won).map((s) => s.name);
    const lost = input.stages.filter((s) => s.stage === Stage.Lost).map((s) => s.name);
    this.won = won.length ? won : ["Closed Won"];
    this.lost = lost.length ? lost : ["Closed Lost"];
  }

  /** 1 (or more) for deal rows inside the Owner filter. */
  get dealOwnerMask(): string {
    return `((${TABLES.deals}[Owner]=${DASH_NAMES.owner})+(${DASH_NAMES.owner}=${this.all}))`;
  }

  /** 1 (or more) for lead rows inside the Owner filter. */
  get leadOwnerMask(): string {
    return `((${TABLES.leads}[Owner]=${DASH_NAMES.owner})+(${DASH_NAMES.owner}=${this.all}))`;
  }

  /** 1 for rows whose date column falls in [from, to] by whole days. */
  dateIn(column: string, from: string, to: string): string {
    return `(${column}>=${from})*(${column}<${to}+1)`;
  }

  closedIn(from: string, to: string): string {
    return this.dateIn(`${TABLES.deals}[Closed Date]`, from, to);
  }

  expectedIn(from: string, to: string): string {
    return this.dateIn(`${TABLES.deals}[Expected Close]`, from, to);
  }

  createdIn(from: string, to: string): string {
    return this.dateIn(`${TABLES.leads}[Created]`, from, to);
  }

  /** SUMIFS/COUNTIFS criteria pairs for a date column inside [from, to]. */
  dateCriteria(column: string, from: string, to: string): string {
    return `${column},">="&${from},${column},"<"&${to}+1`;
  }

  /** Sum of won amounts closed in [from, to] for an owner criterion (one SUMIFS per won label). */
  wonRevenue(from: string, to: string, owner: string = DASH_NAMES.ownerCriteria): string {
    return this.won
      .map(
        (w) =>
          `SUMIFS(${TABLES.deals}[Amount],${TABLES.deals}[Stage],${lit(w)},${TABLES.deals}[Owner],${owner},${this.dateCriteria(`${TABLES.deals}[Closed Date]`, from, to)})`
      )
      .join("+");
  }

  /** Count of deals with one of `labels` closed in the period, naming a competitor. */
  competitorCount(labels: readonly string[], competitorCell: string): string {
    return labels
      .map(
        (label) =>
          `COUNTIFS(${TABLES.deals}[Competitor],"*"&${competitorCell}&"*",${TABLES.deals}[Stage],${lit(label)},${TABLES.deals}[Owner],${DASH_NAMES.ownerCriteria},${this.dateCriteria(`${TABLES.deals}[Closed Date]`, DASH_NAMES.from, DASH_NAMES.to)})`
      )
      .join("+");
  }

  /** 1 for open deals (stage not blank, not won, not lost). */
  get openMask(): string {
    const closed = [...this.won, ...this.lost].map((l) => `(${TABLES.deals}[Stage]<>${lit(l)})`);
    return `(${TABLES.deals}[Stage]<>"")*${closed.join("*")}`;
  }

  /** Target of the Targets table in [from, to] for an owner criterion. */
  target(from: string, to: string, owner: string = DASH_NAMES.ownerCriteria): string {
    return `SUMIFS(${TABLES.targets}[Target],${TABLES.targets}[Owner],${owner},${this.dateCriteria(`${TABLES.targets}[Month]`, from, to)})`;
  }
}

/** Wraps a figure so an empty period shows a dash instead of an error. */
function shown(formula: string, fallback = '"—"'): string {
  return `=IFERROR(${formula},${fallback})`;
}

interface TileDef {
  readonly key: TileKey;
  readonly kind: TileKind;
  readonly formula: (from: string, to: string) => string;
  /** Whether the tile compares with the previous equal period. */
  readonly compare: boolean;
  /** Lower values are better (colours of the change arrow swap). */
  readonly lowerIsBetter?: boolean;
}

/**
 * The readable formula of every KPI tile, as a function of the period's ends.
 *
 * @param f the shared formula pieces
 * @param history the range of monthly won revenue the forecast reads
 * @returns the tile definitions in grid order
 */
function tileDefs(f: Formulas, history: string): TileDef[] {
  const D = TABLES.deals;
  const L = TABLES.leads;
  const N = DASH_NAMES;
  const stagesIn = (mask: string): string => `IF(${mask},${D}[Stage],"")`;
  return [
    { key: "wonRevenue", kind: "money", compare: true, formula: (a, b) => f.wonRevenue(a, b) },
    {
      key: "quotaAttainment",
      kind: "rate",
      compare: false,
      formula: () =>
        `SALES.QUOTA_ATTAINMENT(${D}[Amount],${stagesIn(f.dealOwnerMask)},${D}[Closed Date],${N.target},${N.from},${N.to})`,
    },
    {
      key: "winRate",
      kind: "rate",
      compare: true,
      formula: (a, b) => `SALES.WIN_RATE(${stagesIn(`${f.dealOwnerMask}*${f.closedIn(a, b)}`)})`,
    },
    {
      key: "avgDealSize",
      kind: "money",
      compare: true,
      formula: (a, b) =>
        `SALES.AVG_DEAL_SIZE(${D}[Amount],${stagesIn(`${f.dealOwnerMask}*${f.closedIn(a, b)}`)})`,
    },
    {
      key: "salesCycle",
      kind: "days",
      compare: true,
      lowerIsBetter: true,
      formula: (a, b) =>
        `SALES.SALES_CYCLE(${D}[Created],${D}[Closed Date],${stagesIn(`${f.dealOwnerMask}*${f.closedIn(a, b)}`)})`,
    },
    {
      key: "openPipeline",
      kind: "money",
      compare: false,
      formula: (a, b) =>
        `SALES.PIPELINE_VALUE(${D}[Amount],${stagesIn(f.dealOwnerMask)},${D}[Expected Close],${a},${b})`,
    },
    {
      key: "weightedPipeline",
      kind: "money",
      compare: false,
      formula: (a, b) =>
        `SALES.WEIGHTED_PIPELINE(${D}[Amount],${stagesIn(`${f.dealOwnerMask}*${f.expectedIn(a, b)}`)},${TABLES.stages}[[Stage]:[Probability]])`,
    },
    {
      key: "pipelineCoverage",
      kind: "ratio",
      compare: false,
      formula: () =>
        `SALES.PIPELINE_COVERAGE(${tileName("openPipeline")},${N.target},${tileName("wonRevenue")})`,
    },
    {
      key: "newLeads",
      kind: "count",
      compare: true,
      formula: (a, b) =>
        `COUNTIFS(${L}[Owner],${N.ownerCriteria},${f.dateCriteria(`${L}[Created]`, a, b)})`,
    },
    {
      key: "leadConversion",
      kind: "rate",
      compare: true,
      formula: (a, b) =>
        `SALES.CONVERSION_RATE(IF(${f.leadOwnerMask}*${f.createdIn(a, b)},${L}[Converted],""))`,
    },
    {
      key: "responseTime",
      kind: "hours",
      compare: true,
      lowerIsBetter: true,
      formula: (a, b) =>
        `SALES.LEAD_RESPONSE_TIME(IF(${f.leadOwnerMask}*${f.createdIn(a, b)},${L}[Created],""),${L}[First Contact],"median","hours")`,
    },
    {
      key: "staleDeals",
      kind: "count",
      compare: false,
      formula: () =>
        `SALES.STALE_DEALS(${D}[Last Activity],${stagesIn(f.dealOwnerMask)},${N.staleDays},${N.asOf})`,
    },
    {
      key: "forecast",
      kind: "money",
      compare: false,
      formula: () => `INDEX(SALES.FORECAST_SALES(${history},2),2)`,
    },
  ];
}

/** The named item of a tile's value cell, e.g. DashWinRate. */
export function tileName(key: TileKey): string {
  return `Dash${key[0].toUpperCase()}${key.slice(1)}`;
}

/** Number formats of one plan, in its language and currency. */
function formats(input: PlanInput) {
  const lang = input.language;
  const money = moneyFormat(input.currency);
  const word = (c: Caption): string => c[lang].replace(/"/g, "");
  const prev = word(CAPTIONS.previousShort);
  const vs = word(CAPTIONS.vsPrevious);
  const pts = word(CAPTIONS.points);
  const value: Record<TileKind, string> = {
    money,
    rate: "0.0%",
    days: `0" ${word(CAPTIONS.days)}"`,
    hours: `0.0" ${word(CAPTIONS.hours)}"`,
    count: "#,##0",
    ratio: '0.0"×"',
  };
  const previous = (kind: TileKind): string => `"${prev} "${value[kind]}`;
  const change = (kind: TileKind, lowerIsBetter: boolean): string => {
    const up = lowerIsBetter ? "[Red]" : "[Color10]";
    const down = lowerIsBetter ? "[Color10]" : "[Red]";
    return kind === "rate"
      ? `${up}"▲ "0.0" ${pts}";${down}"▼ "0.0" ${pts}";"= 0 ${pts}"`
      : `${up}"▲ "0%" ${vs}";${down}"▼ "0%" ${vs}";"= ${vs}"`;
  };
  return {
    money,
    value,
    previous,
    change,
    date: "yyyy-mm-dd",
    month: "mmm yyyy",
    percent: "0%",
    count: "#,##0",
    target: `"${word(TILE_NOTES.quotaTarget)} "${money}`,
  };
}

/** Builds blocks; keeps the list of owned rectangles. */
class Sheet {
  readonly blocks: CellBlock[] = [];

  block(
    row: number,
    col: number,
    formulas: readonly (readonly CellContent[])[],
    style: StyleKey,
    numberFormat?: string,
    merge = false
  ): string {
    const rect = { row, col, rows: formulas.length, cols: formulas[0]?.length ?? 1 };
    const address = rectAddress(rect);
    this.blocks.push({ address, rect, formulas, style, numberFormat, ...(merge ? { merge } : {}) });
    return address;
  }

  cell(
    row: number,
    col: number,
    content: CellContent,
    style: StyleKey,
    numberFormat?: string
  ): string {
    return this.block(row, col, [[content]], style, numberFormat);
  }

  /** Formats cells without writing them (the landing area of a spill). */
  format(
    row: number,
    col: number,
    rows: number,
    cols: number,
    style: StyleKey,
    numberFormat?: string
  ): void {
    if (rows < 1 || cols < 1) return;
    const rect = { row, col, rows, cols };
    this.blocks.push({ address: rectAddress(rect), rect, formulas: null, style, numberFormat });
  }
}

/** An absolute reference to a rectangle, e.g. "=$M$4:$M$10". */
function absolute(rect: Rect): string {
  const a = (r: number, c: number): string => `$${columnLetters(c - 1)}$${r}`;
  return `=${a(rect.row, rect.col)}:${a(rect.row + rect.rows - 1, rect.col + rect.cols - 1)}`;
}

/** A column of `n` cells from a per-row builder. */
function columnOf(n: number, build: (i: number) => CellContent): CellContent[][] {
  return Array.from({ length: n }, (_, i) => [build(i)]);
}

/**
 * Plans the whole dashboard.
 *
 * @param input language, currency, stages, list sizes, funnel support and filters
 * @returns the plan: blocks, names, dropdowns, charts, tiles, sections and owned areas
 * @example
 * const plan = planDashboard({ language: "en", currency: "USD", stages, owners: 5, competitors: 4, funnel: true, filters: DEFAULT_FILTERS });
 * plan.tiles.find((t) => t.key === "winRate")?.formula; // "SALES.WIN_RATE(IF(...,Deals[Stage],\"\"))"
 */
export function planDashboard(input: PlanInput): DashboardPlan {
  const lang = input.language;
  const t = (c: Caption): string => c[lang];
  const f = new Formulas(input);
  const fmt = formats(input);
  const sheet = new Sheet();
  const names: NamePlan[] = [];
  const validations: ValidationPlan[] = [];
  const charts: ChartPlan[] = [];
  const sections: SectionPlan[] = [];
  const warnings: string[] = [];
  const areas: Rect[] = [];
  const N = DASH_NAMES;
  const D = TABLES.deals;
  const L = TABLES.leads;
  const col = (k: number): number => FIRST_COL + k; // grid column k (0 = B)
  const name = (n: string, row: number, c: number): void => {
    names.push({ name: n, address: cellAddress(row, c) });
  };

  // Title and filters (rows 1–5).
  areas.push({ row: 1, col: FIRST_COL, rows: 5, cols: GRID_COLS });
  // Title lines span the grid (merged), so their text never depends on one column's width.
  const line = (row: number, text: string, style: StyleKey): void => {
    const rect = { row, col: col(0), rows: 1, cols: GRID_COLS };
    const formulas = [[text, ...Array.from({ length: GRID_COLS - 1 }, () => "")]];
    sheet.blocks.push({ address: rectAddress(rect), rect, formulas, style, merge: true });
  };
  line(1, t(CAPTIONS.title), "title");
  line(2, t(CAPTIONS.subtitle), "subtitle");
  const labels: [number, Caption][] = [
    [0, CAPTIONS.owner],
    [2, CAPTIONS.period],
    [4, CAPTIONS.customFrom],
    [5, CAPTIONS.customTo],
    [6, CAPTIONS.staleDays],
    [7, CAPTIONS.from],
    [8, CAPTIONS.to],
    [9, CAPTIONS.asOf],
  ];
  for (const [k, c] of labels) sheet.cell(3, col(k), t(c), "filterLabel");
  const filters = input.filters;
  const ownerValue = filters.owner ?? t(ALL_OWNERS);
  sheet.cell(4, col(0), ownerValue, "filterInput");
  sheet.cell(4, col(2), PERIOD_LABELS[filters.period][lang], "filterInput");
  sheet.cell(4, col(4), filters.customFrom ?? "", "filterInput", fmt.date);
  sheet.cell(4, col(5), filters.customTo ?? "", "filterInput", fmt.date);
  sheet.cell(4, col(6), filters.staleDays, "filterInput", "0");
  const P = (c: PeriodChoice): string => lit(PERIOD_LABELS[c][lang]);
  const asOf = N.asOf;
  const fromFormula =
    `=SWITCH(${N.period},${P("thisMonth")},DATE(YEAR(${asOf}),MONTH(${asOf}),1),` +
    `${P("thisQuarter")},DATE(YEAR(${asOf}),3*INT((MONTH(${asOf})-1)/3)+1,1),` +
    `${P("thisYear")},DATE(YEAR(${asOf}),1,1),` +
    `${P("last12Months")},EDATE(DATE(YEAR(${asOf}),MONTH(${asOf}),1),-11),` +
    `${P("allTime")},${ALL_TIME_FROM},${N.customFrom})`;
  const toFormula =
    `=SWITCH(${N.period},${P("thisMonth")},EDATE(${N.from},1)-1,${P("thisQuarter")},EDATE(${N.from},3)-1,` +
    `${P("thisYear")},EDATE(${N.from},12)-1,${P("last12Months")},EDATE(${N.from},12)-1,` +
    `${P("allTime")},${ALL_TIME_TO},${N.customTo})`;
  const prevFromFormula =
    `=SWITCH(${N.period},${P("thisMonth")},EDATE(${N.from},-1),${P("thisQuarter")},EDATE(${N.from},-3),` +
    `${P("thisYear")},EDATE(${N.from},-12),${P("last12Months")},EDATE(${N.from},-12),` +
    `${P("allTime")},NA(),2*${N.from}-${N.to}-1)`;
  sheet.cell(4, col(7), fromFormula, "computed", fmt.date);
  sheet.cell(4, col(8), toFormula, "computed", fmt.date);
  sheet.cell(4, col(9), "=TODAY()", "computed", fmt.date);
  sheet.cell(5, col(6), t(CAPTIONS.previousFrom), "filterLabel");
  sheet.cell(5, col(7), prevFromFormula, "computed", fmt.date);
  sheet.cell(5, col(8), `=IF(ISNA(${N.prevFrom}),NA(),${N.from}-1)`, "computed", fmt.date);
  name(N.owner, 4, col(0));
  name(N.period, 4, col(2));
  name(N.customFrom, 4, col(4));
  name(N.customTo, 4, col(5));
  name(N.staleDays, 4, col(6));
  name(N.from, 4, col(7));
  name(N.to, 4, col(8));
  name(N.asOf, 4, col(9));
  name(N.prevFrom, 5, col(7));
  name(N.prevTo, 5, col(8));
  const filterCells: FilterCells = {
    owner: cellAddress(4, col(0)),
    period: cellAddress(4, col(2)),
    customFrom: cellAddress(4, col(4)),
    customTo: cellAddress(4, col(5)),
    staleDays: cellAddress(4, col(6)),
    from: cellAddress(4, col(7)),
    to: cellAddress(4, col(8)),
    prevFrom: cellAddress(5, col(7)),
    prevTo: cellAddress(5, col(8)),
    asOf: cellAddress(4, col(9)),
  };

  // Lists feeding the dropdowns, and the owner criteria (M3:O24).
  const ownerRows = Math.min(input.owners, CAPACITY.owners);
  if (input.owners > CAPACITY.owners)
    warnings.push(`Only the first ${CAPACITY.owners} owners of the Owners table are listed.`);
  areas.push({ row: 3, col: LIST_COL, rows: 2 + CAPACITY.owners, cols: 3 });
  sheet.cell(3, LIST_COL, t(CAPTIONS.lists), "helper");
  sheet.block(
    4,
    LIST_COL,
    [[t(ALL_OWNERS)], ...columnOf(ownerRows, (i) => `=INDEX(${TABLES.owners}[Owner],${i + 1})`)],
    "helper"
  );
  sheet.block(
    4,
    LIST_COL + 1,
    PERIOD_CHOICES.map((c) => [PERIOD_LABELS[c][lang]]),
    "helper"
  );
  sheet.cell(3, LIST_COL + 2, t(CAPTIONS.ownerCriteria), "helper");
  sheet.cell(4, LIST_COL + 2, `=IF(${N.owner}=${f.all},"<>"&${f.all},${N.owner})`, "helper");
  name(N.ownerCriteria, 4, LIST_COL + 2);
  const listRef = (c: number, rows: number): string => absolute({ row: 4, col: c, rows, cols: 1 });
  validations.push({ address: filterCells.owner, source: listRef(LIST_COL, ownerRows + 1) });
  validations.push({
    address: filterCells.period,
    source: listRef(LIST_COL + 1, PERIOD_CHOICES.length),
  });

  // Sections' geometry first: the forecast tile reads the monthly history range.
  const monthlyRows = CAPACITY.historyMonths + CAPACITY.forecastMonths;
  const monthlyFirst = SECTIONS_FIRST_ROW + 2;
  const historyRange = rectAddress({
    row: monthlyFirst,
    col: col(1),
    rows: CAPACITY.historyMonths,
    cols: 1,
  });

  // KPI tiles (rows 7–17): label, value, previous value and change.
  areas.push({ row: TILE_FIRST_ROW, col: FIRST_COL, rows: 11, cols: GRID_COLS });
  const tiles: TilePlan[] = [];
  tileDefs(f, historyRange).forEach((def, i) => {
    const row = TILE_FIRST_ROW + Math.floor(i / TILES_PER_ROW) * 4;
    const c = col((i % TILES_PER_ROW) * 2);
    const label = t(TILE_CAPTIONS[def.key]);
    const formula = def.formula(N.from, N.to);
    // Label and value span the tile's two columns, so long figures never show as ####.
    sheet.block(row, c, [[label, ""]], "tileLabel", undefined, true);
    const valueAddress = sheet
      .block(row + 1, c, [[shown(formula), ""]], "tileValue", fmt.value[def.kind], true)
      .split(":")[0];
    const tileNameValue = tileName(def.key);
    name(tileNameValue, row + 1, c);
    let previousFormula: string | undefined;
    let previousAddress: string | undefined;
    let changeAddress: string | undefined;
    if (def.compare) {
      previousFormula = def.formula(N.prevFrom, N.prevTo);
      const prevCell = cellAddress(row + 2, c);
      const change =
        def.kind === "rate"
          ? `=IFERROR((${valueAddress}-${prevCell})*100,"")`
          : `=IFERROR(${valueAddress}/${prevCell}-1,"")`;
      sheet.cell(row + 2, c, shown(previousFormula, '""'), "tileCompare", fmt.previous(def.kind));
      sheet.cell(
        row + 2,
        c + 1,
        change,
        "tileCompare",
        fmt.change(def.kind, def.lowerIsBetter ?? false)
      );
      previousAddress = prevCell;
      changeAddress = cellAddress(row + 2, c + 1);
    } else if (def.key === "quotaAttainment") {
      sheet.block(row + 2, c, [[`=${f.target(N.from, N.to)}`, ""]], "tileCompare", fmt.target);
      name(N.target, row + 2, c);
    } else if (def.key === "forecast") {
      sheet.block(
        row + 2,
        c,
        [[`=EDATE(DATE(YEAR(${asOf}),MONTH(${asOf}),1),1)`, t(TILE_NOTES.forecastHint)]],
        "tileCompare",
        fmt.month
      );
    } else {
      const note =
        def.key === "pipelineCoverage"
          ? TILE_NOTES.coverageHint
          : def.key === "staleDeals"
            ? TILE_NOTES.staleHint
            : TILE_NOTES.closingInPeriod;
      sheet.block(row + 2, c, [[t(note), ""]], "tileCompare", undefined, true);
    }
    tiles.push({
      key: def.key,
      label,
      kind: def.kind,
      name: tileNameValue,
      valueAddress,
      formula,
      previousFormula,
      previousAddress,
      changeAddress,
    });
  });

  // Summary tables with their charts on the right.
  let top = SECTIONS_FIRST_ROW;
  const tableCol = col(0);
  const chartLeft = columnLetters(col(TABLE_COLS) - 1);
  const chartRight = columnLetters(col(GRID_COLS - 1) - 1);
  const section = (
    key: SectionPlan["key"],
    title: Caption,
    headers: readonly Caption[],
    reserved: number,
    used: number,
    withChart: boolean
  ): { first: number; next: number } => {
    const width = headers.length;
    const titleRow = [t(title), ...headers.slice(1).map(() => "")];
    sheet.block(top, tableCol, [titleRow], "sectionTitle", undefined, true);
    sheet.block(top + 1, tableCol, [headers.map(t)], "header");
    const first = top + 2;
    const address = rectAddress({ row: top + 1, col: tableCol, rows: reserved + 1, cols: width });
    areas.push({ row: top, col: tableCol, rows: reserved + 2, cols: width });
    sections.push({ key, title: t(title), address, firstRow: first, rows: used });
    const height = withChart ? Math.max(reserved + 2, CHART_MIN_ROWS) : reserved + 2;
    const at = { first, next: top + height + 2 };
    top = at.next;
    return at;
  };
  const rows = (first: number, n: number, c: number): string =>
    rectAddress({ row: first, col: c, rows: Math.max(n, 1), cols: 1 });
  const chartPlace = (
    first: number,
    reserved: number
  ): { topLeft: string; bottomRight: string } => ({
    topLeft: `${chartLeft}${first - 2}`,
    bottomRight: `${chartRight}${first - 2 + Math.max(reserved + 2, CHART_MIN_ROWS) - 1}`,
  });

  // 1. Won revenue by month, target, forecast, attainment.
  {
    const { first } = section(
      "monthly",
      CAPTIONS.monthly,
      [
        CAPTIONS.month,
        CAPTIONS.wonRevenue,
        CAPTIONS.target,
        CAPTIONS.forecast,
        CAPTIONS.attainment,
      ],
      monthlyRows,
      monthlyRows,
      true
    );
    const current = first + CAPACITY.historyMonths; // row of the current month
    const monthStart = `DATE(YEAR(${asOf}),MONTH(${asOf}),1)`;
    sheet.cell(
      first,
      col(0),
      `=SALES.PERIOD_TOTALS(${D}[Closed Date],${D}[Amount],"month",EDATE(${monthStart},-${CAPACITY.historyMonths}),EOMONTH(${asOf},0),IF(${f.dealOwnerMask},${D}[Stage],""))`,
      "cell",
      fmt.month
    );
    // The spill fills the month and revenue columns down to the current month.
    sheet.format(first + 1, col(0), CAPACITY.historyMonths, 1, "cell", fmt.month);
    sheet.format(first, col(1), CAPACITY.historyMonths + 1, 1, "cell", fmt.money);
    sheet.block(
      current + 1,
      col(0),
      columnOf(CAPACITY.forecastMonths - 1, (i) => `=EDATE(${cellAddress(current + i, col(0))},1)`),
      "cell",
      fmt.month
    );
    sheet.block(
      first,
      col(2),
      columnOf(monthlyRows, (i) => {
        const m = cellAddress(first + i, col(0));
        return `=${f.target(m, `EDATE(${m},1)-1`)}`;
      }),
      "cell",
      fmt.money
    );
    sheet.format(first, col(3), CAPACITY.historyMonths, 1, "cell", fmt.money);
    sheet.cell(
      current,
      col(3),
      `=SALES.FORECAST_SALES(${historyRange},${CAPACITY.forecastMonths})`,
      "cell",
      fmt.money
    );
    sheet.format(current + 1, col(3), CAPACITY.forecastMonths - 1, 1, "cell", fmt.money);
    sheet.block(
      first,
      col(4),
      columnOf(monthlyRows, (i) => {
        const r = first + i;
        return `=IF(OR(${cellAddress(r, col(1))}="",N(${cellAddress(r, col(2))})=0),"",${cellAddress(r, col(1))}/${cellAddress(r, col(2))})`;
      }),
      "cell",
      fmt.percent
    );
    const chartFirst = first + monthlyRows - CAPACITY.chartMonths;
    charts.push({
      key: "revenue",
      name: `${CHART_PREFIX}revenue`,
      type: "ColumnClustered",
      title: t(CAPTIONS.chartRevenue),
      ...chartPlace(first, monthlyRows),
      categories: rows(chartFirst, CAPACITY.chartMonths, col(0)),
      series: [
        {
          name: t(CAPTIONS.wonRevenue),
          values: rows(chartFirst, CAPACITY.chartMonths, col(1)),
          chartType: "ColumnClustered",
          color: COLORS.revenue,
        },
        {
          name: t(CAPTIONS.target),
          values: rows(chartFirst, CAPACITY.chartMonths, col(2)),
          chartType: "Line",
          color: COLORS.target,
        },
        {
          name: t(CAPTIONS.forecast),
          values: rows(chartFirst, CAPACITY.chartMonths, col(3)),
          chartType: "Line",
          color: COLORS.forecast,
        },
      ],
      valueFormat: fmt.money,
    });
  }

  // 2. Open pipeline by stage, in Stages table order.
  {
    const open = input.stages.filter((s) => s.stage === Stage.Open);
    const shownStages = open.slice(0, CAPACITY.stages);
    if (open.length > CAPACITY.stages)
      warnings.push(`Only the first ${CAPACITY.stages} open stages are charted.`);
    const { first } = section(
      "pipeline",
      CAPTIONS.pipelineByStage,
      [CAPTIONS.stage, CAPTIONS.deals, CAPTIONS.amount, CAPTIONS.weighted],
      CAPACITY.stages,
      shownStages.length,
      true
    );
    if (shownStages.length) {
      const criteria = (i: number): string =>
        `${D}[Stage],${cellAddress(first + i, col(0))},${D}[Owner],${N.ownerCriteria},${f.dateCriteria(`${D}[Expected Close]`, N.from, N.to)}`;
      sheet.block(
        first,
        col(0),
        shownStages.map((s) => [`=INDEX(${TABLES.stages}[Stage],${s.index})`]),
        "cell"
      );
      sheet.block(
        first,
        col(1),
        columnOf(shownStages.length, (i) => `=COUNTIFS(${criteria(i)})`),
        "cell",
        fmt.count
      );
      sheet.block(
        first,
        col(2),
        columnOf(shownStages.length, (i) => `=SUMIFS(${D}[Amount],${criteria(i)})`),
        "cell",
        fmt.money
      );
      sheet.block(
        first,
        col(3),
        columnOf(
          shownStages.length,
          (i) =>
            `=IFERROR(SALES.WEIGHTED_PIPELINE(${D}[Amount],IF((${D}[Stage]=${cellAddress(first + i, col(0))})*${f.dealOwnerMask}*${f.expectedIn(N.from, N.to)},${D}[Stage],""),${TABLES.stages}[[Stage]:[Probability]]),0)`
        ),
        "cell",
        fmt.money
      );
      charts.push({
        key: "pipeline",
        name: `${CHART_PREFIX}pipeline`,
        type: input.funnel ? "Funnel" : "BarClustered",
        title: t(CAPTIONS.chartPipeline),
        ...chartPlace(first, CAPACITY.stages),
        categories: rows(first, shownStages.length, col(0)),
        series: [
          {
            name: t(CAPTIONS.amount),
            values: rows(first, shownStages.length, col(2)),
            color: COLORS.pipeline,
          },
        ],
        valueFormat: input.funnel ? undefined : fmt.money,
      });
    } else {
      warnings.push("The Stages table has no open stages, so the pipeline chart is left out.");
    }
  }

  // 3. Win rate and won revenue by owner (all owners; follows the period).
  {
    const { first } = section(
      "owners",
      CAPTIONS.byOwner,
      [CAPTIONS.owner, CAPTIONS.wonRevenue, CAPTIONS.target, CAPTIONS.attainment, CAPTIONS.winRate],
      CAPACITY.owners,
      ownerRows,
      true
    );
    if (ownerRows) {
      const owner = (i: number): string => cellAddress(first + i, col(0));
      sheet.block(
        first,
        col(0),
        columnOf(ownerRows, (i) => `=INDEX(${TABLES.owners}[Owner],${i + 1})`),
        "cell"
      );
      sheet.block(
        first,
        col(1),
        columnOf(ownerRows, (i) => `=${f.wonRevenue(N.from, N.to, owner(i))}`),
        "cell",
        fmt.money
      );
      sheet.block(
        first,
        col(2),
        columnOf(ownerRows, (i) => `=${f.target(N.from, N.to, owner(i))}`),
        "cell",
        fmt.money
      );
      sheet.block(
        first,
        col(3),
        columnOf(
          ownerRows,
          (i) =>
            `=IF(N(${cellAddress(first + i, col(2))})=0,"",${cellAddress(first + i, col(1))}/${cellAddress(first + i, col(2))})`
        ),
        "cell",
        fmt.percent
      );
      sheet.block(
        first,
        col(4),
        columnOf(
          ownerRows,
          (i) =>
            `=IFERROR(SALES.WIN_RATE(IF((${D}[Owner]=${owner(i)})*${f.closedIn(N.from, N.to)},${D}[Stage],"")),"")`
        ),
        "cell",
        fmt.percent
      );
      charts.push({
        key: "owners",
        name: `${CHART_PREFIX}owners`,
        type: "BarClustered",
        title: t(CAPTIONS.chartOwners),
        ...chartPlace(first, CAPACITY.owners),
        categories: rows(first, ownerRows, col(0)),
        series: [
          {
            name: t(CAPTIONS.winRate),
            values: rows(first, ownerRows, col(4)),
            color: COLORS.winRate,
          },
        ],
        valueFormat: fmt.percent,
      });
    } else {
      warnings.push("The Owners table is empty, so the owner chart is left out.");
    }
  }

  // 4. Leads and conversion by source.
  {
    const sources = LEAD_SOURCES;
    const { first } = section(
      "sources",
      CAPTIONS.bySource,
      [CAPTIONS.source, CAPTIONS.leads, CAPTIONS.converted, CAPTIONS.conversion],
      sources.length,
      sources.length,
      true
    );
    const src = (i: number): string => cellAddress(first + i, col(0));
    const leadCriteria = (i: number): string =>
      `${L}[Source],${src(i)},${L}[Owner],${N.ownerCriteria},${f.dateCriteria(`${L}[Created]`, N.from, N.to)}`;
    sheet.block(
      first,
      col(0),
      sources.map((s) => [s]),
      "cell"
    );
    sheet.block(
      first,
      col(1),
      columnOf(sources.length, (i) => `=COUNTIFS(${leadCriteria(i)})`),
      "cell",
      fmt.count
    );
    sheet.block(
      first,
      col(2),
      columnOf(sources.length, (i) => `=COUNTIFS(${leadCriteria(i)},${L}[Converted],TRUE)`),
      "cell",
      fmt.count
    );
    // Conversion = converted ÷ leads of the two columns beside it: traceable at a glance.
    sheet.block(
      first,
      col(3),
      columnOf(sources.length, (i) => {
        const leads = cellAddress(first + i, col(1));
        return `=IF(N(${leads})=0,"",${cellAddress(first + i, col(2))}/${leads})`;
      }),
      "cell",
      fmt.percent
    );
    charts.push({
      key: "sources",
      name: `${CHART_PREFIX}sources`,
      type: "Doughnut",
      title: t(CAPTIONS.chartSources),
      ...chartPlace(first, sources.length),
      categories: rows(first, sources.length, col(0)),
      series: [
        {
          name: t(CAPTIONS.leads),
          values: rows(first, sources.length, col(1)),
          color: COLORS.sources,
        },
      ],
    });
  }

  // 5. Wins and losses by competitor.
  {
    const n = Math.min(input.competitors, CAPACITY.competitors);
    if (input.competitors > CAPACITY.competitors)
      warnings.push(`Only the first ${CAPACITY.competitors} competitors are listed.`);
    const { first } = section(
      "competitors",
      CAPTIONS.byCompetitor,
      [CAPTIONS.competitor, CAPTIONS.wins, CAPTIONS.losses, CAPTIONS.winRate],
      CAPACITY.competitors,
      n,
      true
    );
    if (n) {
      const comp = (i: number): string => cellAddress(first + i, col(0));
      sheet.block(
        first,
        col(0),
        columnOf(n, (i) => `=INDEX(${TABLES.competitors}[Competitor],${i + 1})`),
        "cell"
      );
      sheet.block(
        first,
        col(1),
        columnOf(n, (i) => `=${f.competitorCount(f.won, comp(i))}`),
        "cell",
        fmt.count
      );
      sheet.block(
        first,
        col(2),
        columnOf(n, (i) => `=${f.competitorCount(f.lost, comp(i))}`),
        "cell",
        fmt.count
      );
      // Win rate against a competitor = wins ÷ (wins + losses) of the two columns beside it.
      sheet.block(
        first,
        col(3),
        columnOf(n, (i) => {
          const w = cellAddress(first + i, col(1));
          const l = cellAddress(first + i, col(2));
          return `=IF(${w}+${l}=0,"",${w}/(${w}+${l}))`;
        }),
        "cell",
        fmt.percent
      );
      charts.push({
        key: "competitors",
        name: `${CHART_PREFIX}competitors`,
        type: "BarStacked",
        title: t(CAPTIONS.chartCompetitors),
        ...chartPlace(first, CAPACITY.competitors),
        categories: rows(first, n, col(0)),
        series: [
          { name: t(CAPTIONS.wins), values: rows(first, n, col(1)), color: COLORS.wins },
          { name: t(CAPTIONS.losses), values: rows(first, n, col(2)), color: COLORS.losses },
        ],
        valueFormat: fmt.count,
      });
    } else {
      warnings.push("The Competitors table is empty, so the competitor chart is left out.");
    }
  }

  // 6. Top open deals at risk: one formula spilling the 10 largest stale or overdue open deals.
  {
    const headers = [
      CAPTIONS.deal,
      CAPTIONS.account,
      CAPTIONS.owner,
      CAPTIONS.stage,
      CAPTIONS.amount,
      CAPTIONS.expectedClose,
      CAPTIONS.lastActivity,
      CAPTIONS.risk,
    ];
    const { first } = section(
      "atRisk",
      CAPTIONS.atRisk,
      headers,
      CAPACITY.atRisk,
      CAPACITY.atRisk,
      false
    );
    const stale = `(${D}[Last Activity]<${asOf}-${N.staleDays})`;
    const overdue = `(${D}[Expected Close]>0)*(${D}[Expected Close]<${asOf})`;
    const risk = `${f.openMask}*${f.dealOwnerMask}*((${stale}+${overdue})>0)`;
    const masked = (column: string): string => `IF(${risk},${D}[${column}],"")`;
    const reason = `IF(${risk},IF(${stale},IF(${overdue},${lit(`${t(CAPTIONS.stale)} + ${t(CAPTIONS.overdue)}`)},${lit(t(CAPTIONS.stale))}),${lit(t(CAPTIONS.overdue))}),"")`;
    const formula =
      `=IFERROR(INDEX(SORT(HSTACK(${["Deal Name", "Account", "Owner", "Stage", "Amount", "Expected Close", "Last Activity"].map(masked).join(",")},${reason},IF(${risk},${D}[Amount],-1)),9,-1),` +
      `SEQUENCE(${CAPACITY.atRisk}),SEQUENCE(1,${headers.length})),"")`;
    sheet.cell(first, col(0), formula, "cell");
    sheet.format(first + 1, col(0), CAPACITY.atRisk - 1, 1, "cell");
    for (let k = 1; k < headers.length; k++) {
      const nf = k === 4 ? fmt.money : k === 5 || k === 6 ? fmt.date : undefined;
      sheet.format(first, col(k), CAPACITY.atRisk, 1, "cell", nf);
    }
  }

  const widths: ColumnWidth[] = [{ column: "A", width: 12 }];
  for (let k = 0; k < GRID_COLS; k++)
    widths.push({ column: columnLetters(col(k) - 1), width: GRID_WIDTH });
  widths.push({ column: columnLetters(LIST_COL - 1 - 1), width: 12 });
  for (let k = 0; k < 3; k++) widths.push({ column: columnLetters(LIST_COL + k - 1), width: 96 });
  const rowHeights: RowHeight[] = [{ row: 1, height: 30 }];
  for (let r = 0; r < 3; r++) rowHeights.push({ row: TILE_FIRST_ROW + 1 + r * 4, height: 26 });

  return {
    input,
    blocks: sheet.blocks,
    names,
    validations,
    charts,
    tiles,
    sections,
    filterCells,
    areas: areas.map(rectAddress),
    columnWidths: widths,
    rowHeights,
    warnings,
  };
}
