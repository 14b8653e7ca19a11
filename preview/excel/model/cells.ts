/**
 * Ranges of the model: resolving addresses, writing values and formulas as Excel parses typing,
 * reading values/formulas/text/number formats, styles, clear, the used range, merges.
 */
import { DetailedCellError } from "hyperformula";
import {
  MAX_COLUMNS,
  Rect,
  columnCount,
  intersect,
  overlaps,
  parseAddress,
  rowCount,
} from "../address";
import { excelError, notFound } from "../errors";
import { formatValue } from "../numberFormat";
import { rewriteStructuredReferences } from "../structured";
import { translateFormula } from "../translate";
import { SheetsModel } from "./sheets";
import {
  Cell,
  RangeRef,
  SheetModel,
  Style,
  contains,
  isNumericText,
  sheetCellSet,
  toExcelValue,
} from "./types";

/** Cells and ranges. */
export abstract class CellsModel extends SheetsModel {
  // ---------------------------------------------------------------- ranges

  /**
   * Resolves an address on a sheet (or a sheet-qualified address).
   *
   * @param sheet the sheet the address is relative to
   * @param address A1 text
   * @returns the reference
   */
  range(sheet: SheetModel, address: string): RangeRef {
    const p = parseAddress(address);
    const target = p.sheet !== undefined ? this.sheet(p.sheet, "Worksheet.getRange") : sheet;
    return { sheet: target, rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } };
  }

  /** A workbook-level reference "Sheet!A1:B2" (the sheet is required). */
  rangeFromAddress(address: string, location: string): RangeRef {
    const p = parseAddress(address);
    if (p.sheet === undefined) {
      if (!this.activeSheet) throw notFound(location);
      return { sheet: this.activeSheet, rect: p };
    }
    return {
      sheet: this.sheet(p.sheet, location),
      rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 },
    };
  }

  /** The cells of a rectangle that exist in the model, row-major. */
  *existing(sheet: SheetModel, rect: Rect): Generator<[number, number, Cell]> {
    const area = rowCount(rect) * columnCount(rect);
    if (area <= sheet.cells.size * 4) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = sheet.cell(r, c);
          if (cell) yield [r, c, cell];
        }
      }
      return;
    }
    for (const [k, cell] of sheet.cells) {
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (r >= rect.r0 && r <= rect.r1 && c >= rect.c0 && c <= rect.c1) yield [r, c, cell];
    }
  }

  /**
   * Writes values or formulas, as Range.values / Range.formulas do: `null` leaves a cell,
   * `""` clears it, "=…" is a formula ("+…"/"-…" too unless numeric), "'…" is text, other text
   * is parsed like typing (numbers, dates, percents, currency), unless the cell is formatted as
   * text ("@").
   *
   * @param ref where
   * @param data rows × columns, already checked against the range's shape
   */
  writeInputs(ref: RangeRef, data: readonly (readonly unknown[])[]): void {
    const { sheet, rect } = ref;
    const block: (string | number | boolean | null | undefined)[][] = [];
    const typed: [number, number][] = [];
    for (let i = 0; i < data.length; i++) {
      const out: (string | number | boolean | null | undefined)[] = [];
      for (let j = 0; j < data[i].length; j++) {
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        const v = data[i][j];
        if (v === null || v === undefined) {
          out.push(undefined);
          continue;
        }
        if (v === "") {
          const cell = sheet.cell(r, c);
          if (cell) {
            this.structured.delete(`${sheet.id}|${r}|${c}`);
            delete cell.input;
            delete cell.formula;
          }
          out.push(null);
          continue;
        }
        const cell = sheet.cell(r, c, true);
        this.structured.delete(`${sheet.id}|${r}|${c}`);
        delete cell.quoted;
        if (typeof v === "number") {
          if (!Number.isFinite(v))
            throw excelError(
              "InvalidArgument",
              "The argument is invalid: a number must be finite.",
              "Range.values"
            );
          cell.input = v;
          delete cell.formula;
          out.push(v);
        } else if (typeof v === "boolean") {
          cell.input = v;
          delete cell.formula;
          out.push(v);
        } else if (typeof v === "string") {
          if (cell.numberFormat === "@") {
            cell.input = v;
            cell.quoted = true;
            delete cell.formula;
            out.push(`'${v}`);
          } else if (v.startsWith("'")) {
            cell.input = v.slice(1);
            cell.quoted = true;
            delete cell.formula;
            out.push(v);
          } else if (
            v.length > 1 &&
            (v[0] === "=" || ((v[0] === "+" || v[0] === "-") && !isNumericText(v)))
          ) {
            const text = v[0] === "=" ? v : `=${v}`;
            cell.input = text;
            cell.formula = true;
            out.push(this.toEngineFormula(sheet, r, c, text));
          } else {
            cell.input = v;
            delete cell.formula;
            out.push(v);
            if (/[/%$-]|^\d+:\d/.test(v)) typed.push([r, c]);
          }
        } else {
          throw excelError(
            "InvalidArgument",
            `The argument is invalid: a cell value must be a number, text or boolean, not ${Array.isArray(v) ? "an array" : typeof v}.`,
            "Range.values"
          );
        }
      }
      block.push(out);
    }
    this.engine.write(sheet.hfId, rect.r0, rect.c0, block);
    // Excel formats typed dates, percents and currency as it parses them.
    for (const [r, c] of typed) {
      const cell = sheet.cell(r, c, true);
      if (cell.numberFormat && cell.numberFormat !== "General") continue;
      const t = this.engine.detailedType(sheet.hfId, r, c);
      if (t === "NUMBER_DATE") cell.numberFormat = "m/d/yyyy";
      else if (t === "NUMBER_DATETIME") cell.numberFormat = "m/d/yyyy h:mm";
      else if (t === "NUMBER_TIME") cell.numberFormat = "h:mm";
      else if (t === "NUMBER_PERCENT") cell.numberFormat = "0%";
      else if (t === "NUMBER_CURRENCY") cell.numberFormat = "$#,##0.00";
    }
    this.afterWrite(sheet, rect);
  }

  protected toEngineFormula(sheet: SheetModel, row: number, col: number, text: string): string {
    if (
      !text.includes("[") &&
      !this.tables.some((t) => text.toLowerCase().includes(t.name.toLowerCase()))
    )
      return translateFormula(text);
    const rewritten = rewriteStructuredReferences(text, this.tables, sheet, row, col);
    const engineText = translateFormula(rewritten);
    if (rewritten !== text) this.structured.set(`${sheet.id}|${row}|${col}`, engineText);
    return engineText;
  }

  /**
   * Re-enters the formulas with a structured reference whose A1 text changed (after a table
   * changed), as one batch: the engine recalculates once, not once per formula.
   */
  refreshStructured(): void {
    const wasSuspended = this.engine.isSuspended;
    this.engine.suspend();
    try {
      for (const [k, before] of [...this.structured]) {
        const [id, r, c] = k.split("|");
        const sheet = this.sheets.find((s) => s.id === id);
        const cell = sheet?.cell(Number(r), Number(c));
        this.structured.delete(k);
        if (!sheet || !cell?.formula || typeof cell.input !== "string") continue;
        const text = this.toEngineFormula(sheet, Number(r), Number(c), cell.input);
        if (text !== before) this.engine.write(sheet.hfId, Number(r), Number(c), [[text]]);
      }
    } finally {
      if (!wasSuspended) this.engine.resume();
    }
  }

  protected afterWrite(sheet: SheetModel, rect: Rect): void {
    const touched = this.tables.filter(
      (t) => t.sheet === sheet && t.showHeaders && overlaps(t.headerRect, rect)
    );
    for (const t of touched) this.normalizeHeaders(t);
  }

  /** Value of one cell as Range.values reports it. */
  value(sheet: SheetModel, row: number, col: number): string | number | boolean {
    return toExcelValue(this.engine.value(sheet.hfId, row, col));
  }

  /**
   * A cell's value without making the engine recalculate when the model already knows it
   * (constants: numbers, booleans, texts written as text or plain words); formulas and typed
   * texts the engine parsed (numbers, dates) are asked of the engine.
   */
  peekValue(sheet: SheetModel, row: number, col: number): string | number | boolean {
    const cell = sheet.cell(row, col);
    if (!cell || cell.input === undefined) return "";
    if (cell.formula) return this.value(sheet, row, col);
    if (typeof cell.input !== "string" || cell.quoted) return cell.input;
    return /^[\s\d$+\-.(#]|%\s*$|\/|^(true|false)$|:/i.test(cell.input)
      ? this.value(sheet, row, col)
      : cell.input;
  }

  /** The error message behind an error value, if any (HyperFormula keeps it). */
  errorMessage(sheet: SheetModel, row: number, col: number): string | null {
    const v = this.engine.value(sheet.hfId, row, col);
    return v instanceof DetailedCellError ? v.message || v.value : null;
  }

  /** Range.values. */
  readValues(ref: RangeRef): (string | number | boolean)[][] {
    const { sheet, rect } = ref;
    const out: (string | number | boolean)[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: (string | number | boolean)[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(this.value(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  /** Range.formulas: the formula text as written, or the value. */
  readFormulas(ref: RangeRef): (string | number | boolean)[][] {
    return this.readValues(ref).map((row, i) =>
      row.map((v, j) => {
        const cell = ref.sheet.cell(ref.rect.r0 + i, ref.rect.c0 + j);
        return cell?.formula ? (cell.input as string) : v;
      })
    );
  }

  /** Range.numberFormat. */
  readNumberFormats(ref: RangeRef): string[][] {
    return this.map(ref, (cell) => cell?.numberFormat ?? "General");
  }

  /** Range.text: values rendered with their number formats. */
  readText(ref: RangeRef): string[][] {
    const values = this.readValues(ref);
    const formats = this.readNumberFormats(ref);
    return values.map((row, i) => row.map((v, j) => formatValue(v, formats[i][j])));
  }

  /** Range.valueTypes. */
  readValueTypes(ref: RangeRef): string[][] {
    return this.readValues(ref).map((row, i) =>
      row.map((v, j) => {
        if (v === "") return "Empty";
        if (typeof v === "number") return "Double";
        if (typeof v === "boolean") return "Boolean";
        return this.errorMessage(ref.sheet, ref.rect.r0 + i, ref.rect.c0 + j) !== null
          ? "Error"
          : "String";
      })
    );
  }

  /** Range.numberFormat = …; cells formatted "@" afterwards keep text as text. */
  writeNumberFormats(ref: RangeRef, data: readonly (readonly unknown[])[]): void {
    data.forEach((row, i) =>
      row.forEach((f, j) => {
        if (f === null || f === undefined) return;
        if (typeof f !== "string")
          throw excelError(
            "InvalidArgument",
            "The argument is invalid: a number format must be text.",
            "Range.numberFormat"
          );
        sheetCellSet(ref.sheet, ref.rect.r0 + i, ref.rect.c0 + j, (cell) => {
          if (f === "General" || f === "") delete cell.numberFormat;
          else cell.numberFormat = f;
        });
      })
    );
  }

  /** Maps every cell of a range (existing or not). */
  map<T>(ref: RangeRef, fn: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
      const row: T[] = [];
      for (let c = ref.rect.c0; c <= ref.rect.c1; c++) row.push(fn(ref.sheet.cell(r, c), r, c));
      out.push(row);
    }
    return out;
  }

  /**
   * A style property over a range: the shared value, or null when cells differ (as Excel).
   * Whole rows/columns read the cells that exist plus the default.
   */
  readStyle<K extends keyof Style>(ref: RangeRef, key: K, fallback: Style[K]): Style[K] | null {
    const area = rowCount(ref.rect) * columnCount(ref.rect);
    let first: Style[K] | undefined;
    let seen = 0;
    let mixed = false;
    for (const [, , cell] of this.existing(ref.sheet, ref.rect)) {
      const v = cell.style?.[key] ?? fallback;
      seen++;
      if (first === undefined) first = v;
      else if (JSON.stringify(first) !== JSON.stringify(v)) mixed = true;
    }
    if (seen < area) {
      if (first !== undefined && JSON.stringify(first) !== JSON.stringify(fallback)) mixed = true;
      first = first ?? fallback;
    }
    return mixed ? null : (first ?? fallback);
  }

  /** Applies a style change to every cell of a range (whole rows/columns: cells with content). */
  writeStyle(ref: RangeRef, apply: (style: Style, row: number, col: number) => void): void {
    const area = rowCount(ref.rect) * columnCount(ref.rect);
    if (area > 2_000_000) {
      // Whole columns/rows: Excel formats the column; the stand-in formats the used part of it.
      const used = this.usedRect(ref.sheet, false);
      const part = used ? intersect(used, ref.rect) : null;
      if (!part) return;
      this.writeStyle({ sheet: ref.sheet, rect: part }, apply);
      return;
    }
    for (let r = ref.rect.r0; r <= ref.rect.r1; r++) {
      for (let c = ref.rect.c0; c <= ref.rect.c1; c++) {
        const cell = ref.sheet.cell(r, c, true);
        cell.style = cell.style ?? {};
        apply(cell.style, r, c);
      }
    }
  }

  /** Range.clear(applyTo). */
  clear(ref: RangeRef, applyTo = "All"): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    if (!contents && !formats && applyTo !== "Hyperlinks" && applyTo !== "RemoveHyperlinks") {
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: applyTo '${applyTo}'.`,
        "Range.clear"
      );
    }
    const cells = [...this.existing(ref.sheet, ref.rect)];
    if (contents) {
      for (const [r, c, cell] of cells) {
        if (cell.input !== undefined) {
          this.engine.write(ref.sheet.hfId, r, c, [[null]]);
          this.structured.delete(`${ref.sheet.id}|${r}|${c}`);
        }
        delete cell.input;
        delete cell.formula;
      }
    }
    if (formats) {
      for (const [, , cell] of cells) {
        delete cell.style;
        delete cell.numberFormat;
      }
      ref.sheet.merges = ref.sheet.merges.filter((m) => !overlaps(m, ref.rect));
    }
    for (const [r, c, cell] of cells) {
      if (cell.input === undefined && !cell.style && !cell.numberFormat)
        ref.sheet.cells.delete(r * MAX_COLUMNS + c);
    }
    if (applyTo === "All") {
      // Excel's Clear All removes comments and notes too (Contents and Formats keep them).
      for (const c of ref.sheet.comments.filter((x) => contains(ref.rect, rectOf(x.row, x.col))))
        c.deleted = true;
      ref.sheet.comments = ref.sheet.comments.filter((x) => !x.deleted);
      ref.sheet.validations = ref.sheet.validations.filter((v) => !contains(ref.rect, v.rect));
      ref.sheet.conditionalFormats = ref.sheet.conditionalFormats.filter(
        (f) => !contains(ref.rect, f.rect)
      );
    }
    if (contents) this.afterWrite(ref.sheet, ref.rect);
  }

  /**
   * The used range: the bounding box of cells with content (valuesOnly) or with content or
   * formats; null when there is none. With `within`, only cells inside it count (Range.getUsedRange
   * is the used part of that range, not the sheet's used range cut to it).
   */
  usedRect(sheet: SheetModel, valuesOnly: boolean, within?: Rect): Rect | null {
    let r0 = Infinity;
    let c0 = Infinity;
    let r1 = -1;
    let c1 = -1;
    for (const [k, cell] of sheet.cells) {
      if (
        valuesOnly
          ? cell.input === undefined
          : cell.input === undefined && !cell.style && !cell.numberFormat
      )
        continue;
      const r = Math.floor(k / MAX_COLUMNS);
      const c = k % MAX_COLUMNS;
      if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) continue;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    }
    if (!valuesOnly) {
      for (const t of this.tables) {
        if (t.sheet !== sheet) continue;
        const part = within ? intersect(t.rect, within) : t.rect;
        if (!part) continue;
        r0 = Math.min(r0, part.r0);
        c0 = Math.min(c0, part.c0);
        r1 = Math.max(r1, part.r1);
        c1 = Math.max(c1, part.c1);
      }
    }
    return r1 < 0 ? null : { r0, c0, r1, c1 };
  }

  /** Range.merge(across). */
  merge(ref: RangeRef, across: boolean): void {
    if (this.tables.some((t) => t.sheet === ref.sheet && overlaps(t.rect, ref.rect))) {
      throw excelError(
        "InvalidOperation",
        "This operation is not permitted for the current object: cells in a table can't be merged.",
        "Range.merge"
      );
    }
    const areas: Rect[] = across
      ? Array.from({ length: rowCount(ref.rect) }, (_, i) => ({
          ...ref.rect,
          r0: ref.rect.r0 + i,
          r1: ref.rect.r0 + i,
        }))
      : [ref.rect];
    ref.sheet.merges = ref.sheet.merges.filter((m) => !overlaps(m, ref.rect));
    for (const a of areas) {
      if (rowCount(a) * columnCount(a) < 2) continue;
      // Excel keeps only the top-left value of a merged area.
      const rest = [...this.existing(ref.sheet, a)].filter(
        ([r, c, cell]) => (r !== a.r0 || c !== a.c0) && cell.input !== undefined
      );
      for (const [r, c] of rest)
        this.writeInputs({ sheet: ref.sheet, rect: { r0: r, c0: c, r1: r, c1: c } }, [[""]]);
      ref.sheet.merges.push(a);
    }
  }

  /** Range.unmerge(). */
  unmerge(ref: RangeRef): void {
    ref.sheet.merges = ref.sheet.merges.filter((m) => !overlaps(m, ref.rect));
  }
}

function rectOf(row: number, col: number): Rect {
  return { r0: row, r1: row, c0: col, c1: col };
}
