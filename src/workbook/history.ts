/**
 * The snapshot writer: after a deals import, appends to the History table the deals that
 * changed since the last snapshot, and records the snapshot in the Snapshots index
 * (src/engine/history/snapshot.ts explains the storage). Importing the same file again on the
 * same day adds nothing.
 *
 * Read → decide → write, in a fixed number of syncs for a given History size:
 * - sync 1 finds the History, Snapshots, Deals and Stages tables; sync 2 reads the nine Deals
 *   columns a snapshot keeps, the Stages table, the Snapshots index and History's row count;
 * - History body reads of at most HISTORY_READ_ROWS rows each (≈ 2.7 MB per response, under
 *   Excel on the web's 5 MB): 1 sync per 30,000 rows (9 for a year of weekly 20,000-deal
 *   snapshots, see `npm run bench -- history`);
 * - writes of at most HISTORY_WRITE_ROWS rows each, the index row with the last one (1 sync for
 *   a weekly import, 1 per 30,000 changed rows for a first import).
 * Only our own History and Snapshots tables are written, only by appending rows (and updating the
 * same day's index row); nothing of the user's is touched.
 */
import { HISTORY, REPORTING_AMOUNT, SNAPSHOTS, STAGES, TABLES } from "../model/schema";
import { cellDate } from "../engine/cells";
import { todaySerial } from "../engine/dates";
import { isError } from "../engine/errors";
import { readHistory } from "../engine/history/historyTable";
import { HISTORY_COLUMNS } from "../engine/history/snapshot";
import { dealStates, planSnapshot, stageInfo } from "../engine/history/snapshotPlan";
import { Unconverted, reportingAmounts } from "../engine/history/reportingAmounts";

/** History rows read per request. */
export const HISTORY_READ_ROWS = 30_000;
/** History rows written per request. */
export const HISTORY_WRITE_ROWS = 30_000;

/** What recording a snapshot did. */
export interface SnapshotReport {
  readonly status: "recorded" | "unchanged" | "noHistoryTable" | "failed";
  /** The snapshot date (serial). */
  readonly date: number;
  /** History rows appended. */
  readonly added: number;
  /** Deals in the snapshot. */
  readonly deals: number;
  /** Deals rows without a Deal ID (not tracked). */
  readonly withoutId: number;
  readonly syncs: number;
  readonly message?: string;
  /** Deals recorded with amount 0 because their currency has no rate (see reportingAmounts). */
  readonly unconverted?: readonly Unconverted[];
}

const DEAL_COLUMNS = {
  id: "Deal ID",
  stage: "Stage",
  amount: "Amount",
  expectedClose: "Expected Close",
  closedDate: "Closed Date",
  owner: "Owner",
  category: "Forecast Category",
  reportingAmount: REPORTING_AMOUNT,
  currency: "Currency",
} as const;

/**
 * Records a snapshot of the Deals table inside an Excel.run (the deals import calls it after a
 * successful write, in its own context).
 *
 * @param context the request context
 * @param date the snapshot date (default today)
 * @returns what was recorded
 * @example
 * await Excel.run((context) => recordSnapshot(context)); // { status: "recorded", added: 120, … }
 */
export async function recordSnapshot(
  context: Excel.RequestContext,
  date: number = todaySerial()
): Promise<SnapshotReport> {
  const day = Math.floor(date);
  let syncs = 0;
  const tables = context.workbook.tables;
  const history = tables.getItemOrNullObject(TABLES.history);
  const index = tables.getItemOrNullObject(TABLES.snapshots);
  const deals = tables.getItemOrNullObject(TABLES.deals);
  const stages = tables.getItemOrNullObject(TABLES.stages);
  await context.sync();
  syncs++;
  const empty = { date: day, added: 0, deals: 0, withoutId: 0 };
  if (history.isNullObject || index.isNullObject || deals.isNullObject)
    return { status: "noHistoryTable", ...empty, syncs };
  const historyHeader = history.getHeaderRowRange().load("values");
  const historyRange = history.getRange().load("rowCount");
  const historyTotals = history.load("showTotals");
  const indexBody = index.getDataBodyRange().load("values");
  const columns = Object.fromEntries(
    Object.entries(DEAL_COLUMNS).map(([k, name]) => [
      k,
      deals.columns.getItemOrNullObject(name).load("values"),
    ])
  ) as Record<keyof typeof DEAL_COLUMNS, Excel.TableColumn>;
  const stageBody = stages.isNullObject ? null : stages.getRange().load("values");
  await context.sync();
  syncs++;
  const headers = historyHeader.values[0].map(String);
  if (HISTORY_COLUMNS.some((h, i) => headers[i] !== h))
    return {
      status: "failed",
      ...empty,
      syncs,
      message: `the ${TABLES.history} table's columns are not ${HISTORY_COLUMNS.join(", ")}`,
    };

  // History body, in requests of at most HISTORY_READ_ROWS rows.
  const bodyRows = historyRange.rowCount - 1 - (historyTotals.showTotals ? 1 : 0);
  const grid: unknown[][] = [headers];
  for (let start = 0; start < bodyRows; start += HISTORY_READ_ROWS) {
    const n = Math.min(HISTORY_READ_ROWS, bodyRows - start);
    const part = history
      .getRange()
      .getRow(1 + start)
      .getResizedRange(n - 1, 0)
      .load("values");
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per 30,000 rows: the response size limit requires it
    await context.sync();
    syncs++;
    grid.push(...part.values);
  }
  const rows = readHistory(grid);
  if (isError(rows)) return { status: "failed", ...empty, syncs, message: rows.message };

  // Decide.
  const col = (k: keyof typeof DEAL_COLUMNS) =>
    columns[k].isNullObject ? [] : columns[k].values.slice(1).map((r) => r[0]);
  const ids = col("id");
  const fill = (cells: unknown[]) => (cells.length ? cells : ids.map(() => ""));
  const stageRows = stageBody ? stageBody.values : [];
  const sh = (stageRows[0] ?? []).map(String);
  const pick = (name: string) => stageRows.slice(1).map((r) => r[sh.indexOf(name)]);
  const info = stageInfo(
    pick(STAGES.columns[0].name),
    pick("Is Won"),
    pick("Is Lost"),
    pick("Forecast Category")
  );
  // Amounts in the reporting currency, as Deals[Reporting Amount] computed them at import time.
  const money = reportingAmounts(
    fill(col("amount")),
    columns.reportingAmount.isNullObject ? null : fill(col("reportingAmount")),
    fill(col("currency"))
  );
  const read = dealStates(
    {
      id: ids,
      stage: fill(col("stage")),
      amount: money.amounts,
      expectedClose: fill(col("expectedClose")),
      closedDate: fill(col("closedDate")),
      owner: fill(col("owner")),
      category: fill(col("category")),
    },
    info
  );
  const indexValues = indexBody.values;
  const placeholderIndex = indexValues.length === 1 && indexValues[0].every((v) => v === "");
  const indexDates = placeholderIndex ? [] : indexValues.map((r) => cellDate(r[0]) ?? null);
  const plan = planSnapshot(rows, indexDates, read.states, day);
  const base = {
    date: day,
    deals: plan.deals,
    withoutId: read.withoutId,
    ...(money.unconverted.length ? { unconverted: money.unconverted } : {}),
  };
  if (plan.indexRow === null) return { status: "unchanged", ...base, added: 0, syncs };

  // Write: append History rows in blocks; the index row goes with the last block.
  const placeholder = bodyRows === 1 && grid[1]?.every((v) => v === "");
  const blocks: (string | number)[][][] = [];
  for (let i = 0; i < plan.rows.length; i += HISTORY_WRITE_ROWS)
    blocks.push(plan.rows.slice(i, i + HISTORY_WRITE_ROWS) as (string | number)[][]);
  if (blocks.length === 0) blocks.push([]);
  for (let b = 0; b < blocks.length; b++) {
    let values = blocks[b];
    context.application.suspendApiCalculationUntilNextSync();
    if (b === 0 && placeholder && values.length > 0) {
      history.getDataBodyRange().getRow(0).values = [values[0]];
      values = values.slice(1);
    }
    if (values.length > 0) history.rows.add(undefined, values);
    if (b === blocks.length - 1) {
      const row = [plan.indexRow as (string | number)[]];
      if (plan.indexUpdate !== null) index.getDataBodyRange().getRow(plan.indexUpdate).values = row;
      else if (placeholderIndex) index.getDataBodyRange().getRow(0).values = row;
      else index.rows.add(undefined, row);
    }
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one request per 30,000 rows: the request size limit requires it
    await context.sync();
    syncs++;
  }
  return {
    status: "recorded",
    ...base,
    added: plan.rows.length,
    syncs,
  };
}

/** The tables recordSnapshot writes, for checks. */
export const HISTORY_TABLES = [HISTORY.name, SNAPSHOTS.name] as const;
