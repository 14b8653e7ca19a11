/**
 * What the data holds, for the dashboard's lists: owners, competitors, lead sources and the
 * stages in use and the currencies without a rate come from the Deals and Leads rows (plus the Owners and
 * Competitors tables, which keep targets and names nobody has used yet), so a workbook filled
 * by imports shows its own owners without anyone typing an Owners table. Read in the build's
 * second round trip (one column each); `planData` is pure.
 */
import { stageKey } from "../../engine/stageVocabulary";
import { LEAD_SOURCES, REPORTING_AMOUNT, TABLES } from "../../model/schema";
import { PlanData } from "./types";

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
  const dealRows = (cols.dealStage ?? [])
    .map((r, i) => (text(r[0]) ? i : -1))
    .filter((i) => i !== -1);
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
  // Deals in another currency whose Reporting Amount is not a number: no rate in Rates.
  const currencies = new Map<string, number>();
  const converted = pick(cols.dealReportingAmount);
  pick(cols.dealCurrency).forEach((r, k) => {
    const c = text(r[0]).toUpperCase();
    if (!c || c === reporting.toUpperCase() || typeof converted[k][0] === "number") return;
    currencies.set(c, (currencies.get(c) ?? 0) + 1);
  });
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
    currencies: [...currencies].map(([code, deals]) => ({ code, deals })),
  };
}
