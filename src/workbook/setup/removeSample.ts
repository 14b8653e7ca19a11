/**
 * Removes the sample rows setup added (key starting with "SAMPLE-"), leaving a user's rows alone
 * wherever they are. Three reads (tables, their headers, their key columns) and one write, which
 * also reads the key columns back: the report says what Excel really removed.
 *
 * A table with a filter on is refused before anything is written: Excel silently keeps the rows
 * of a filtered table that `TableRow.delete()` is asked to remove (office-js issue 994), and
 * clearing the user's filter to re-apply it afterwards is unreliable (issues 468, 3030, 1226; see
 * preview/excel/README.md), so the user is asked to clear it.
 */
import { ALL_TABLES } from "../../model/schema";
import { indexRect, rectAddress } from "../../model/a1";
import { isSampleKey } from "../../engine/sample/sampleData";
import { supportsExcelApi } from "../excelApi";
import { normalizeHeader } from "./headers";
import { SAMPLE_KEY_COLUMN } from "./sampleRows";
import { RemoveSampleReport, SampleKeptReason, SetupProgress } from "./types";

/** How to take sample rows out of one table. */
export interface RemovalPlan {
  /** New number of body rows when a trailing run of sample rows is cut off (null: none). */
  readonly shrinkTo: number | null;
  /** The table held only sample rows: its one remaining row is emptied. */
  readonly clearFirst: boolean;
  /** Other sample rows, deleted one by one (descending, so indexes stay valid). */
  readonly deletes: readonly number[];
}

/**
 * Plans the removal of sample rows. Sample rows are usually the table's last rows (appended after
 * the user's); those are cut off by shrinking the table, two operations whatever their number.
 * Rows elsewhere (a sorted table) are deleted as table rows. Excel keeps at least one body row.
 *
 * @param isSample per body row, whether it is a sample row
 * @param canShrink whether Table.resize is available (ExcelApi 1.13)
 * @returns the plan
 * @example
 * planRemoval([false, true, false, true, true], true); // { shrinkTo: 3, clearFirst: false, deletes: [1] }
 */
export function planRemoval(isSample: readonly boolean[], canShrink: boolean): RemovalPlan {
  let start = isSample.length;
  if (canShrink) while (start > 0 && isSample[start - 1]) start -= 1;
  const deletes: number[] = [];
  for (let i = start - 1; i >= 0; i--) if (isSample[i]) deletes.push(i);
  if (start === isSample.length) return { shrinkTo: null, clearFirst: false, deletes };
  return { shrinkTo: Math.max(1, start), clearFirst: start === 0, deletes };
}

/**
 * Whether a table counts as filtered for removing rows: its AutoFilter has criteria (ExcelApi
 * 1.9), or, where the host cannot say, some of its body rows are hidden (`rowHidden` is true or
 * null): Excel would keep the rows of a filtered table, and on those hosts the two cannot be told
 * apart, so hidden rows are treated as a filter rather than risk removing some rows and not others.
 *
 * @param isDataFiltered `autoFilter.isDataFiltered`, or null where ExcelApi 1.9 is missing
 * @param rowHidden the body range's `rowHidden` (null: some rows hidden)
 * @returns true when rows must not be deleted
 * @example
 * looksFiltered(null, null); // true: some rows are hidden and the host cannot say why
 */
export function looksFiltered(isDataFiltered: boolean | null, rowHidden: boolean | null): boolean {
  return isDataFiltered ?? rowHidden !== false;
}

/**
 * Removes the sample rows (key starting with "SAMPLE-") from our tables. A user's rows are never
 * touched, wherever they are in the table (sorted tables interleave them). When a table holding
 * sample rows has a filter on, nothing is removed from any table and the report's `kept` names it
 * (reason `filtered`); rows Excel keeps anyway are reported as `notRemoved`, never as removed.
 *
 * @param onProgress called with the phase and fraction done
 * @returns rows removed per table, and sample rows kept with why
 * @example
 * const { removed, kept } = await removeSampleData();
 */
export async function removeSampleData(
  onProgress?: (p: SetupProgress) => void
): Promise<RemoveSampleReport> {
  return Excel.run(async (context) => {
    let syncs = 0;
    onProgress?.({ phase: "reading", fraction: 0 });
    const tables = context.workbook.tables.load("items/name,items/showTotals");
    syncs += 1;
    await context.sync();
    const found = new Map<
      string,
      {
        table: Excel.Table;
        header: Excel.Range;
        body: Excel.Range;
        range: Excel.Range;
        filter: Excel.AutoFilter | null;
      }
    >();
    const knowsFilters = supportsExcelApi("1.9");
    for (const name of Object.keys(SAMPLE_KEY_COLUMN)) {
      const t = tables.items.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) continue;
      found.set(name, {
        table: t,
        header: t.getHeaderRowRange().load("values"),
        body: t.getDataBodyRange().load(knowsFilters ? "rowCount" : "rowCount,rowHidden"),
        range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
        filter: knowsFilters ? t.autoFilter.load("isDataFiltered") : null,
      });
    }
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "reading", fraction: 0.3 });
    const keys = new Map<string, Excel.Range>();
    const keyAt = new Map<string, number>();
    for (const [name, f] of found) {
      const at = f.header.values[0].findIndex(
        (x) => normalizeHeader(x) === normalizeHeader(SAMPLE_KEY_COLUMN[name])
      );
      if (at < 0) continue;
      keys.set(name, f.body.getColumn(at).load("values"));
      keyAt.set(name, at);
    }
    syncs += 1;
    await context.sync();
    const removed: { table: string; rows: number }[] = [];
    const kept: { table: string; rows: number; reason: SampleKeptReason }[] = [];
    const sample = new Map<string, boolean[]>();
    for (const [name, keyRange] of keys) {
      const flags = keyRange.values.map((r) => isSampleKey(r[0]));
      const count = flags.filter(Boolean).length;
      if (count === 0) continue;
      sample.set(name, flags);
      const { table, body, filter } = found.get(name)!;
      const hidden = knowsFilters ? false : body.rowHidden;
      if (looksFiltered(filter ? filter.isDataFiltered : null, hidden))
        kept.push({ table: table.name, rows: count, reason: "filtered" });
    }
    // Any filtered table: nothing is removed anywhere, so one retry after clearing it does it all.
    if (kept.length > 0) {
      onProgress?.({ phase: "done", fraction: 1 });
      return { removed, kept, syncs };
    }
    onProgress?.({ phase: "writing", fraction: 0.6 });
    const canShrink = supportsExcelApi("1.13");
    const readBack = new Map<string, Excel.Range>();
    context.application.suspendApiCalculationUntilNextSync();
    for (const [name, flags] of sample) {
      const { table, header, range } = found.get(name)!;
      const plan = planRemoval(flags, canShrink && !table.showTotals);
      const { rowIndex: r0, columnIndex: c0, columnCount: cols } = range;
      if (plan.shrinkTo !== null) {
        const sheet = table.worksheet;
        table.resize(sheet.getRange(rectAddress(indexRect(r0, c0, 1 + plan.shrinkTo, cols))));
        // The cells the table gave back held only sample rows: clear their values and formats.
        // Their dropdowns stay, so rows the user adds later get them again with the table.
        sheet
          .getRange(
            rectAddress(indexRect(r0 + 1 + plan.shrinkTo, c0, flags.length - plan.shrinkTo, cols))
          )
          .clear("All");
        if (plan.clearFirst) {
          sheet.getRange(rectAddress(indexRect(r0 + 1, c0, 1, cols))).clear("Contents");
          // Keep the calculated column (e.g. Probability) alive in the emptied row.
          const spec = ALL_TABLES.find((t) => t.name === name);
          header.values[0].forEach((h, i) => {
            const col = spec?.columns.find((c) => normalizeHeader(c.name) === normalizeHeader(h));
            if (col?.formula) {
              sheet.getRange(rectAddress(indexRect(r0 + 1, c0 + i, 1, 1))).formulas = [
                [col.formula],
              ];
            }
          });
        }
      }
      // Remaining sample rows one by one, bottom-up (a TableRow deletion shifts only the
      // table's own cells, never a neighbouring table on the same sheet).
      for (const i of plan.deletes) table.rows.getItemAt(i).delete();
      // Queued after the writes, so the same sync answers with the table as Excel left it.
      readBack.set(name, table.getDataBodyRange().getColumn(keyAt.get(name)!).load("values"));
    }
    if (sample.size > 0) {
      syncs += 1;
      await context.sync();
    }
    for (const [name, after] of readBack) {
      const table = found.get(name)!.table.name;
      const before = sample.get(name)!.filter(Boolean).length;
      const left = after.values.filter((r) => isSampleKey(r[0])).length;
      if (before > left) removed.push({ table, rows: before - left });
      if (left > 0) kept.push({ table, rows: left, reason: "notRemoved" });
    }
    onProgress?.({ phase: "done", fraction: 1 });
    return { removed, kept, syncs };
  });
}
