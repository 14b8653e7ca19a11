/**
 * Write planning: the upsert plan and the converted rows become rectangular blocks of values
 * for the table, each small enough for one request (Excel on the web refuses requests above
 * 5 MB; we stay under 4 MB).
 *
 * Updates are written over runs of table rows with `null` wherever nothing changes: `Range.values`
 * leaves a cell alone for `null`, so unmapped columns, the user's own columns, formula columns
 * the file leaves blank and rows between updated rows all keep what they hold. Appends carry a
 * value for every column: "" for what the file does not fill, the column's formula for formula
 * columns (Deals[Probability]) so new rows compute like the others.
 *
 * Text is kept as text per cell (see injection.ts): each block carries, beside its values, a
 * number-format grid with "@" for every text cell Excel would otherwise read as a formula, number,
 * date or boolean, and null (leave the format) everywhere else. The import sets the formats before
 * the values in the same request, so no cell's existing format matters and no apostrophe is
 * ever written.
 *
 * Every row must fit in one request: a row larger than the budget is reported (`oversized`) and
 * the import refuses to start, rather than failing midway.
 */
import { TableSpec } from "../../model/schema";
import { Records, RecordValue } from "./records";
import { needsTextFormat } from "./injection";
import { UpsertPlan } from "./upsert";
import { CellValue } from "./types";

/** The request size we never exceed, in bytes. */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;
/** Bytes of values per block: the request's envelope (address, ids, method names) needs the rest. */
export const BLOCK_BYTES = MAX_REQUEST_BYTES - 256 * 1024;
/** Unchanged rows between two updated rows cheaper to carry as nulls than to start a new block. */
const MAX_GAP = 64;

/** A value as written: a cell value, or null to leave the cell as it is. */
export type WriteValue = CellValue | null;

/**
 * One block of rows, written in one request: "update" and "fill" write `values` over existing
 * body rows; "append" adds as many rows with `blankRows` (so that they take the table's column
 * formats) and then writes `values` over them.
 */
export interface WriteBlock {
  readonly kind: "update" | "fill" | "append";
  /** The 0-based table body row the block starts at (for appends: once added). */
  readonly startRow: number;
  /** Table-wide rows (one entry per table column). */
  readonly values: readonly (readonly WriteValue[])[];
  /** Number formats to set first ("@" for text kept as text, null to leave); null when none. */
  readonly formats: readonly (readonly (string | null)[])[] | null;
  /** The file data rows written by the block (0-based). */
  readonly fileRows: readonly number[];
  /** Size of what the request carries (values, and the blank rows of an append) as JSON. */
  readonly bytes: number;
}

/** How the table's cells take values. */
export interface WriteOptions {
  /** Bytes of values per block (default BLOCK_BYTES; tests pass smaller). */
  readonly budget?: number;
  /** The table's only body row is empty (Excel gives a new table one): fill it first. */
  readonly placeholder?: boolean;
}

/**
 * Rows of empty cells, as `rows.add` gets them before an append block's values are written.
 *
 * @param count rows
 * @param width columns
 * @returns count × width empty strings
 * @example
 * blankRows(1, 2); // [["", ""]]
 */
export function blankRows(count: number, width: number): string[][] {
  return Array.from({ length: count }, () => new Array<string>(width).fill(""));
}

/** The blocks, and what could not be placed. */
export interface WritePlan {
  readonly blocks: readonly WriteBlock[];
  /** Our columns the file maps but the table no longer has (the values are not written). */
  readonly missingColumns: readonly string[];
  /** File rows too large for one request on their own (the import must not start). */
  readonly oversized: readonly { readonly fileRow: number; readonly bytes: number }[];
}

/**
 * Size of a value in JSON, in UTF-8 bytes (what a request carries).
 *
 * @param v a value
 * @returns its encoded size
 * @example
 * jsonBytes("Ab"); // 4
 * jsonBytes(null); // 4
 */
export function jsonBytes(v: unknown): number {
  if (v === null || v === undefined) return 4;
  if (typeof v === "number") return String(v).length;
  if (typeof v === "boolean") return v ? 4 : 5;
  const s = String(v);
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) n += c === 9 || c === 10 || c === 13 ? 2 : 6;
    else if (c === 34 || c === 92) n += 2;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdfff)
      n += 2; // half of a 4-byte pair
    else n += 3;
  }
  return n;
}

function rowBytes(row: readonly WriteValue[]): number {
  let n = 1 + row.length; // brackets and commas
  for (const v of row) n += jsonBytes(v);
  return n;
}

/**
 * The format row of a file row: "@" where the file's text must stay text, else null; null when
 * no cell needs it. Only the file's values count: our own formulas (Probability) stay formulas.
 */
function formatRow(
  src: readonly RecordValue[],
  place: readonly number[],
  width: number
): (string | null)[] | null {
  let out: (string | null)[] | null = null;
  for (let k = 0; k < place.length; k++) {
    const v = src[k];
    if (place[k] !== -1 && typeof v === "string" && needsTextFormat(v)) {
      if (!out) out = new Array<string | null>(width).fill(null);
      out[place[k]] = "@";
    }
  }
  return out;
}

/** Bytes of a format row as sent (a row of nulls when the block has formats and this row none). */
function formatBytes(row: readonly (string | null)[] | null, width: number): number {
  if (!row) return 1 + width * 5;
  let n = 1 + width;
  for (const f of row) n += f === null ? 4 : 3;
  return n;
}

/** A planned row: values, formats, and their bytes (`bytes` counts both, for splitting). */
interface Line {
  readonly tableRow: number;
  readonly fileRow: number | null;
  readonly values: WriteValue[];
  readonly formats: (string | null)[] | null;
  readonly valueBytes: number;
  readonly formatBytes: number;
  readonly bytes: number;
}

function line(
  tableRow: number,
  fileRow: number | null,
  values: WriteValue[],
  formats: (string | null)[] | null
): Line {
  const valueBytes = rowBytes(values);
  const fb = formatBytes(formats, values.length);
  return {
    tableRow,
    fileRow,
    values,
    formats,
    valueBytes,
    formatBytes: fb,
    bytes: valueBytes + fb,
  };
}

function block(
  kind: WriteBlock["kind"],
  startRow: number,
  lines: readonly Line[],
  extra = 0
): WriteBlock {
  const anyFormat = lines.some((l) => l.formats !== null);
  const width = lines[0].values.length;
  return {
    kind,
    startRow,
    values: lines.map((l) => l.values),
    formats: anyFormat
      ? lines.map((l) => l.formats ?? new Array<string | null>(width).fill(null))
      : null,
    fileRows: lines.filter((l) => l.fileRow !== null).map((l) => l.fileRow as number),
    bytes:
      lines.reduce((n, l) => n + l.valueBytes + 1, 1) +
      (anyFormat ? lines.reduce((n, l) => n + l.formatBytes + 1, 1) : 0) +
      extra,
  };
}

/** Splits rows into consecutive groups of at most `budget` bytes (at least one row each). */
function split<T>(items: readonly T[], size: (item: T) => number, budget: number): T[][] {
  const out: T[][] = [];
  let current: T[] = [];
  let bytes = 2;
  for (const item of items) {
    const b = size(item);
    if (current.length > 0 && bytes + b + 1 > budget) {
      out.push(current);
      current = [];
      bytes = 2;
    }
    current.push(item);
    bytes += b + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/**
 * Plans the writes of an import.
 *
 * @param spec our table's spec (formulas of derived columns)
 * @param tableHeaders the table's actual header row (users may add or move columns)
 * @param tableRows the number of body rows the table has now
 * @param records the converted rows
 * @param plan the upsert plan
 * @param options which table columns are text-formatted, and the block size
 * @returns update blocks by table row, then append blocks in file order
 * @example
 * planWrites(DEALS, headers, 10, records, plan).blocks.length; // 2 for a few updates and appends
 */
export function planWrites(
  spec: TableSpec,
  tableHeaders: readonly string[],
  tableRows: number,
  records: Records,
  plan: UpsertPlan,
  options: WriteOptions = {}
): WritePlan {
  const budget = options.budget ?? BLOCK_BYTES;
  const width = tableHeaders.length;
  const at = new Map<string, number>();
  tableHeaders.forEach((h, i) => {
    if (!at.has(h.trim())) at.set(h.trim(), i);
  });
  const missingColumns = records.columns.filter((c) => !at.has(c));
  const place = records.columns.map((c) => at.get(c) ?? -1);
  const formulaAt = new Map<number, string>();
  for (const c of spec.columns) {
    const i = at.get(c.name);
    if (c.formula && i !== undefined) formulaAt.set(i, c.formula);
  }
  const isFormula = records.columns.map((c) =>
    spec.columns.some((s) => s.name === c && !!s.formula)
  );

  const updateRow = (fileRow: number): WriteValue[] => {
    const row = new Array<WriteValue>(width).fill(null);
    const src = records.values[fileRow];
    for (let k = 0; k < place.length; k++) {
      const i = place[k];
      if (i === -1) continue;
      const v: RecordValue = src[k];
      row[i] = v === undefined ? null : v === null ? (isFormula[k] ? null : "") : v;
    }
    return row;
  };
  const appendRow = (fileRow: number): WriteValue[] => {
    const row = new Array<WriteValue>(width).fill("");
    for (const [i, f] of formulaAt) row[i] = f;
    const src = records.values[fileRow];
    for (let k = 0; k < place.length; k++) {
      const i = place[k];
      if (i === -1) continue;
      const v = src[k];
      if (v !== null && v !== undefined) row[i] = v;
    }
    return row;
  };

  const formatsOf = (fileRow: number): (string | null)[] | null =>
    formatRow(records.values[fileRow], place, width);

  const blocks: WriteBlock[] = [];
  const oversized: { fileRow: number; bytes: number }[] = [];
  // Updates: runs of nearby table rows, rows in between carried as all-null (unchanged).
  const blank = new Array<WriteValue>(width).fill(null);
  const runs: Line[][] = [];
  let run: Line[] = [];
  for (const u of plan.updates) {
    const prev = run.length ? run[run.length - 1].tableRow : -Infinity;
    if (u.tableRow === prev) continue; // the table's own duplicates: first row only (planUpsert)
    if (run.length && u.tableRow - prev - 1 > MAX_GAP) {
      runs.push(run);
      run = [];
    }
    if (run.length) {
      for (let t = prev + 1; t < u.tableRow; t++) run.push(line(t, null, blank, null));
    }
    const l = line(u.tableRow, u.fileRow, updateRow(u.fileRow), formatsOf(u.fileRow));
    if (l.bytes + 4 > budget) oversized.push({ fileRow: u.fileRow, bytes: l.bytes });
    run.push(l);
  }
  if (run.length) runs.push(run);
  for (const r of runs) {
    for (const part of split(r, (l) => l.bytes, budget)) {
      // A part never starts or ends with a blank line: trim them.
      let s = 0;
      let e = part.length;
      while (s < e && part[s].fileRow === null) s++;
      while (e > s && part[e - 1].fileRow === null) e--;
      const lines = part.slice(s, e);
      if (lines.length === 0) continue;
      blocks.push(block("update", lines[0].tableRow, lines));
    }
  }
  // Appends, in file order. Each also sends its rows once as blanks (rows.add).
  const added = rowBytes(new Array<WriteValue>(width).fill("")) + 1;
  const appendLines = plan.appends.map((fileRow) => {
    const l = line(-1, fileRow, appendRow(fileRow), formatsOf(fileRow));
    if (l.bytes + added + 4 > budget) oversized.push({ fileRow, bytes: l.bytes + added });
    return l;
  });
  let next = tableRows;
  let pending = appendLines;
  if (options.placeholder && pending.length > 0) {
    // The table's only body row is empty (a new table): the first new row goes into it.
    blocks.push(block("fill", 0, [pending[0]]));
    pending = pending.slice(1);
  }
  for (const part of split(pending, (l) => l.bytes + added, budget)) {
    blocks.push(block("append", next, part, part.length * added + 1));
    next += part.length;
  }
  if (oversized.length > 0) return { blocks: [], missingColumns, oversized };
  return { blocks, missingColumns, oversized };
}
