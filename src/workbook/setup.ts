/**
 * Sets up the sales workbook: the Leads, Deals, Pricing, Competitors and Settings sheets with
 * their tables, formats, dropdowns and the Deals[Probability] formula; optional sample data;
 * and the removal of that sample data.
 *
 * Safety rules (issue 6): create what is missing, adopt what exists, never delete, move or
 * overwrite a user's cell. Concretely:
 * - Our sheets are recognised by the table they hold (table names are language-independent),
 *   else by their tab name in either workbook language (or the caller's override).
 * - An adopted table keeps its columns, rows, formats and validation as they are; columns it
 *   lacks are appended at its right end, only where the cells there are empty.
 * - A sheet with our tab name but foreign content is not touched; the report says so and
 *   suggests a free name, which the caller can pass back in `sheetNameOverrides`.
 * - Dropdowns are only added to columns we create, and use Excel's "Warning" alert, so no value
 *   already in a table is rejected and values from another CRM can still be typed in.
 *
 * Round trips: three reads (inventory, details, key columns) and one write, whatever the data
 * size; writes are split into several syncs only if a single request would exceed 4 MB.
 */
import { HISTORY_COLUMNS, HistoryRow } from "../engine/history/snapshot";
import { historyCells } from "../engine/history/snapshotPlan";
import {
  ALL_TABLES,
  Caption,
  ColumnSpec,
  NAMES,
  OWNERS,
  SCHEMA_VERSION,
  SCHEMA_VERSION_SETTING,
  SETTINGS_CELLS,
  SHEETS,
  STAGES,
  SheetKey,
  TABLES,
  TARGETS,
  TableSpec,
  WorkbookLanguage,
  numberFormatFor,
} from "../model/schema";
import { StagePresetId, StageRow, stagePreset } from "../model/stagePresets";
import { cellIndexes, columnLetters, indexRect, rectAddress } from "../model/a1";
import {
  SampleCompetitor,
  SampleData,
  SampleDeal,
  SampleLead,
  SampleOwner,
  SamplePrice,
  SampleStage,
  SampleTarget,
  generateSampleData,
  isSampleKey,
} from "../engine/sample/sampleData";
import { todaySerial } from "../engine/dates";

/** The table style every table we create gets. */
export const TABLE_STYLE = "TableStyleMedium2";

/** Largest request we send in one sync (Excel on the web rejects requests above 5 MB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Choices of the Setup section. */
export interface SetupOptions {
  /** Which CRM's default pipeline prefills a new Stages table. */
  readonly stagePreset: StagePresetId;
  /** Language of tab names and captions of the sheets we create. */
  readonly language: WorkbookLanguage;
  /** Whether to add the sample data set (skipped for tables that already hold sample rows). */
  readonly sampleData: boolean;
  /** Last day of the sample data (serial date); defaults to today. */
  readonly asOf?: number;
  /** Tab names to use instead of ours, e.g. `{ deals: "Deals 2" }` when "Deals" is taken. */
  readonly sheetNameOverrides?: Partial<Record<SheetKey, string>>;
}

/** Why something was left alone. */
export type SkipReason =
  /** A sheet with our tab name holds something else. */
  | "foreignSheet"
  /** A table with our table name has unrelated columns. */
  | "foreignTable"
  /** The table's sheet was skipped, so the table was not created. */
  | "sheetSkipped"
  /** The cells where the table would go are not empty. */
  | "anchorOccupied"
  /** The cells right of the table are not empty, so the column could not be appended. */
  | "noRoom"
  /** The table already holds sample rows. */
  | "samplePresent"
  /** The workbook was set up by a newer version of the add-in; its version is kept. */
  | "newerSchema";

/** One thing setup created, adopted or skipped. */
export interface SetupItem {
  readonly kind: "sheet" | "table" | "column" | "setting" | "name" | "sampleRows" | "schema";
  /** Sheet, table, column, setting or name; for sampleRows and schema the table or version. */
  readonly name: string;
  /** The table a column or sample rows belong to, or the sheet a table is on. */
  readonly parent?: string;
  /** Rows added (sampleRows) or converted (a range adopted as a table). */
  readonly count?: number;
  readonly reason?: SkipReason;
  /** A free tab name to pass in `sheetNameOverrides` (foreignSheet). */
  readonly suggestion?: string;
  /** The sheet key a skipped sheet stands for (foreignSheet). */
  readonly sheetKey?: SheetKey;
}

/** What setup did. */
export interface SetupReport {
  readonly created: readonly SetupItem[];
  readonly adopted: readonly SetupItem[];
  readonly skipped: readonly SetupItem[];
  /** Sample rows added over all tables. */
  readonly sampleRows: number;
  /** The schema version found in the workbook (null: none) and the one it has now. */
  readonly schemaVersion: { readonly found: number | null; readonly now: number };
  /** context.sync() calls made. */
  readonly syncs: number;
}

/** Progress of a long action: a phase and the fraction done (0–1). */
export interface SetupProgress {
  readonly phase: "reading" | "writing" | "done";
  readonly fraction: number;
}

/** What removeSampleData did. */
export interface RemoveSampleReport {
  /** Rows removed per table (tables without sample rows are left out). */
  readonly removed: readonly { readonly table: string; readonly rows: number }[];
  readonly syncs: number;
}

/** The workbook actions of the Setup section. */
export interface SetupActions {
  setUp(options: SetupOptions, onProgress?: (p: SetupProgress) => void): Promise<SetupReport>;
  removeSampleData(onProgress?: (p: SetupProgress) => void): Promise<RemoveSampleReport>;
}

type Cell = string | number | boolean;

/** The sheets setup manages (the dashboard sheet belongs to the dashboard action). */
const MANAGED_SHEETS: readonly SheetKey[] = [
  "leads",
  "deals",
  "pricing",
  "competitors",
  "settings",
  "history",
];

/** Captions above the Settings tables (row above each anchor). */
const SETTINGS_TITLES: Readonly<Record<string, Caption>> = {
  [TABLES.stages]: { en: "Pipeline stages", ar: "مراحل خط المبيعات" },
  [TABLES.targets]: { en: "Monthly targets", ar: "المستهدفات الشهرية" },
  [TABLES.owners]: { en: "Sales reps", ar: "مندوبو المبيعات" },
};

/** The alert a dropdown shows for a value not in its list (a warning: the value may be kept). */
const LIST_ALERT: { readonly title: Caption; readonly message: Caption } = {
  title: { en: "Not in the list", ar: "ليست في القائمة" },
  message: {
    en: "This value is not in the list. Keep it anyway, or pick one from the dropdown.",
    ar: "هذه القيمة ليست في القائمة. احتفظ بها على أي حال، أو اختر قيمة من القائمة المنسدلة.",
  },
};

const MONTH_ALERT: Caption = {
  en: "Enter the month the fiscal year starts in, 1 (January) to 12 (December).",
  ar: "أدخل شهر بداية السنة المالية، من 1 (يناير) إلى 12 (ديسمبر).",
};

const TAB_COLORS: Readonly<Record<SheetKey, string>> = {
  dashboard: "#0F6CBD",
  leads: "#107C41",
  deals: "#0F6CBD",
  pricing: "#8764B8",
  competitors: "#C4314B",
  settings: "#605E5C",
  history: "#8A8886",
};

// ---------------------------------------------------------------------------------------------
// Pure helpers (exported for tests)

/**
 * Normalizes a header for comparison: trimmed, case-insensitive, single spaces.
 *
 * @param header a header cell
 * @returns the comparable form
 * @example
 * normalizeHeader(" Deal  ID "); // "deal id"
 */
export function normalizeHeader(header: unknown): string {
  return String(header ?? "")
    .trim()
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** How an existing header row relates to a table spec. */
export interface HeaderMatch {
  /** Our columns the headers lack, in schema order (to append). */
  readonly missing: readonly ColumnSpec[];
  /** At least half of our columns are present: the table is ours, possibly older or edited. */
  readonly compatible: boolean;
}

/**
 * Compares an existing header row with a table spec.
 *
 * @param spec our table
 * @param headers the existing header cells
 * @returns missing columns and whether the headers are compatible
 * @example
 * matchHeaders(OWNERS, ["Owner"]).missing.map((c) => c.name); // ["Team"]
 */
export function matchHeaders(spec: TableSpec, headers: readonly unknown[]): HeaderMatch {
  const have = new Set(headers.map(normalizeHeader));
  const missing = spec.columns.filter((c) => !have.has(normalizeHeader(c.name)));
  const present = spec.columns.length - missing.length;
  return { missing, compatible: present > 0 && present * 2 >= spec.columns.length };
}

/**
 * A tab name not used yet, for a sheet whose name is taken by foreign content.
 *
 * @param base the name we wanted
 * @param taken existing sheet names
 * @returns "Deals 2", "Deals 3", … (at most 31 characters, as Excel requires)
 * @example
 * suggestSheetName("Deals", ["Deals", "Deals 2"]); // "Deals 3"
 */
export function suggestSheetName(base: string, taken: readonly string[]): string {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  for (let n = 2; ; n++) {
    const suffix = ` ${n}`;
    const name = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(name.toLowerCase())) return name;
  }
}

/**
 * The source of a list dropdown: a fixed list, or another table's column. Data validation does
 * not accept structured references directly, so a table column goes through INDIRECT, which
 * keeps following the table as it grows.
 *
 * @param list the column's list
 * @returns the validation source
 * @example
 * listSource({ table: "Stages", column: "Stage" }); // '=INDIRECT("Stages[Stage]")'
 */
export function listSource(list: NonNullable<ColumnSpec["list"]>): string {
  if ("table" in list) return `=INDIRECT("${list.table}[${list.column}]")`;
  return (list as readonly string[]).join(",");
}

/** Quotes a sheet name for a formula reference. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** Approximate bytes a write adds to a request (its JSON payload). */
function bytesOf(value: unknown): number {
  return JSON.stringify(value).length + 200;
}

function grid<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

// ---------------------------------------------------------------------------------------------
// Sample records → table cells, by column name (the schema's stable headers)

type CellMap<T> = Readonly<Record<string, (r: T) => Cell | null>>;

const STAGE_CELLS: CellMap<SampleStage> = {
  Stage: (s) => s.stage,
  Probability: (s) => s.probability,
  "Forecast Category": (s) => s.forecastCategory,
  "Is Won": (s) => s.isWon,
  "Is Lost": (s) => s.isLost,
};
const OWNER_CELLS: CellMap<SampleOwner> = { Owner: (o) => o.owner, Team: (o) => o.team };
const TARGET_CELLS: CellMap<SampleTarget> = {
  Month: (t) => t.month,
  Owner: (t) => t.owner,
  Target: (t) => t.target,
};
const PRICE_CELLS: CellMap<SamplePrice> = {
  SKU: (p) => p.sku,
  Product: (p) => p.product,
  Category: (p) => p.category,
  "List Price": (p) => p.listPrice,
  "Unit Cost": (p) => p.unitCost,
  "Minimum Price": (p) => p.minimumPrice,
  Currency: (p) => p.currency,
  "Effective From": (p) => p.effectiveFrom,
  Notes: (p) => p.notes,
};
const COMPETITOR_CELLS: CellMap<SampleCompetitor> = {
  Competitor: (c) => c.competitor,
  Segment: (c) => c.segment,
  "Price Position": (c) => c.pricePosition,
  Strengths: (c) => c.strengths,
  Weaknesses: (c) => c.weaknesses,
  "Threat Level": (c) => c.threatLevel,
  "Last Move Date": (c) => c.lastMoveDate,
  "Last Move": (c) => c.lastMove,
};
const LEAD_CELLS: CellMap<SampleLead> = {
  "Lead ID": (l) => l.leadId,
  Created: (l) => l.created,
  Name: (l) => l.name,
  Company: (l) => l.company,
  Email: (l) => l.email,
  Phone: (l) => l.phone,
  Source: (l) => l.source,
  Owner: (l) => l.owner,
  Status: (l) => l.status,
  "First Contact": (l) => l.firstContact,
  Converted: (l) => l.converted,
  "Converted Date": (l) => l.convertedDate,
  "Country/Region": (l) => l.countryRegion,
  Notes: (l) => l.notes,
};
const DEAL_CELLS: CellMap<SampleDeal> = {
  "Deal ID": (d) => d.dealId,
  "Deal Name": (d) => d.dealName,
  Account: (d) => d.account,
  Owner: (d) => d.owner,
  Stage: (d) => d.stage,
  Amount: (d) => d.amount,
  Currency: (d) => d.currency,
  "Forecast Category": (d) => d.forecastCategory,
  Created: (d) => d.created,
  "Expected Close": (d) => d.expectedClose,
  "Closed Date": (d) => d.closedDate,
  "Lead Source": (d) => d.leadSource,
  Product: (d) => d.product,
  Quantity: (d) => d.quantity,
  "List Price": (d) => d.listPrice,
  Competitor: (d) => d.competitor,
  "Last Activity": (d) => d.lastActivity,
  "Loss Reason": (d) => d.lossReason,
  "Next Step": (d) => d.nextStep,
};

const HISTORY_CELLS: CellMap<HistoryRow> = Object.fromEntries(
  HISTORY_COLUMNS.map((name, i) => [name, (r: HistoryRow) => historyCells(r)[i]])
);

/** The column whose "SAMPLE-" prefix marks a sample row, per table. */
export const SAMPLE_KEY_COLUMN: Readonly<Record<string, string>> = {
  [TABLES.leads]: "Lead ID",
  [TABLES.deals]: "Deal ID",
  [TABLES.pricing]: "SKU",
  [TABLES.competitors]: "Competitor",
  [TABLES.owners]: "Owner",
  [TABLES.targets]: "Owner",
  [TABLES.history]: "Deal ID",
};

function sampleRecords(
  data: SampleData,
  table: string
): { rows: readonly unknown[]; map: CellMap<never> } | null {
  const pick = <T>(rows: readonly T[], map: CellMap<T>) => ({ rows, map: map as CellMap<never> });
  switch (table) {
    case TABLES.leads:
      return pick(data.leads, LEAD_CELLS);
    case TABLES.deals:
      return pick(data.deals, DEAL_CELLS);
    case TABLES.pricing:
      return pick(data.pricing, PRICE_CELLS);
    case TABLES.competitors:
      return pick(data.competitors, COMPETITOR_CELLS);
    case TABLES.owners:
      return pick(data.owners, OWNER_CELLS);
    case TABLES.targets:
      return pick(data.targets, TARGET_CELLS);
    case TABLES.history:
      return pick(data.history, HISTORY_CELLS);
    default:
      return null;
  }
}

/**
 * Lays records out in a table's header order: our columns from the record (or the column's
 * formula), anything else (a user's own column) blank.
 */
function layOut<T>(
  spec: TableSpec,
  headers: readonly string[],
  records: readonly T[],
  map: CellMap<T>
): Cell[][] {
  const byHeader = new Map(spec.columns.map((c) => [normalizeHeader(c.name), c]));
  const cells = headers.map((h) => {
    const col = byHeader.get(normalizeHeader(h));
    if (!col) return () => "";
    const read = map[col.name];
    if (col.formula && !read) return () => col.formula as string;
    return read ? (r: T) => read(r) ?? "" : () => "";
  });
  return records.map((r) => cells.map((f) => f(r)));
}

/** Reads a Stages table body back into stage rows (for sample deals), or null if unusable. */
function stagesFromTable(
  headers: readonly string[],
  body: readonly unknown[][]
): StageRow[] | null {
  const at = (name: string) =>
    headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(name));
  const [s, p, f, w, l] = ["Stage", "Probability", "Forecast Category", "Is Won", "Is Lost"].map(
    at
  );
  if (s < 0 || w < 0 || l < 0) return null;
  const truthy = (v: unknown) => v === true || String(v).toUpperCase() === "TRUE";
  const rows: StageRow[] = body
    .filter((r) => String(r[s] ?? "").trim() !== "")
    .map((r) => ({
      stage: String(r[s]).trim(),
      probability: p >= 0 && typeof r[p] === "number" ? (r[p] as number) : 0,
      forecastCategory: (f >= 0 && r[f]
        ? String(r[f])
        : "Pipeline") as StageRow["forecastCategory"],
      isWon: truthy(r[w]),
      isLost: truthy(r[l]),
    }));
  const ok =
    rows.some((r) => r.isWon) &&
    rows.some((r) => r.isLost) &&
    rows.some((r) => !r.isWon && !r.isLost);
  return ok ? rows : null;
}

// ---------------------------------------------------------------------------------------------
// The plan

interface FoundTable {
  readonly spec: TableSpec;
  readonly table: Excel.Table;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
  readonly range: Excel.Range;
  readonly body: Excel.Range;
  /** Used cells in the columns right of the table (null object when all empty). */
  readonly right: Excel.Range;
}

interface CandidateSheet {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly used: Excel.Range;
  readonly tables: Excel.TableCollection;
}

type SheetDecision =
  | { readonly action: "create"; readonly name: string }
  | { readonly action: "adopt"; readonly name: string; readonly empty: boolean }
  | {
      readonly action: "skip";
      readonly name: string;
      readonly reason: SkipReason;
      readonly suggestion?: string;
    };

interface Writer {
  readonly ops: { bytes: number; run: () => void }[];
  add(bytes: number, run: () => void): void;
}

function writer(): Writer {
  const ops: { bytes: number; run: () => void }[] = [];
  return { ops, add: (bytes, run) => ops.push({ bytes, run }) };
}

/**
 * Groups write operations into requests of at most `limit` bytes (an operation larger than the
 * limit gets a request of its own).
 *
 * @param sizes byte size of each operation, in order
 * @param limit request size limit
 * @returns the number of operations in each request
 * @example
 * groupBySize([3, 3, 3], 6); // [2, 1]
 */
export function groupBySize(sizes: readonly number[], limit: number): number[] {
  const groups: number[] = [];
  let count = 0;
  let bytes = 0;
  for (const s of sizes) {
    if (count > 0 && bytes + s > limit) {
      groups.push(count);
      count = 0;
      bytes = 0;
    }
    count += 1;
    bytes += s;
  }
  if (count > 0) groups.push(count);
  return groups;
}

function isSupported(version: string): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false; // outside Office: assume the minimum the manifest requires
  }
}

/**
 * Sets up (or completes) the sales workbook. Safe to run again: a second run finds everything
 * in place and changes nothing.
 *
 * @param options preset, workbook language, sample data, tab name overrides
 * @param onProgress called with the phase and fraction done
 * @returns what was created, adopted and skipped, and the syncs made
 * @example
 * const report = await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true });
 * report.skipped.filter((i) => i.reason === "foreignSheet"); // sheets to rename
 */
export async function setUpWorkbook(
  options: SetupOptions,
  onProgress?: (p: SetupProgress) => void
): Promise<SetupReport> {
  return Excel.run(async (context) => {
    let syncs = 0;
    const lang = options.language;
    const other: WorkbookLanguage = lang === "en" ? "ar" : "en";
    const created: SetupItem[] = [];
    const adopted: SetupItem[] = [];
    const skipped: SetupItem[] = [];
    onProgress?.({ phase: "reading", fraction: 0 });

    // --- Read 1: inventory of sheets, tables, names and the stored schema version.
    const wb = context.workbook;
    const sheets = wb.worksheets.load("items/name");
    const tables = wb.tables.load("items/name");
    const names = wb.names.load("items/name");
    const version = wb.settings.getItemOrNullObject(SCHEMA_VERSION_SETTING);
    version.load("value");
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "reading", fraction: 0.2 });

    const sheetNames = sheets.items.map((s) => s.name);
    const sheetByLower = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
    const tableByLower = new Map(tables.items.map((t) => [t.name.toLowerCase(), t]));
    const nameSet = new Set(names.items.map((n) => n.name.toLowerCase()));
    const foundVersion = version.isNullObject ? null : Number(version.value);

    // --- Read 2: headers and extent of our tables; content of sheets bearing our tab names.
    const found = new Map<string, FoundTable>();
    for (const spec of ALL_TABLES) {
      const table = tableByLower.get(spec.name.toLowerCase());
      if (!table) continue;
      const range = table.getRange().load("rowIndex,columnIndex,rowCount,columnCount");
      const f: FoundTable = {
        spec,
        table,
        sheet: table.worksheet.load("name"),
        header: table.getHeaderRowRange().load("values"),
        range,
        body: table.getDataBodyRange().load("rowCount"),
        right: table
          .getRange()
          .getColumnsAfter(spec.columns.length)
          .getUsedRangeOrNullObject(true)
          .load("columnIndex"),
      };
      found.set(spec.name, f);
    }
    const tabName = (key: SheetKey, l: WorkbookLanguage) =>
      SHEETS.find((s) => s.key === key)?.name[l] ?? key;
    const candidates = new Map<string, CandidateSheet>();
    for (const key of MANAGED_SHEETS) {
      const wanted = options.sheetNameOverrides?.[key];
      for (const name of wanted ? [wanted] : [tabName(key, lang), tabName(key, other)]) {
        const sheet = sheetByLower.get(name.toLowerCase());
        if (!sheet || candidates.has(sheet.name.toLowerCase())) continue;
        candidates.set(sheet.name.toLowerCase(), {
          name: sheet.name,
          sheet,
          used: sheet
            .getUsedRangeOrNullObject(true)
            .load("rowIndex,columnIndex,rowCount,columnCount"),
          tables: sheet.tables.load("items/name"),
        });
      }
    }
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "reading", fraction: 0.4 });

    // Decide each sheet: the sheet holding one of its tables, else a usable sheet with its tab
    // name, else create it; a taken tab name with foreign content is skipped.
    const decisions = new Map<SheetKey, SheetDecision>();
    const convertible = new Map<SheetKey, CandidateSheet>(); // sheets whose plain range may become our table
    const headerReads = new Map<SheetKey, Excel.Range>();
    for (const key of MANAGED_SHEETS) {
      const specs = ALL_TABLES.filter((t) => t.sheetKey === key);
      const ours = specs
        .map((s) => found.get(s.name))
        .filter((f): f is FoundTable => f !== undefined);
      const compatible = ours.filter((f) => matchHeaders(f.spec, f.header.values[0]).compatible);
      if (compatible.length > 0) {
        decisions.set(key, { action: "adopt", name: compatible[0].sheet.name, empty: false });
        continue;
      }
      if (ours.length === specs.length) {
        // Every table of this sheet exists with foreign columns: a new sheet would stay empty.
        decisions.set(key, { action: "skip", name: ours[0].sheet.name, reason: "foreignTable" });
        continue;
      }
      const wanted = options.sheetNameOverrides?.[key];
      const names = wanted ? [wanted] : [tabName(key, lang), tabName(key, other)];
      let decision: SheetDecision | null = null;
      for (const name of names) {
        const c = candidates.get(name.toLowerCase());
        if (!c) continue;
        if (c.used.isNullObject) {
          decision = { action: "adopt", name: c.name, empty: true };
          break;
        }
        if (key !== "settings" && c.tables.items.length === 0 && !convertible.has(key)) {
          convertible.set(key, c);
          const u = c.used;
          headerReads.set(
            key,
            c.sheet
              .getRange(rectAddress(indexRect(u.rowIndex, u.columnIndex, 1, u.columnCount)))
              .load("values")
          );
        }
      }
      if (!decision && !convertible.has(key)) {
        const primary = names[0];
        decision = candidates.has(primary.toLowerCase())
          ? {
              action: "skip",
              name: candidates.get(primary.toLowerCase())!.name,
              reason: "foreignSheet",
              suggestion: suggestSheetName(primary, sheetNames),
            }
          : { action: "create", name: primary };
      }
      if (decision) decisions.set(key, decision);
    }

    // --- Read 3: header rows of plain ranges, key columns (sample check), Stages rows,
    // settings cells and the emptiness of anchors where a table will be added to an existing sheet.
    const keyReads = new Map<string, Excel.Range>();
    const lonelyRows = new Map<string, Excel.Range>();
    let stagesRead: Excel.Range | null = null;
    for (const f of found.values()) {
      const headers = f.header.values[0];
      const keyCol = SAMPLE_KEY_COLUMN[f.spec.name];
      const at = headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(keyCol ?? ""));
      if (options.sampleData && keyCol && at >= 0) {
        keyReads.set(f.spec.name, f.body.getColumn(at).load("values"));
      }
      if (options.sampleData && f.spec.name === TABLES.stages) stagesRead = f.body.load("values");
      else if (options.sampleData && f.body.rowCount === 1) {
        // A table with one row may hold just Excel's empty row: sample rows then start there.
        lonelyRows.set(f.spec.name, f.body.load("values"));
      }
    }
    const settingsDecision = decisions.get("settings");
    const settingsCells =
      settingsDecision?.action === "adopt" && !settingsDecision.empty
        ? context.workbook.worksheets
            .getItem(settingsDecision.name)
            .getRange("A1:L3")
            .load("values")
        : null;
    const anchorReads = new Map<string, Excel.Range>();
    if (settingsDecision?.action === "adopt" && !settingsDecision.empty) {
      // Row counts of the tables to add, to check the whole block they will fill is empty.
      const preview = options.sampleData
        ? generateSampleData({
            asOf: options.asOf ?? todaySerial(),
            stages: stagePreset(options.stagePreset),
          })
        : null;
      for (const spec of [STAGES, TARGETS, OWNERS]) {
        if (found.has(spec.name)) continue;
        const { rowIndex: row, columnIndex: col } = cellIndexes(spec.anchor);
        const sampleCount = preview ? (sampleRecords(preview, spec.name)?.rows.length ?? 0) : 0;
        const rows = 1 + Math.max(1, initialRowCount(spec, options), sampleCount);
        anchorReads.set(
          spec.name,
          context.workbook.worksheets
            .getItem(settingsDecision.name)
            .getRange(rectAddress(indexRect(row - 1, col, rows + 1, spec.columns.length)))
            .getUsedRangeOrNullObject(true)
            .load("rowIndex")
        );
      }
    }
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "reading", fraction: 0.6 });

    // Plain ranges under our tab name: ours if their header row is compatible and convertible
    // without Excel renaming a header (blank or duplicate headers would be rewritten).
    for (const [key, c] of convertible) {
      const spec = ALL_TABLES.find((t) => t.sheetKey === key) as TableSpec;
      const headers = headerReads.get(key)!.values[0];
      const texts = headers.map(normalizeHeader);
      const clean =
        texts.every((t, i) => t !== "" && typeof headers[i] === "string") &&
        new Set(texts).size === texts.length;
      if (clean && matchHeaders(spec, headers).compatible) {
        decisions.set(key, { action: "adopt", name: c.name, empty: false });
      } else if (!decisions.has(key)) {
        const wanted = options.sheetNameOverrides?.[key];
        const primary = wanted ?? tabName(key, lang);
        decisions.set(
          key,
          candidates.has(primary.toLowerCase())
            ? {
                action: "skip",
                name: candidates.get(primary.toLowerCase())!.name,
                reason: "foreignSheet",
                suggestion: suggestSheetName(primary, sheetNames),
              }
            : { action: "create", name: primary }
        );
      }
    }

    // Sample data: from the workbook's own pipeline when it already has one.
    let sample: SampleData | null = null;
    if (options.sampleData) {
      const own =
        stagesRead && found.has(TABLES.stages)
          ? stagesFromTable(found.get(TABLES.stages)!.header.values[0], stagesRead.values)
          : null;
      sample = generateSampleData({
        asOf: options.asOf ?? todaySerial(),
        stages: own ?? stagePreset(options.stagePreset),
        currency: currencyOf(settingsCells),
      });
    }
    const currency = currencyOf(settingsCells);

    // --- Write: everything in one request unless it would exceed the size limit.
    const w = writer();
    const sheetsByKey = new Map<SheetKey, () => Excel.Worksheet>();
    for (const key of MANAGED_SHEETS) {
      const d = decisions.get(key)!;
      if (d.action === "skip") {
        // A sheet skipped for its foreign tables is reported through those tables.
        if (d.reason !== "foreignTable") {
          skipped.push({
            kind: "sheet",
            name: d.name,
            reason: d.reason,
            suggestion: d.suggestion,
            sheetKey: key,
          });
        }
        continue;
      }
      if (d.action === "create") {
        let created_: Excel.Worksheet | null = null;
        w.add(300, () => {
          created_ = context.workbook.worksheets.add(d.name);
          created_.tabColor = TAB_COLORS[key];
          created_.freezePanes.freezeRows(key === "settings" ? 4 : 1);
        });
        sheetsByKey.set(key, () => created_ as unknown as Excel.Worksheet);
        created.push({ kind: "sheet", name: d.name, sheetKey: key });
      } else {
        sheetsByKey.set(key, () => context.workbook.worksheets.getItem(d.name));
        adopted.push({ kind: "sheet", name: d.name, sheetKey: key });
        if (d.empty) {
          w.add(200, () => {
            const s = context.workbook.worksheets.getItem(d.name);
            s.freezePanes.freezeRows(key === "settings" ? 4 : 1);
          });
        }
      }
    }

    let sampleRows = 0;
    for (const spec of ALL_TABLES) {
      const d = decisions.get(spec.sheetKey)!;
      const f = found.get(spec.name);
      const records = sample ? sampleRecords(sample, spec.name) : null;
      if (f) {
        const headers = f.header.values[0].map((h) => String(h));
        const match = matchHeaders(spec, headers);
        if (!match.compatible) {
          skipped.push({
            kind: "table",
            name: f.table.name,
            parent: f.sheet.name,
            reason: "foreignTable",
          });
          continue;
        }
        adopted.push({ kind: "table", name: f.table.name, parent: f.sheet.name });
        const range = f.range;
        const free = f.right.isNullObject
          ? match.missing.length
          : f.right.columnIndex - (range.columnIndex + range.columnCount);
        const appendable = match.missing.slice(0, Math.max(0, free));
        for (const col of match.missing.slice(appendable.length)) {
          skipped.push({ kind: "column", name: col.name, parent: f.table.name, reason: "noRoom" });
        }
        const bodyRows = f.body.rowCount;
        for (const col of appendable) {
          created.push({ kind: "column", name: col.name, parent: f.table.name });
          headers.push(col.name);
          appendColumn(w, f.table, col, bodyRows, currency, lang);
        }
        if (records && records.rows.length > 0) {
          const keys = keyReads.get(spec.name)?.values ?? [];
          if (keys.some((r) => isSampleKey(r[0]))) {
            skipped.push({ kind: "sampleRows", name: f.table.name, reason: "samplePresent" });
          } else {
            const rows = layOut(spec, headers, records.rows as never[], records.map);
            const lonely = lonelyRows.get(spec.name)?.values[0];
            let rest = rows;
            if (lonely && lonely.every((v) => v === "")) {
              const first = rows[0];
              const address = rectAddress(
                indexRect(range.rowIndex + 1, range.columnIndex, 1, first.length)
              );
              w.add(bytesOf(first), () => {
                f.sheet.getRange(address).values = [first];
              });
              rest = rows.slice(1);
            }
            for (const part of rest.length > 0 ? chunkRows(rest) : []) {
              w.add(bytesOf(part), () => {
                f.table.rows.add(undefined, part);
              });
            }
            sampleRows += rows.length;
            created.push({ kind: "sampleRows", name: f.table.name, count: rows.length });
          }
        }
        continue;
      }
      if (d.action === "skip") {
        skipped.push({ kind: "table", name: spec.name, parent: d.name, reason: "sheetSkipped" });
        continue;
      }
      const convert = convertible.get(spec.sheetKey);
      if (d.action === "adopt" && !d.empty && convert && convert.name === d.name) {
        // A plain range with our headers: make it our table, rows as they are.
        const u = convert.used;
        const headers = headerReads.get(spec.sheetKey)!.values[0].map((h) => String(h));
        const address = rectAddress(
          indexRect(u.rowIndex, u.columnIndex, u.rowCount, u.columnCount)
        );
        let table: Excel.Table | null = null;
        w.add(300, () => {
          table = context.workbook.worksheets.getItem(d.name).tables.add(address, true);
          table.name = spec.name;
          table.style = TABLE_STYLE;
        });
        adopted.push({ kind: "table", name: spec.name, parent: d.name, count: u.rowCount - 1 });
        const bodyRows = Math.max(1, u.rowCount - 1);
        const lazy = () => table as unknown as Excel.Table;
        for (const col of matchHeaders(spec, headers).missing) {
          created.push({ kind: "column", name: col.name, parent: spec.name });
          headers.push(col.name);
          appendColumn(w, lazy, col, bodyRows, currency, lang);
        }
        if (records && records.rows.length > 0) {
          const rows = layOut(spec, headers, records.rows as never[], records.map);
          for (const part of chunkRows(rows)) {
            w.add(bytesOf(part), () => {
              lazy().rows.add(undefined, part);
            });
          }
          sampleRows += rows.length;
          created.push({ kind: "sampleRows", name: spec.name, count: rows.length });
        }
        continue;
      }
      const anchorUsed = anchorReads.get(spec.name);
      if (anchorUsed && !anchorUsed.isNullObject) {
        skipped.push({ kind: "table", name: spec.name, parent: d.name, reason: "anchorOccupied" });
        continue;
      }
      // A new table: header and rows written as one block, then the table over it.
      const headers = spec.columns.map((c) => c.name);
      let rows: Cell[][] = [];
      if (spec.name === TABLES.stages) {
        rows = layOut(spec, headers, stagePreset(options.stagePreset), STAGE_CELLS);
      } else if (records) {
        rows = layOut(spec, headers, records.rows as never[], records.map);
        if (rows.length > 0)
          created.push({ kind: "sampleRows", name: spec.name, count: rows.length });
        sampleRows += rows.length;
      }
      createTable(w, sheetsByKey.get(spec.sheetKey)!, spec, rows, currency, lang);
      created.push({ kind: "table", name: spec.name, parent: d.name });
      if (spec.sheetKey === "settings") {
        const { rowIndex: row, columnIndex: col } = cellIndexes(spec.anchor);
        const title = SETTINGS_TITLES[spec.name];
        const existing = settingsCells?.values[row - 1]?.[col];
        if (title && row > 0 && (existing === undefined || existing === "")) {
          w.add(200, () => {
            const cell = sheetsByKey.get("settings")!().getRange(
              rectAddress(indexRect(row - 1, col, 1, 1))
            );
            cell.values = [[title[lang]]];
            cell.format.font.bold = true;
          });
        }
      }
    }

    // Settings cells and the names that point at them.
    const settingsSheet = decisions.get("settings");
    if (settingsSheet && settingsSheet.action !== "skip") {
      const getSheet = sheetsByKey.get("settings")!;
      for (const [key, cell] of Object.entries(SETTINGS_CELLS)) {
        const { rowIndex: row, columnIndex: col } = cellIndexes(cell.address);
        const value = settingsCells?.values[row]?.[col];
        const label = settingsCells?.values[row]?.[col - 1];
        if (value === undefined || value === "") {
          created.push({ kind: "setting", name: cell.label[lang] });
          w.add(300, () => {
            const s = getSheet();
            s.getRange(rectAddress(indexRect(row, col, 1, 1))).values = [[cell.default]];
            if (key === "fiscalYearStart") {
              const r = s.getRange(rectAddress(indexRect(row, col, 1, 1)));
              r.dataValidation.rule = {
                wholeNumber: { formula1: 1, formula2: 12, operator: "Between" },
              };
              r.dataValidation.errorAlert = {
                showAlert: true,
                style: "Warning",
                title: LIST_ALERT.title[lang],
                message: MONTH_ALERT[lang],
              };
            }
          });
        } else {
          adopted.push({ kind: "setting", name: cell.label[lang] });
        }
        if (label === undefined || label === "") {
          w.add(200, () => {
            const r = getSheet().getRange(rectAddress(indexRect(row, col - 1, 1, 1)));
            r.values = [[cell.label[lang]]];
            r.format.font.bold = true;
          });
        }
      }
      const sheetName = settingsSheet.name;
      for (const [key, name] of Object.entries(NAMES)) {
        if (nameSet.has(name.toLowerCase())) continue;
        const cell = SETTINGS_CELLS[key as keyof typeof SETTINGS_CELLS];
        const { rowIndex: row, columnIndex: col } = cellIndexes(cell.address);
        created.push({ kind: "name", name });
        w.add(200, () => {
          context.workbook.names.add(
            name,
            `=${quoteSheet(sheetName)}!$${columnLetters(col)}$${row + 1}`
          );
        });
      }
    }

    // Schema version: written when missing or older; a newer one is kept.
    let now = foundVersion ?? SCHEMA_VERSION;
    if (foundVersion === null || foundVersion < SCHEMA_VERSION) {
      now = SCHEMA_VERSION;
      created.push({ kind: "schema", name: String(SCHEMA_VERSION) });
      w.add(200, () => {
        context.workbook.settings.add(SCHEMA_VERSION_SETTING, SCHEMA_VERSION);
      });
    } else if (foundVersion > SCHEMA_VERSION) {
      skipped.push({ kind: "schema", name: String(foundVersion), reason: "newerSchema" });
    }

    onProgress?.({ phase: "writing", fraction: 0.7 });
    await flush(context, w, () => (syncs += 1));
    onProgress?.({ phase: "done", fraction: 1 });
    return {
      created,
      adopted,
      skipped,
      sampleRows,
      schemaVersion: { found: foundVersion, now },
      syncs,
    };
  });
}

/** How many data rows a new table starts with (before sample data). */
function initialRowCount(spec: TableSpec, options: SetupOptions): number {
  if (spec.name === TABLES.stages) return stagePreset(options.stagePreset).length;
  return 0;
}

function currencyOf(settingsCells: Excel.Range | null): string {
  const { rowIndex: row, columnIndex: col } = cellIndexes(SETTINGS_CELLS.currency.address);
  const v = settingsCells?.values[row]?.[col];
  return typeof v === "string" && /^[A-Za-z]{3}$/.test(v.trim())
    ? v.trim().toUpperCase()
    : SETTINGS_CELLS.currency.default;
}

/** Splits rows so that each part stays well under the request limit. */
function chunkRows(rows: Cell[][]): Cell[][][] {
  const parts: Cell[][][] = [];
  let part: Cell[][] = [];
  let bytes = 0;
  for (const row of rows) {
    const b = JSON.stringify(row).length + 1;
    if (part.length > 0 && bytes + b > MAX_REQUEST_BYTES / 2) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(row);
    bytes += b;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** Formats, dropdown and width of one of our columns over `rows` body rows. */
function styleColumn(
  column: () => Excel.TableColumn,
  col: ColumnSpec,
  rows: number,
  currency: string,
  lang: WorkbookLanguage,
  w: Writer
): void {
  const format = numberFormatFor(col.type, currency);
  w.add(bytesOf(format) + rows * (format.length + 3), () => {
    const c = column();
    c.getDataBodyRange().numberFormat = grid(rows, 1, format);
    c.getRange().format.columnWidth = col.width;
    if (col.list) {
      const dv = c.getDataBodyRange().dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: listSource(col.list) } };
      dv.errorAlert = {
        showAlert: true,
        style: "Warning",
        title: LIST_ALERT.title[lang],
        message: LIST_ALERT.message[lang],
      };
    }
  });
}

/** Appends one of our columns at the end of an existing table (and fills its formula). */
function appendColumn(
  w: Writer,
  table: Excel.Table | (() => Excel.Table),
  col: ColumnSpec,
  bodyRows: number,
  currency: string,
  lang: WorkbookLanguage
): void {
  const get = typeof table === "function" ? table : () => table;
  let added: Excel.TableColumn | null = null;
  w.add(300, () => {
    added = get().columns.add(undefined, undefined, col.name);
  });
  const column = () => added as unknown as Excel.TableColumn;
  if (col.formula) {
    const formulas = grid(bodyRows, 1, col.formula);
    w.add(bytesOf(formulas), () => {
      column().getDataBodyRange().formulas = formulas;
    });
  }
  styleColumn(column, col, bodyRows, currency, lang, w);
}

/** Creates one of our tables at its anchor, with its first rows, formats and dropdowns. */
function createTable(
  w: Writer,
  sheet: () => Excel.Worksheet,
  spec: TableSpec,
  rows: Cell[][],
  currency: string,
  lang: WorkbookLanguage
): void {
  const { rowIndex: row, columnIndex: col } = cellIndexes(spec.anchor);
  const headers = spec.columns.map((c) => c.name);
  const parts = chunkRows(rows);
  let table: Excel.Table | null = null;
  // The first block carries the header; later blocks (only for very large data) follow it.
  let at = row + 1;
  const first = [headers, ...(parts[0] ?? [])];
  w.add(bytesOf(first), () => {
    sheet().getRange(rectAddress(indexRect(row, col, first.length, headers.length))).values = first;
  });
  at += parts[0]?.length ?? 0;
  for (const part of parts.slice(1)) {
    const start = at;
    w.add(bytesOf(part), () => {
      sheet().getRange(rectAddress(indexRect(start, col, part.length, headers.length))).values =
        part;
    });
    at += part.length;
  }
  const total = 1 + rows.length;
  w.add(300, () => {
    table = sheet().tables.add(rectAddress(indexRect(row, col, total, headers.length)), true);
    table.name = spec.name;
    table.style = TABLE_STYLE;
  });
  // Excel gives a header-only table one empty body row.
  const bodyRows = Math.max(1, rows.length);
  for (const c of spec.columns) {
    const column = () => (table as unknown as Excel.Table).columns.getItem(c.name);
    if (c.formula && rows.length === 0) {
      // The lone empty row gets the formula so the column is a calculated column from the start.
      w.add(300, () => {
        column().getDataBodyRange().formulas = [[c.formula as string]];
      });
    }
    styleColumn(column, c, bodyRows, currency, lang, w);
  }
}

/**
 * Sends the queued writes: one sync unless the payload exceeds {@link MAX_REQUEST_BYTES}.
 * Calculation (and, from ExcelApi 1.9, screen updating) is suspended while each request runs.
 */
async function flush(context: Excel.RequestContext, w: Writer, counted: () => void): Promise<void> {
  if (w.ops.length === 0) return; // nothing to change: a re-run costs no write round trip
  const groups = groupBySize(
    w.ops.map((o) => o.bytes),
    MAX_REQUEST_BYTES
  );
  let next = 0;
  const screen = isSupported("1.9");
  for (const size of groups) {
    context.application.suspendApiCalculationUntilNextSync();
    if (screen) context.application.suspendScreenUpdatingUntilNextSync();
    for (const op of w.ops.slice(next, next + size)) op.run();
    next += size;
    counted();
    // One sync per ≤ 4 MB request: a single one for everything setup writes (a few hundred KB);
    // more only when one request would exceed Excel on the web's payload limit.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
}

/** How to take sample rows out of one table. */
export interface RemovalPlan {
  /** New number of body rows when a trailing run of sample rows is cut off (null: none). */
  readonly shrinkTo: number | null;
  /** The table held only sample rows: its one remaining row is emptied. */
  readonly clearFirst: boolean;
  /** Other sample rows, deleted one by one (descending, so indexes stay valid). */
  readonly deletes: readonly number[];
}

/**
 * Plans the removal of sample rows. Sample rows are usually the table's last rows (appended after
 * the user's); those are cut off by shrinking the table, two operations whatever their number.
 * Rows elsewhere (a sorted table) are deleted as table rows. Excel keeps at least one body row.
 *
 * @param isSample per body row, whether it is a sample row
 * @param canShrink whether Table.resize is available (ExcelApi 1.13)
 * @returns the plan
 * @example
 * planRemoval([false, true, false, true, true], true); // { shrinkTo: 3, clearFirst: false, deletes: [1] }
 */
export function planRemoval(isSample: readonly boolean[], canShrink: boolean): RemovalPlan {
  let start = isSample.length;
  if (canShrink) while (start > 0 && isSample[start - 1]) start -= 1;
  const deletes: number[] = [];
  for (let i = start - 1; i >= 0; i--) if (isSample[i]) deletes.push(i);
  if (start === isSample.length) return { shrinkTo: null, clearFirst: false, deletes };
  return { shrinkTo: Math.max(1, start), clearFirst: start === 0, deletes };
}

/**
 * Removes the sample rows (key starting with "SAMPLE-") from our tables. A user's rows are never
 * touched, wherever they are in the table (sorted tables interleave them).
 *
 * @param onProgress called with the phase and fraction done
 * @returns rows removed per table
 * @example
 * const { removed } = await removeSampleData();
 */
export async function removeSampleData(
  onProgress?: (p: SetupProgress) => void
): Promise<RemoveSampleReport> {
  return Excel.run(async (context) => {
    let syncs = 0;
    onProgress?.({ phase: "reading", fraction: 0 });
    const tables = context.workbook.tables.load("items/name,items/showTotals");
    syncs += 1;
    await context.sync();
    const found = new Map<
      string,
      { table: Excel.Table; header: Excel.Range; body: Excel.Range; range: Excel.Range }
    >();
    for (const name of Object.keys(SAMPLE_KEY_COLUMN)) {
      const t = tables.items.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) continue;
      found.set(name, {
        table: t,
        header: t.getHeaderRowRange().load("values"),
        body: t.getDataBodyRange().load("rowCount"),
        range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
      });
    }
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "reading", fraction: 0.3 });
    const keys = new Map<string, Excel.Range>();
    for (const [name, f] of found) {
      const at = f.header.values[0].findIndex(
        (x) => normalizeHeader(x) === normalizeHeader(SAMPLE_KEY_COLUMN[name])
      );
      if (at >= 0) keys.set(name, f.body.getColumn(at).load("values"));
    }
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "writing", fraction: 0.6 });
    const removed: { table: string; rows: number }[] = [];
    const canShrink = isSupported("1.13");
    context.application.suspendApiCalculationUntilNextSync();
    for (const [name, keyRange] of keys) {
      const { table, header, range } = found.get(name)!;
      const flags = keyRange.values.map((r) => isSampleKey(r[0]));
      const count = flags.filter(Boolean).length;
      if (count === 0) continue;
      removed.push({ table: table.name, rows: count });
      const plan = planRemoval(flags, canShrink && !table.showTotals);
      const { rowIndex: r0, columnIndex: c0, columnCount: cols } = range;
      if (plan.shrinkTo !== null) {
        const sheet = table.worksheet;
        table.resize(sheet.getRange(rectAddress(indexRect(r0, c0, 1 + plan.shrinkTo, cols))));
        // The cells the table gave back held only sample rows: clear their values and formats.
        // Their dropdowns stay, so rows the user adds later get them again with the table.
        sheet
          .getRange(
            rectAddress(indexRect(r0 + 1 + plan.shrinkTo, c0, flags.length - plan.shrinkTo, cols))
          )
          .clear("All");
        if (plan.clearFirst) {
          sheet.getRange(rectAddress(indexRect(r0 + 1, c0, 1, cols))).clear("Contents");
          // Keep the calculated column (e.g. Probability) alive in the emptied row.
          const spec = ALL_TABLES.find((t) => t.name === name);
          header.values[0].forEach((h, i) => {
            const col = spec?.columns.find((c) => normalizeHeader(c.name) === normalizeHeader(h));
            if (col?.formula) {
              sheet.getRange(rectAddress(indexRect(r0 + 1, c0 + i, 1, 1))).formulas = [
                [col.formula],
              ];
            }
          });
        }
      }
      // Remaining sample rows one by one, bottom-up (a TableRow deletion shifts only the
      // table's own cells, never a neighbouring table on the same sheet).
      for (const i of plan.deletes) table.rows.getItemAt(i).delete();
    }
    if (removed.length > 0) {
      syncs += 1;
      await context.sync();
    }
    onProgress?.({ phase: "done", fraction: 1 });
    return { removed, syncs };
  });
}

/** The Setup section's workbook actions, against the global Excel. */
export const setupActions: SetupActions = {
  setUp: setUpWorkbook,
  removeSampleData,
};
