/**
 * Where the workbook stands, for the task pane's Home view: is it set up, how many deals and
 * leads it holds (and how many are sample rows), what was last imported from which CRM, and
 * whether a dashboard is built (and out of date: its lists miss what the data now holds), and
 * which deals' currencies have no rate in Settings › Rates. Read-only, three round trips at most
 * (find the tables, their sizes and columns, the columns' values). Also the two small workbook actions
 * the Home view and the reports need: remembering an import (one setting) and "Go to" (select a
 * table or a range).
 */
import {
  ALL_TABLES,
  DEALS,
  LEADS,
  NAMES,
  REPORTING_AMOUNT,
  SHEETS,
  STAGES,
  TableSpec,
  WorkbookLanguage,
} from "../model/schema";
import { REGISTRY_SETTING } from "./dashboard/types";
import { DashboardRegistry, parseRegistry } from "./dashboard/registry";
import {
  DataColumns,
  loadDataColumns,
  planData,
  reportingCurrency,
  stagesFromRows,
  unconvertedCurrencies,
} from "./dashboard/data";
import { DashboardStaleness, dashboardStaleness } from "./dashboard/staleness";
import type { WorkbookProblem } from "./errors";
import type { ImportReport } from "./import";

/** Prefix of every sample row's ID (see setup). */
const SAMPLE_PREFIX = "SAMPLE-";

/** The workbook setting that remembers the last import into a table. */
export const LAST_IMPORT_SETTING: Readonly<Record<"Deals" | "Leads", string>> = {
  Deals: "salesKpis.lastImport.Deals",
  Leads: "salesKpis.lastImport.Leads",
};

/** The last import into a table, as remembered in the workbook. */
export interface LastImport {
  readonly target: "Deals" | "Leads";
  /** The CRM preset the file was read as ("salesforce", "hubspot", …), null for any CSV. */
  readonly source: string | null;
  readonly added: number;
  readonly updated: number;
  /** When (ISO 8601). */
  readonly at: string;
}

/** One of our record tables as the Home view shows it. */
export interface TableStatus {
  /** Body rows holding data (an empty table's one blank row is not counted). */
  readonly rows: number;
  /** Rows whose ID starts with SAMPLE- (setup's sample data). */
  readonly sampleRows: number;
  /** The sheet holding the table (for "Go to"). */
  readonly sheet: string;
  readonly lastImport: LastImport | null;
}

/** Where the workbook stands. */
export interface WorkbookStatus {
  /** The Leads and Deals tables both exist. */
  readonly setUp: boolean;
  /** Our tables that are missing (empty when fully set up). */
  readonly missingTables: readonly string[];
  /** The language the workbook was set up in, from its Deals tab name; null when unknown. */
  readonly language: WorkbookLanguage | null;
  readonly deals: TableStatus | null;
  readonly leads: TableStatus | null;
  /** The dashboard, when one is built and its sheet still exists. */
  readonly dashboard: {
    readonly sheet: string;
    readonly builtAt: string | null;
    /**
     * What the dashboard's lists miss of what the workbook holds now (new owners, a changed
     * Stages table, …); null when the build stored no lists (an older version): unknown.
     */
    readonly staleness: DashboardStaleness | null;
  } | null;
  /**
   * Deals in a currency without a rate in Settings › Rates (left out of every amount), one
   * `noExchangeRate` per currency with its deal count, as the dashboard build warns.
   */
  readonly missingRates: readonly WorkbookProblem<"noExchangeRate">[];
}

/** What the "Go to" links can select. */
export type GoToTarget =
  { readonly table: string } | { readonly sheet: string; readonly address?: string };

/** The Home view's workbook actions. */
export interface StatusActions {
  /** Reads where the workbook stands (read-only). */
  readWorkbookStatus(): Promise<WorkbookStatus>;
  /** Remembers an import in the workbook so the Home view can say what came from where, when. */
  recordImport(report: ImportReport, at: Date): Promise<void>;
  /** Activates a sheet and selects a table or range on it. */
  goTo(target: GoToTarget): Promise<void>;
}

/**
 * Parses a remembered import (a setting's value); null when absent or not ours.
 *
 * @param value the setting's value
 * @param target the table it belongs to
 * @returns the import, or null
 * @example
 * parseLastImport('{"source":"hubspot","added":3,"updated":0,"at":"2026-12-04T10:00:00Z"}', "Deals");
 */
export function parseLastImport(value: unknown, target: "Deals" | "Leads"): LastImport | null {
  let v: unknown = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== "object") return null;
  const o = v as Record<string, unknown>;
  const count = (x: unknown): number =>
    typeof x === "number" && Number.isFinite(x) && x >= 0 ? x : 0;
  if (typeof o.at !== "string" || Number.isNaN(Date.parse(o.at))) return null;
  return {
    target,
    source: typeof o.source === "string" ? o.source : null,
    added: count(o.added),
    updated: count(o.updated),
    at: o.at,
  };
}

/**
 * Counts the data rows and sample rows of a table from its ID column.
 *
 * @param rowCount the body's row count
 * @param ids the ID column's body values
 * @returns rows holding data and sample rows
 * @example
 * countRows(1, [[""]]); // { rows: 0, sampleRows: 0 } (a new table's blank row)
 */
export function countRows(
  rowCount: number,
  ids: readonly (readonly unknown[])[] | null
): { rows: number; sampleRows: number } {
  const first = ids?.[0]?.[0];
  const blankOnly = rowCount === 1 && (first === "" || first === null || first === undefined);
  const sampleRows = (ids ?? []).filter(
    (r) => typeof r[0] === "string" && r[0].startsWith(SAMPLE_PREFIX)
  ).length;
  return { rows: blankOnly ? 0 : rowCount, sampleRows };
}

/**
 * The workbook language from the tab name of the sheet holding the Deals table.
 *
 * @param dealsSheet that tab's name
 * @returns "en", "ar", or null for a renamed tab
 * @example
 * languageOfSheet("الصفقات"); // "ar"
 */
export function languageOfSheet(dealsSheet: string | null): WorkbookLanguage | null {
  const deals = SHEETS.find((s) => s.key === "deals");
  if (!deals || dealsSheet === null) return null;
  if (dealsSheet === deals.name.ar) return "ar";
  if (dealsSheet === deals.name.en) return "en";
  return null;
}

/**
 * The `noExchangeRate` notices of the Deals rows: one per currency without a usable rate, with
 * its deal count, by the dashboard build's rule (`unconvertedCurrencies`). Without a dashboard
 * only the two columns that rule needs are read (the Home view reads the status after every
 * action; with 20,000 deals its response grows from 0.30 to 0.61 MB); with one, the columns its
 * staleness check reads anyway (1.86 MB). The rule counts every row with a currency, stage or
 * not, so the build and Home agree.
 *
 * @param currency the Currency body values
 * @param converted the Reporting Amount body values, same rows
 * @param reporting the reporting currency
 * @returns the notices
 * @example
 * missingRateWarnings([["EUR"], ["USD"]], [[""], [10]], "USD");
 * // [{ code: "noExchangeRate", params: { count: 1, currency: "EUR" } }]
 */
export function missingRateWarnings(
  currency: readonly (readonly unknown[])[],
  converted: readonly (readonly unknown[])[],
  reporting: string
): WorkbookProblem<"noExchangeRate">[] {
  return unconvertedCurrencies(currency, converted, reporting).map((c) => ({
    code: "noExchangeRate",
    params: { count: c.deals, currency: c.code },
  }));
}

/** The dashboard's lists as a build would read them now, loaded with the status's 2nd sync. */
interface PendingFacts {
  readonly registry: DashboardRegistry;
  readonly columns: { values(): DataColumns };
  readonly stageHeaders: Excel.Range | null;
  readonly stageBody: Excel.Range | null;
}

/**
 * Queues what the staleness check reads, the build's own reads (`loadDataColumns`, the Stages
 * table's headers and body): only for a dashboard whose registry stored its lists.
 */
function loadFacts(
  registry: DashboardRegistry | null,
  tables: readonly { readonly spec: TableSpec; readonly table: Excel.Table }[]
): PendingFacts | null {
  if (!registry?.input.data) return null;
  const byName = new Map(
    tables.filter((t) => !t.table.isNullObject).map((t) => [t.spec.name.toLowerCase(), t.table])
  );
  const stages = byName.get(STAGES.name.toLowerCase());
  return {
    registry,
    columns: loadDataColumns(byName),
    stageHeaders: stages?.getHeaderRowRange().load("values") ?? null,
    stageBody: stages?.getDataBodyRange().load("values") ?? null,
  };
}

/**
 * Reads where the workbook stands: at most three round trips, nothing written. With a dashboard
 * built, the second also reads the lists its build read (Deals' Owner, Stage, Competitor, Loss
 * Reason, Currency and Reporting Amount, Leads' Owner and Source, the Owners, Competitors and
 * Stages tables) to tell whether it is out of date; the rate notices then come from the same
 * columns. With 20,000 deals the response grows from 0.62 MB to 1.86 MB, in the same three round
 * trips (tests/workbook/statusStaleness.test.ts). A workbook so large that this response passes
 * Excel on the web's 5 MB is read again without the check (staleness unknown), so Home still
 * shows where it stands.
 *
 * @returns the status
 * @example
 * const status = await readWorkbookStatus();
 * status.setUp && status.deals?.rows; // 312
 */
export async function readWorkbookStatus(): Promise<WorkbookStatus> {
  try {
    return await readStatus(true);
  } catch (e) {
    if ((e as { code?: unknown } | null)?.code !== "ResponsePayloadSizeLimitExceeded") throw e;
    return readStatus(false);
  }
}

/** The status read; `check` reads the dashboard's lists as well. */
async function readStatus(check: boolean): Promise<WorkbookStatus> {
  return Excel.run(async (context) => {
    const wb = context.workbook;
    const tables = ALL_TABLES.map((spec) => ({
      spec,
      table: wb.tables.getItemOrNullObject(spec.name).load("name"),
    }));
    const imports = (["Deals", "Leads"] as const).map((target) => ({
      target,
      setting: wb.settings.getItemOrNullObject(LAST_IMPORT_SETTING[target]).load("value"),
    }));
    const registry = wb.settings.getItemOrNullObject(REGISTRY_SETTING).load("value");
    const currencyName = wb.names.getItemOrNullObject(NAMES.currency);
    const sheets = wb.worksheets.load("items/name");
    await context.sync();

    const found = (spec: TableSpec) => tables.find((t) => t.spec === spec && !t.table.isNullObject);
    const reads = [DEALS, LEADS].map((spec) => {
      const t = found(spec)?.table;
      if (!t) return null;
      const body = t.getDataBodyRange().load("rowCount");
      const id = t.columns.getItemOrNullObject(spec.idColumn ?? "");
      const sheet = t.worksheet.load("name");
      return { body, id, sheet };
    });
    const reg = registry.isNullObject ? null : parseRegistry(registry.value);
    const dashboardSheet = !!reg && sheets.items.some((s) => s.name === reg.sheetName);
    // With a dashboard: its lists, read as its build reads them (the currencies among them).
    const facts = dashboardSheet && check ? loadFacts(reg, tables) : null;
    // Else the Deals' currencies alone: the columns the dashboard's currency check reads.
    const dealsTable = found(DEALS)?.table;
    const rateColumns =
      dealsTable && !facts
        ? (["Currency", REPORTING_AMOUNT] as const).map((c) =>
            dealsTable.columns.getItemOrNullObject(c)
          )
        : [];
    const reporting = currencyName.isNullObject ? null : currencyName.getRange().load("values");
    // The columns' values need a second look only once we know the columns exist.
    await context.sync();
    const bodyValues = (c: Excel.TableColumn | undefined) =>
      c && !c.isNullObject ? c.getDataBodyRange().load("values") : null;
    const idValues = reads.map((r) => (r ? bodyValues(r.id) : null));
    const rateValues =
      rateColumns.length && rateColumns.every((c) => !c.isNullObject)
        ? rateColumns.map(bodyValues)
        : null;
    if (idValues.some((v) => v !== null) || rateValues) await context.sync();

    const lastImport = (target: "Deals" | "Leads") => {
      const s = imports.find((i) => i.target === target)?.setting;
      return s && !s.isNullObject ? parseLastImport(s.value, target) : null;
    };
    const table = (i: number, target: "Deals" | "Leads"): TableStatus | null => {
      const r = reads[i];
      if (!r) return null;
      return {
        ...countRows(r.body.rowCount, idValues[i]?.values ?? null),
        sheet: r.sheet.name,
        lastImport: lastImport(target),
      };
    };
    const currency = reportingCurrency(reporting?.values[0]?.[0]);
    const columns = facts?.columns.values();
    const dashboard =
      reg && dashboardSheet
        ? {
            sheet: reg.sheetName,
            builtAt: reg.builtAt ?? null,
            staleness: facts && columns ? staleness(facts, columns, currency) : null,
          }
        : null;
    const deals = table(0, "Deals");
    const currencyCells = columns ? columns.dealCurrency : rateValues?.[0]?.values;
    const amountCells = columns ? columns.dealReportingAmount : rateValues?.[1]?.values;
    const missingRates =
      currencyCells && amountCells ? missingRateWarnings(currencyCells, amountCells, currency) : [];
    return {
      setUp: reads.every((r) => r !== null),
      missingTables: tables.filter((t) => t.table.isNullObject).map((t) => t.spec.name),
      language: languageOfSheet(deals?.sheet ?? null),
      deals,
      leads: table(1, "Leads"),
      dashboard,
      missingRates,
    };
  });
}

/** The verdict from the loaded facts (the build's `planData` and `stagesFromRows`). */
function staleness(
  facts: PendingFacts,
  columns: DataColumns,
  reporting: string
): DashboardStaleness | null {
  return dashboardStaleness(facts.registry.input, {
    stages: stagesFromRows(facts.stageBody?.values ?? [], facts.stageHeaders?.values[0]),
    data: planData(columns, reporting),
  });
}

/**
 * Remembers an import (source, rows, time) in a workbook setting, one per table.
 *
 * @param report what the import did
 * @param at when it finished
 * @returns when the setting is written
 * @example
 * await recordImport(report, new Date());
 */
export async function recordImport(report: ImportReport, at: Date): Promise<void> {
  if (report.added + report.updated === 0) return;
  await Excel.run(async (context) => {
    context.workbook.settings.add(
      LAST_IMPORT_SETTING[report.target],
      JSON.stringify({
        source: report.source,
        added: report.added,
        updated: report.updated,
        at: at.toISOString(),
      })
    );
    await context.sync();
  });
}

/**
 * Activates a sheet and selects a table (or a range on a sheet), for the reports' "Go to" links.
 *
 * @param target a table name, or a sheet and optionally a range address on it
 * @returns when selected
 * @example
 * await goTo({ table: "Deals" });
 * await goTo({ sheet: "Dashboard", address: "A1:F3" });
 */
export async function goTo(target: GoToTarget): Promise<void> {
  await Excel.run(async (context) => {
    const wb = context.workbook;
    if ("table" in target) {
      const table = wb.tables.getItem(target.table);
      table.worksheet.activate();
      table.getRange().select();
    } else {
      const sheet = wb.worksheets.getItem(target.sheet);
      sheet.activate();
      if (target.address) sheet.getRange(target.address).select();
    }
    await context.sync();
  });
}

/** The real status actions. */
export const statusActions: StatusActions = {
  readWorkbookStatus,
  recordImport,
  goTo,
};
