/**
 * Sample records → table cells, by column name (the schema's stable headers), and back: the
 * Stages table read into stage rows so sample deals follow the workbook's own pipeline.
 */
import { TABLES, TableSpec } from "../../model/schema";
import { StageRow } from "../../model/stagePresets";
import {
  SampleCompetitor,
  SampleData,
  SampleDeal,
  SampleLead,
  SampleOwner,
  SamplePrice,
  SampleStage,
  SampleTarget,
} from "../../engine/sample/sampleData";
import { HISTORY_COLUMNS, HistoryRow } from "../../engine/history/snapshot";
import { historyCells } from "../../engine/history/snapshotPlan";
import { normalizeHeader } from "./headers";
import { Cell } from "./types";

/** How to read each of a table's columns from a sample record, by column name. */
export type CellMap<T> = Readonly<Record<string, (r: T) => Cell | null>>;

/** A Stages row (of a stage preset) as table cells. */
export const STAGE_CELLS: CellMap<SampleStage> = {
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

/**
 * The sample records for one of our tables, with their cell mapping.
 *
 * @param data the generated sample data set
 * @param table one of our table names
 * @returns the records and mapping, or null for a table without sample rows (Stages)
 * @example
 * sampleRecords(generateSampleData({ asOf, stages }), "Deals")?.rows.length; // e.g. 240
 */
export function sampleRecords(
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
 *
 * @param spec our table
 * @param headers the table's actual header row
 * @param records the records
 * @param map how to read each column
 * @returns one row of cells per record
 * @example
 * layOut(OWNERS, ["Team", "Owner", "Mine"], [{ owner: "Ana", team: "East" }], OWNER_CELLS); // [["East", "Ana", ""]]
 */
export function layOut<T>(
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

/**
 * Reads a Stages table body back into stage rows (for sample deals).
 *
 * @param headers the Stages table's header row
 * @param body its body values
 * @returns the stage rows, or null when unusable (no won, lost or open stage)
 * @example
 * stagesFromTable(["Stage", "Is Won", "Is Lost"], [["Open", false, false], ["Won", true, false], ["Lost", false, true]]);
 */
export function stagesFromTable(
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
