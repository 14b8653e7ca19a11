/**
 * Reads the History table as SALES functions receive it (`History[#All]`: the header row, then
 * the rows) into typed rows. Columns are found by header, so a user may reorder or add columns.
 */
import { cellDate, cellLabel, cellNumber, cellText, isBlankText, normalizeLabel } from "../cells";
import { EngineError, Result, isError } from "../errors";
import { errors } from "../messages";
import { DEFAULT_STAGE_RULES, Stage, classifyLabel } from "../stages";
import { ForecastCategory, HistoryRow, Outcome, forecastCategory } from "./snapshot";

const TABLE = "History";
const REQUIRED = ["Snapshot", "Deal ID", "Stage", "Amount", "Close Date"] as const;

const OUTCOMES: Readonly<Record<string, Outcome>> = {
  open: "open",
  won: "won",
  lost: "lost",
  removed: "removed",
};

function headerIndex(header: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  header.forEach((h, i) => {
    const key = cellLabel(h);
    if (key !== null && !out.has(key)) out.set(key, i);
  });
  return out;
}

function outcomeOf(raw: unknown, stage: string): Outcome | undefined {
  const label = cellLabel(raw);
  if (label === null) {
    const s = classifyLabel(normalizeLabel(stage), DEFAULT_STAGE_RULES);
    return s === Stage.Won ? "won" : s === Stage.Lost ? "lost" : "open";
  }
  return OUTCOMES[label];
}

function categoryOf(
  seen: Map<unknown, ForecastCategory | null>,
  raw: unknown
): ForecastCategory | null {
  let c = seen.get(raw);
  if (c === undefined) seen.set(raw, (c = forecastCategory(cellLabel(raw))));
  return c;
}

/**
 * The History's cells, read the one way every reader of the table shares: columns found by
 * header, each column's cells read and checked here. A reader calls `snapshot` first: null
 * tells it to skip the row.
 */
interface HistoryReader {
  readonly rows: readonly unknown[][];
  /** Row r's snapshot (whole day); null for a row to skip (not a row, or blank throughout). */
  snapshot(r: number): Result<number | null>;
  id(r: number): Result<string>;
  stage(r: number): string;
  /** The Outcome cell; blank: judged from `stage` by the built-in labels. */
  outcome(r: number, stage: string): Result<Outcome>;
  amount(r: number): Result<number>;
  closeDate(r: number): Result<number | null>;
  owner(r: number): string;
  category(r: number): ForecastCategory | null;
}

function historyReader(grid: unknown): Result<HistoryReader> {
  if (!Array.isArray(grid) || grid.length === 0 || !Array.isArray(grid[0]))
    return errors.missingColumn(TABLE, REQUIRED[0]);
  const rows = grid as unknown[][];
  const index = headerIndex(rows[0]);
  const at: Record<string, number> = {};
  for (const name of REQUIRED) {
    const i = index.get(cellLabel(name) ?? "");
    if (i === undefined) return errors.missingColumn(TABLE, name);
    at[name] = i;
  }
  const [snapshotAt, idAt, stageAt, amountAt, closeAt] = REQUIRED.map((name) => at[name]);
  const outcomeAt = index.get("outcome");
  const ownerAt = index.get("owner");
  const categoryAt = index.get("forecast category");
  // Outcome and category columns hold a handful of distinct texts: read each once.
  const outcomes = new Map<unknown, Outcome | undefined>();
  const categories = new Map<unknown, ForecastCategory | null>();
  const bad = (r: number, at: number, column: string, what: string) =>
    errors.badTableCell(TABLE, r, column, rows[r][at], what);
  return {
    rows,
    snapshot(r) {
      const row = rows[r];
      if (!Array.isArray(row)) return null;
      const snapshot = cellDate(row[snapshotAt]);
      if (snapshot !== null && snapshot !== undefined) return Math.floor(snapshot);
      // Only a row without a date can be blank throughout (an empty table's placeholder row,
      // cells of a range running past the table).
      return row.every(isBlankText) ? null : bad(r, snapshotAt, "Snapshot", "a date");
    },
    id(r) {
      const id = cellText(rows[r][idAt]);
      return id === "" ? bad(r, idAt, "Deal ID", "a deal ID") : id;
    },
    stage: (r) => cellText(rows[r][stageAt]),
    outcome(r, stage) {
      const raw = outcomeAt === undefined ? null : rows[r][outcomeAt];
      let outcome = outcomes.get(raw);
      if (outcome === undefined) {
        outcome = outcomeOf(raw, stage);
        // A blank outcome is judged from the stage: not cached.
        if (!isBlankText(raw)) outcomes.set(raw, outcome);
      }
      return outcome ?? bad(r, outcomeAt ?? 0, "Outcome", "Open, Won, Lost or Removed");
    },
    amount(r) {
      const amount = cellNumber(rows[r][amountAt]);
      return amount === undefined ? bad(r, amountAt, "Amount", "a number") : (amount ?? 0);
    },
    closeDate(r) {
      const closeDate = cellDate(rows[r][closeAt]);
      if (closeDate === undefined) return bad(r, closeAt, "Close Date", "a date");
      return closeDate === null ? null : Math.floor(closeDate);
    },
    owner: (r) => (ownerAt === undefined ? "" : cellText(rows[r][ownerAt])),
    category: (r) =>
      categoryAt === undefined ? null : categoryOf(categories, rows[r][categoryAt]),
  };
}

/**
 * Calls `visit` with each row read (skipped rows left out), its snapshot and Deal ID checked; the
 * first error, the reader's or `visit`'s, ends the pass and is returned.
 */
function eachRow(
  cells: HistoryReader,
  visit: (r: number, snapshot: number, id: string) => EngineError | undefined
): EngineError | undefined {
  for (let r = 1; r < cells.rows.length; r++) {
    const snapshot = cells.snapshot(r);
    if (snapshot === null) continue;
    if (isError(snapshot)) return snapshot;
    const id = cells.id(r);
    if (isError(id)) return id;
    const failed = visit(r, snapshot, id);
    if (failed) return failed;
  }
  return undefined;
}

/**
 * Reads History rows from a range whose first row is the header. Rows with every cell blank are
 * skipped (an empty table's placeholder row; trailing cells of a range running past the table).
 *
 * Complexity: O(rows × columns).
 *
 * @param grid the range, e.g. `History[#All]`
 * @returns the rows, or #VALUE! naming the missing column or the first bad cell (row counted
 *   under the header, as a person counts table rows)
 * @example
 * readHistory([["Snapshot", "Deal ID", "Stage", "Amount", "Close Date"], [46360, "D1", "Demo", 500, 46400]]);
 * // [{ snapshot: 46360, id: "D1", stage: "Demo", outcome: "open", amount: 500, … }]
 */
export function readHistory(grid: unknown): Result<HistoryRow[]> {
  const cells = historyReader(grid);
  if (isError(cells)) return cells;
  const out: HistoryRow[] = [];
  const failed = eachRow(cells, (r, snapshot, id) => {
    const stage = cells.stage(r);
    const amount = cells.amount(r);
    if (isError(amount)) return amount;
    const closeDate = cells.closeDate(r);
    if (isError(closeDate)) return closeDate;
    const outcome = cells.outcome(r, stage);
    if (isError(outcome)) return outcome;
    out.push({
      snapshot,
      id,
      stage,
      outcome,
      amount,
      closeDate,
      owner: cells.owner(r),
      category: cells.category(r),
    });
    return undefined;
  });
  return failed ?? out;
}

/** A deal's stage in a snapshot as the History writes it, with the Outcome beside it. */
export interface StageState {
  /** The stage as the History writes it (trimmed). */
  readonly stage: string;
  readonly outcome: Outcome;
}

/**
 * The History's rows as columns, for what needs only where each deal stood (FUNNEL): snapshot,
 * Deal ID, and the stage with its outcome as an index into `states`, so a computation over a
 * million rows judges each distinct stage once.
 */
export interface StageHistory {
  /** Per row read: its snapshot date (a whole-day serial, 1 or later). */
  readonly snapshot: Int32Array;
  /** Per row read: its Deal ID. */
  readonly id: readonly string[];
  /** Per row read: the index of its stage and outcome in `states`. */
  readonly state: Int32Array;
  /** The distinct stage-and-outcome pairs, in order of first appearance. */
  readonly states: readonly StageState[];
}

const OUTCOME_INDEX: Readonly<Record<Outcome, number>> = { open: 0, won: 1, lost: 2, removed: 3 };

/**
 * Reads the History's Snapshot, Deal ID, Stage and Outcome columns into columns, the rows in
 * table order: the same cells readHistory reads, read the same way (same header rule, skipped
 * rows and messages), without a row object per History row. The Amount, Close Date, Owner and
 * Forecast Category cells are not read (their columns must exist, as for readHistory).
 *
 * Complexity: O(rows); each distinct stage text and Outcome text is read once.
 *
 * @param grid the range, e.g. `History[#All]`
 * @returns the columns, or #VALUE! naming the missing column or the first bad cell it reads
 * @example
 * readStageHistory([["Snapshot", "Deal ID", "Stage", "Amount", "Close Date"], [46360, "D1", "Demo", 500, 46400]]);
 * // { snapshot: [46360], id: ["D1"], state: [0], states: [{ stage: "Demo", outcome: "open" }] }
 */
export function readStageHistory(grid: unknown): Result<StageHistory> {
  const cells = historyReader(grid);
  if (isError(cells)) return cells;
  const n = cells.rows.length - 1;
  // Typed and pre-sized: a million rows allocate no row objects and grow no array.
  const snapshots = new Int32Array(Math.max(0, n));
  const ids = new Array<string>(Math.max(0, n));
  const state = new Int32Array(Math.max(0, n));
  const states: StageState[] = [];
  // Per distinct stage text, its index × 4 + the outcome's → the state's index.
  const stageIndex = new Map<string, number>();
  const stateOf: number[] = [];
  let count = 0;
  const failed = eachRow(cells, (r, snapshot, id) => {
    const stage = cells.stage(r);
    const outcome = cells.outcome(r, stage);
    if (isError(outcome)) return outcome;
    let k = stageIndex.get(stage);
    if (k === undefined) stageIndex.set(stage, (k = stageIndex.size));
    const pair = 4 * k + OUTCOME_INDEX[outcome];
    let s = stateOf[pair];
    if (s === undefined) {
      stateOf[pair] = s = states.length;
      states.push({ stage, outcome });
    }
    snapshots[count] = snapshot;
    ids[count] = id;
    state[count++] = s;
    return undefined;
  });
  if (failed) return failed;
  ids.length = count;
  return {
    snapshot: snapshots.subarray(0, count),
    id: ids,
    state: state.subarray(0, count),
    states,
  };
}

/**
 * The distinct snapshot dates of the rows, oldest first. (A snapshot in which nothing changed has
 * no rows; pass the snapshot index's dates where that matters.)
 *
 * @param rows History rows
 * @returns the dates, sorted
 * @example
 * snapshotDates(rows); // [46350, 46357, 46364]
 */
export function snapshotDates(rows: readonly HistoryRow[]): number[] {
  return [...new Set(rows.map((r) => r.snapshot))].sort((a, b) => a - b);
}
