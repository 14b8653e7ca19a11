/**
 * What the data holds, for the dashboard's lists: owners, competitors, lead sources and the
 * stages in use and the currencies without a rate come from the Deals and Leads rows (plus the Owners and
 * Competitors tables, which keep targets and names nobody has used yet), so a workbook filled
 * by imports shows its own owners without anyone typing an Owners table. Read in the build's
 * second round trip (one column each); `planData` is pure.
 */
import { readStageTable, stageKey } from "../../engine/stageVocabulary";
import { LEAD_SOURCES, REPORTING_AMOUNT, TABLES } from "../../model/schema";
import { PlanData, StageInfo } from "./types";

/** The columns the lists come from, as read (any may be missing). */
export interface DataColumns {
  readonly ownersTable?: readonly (readonly unknown[])[];
  readonly competitorsTable?: readonly (readonly unknown[])[];
  readonly dealOwner?: readonly (readonly unknown[])[];
  readonly dealStage?: readonly (readonly unknown[])[];
  readonly dealCompetitor?: readonly (readonly unknown[])[];
  readonly dealCurrency?: readonly (readonly unknown[])[];
  readonly dealLossReason?: readonly (readonly unknown[])[];
  readonly dealReportingAmount?: readonly (readonly unknown[])[];
  readonly leadOwner?: readonly (readonly unknown[])[];
  readonly leadSource?: readonly (readonly unknown[])[];
}

const READS: readonly [keyof DataColumns, string, string][] = [
  ["ownersTable", TABLES.owners, "Owner"],
  ["competitorsTable", TABLES.competitors, "Competitor"],
  ["dealOwner", TABLES.deals, "Owner"],
  ["dealStage", TABLES.deals, "Stage"],
  ["dealCompetitor", TABLES.deals, "Competitor"],
  ["dealCurrency", TABLES.deals, "Currency"],
  ["dealLossReason", TABLES.deals, "Loss Reason"],
  ["dealReportingAmount", TABLES.deals, REPORTING_AMOUNT],
  ["leadOwner", TABLES.leads, "Owner"],
  ["leadSource", TABLES.leads, "Source"],
];

/**
 * Queues loading the list columns (the caller syncs once, then calls `values()`).
 *
 * @param tables the workbook's tables by lower-cased name
 * @returns the pending reads
 */
export function loadDataColumns(tables: ReadonlyMap<string, Excel.Table>): {
  values(): DataColumns;
} {
  // The column's own values (header and totals row included, cut off below) rather than
  // getDataBodyRange(): a method on a null object (a column a foreign table lacks) is not
  // something to rely on, while loading a property of one is.
  const pending: [keyof DataColumns, Excel.Table, Excel.TableColumn][] = [];
  for (const t of new Set(READS.map(([, table]) => tables.get(table.toLowerCase()))))
    t?.load("showHeaders,showTotals");
  for (const [key, table, column] of READS) {
    const t = tables.get(table.toLowerCase());
    if (!t) continue;
    pending.push([key, t, t.columns.getItemOrNullObject(column).load("values")]);
  }
  return {
    values: () => {
      const out: Record<string, readonly (readonly unknown[])[]> = {};
      for (const [key, t, col] of pending) {
        if (col.isNullObject) continue;
        const end = t.showTotals ? col.values.length - 1 : col.values.length;
        out[key] = col.values.slice(t.showHeaders ? 1 : 0, end);
      }
      return out as DataColumns;
    },
  };
}

function text(v: unknown): string {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  return String(v).trim();
}

/** Distinct non-blank texts of a column, first spelling kept, case-insensitive. */
function distinct(rows: readonly (readonly unknown[])[] | undefined, split = false): string[] {
  const seen = new Map<string, string>();
  for (const r of rows ?? []) {
    const parts = split ? text(r[0]).split(/[;,]/) : [text(r[0])];
    for (const p of parts) {
      const t = p.trim();
      if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
    }
  }
  return [...seen.values()];
}

function hasBlank(rows: readonly (readonly unknown[])[]): boolean {
  return rows.some((r) => text(r[0]) === "");
}

/** A table's lists first (their order), then the data's other names alphabetically. */
function merged(first: readonly string[], data: readonly string[]): string[] {
  const known = new Set(first.map((n) => n.toLowerCase()));
  const rest = data.filter((n) => !known.has(n.toLowerCase()));
  rest.sort((a, b) => a.localeCompare(b));
  return [...first, ...rest];
}

/**
 * The lists the dashboard shows, from the columns read.
 *
 * @param cols the columns
 * @param reporting the reporting currency (deals in it, or with no currency, need no rate)
 * @returns owners, competitors, sources, stages and currencies in use
 * @example
 * planData({ dealOwner: [["Ann"], ["Bo"], [""]], dealStage: [["Won"], ["Won"], ["Demo"]] }, "USD").owners; // ["Ann", "Bo"]
 */
export function planData(cols: DataColumns, reporting: string): PlanData {
  // Rows of a table whose stage is blank are not deals (a new table's placeholder row).
  const dealRows = dealRowIndexes(cols.dealStage);
  const pick = (c: readonly (readonly unknown[])[] | undefined): unknown[][] =>
    dealRows.map((i) => [c?.[i]?.[0] ?? ""]);
  const dealOwner = pick(cols.dealOwner);
  const leadSources = (cols.leadSource ?? []).filter((_, i) =>
    [cols.leadOwner?.[i]?.[0], cols.leadSource?.[i]?.[0]].some((v) => text(v) !== "")
  );
  const leadOwnersUsed = (cols.leadOwner ?? []).filter((r) => text(r[0]) !== "");
  const owners = merged(distinct(cols.ownersTable), distinct([...dealOwner, ...leadOwnersUsed]));
  const sourcesInData = distinct(leadSources);
  const lower = new Set(sourcesInData.map((s) => s.toLowerCase()));
  const listed = LEAD_SOURCES.filter((s) => lower.has(s.toLowerCase()));
  const stageNames = distinct(pick(cols.dealStage));
  return {
    deals: dealRows.length,
    leads: leadSources.length,
    owners,
    blankOwner: dealOwner.some((r) => text(r[0]) === ""),
    competitors: merged(distinct(cols.competitorsTable), distinct(pick(cols.dealCompetitor), true)),
    sources: merged(listed, sourcesInData),
    blankSource: hasBlank(leadSources),
    stagesWithDeals: stageNames.map(stageKey),
    stageNames,
    lossReasons: merged([], distinct(pick(cols.dealLossReason))),
    // Every row with a currency, stage or not: the Home view's rule too (it reads no Stage).
    currencies: unconvertedCurrencies(
      cols.dealCurrency ?? [],
      cols.dealReportingAmount ?? [],
      reporting
    ),
  };
}

/**
 * The deals whose amount has no rate: in a currency other than the reporting one, with a
 * Reporting Amount that is not a number (Rates has no usable rate for it), counted per currency
 * code in the order they first appear. The dashboard's build warning and sheet note and the Home
 * view's notice both come from this count over the same rows: every Deals row with a currency,
 * whatever its stage (a row typed with a currency but no stage yet is a deal whose amount the
 * figures leave out too), so Home needs only these two columns.
 *
 * @param currency the deals' Currency cells (one per deal row)
 * @param converted their Reporting Amount cells, same rows
 * @param reporting the reporting currency's code
 * @returns one entry per currency without a rate
 * @example
 * unconvertedCurrencies([["EUR"], ["usd"], ["EUR"]], [[""], [10], [""]], "USD"); // [{ code: "EUR", deals: 2 }]
 */
export function unconvertedCurrencies(
  currency: readonly (readonly unknown[])[],
  converted: readonly (readonly unknown[])[],
  reporting: string
): { code: string; deals: number }[] {
  const counts = new Map<string, number>();
  currency.forEach((r, k) => {
    const c = text(r[0]).toUpperCase();
    if (!c || c === reporting.toUpperCase() || typeof converted[k]?.[0] === "number") return;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  });
  return [...counts].map(([code, deals]) => ({ code, deals }));
}

/**
 * The reporting currency from the `SalesCurrency` cell: a three-letter code, else USD (the
 * setup default).
 *
 * @param cell the cell's value, or undefined when the name is missing
 * @returns the upper-case code
 * @example
 * reportingCurrency(" eur "); // "EUR"
 */
export function reportingCurrency(cell: unknown): string {
  return typeof cell === "string" && /^[A-Za-z]{3}$/.test(cell.trim())
    ? cell.trim().toUpperCase()
    : "USD";
}

/**
 * The rows of a table column list that hold a deal: a non-blank Stage (a new table's blank
 * placeholder row is not a deal).
 *
 * @param stage the Stage cells
 * @returns the row indexes
 * @example
 * dealRowIndexes([["Won"], [""], ["Demo"]]); // [0, 2]
 */
function dealRowIndexes(stage: readonly (readonly unknown[])[] | undefined): number[] {
  return (stage ?? []).map((r, i) => (text(r[0]) ? i : -1)).filter((i) => i !== -1);
}

/**
 * The Stages table's rows as the dashboard counts them: outcome from the Is Won / Is Lost flags
 * (the built-in labels where both are blank), see `engine/stageVocabulary`.
 *
 * @param rows the Stages table body (Stage in the first column unless headers say otherwise)
 * @param headers the table's headers
 * @returns one entry per non-blank stage, with its 1-based row in the table
 * @example
 * stagesFromRows([["Won", 1]]); // [{ name: "Won", index: 1, stage: Stage.Won }]
 */
export function stagesFromRows(
  rows: readonly (readonly unknown[])[],
  headers: readonly unknown[] = ["Stage", "Probability"]
): StageInfo[] {
  return readStageTable(headers, rows).map((s) => ({
    name: s.name,
    index: s.row,
    stage: s.outcome,
  }));
}
