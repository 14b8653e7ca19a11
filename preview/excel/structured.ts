/**
 * Structured references (`Deals[Amount]`, `Deals[[#Data],[Amount]]`, `Deals[#All]`,
 * `Deals[#Headers]`, `Deals[@Amount]`, `[@Amount]` inside a table) rewritten to the table's
 * current A1 range before a formula reaches HyperFormula, which has no tables. The model keeps
 * the original text and re-enters it whenever a table changes, so references follow the table.
 */
import { formatAddress, Rect } from "./address";
import type { SheetModel, TableModel } from "./model";

type Area = "#Data" | "#All" | "#Headers" | "#Totals" | "#This Row";

interface Parsed {
  areas: Area[];
  columns: [string, string] | null;
}

function unescape(name: string): string {
  return name.replace(/'(.)/g, "$1").trim();
}

/** Parses the text between a table name's outer brackets. */
function parseSpecifier(inner: string): Parsed | null {
  const s = inner.trim();
  if (s === "") return { areas: ["#Data"], columns: null };
  if (s.startsWith("#")) return { areas: [normalizeArea(s)], columns: null };
  if (s.startsWith("@")) {
    const rest = s.slice(1).trim();
    const col = rest.startsWith("[") && rest.endsWith("]") ? rest.slice(1, -1) : rest;
    return col
      ? { areas: ["#This Row"], columns: [unescape(col), unescape(col)] }
      : { areas: ["#This Row"], columns: null };
  }
  if (!s.startsWith("[")) return { areas: ["#Data"], columns: [unescape(s), unescape(s)] };
  // A list of bracketed items: [#Spec],[Col] or [Col1]:[Col2]
  const items: string[] = [];
  let i = 0;
  const separators: string[] = [];
  while (i < s.length) {
    if (s[i] !== "[") return null;
    let j = i + 1;
    let name = "";
    while (j < s.length && s[j] !== "]") {
      if (s[j] === "'" && j + 1 < s.length) {
        name += s[j + 1];
        j += 2;
        continue;
      }
      name += s[j];
      j++;
    }
    if (j >= s.length) return null;
    items.push(name.trim());
    i = j + 1;
    while (i < s.length && s[i] === " ") i++;
    if (i < s.length) {
      if (s[i] !== "," && s[i] !== ":") return null;
      separators.push(s[i]);
      i++;
      while (i < s.length && s[i] === " ") i++;
    }
  }
  const areas: Area[] = [];
  const cols: string[] = [];
  items.forEach((it) => {
    if (it.startsWith("#")) areas.push(normalizeArea(it));
    else if (it.startsWith("@")) {
      areas.push("#This Row");
      if (it.slice(1).trim()) cols.push(it.slice(1).trim());
    } else cols.push(it);
  });
  if (cols.length > 2) return null;
  return {
    areas: areas.length ? areas : ["#Data"],
    columns: cols.length ? [cols[0], cols[cols.length - 1]] : null,
  };
}

function normalizeArea(s: string): Area {
  const k = s.toLowerCase().replace(/\s+/g, " ");
  if (k === "#all") return "#All";
  if (k === "#headers") return "#Headers";
  if (k === "#totals") return "#Totals";
  if (k === "#this row") return "#This Row";
  return "#Data";
}

/** The rectangle a specifier selects, or null when it names nothing (#REF!). */
function resolve(table: TableModel, headers: string[], spec: Parsed, row: number): Rect | null {
  let c0 = table.rect.c0;
  let c1 = table.rect.c1;
  if (spec.columns) {
    const find = (n: string) => headers.findIndex((h) => h.toLowerCase() === n.toLowerCase());
    const a = find(spec.columns[0]);
    const b = find(spec.columns[1]);
    if (a < 0 || b < 0) return null;
    c0 = table.rect.c0 + Math.min(a, b);
    c1 = table.rect.c0 + Math.max(a, b);
  }
  const set = new Set(spec.areas);
  let r0: number;
  let r1: number;
  if (set.has("#This Row")) {
    if (row <= table.rect.r0 || row > table.bodyRect.r1) return null;
    r0 = r1 = row;
  } else if (set.has("#All")) {
    r0 = table.rect.r0;
    r1 = table.rect.r1;
  } else {
    const wantsHeaders = set.has("#Headers");
    const wantsData = set.has("#Data");
    const wantsTotals = set.has("#Totals");
    if (wantsTotals && !table.showTotals) return null;
    r0 = wantsHeaders ? table.rect.r0 : wantsData ? table.bodyRect.r0 : table.rect.r1;
    r1 = wantsTotals ? table.rect.r1 : wantsData ? table.bodyRect.r1 : table.rect.r0;
  }
  return { r0, r1, c0, c1 };
}

/**
 * Rewrites every structured reference of a formula to absolute A1 ranges of the tables' current
 * extent. Unknown tables are left alone (HyperFormula then reports #NAME?, as Excel would);
 * unknown columns become #REF!.
 *
 * @param formula the formula text as written ("=SUM(Deals[Amount])")
 * @param tables the workbook's tables
 * @param sheet the sheet of the formula's cell (for `[@Col]` inside a table)
 * @param row the formula's row (0-based)
 * @param col the formula's column (0-based)
 * @param headersOf the header names of a table
 * @returns the rewritten formula
 * @example
 * rewriteStructuredReferences("=SUM(Deals[Amount])", tables, sheet, 0, 5); // "=SUM(Deals!$C$2:$C$10)"
 */
export function rewriteStructuredReferences(
  formula: string,
  tables: readonly TableModel[],
  sheet: SheetModel,
  row: number,
  col: number,
  headersOf?: (t: TableModel) => string[]
): string {
  const headers = headersOf ?? defaultHeaders;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      const end = formula.indexOf('"', i + 1);
      const stop = end < 0 ? n : end + 1;
      out += formula.slice(i, stop);
      i = stop;
      continue;
    }
    // An identifier (possibly a table name) or an unqualified "[" (this table).
    const ident = /^[A-Za-z_\\][A-Za-z0-9_.\\]*/.exec(formula.slice(i));
    const prev = i > 0 ? formula[i - 1] : "";
    if (ident && !/[A-Za-z0-9_.!$'\]]/.test(prev)) {
      const name = ident[0];
      const after = i + name.length;
      const table = tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
      if (table && formula[after] === "[") {
        const close = matchBracket(formula, after);
        if (close > 0) {
          out += replacement(table, formula.slice(after + 1, close), row, headers);
          i = close + 1;
          continue;
        }
      } else if (table && !/^\s*[([!]/.test(formula.slice(after))) {
        // A bare table name means its data body.
        out += replacement(table, "", row, headers);
        i = after;
        continue;
      }
      out += name;
      i = after;
      continue;
    }
    if (ch === "[" && !/[A-Za-z0-9_.\]]/.test(prev)) {
      const close = matchBracket(formula, i);
      const table = tables.find(
        (t) =>
          t.sheet === sheet &&
          row >= t.rect.r0 &&
          row <= t.rect.r1 &&
          col >= t.rect.c0 &&
          col <= t.rect.c1
      );
      if (close > 0 && table) {
        out += replacement(table, formula.slice(i + 1, close), row, headers);
        i = close + 1;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

function defaultHeaders(t: TableModel): string[] {
  const cells: string[] = [];
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    const cell = t.sheet.cell(t.rect.r0, c);
    cells.push(cell?.input === undefined ? "" : String(cell.input));
  }
  return cells;
}

function replacement(
  table: TableModel,
  inner: string,
  row: number,
  headers: (t: TableModel) => string[]
): string {
  const spec = parseSpecifier(inner);
  const rect = spec ? resolve(table, headers(table), spec, row) : null;
  return rect ? formatAddress(rect, table.sheet.name, true) : "#REF!";
}

/** Index of the bracket closing the one at `open` (nested once, ' escapes), or -1. */
function matchBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "'") {
      i++;
      continue;
    }
    if (s[i] === "[") depth++;
    else if (s[i] === "]") {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
