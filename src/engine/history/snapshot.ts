/**
 * The snapshot row model of the pipeline history.
 *
 * Storage decision (measured in bench/history.bench.ts): the History table holds **only the deals
 * that changed** since the previous snapshot (new, changed in one of the tracked fields, or gone:
 * outcome "removed"), plus a small snapshot index (one row per snapshot date). One row per deal
 * per snapshot would need 52 × 20,000 = 1,040,000 rows for a year of weekly imports of a
 * 20,000-deal pipeline: 99% of Excel's 1,048,576-row sheet, more than the 5,000,000 cells a read
 * may return, and the 53rd week would not fit. Changes only stay a fraction of that (about 1 row
 * in 8 per week on a realistic pipeline) and every snapshot can still be rebuilt exactly: a deal's
 * state at date S is its last History row dated on or before S (rows of the same date: the later
 * row wins, so a second import on one day amends that day's snapshot without deleting rows).
 */

/** What became of a deal: still open, won, lost, or no longer in the Deals table. */
export type Outcome = "open" | "won" | "lost" | "removed";

/** The forecast categories (Salesforce's; HubSpot's map onto them). */
export type ForecastCategory = "pipeline" | "best case" | "commit" | "closed" | "omitted";

/** The fields of a deal a snapshot keeps. */
export interface DealState {
  readonly id: string;
  readonly stage: string;
  readonly outcome: Outcome;
  /** The amount in the reporting currency (0 when blank). */
  readonly amount: number;
  /** Expected close while open, actual close once closed; null when blank. */
  readonly closeDate: number | null;
  readonly owner: string;
  readonly category: ForecastCategory | null;
}

/** One row of the History table: a deal's state from a snapshot date on. */
export interface HistoryRow extends DealState {
  /** The snapshot's date (a whole-day serial). */
  readonly snapshot: number;
}

/** The History table's headers, in order (the schema's History table uses these names). */
export const HISTORY_COLUMNS = [
  "Snapshot",
  "Deal ID",
  "Stage",
  "Outcome",
  "Amount",
  "Close Date",
  "Owner",
  "Forecast Category",
] as const;

/** The snapshot index's headers, in order: one row per snapshot date. */
export const SNAPSHOT_COLUMNS = ["Snapshot", "Deals", "Open Pipeline", "Changes"] as const;

/** How an Outcome is written in a cell. */
export const OUTCOME_TEXT: Readonly<Record<Outcome, string>> = {
  open: "Open",
  won: "Won",
  lost: "Lost",
  removed: "Removed",
};

/** How a forecast category is written in a cell (Salesforce's spelling). */
export const CATEGORY_TEXT: Readonly<Record<ForecastCategory, string>> = {
  pipeline: "Pipeline",
  "best case": "Best Case",
  commit: "Commit",
  closed: "Closed",
  omitted: "Omitted",
};

const CATEGORY_ALIASES: Readonly<Record<string, ForecastCategory>> = {
  pipeline: "pipeline",
  "best case": "best case",
  bestcase: "best case",
  commit: "commit",
  closed: "closed",
  "closed won": "closed",
  closedwon: "closed",
  omitted: "omitted",
  omit: "omitted",
};

/**
 * Reads a forecast category the way Salesforce (Pipeline, Best Case, Commit, Closed, Omitted) and
 * HubSpot (Pipeline, Best case, Commit, Closed won; internal ids like BEST_CASE) write them.
 *
 * @param text a normalized label (see normalizeLabel) or null
 * @returns the category, or null when blank or unknown
 * @example
 * forecastCategory("best case"); // "best case"
 * forecastCategory("closed won"); // "closed"
 */
export function forecastCategory(text: string | null): ForecastCategory | null {
  if (text === null) return null;
  return CATEGORY_ALIASES[text] ?? null;
}

/**
 * The category a deal falls in when its row gives none: the stage's default (from the Stages
 * table) when known, else Closed for won, Omitted for lost and Pipeline for open deals (the
 * categories of Salesforce's default stages).
 *
 * @param given the deal's own category, or null
 * @param stageDefault the stage's default category, or null
 * @param outcome the deal's outcome
 * @returns the category to use
 * @example
 * categoryOrDefault(null, null, "won"); // "closed"
 */
export function categoryOrDefault(
  given: ForecastCategory | null,
  stageDefault: ForecastCategory | null,
  outcome: Outcome
): ForecastCategory {
  if (given) return given;
  if (stageDefault) return stageDefault;
  return outcome === "won" ? "closed" : outcome === "open" ? "pipeline" : "omitted";
}

/** A deal as its row gives it, with its outcome decided (see {@link dealState}). */
export interface DealFacts {
  readonly id: string;
  readonly stage: string;
  readonly outcome: Outcome;
  readonly amount: number;
  readonly expectedClose: number | null;
  readonly closedDate: number | null;
  readonly owner: string;
  /** The deal's own forecast category, or null. */
  readonly category: ForecastCategory | null;
  /** Its stage's default category (Stages table), or null. */
  readonly stageCategory: ForecastCategory | null;
}

/**
 * A deal's state for the history, the one rule for imported and sample deals alike: the close
 * date is the expected close while open and the closed date once closed (the expected close when
 * that is blank), as a whole day; the category is the deal's own, else its stage's, else the
 * outcome's default ({@link categoryOrDefault}).
 *
 * @param f the deal
 * @returns its state
 * @example
 * dealState({ id: "D1", stage: "Won", outcome: "won", amount: 5, expectedClose: 46000,
 *   closedDate: null, owner: "Ann", category: null, stageCategory: null }).closeDate; // 46000
 */
export function dealState(f: DealFacts): DealState {
  const close = f.outcome === "open" ? f.expectedClose : (f.closedDate ?? f.expectedClose);
  return {
    id: f.id,
    stage: f.stage,
    outcome: f.outcome,
    amount: f.amount,
    closeDate: close === null ? null : Math.floor(close),
    owner: f.owner,
    category: categoryOrDefault(f.category, f.stageCategory, f.outcome),
  };
}

/**
 * Whether two states of one deal are the same for the history (every tracked field equal).
 *
 * @param a one state
 * @param b another state
 * @returns true when nothing tracked changed
 * @example
 * sameState(deal, { ...deal }); // true
 */
export function sameState(a: DealState, b: DealState): boolean {
  return (
    a.stage === b.stage &&
    a.outcome === b.outcome &&
    a.amount === b.amount &&
    a.closeDate === b.closeDate &&
    a.owner === b.owner &&
    a.category === b.category
  );
}

/** Deals by ID as one snapshot saw them. */
export type Snapshot = ReadonlyMap<string, DealState>;

/**
 * The pipeline as it stood on a date, rebuilt from History rows: each deal's last row dated on
 * or before `date` (same date: the later row wins); deals whose last row says "removed" are left
 * out. Rows need not be sorted.
 *
 * Complexity: O(n) over the rows.
 *
 * @param rows the History rows, in table order
 * @param date the snapshot date (whole-day serial)
 * @returns the deals by ID
 * @example
 * stateAt(rows, toSerial(2026, 11, 27)).size; // deals in that week's snapshot
 */
export function stateAt(rows: readonly HistoryRow[], date: number): Map<string, DealState> {
  const latest = new Map<string, HistoryRow>();
  for (const r of rows) {
    if (r.snapshot > date) continue;
    const seen = latest.get(r.id);
    if (!seen || r.snapshot >= seen.snapshot) latest.set(r.id, r);
  }
  const out = new Map<string, DealState>();
  for (const [id, r] of latest) if (r.outcome !== "removed") out.set(id, r);
  return out;
}

/**
 * Each deal's rows in date order, one per snapshot date: the date's last row in table order, the
 * row stateAt rebuilds that snapshot from (an earlier row of the same date was amended by a
 * second import that day, so what it said was never the deal's state).
 *
 * Complexity: O(n log n) for sorting each deal's rows.
 *
 * @param rows the History rows, in table order
 * @returns each deal's rows by ID, oldest first
 * @example
 * dealTimelines(rows).get("D1")?.map((r) => r.stage); // ["Demo", "Proposal"]
 */
export function dealTimelines(rows: readonly HistoryRow[]): Map<string, HistoryRow[]> {
  const out = new Map<string, HistoryRow[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r);
    else out.set(r.id, [r]);
  }
  for (const [id, list] of out) {
    // Most deals have one row, or rows already in date order, one per date (the import appends
    // each snapshot's rows): nothing to sort or drop.
    let ordered = true;
    for (let i = 1; i < list.length && ordered; i++)
      ordered = list[i - 1].snapshot < list[i].snapshot;
    if (ordered) continue;
    // Stable sort: rows of one date stay in table order, so the last of a run is the date's own.
    list.sort((a, b) => a.snapshot - b.snapshot);
    out.set(
      id,
      list.filter((r, i) => i === list.length - 1 || list[i + 1].snapshot !== r.snapshot)
    );
  }
  return out;
}

/**
 * The History rows a new snapshot adds: deals that are new or changed since `previous`, and a
 * "removed" row for each deal of `previous` that `current` no longer has. Importing the same
 * deals again adds nothing.
 *
 * Complexity: O(n + m).
 *
 * @param previous the last snapshot (stateAt the latest snapshot date; empty for the first)
 * @param current the deals now, one state per ID (the caller has dropped rows without an ID)
 * @param date the new snapshot's date (whole-day serial)
 * @returns the rows to append, in the order of `current`, removals last
 * @example
 * snapshotRows(new Map(), deals, today).length; // deals.length: the first snapshot keeps all
 */
export function snapshotRows(
  previous: Snapshot,
  current: readonly DealState[],
  date: number
): HistoryRow[] {
  const out: HistoryRow[] = [];
  const seen = new Set<string>();
  for (const d of current) {
    seen.add(d.id);
    const before = previous.get(d.id);
    if (!before || !sameState(before, d)) out.push({ ...d, snapshot: date });
  }
  for (const [id, d] of previous) {
    if (!seen.has(id)) out.push({ ...d, outcome: "removed", snapshot: date });
  }
  return out;
}
