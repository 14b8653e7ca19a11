/**
 * Range and its format objects (fill, font, borders), data validation and conditional formats.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  checkRect,
  columnCount,
  formatAddress,
  intersect,
  overlaps,
  rowCount,
} from "./address";
import {
  ClientCollection,
  ClientObject,
  ClientResult,
  PropDef,
  RequestContext,
  defineProps,
  resultOf,
  unwrapDeep,
} from "./client";
import { CellPropertiesOptions, MergedAreas, cellProperties, mergedAreas } from "./cellProperties";
import { excelError, notFound, notImplemented } from "./errors";
import { shiftOf } from "./shift";
import { DEFAULTS, RangeRef, Style, WorkbookModel, isRangeRef } from "./model";
import { RecordProxy, CF_SPECS } from "./records";
import { formatValue } from "./numberFormat";

/** Checks a 2-D input against a range's shape; a single value is applied to every cell. */
export function shaped(rect: Rect, value: unknown, what: string): unknown[][] {
  const rows = rowCount(rect);
  const cols = columnCount(rect);
  if (!Array.isArray(value)) {
    if (rows * cols > 5_000_000)
      throw excelError(
        "InvalidArgument",
        "The argument is invalid: too many cells.",
        `Range.${what}`
      );
    return Array.from({ length: rows }, () => Array.from({ length: cols }, () => value));
  }
  if (value.length !== rows || !value.every((r) => Array.isArray(r) && r.length === cols)) {
    throw excelError(
      "InvalidArgument",
      "The number of rows or columns in the input array doesn't match the size or dimensions of the range.",
      `Range.${what}`
    );
  }
  return value as unknown[][];
}

function styleProp<K extends keyof Style>(
  key: K,
  fallback: Style[K],
  check?: (v: unknown) => void
): PropDef<RangeRef> {
  return {
    get: (t, m) => m.readStyle(t, key, fallback),
    set: (t, v, m) => {
      if (check) check(v);
      m.writeStyle(t, (s) => {
        if (v === null || v === undefined) delete s[key];
        else s[key] = v as Style[K];
      });
    },
  };
}

const COLOR = /^(#[0-9A-Fa-f]{6}|#[0-9A-Fa-f]{3}|[A-Za-z]+)$/;
function checkColor(v: unknown): void {
  if (v !== null && v !== "" && (typeof v !== "string" || !COLOR.test(v))) {
    throw excelError("InvalidArgument", `The argument is invalid: color '${String(v)}'.`, "color");
  }
}
function normColor(v: unknown): string | null {
  if (typeof v !== "string" || v === "") return null;
  if (/^#[0-9A-Fa-f]{3}$/.test(v))
    return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`.toUpperCase();
  return v.startsWith("#") ? v.toUpperCase() : v;
}
function oneOf(values: string[], what: string): (v: unknown) => void {
  return (v) => {
    if (typeof v !== "string" || !values.includes(v))
      throw excelError("InvalidArgument", `The argument is invalid: ${what} '${String(v)}'.`, what);
  };
}

/** `Excel.RangeFill`. */
export class RangeFill extends ClientObject<RangeRef> {
  declare color: string;
  static props: Record<string, PropDef<RangeRef>> = {
    color: {
      get: (t, m) => m.readStyle(t, "fill", DEFAULTS.fill),
      set: (t, v, m) => {
        checkColor(v);
        const c = normColor(v);
        m.writeStyle(t, (s) => {
          if (c === null) delete s.fill;
          else s.fill = c;
        });
      },
    },
  };
  /** Removes the fill. */
  clear(): void {
    this._queue("clear", undefined, (t) => this._model.writeStyle(t, (s) => delete s.fill));
  }
}
defineProps(RangeFill);

/** `Excel.RangeFont`. */
export class RangeFont extends ClientObject<RangeRef> {
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare size: number;
  declare name: string;
  declare underline: string;
  declare strikethrough: boolean;
  static props: Record<string, PropDef<RangeRef>> = {
    bold: styleProp("bold", DEFAULTS.bold),
    italic: styleProp("italic", DEFAULTS.italic),
    color: {
      get: (t, m) => m.readStyle(t, "fontColor", DEFAULTS.fontColor),
      set: (t, v, m) => {
        checkColor(v);
        const c = normColor(v);
        m.writeStyle(t, (s) => {
          if (c === null) delete s.fontColor;
          else s.fontColor = c;
        });
      },
    },
    size: styleProp("fontSize", DEFAULTS.fontSize, (v) => {
      if (typeof v !== "number" || v < 1 || v > 409)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: font size.",
          "RangeFont.size"
        );
    }),
    name: styleProp("fontName", DEFAULTS.fontName),
    underline: styleProp(
      "underline",
      DEFAULTS.underline,
      oneOf(["None", "Single", "Double", "SingleAccountant", "DoubleAccountant"], "underline")
    ),
    strikethrough: styleProp("strikethrough", DEFAULTS.strikethrough),
  };
}
defineProps(RangeFont);

const BORDER_INDEX = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
  "DiagonalDown",
  "DiagonalUp",
];
type Side = "top" | "bottom" | "left" | "right";

/** The cells and side a border index applies to. */
function borderCells(rect: Rect, index: string): { rect: Rect; side: Side }[] {
  switch (index) {
    case "EdgeTop":
      return [{ rect: { ...rect, r1: rect.r0 }, side: "top" }];
    case "EdgeBottom":
      return [{ rect: { ...rect, r0: rect.r1 }, side: "bottom" }];
    case "EdgeLeft":
      return [{ rect: { ...rect, c1: rect.c0 }, side: "left" }];
    case "EdgeRight":
      return [{ rect: { ...rect, c0: rect.c1 }, side: "right" }];
    case "InsideHorizontal":
      return rect.r1 > rect.r0 ? [{ rect: { ...rect, r1: rect.r1 - 1 }, side: "bottom" }] : [];
    case "InsideVertical":
      return rect.c1 > rect.c0 ? [{ rect: { ...rect, c1: rect.c1 - 1 }, side: "right" }] : [];
    default:
      throw notImplemented(`RangeBorder ${index}`);
  }
}

/** `Excel.RangeBorder`. */
export class RangeBorder extends ClientObject<{ ref: RangeRef; index: string }> {
  declare style: string;
  declare color: string;
  declare weight: string;
  declare sideIndex: string;
  static props: Record<string, PropDef<{ ref: RangeRef; index: string }>> = {
    sideIndex: { get: (t) => t.index },
    style: borderProp(
      "style",
      "None",
      oneOf(
        ["None", "Continuous", "Dash", "DashDot", "DashDotDot", "Dot", "Double", "SlantDashDot"],
        "border style"
      )
    ),
    color: borderProp("color", "#000000", checkColor),
    weight: borderProp(
      "weight",
      "Thin",
      oneOf(["Hairline", "Thin", "Medium", "Thick"], "border weight")
    ),
  };
}
function borderProp(
  key: "style" | "color" | "weight",
  fallback: string,
  check: (v: unknown) => void
): PropDef<{ ref: RangeRef; index: string }> {
  return {
    get: (t, m) => {
      const values = new Set<string>();
      for (const part of borderCells(t.ref.rect, t.index)) {
        const sub = { sheet: t.ref.sheet, rect: part.rect };
        const v = m.readStyle(sub, "borders", undefined);
        if (v === null) return null;
        for (const row of m.map(sub, (c) => c?.style?.borders?.[part.side]?.[key] ?? fallback))
          row.forEach((x) => values.add(x));
      }
      return values.size === 1 ? [...values][0] : values.size === 0 ? fallback : null;
    },
    set: (t, v, m) => {
      check(v);
      for (const part of borderCells(t.ref.rect, t.index)) {
        m.writeStyle({ sheet: t.ref.sheet, rect: part.rect }, (s) => {
          s.borders = s.borders ?? {};
          const b = s.borders[part.side] ?? {
            style: "Continuous",
            color: "#000000",
            weight: "Thin",
          };
          (b as unknown as Record<string, unknown>)[key] = key === "color" ? normColor(v) : v;
          if (key === "style" && v === "None") delete s.borders[part.side];
          else s.borders[part.side] = b;
        });
      }
    },
  };
}
defineProps(RangeBorder);

/** `Excel.RangeBorderCollection`. */
export class RangeBorderCollection extends ClientObject<RangeRef> {
  static props: Record<string, PropDef<RangeRef>> = { count: { get: () => BORDER_INDEX.length } };
  declare count: number;
  /** A border by index ("EdgeBottom", "InsideHorizontal", …). */
  getItem(index: string): RangeBorder {
    if (!BORDER_INDEX.includes(index))
      throw excelError(
        "InvalidArgument",
        `The argument is invalid: border index '${index}'.`,
        "RangeBorderCollection.getItem"
      );
    return new RangeBorder(this._ctx, "RangeBorder", `${this._path}.getItem(${index})`, () => {
      const ref = this._target();
      return ref ? { ref, index } : null;
    });
  }
}
defineProps(RangeBorderCollection);

/** Width in points that fits a text (≈ 7 px per character of the default 11 pt font). */
function textWidth(text: string, size: number, bold: boolean): number {
  const px = text.length * 7 * (size / 11) * (bold ? 1.1 : 1) + 10;
  return Math.round(px * 0.75 * 100) / 100;
}

/** `Excel.RangeFormat`. */
export class RangeFormat extends ClientObject<RangeRef> {
  static children = ["fill", "font", "borders"];
  declare columnWidth: number;
  declare rowHeight: number;
  declare horizontalAlignment: string;
  declare verticalAlignment: string;
  declare wrapText: boolean;
  declare indentLevel: number;
  private _fill?: RangeFill;
  private _font?: RangeFont;
  private _borders?: RangeBorderCollection;
  static props: Record<string, PropDef<RangeRef>> = {
    columnWidth: {
      get: (t) => {
        const w = new Set<number>();
        for (let c = t.rect.c0; c <= Math.min(t.rect.c1, t.rect.c0 + 16383); c++)
          w.add(t.sheet.columnWidth(c));
        return w.size === 1 ? [...w][0] : null;
      },
      set: (t, v) => {
        if (typeof v !== "number" || v < 0 || v > 1800)
          throw excelError(
            "InvalidArgument",
            "The argument is invalid: columnWidth.",
            "RangeFormat.columnWidth"
          );
        for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, v);
      },
    },
    rowHeight: {
      get: (t) => {
        const h = new Set<number>();
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++)
          h.add(t.sheet.rowHeight(r));
        return h.size === 1 ? [...h][0] : null;
      },
      set: (t, v) => {
        if (typeof v !== "number" || v < 0 || v > 409)
          throw excelError(
            "InvalidArgument",
            "The argument is invalid: rowHeight.",
            "RangeFormat.rowHeight"
          );
        for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.rowHeights.set(r, v);
      },
    },
    horizontalAlignment: styleProp(
      "horizontalAlignment",
      DEFAULTS.horizontalAlignment,
      oneOf(
        [
          "General",
          "Left",
          "Center",
          "Right",
          "Fill",
          "Justify",
          "CenterAcrossSelection",
          "Distributed",
        ],
        "horizontalAlignment"
      )
    ),
    verticalAlignment: styleProp(
      "verticalAlignment",
      DEFAULTS.verticalAlignment,
      oneOf(["Top", "Center", "Bottom", "Justify", "Distributed"], "verticalAlignment")
    ),
    wrapText: styleProp("wrapText", DEFAULTS.wrapText),
    indentLevel: styleProp("indentLevel", DEFAULTS.indentLevel),
  };

  /** `format.fill`. */
  get fill(): RangeFill {
    return (this._fill ??= new RangeFill(this._ctx, "RangeFill", `${this._path}.fill`, () =>
      this._target()
    ));
  }
  /** `format.font`. */
  get font(): RangeFont {
    return (this._font ??= new RangeFont(this._ctx, "RangeFont", `${this._path}.font`, () =>
      this._target()
    ));
  }
  /** `format.borders`. */
  get borders(): RangeBorderCollection {
    return (this._borders ??= new RangeBorderCollection(
      this._ctx,
      "RangeBorderCollection",
      `${this._path}.borders`,
      () => this._target()
    ));
  }
  /** Fits column widths to the displayed text of the range's cells. */
  autofitColumns(): void {
    this._queue("autofitColumns", undefined, (t) => {
      const m = this._model;
      const used = m.usedRect(t.sheet, true);
      const rect = used ? intersect(used, t.rect) : null;
      if (!rect) return;
      const text = m.readText({ sheet: t.sheet, rect });
      for (let c = rect.c0; c <= rect.c1; c++) {
        let w = 0;
        for (let r = rect.r0; r <= rect.r1; r++) {
          const cell = t.sheet.cell(r, c);
          w = Math.max(
            w,
            textWidth(
              text[r - rect.r0][c - rect.c0],
              cell?.style?.fontSize ?? DEFAULTS.fontSize,
              Boolean(cell?.style?.bold)
            )
          );
        }
        t.sheet.columnWidths.set(c, Math.max(w, 12));
      }
    });
  }
  /** Fits row heights (wrapped text grows rows; otherwise the font height). */
  autofitRows(): void {
    this._queue("autofitRows", undefined, (t) => {
      const used = this._model.usedRect(t.sheet, false);
      const rect = used ? intersect(used, t.rect) : null;
      if (!rect) return;
      for (let r = rect.r0; r <= rect.r1; r++) {
        let h: number = DEFAULTS.rowHeight;
        for (let c = rect.c0; c <= rect.c1; c++) {
          const cell = t.sheet.cell(r, c);
          const size = cell?.style?.fontSize ?? DEFAULTS.fontSize;
          let lines = 1;
          if (cell?.style?.wrapText && cell.input !== undefined) {
            const chars = Math.max(1, Math.floor(t.sheet.columnWidth(c) / (5.25 * (size / 11))));
            lines = Math.ceil(String(cell.input).length / chars);
          }
          h = Math.max(h, Math.round(size * 1.36 * lines * 4) / 4);
        }
        t.sheet.rowHeights.set(r, h);
      }
    });
  }
}
defineProps(RangeFormat);

/** `Excel.DataValidation`. */
export class DataValidation extends ClientObject<RangeRef> {
  declare rule: Excel.DataValidationRule;
  declare type: string;
  declare ignoreBlanks: boolean;
  declare errorAlert: Excel.DataValidationErrorAlert;
  declare prompt: Excel.DataValidationPrompt;
  static props: Record<string, PropDef<RangeRef>> = {
    rule: {
      get: (t, m) => m.validationAt(t)?.rule ?? {},
      set: (t, v, m) => {
        const rule = normalizeRule(v as Record<string, unknown>, m);
        m.setValidation(t, rule);
      },
    },
    type: {
      get: (t, m) => {
        const v = m.validationAt(t);
        // Part of the range validated, part not: Excel reports "Inconsistent".
        if (!v)
          return t.sheet.validations.some((x) => overlaps(x.rect, t.rect))
            ? "Inconsistent"
            : "None";
        const k = Object.keys(v.rule)[0];
        return k === "list" ? "List" : k[0].toUpperCase() + k.slice(1);
      },
    },
    ignoreBlanks: validationField("ignoreBlanks"),
    errorAlert: validationField("errorAlert"),
    prompt: validationField("prompt"),
  };
  /** Removes validation from the range. */
  clear(): void {
    this._queue("clear", undefined, (t) => this._model.clearValidation(t));
  }
}
function validationField(key: "ignoreBlanks" | "errorAlert" | "prompt"): PropDef<RangeRef> {
  return {
    get: (t, m) => {
      const v = m.validationAt(t);
      if (v) return v[key];
      return key === "ignoreBlanks"
        ? true
        : key === "errorAlert"
          ? { showAlert: true, style: "Stop", title: "", message: "" }
          : { showPrompt: false, title: "", message: "" };
    },
    set: (t, value, m) => {
      let v = m.validationAt(t);
      if (!v) {
        // Excel keeps these settings for the next rule; the stand-in needs a rule to hang them on.
        v = m.setValidation(t, { custom: { formula: "=TRUE" } });
      }
      if (key === "ignoreBlanks") v.ignoreBlanks = Boolean(value);
      else
        (v as unknown as Record<string, unknown>)[key] = {
          ...(v[key] as object),
          ...(value as object),
        };
    },
  };
}
/** Stores list sources given as ranges as their absolute address formula. */
function normalizeRule(rule: Record<string, unknown>, m: WorkbookModel): Record<string, unknown> {
  if (!rule || typeof rule !== "object")
    throw excelError("InvalidArgument", "The argument is invalid: rule.", "DataValidation.rule");
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rule)) {
    if (v === undefined) continue;
    if (v && typeof v === "object") {
      const inner: Record<string, unknown> = {};
      for (const [ik, iv] of Object.entries(v as Record<string, unknown>)) {
        inner[ik] = isRangeRef(iv) ? `=${formatAddress(iv.rect, iv.sheet.name, true)}` : iv;
      }
      out[k] = inner;
    } else out[k] = v;
  }
  void m;
  return out;
}
defineProps(DataValidation);

/** `Excel.ConditionalFormat`. */
export class ConditionalFormat extends ClientObject<import("./model").ConditionalFormatModel> {
  static children = Object.keys(CF_SPECS);
  declare type: string;
  declare priority: number;
  declare stopIfTrue: boolean;
  static props: Record<string, PropDef<import("./model").ConditionalFormatModel>> = {
    type: { get: (t) => t.type },
    priority: { get: (t) => t.priority, set: (t, v) => void (t.priority = Number(v)) },
    stopIfTrue: { get: (t) => t.stopIfTrue, set: (t, v) => void (t.stopIfTrue = Boolean(v)) },
    id: { get: (t) => t.id },
  };
  private _subs: Record<string, RecordProxy> = {};
  /** Removes the conditional format. */
  delete(): void {
    this._queue("delete", undefined, (t) => {
      for (const s of this._model.sheets)
        s.conditionalFormats = s.conditionalFormats.filter((f) => f !== t);
    });
  }
  /** The range it applies to. */
  getRange(): Range {
    return new Range(this._ctx, `${this._path}.getRange()`, () => {
      const t = this._target();
      const sheet = t && this._model.sheets.find((s) => s.conditionalFormats.includes(t));
      return t && sheet ? { sheet, rect: t.rect } : null;
    });
  }
  _sub(name: string): RecordProxy {
    return (this._subs[name] ??= new RecordProxy(
      this._ctx,
      CF_SPECS[name],
      `${this._path}.${name}`,
      () => {
        const t = this._target();
        if (!t) return null;
        return (t.data[name] ??= {}) as Record<string, unknown>;
      }
    ));
  }
}
for (const name of Object.keys(CF_SPECS)) {
  Object.defineProperty(ConditionalFormat.prototype, name, {
    get(this: ConditionalFormat) {
      return this._sub(name);
    },
  });
}
defineProps(ConditionalFormat);

/** `Excel.ConditionalFormatCollection`. */
export class ConditionalFormatCollection extends ClientCollection<RangeRef, ConditionalFormat> {
  _list(t: RangeRef): unknown[] {
    return t.sheet.conditionalFormats.filter((f) => intersect(f.rect, t.rect));
  }
  _proxy(path: string, resolve: () => unknown, nullable?: boolean): ConditionalFormat {
    return new ConditionalFormat(this._ctx, "ConditionalFormat", path, resolve as never, nullable);
  }
  /** Adds a conditional format of a type ("CellValue", "ColorScale", "DataBar", "Custom", …). */
  add(type: string): ConditionalFormat {
    return this._added(type, { type }, (t) => this._model.addConditionalFormat(t, type));
  }
  /** The item at an index. */
  getItemAt(index: number): ConditionalFormat {
    return this._at(index);
  }
  /** Removes every conditional format over the range. */
  clearAll(): void {
    this._queue("clearAll", undefined, (t) => {
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter(
        (f) => !intersect(f.rect, t.rect)
      );
    });
  }
}

/** `Excel.Range`. */
export class Range extends ClientObject<RangeRef> {
  static children = ["format", "dataValidation", "conditionalFormats", "worksheet"];
  declare address: string;
  declare addressLocal: string;
  declare values: any[][];
  declare formulas: any[][];
  declare formulasLocal: any[][];
  declare numberFormat: any[][];
  declare numberFormatLocal: any[][];
  declare text: string[][];
  declare valueTypes: Excel.RangeValueType[][];
  declare rowCount: number;
  declare columnCount: number;
  declare cellCount: number;
  declare rowIndex: number;
  declare columnIndex: number;
  declare columnHidden: boolean;
  declare rowHidden: boolean;
  declare isEntireColumn: boolean;
  declare isEntireRow: boolean;
  private _format?: RangeFormat;
  private _dv?: DataValidation;
  private _cfs?: ConditionalFormatCollection;
  /** Set by the worksheet module (avoids a circular import). */
  static worksheetOf: (
    ctx: RequestContext,
    path: string,
    resolve: () => RangeRef | null
  ) => ClientObject<unknown>;

  static props: Record<string, PropDef<RangeRef>> = {
    address: { get: (t) => formatAddress(t.rect, t.sheet.name) },
    addressLocal: { get: (t) => formatAddress(t.rect, t.sheet.name) },
    values: {
      get: (t, m) => m.readValues(t),
      set: (t, v, m) => m.writeInputs(t, shaped(t.rect, v, "values")),
    },
    formulas: {
      get: (t, m) => m.readFormulas(t),
      set: (t, v, m) => m.writeInputs(t, shaped(t.rect, v, "formulas")),
    },
    formulasLocal: {
      get: (t, m) => m.readFormulas(t),
      set: (t, v, m) => m.writeInputs(t, shaped(t.rect, v, "formulasLocal")),
    },
    numberFormat: {
      get: (t, m) => m.readNumberFormats(t),
      set: (t, v, m) => m.writeNumberFormats(t, shaped(t.rect, v, "numberFormat")),
    },
    numberFormatLocal: {
      get: (t, m) => m.readNumberFormats(t),
      set: (t, v, m) => m.writeNumberFormats(t, shaped(t.rect, v, "numberFormatLocal")),
    },
    text: { get: (t, m) => m.readText(t) },
    valueTypes: { get: (t, m) => m.readValueTypes(t) },
    rowCount: { get: (t) => rowCount(t.rect) },
    columnCount: { get: (t) => columnCount(t.rect) },
    cellCount: { get: (t) => rowCount(t.rect) * columnCount(t.rect) },
    rowIndex: { get: (t) => t.rect.r0 },
    columnIndex: { get: (t) => t.rect.c0 },
    isEntireColumn: { get: (t) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1 },
    isEntireRow: { get: (t) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLUMNS - 1 },
    columnHidden: {
      get: (t) => {
        let all = true;
        for (let c = t.rect.c0; c <= t.rect.c1; c++) all = all && t.sheet.hiddenColumns.has(c);
        return all;
      },
      set: (t, v) => {
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          if (v) t.sheet.hiddenColumns.add(c);
          else t.sheet.hiddenColumns.delete(c);
        }
      },
    },
    rowHidden: {
      get: (t) => {
        let all = true;
        for (let r = t.rect.r0; r <= Math.min(t.rect.r1, t.rect.r0 + 100000); r++)
          all = all && t.sheet.hiddenRows.has(r);
        return all;
      },
      set: (t, v) => {
        for (let r = t.rect.r0; r <= t.rect.r1; r++) {
          if (v) t.sheet.hiddenRows.add(r);
          else t.sheet.hiddenRows.delete(r);
        }
      },
    },
  };

  constructor(ctx: RequestContext, path: string, resolve: () => RangeRef | null, nullable = false) {
    super(ctx, "Range", path, resolve, nullable);
  }

  /** `range.format`. */
  get format(): RangeFormat {
    return (this._format ??= new RangeFormat(this._ctx, "RangeFormat", `${this._path}.format`, () =>
      this._target()
    ));
  }
  /** `range.dataValidation`. */
  get dataValidation(): DataValidation {
    return (this._dv ??= new DataValidation(
      this._ctx,
      "DataValidation",
      `${this._path}.dataValidation`,
      () => this._target()
    ));
  }
  /** `range.conditionalFormats`. */
  get conditionalFormats(): ConditionalFormatCollection {
    return (this._cfs ??= new ConditionalFormatCollection(
      this._ctx,
      "ConditionalFormatCollection",
      `${this._path}.conditionalFormats`,
      () => this._target()
    ));
  }
  /** `range.worksheet`. */
  get worksheet(): Excel.Worksheet {
    return Range.worksheetOf(this._ctx, `${this._path}.worksheet`, () =>
      this._target()
    ) as unknown as Excel.Worksheet;
  }

  private _derive(
    name: string,
    args: unknown[],
    fn: (t: RangeRef) => Rect | null,
    nullable = false
  ): Range {
    return new Range(
      this._ctx,
      `${this._path}.${name}(${args.map((a) => JSON.stringify(a)).join(",")})`,
      () => {
        const t = this._target();
        if (!t) return null;
        const rect = fn(t);
        return rect ? { sheet: t.sheet, rect } : null;
      },
      nullable
    );
  }

  /** A cell relative to the range's top-left cell. */
  getCell(row: number, column: number): Excel.Range {
    return this._derive("getCell", [row, column], (t) =>
      checkRect({
        r0: t.rect.r0 + row,
        c0: t.rect.c0 + column,
        r1: t.rect.r0 + row,
        c1: t.rect.c0 + column,
      })
    ) as never;
  }
  /** The range grown or shrunk by rows/columns at the bottom-right. */
  getResizedRange(deltaRows: number, deltaColumns: number): Excel.Range {
    return this._derive("getResizedRange", [deltaRows, deltaColumns], (t) =>
      checkRect({ ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns })
    ) as never;
  }
  /** A range of `rows` × `columns` from the top-left cell. */
  getAbsoluteResizedRange(numRows: number, numColumns: number): Excel.Range {
    return this._derive("getAbsoluteResizedRange", [numRows, numColumns], (t) =>
      checkRect({
        r0: t.rect.r0,
        c0: t.rect.c0,
        r1: t.rect.r0 + numRows - 1,
        c1: t.rect.c0 + numColumns - 1,
      })
    ) as never;
  }
  /** The range moved by rows/columns. */
  getOffsetRange(rowOffset: number, columnOffset: number): Excel.Range {
    return this._derive("getOffsetRange", [rowOffset, columnOffset], (t) =>
      checkRect({
        r0: t.rect.r0 + rowOffset,
        r1: t.rect.r1 + rowOffset,
        c0: t.rect.c0 + columnOffset,
        c1: t.rect.c1 + columnOffset,
      })
    ) as never;
  }
  /** One row of the range (0-based). */
  getRow(row: number): Excel.Range {
    return this._derive("getRow", [row], (t) =>
      checkRect({ ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row })
    ) as never;
  }
  /** One column of the range (0-based). */
  getColumn(column: number): Excel.Range {
    return this._derive("getColumn", [column], (t) =>
      checkRect({ ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column })
    ) as never;
  }
  /** The last row. */
  getLastRow(): Excel.Range {
    return this._derive("getLastRow", [], (t) => ({ ...t.rect, r0: t.rect.r1 })) as never;
  }
  /** The last column. */
  getLastColumn(): Excel.Range {
    return this._derive("getLastColumn", [], (t) => ({ ...t.rect, c0: t.rect.c1 })) as never;
  }
  /** The bottom-right cell. */
  getLastCell(): Excel.Range {
    return this._derive("getLastCell", [], (t) => ({
      r0: t.rect.r1,
      r1: t.rect.r1,
      c0: t.rect.c1,
      c1: t.rect.c1,
    })) as never;
  }
  /** The whole columns of the range. */
  getEntireColumn(): Excel.Range {
    return this._derive("getEntireColumn", [], (t) => ({
      r0: 0,
      r1: MAX_ROWS - 1,
      c0: t.rect.c0,
      c1: t.rect.c1,
    })) as never;
  }
  /** The whole rows of the range. */
  getEntireRow(): Excel.Range {
    return this._derive("getEntireRow", [], (t) => ({
      r0: t.rect.r0,
      r1: t.rect.r1,
      c0: 0,
      c1: MAX_COLUMNS - 1,
    })) as never;
  }
  /** The rows above the range. */
  getRowsAbove(count = 1): Excel.Range {
    return this._derive("getRowsAbove", [count], (t) =>
      checkRect({ ...t.rect, r0: t.rect.r0 - count, r1: t.rect.r0 - 1 })
    ) as never;
  }
  /** The rows below the range. */
  getRowsBelow(count = 1): Excel.Range {
    return this._derive("getRowsBelow", [count], (t) =>
      checkRect({ ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + count })
    ) as never;
  }
  /** The columns right of the range. */
  getColumnsAfter(count = 1): Excel.Range {
    return this._derive("getColumnsAfter", [count], (t) =>
      checkRect({ ...t.rect, c0: t.rect.c1 + 1, c1: t.rect.c1 + count })
    ) as never;
  }
  /** The columns left of the range. */
  getColumnsBefore(count = 1): Excel.Range {
    return this._derive("getColumnsBefore", [count], (t) =>
      checkRect({ ...t.rect, c0: t.rect.c0 - count, c1: t.rect.c0 - 1 })
    ) as never;
  }
  /** The overlap with another range (ItemNotFound-like InvalidArgument when none). */
  getIntersection(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive("getIntersection", [String(anotherRange)], (t) => {
      const other = this._other(anotherRange, t);
      const r = intersect(t.rect, other.rect);
      if (!r)
        throw excelError(
          "InvalidArgument",
          "The argument is invalid: the ranges don't intersect.",
          "Range.getIntersection"
        );
      return r;
    }) as never;
  }
  /** The smallest range containing both. */
  getBoundingRect(anotherRange: Excel.Range | string): Excel.Range {
    return this._derive("getBoundingRect", [String(anotherRange)], (t) => {
      const o = this._other(anotherRange, t).rect;
      return {
        r0: Math.min(t.rect.r0, o.r0),
        c0: Math.min(t.rect.c0, o.c0),
        r1: Math.max(t.rect.r1, o.r1),
        c1: Math.max(t.rect.c1, o.c1),
      };
    }) as never;
  }
  private _other(x: Excel.Range | string, t: RangeRef): RangeRef {
    if (typeof x === "string") return this._model.range(t.sheet, x);
    const r = unwrapDeep(x);
    if (!isRangeRef(r))
      throw excelError("InvalidArgument", "The argument is invalid: not a range.");
    return r;
  }
  /** Per-cell formats and addresses (ExcelApi 1.9), known after the next sync. */
  getCellProperties(options: CellPropertiesOptions): ClientResult<Record<string, unknown>[][]> {
    return resultOf(this, "getCellProperties", options, () =>
      cellProperties(this._model, this._target()!, options)
    );
  }
  /** The merged areas in the range, or a null object when there are none (ExcelApi 1.13). */
  getMergedAreasOrNullObject(): MergedAreas {
    return new MergedAreas(
      this._ctx,
      "RangeAreas",
      `${this._path}.getMergedAreasOrNullObject()`,
      () => {
        const t = this._target();
        const areas = t ? mergedAreas(t) : [];
        return t && areas.length ? { ref: t, areas } : null;
      },
      true
    );
  }
  /** The visible rows of the range (rows hidden by a filter or by hand are left out). */
  getVisibleView(): RangeView {
    return new RangeView(this._ctx, "RangeView", `${this._path}.getVisibleView()`, () =>
      this._target()
    );
  }
  /** The used part of the range (ItemNotFound when it has none). */
  getUsedRange(valuesOnly?: boolean): Excel.Range {
    return this._derive("getUsedRange", [Boolean(valuesOnly)], (t) => {
      const r = this._model.usedRect(t.sheet, Boolean(valuesOnly), t.rect);
      if (!r) throw notFound("Range.getUsedRange");
      return r;
    }) as never;
  }
  /** The used part of the range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): Excel.Range {
    return this._derive(
      "getUsedRangeOrNullObject",
      [Boolean(valuesOnly)],
      (t) => {
        return this._model.usedRect(t.sheet, Boolean(valuesOnly), t.rect);
      },
      true
    ) as never;
  }
  /** Clears contents, formats or both. */
  clear(applyTo?: string): void {
    this._queue("clear", { applyTo }, (t) => this._model.clear(t, applyTo ?? "All"));
  }
  /** Merges the cells (per row when `across`). */
  merge(across?: boolean): void {
    this._queue("merge", { across }, (t) => this._model.merge(t, Boolean(across)));
  }
  /** Unmerges the cells. */
  unmerge(): void {
    this._queue("unmerge", undefined, (t) => this._model.unmerge(t));
  }
  /** Selects the range (activates its sheet). */
  select(): void {
    this._queue("select", undefined, (t) => {
      this._model.activate(t.sheet);
      this._model.selection = t;
    });
  }
  /** Deletes the cells and moves the cells below up ("Up") or to the right left ("Left"). */
  delete(shift: string): void {
    this._queue("delete", { shift }, (t) => {
      this._model.deleteCells(t, shiftOf(t.rect, checkShift(shift, ["Up", "Left"], t), false));
    });
  }
  /** Inserts empty cells here, moving what was there down ("Down") or right ("Right"). */
  insert(shift: string): Excel.Range {
    let made: RangeRef | null = null;
    const r = new Range(this._ctx, `${this._path}.insert(${JSON.stringify(shift)})`, () => made);
    this._queue("insert", { shift }, (t) => {
      const s = shiftOf(t.rect, checkShift(shift, ["Down", "Right"], t), true);
      made = this._model.insertCells(t, s);
    });
    return r as never;
  }
  /** The display text of a value under this range's format (helper for tests). */
  static display(value: unknown, format: string): string {
    return formatValue(value, format);
  }
}
defineProps(Range);

/** Entire rows/columns shift the only way they can; otherwise the direction must be valid. */
function checkShift(shift: string, allowed: [string, string], t: RangeRef): string {
  const wholeRows = t.rect.c0 === 0 && t.rect.c1 === MAX_COLUMNS - 1;
  const wholeColumns = t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1;
  if (wholeRows && !wholeColumns) return allowed[0];
  if (wholeColumns && !wholeRows) return allowed[1];
  if (!allowed.includes(shift)) {
    throw excelError(
      "InvalidArgument",
      `The argument is invalid or missing or has an incorrect format: shift '${shift}'.`,
      "Range.insert"
    );
  }
  return shift;
}

/** Rows of a range that are not hidden. */
function visibleRows(t: RangeRef): number[] {
  const out: number[] = [];
  for (let r = t.rect.r0; r <= t.rect.r1 && out.length < 1_000_000; r++)
    if (!t.sheet.hiddenRows.has(r)) out.push(r);
  return out;
}

/** `Excel.RangeView`: values, text, formulas and counts of the visible rows only. */
export class RangeView extends ClientObject<RangeRef> {
  declare values: any[][];
  declare text: string[][];
  declare formulas: any[][];
  declare rowCount: number;
  declare columnCount: number;
  static props: Record<string, PropDef<RangeRef>> = {
    values: { get: (t, m) => visibleRows(t).map((r) => m.readValues(rowOf(t, r))[0]) },
    text: { get: (t, m) => visibleRows(t).map((r) => m.readText(rowOf(t, r))[0]) },
    formulas: { get: (t, m) => visibleRows(t).map((r) => m.readFormulas(rowOf(t, r))[0]) },
    rowCount: { get: (t) => visibleRows(t).length },
    columnCount: { get: (t) => t.rect.c1 - t.rect.c0 + 1 },
  };
}
function rowOf(t: RangeRef, r: number): RangeRef {
  return { sheet: t.sheet, rect: { ...t.rect, r0: r, r1: r } };
}
defineProps(RangeView);
