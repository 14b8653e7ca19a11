/**
 * Setup's decisions, pure: from what the inventory read and the user's options to a plan of
 * writes and the report. No Excel here, so every case (a user's sheet under our tab name, a
 * table with foreign columns, no room to append a column, sample rows already present, a newer
 * schema) is unit-tested on plain data (tests/workbook/setup/decide.test.ts).
 *
 * Rules (issue 6): create what is missing, adopt what exists, never delete, move or overwrite a
 * user's cell. A sheet is ours when it holds one of our tables (table names are
 * language-independent), else when it bears our tab name in either language (or the caller's
 * override) and is empty or holds a plain range with our headers; a taken tab name with foreign
 * content is skipped with a free name suggested.
 */
import {
  ALL_TABLES,
  NAMES,
  SCHEMA_VERSION,
  SCHEMA_VERSION_SETTING,
  SETTINGS_CELLS,
  SHEETS,
  SheetKey,
  TABLES,
  TableSpec,
  WorkbookLanguage,
} from "../../model/schema";
import { stagePreset } from "../../model/stagePresets";
import { cellIndexes, columnLetters, indexRect, rectAddress } from "../../model/a1";
import { SampleData, generateSampleData } from "../../engine/sample/sampleData";
import { matchHeaders, normalizeHeader, suggestSheetName } from "./headers";
import type { CandidateSheet, SetupSnapshot, SheetInventory } from "./inventory";
import { SetupPlan, SheetDecision } from "./plan";
import { sampleRecords, stagesFromTable } from "./sampleRows";
import { Acc, planTable } from "./planTable";
import { SetupOptions } from "./types";

/** Setup options with the sample data's last day fixed (decisions do not read the clock). */
export type SetupOptionsAt = SetupOptions & { readonly asOf: number };

/** The sheets setup manages (the dashboard sheet belongs to the dashboard action). */
export const MANAGED_SHEETS: readonly SheetKey[] = [
  "leads",
  "deals",
  "pricing",
  "competitors",
  "settings",
  "history",
];

const TAB_COLORS: Readonly<Record<SheetKey, string>> = {
  dashboard: "#0F6CBD",
  leads: "#107C41",
  deals: "#0F6CBD",
  pricing: "#8764B8",
  competitors: "#C4314B",
  settings: "#605E5C",
  history: "#8A8886",
};

const tabName = (key: SheetKey, l: WorkbookLanguage): string =>
  SHEETS.find((s) => s.key === key)?.name[l] ?? key;

/**
 * The tab names a sheet may bear: the caller's override, else ours in the workbook language and
 * then in the other one.
 *
 * @param key the sheet
 * @param options the setup options
 * @returns names to look for, preferred first
 * @example
 * candidateNames("deals", { ...options, language: "ar" }); // ["الصفقات", "Deals"]
 */
export function candidateNames(key: SheetKey, options: SetupOptions): string[] {
  const wanted = options.sheetNameOverrides?.[key];
  if (wanted) return [wanted];
  const other: WorkbookLanguage = options.language === "en" ? "ar" : "en";
  return [tabName(key, options.language), tabName(key, other)];
}

/** The first-pass sheet decisions, and the plain ranges whose header row must be read. */
export interface SheetDecisions {
  readonly decisions: ReadonlyMap<SheetKey, SheetDecision>;
  /** Sheets under our tab name holding a plain range that may become our table. */
  readonly convertible: ReadonlyMap<SheetKey, CandidateSheet>;
}

/**
 * Decides each sheet from what exists: the sheet holding one of its tables, else a usable sheet
 * with its tab name, else create it; a taken tab name with foreign content is skipped. A sheet
 * with a plain range is decided once its header row is read ({@link decide}).
 *
 * @param inv reads 1 and 2 of the inventory
 * @param options the setup options
 * @returns decisions and convertible ranges
 * @example
 * decideSheets(emptyWorkbook, options).decisions.get("deals"); // { action: "create", name: "Deals" }
 */
export function decideSheets(inv: SheetInventory, options: SetupOptions): SheetDecisions {
  const decisions = new Map<SheetKey, SheetDecision>();
  const convertible = new Map<SheetKey, CandidateSheet>();
  for (const key of MANAGED_SHEETS) {
    const specs = ALL_TABLES.filter((t) => t.sheetKey === key);
    const ours = specs.flatMap((spec) => {
      const f = inv.tables.get(spec.name);
      return f ? [{ spec, f }] : [];
    });
    const compatible = ours.filter((o) => matchHeaders(o.spec, o.f.headers).compatible);
    if (compatible.length > 0) {
      decisions.set(key, { action: "adopt", name: compatible[0].f.sheet, empty: false });
      continue;
    }
    if (ours.length === specs.length) {
      // Every table of this sheet exists with foreign columns: a new sheet would stay empty.
      decisions.set(key, { action: "skip", name: ours[0].f.sheet, reason: "foreignTable" });
      continue;
    }
    const names = candidateNames(key, options);
    let decision: SheetDecision | null = null;
    for (const name of names) {
      const c = inv.candidates.get(name.toLowerCase());
      if (!c) continue;
      if (c.used === null) {
        decision = { action: "adopt", name: c.name, empty: true };
        break;
      }
      if (key !== "settings" && c.tableCount === 0 && !convertible.has(key)) {
        convertible.set(key, c);
      }
    }
    if (!decision && !convertible.has(key)) decision = createOrSkip(inv, names[0]);
    if (decision) decisions.set(key, decision);
  }
  return { decisions, convertible };
}

/** Create a sheet under our name, or skip it when the name is taken by foreign content. */
function createOrSkip(inv: SheetInventory, primary: string): SheetDecision {
  const taken = inv.candidates.get(primary.toLowerCase());
  return taken
    ? {
        action: "skip",
        name: taken.name,
        reason: "foreignSheet",
        suggestion: suggestSheetName(primary, inv.sheetNames),
      }
    : { action: "create", name: primary };
}

/**
 * How many rows (header included) each of our tables would fill if created now: the stage preset
 * or the sample rows, at least Excel's one empty row. The inventory checks that block is free.
 *
 * @param options the setup options
 * @returns rows by table name
 * @example
 * anchorRowCounts({ ...options, sampleData: false }).get("Owners"); // 2
 */
export function anchorRowCounts(options: SetupOptionsAt): Map<string, number> {
  const preview = options.sampleData
    ? generateSampleData({ asOf: options.asOf, stages: stagePreset(options.stagePreset) })
    : null;
  const counts = new Map<string, number>();
  for (const spec of ALL_TABLES) {
    const initial = spec.name === TABLES.stages ? stagePreset(options.stagePreset).length : 0;
    const sampleCount = preview ? (sampleRecords(preview, spec.name)?.rows.length ?? 0) : 0;
    counts.set(spec.name, 1 + Math.max(1, initial, sampleCount));
  }
  return counts;
}

/** The workbook currency from Settings!B1, else the default. */
function currencyOf(settingsCells: readonly unknown[][] | null): string {
  const { rowIndex: row, columnIndex: col } = cellIndexes(SETTINGS_CELLS.currency.address);
  const v = settingsCells?.[row]?.[col];
  return typeof v === "string" && /^[A-Za-z]{3}$/.test(v.trim())
    ? v.trim().toUpperCase()
    : SETTINGS_CELLS.currency.default;
}

/**
 * Plans setup: which sheets, tables, columns, sample rows, settings and names to create or adopt,
 * and what to leave alone and why.
 *
 * @param snap everything the inventory read
 * @param options the setup options, with `asOf` fixed
 * @returns the plan (writes in order) and the report
 * @example
 * const plan = decide(snapshot, { stagePreset: "hubspot", language: "en", sampleData: false, asOf: 46096 });
 * plan.skipped.filter((i) => i.reason === "foreignSheet"); // sheets to rename
 */
export function decide(snap: SetupSnapshot, options: SetupOptionsAt): SetupPlan {
  const { decisions, convertible } = settleConvertible(snap, options);
  const acc: Acc = { created: [], adopted: [], skipped: [], writes: [], sampleRows: 0 };
  const currency = currencyOf(snap.settingsCells);
  let sample: SampleData | null = null;
  if (options.sampleData) {
    // Sample data follows the workbook's own pipeline when it already has one.
    const stages = snap.tables.get(TABLES.stages);
    const own =
      snap.stagesBody && stages
        ? stagesFromTable(stages.headers as readonly string[], snap.stagesBody)
        : null;
    sample = generateSampleData({
      asOf: options.asOf,
      stages: own ?? stagePreset(options.stagePreset),
      currency,
    });
  }
  planSheets(acc, decisions);
  for (const spec of ALL_TABLES) {
    planTable(acc, spec, snap, options, decisions, convertible, sample);
  }
  const settings = decisions.get("settings");
  if (settings && settings.action !== "skip")
    planSettings(acc, snap, settings.name, options.language);

  // Schema version: written when missing or older; a newer one is kept.
  const found = snap.schemaVersion;
  let now = found ?? SCHEMA_VERSION;
  if (found === null || found < SCHEMA_VERSION) {
    now = SCHEMA_VERSION;
    acc.created.push({ kind: "schema", name: String(SCHEMA_VERSION) });
    acc.writes.push({
      kind: "schemaVersion",
      setting: SCHEMA_VERSION_SETTING,
      version: SCHEMA_VERSION,
    });
  } else if (found > SCHEMA_VERSION) {
    acc.skipped.push({ kind: "schema", name: String(found), reason: "newerSchema" });
  }
  return {
    created: acc.created,
    adopted: acc.adopted,
    skipped: acc.skipped,
    sampleRows: acc.sampleRows,
    schemaVersion: { found, now },
    currency,
    language: options.language,
    writes: acc.writes,
  };
}

/**
 * Whether a plain range with this header row becomes our table (Setup converts it): its headers
 * are texts, none blank or repeated (Excel would rename those), and compatible with ours.
 *
 * @param spec our table
 * @param headers the range's first row
 * @returns true when Setup converts the range
 * @example
 * convertibleHeaders(DEALS, ["Deal ID", "Deal Name", "Stage", "Amount"]); // true
 */
export function convertibleHeaders(spec: TableSpec, headers: readonly unknown[]): boolean {
  const texts = headers.map(normalizeHeader);
  const clean =
    texts.every((t, i) => t !== "" && typeof headers[i] === "string") &&
    new Set(texts).size === texts.length;
  return clean && matchHeaders(spec, headers).compatible;
}

/**
 * Plain ranges under our tab name: ours if their header row is compatible and convertible
 * without Excel renaming a header (blank or duplicate headers would be rewritten).
 */
function settleConvertible(snap: SetupSnapshot, options: SetupOptions): SheetDecisions {
  const first = decideSheets(snap, options);
  const decisions = new Map(first.decisions);
  for (const [key, c] of first.convertible) {
    const spec = ALL_TABLES.find((t) => t.sheetKey === key) as TableSpec;
    const headers = snap.headerRows.get(key) ?? [];
    if (convertibleHeaders(spec, headers)) {
      decisions.set(key, { action: "adopt", name: c.name, empty: false });
    } else if (!decisions.has(key)) {
      decisions.set(
        key,
        createOrSkip(snap, options.sheetNameOverrides?.[key] ?? tabName(key, options.language))
      );
    }
  }
  return { decisions, convertible: first.convertible };
}

function planSheets(acc: Acc, decisions: ReadonlyMap<SheetKey, SheetDecision>): void {
  for (const key of MANAGED_SHEETS) {
    const d = decisions.get(key)!;
    const freezeRows = key === "settings" ? 4 : 1;
    if (d.action === "skip") {
      // A sheet skipped for its foreign tables is reported through those tables.
      if (d.reason !== "foreignTable") {
        acc.skipped.push({
          kind: "sheet",
          name: d.name,
          reason: d.reason,
          suggestion: d.suggestion,
          sheetKey: key,
        });
      }
    } else if (d.action === "create") {
      acc.writes.push({
        kind: "addSheet",
        key,
        name: d.name,
        tabColor: TAB_COLORS[key],
        freezeRows,
      });
      acc.created.push({ kind: "sheet", name: d.name, sheetKey: key });
    } else {
      acc.writes.push({
        kind: "useSheet",
        key,
        name: d.name,
        freezeRows: d.empty ? freezeRows : null,
      });
      acc.adopted.push({ kind: "sheet", name: d.name, sheetKey: key });
    }
  }
}

/** Settings cells (value and label) and the workbook names that point at them. */
function planSettings(
  acc: Acc,
  snap: SetupSnapshot,
  sheetName: string,
  lang: WorkbookLanguage
): void {
  for (const [key, cell] of Object.entries(SETTINGS_CELLS)) {
    const { rowIndex: row, columnIndex: col } = cellIndexes(cell.address);
    const value = snap.settingsCells?.[row]?.[col];
    const label = snap.settingsCells?.[row]?.[col - 1];
    if (value === undefined || value === "") {
      acc.created.push({ kind: "setting", name: cell.label[lang] });
      acc.writes.push({
        kind: "setting",
        key: "settings",
        address: rectAddress(indexRect(row, col, 1, 1)),
        value: cell.default,
        monthOfYear: key === "fiscalYearStart",
      });
    } else {
      acc.adopted.push({ kind: "setting", name: cell.label[lang] });
    }
    if (label === undefined || label === "") {
      const address = rectAddress(indexRect(row, col - 1, 1, 1));
      acc.writes.push({ kind: "caption", key: "settings", address, text: cell.label[lang] });
    }
  }
  for (const [key, name] of Object.entries(NAMES)) {
    if (snap.names.has(name.toLowerCase())) continue;
    const cell = SETTINGS_CELLS[key as keyof typeof SETTINGS_CELLS];
    const { rowIndex: row, columnIndex: col } = cellIndexes(cell.address);
    acc.created.push({ kind: "name", name });
    acc.writes.push({
      kind: "addName",
      name,
      formula: `=${quoteSheet(sheetName)}!$${columnLetters(col)}$${row + 1}`,
    });
  }
}

/** Quotes a sheet name for a formula reference. */
function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}
