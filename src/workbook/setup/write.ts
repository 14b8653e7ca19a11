/**
 * Applies a setup plan: every write queued in plan order, then sent in as few requests as the
 * payload allows (one sync for everything setup writes unless a request would exceed
 * {@link MAX_REQUEST_BYTES}). Nothing is decided here; the plan says what to write and where.
 */
import {
  Caption,
  ColumnSpec,
  SheetKey,
  TableSpec,
  WorkbookLanguage,
  numberFormatFor,
} from "../../model/schema";
import { cellIndexes, indexRect, rectAddress } from "../../model/a1";
import { supportsExcelApi } from "../excelApi";
import { listSource } from "./headers";
import { SetupPlan, SetupWrite } from "./plan";
import { InventoryHandles } from "./inventory";
import { Cell, MAX_REQUEST_BYTES, TABLE_STYLE } from "./types";

/** The alert a dropdown shows for a value not in its list (a warning: the value may be kept). */
const LIST_ALERT: { readonly title: Caption; readonly message: Caption } = {
  title: { en: "Not in the list", ar: "ليست في القائمة" },
  message: {
    en: "This value is not in the list. Keep it anyway, or pick one from the dropdown.",
    ar: "هذه القيمة ليست في القائمة. احتفظ بها على أي حال، أو اختر قيمة من القائمة المنسدلة.",
  },
};

const MONTH_ALERT: Caption = {
  en: "Enter the month the fiscal year starts in, 1 (January) to 12 (December).",
  ar: "أدخل شهر بداية السنة المالية، من 1 (يناير) إلى 12 (ديسمبر).",
};

interface Writer {
  readonly ops: { bytes: number; run: () => void }[];
  add(bytes: number, run: () => void): void;
}

function writer(): Writer {
  const ops: { bytes: number; run: () => void }[] = [];
  return { ops, add: (bytes, run) => ops.push({ bytes, run }) };
}

/** Approximate bytes a write adds to a request (its JSON payload). */
function bytesOf(value: unknown): number {
  return JSON.stringify(value).length + 200;
}

function grid<T>(rows: number, cols: number, value: T): T[][] {
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

/**
 * Groups write operations into requests of at most `limit` bytes (an operation larger than the
 * limit gets a request of its own).
 *
 * @param sizes byte size of each operation, in order
 * @param limit request size limit
 * @returns the number of operations in each request
 * @example
 * groupBySize([3, 3, 3], 6); // [2, 1]
 */
export function groupBySize(sizes: readonly number[], limit: number): number[] {
  const groups: number[] = [];
  let count = 0;
  let bytes = 0;
  for (const s of sizes) {
    if (count > 0 && bytes + s > limit) {
      groups.push(count);
      count = 0;
      bytes = 0;
    }
    count += 1;
    bytes += s;
  }
  if (count > 0) groups.push(count);
  return groups;
}

/** Splits rows so that each part stays well under the request limit. */
function chunkRows(rows: readonly Cell[][]): Cell[][][] {
  const parts: Cell[][][] = [];
  let part: Cell[][] = [];
  let bytes = 0;
  for (const row of rows) {
    const b = JSON.stringify(row).length + 1;
    if (part.length > 0 && bytes + b > MAX_REQUEST_BYTES / 2) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(row);
    bytes += b;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** What a write refers to by name, resolved to proxies as the writes are queued. */
interface Targets {
  readonly context: Excel.RequestContext;
  readonly handles: InventoryHandles;
  readonly currency: string;
  readonly lang: WorkbookLanguage;
  readonly sheets: Map<SheetKey, () => Excel.Worksheet>;
  /** Tables created by this plan (converted ranges), by our table name. */
  readonly tables: Map<string, () => Excel.Table>;
}

function tableOf(t: Targets, name: string): Excel.Table | (() => Excel.Table) {
  return t.tables.get(name) ?? t.handles.tables.get(name)!.table;
}

/** Formats, dropdown and width of one of our columns over `rows` body rows. */
function styleColumn(
  column: () => Excel.TableColumn,
  col: ColumnSpec,
  rows: number,
  t: Targets,
  w: Writer
): void {
  const format = numberFormatFor(col.type, t.currency);
  const lang = t.lang;
  w.add(bytesOf(format) + rows * (format.length + 3), () => {
    const c = column();
    c.getDataBodyRange().numberFormat = grid(rows, 1, format);
    c.getRange().format.columnWidth = col.width;
    if (col.list) {
      const dv = c.getDataBodyRange().dataValidation;
      dv.rule = { list: { inCellDropDown: true, source: listSource(col.list) } };
      dv.errorAlert = {
        showAlert: true,
        style: "Warning",
        title: LIST_ALERT.title[lang],
        message: LIST_ALERT.message[lang],
      };
    }
  });
}

/** Appends one of our columns at the end of an existing table (and fills its formula). */
function appendColumn(
  w: Writer,
  table: Excel.Table | (() => Excel.Table),
  col: ColumnSpec,
  bodyRows: number,
  t: Targets
): void {
  const get = typeof table === "function" ? table : () => table;
  let added: Excel.TableColumn | null = null;
  w.add(300, () => {
    added = get().columns.add(undefined, undefined, col.name);
  });
  const column = () => added as unknown as Excel.TableColumn;
  if (col.formula) {
    const formulas = grid(bodyRows, 1, col.formula);
    w.add(bytesOf(formulas), () => {
      column().getDataBodyRange().formulas = formulas;
    });
  }
  styleColumn(column, col, bodyRows, t, w);
}

/** Creates one of our tables at its anchor, with its first rows, formats and dropdowns. */
function createTable(
  w: Writer,
  sheet: () => Excel.Worksheet,
  spec: TableSpec,
  rows: readonly Cell[][],
  t: Targets
): void {
  const { rowIndex: row, columnIndex: col } = cellIndexes(spec.anchor);
  const headers = spec.columns.map((c) => c.name);
  const parts = chunkRows(rows);
  let table: Excel.Table | null = null;
  // The first block carries the header; later blocks (only for very large data) follow it.
  let at = row + 1;
  const first = [headers, ...(parts[0] ?? [])];
  w.add(bytesOf(first), () => {
    sheet().getRange(rectAddress(indexRect(row, col, first.length, headers.length))).values = first;
  });
  at += parts[0]?.length ?? 0;
  for (const part of parts.slice(1)) {
    const start = at;
    w.add(bytesOf(part), () => {
      sheet().getRange(rectAddress(indexRect(start, col, part.length, headers.length))).values =
        part;
    });
    at += part.length;
  }
  const total = 1 + rows.length;
  w.add(300, () => {
    table = sheet().tables.add(rectAddress(indexRect(row, col, total, headers.length)), true);
    table.name = spec.name;
    table.style = TABLE_STYLE;
  });
  // Excel gives a header-only table one empty body row.
  const bodyRows = Math.max(1, rows.length);
  for (const c of spec.columns) {
    const column = () => (table as unknown as Excel.Table).columns.getItem(c.name);
    if (c.formula && rows.length === 0) {
      // The lone empty row gets the formula so the column is a calculated column from the start.
      w.add(300, () => {
        column().getDataBodyRange().formulas = [[c.formula as string]];
      });
    }
    styleColumn(column, c, bodyRows, t, w);
  }
}

/** Queues one planned write as request operations. */
function queue(w: Writer, op: SetupWrite, t: Targets): void {
  const { context } = t;
  switch (op.kind) {
    case "addSheet": {
      let added: Excel.Worksheet | null = null;
      w.add(300, () => {
        added = context.workbook.worksheets.add(op.name);
        added.tabColor = op.tabColor;
        added.freezePanes.freezeRows(op.freezeRows);
      });
      t.sheets.set(op.key, () => added as unknown as Excel.Worksheet);
      return;
    }
    case "useSheet":
      t.sheets.set(op.key, () => context.workbook.worksheets.getItem(op.name));
      if (op.freezeRows !== null) {
        const rows = op.freezeRows;
        w.add(200, () => {
          const s = context.workbook.worksheets.getItem(op.name);
          s.freezePanes.freezeRows(rows);
        });
      }
      return;
    case "appendColumn":
      appendColumn(w, tableOf(t, op.table), op.column, op.bodyRows, t);
      return;
    case "fillEmptyRow": {
      const sheet = t.handles.tables.get(op.table)!.sheet;
      w.add(bytesOf(op.values), () => {
        sheet.getRange(op.address).values = [[...op.values]];
      });
      return;
    }
    case "addRows": {
      const table = tableOf(t, op.table);
      const get = typeof table === "function" ? table : () => table;
      for (const part of chunkRows(op.rows)) {
        w.add(bytesOf(part), () => {
          get().rows.add(undefined, part);
        });
      }
      return;
    }
    case "convertRange": {
      let table: Excel.Table | null = null;
      w.add(300, () => {
        table = context.workbook.worksheets.getItem(op.sheet).tables.add(op.address, true);
        table.name = op.table;
        table.style = TABLE_STYLE;
      });
      t.tables.set(op.table, () => table as unknown as Excel.Table);
      return;
    }
    case "createTable":
      createTable(w, t.sheets.get(op.spec.sheetKey)!, op.spec, op.rows, t);
      return;
    case "caption":
      w.add(200, () => {
        const cell = t.sheets.get(op.key)!().getRange(op.address);
        cell.values = [[op.text]];
        cell.format.font.bold = true;
      });
      return;
    case "setting":
      w.add(300, () => {
        const s = t.sheets.get(op.key)!();
        s.getRange(op.address).values = [[op.value]];
        if (op.monthOfYear) {
          const r = s.getRange(op.address);
          r.dataValidation.rule = {
            wholeNumber: { formula1: 1, formula2: 12, operator: "Between" },
          };
          r.dataValidation.errorAlert = {
            showAlert: true,
            style: "Warning",
            title: LIST_ALERT.title[t.lang],
            message: MONTH_ALERT[t.lang],
          };
        }
      });
      return;
    case "addName":
      w.add(200, () => {
        context.workbook.names.add(op.name, op.formula);
      });
      return;
    case "schemaVersion":
      w.add(200, () => {
        context.workbook.settings.add(op.setting, op.version);
      });
      return;
  }
}

/**
 * Writes a plan. Calculation (and, from ExcelApi 1.9, screen updating) is suspended while each
 * request runs.
 *
 * @param context the request context of the inventory
 * @param plan what {@link decide} planned
 * @param handles the proxies of the inventory (our existing tables)
 * @returns the number of syncs made: 0 when there is nothing to change (a re-run costs no write
 *   round trip), 1 for everything setup writes (a few hundred KB), more only when one request
 *   would exceed Excel on the web's payload limit
 * @example
 * const syncs = await writePlan(context, decide(snapshot, options), handles);
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: SetupPlan,
  handles: InventoryHandles
): Promise<number> {
  const w = writer();
  const targets: Targets = {
    context,
    handles,
    currency: plan.currency,
    lang: plan.language,
    sheets: new Map(),
    tables: new Map(),
  };
  for (const op of plan.writes) queue(w, op, targets);
  if (w.ops.length === 0) return 0;
  const groups = groupBySize(
    w.ops.map((o) => o.bytes),
    MAX_REQUEST_BYTES
  );
  let next = 0;
  let syncs = 0;
  const screen = supportsExcelApi("1.9");
  for (const size of groups) {
    context.application.suspendApiCalculationUntilNextSync();
    if (screen) context.application.suspendScreenUpdatingUntilNextSync();
    for (const op of w.ops.slice(next, next + size)) op.run();
    next += size;
    syncs += 1;
    // One sync per ≤ 4 MB request (see @returns).
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
  }
  return syncs;
}
