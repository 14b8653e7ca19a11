/**
 * Spreadsheet cells (an XLSX sheet, a sheet or selection of this workbook) as a parsed file: the
 * first non-blank row is the header (after a formatted report's title rows: reportRows.ts), blank
 * rows, totals rows and a report footer are dropped (listed in `footer`), grouped cells filled, and every cell keeps its type
 * (`ParsedCsv.kinds`): numbers stay numbers, date-formatted numbers are date serials, booleans
 * are booleans, so no locale guess ever applies to them. A trailing footer block is treated as
 * in CSV files (parse.ts), by the same rule.
 */
import { CellKind, ParsedCsv } from "./parse";
import { reportRows } from "./reportRows";

/** One cell as a spreadsheet gives it. */
export type GridCell = string | number | boolean | null | undefined;

/**
 * Whether a number format shows dates or times (`m/d/yyyy`, `[$-409]d-mmm-yy`, `h:mm AM/PM`),
 * not only digits (`0.00`, `#,##0 "days"`, `[Red]0`).
 *
 * @param format an Excel number format code
 * @returns true for date and time formats
 * @example
 * isDateFormat("yyyy-mm-dd"); // true
 * isDateFormat('#,##0.00 "€"'); // false
 */
export function isDateFormat(format: string): boolean {
  if (!format || format === "General" || format === "@") return false;
  // Drop quoted text, escaped characters and [..] sections (colours, locales, elapsed [h]).
  const bare = format.replace(/"[^"]*"|\\./g, "").replace(/\[(?:h+|m+|s+)\]/gi, "h");
  const codes = bare.replace(/\[[^\]]*\]/g, "");
  return /[dmyhs]/i.test(codes.replace(/E\+|E-/gi, ""));
}

/** The kind of a cell from its value and number format. */
function kindOf(value: GridCell, format: string | undefined): number {
  if (typeof value === "number") {
    return format && isDateFormat(format) ? CellKind.date : CellKind.number;
  }
  if (typeof value === "boolean") return CellKind.boolean;
  return CellKind.text;
}

function textOf(value: GridCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/**
 * Turns spreadsheet cells into a parsed file.
 *
 * @param values the cells, row by row (rows may be ragged; missing cells are blank)
 * @param formats the number format of each cell (same shape), or null when unknown
 * @param firstRow the 1-based sheet row of `values[0]` (line numbers are sheet rows)
 * @returns the header, rows, their sheet rows as lines, and the cell kinds; null when no cell is filled
 * @example
 * const csv = gridToParsed([["Deal ID", "Amount"], ["D1", 5000]], null, 1);
 * csv?.rows; // [["D1", "5000"]]
 */
export function gridToParsed(
  values: readonly (readonly GridCell[])[],
  formats: readonly (readonly (string | undefined)[])[] | null,
  firstRow: number
): ParsedCsv | null {
  const blank = (row: readonly GridCell[]): boolean =>
    row.every((v) => v === null || v === undefined || (typeof v === "string" && v.trim() === ""));
  const nonBlank: number[] = [];
  for (let r = 0; r < values.length; r++) if (!blank(values[r])) nonBlank.push(r);
  if (nonBlank.length === 0) return null;
  // Title rows, totals, a footer and grouped cells of a formatted report (reportRows.ts).
  const shape = reportRows(
    nonBlank.map((r) => Array.from(values[r], textOf)),
    (i, c) => typeof values[nonBlank[i]][c] === "number"
  );
  const kept = shape.data.map((i) => nonBlank[i]);
  // Width: the header's last filled cell (columns beyond it are ignored like unnamed ones).
  const headerRow = values[nonBlank[shape.header]];
  let width = headerRow.length;
  while (width > 0 && textOf(headerRow[width - 1]).trim() === "") width--;
  // Data beyond the header's width must not vanish: widen to the widest filled row.
  for (const r of kept) {
    const row = values[r];
    for (let c = row.length - 1; c >= width; c--) {
      if (textOf(row[c]).trim() !== "") {
        width = c + 1;
        break;
      }
    }
  }
  const headers = Array.from({ length: width }, (_, i) => {
    const t = textOf(headerRow[i]).trim();
    return t === "" ? `Column ${i + 1}` : t;
  });
  const rows: string[][] = new Array(kept.length);
  const lines: number[] = new Array(kept.length);
  const kinds = new Uint8Array(kept.length * width);
  kept.forEach((r, i) => {
    const src = values[r];
    const fmt = formats ? formats[r] : undefined;
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const v = src[c];
      row[c] = textOf(v);
      kinds[i * width + c] = kindOf(v, fmt ? fmt[c] : undefined);
    }
    // A grouped report's blank group cell takes the value of its group's first row.
    for (const [c, fromI] of shape.fill.get(shape.data[i]) ?? []) {
      const from = nonBlank[fromI];
      row[c] = textOf(values[from][c]);
      kinds[i * width + c] = kindOf(values[from][c], formats?.[from]?.[c]);
    }
    rows[i] = row;
    lines[i] = firstRow + r;
  });
  return { headers, rows, lines, delimiter: "", footer: shape.dropped, kinds };
}
