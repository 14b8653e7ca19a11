/**
 * Reads an XLSX workbook (Office Open XML spreadsheet) into the cells of one sheet: the first
 * sheet, or a chosen one. Numbers stay numbers, numbers under a date format are date serials
 * (1904-based workbooks are moved to Excel's 1900 system), booleans are booleans, shared and
 * inline strings are text; formulas give their cached value. The cells then go through the same
 * mapping and validation as a CSV file (engine/csv/grid.ts).
 *
 * fflate unzips (the one XLSX dependency, ~8 KB); the XML is scanned with regular expressions,
 * which is several times faster than a DOM for the 100,000-row exports CRMs produce. The task
 * pane loads this module with a dynamic `import()`, so neither fflate nor this code is in the
 * pane's first-load bundle.
 */
import { strFromU8, unzipSync } from "fflate";
import { gridToParsed, GridCell, isDateFormat } from "../csv/grid";
import type { ParsedCsv } from "../csv/parse";

/** Why an XLSX file cannot be read. */
export type XlsxIssue =
  | { readonly code: "notXlsx" }
  | { readonly code: "noSheet"; readonly sheet: string }
  | { readonly code: "emptySheet"; readonly sheet: string };

/** A read workbook: its sheet names and the chosen sheet's cells. */
export interface XlsxBook {
  readonly sheets: readonly string[];
  readonly sheet: string;
  readonly grid: ParsedCsv;
}

/** Either the workbook or why it cannot be read. */
export type XlsxResult =
  | { readonly ok: true; readonly book: XlsxBook }
  | { readonly ok: false; readonly issue: XlsxIssue; readonly sheets: readonly string[] };

// Built-in number formats that show dates or times (ECMA-376 18.8.30, and the East Asian ids).
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51,
  52, 53, 54, 55, 56, 57, 58,
]);
/** Days between the 1904 and 1900 date systems. */
const DATE1904_OFFSET = 1462;

const ENTITY = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** XML text → string: entities and OOXML's `_xHHHH_` escapes. */
function unescapeXml(text: string): string {
  let out = text;
  if (out.indexOf("&") !== -1) {
    out = out.replace(ENTITY, (_, dec: string, hex: string, name: string) =>
      dec
        ? String.fromCodePoint(Number(dec))
        : hex
          ? String.fromCodePoint(parseInt(hex, 16))
          : NAMED[name]
    );
  }
  if (out.indexOf("_x") !== -1) {
    out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) =>
      String.fromCharCode(parseInt(h, 16))
    );
  }
  return out;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** The text of `<t>` elements inside a string item (plain or rich text runs). */
function textOf(xml: string): string {
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let out = "";
  let m: RegExpExecArray | null;
  // Phonetic runs (<rPh>) are hints, not text.
  const body = xml.indexOf("<rPh") === -1 ? xml : xml.replace(/<rPh[\s\S]*?<\/rPh>/g, "");
  while ((m = re.exec(body))) out += m[1] ?? "";
  return unescapeXml(out);
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) out.push(m[1] ? textOf(m[1]) : "");
  return out;
}

/** Per cell style index: true when its number format shows dates. */
function dateStyles(xml: string | null): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  const fmtRe = /<numFmt\b[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = fmtRe.exec(xml))) {
    const id = Number(attr(m[0], "numFmtId"));
    custom.set(id, attr(m[0], "formatCode") ?? "");
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: boolean[] = [];
  const xfRe = /<xf\b[^>]*>/g;
  while ((m = xfRe.exec(xfs[1]))) {
    const id = Number(attr(m[0], "numFmtId") ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
  }
  return out;
}

/** 0-based column of a cell reference ("AB12" → 27). */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    c = c * 26 + (code - 64);
  }
  return c - 1;
}

/** Resolves a relationship target against the workbook part's folder. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `xl/${target}`.split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "..") out.pop();
    else if (p !== ".") out.push(p);
  }
  return out.join("/");
}

const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;

/** The cells of a sheet part, with "date" formats marked for date-styled numbers. */
function sheetCells(
  xml: string,
  strings: readonly string[],
  isDate: readonly boolean[],
  date1904: boolean
): { values: GridCell[][]; formats: (string | undefined)[][] } {
  const values: GridCell[][] = [];
  const formats: (string | undefined)[][] = [];
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml);
  if (!data) return { values, formats };
  let rowIndex = -1;
  let rowMatch: RegExpExecArray | null;
  ROW.lastIndex = 0;
  while ((rowMatch = ROW.exec(data[1]))) {
    const r = attr(rowMatch[1], "r");
    rowIndex = r ? Number(r) - 1 : rowIndex + 1;
    const inner = rowMatch[2];
    if (!inner) continue;
    const row: GridCell[] = [];
    const fmt: (string | undefined)[] = [];
    let col = -1;
    let cellMatch: RegExpExecArray | null;
    CELL.lastIndex = 0;
    while ((cellMatch = CELL.exec(inner))) {
      const head = cellMatch[1];
      const body = cellMatch[2] ?? "";
      const ref = attr(head, "r");
      col = ref ? columnOf(ref) : col + 1;
      const type = attr(head, "t") ?? "n";
      let value: GridCell = null;
      let format: string | undefined;
      if (type === "inlineStr") value = textOf(body);
      else {
        const v = VALUE.exec(body);
        if (v) {
          const raw = v[1];
          if (type === "s") value = strings[Number(raw)] ?? "";
          else if (type === "b") value = raw === "1";
          else if (type === "str" || type === "e") value = unescapeXml(raw);
          else if (type === "d")
            value = unescapeXml(raw); // ISO date text; the date reader parses it
          else {
            const n = Number(raw);
            const style = Number(attr(head, "s") ?? 0);
            if (isDate[style]) {
              value = date1904 ? n + DATE1904_OFFSET : n;
              format = "yyyy-mm-dd";
            } else value = n;
          }
        }
      }
      if (value === null) continue;
      row[col] = value;
      if (format) fmt[col] = format;
    }
    values[rowIndex] = row;
    formats[rowIndex] = fmt;
  }
  for (let i = 0; i < values.length; i++) {
    if (!values[i]) {
      values[i] = [];
      formats[i] = [];
    }
  }
  return { values, formats };
}

/**
 * Reads one sheet of an XLSX file.
 *
 * @param bytes the file's bytes
 * @param sheet the sheet's name, or its 0-based index; the first sheet when omitted
 * @returns the sheet names and the chosen sheet's cells, or why the file cannot be read
 * @example
 * const r = readXlsx(new Uint8Array(await file.arrayBuffer()));
 * if (r.ok) prepareCsv(r.book.grid, { target: "Deals" });
 */
export function readXlsx(bytes: Uint8Array, sheet?: string | number): XlsxResult {
  let files: Record<string, Uint8Array> = {};
  const text = (name: string): string | null => (files[name] ? strFromU8(files[name]) : null);
  try {
    // Only the parts needed: the workbook, its relationships, strings, styles, and sheets.
    files = unzipSync(bytes, {
      filter: (f) =>
        f.name === "xl/workbook.xml" ||
        f.name === "xl/_rels/workbook.xml.rels" ||
        f.name === "xl/sharedStrings.xml" ||
        f.name === "xl/styles.xml" ||
        f.name.startsWith("xl/worksheets/"),
    });
  } catch {
    return { ok: false, issue: { code: "notXlsx" }, sheets: [] };
  }
  const workbook = text("xl/workbook.xml");
  if (!workbook) return { ok: false, issue: { code: "notXlsx" }, sheets: [] };
  const rels = new Map<string, string>();
  const relXml = text("xl/_rels/workbook.xml.rels") ?? "";
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id && target) rels.set(id, partPath(target));
  }
  const sheets: { name: string; part: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name") ?? "";
    const id = attr(m[0], "r:id") ?? attr(m[0], "id");
    const part = id ? rels.get(id) : undefined;
    sheets.push({ name, part: part ?? `xl/worksheets/sheet${sheets.length + 1}.xml` });
  }
  const names = sheets.map((s) => s.name);
  const chosen =
    sheet === undefined
      ? sheets[0]
      : typeof sheet === "number"
        ? sheets[sheet]
        : sheets.find((s) => s.name === sheet);
  const label = sheet === undefined ? "" : String(sheet);
  if (!chosen || !files[chosen.part]) {
    return { ok: false, issue: { code: "noSheet", sheet: chosen?.name ?? label }, sheets: names };
  }
  const date1904 = /<workbookPr\b[^>]*\sdate1904="(?:1|true)"/.test(workbook);
  const { values, formats } = sheetCells(
    text(chosen.part)!,
    sharedStrings(text("xl/sharedStrings.xml")),
    dateStyles(text("xl/styles.xml")),
    date1904
  );
  const grid = gridToParsed(values, formats, 1);
  if (!grid) return { ok: false, issue: { code: "emptySheet", sheet: chosen.name }, sheets: names };
  return { ok: true, book: { sheets: names, sheet: chosen.name, grid } };
}
