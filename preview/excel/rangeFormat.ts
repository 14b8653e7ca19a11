/**
 * Range.format and its parts: fill, font, borders (one proxy per Excel object), autofit.
 */
import { Rect, intersect } from "./address";
import { ClientObject, PropDef, defineProps } from "./client";
import { excelError, notImplemented } from "./errors";
import { DEFAULTS, RangeRef, Style } from "./model";
("./numberFormat");

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
export function checkColor(v: unknown): void {
  if (v !== null && v !== "" && (typeof v !== "string" || !COLOR.test(v))) {
    throw excelError("InvalidArgument", `The argument is invalid: color '${String(v)}'.`, "color");
  }
}
export function normColor(v: unknown): string | null {
  if (typeof v !== "string" || v === "") return null;
  if (/^#[0-9A-Fa-f]{3}$/.test(v))
    return `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}`.toUpperCase();
  return v.startsWith("#") ? v.toUpperCase() : v;
}
export function oneOf(values: string[], what: string): (v: unknown) => void {
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
