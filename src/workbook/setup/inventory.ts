/**
 * Setup's reads, all in one place: three round trips, whatever the workbook holds. The result is
 * a plain data snapshot for {@link decide} (no Excel proxies in it) and the handles of our
 * existing tables for {@link writePlan}.
 *
 * 1. what exists: sheets, tables, workbook names, the stored schema version;
 * 2. our tables' headers and extent, and the sheets bearing our tab names;
 * 3. what the sheet decisions of step 2 call for: header rows of plain ranges under our tab
 *    names, key columns (sample rows present?), the Stages rows, the Settings cells, and whether
 *    the anchors of tables to add to an existing Settings sheet are empty, and the cells of the
 *    comments (ExcelApi 1.10) and notes (1.18) on the sheets of our tables and tab names (their
 *    collections loaded in read 2).
 */
import { ALL_TABLES, SCHEMA_VERSION_SETTING, SheetKey, TABLES } from "../../model/schema";
import { Rect, cellIndexes, indexRect, rectAddress } from "../../model/a1";
import { SetupOptionsAt, anchorRowCounts, candidateNames, decideSheets } from "./decide";
import { normalizeHeader } from "./headers";
import { SAMPLE_KEY_COLUMN } from "./sampleRows";
import { MANAGED_SHEETS } from "./decide";
import { PlacedTable, RightOfTable, parseAreas } from "./growth";
import { supportsExcelApi } from "../excelApi";

/** A range's position as the Excel API reports it (0-based indexes). */
export interface RangeBox {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

/** One of our tables found in the workbook. */
export interface FoundTable {
  /** The table's name as the workbook spells it. */
  readonly name: string;
  /** The sheet it is on. */
  readonly sheet: string;
  readonly headers: readonly unknown[];
  readonly range: RangeBox;
  readonly bodyRows: number;
  /**
   * What lies in the columns a new column would take (over the table's rows): cells holding a
   * value or a format, and merged areas anywhere in the table's columns and those (rows below
   * are where the table grows by rows).
   */
  readonly right: RightOfTable;
}

/** A sheet bearing one of our tab names (in either language, or the caller's override). */
export interface CandidateSheet {
  readonly name: string;
  /** Its used range (values only), null when the sheet is empty. */
  readonly used: RangeBox | null;
  readonly tableCount: number;
  /** Merged areas on the sheet (1-based rectangles). */
  readonly merges: readonly Rect[];
}

/** What reads 1 and 2 found: enough to decide each sheet. */
export interface SheetInventory {
  readonly sheetNames: readonly string[];
  /** Workbook-level names, lower-case. */
  readonly names: ReadonlySet<string>;
  /** The stored schema version, null when none. */
  readonly schemaVersion: number | null;
  /** Our tables that exist, by our table name (in schema order). */
  readonly tables: ReadonlyMap<string, FoundTable>;
  /** Sheets with our tab names, by lower-case name. */
  readonly candidates: ReadonlyMap<string, CandidateSheet>;
  /** Every table of the workbook with its place (a table below ours may be in the way). */
  readonly placed: readonly PlacedTable[];
}

/** Everything setup read. */
export interface SetupSnapshot extends SheetInventory {
  /** Header rows of plain ranges that may become our table, by sheet key. */
  readonly headerRows: ReadonlyMap<SheetKey, readonly unknown[]>;
  /** Key column values of our tables (to find sample rows), by our table name. */
  readonly sampleKeys: ReadonlyMap<string, readonly unknown[][]>;
  /** The Stages table's body, when sample data will follow the workbook's own pipeline. */
  readonly stagesBody: readonly unknown[][] | null;
  /** The only body row of one-row tables (Excel's empty row?), by our table name. */
  readonly loneRows: ReadonlyMap<string, readonly unknown[]>;
  /** Settings!A1:O3 of an adopted, non-empty Settings sheet. */
  readonly settingsCells: readonly unknown[][] | null;
  /**
   * Per table to create on an adopted sheet: the box of the cells holding a value in
   * the block it will fill (null: none).
   */
  readonly anchorsUsed: ReadonlyMap<string, Rect | null>;
  /** Per plain range to convert: the box of used cells in the columns right of it (null: none). */
  readonly convertRight: ReadonlyMap<SheetKey, Rect | null>;
  /**
   * Cells holding a comment or a note, by lower-case sheet name (sheets of our tables and tab
   * names; comments need ExcelApi 1.10, notes 1.18).
   */
  readonly commentCells?: ReadonlyMap<string, readonly Rect[]>;
}

/** Proxies of our existing tables, for the writes. */
export interface InventoryHandles {
  readonly tables: ReadonlyMap<
    string,
    { readonly table: Excel.Table; readonly sheet: Excel.Worksheet }
  >;
}

/** The result of {@link readInventory}. */
export interface Inventory {
  readonly snapshot: SetupSnapshot;
  readonly handles: InventoryHandles;
  readonly syncs: number;
}

const box = (r: Excel.Range): RangeBox => ({
  rowIndex: r.rowIndex,
  columnIndex: r.columnIndex,
  rowCount: r.rowCount,
  columnCount: r.columnCount,
});

const BOX = "rowIndex,columnIndex,rowCount,columnCount";

/** A loaded range's place as a 1-based rectangle. */
const rectOf = (r: Excel.Range): Rect =>
  indexRect(r.rowIndex, r.columnIndex, r.rowCount, r.columnCount);

/** A loaded used range (or null object) as a rectangle, null when nothing is used. */
const usedRect = (r: Excel.Range): Rect | null => (r.isNullObject ? null : rectOf(r));

/** Merged areas of a loaded RangeAreas (or null object). */
const mergesOf = (a: Excel.RangeAreas | null): Rect[] =>
  !a || a.isNullObject ? [] : parseAreas(a.address);

/**
 * The merged areas overlapping a range (ExcelApi 1.13; on older hosts none are read, and Excel's
 * own refusal is what the user sees if one is in the way).
 */
export function loadMerges(range: Excel.Range): Excel.RangeAreas | null {
  return supportsExcelApi("1.13") ? range.getMergedAreasOrNullObject().load("address") : null;
}

/**
 * Reads what setup needs to decide, in three syncs.
 *
 * @param context the request context
 * @param options the setup options (which tab names and sample checks matter)
 * @param onRead called after each read with the fraction of reading done (1–3 of 3)
 * @returns the snapshot, the handles of our tables and the syncs made (3)
 * @example
 * const { snapshot, handles } = await readInventory(context, options);
 */
export async function readInventory(
  context: Excel.RequestContext,
  options: SetupOptionsAt,
  onRead?: (step: number) => void
): Promise<Inventory> {
  // --- Read 1: inventory of sheets, tables, names and the stored schema version.
  const wb = context.workbook;
  const sheets = wb.worksheets.load("items/name");
  const tables = wb.tables.load("items/name");
  const names = wb.names.load("items/name");
  const version = wb.settings.getItemOrNullObject(SCHEMA_VERSION_SETTING);
  version.load("value");
  await context.sync();
  onRead?.(1);

  const sheetByLower = new Map(sheets.items.map((s) => [s.name.toLowerCase(), s]));
  const tableByLower = new Map(tables.items.map((t) => [t.name.toLowerCase(), t]));

  // --- Read 2: headers and extent of our tables; content of sheets bearing our tab names.
  const found = new Map<
    string,
    {
      table: Excel.Table;
      sheet: Excel.Worksheet;
      header: Excel.Range;
      range: Excel.Range;
      body: Excel.Range;
      right: Excel.Range;
      merges: Excel.RangeAreas | null;
    }
  >();
  for (const spec of ALL_TABLES) {
    const table = tableByLower.get(spec.name.toLowerCase());
    if (!table) continue;
    found.set(spec.name, {
      table,
      sheet: table.worksheet.load("name"),
      header: table.getHeaderRowRange().load("values"),
      range: table.getRange().load("rowIndex,columnIndex,rowCount,columnCount"),
      body: table.getDataBodyRange().load("rowCount"),
      // Values and formats: a filled or formatted cell is the user's, as much as a value.
      right: table
        .getRange()
        .getColumnsAfter(spec.columns.length)
        .getUsedRangeOrNullObject(false)
        .load(BOX),
      merges: loadMerges(
        table.getRange().getResizedRange(0, spec.columns.length).getEntireColumn()
      ),
    });
  }
  const placed = tables.items.map((t) => ({
    name: t.name,
    sheet: t.worksheet.load("name"),
    range: t.getRange().load(BOX),
  }));
  const candidates = new Map<
    string,
    {
      sheet: Excel.Worksheet;
      used: Excel.Range;
      tables: Excel.TableCollection;
      merges: Excel.RangeAreas | null;
    }
  >();
  for (const key of MANAGED_SHEETS) {
    for (const name of candidateNames(key, options)) {
      const sheet = sheetByLower.get(name.toLowerCase());
      if (!sheet || candidates.has(sheet.name.toLowerCase())) continue;
      candidates.set(sheet.name.toLowerCase(), {
        sheet,
        used: sheet
          .getUsedRangeOrNullObject(true)
          .load("rowIndex,columnIndex,rowCount,columnCount"),
        tables: sheet.tables.load("items/name"),
        merges: loadMerges(sheet.getRange()),
      });
    }
  }
  // Comments (1.10) and notes (1.18) on those sheets: the collections now, their cells in read
  // 3 (no extra sync).
  const commentLists = new Map<
    Excel.Worksheet,
    { comments: Excel.CommentCollection | null; notes: Excel.NoteCollection | null }
  >();
  const withComments = supportsExcelApi("1.10");
  const withNotes = supportsExcelApi("1.18");
  for (const s of [
    ...[...found.values()].map((f) => f.sheet),
    ...[...candidates.values()].map((c) => c.sheet),
  ])
    if (!commentLists.has(s) && (withComments || withNotes))
      commentLists.set(s, {
        comments: withComments ? s.comments.load("items/id") : null,
        notes: withNotes ? s.notes.load("items/authorName") : null,
      });
  await context.sync();
  onRead?.(2);

  const inventory: SheetInventory = {
    sheetNames: sheets.items.map((s) => s.name),
    names: new Set(names.items.map((n) => n.name.toLowerCase())),
    schemaVersion: version.isNullObject ? null : Number(version.value),
    tables: new Map(
      [...found].map(([name, f]) => [
        name,
        {
          name: f.table.name,
          sheet: f.sheet.name,
          headers: f.header.values[0],
          range: box(f.range),
          bodyRows: f.body.rowCount,
          right: { used: usedRect(f.right), merges: mergesOf(f.merges) },
        },
      ])
    ),
    candidates: new Map(
      [...candidates].map(([lower, c]) => [
        lower,
        {
          name: c.sheet.name,
          used: c.used.isNullObject ? null : box(c.used),
          tableCount: c.tables.items.length,
          merges: mergesOf(c.merges),
        },
      ])
    ),
    placed: placed.map((p) => ({ name: p.name, sheet: p.sheet.name, rect: rectOf(p.range) })),
  };

  // --- Read 3: what the sheet decisions call for.
  const { decisions, convertible } = decideSheets(inventory, options);
  const headerReads = new Map<SheetKey, Excel.Range>();
  const convertRightReads = new Map<SheetKey, Excel.Range>();
  for (const [key, c] of convertible) {
    const u = c.used!;
    const sheet = candidates.get(c.name.toLowerCase())!.sheet;
    headerReads.set(
      key,
      sheet
        .getRange(rectAddress(indexRect(u.rowIndex, u.columnIndex, 1, u.columnCount)))
        .load("values")
    );
    const width = ALL_TABLES.find((t) => t.sheetKey === key)?.columns.length ?? 1;
    convertRightReads.set(
      key,
      sheet
        .getRange(rectAddress(indexRect(u.rowIndex, u.columnIndex, u.rowCount, u.columnCount)))
        .getColumnsAfter(width)
        .getUsedRangeOrNullObject(false)
        .load(BOX)
    );
  }
  const keyReads = new Map<string, Excel.Range>();
  const loneReads = new Map<string, Excel.Range>();
  let stagesRead: Excel.Range | null = null;
  for (const [name, f] of found) {
    const t = inventory.tables.get(name)!;
    const keyCol = SAMPLE_KEY_COLUMN[name];
    const at = t.headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(keyCol ?? ""));
    if (options.sampleData && keyCol && at >= 0) {
      keyReads.set(name, f.body.getColumn(at).load("values"));
    }
    if (options.sampleData && name === TABLES.stages) stagesRead = f.body.load("values");
    else if (options.sampleData && t.bodyRows === 1) {
      // A table with one row may hold just Excel's empty row: sample rows then start there.
      loneReads.set(name, f.body.load("values"));
    }
  }
  const settings = decisions.get("settings");
  const settingsSheet = settings?.action === "adopt" && !settings.empty ? settings.name : null;
  const settingsCells = settingsSheet
    ? wb.worksheets.getItem(settingsSheet).getRange("A1:O3").load("values")
    : null;
  const anchorReads = new Map<string, Excel.Range>();
  // The whole block a new table will fill on a sheet we adopt (header, first rows and, on
  // Settings, the caption above) must hold no value or merge.
  const rowCounts = anchorRowCounts(options);
  for (const spec of ALL_TABLES) {
    const d = decisions.get(spec.sheetKey);
    if (found.has(spec.name) || d?.action !== "adopt") continue;
    const { rowIndex: row, columnIndex: col } = cellIndexes(spec.anchor);
    const rows = rowCounts.get(spec.name)!;
    const top = spec.sheetKey === "settings" ? row - 1 : row;
    anchorReads.set(
      spec.name,
      wb.worksheets
        .getItem(d.name)
        .getRange(rectAddress(indexRect(top, col, rows + row - top, spec.columns.length)))
        // Values only: a table deleted by the user leaves its formats behind (ours), and a new
        // table over formatted empty cells keeps their fills; merges are checked separately.
        .getUsedRangeOrNullObject(true)
        .load(BOX)
    );
  }
  const commentReads = [...commentLists].map(([sheet, { comments, notes }]) => ({
    sheet,
    cells: [...(comments?.items ?? []), ...(notes?.items ?? [])].map((c) =>
      c.getLocation().load("address")
    ),
  }));
  await context.sync();
  onRead?.(3);
  const commentCells = new Map<string, Rect[]>();
  for (const { sheet, cells } of commentReads) {
    const key = sheet.name.toLowerCase();
    const rects = cells.flatMap((c) => parseAreas(c.address));
    commentCells.set(key, [...(commentCells.get(key) ?? []), ...rects]);
  }

  const values = (m: Map<string, Excel.Range>) =>
    new Map([...m].map(([k, r]) => [k, r.values as unknown[][]]));
  return {
    snapshot: {
      ...inventory,
      headerRows: new Map([...headerReads].map(([k, r]) => [k, r.values[0] as unknown[]])),
      sampleKeys: values(keyReads),
      stagesBody: stagesRead ? (stagesRead as Excel.Range).values : null,
      loneRows: new Map([...loneReads].map(([k, r]) => [k, r.values[0] as unknown[]])),
      settingsCells: settingsCells ? settingsCells.values : null,
      anchorsUsed: new Map([...anchorReads].map(([k, r]) => [k, usedRect(r)])),
      convertRight: new Map([...convertRightReads].map(([k, r]) => [k, usedRect(r)])),
      commentCells,
    },
    handles: {
      tables: new Map([...found].map(([k, f]) => [k, { table: f.table, sheet: f.sheet }])),
    },
    syncs: 3,
  };
}
