/**
 * Reads the History table as SALES functions receive it (`History[#All]`: the header row, then
 * the rows) into typed rows. Columns are found by header, so a user may reorder or add columns.
 */
import { cellDate, cellLabel, cellNumber, cellText, isBlankText, normalizeLabel } from "../cells";
import { Result } from "../errors";
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
  const outcomeAt = index.get("outcome");
  const ownerAt = index.get("owner");
  const categoryAt = index.get("forecast category");
  // Outcome and category columns hold a handful of distinct texts: read each once.
  const outcomes = new Map<unknown, Outcome | undefined>();
  const categories = new Map<unknown, ForecastCategory | null>();
  const bad = (r: number, row: unknown[], column: string, what: string) =>
    errors.badTableCell(TABLE, r, column, row[at[column] ?? 0], what);
  const out: HistoryRow[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || row.every(isBlankText)) continue;
    const snapshot = cellDate(row[at.Snapshot]);
    if (snapshot === null || snapshot === undefined) return bad(r, row, "Snapshot", "a date");
    const id = cellText(row[at["Deal ID"]]);
    if (id === "") return bad(r, row, "Deal ID", "a deal ID");
    const stage = cellText(row[at.Stage]);
    const amount = cellNumber(row[at.Amount]);
    if (amount === undefined) return bad(r, row, "Amount", "a number");
    const closeDate = cellDate(row[at["Close Date"]]);
    if (closeDate === undefined) return bad(r, row, "Close Date", "a date");
    const rawOutcome = outcomeAt === undefined ? null : row[outcomeAt];
    let outcome = outcomes.get(rawOutcome);
    if (outcome === undefined) {
      outcome = outcomeOf(rawOutcome, stage);
      // A blank outcome is judged from the stage: not cached.
      if (!isBlankText(rawOutcome)) outcomes.set(rawOutcome, outcome);
    }
    if (outcome === undefined)
      return errors.badTableCell(
        TABLE,
        r,
        "Outcome",
        row[outcomeAt ?? 0],
        "Open, Won, Lost or Removed"
      );
    out.push({
      snapshot: Math.floor(snapshot),
      id,
      stage,
      outcome,
      amount: amount ?? 0,
      closeDate: closeDate === null ? null : Math.floor(closeDate),
      owner: ownerAt === undefined ? "" : cellText(row[ownerAt]),
      category: categoryAt === undefined ? null : categoryOf(categories, row[categoryAt]),
    });
  }
  return out;
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
