/**
 * Deciding a new snapshot (pure; src/workbook/history.ts reads and writes): turns the Deals
 * table's columns into deal states, compares them with the History's latest state and returns
 * the History rows to append and the snapshot index row to add or update.
 */
import { cellDate, cellLabel, cellNumber, cellText, isBlankText, normalizeLabel } from "../cells";
import { DEFAULT_STAGE_RULES, Stage, classifyLabel } from "../stages";
import { stageFlag, stageLookup } from "../stageVocabulary";
import {
  CATEGORY_TEXT,
  DealState,
  ForecastCategory,
  HistoryRow,
  OUTCOME_TEXT,
  Outcome,
  dealState,
  forecastCategory,
  snapshotRows,
  stateAt,
} from "./snapshot";

/** The Deals columns a snapshot reads, one array of cells each (same length). */
export interface DealColumns {
  readonly id: readonly unknown[];
  readonly stage: readonly unknown[];
  readonly amount: readonly unknown[];
  readonly expectedClose: readonly unknown[];
  readonly closedDate: readonly unknown[];
  readonly owner: readonly unknown[];
  readonly category: readonly unknown[];
}

/** What the Stages table says about one stage. */
export interface StageInfo {
  readonly outcome: Outcome;
  readonly category: ForecastCategory | null;
}

/** The decision: rows to append, the index row, and counts for the report. */
export interface SnapshotPlan {
  /** History rows to append, as cells in HISTORY_COLUMNS order. */
  readonly rows: readonly (string | number)[][];
  /** The snapshot index row ([date, deals, open pipeline, changes]); null when nothing changed. */
  readonly indexRow: readonly (string | number)[] | null;
  /** 0-based body row of the index to overwrite (the same date's row), or null to append. */
  readonly indexUpdate: number | null;
  readonly deals: number;
  /** Deals rows without a Deal ID: not tracked (a snapshot needs an ID to follow a deal). */
  readonly withoutId: number;
  /** IDs listed twice in Deals: the first row counts. */
  readonly duplicates: number;
}

/**
 * Reads the Stages table (Stage, Is Won, Is Lost, Forecast Category columns as arrays). Flags read
 * as the functions' `stage_table` reads them (TRUE, yes, 1: see stageFlag), so the History and
 * the dashboard agree on which stages are won.
 *
 * @param stages the stage names
 * @param isWon the Is Won flags
 * @param isLost the Is Lost flags
 * @param categories the default forecast categories
 * @returns normalized stage → outcome and default category
 * @example
 * stageInfo(["Won"], [true], [false], ["Closed"]).get("won"); // { outcome: "won", category: "closed" }
 */
export function stageInfo(
  stages: readonly unknown[],
  isWon: readonly unknown[],
  isLost: readonly unknown[],
  categories: readonly unknown[]
): Map<string, StageInfo> {
  const truthy = (v: unknown) => stageFlag(v) === true;
  const out = new Map<string, StageInfo>();
  stages.forEach((s, i) => {
    const label = cellLabel(s);
    if (label === null || out.has(label)) return;
    const outcome: Outcome = truthy(isWon[i]) ? "won" : truthy(isLost[i]) ? "lost" : "open";
    out.set(label, { outcome, category: forecastCategory(cellLabel(categories[i])) });
  });
  return out;
}

/**
 * The deals of the Deals table as snapshot states: outcome from the Stages table (a deal's stage
 * found by its label, else by its identity, so HubSpot's id `contractsigned` is the table's
 * "Contract Signed"; else the usual won/lost names), close date = expected close while open and
 * the closed date once closed (expected close when that is blank), category = the deal's own,
 * else its stage's.
 *
 * @param cols the Deals columns
 * @param stages from stageInfo
 * @returns the states (first row per ID), and the counts of rows skipped
 * @example
 * dealStates(cols, stageInfo(...)).states.length; // deals with an ID
 */
export function dealStates(
  cols: DealColumns,
  stages: ReadonlyMap<string, StageInfo>
): { states: DealState[]; withoutId: number; duplicates: number } {
  const states: DealState[] = [];
  const seen = new Set<string>();
  let withoutId = 0;
  let duplicates = 0;
  // Two rows of one identity that say different things are ambiguous (byStageKey leaves them
  // out) and the built-in names decide; rows that say the same share one object to compare.
  const alike = new Map<string, StageInfo>();
  const shared = (info: StageInfo): StageInfo => {
    const key = `${info.outcome}|${info.category}`;
    if (!alike.has(key)) alike.set(key, info);
    return alike.get(key)!;
  };
  const infoOf = stageLookup([...stages].map(([label, info]) => [label, shared(info)] as const));
  for (let i = 0; i < cols.id.length; i++) {
    const id = cellText(cols.id[i]);
    if (id === "") {
      if (!isBlankText(cols.stage[i]) || !isBlankText(cols.amount[i])) withoutId++;
      continue;
    }
    if (seen.has(id)) {
      duplicates++;
      continue;
    }
    seen.add(id);
    const stage = cellText(cols.stage[i]);
    const info = infoOf(stage);
    const cls = classifyLabel(normalizeLabel(stage), DEFAULT_STAGE_RULES);
    const outcome: Outcome =
      info?.outcome !== "open" && info
        ? info.outcome
        : cls === Stage.Won
          ? "won"
          : cls === Stage.Lost
            ? "lost"
            : "open";
    states.push(
      dealState({
        id,
        stage,
        outcome,
        amount: cellNumber(cols.amount[i]) ?? 0,
        expectedClose: cellDate(cols.expectedClose[i]) ?? null,
        closedDate: cellDate(cols.closedDate[i]) ?? null,
        owner: cellText(cols.owner[i]),
        category: forecastCategory(cellLabel(cols.category[i])),
        stageCategory: info?.category ?? null,
      })
    );
  }
  return { states, withoutId, duplicates };
}

/**
 * History row as cells, in HISTORY_COLUMNS order.
 *
 * @param r the row
 * @returns the cells (text starting with = + - @ is neutralised by the writer's text format)
 * @example
 * historyCells(row); // [46360, "D1", "Demo", "Open", 500, 46400, "Ann", "Pipeline"]
 */
export function historyCells(r: HistoryRow): (string | number)[] {
  return [
    r.snapshot,
    r.id,
    r.stage,
    OUTCOME_TEXT[r.outcome],
    r.amount,
    r.closeDate ?? "",
    r.owner,
    r.category ? CATEGORY_TEXT[r.category] : "",
  ];
}

/**
 * Decides a snapshot: the rows that changed since the History's latest state, and the index row.
 * Importing the same deals again (same day or later) adds no History row; on a later day it adds
 * an index row (a week in which nothing changed is still a snapshot), on the same day nothing.
 *
 * @param history the History rows read back
 * @param indexDates the snapshot index's dates, in table order
 * @param deals the deals now (dealStates)
 * @param date the snapshot date (whole-day serial)
 * @returns the plan
 * @example
 * planSnapshot([], [], states, today).rows.length; // states.length
 */
export function planSnapshot(
  history: readonly HistoryRow[],
  indexDates: readonly (number | null)[],
  deals: readonly DealState[],
  date: number
): Pick<SnapshotPlan, "rows" | "indexRow" | "indexUpdate" | "deals"> {
  const day = Math.floor(date);
  const added = snapshotRows(stateAt(history, day), deals, day);
  const at = indexDates.findIndex((d) => d !== null && Math.floor(d) === day);
  const open = deals.filter((d) => d.outcome === "open").reduce((s, d) => s + d.amount, 0);
  const sameDayChanges = history.filter((r) => r.snapshot === day).length + added.length;
  const nothingNew = added.length === 0 && at >= 0;
  return {
    rows: added.map(historyCells),
    indexRow: nothingNew ? null : [day, deals.length, open, sameDayChanges],
    indexUpdate: at >= 0 ? at : null,
    deals: deals.length,
  };
}
