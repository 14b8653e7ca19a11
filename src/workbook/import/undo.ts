/**
 * Undo of an interrupted import: removes the rows it added at the end of the table, and nothing
 * else. The table must still look as the import left it (same body row count, the same IDs in
 * those rows); otherwise the user changed it since, and nothing is removed. A table with a filter
 * on is refused too (Excel does not delete the rows of a filtered table, office-js issue 994, and
 * the user's filter is never cleared for them: preview/excel/README.md), and the body row count is
 * read back in the write's sync, so rows Excel kept are never reported as removed.
 *
 * The table is shrunk back over its earlier rows (`Table.resize`, ExcelApi 1.13) and the cells
 * of the added rows are cleared; a table keeps at least one body row, so undoing a new table's
 * only rows leaves one empty row, as Setup made it. Cells that `rows.add` pushed down stay where
 * they are now (below the cleared rows). Hosts without ExcelApi 1.13 (the manifest asks for 1.8)
 * have no `Table.resize`: there the added rows are deleted bottom up (`TableRow.delete`, 1.1),
 * which moves the cells `rows.add` pushed down back up.
 */
import { DEALS, LEADS } from "../../model/schema";
import { idKey } from "../../engine/csv/upsert";
import type { AddedRows } from "../import";
import { ImportError } from "../errors";
import { supportsExcelApi } from "../excelApi";

/**
 * Removes the rows an interrupted import added (at most four syncs: find the table, read it,
 * read the added IDs when there are any, write and read back).
 *
 * @param rows what the import report's failure.undo says it added
 * @returns the number of rows removed
 * @throws ImportError "noTable" or "tableChanged" when the table is gone or changed since;
 *   "tableFiltered" when it has a filter on (nothing written) or Excel kept rows (read back)
 * @example
 * if (report.failure?.undo) await undoAdded(report.failure.undo);
 */
export async function undoAdded(rows: AddedRows): Promise<number> {
  const spec = rows.target === "Leads" ? LEADS : DEALS;
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItemOrNullObject(spec.name);
    await context.sync();
    if (table.isNullObject) throw new ImportError("noTable", `there is no ${spec.name} table`);
    const header = table.getHeaderRowRange();
    header.load("values");
    const body = table.getDataBodyRange();
    body.load("rowCount");
    const whole = table.getRange();
    const filter = supportsExcelApi("1.9") ? table.autoFilter.load("isDataFiltered") : null;
    await context.sync();
    if (body.rowCount !== rows.tableRows) {
      throw new ImportError(
        "tableChanged",
        `the ${spec.name} table has ${body.rowCount} rows, not ${rows.tableRows} as the import left it`
      );
    }
    if (filter?.isDataFiltered) {
      throw new ImportError(
        "tableFiltered",
        `the ${spec.name} table has a filter on: clear the filter on the ${spec.name} table, then try again`,
        [],
        0,
        [],
        { table: spec.name }
      );
    }
    const added = body.getRow(rows.startRow).getResizedRange(rows.count - 1, 0);
    const idAt = header.values[0].findIndex((h) => String(h).trim() === spec.idColumn);
    if (rows.ids.length > 0) {
      if (idAt === -1) throw new ImportError("tableChanged", `${spec.idColumn} is gone`);
      const ids = added.getColumn(idAt);
      ids.load("values");
      await context.sync();
      const have = ids.values.map((r) => idKey(r[0])).filter((v) => v !== null);
      if (have.join("\n") !== rows.ids.join("\n")) {
        throw new ImportError("tableChanged", `the rows added to ${spec.name} were changed since`);
      }
    }
    // Keep the header and the rows before the import (at least one body row).
    const keep = Math.max(rows.startRow, 1);
    if (rows.startRow === 0) body.getRow(0).clear(Excel.ClearApplyTo.contents);
    if (supportsExcelApi("1.13")) {
      table.resize(whole.getRow(0).getResizedRange(keep, 0));
      const cut = rows.startRow === 0 ? rows.count - 1 : rows.count;
      if (cut > 0)
        body
          .getRow(keep)
          .getResizedRange(cut - 1, 0)
          .clear(Excel.ClearApplyTo.all);
    } else {
      // Bottom up, so each index still names its row.
      for (let i = rows.startRow + rows.count - 1; i >= keep; i--) table.rows.getItemAt(i).delete();
    }
    // Queued after the writes: the same sync answers with the table as Excel left it.
    const after = table.getDataBodyRange().load("rowCount");
    await context.sync();
    if (after.rowCount !== keep) {
      const count = after.rowCount - keep;
      throw new ImportError(
        "tableFiltered",
        `Excel kept ${count} of the rows added to ${spec.name}: clear the filter on the ${spec.name} table, then try again`,
        [],
        0,
        [],
        { table: spec.name, count }
      );
    }
    return rows.count;
  });
}
