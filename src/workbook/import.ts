/**
 * Imports a CRM export (CSV text) into the Leads or Deals table: updates the rows whose record ID
 * is already there, adds the others, never touches rows without an ID (added by hand), columns
 * the file does not map, or formula columns the file leaves blank.
 *
 * Safety and round trips (atomic by construction: every check runs before the first write):
 * - The whole file is parsed, mapped and validated (src/engine/csv) before anything is read from
 *   or written to the workbook; a malformed file, an undecided day/month order or decimal mark,
 *   a text over 32,767 characters, a Hijri date column or a missing table is an `ImportError`
 *   and nothing is written.
 * - Then the plan is checked against the table: a table Setup calls foreign (too few of our
 *   columns) is never written; every request fits 4 MB (a row that cannot is an error naming its
 *   line); the rows added fit the sheet (1,048,576 rows).
 * - Text is kept as text per cell: each request sets "@" on the text cells Excel would read as
 *   a formula, number, date or boolean, then writes the values (see engine/csv/injection.ts).
 * - Sync 1 finds the table (and its ID column); sync 2 reads its header, its ID column and its
 *   first body row (values and number formats) in one request.
 * - Then one sync per write block, each block one request of at most 4 MB (`planWrites`); every
 *   block holds whole rows, so the table is consistent after each sync. Total syncs:
 *   `2 + blocks`, with blocks ≈ payload ÷ 3.75 MB (4 syncs for a small import: find, read,
 *   updates, appends).
 * - Calculation is suspended during each write (`suspendApiCalculationUntilNextSync`).
 * - If Excel still refuses a request, the blocks before it are written and the report says which
 *   rows those were (nothing after it is sent), with what `undoAdded` needs to remove the rows
 *   this import added.
 * - Rows whose ID the file lacks are never touched, only listed (`notInFile`). The import cannot
 *   tell a deal deleted in the CRM from a partial export, another CRM's deals in the same table
 *   or a deal the user typed in, so deleting is left to the user; a row the user deletes shows as
 *   Removed in the next snapshot.
 */
import { LEADS, DEALS, TableSpec } from "../model/schema";
import { recordSnapshot, SnapshotReport } from "./history";
import { loadMerges, matchHeaders, parseAreas, rowGrowthBlocker } from "./setup";
import { indexRect } from "../model/a1";
import { ImportError } from "./errors";
import { listSheets, readSheet } from "./import/sheetSource";
import { undoAdded } from "./import/undo";
import { prepareCsv, prepareImport, Prepared } from "../engine/csv/prepare";
import type { DecimalMark } from "../engine/csv/numbers";
import type { ParsedCsv } from "../engine/csv/parse";
import { Mapping } from "../engine/csv/mapping";
import { PresetId } from "../engine/csv/presets";
import { planUpsert } from "../engine/csv/upsert";
import { blankRows, planWrites, WriteBlock } from "../engine/csv/writePlan";
import { DayMonthOrder, ImportTarget, RowProblem } from "../engine/csv/types";
import { StageAddition } from "../engine/stageVocabulary";
import { withCurrencyFormats } from "./amountFormats";
import type { StageRenaming } from "../engine/csv/tableStageNames";
import {
  closedStages,
  findStages,
  loadStages,
  planStageAdditions,
  planStageNames,
  writeStageAdditions,
} from "./stageAdditions";
import { closeByStageTable } from "../engine/csv/stageWords";

/** The last row of a worksheet. */
export const SHEET_ROWS = 1048576;

/** What to import. */
export interface ImportRequest {
  readonly target: ImportTarget;
  /** The file's text (CSV); or `grid` instead. */
  readonly text?: string;
  /** Cells already read (an XLSX file, a sheet of this workbook), instead of `text`. */
  readonly grid?: ParsedCsv;
  /** The delimiter of `text`, where the user chose one. */
  readonly delimiter?: string;
  /** The decimal mark per number column whose values read both ways. */
  readonly numberMarks?: Readonly<Record<string, DecimalMark>>;
  /** Cut texts over 32,767 characters (the user agreed) instead of refusing the file. */
  readonly truncateLongText?: boolean;
  /** One of our columns (or null) per header of the file; detected when omitted. */
  readonly mapping?: Mapping;
  /** The export's preset, null for "any CSV"; detected when omitted. */
  readonly source?: PresetId | null;
  /** The day/month order for numeric dates the file does not decide. */
  readonly dateOrder?: DayMonthOrder;
  /** The date of the History snapshot a deals import records (serial; default today). */
  readonly snapshotDate?: number;
}

/** Progress of an import: the phase and the rows written so far. */
export interface ImportProgress {
  readonly phase: "reading" | "writing" | "done";
  /** Rows written so far (added + updated). */
  readonly done: number;
  /** Rows to write in all. */
  readonly total: number;
}

/** Rows of the file written to the table by one request. */
export interface WrittenRange {
  readonly kind: "updated" | "added";
  /** First and last table body row written (1-based, as a person counts rows under the header). */
  readonly tableRows: readonly [number, number];
  /** The file lines those rows came from. */
  readonly lines: readonly number[];
}

/** A row of the file that was not imported, with why. */
export interface SkippedRow {
  readonly line: number;
  readonly problems: readonly RowProblem[];
}

/** What an import did. */
export interface ImportReport {
  readonly target: ImportTarget;
  readonly source: PresetId | null;
  readonly added: number;
  readonly updated: number;
  readonly skipped: readonly SkippedRow[];
  /** What each request wrote, in order. */
  readonly written: readonly WrittenRange[];
  /** Headers of the file left unmapped. */
  readonly unmapped: readonly string[];
  /** Mapped columns the table no longer has (their values were not written). */
  readonly missingColumns: readonly string[];
  /** Report footer lines dropped from the file. */
  readonly footer: readonly string[];
  /** False when the file has no ID column: every row was added. */
  readonly upserted: boolean;
  /** IDs the table already held more than once (only the first such row was updated). */
  readonly tableDuplicateIds: readonly string[];
  /** IDs of table rows the file (with an ID column) does not list, in table order. */
  readonly notInFile?: readonly string[];
  /** context.sync() calls made. */
  readonly syncs: number;
  /** Stages of the file the Stages table lacked, added to it (assumed probabilities flagged). */
  readonly stagesAdded?: readonly StageAddition[];
  /** Stage ids of the file written as the Stages table's names (contractsent → Contract Sent). */
  readonly stagesNamed?: readonly StageRenaming[];
  /** Amounts with a shared symbol ($) and no currency: counted in the reporting currency. */
  readonly currencyAssumed?: { readonly symbol: string; readonly rows: number };
  /** Texts cut to 32,767 characters (the user agreed), by line and column. */
  readonly truncated: readonly { readonly line: number; readonly column: string }[];
  /** Set when a write failed: rows of the blocks before it are written, later ones are not. */
  readonly failure?: {
    readonly message: string;
    readonly rowsNotWritten: number;
    /** The rows this import added before the failure (what undoAdded removes), if any. */
    readonly undo: AddedRows | null;
  };
  /** The History snapshot a complete deals import recorded (src/workbook/history.ts). */
  readonly history?: SnapshotReport;
}

/** Rows an import added at the end of a table: enough to remove exactly those again. */
export interface AddedRows {
  readonly target: ImportTarget;
  /** 0-based table body row of the first added row. */
  readonly startRow: number;
  readonly count: number;
  /** The body row count the table had right after the import (a changed table is not touched). */
  readonly tableRows: number;
  /** The IDs written into those rows, in order (empty when the file has no ID column). */
  readonly ids: readonly string[];
}

export { ImportError } from "./errors";
export type { ImportErrorCode, ImportErrorDetail } from "./errors";

/** The Import section's workbook actions. */
export interface ImportActions {
  importRecords(
    request: ImportRequest,
    onProgress?: (p: ImportProgress) => void
  ): Promise<ImportReport>;
  /** Removes the rows an interrupted import added; resolves to the number removed. */
  undoAdded(rows: AddedRows): Promise<number>;
  /** The worksheets of this workbook, and the selected range's address (to import from). */
  listSheets(): Promise<SheetChoice>;
  /** Reads a sheet's used range, or an address on it, as cells to map and import. */
  readSheet(sheet: string, address?: string): Promise<ParsedCsv>;
}

/** The sheets a user can import from, and the current selection. */
export interface SheetChoice {
  readonly sheets: readonly string[];
  /** The selected range ("Sheet1!A1:F20"), when more than one cell is selected. */
  readonly selection: string | null;
}

function specOf(target: ImportTarget): TableSpec {
  return target === "Leads" ? LEADS : DEALS;
}

/** Prepares the file or throws the ImportError that says why it cannot be imported. */
function prepared(request: ImportRequest): Prepared {
  const options = {
    target: request.target,
    mapping: request.mapping,
    preset: request.source,
    dateOrder: request.dateOrder,
    numberMarks: request.numberMarks,
    truncateLongText: request.truncateLongText,
    delimiter: request.delimiter,
  };
  const p = request.grid
    ? prepareCsv(request.grid, options)
    : prepareImport(request.text ?? "", options);
  if (!p.ok) {
    const f = p.failure;
    if (f.code === "malformed") {
      throw new ImportError("malformed", "the file cannot be read as CSV", f.issues, f.more);
    }
    if (f.code === "badMapping") throw new ImportError("badMapping", f.message);
    throw new ImportError("nothingMapped", "no column of the file is mapped");
  }
  if (p.value.records.needsDateOrder) {
    throw new ImportError(
      "needsDateOrder",
      "dates such as 03/04/2024 could be day/month or month/day: choose the order"
    );
  }
  const { records } = p.value;
  if (records.needsNumberChoice) {
    const columns = records.numbers.filter((n) => n.needsChoice);
    throw new ImportError(
      "needsNumberFormat",
      `${columns.map((c) => `${c.column} (${c.example})`).join(", ")}: amounts such as 5.000 read as 5 or 5000: choose the decimal mark`,
      [],
      0,
      columns.map((c) => ({ column: c.column }))
    );
  }
  const hijri = records.hijri ?? [];
  if (hijri.length > 0) {
    const first = hijri[0].error;
    throw new ImportError(
      "hijriDates",
      first.message,
      [],
      0,
      hijri.map((h) => ({ line: h.line, column: h.column, header: h.header, count: h.count })),
      { en: first.message, ar: first.ar ?? first.message }
    );
  }
  if (records.tooLong.length > 0) {
    const first = records.tooLong[0];
    throw new ImportError(
      "cellTooLong",
      `line ${first.line}, ${first.column}: ${first.length} characters, a cell holds at most 32,767`,
      [],
      0,
      records.tooLong.map((t) => ({
        line: t.line,
        column: t.column,
        header: t.header,
        count: t.length,
      }))
    );
  }
  return p.value;
}

function skippedRows(problems: readonly RowProblem[]): SkippedRow[] {
  const byLine = new Map<number, RowProblem[]>();
  for (const p of problems) byLine.set(p.line, [...(byLine.get(p.line) ?? []), p]);
  return [...byLine].map(([line, list]) => ({ line, problems: list }));
}

/**
 * Imports a CSV export into the Leads or Deals table (see the module comment for the rules).
 *
 * @param request the target table, the file's text, and optionally mapping, source and date order
 * @param onProgress called after each request with the rows written so far
 * @returns what was added, updated and skipped, and which rows each request wrote
 * @throws ImportError when nothing can be written (malformed file, no table, …)
 * @example
 * const report = await importRecords({ target: "Deals", text: await file.text() });
 * report.added; // 120
 */
export async function importRecords(
  request: ImportRequest,
  onProgress?: (p: ImportProgress) => void
): Promise<ImportReport> {
  const prep = prepared(request);
  const spec = specOf(request.target);
  const { records } = prep;
  onProgress?.({ phase: "reading", done: 0, total: prep.ready });

  return Excel.run(async (context) => {
    let syncs = 0;
    const table = context.workbook.tables.getItemOrNullObject(spec.name);
    table.load("showTotals, name");
    // Every table, to find those on the same sheet (read through the workbook: the table may be
    // missing, and a null object has no worksheet).
    const allTables = context.workbook.tables.load("items/name");
    const idColumn = table.columns.getItemOrNullObject(spec.idColumn ?? "");
    const stagesTable = request.target === "Deals" ? findStages(context) : null;
    await context.sync();
    syncs++;
    if (table.isNullObject) {
      throw new ImportError("noTable", `there is no ${spec.name} table: run Setup first`);
    }
    if (records.idMapped && idColumn.isNullObject) {
      throw new ImportError("noIdColumn", `the ${spec.name} table has no ${spec.idColumn} column`);
    }
    const whole = table.getRange();
    whole.load("rowCount, rowIndex");
    const header = table.getHeaderRowRange();
    header.load("values");
    const idRange = idColumn.isNullObject ? null : idColumn.getRange();
    idRange?.load("values");
    // The row under the header: the first body row, or the cells below a header-only table.
    const firstRow = header.getOffsetRange(1, 0);
    firstRow.load("values, numberFormat");
    const stages = stagesTable && !stagesTable.isNullObject ? loadStages(stagesTable) : null;
    // What rows added through the table would have to move: merges and tables in its columns.
    whole.load("columnIndex, columnCount");
    const merges = loadMerges(whole.getEntireColumn());
    const sheet = table.worksheet.load("name");
    const others = allTables.items
      .filter((t) => t.name.toLowerCase() !== table.name.toLowerCase())
      .map((t) => ({
        name: t.name,
        sheet: t.worksheet.load("name"),
        range: t.getRange().load("rowIndex, columnIndex, rowCount, columnCount"),
      }));
    await context.sync();
    syncs++;

    const headers = header.values[0].map((h) => String(h));
    // A table Setup left alone as foreign (the user's own "Deals") is never written.
    if (!matchHeaders(spec, headers).compatible) {
      throw new ImportError(
        "foreignTable",
        `the ${spec.name} table is not one Setup made (its columns are ${headers.join(", ")}): rename it, then run Setup to add ours`
      );
    }
    const bodyRows = whole.rowCount - 1 - (table.showTotals ? 1 : 0);
    const existingIds = idRange ? idRange.values.slice(1, 1 + bodyRows).map((r) => r[0]) : [];
    const first = bodyRows > 0 ? firstRow.values[0] : [];
    const placeholder = bodyRows === 1 && first.every((v) => v === "" || v === null);

    const plan = planUpsert(placeholder ? [] : existingIds, records.ids, prep.skip);
    const loadedStages = stages;
    const stageTable = loadedStages && {
      header: loadedStages.header.values[0],
      body: loadedStages.body.values,
    };
    // One spelling per stage in Deals: an id the table lists under a label is written as the label.
    const named = planStageNames(stageTable, records, prep.skip);
    const stagesAdded = planStageAdditions(stageTable, named.records, prep.skip, prep.preset?.id);
    // Stages the workbook's own table marks won/lost close their deals too ("Signed").
    const closed = closedStages(stageTable);
    const { blocks, missingColumns, oversized } = planWrites(
      spec,
      headers,
      bodyRows,
      closed ? closeByStageTable(named.records, closed) : named.records,
      plan,
      { placeholder }
    );
    if (oversized.length > 0) {
      throw new ImportError(
        "rowTooLarge",
        `line ${prep.csv.lines[oversized[0].fileRow]}: the row is ${Math.round(oversized[0].bytes / 1e6)} MB, more than one request to Excel can carry (4 MB)`,
        [],
        0,
        oversized.map((o) => ({ line: prep.csv.lines[o.fileRow], count: o.bytes }))
      );
    }
    const newRows = plan.appends.length - (placeholder && plan.appends.length > 0 ? 1 : 0);
    const lastRow = whole.rowIndex + whole.rowCount + newRows; // 1-based last row after adding
    if (lastRow > SHEET_ROWS) {
      throw new ImportError(
        "sheetFull",
        `adding ${newRows} rows would take the table past the sheet's last row (${SHEET_ROWS})`,
        [],
        0,
        [{ count: lastRow - SHEET_ROWS }]
      );
    }
    if (newRows > 0) {
      const rectOf = (r: Excel.Range) =>
        indexRect(r.rowIndex, r.columnIndex, r.rowCount, r.columnCount);
      const blocker = rowGrowthBlocker(
        rectOf(whole),
        !merges || merges.isNullObject ? [] : parseAreas(merges.address),
        others
          .filter((o) => o.sheet.name === sheet.name)
          .map((o) => ({ name: o.name, sheet: o.sheet.name, rect: rectOf(o.range) }))
      );
      if (blocker) {
        const params = {
          table: spec.name,
          sheet: sheet.name,
          cell: blocker.address,
          ...(blocker.table ? { other: blocker.table } : {}),
        };
        throw blocker.kind === "table"
          ? new ImportError(
              "tableInTheWay",
              `the table ${blocker.table} (${sheet.name}!${blocker.address}) crosses the columns below ${spec.name}: Excel cannot add rows through ${spec.name}; move ${blocker.table}`,
              [],
              0,
              [],
              params
            )
          : new ImportError(
              "mergeInTheWay",
              `the merged cells ${sheet.name}!${blocker.address} cross the columns below ${spec.name}: Excel cannot add rows through it; unmerge ${blocker.address} or move it`,
              [],
              0,
              [],
              params
            );
      }
    }

    const written: WrittenRange[] = [];
    let added = 0;
    let updated = 0;
    let failure: ImportReport["failure"];
    const total = blocks.reduce((n, b) => n + b.fileRows.length, 0);
    onProgress?.({ phase: "writing", done: 0, total });
    // One block per request: blocks are sized to the request limit, so the number of syncs
    // grows with the payload, not with rows or columns (office-addins/no-context-sync-in-loop
    // guards against per-row syncs; this loop is the chunking the limit requires).
    const writeBlock = (block: WriteBlock): void => {
      context.application.suspendApiCalculationUntilNextSync();
      const n = block.values.length;
      if (block.kind === "append") table.rows.add(undefined, blankRows(n, headers.length));
      // Relative to the table as it is when the request runs (after rows.add).
      const target = table
        .getRange()
        .getRow(1 + block.startRow)
        .getResizedRange(n - 1, 0);
      // Formats first: a text cell must be "@" before its value arrives (null leaves a format).
      const formats = withCurrencyFormats(block.formats, block.values, headers);
      if (formats) target.numberFormat = formats as unknown[][] as string[][];
      target.values = block.values as unknown[][] as string[][];
    };
    const addedIds: string[] = [];
    let addedFrom = -1;
    for (let i = 0; i < blocks.length; i++) {
      const block = blocks[i];
      // New stages go with the first rows, so the stage vocabulary never lags the deals.
      if (i === 0 && loadedStages) writeStageAdditions(loadedStages, stagesAdded);
      writeBlock(block);
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        syncs++;
      } catch (e) {
        syncs++;
        const notWritten = blocks.slice(i).reduce((n, b) => n + b.fileRows.length, 0);
        failure = {
          message: e instanceof Error ? e.message : String(e),
          rowsNotWritten: notWritten,
          undo:
            addedFrom === -1
              ? null
              : {
                  target: request.target,
                  startRow: addedFrom,
                  count: added,
                  tableRows: addedFrom + added,
                  ids: addedIds,
                },
        };
        break;
      }
      const rows = block.kind === "update" ? block.fileRows.length : block.values.length;
      if (block.kind === "update") updated += rows;
      else {
        if (addedFrom === -1) addedFrom = block.startRow;
        added += rows;
        for (const r of block.fileRows) if (records.ids[r] !== null) addedIds.push(records.ids[r]!);
      }
      written.push({
        kind: block.kind === "update" ? "updated" : "added",
        tableRows: [block.startRow + 1, block.startRow + block.values.length],
        lines: block.fileRows.map((r) => prep.csv.lines[r]),
      });
      onProgress?.({ phase: "writing", done: added + updated, total });
    }
    // Listed, never deleted: see the module comment.
    const notInFile = records.idMapped ? plan.notInFile : [];
    // A complete deals import is a snapshot of the pipeline: record what changed since the last.
    const history =
      request.target === "Deals" && !failure
        ? await recordSnapshot(context, request.snapshotDate).catch(
            (e: unknown): SnapshotReport => ({
              status: "failed",
              date: Math.floor(request.snapshotDate ?? 0),
              added: 0,
              deals: 0,
              withoutId: 0,
              syncs: 0,
              message: e instanceof Error ? e.message : String(e),
            })
          )
        : undefined;
    syncs += history?.syncs ?? 0;
    onProgress?.({ phase: "done", done: added + updated, total });
    return {
      target: request.target,
      source: prep.preset?.id ?? null,
      added,
      updated,
      skipped: skippedRows(prep.problems),
      written,
      unmapped: prep.unmapped.map((u) => u.header),
      missingColumns,
      footer: prep.csv.footer,
      upserted: records.idMapped,
      tableDuplicateIds: plan.tableDuplicates.map((d) => d.id),
      notInFile: [...new Set(notInFile.map((r) => r.id))],
      truncated: records.truncated.map((t) => ({ line: t.line, column: t.column })),
      ...(records.currencyAssumed ? { currencyAssumed: records.currencyAssumed } : {}),
      syncs,
      stagesAdded: written.length && loadedStages ? stagesAdded : [],
      stagesNamed: written.length ? named.renamed : [],
      ...(failure ? { failure } : {}),
      ...(history ? { history } : {}),
    };
  });
}

/** The Import section's workbook actions, against the global Excel. */
export const importActions: ImportActions = { importRecords, undoAdded, listSheets, readSheet };
