/**
 * Conversion and validation: the file's rows become rows of our table, typed per column
 * (dates → serials, amounts → numbers, yes/no → booleans, text trimmed of spaces and kept as it
 * is: `planWrites` neutralises it against formula injection for the cells it goes to), and every row that cannot be imported as it is gets its problems, with line
 * numbers. Decisions that need the whole column are taken over the whole column: the day/month
 * order of numeric dates, the decimal mark, percent points vs fractions.
 *
 * Values per cell: a `CellValue` to write; `null` for a blank in the file (the cell is cleared,
 * except in formula columns); `undefined` for "the file says nothing here" (the cell is left as
 * it is, e.g. Stage of an open Pipedrive deal when only the won/lost status is mapped).
 */
import { normalizeLabel } from "../cells";
import { fromSerial } from "../dates";
import { Stage } from "../stages";
import { importedOutcome } from "./stageWords";
import { ColumnSpec, ColumnType } from "../../model/schema";
import {
  analyzeDateColumn,
  DateOrderEvidence,
  DateShape,
  readDateShape,
  resolveDate,
} from "./dateText";
import { readFlag } from "./flags";
import { isHijriDate } from "./hijri";
import { EngineError } from "../errors";
import { errors } from "../messages";
import { Mapping, targetSpec } from "./mapping";
import {
  decideNumberColumn,
  DecimalMark,
  fitsPoints,
  NumberColumnDecision,
  percentPoints,
  readNumber,
} from "./numbers";
import { CellKind, ParsedCsv } from "./parse";
import { Preset, WON_LOST_STATUS } from "./presets";
import { CellValue, DayMonthOrder, ImportTarget, ProblemCode, RowProblem } from "./types";

/** A cell of a converted row (see the module comment for null and undefined). */
export type RecordValue = CellValue | null | undefined;

/** How one date column's day/month order was decided. */
export interface DateColumn {
  readonly column: string;
  /** The order used; null when the column needs the user's choice and none was given. */
  readonly order: DayMonthOrder | null;
  /** Where the order comes from. */
  readonly from: "column" | "file" | "choice" | "none";
  /** True when the file does not decide the order and no choice was given. */
  readonly needsChoice: boolean;
  readonly evidence: DateOrderEvidence;
}

/** How one number column's decimal mark was decided. */
export interface NumberColumn extends NumberColumnDecision {
  readonly column: string;
}

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32767;

/** A text longer than a cell can hold. */
export interface LongCell {
  readonly row: number;
  readonly line: number;
  readonly column: string;
  readonly header: string;
  readonly length: number;
}

/** A date column written in the Hijri calendar: the import refuses the file (see csv/hijri.ts). */
export interface HijriColumn {
  readonly column: string;
  /** The file's header of the column. */
  readonly header: string;
  /** The first Hijri date: 0-based data row, file line and text. */
  readonly row: number;
  readonly line: number;
  readonly value: string;
  /** Cells of the column holding a Hijri date. */
  readonly count: number;
  /** What to tell the user, in English and Arabic, from the one catalogue (engine/messages). */
  readonly error: EngineError;
}

/** The file's rows as rows of our table, with their problems. */
export interface Records {
  /** Our columns the rows fill, in table order. */
  readonly columns: readonly string[];
  /** One row per data row of the file, aligned with `columns`. */
  readonly values: readonly (readonly RecordValue[])[];
  /** The record ID per row (text as in the file, trimmed), null when missing or not mapped. */
  readonly ids: readonly (string | null)[];
  /** Whether the file maps the table's ID column (else every row is added). */
  readonly idMapped: boolean;
  /** Every problem, ordered by row. */
  readonly problems: readonly RowProblem[];
  /** 1 for a row with a problem (it is skipped). */
  readonly rejected: Uint8Array;
  /** Date columns and their day/month order. */
  readonly dates: readonly DateColumn[];
  /** True when some date column's order is undecided: the caller must ask and pass dateOrder. */
  readonly needsDateOrder: boolean;
  /** Number columns read with a decimal comma. */
  readonly decimalComma: readonly string[];
  /** Percent columns read as points (25 → 25 %). */
  readonly percentPoints: readonly string[];
  /** Number columns and how their decimal mark was decided. */
  readonly numbers: readonly NumberColumn[];
  /** True when some number column reads both ways: the caller must ask and pass numberMarks. */
  readonly needsNumberChoice: boolean;
  /** Texts over 32,767 characters (not truncated): the import cannot start with them. */
  readonly tooLong: readonly LongCell[];
  /** Texts cut to 32,767 characters because the caller agreed (truncateLongText). */
  readonly truncated: readonly LongCell[];
  /** Date columns in the Hijri calendar (absent or empty: none): the import cannot start. */
  readonly hijri?: readonly HijriColumn[];
  /**
   * Amounts written with a symbol several currencies share (`$`, `¥`, `kr`) and no currency of
   * their own: they count in the workbook's reporting currency, and the import says so.
   */
  readonly currencyAssumed?: { readonly symbol: string; readonly rows: number };
}

/** Options of buildRecords. */
export interface RecordsOptions {
  /** The export's preset (aliases are in the mapping already; this adds value maps and rules). */
  readonly preset?: Preset | null;
  /** The user's answer for date columns whose order the file does not prove. */
  readonly dateOrder?: DayMonthOrder;
  /** The user's decimal mark per number column whose values read both ways. */
  readonly numberMarks?: Readonly<Record<string, DecimalMark>>;
  /** Cut texts over 32,767 characters (with a note) instead of refusing the file. */
  readonly truncateLongText?: boolean;
}

const TEXT_TYPES: ReadonlySet<ColumnType> = new Set(["text", "id", "email", "phone"]);
const DATE_TYPES: ReadonlySet<ColumnType> = new Set(["date", "datetime"]);
const NUMBER_TYPES: ReadonlySet<ColumnType> = new Set(["currency", "number", "integer", "percent"]);

/** Trims spaces (not tabs or line breaks, which the injection rule must still see). */
function trimSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 160)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 160))
    end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** A date serial as ISO text (a spreadsheet date going into a text column). */
function isoText(serial: number): string {
  const d = fromSerial(serial);
  const pad = (n: number): string => String(n).padStart(2, "0");
  const date = `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  const minutes = Math.round((serial - Math.floor(serial)) * 1440);
  return minutes > 0 ? `${date} ${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}` : date;
}

/** Whether a spreadsheet cell of the file holds a number (or a date serial). */
function numericKind(kinds: Uint8Array | undefined, width: number, r: number, s: number): boolean {
  if (!kinds) return false;
  const k = kinds[r * width + s];
  return k === CellKind.number || k === CellKind.date;
}

/** The raw text of one column for every row: one source, or several joined / coalesced. */
function rawColumn(csv: ParsedCsv, sources: readonly number[], join: boolean): string[] {
  const rows = csv.rows;
  const out = new Array<string>(rows.length);
  const kinds = csv.kinds;
  const width = csv.headers.length;
  if (sources.length === 1) {
    const s = sources[0];
    for (let r = 0; r < rows.length; r++) {
      out[r] =
        join && kinds && kinds[r * width + s] === CellKind.date
          ? isoText(Number(rows[r][s]))
          : trimSpaces(rows[r][s]);
    }
    return out;
  }
  for (let r = 0; r < rows.length; r++) {
    const parts: string[] = [];
    for (const s of sources) {
      const t = trimSpaces(rows[r][s]);
      if (t !== "") {
        parts.push(t);
        if (!join) break;
      }
    }
    out[r] = parts.join(" ");
  }
  return out;
}

/**
 * Converts and validates the file's rows for a target table.
 *
 * @param csv the parsed file
 * @param target "Leads" or "Deals"
 * @param mapping one of our columns (or null) per header
 * @param options the preset and the day/month order answer
 * @returns the converted rows, their IDs and problems, and the column-wide decisions
 * @example
 * const r = buildRecords(csv, "Deals", ["Deal ID", "Amount"], {});
 * r.values[0]; // ["D-1", 1200]
 */
export function buildRecords(
  csv: ParsedCsv,
  target: ImportTarget,
  mapping: Mapping,
  options: RecordsOptions = {}
): Records {
  const spec = targetSpec(target);
  const preset = options.preset && options.preset.target === target ? options.preset : null;
  const rows = csv.rows;
  const n = rows.length;
  const sources = new Map<string, number[]>();
  mapping.forEach((m, i) => {
    if (m) sources.set(m, [...(sources.get(m) ?? []), i]);
  });
  const headerOf = (column: string): string =>
    (sources.get(column) ?? []).map((i) => csv.headers[i]).join(" + ");

  const statusSource = target === "Deals" ? sources.get(WON_LOST_STATUS) : undefined;
  // A closed deal's close date is when it closed, whatever the source (issue 12), unless the file
  // has its own closed/won/lost time column (then that one fills Closed Date).
  const deriveClosed = target === "Deals" && sources.has("Expected Close");
  const columns: ColumnSpec[] = spec.columns.filter(
    (c) =>
      sources.has(c.name) ||
      (c.name === "Stage" && statusSource !== undefined) ||
      (c.name === "Closed Date" && deriveClosed)
  );
  const width = columns.length;
  const values: RecordValue[][] = new Array(n);
  for (let r = 0; r < n; r++) values[r] = new Array<RecordValue>(width);

  const problems: RowProblem[] = [];
  const rejected = new Uint8Array(n);
  const problem = (code: ProblemCode, r: number, column?: string, value?: string): void => {
    rejected[r] = 1;
    problems.push({
      code,
      row: r,
      line: csv.lines[r],
      column,
      header: column ? headerOf(column) : undefined,
      value,
    });
  };

  // Date shapes first, for every date column, so that the order can be decided file-wide.
  const raws = new Map<string, string[]>();
  const shapes = new Map<string, DateShape[]>();
  const evidence = new Map<string, DateOrderEvidence>();
  for (const c of columns) {
    const src = sources.get(c.name);
    if (!src) continue;
    let raw = rawColumn(csv, src, TEXT_TYPES.has(c.type));
    const map = preset?.values?.[c.name];
    if (map) {
      // Few distinct codes (stages, statuses): normalize each once.
      const seen = new Map<string, string>();
      raw = raw.map((t) => {
        if (t === "") return t;
        let v = seen.get(t);
        if (v === undefined) {
          v = map[normalizeLabel(t)] ?? t;
          seen.set(t, v);
        }
        return v;
      });
    }
    raws.set(c.name, raw);
    if (DATE_TYPES.has(c.type)) {
      const s = raw.map((t) => (t === "" ? null : readDateShape(t)));
      shapes.set(c.name, s);
      evidence.set(c.name, analyzeDateColumn(s));
    }
  }
  const proven = new Set<DayMonthOrder>();
  for (const e of evidence.values()) if (e.order) proven.add(e.order);
  const fileOrder: DayMonthOrder | null = proven.size === 1 ? [...proven][0] : null;

  const dates: DateColumn[] = [];
  const decimalComma: string[] = [];
  const points: string[] = [];
  const numbers: NumberColumn[] = [];
  const tooLong: LongCell[] = [];
  const truncated: LongCell[] = [];
  const hijri: HijriColumn[] = [];
  const fileWidth = csv.headers.length;
  // A single spreadsheet cell per value: its type decides, not the text.
  const typedSource = (column: string): number | null => {
    const src = sources.get(column);
    return csv.kinds && src && src.length === 1 ? src[0] : null;
  };
  columns.forEach((c, k) => {
    const raw = raws.get(c.name);
    if (!raw) return; // derived only (Stage from status, Closed Date from close date)
    if (DATE_TYPES.has(c.type)) {
      const ev = evidence.get(c.name)!;
      const undecided = ev.ambiguous > 0 || (ev.mdy > 0 && ev.dmy > 0);
      let order: DayMonthOrder | null = ev.order;
      let from: DateColumn["from"] = "column";
      if (!order && undecided) {
        order = fileOrder ?? options.dateOrder ?? null;
        from = fileOrder ? "file" : order ? "choice" : "none";
      } else if (!order) {
        from = "none"; // nothing numeric and ambiguous: any order reads the same
      }
      dates.push({ column: c.name, order, from, needsChoice: undecided && !order, evidence: ev });
      const s = shapes.get(c.name)!;
      const floor = c.type === "date";
      const typed = typedSource(c.name);
      let hijriFirst = -1;
      let hijriCount = 0;
      // Only a text that is no Gregorian date can be a Hijri one: checked where reading failed.
      const notADate = (r: number): void => {
        if (isHijriDate(raw[r])) {
          if (hijriFirst === -1) hijriFirst = r;
          hijriCount++;
        }
        problem("notADate", r, c.name, raw[r]);
      };
      for (let r = 0; r < n; r++) {
        const shape = s[r];
        if (raw[r] === "") {
          values[r][k] = null;
          continue;
        }
        if (typed !== null && numericKind(csv.kinds, fileWidth, r, typed)) {
          const serial = Number(raw[r]);
          if (serial > 0 && serial < 2958466) values[r][k] = floor ? Math.floor(serial) : serial;
          else problem("notADate", r, c.name, raw[r]);
          continue;
        }
        if (shape === null) {
          notADate(r);
          continue;
        }
        let use = order;
        if (shape.kind === "numeric" && !use) {
          if (shape.a > 12) use = "dmy";
          else if (shape.b > 12 || shape.a === shape.b) use = "mdy";
        }
        if (!use && shape.kind === "numeric") {
          problem("ambiguousDate", r, c.name, raw[r]);
          continue;
        }
        const serial = resolveDate(shape, use ?? "mdy");
        if (serial === undefined) notADate(r);
        else values[r][k] = floor ? Math.floor(serial) : serial;
      }
      if (hijriFirst !== -1) {
        const header = headerOf(c.name);
        const line = csv.lines[hijriFirst];
        const value = raw[hijriFirst];
        hijri.push({
          column: c.name,
          header,
          row: hijriFirst,
          line,
          value,
          count: hijriCount,
          error: errors.hijriDates(header, line, value, hijriCount),
        });
      }
      return;
    }
    if (NUMBER_TYPES.has(c.type)) {
      const typed = typedSource(c.name);
      const isTyped = (r: number): boolean =>
        typed !== null && numericKind(csv.kinds, fileWidth, r, typed);
      const texts = typed === null ? raw : raw.map((t, r) => (isTyped(r) ? "" : t));
      const decision = decideNumberColumn(texts, options.numberMarks?.[c.name]);
      numbers.push({ column: c.name, ...decision });
      const mark = decision.mark;
      if (mark === ",") decimalComma.push(c.name);
      // Read every value first, then decide the percent scale from the whole column.
      const read = new Float64Array(n).fill(NaN);
      const signed = new Uint8Array(n);
      for (let r = 0; r < n; r++) {
        const t = raw[r];
        if (t === "") continue;
        if (isTyped(r)) {
          read[r] = Number(t);
          continue;
        }
        if (mark === null) {
          // Undecided column: values that read the same either way are still fine.
          const a = readNumber(t, ".");
          const b = readNumber(t, ",");
          if (a && b && a.value === b.value) {
            read[r] = a.value;
            signed[r] = a.percent ? 1 : 0;
          } else if (a || b) problem("ambiguousNumber", r, c.name, t);
          else problem("notANumber", r, c.name, t);
          continue;
        }
        const v = readNumber(t, mark);
        if (v === undefined) problem("notANumber", r, c.name, t);
        else {
          read[r] = v.value;
          signed[r] = v.percent ? 1 : 0;
        }
      }
      let scalePoints = false;
      if (c.type === "percent") {
        const plain: number[] = [];
        for (let r = 0; r < n; r++) if (!signed[r] && read[r] === read[r]) plain.push(read[r]);
        scalePoints = percentPoints(plain);
        if (scalePoints) points.push(c.name);
      }
      for (let r = 0; r < n; r++) {
        if (raw[r] === "") {
          values[r][k] = null;
          continue;
        }
        const v = read[r];
        if (v !== v) continue; // NaN: a problem was reported
        if (scalePoints && !signed[r] && !fitsPoints(v)) {
          problem("percentScale", r, c.name, raw[r]);
          continue;
        }
        if (c.type === "integer" && !Number.isInteger(v)) {
          problem("notAWholeNumber", r, c.name, raw[r]);
          continue;
        }
        values[r][k] = scalePoints && !signed[r] ? v / 100 : v;
      }
      return;
    }
    if (c.type === "flag") {
      for (let r = 0; r < n; r++) {
        const t = raw[r];
        if (t === "") {
          values[r][k] = null;
          continue;
        }
        const v = readFlag(t);
        if (v === undefined) problem("notAFlag", r, c.name, t);
        else values[r][k] = v;
      }
      return;
    }
    for (let r = 0; r < n; r++) {
      let t = raw[r];
      if (t.length > MAX_CELL_CHARS) {
        const long: LongCell = {
          row: r,
          line: csv.lines[r],
          column: c.name,
          header: headerOf(c.name),
          length: t.length,
        };
        if (options.truncateLongText) {
          truncated.push(long);
          t = t.slice(0, MAX_CELL_CHARS);
        } else tooLong.push(long);
      }
      values[r][k] = t === "" ? null : t;
    }
  });

  // Won/lost status decides Stage for closed deals (Pipedrive keeps won/lost out of the stage).
  const stageK = columns.findIndex((c) => c.name === "Stage");
  if (statusSource && stageK !== -1) {
    const status = rawColumn(csv, statusSource, false);
    const hasStage = raws.has("Stage");
    for (let r = 0; r < n; r++) {
      // "won", "Won", and a localized account's "Gewonnen", "Perdu", "خسارة".
      const s = status[r] === "" ? Stage.Open : importedOutcome(status[r]);
      if (s === Stage.Won) values[r][stageK] = "Won";
      else if (s === Stage.Lost) values[r][stageK] = "Lost";
      else if (!hasStage) values[r][stageK] = undefined;
    }
  }
  // HubSpot's and Salesforce's close date is the actual one once a deal is closed.
  if (deriveClosed && stageK !== -1) {
    const closeK = columns.findIndex((c) => c.name === "Expected Close");
    const closedK = columns.findIndex((c) => c.name === "Closed Date");
    const closedMapped = raws.has("Closed Date");
    for (let r = 0; r < n; r++) {
      const stage = values[r][stageK];
      const closed =
        typeof stage === "string" && importedOutcome(stage.replace(/^'/, "")) !== Stage.Open;
      const current = values[r][closedK];
      if (closed && (current === null || current === undefined))
        values[r][closedK] = values[r][closeK];
      else if (!closedMapped) values[r][closedK] = undefined;
    }
  }

  const idColumn = spec.idColumn ?? "";
  const idK = columns.findIndex((c) => c.name === idColumn);
  const idRaw = raws.get(idColumn);
  const ids = new Array<string | null>(n);
  for (let r = 0; r < n; r++) {
    const id = idRaw ? idRaw[r] : "";
    ids[r] = id === "" ? null : id;
    if (idK !== -1 && id === "") problem("missingId", r, idColumn);
  }
  problems.sort((a, b) => a.row - b.row);
  return {
    columns: columns.map((c) => c.name),
    values,
    ids,
    idMapped: idK !== -1,
    problems,
    rejected,
    dates,
    needsDateOrder: dates.some((d) => d.needsChoice),
    decimalComma,
    percentPoints: points,
    numbers,
    needsNumberChoice: numbers.some((x) => x.needsChoice),
    tooLong,
    truncated,
    hijri,
  };
}
