/**
 * Setup's per-table decisions, pure: adopt a table (append the columns it lacks, add sample
 * rows), convert a plain range with our headers, or create the table at its anchor. Every way a
 * table grows is checked against what the inventory read first (./growth.ts): a merge, another
 * table or a user's cell in the way skips that part, with the sheet, the cells and the fix in the
 * report, and nothing Excel would refuse is ever sent (issue 14).
 */
import { Caption, SheetKey, TABLES, TableSpec } from "../../model/schema";
import { stagePreset } from "../../model/stagePresets";
import { Rect, cellIndexes, indexRect, rectAddress } from "../../model/a1";
import { SampleData, isSampleKey } from "../../engine/sample/sampleData";
import { matchHeaders } from "./headers";
import type { CandidateSheet, RangeBox, SetupSnapshot } from "./inventory";
import { Blocker, RightOfTable, blockBlocker, columnGrowth, rowGrowthBlocker } from "./growth";
import { SetupWrite, SheetDecision } from "./plan";
import { STAGE_CELLS, layOut, sampleRecords } from "./sampleRows";
import { Cell, SetupItem, SkipReason } from "./types";
import type { SetupOptionsAt } from "./decide";

/** The plan being built: report items and writes, in the order they happen. */
export interface Acc {
  readonly created: SetupItem[];
  readonly adopted: SetupItem[];
  readonly skipped: SetupItem[];
  readonly writes: SetupWrite[];
  sampleRows: number;
}

/** Captions above the Settings tables (row above each anchor). */
const SETTINGS_TITLES: Readonly<Record<string, Caption>> = {
  [TABLES.stages]: { en: "Pipeline stages", ar: "مراحل خط المبيعات" },
  [TABLES.targets]: { en: "Monthly targets", ar: "المستهدفات الشهرية" },
  [TABLES.owners]: { en: "Sales reps", ar: "مندوبو المبيعات" },
  [TABLES.rates]: {
    en: "Exchange rates (1 unit = Rate in the reporting currency)",
    ar: "أسعار الصرف (الوحدة الواحدة = السعر بعملة التقارير)",
  },
};

const rectOfBox = (b: RangeBox): Rect =>
  indexRect(b.rowIndex, b.columnIndex, b.rowCount, b.columnCount);

/** A skipped item for something in the way, with where it is. */
function blocked(
  item: Omit<SetupItem, "reason" | "at" | "other">,
  sheet: string,
  b: Blocker,
  contentReason: SkipReason
): SetupItem {
  const reason: SkipReason =
    b.kind === "merge"
      ? "mergeInTheWay"
      : b.kind === "table"
        ? "tableInTheWay"
        : b.kind === "comment"
          ? "commentInTheWay"
          : contentReason;
  return {
    ...item,
    reason,
    at: { sheet, address: b.address },
    ...(b.table ? { other: b.table } : {}),
  };
}

/** Cells holding a comment or note on a sheet (none when they were not read). */
function commentsOn(snap: SetupSnapshot, sheet: string): readonly Rect[] {
  return snap.commentCells?.get(sheet.toLowerCase()) ?? [];
}

/** The tables on a sheet other than `name`. */
function othersOn(snap: SetupSnapshot, sheet: string, name: string) {
  return snap.placed.filter(
    (t) =>
      t.sheet.toLowerCase() === sheet.toLowerCase() && t.name.toLowerCase() !== name.toLowerCase()
  );
}

/** Sample rows for a table: laid out once its columns are known. */
interface SampleFill {
  readonly rowsFor: (headers: readonly string[]) => Cell[][];
  /** Address of Excel's empty body row, which takes the first sample row (no growth for it). */
  readonly emptyRow?: (width: number) => string;
}

/**
 * Appends the columns that fit at the right edge of a table (the rest are skipped with what is in
 * the way), then adds sample rows through the table unless a merge or a table below is in the way
 * (then no sample row is written to it: the sample set is whole or absent).
 */
function growTable(
  acc: Acc,
  spec: TableSpec,
  table: { readonly name: string; readonly sheet: string; readonly rect: Rect },
  headers: readonly string[],
  right: RightOfTable,
  snap: SetupSnapshot,
  bodyRows: number,
  sample: SampleFill | null
): void {
  const grown = [...headers];
  const missing = matchHeaders(spec, headers).missing;
  const { free, blocker } = columnGrowth(table.rect, missing.length, right);
  for (const col of missing.slice(free)) {
    const item = { kind: "column" as const, name: col.name, parent: table.name };
    acc.skipped.push(blocked(item, table.sheet, blocker!, "noRoom"));
  }
  for (const col of missing.slice(0, free)) {
    acc.created.push({ kind: "column", name: col.name, parent: table.name });
    grown.push(col.name);
    acc.writes.push({ kind: "appendColumn", table: spec.name, column: col, bodyRows });
  }
  const rows = sample ? sample.rowsFor(grown) : [];
  if (!sample || rows.length === 0) return;
  const added = sample.emptyRow ? rows.slice(1) : rows;
  if (added.length > 0) {
    const wide: Rect = { ...table.rect, cols: table.rect.cols + free };
    const below = rowGrowthBlocker(wide, right.merges, othersOn(snap, table.sheet, table.name));
    if (below) {
      const item = { kind: "sampleRows" as const, name: table.name, parent: table.sheet };
      acc.skipped.push(blocked(item, table.sheet, below, "noRoom"));
      return;
    }
  }
  if (sample.emptyRow) {
    const address = sample.emptyRow(grown.length);
    acc.writes.push({ kind: "fillEmptyRow", table: spec.name, address, values: rows[0] });
  }
  acc.writes.push({ kind: "addRows", table: spec.name, rows: added });
  acc.sampleRows += rows.length;
  acc.created.push({ kind: "sampleRows", name: table.name, count: rows.length });
}

/**
 * Plans one of our tables: adopt it, convert the plain range holding its headers, or create it.
 *
 * @param acc the plan being built
 * @param spec the table
 * @param snap what the inventory read
 * @param options the setup options
 * @param decisions the sheet decisions
 * @param convertible plain ranges under our tab names
 * @param sample the sample data, when asked for
 * @example
 * planTable(acc, DEALS, snapshot, options, decisions, convertible, null);
 */
export function planTable(
  acc: Acc,
  spec: TableSpec,
  snap: SetupSnapshot,
  options: SetupOptionsAt,
  decisions: ReadonlyMap<SheetKey, SheetDecision>,
  convertible: ReadonlyMap<SheetKey, CandidateSheet>,
  sample: SampleData | null
): void {
  const d = decisions.get(spec.sheetKey)!;
  const f = snap.tables.get(spec.name);
  const records = sample ? sampleRecords(sample, spec.name) : null;
  if (f) {
    const headers = f.headers.map((h) => String(h));
    if (!matchHeaders(spec, headers).compatible) {
      acc.skipped.push({ kind: "table", name: f.name, parent: f.sheet, reason: "foreignTable" });
      return;
    }
    acc.adopted.push({ kind: "table", name: f.name, parent: f.sheet });
    const rect = rectOfBox(f.range);
    let sampleFill: SampleFill | null = null;
    if (records && records.rows.length > 0) {
      const keys = snap.sampleKeys.get(spec.name) ?? [];
      if (keys.some((r) => isSampleKey(r[0]))) {
        acc.skipped.push({ kind: "sampleRows", name: f.name, reason: "samplePresent" });
      } else {
        const lone = snap.loneRows.get(spec.name);
        const empty = lone !== undefined && lone.every((v) => v === "");
        sampleFill = {
          rowsFor: (h) => layOut(spec, h, records.rows as never[], records.map),
          ...(empty
            ? {
                emptyRow: (width: number) =>
                  rectAddress(indexRect(f.range.rowIndex + 1, f.range.columnIndex, 1, width)),
              }
            : {}),
        };
      }
    }
    const right = { ...f.right, comments: commentsOn(snap, f.sheet) };
    growTable(acc, spec, { ...f, rect }, headers, right, snap, f.bodyRows, sampleFill);
    return;
  }
  if (d.action === "skip") {
    acc.skipped.push({ kind: "table", name: spec.name, parent: d.name, reason: "sheetSkipped" });
    return;
  }
  const convert = convertible.get(spec.sheetKey);
  if (d.action === "adopt" && !d.empty && convert && convert.name === d.name) {
    const rect = rectOfBox(convert.used!);
    const inside = blockBlocker(rect, null, convert.merges);
    if (inside) {
      acc.skipped.push(
        blocked(
          { kind: "table", name: spec.name, parent: d.name },
          d.name,
          inside,
          "anchorOccupied"
        )
      );
      return;
    }
    const headers = (snap.headerRows.get(spec.sheetKey) ?? []).map((h) => String(h));
    acc.writes.push({
      kind: "convertRange",
      sheet: d.name,
      address: rectAddress(rect),
      table: spec.name,
    });
    acc.adopted.push({ kind: "table", name: spec.name, parent: d.name, count: rect.rows - 1 });
    const right = {
      used: snap.convertRight.get(spec.sheetKey) ?? null,
      merges: convert.merges,
      comments: commentsOn(snap, d.name),
    };
    const fill: SampleFill | null =
      records && records.rows.length > 0
        ? { rowsFor: (h) => layOut(spec, h, records.rows as never[], records.map) }
        : null;
    const where = { name: spec.name, sheet: d.name, rect };
    growTable(acc, spec, where, headers, right, snap, Math.max(1, rect.rows - 1), fill);
    return;
  }
  const headers = spec.columns.map((c) => c.name);
  let rows: Cell[][] = [];
  if (spec.name === TABLES.stages) {
    rows = layOut(spec, headers, stagePreset(options.stagePreset), STAGE_CELLS);
  } else if (records) {
    rows = layOut(spec, headers, records.rows as never[], records.map);
  }
  const { rowIndex: row, columnIndex: col } = cellIndexes(spec.anchor);
  if (d.action === "adopt") {
    const top = spec.sheetKey === "settings" ? row - 1 : row;
    const block = indexRect(top, col, 1 + Math.max(1, rows.length) + row - top, headers.length);
    const merges = snap.candidates.get(d.name.toLowerCase())?.merges ?? [];
    const used = snap.anchorsUsed.get(spec.name) ?? null;
    const b = blockBlocker(block, used, merges, commentsOn(snap, d.name));
    if (b) {
      acc.skipped.push(
        blocked({ kind: "table", name: spec.name, parent: d.name }, d.name, b, "anchorOccupied")
      );
      return;
    }
  }
  if (spec.name !== TABLES.stages && rows.length > 0) {
    acc.created.push({ kind: "sampleRows", name: spec.name, count: rows.length });
    acc.sampleRows += rows.length;
  }
  acc.writes.push({ kind: "createTable", spec, rows });
  acc.created.push({ kind: "table", name: spec.name, parent: d.name });
  const title = SETTINGS_TITLES[spec.name];
  if (spec.sheetKey === "settings" && title) {
    const existing = snap.settingsCells?.[row - 1]?.[col];
    if (row > 0 && (existing === undefined || existing === "")) {
      const address = rectAddress(indexRect(row - 1, col, 1, 1));
      acc.writes.push({ kind: "caption", key: "settings", address, text: title[options.language] });
    }
  }
}
