/**
 * Removes the sample rows setup added (key starting with "SAMPLE-"), leaving a user's rows alone
 * wherever they are. Three reads (tables, their headers, their key columns) and one write.
 */
import { ALL_TABLES } from "../../model/schema";
import { indexRect, rectAddress } from "../../model/a1";
import { isSampleKey } from "../../engine/sample/sampleData";
import { supportsExcelApi } from "../excelApi";
import { normalizeHeader } from "./headers";
import { SAMPLE_KEY_COLUMN } from "./sampleRows";
import { RemoveSampleReport, SetupProgress } from "./types";

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
 * Removes the sample rows (key starting with "SAMPLE-") from our tables. A user's rows are never
 * touched, wherever they are in the table (sorted tables interleave them).
 *
 * @param onProgress called with the phase and fraction done
 * @returns rows removed per table
 * @example
 * const { removed } = await removeSampleData();
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
      { table: Excel.Table; header: Excel.Range; body: Excel.Range; range: Excel.Range }
    >();
    for (const name of Object.keys(SAMPLE_KEY_COLUMN)) {
      const t = tables.items.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!t) continue;
      found.set(name, {
        table: t,
        header: t.getHeaderRowRange().load("values"),
        body: t.getDataBodyRange().load("rowCount"),
        range: t.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
      });
    }
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "reading", fraction: 0.3 });
    const keys = new Map<string, Excel.Range>();
    for (const [name, f] of found) {
      const at = f.header.values[0].findIndex(
        (x) => normalizeHeader(x) === normalizeHeader(SAMPLE_KEY_COLUMN[name])
      );
      if (at >= 0) keys.set(name, f.body.getColumn(at).load("values"));
    }
    syncs += 1;
    await context.sync();
    onProgress?.({ phase: "writing", fraction: 0.6 });
    const removed: { table: string; rows: number }[] = [];
    const canShrink = supportsExcelApi("1.13");
    context.application.suspendApiCalculationUntilNextSync();
    for (const [name, keyRange] of keys) {
      const { table, header, range } = found.get(name)!;
      const flags = keyRange.values.map((r) => isSampleKey(r[0]));
      const count = flags.filter(Boolean).length;
      if (count === 0) continue;
      removed.push({ table: table.name, rows: count });
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
    }
    if (removed.length > 0) {
      syncs += 1;
      await context.sync();
    }
    onProgress?.({ phase: "done", fraction: 1 });
    return { removed, syncs };
  });
}
