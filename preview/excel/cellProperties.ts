/**
 * Per-cell reads that Excel answers in one call: `Range.getCellProperties` (ExcelApi 1.9: fill,
 * font, borders, alignment, address per cell) and `Range.getMergedAreasOrNullObject` (1.13).
 */
import { Rect, formatAddress, intersect, overlaps } from "./address";
import { ClientObject, PropDef, defineProps } from "./client";
import { Cell, DEFAULTS, RangeRef, WorkbookModel } from "./model";

const SIDES = ["top", "bottom", "left", "right"] as const;

/** Excel.CellPropertiesLoadOptions, as far as the stand-in answers it. */
export interface CellPropertiesOptions {
  address?: boolean;
  format?: {
    fill?: { color?: boolean };
    font?: Partial<Record<"bold" | "italic" | "color" | "size" | "name", boolean>>;
    borders?: Partial<Record<"style" | "color" | "weight", boolean>>;
    horizontalAlignment?: boolean;
    verticalAlignment?: boolean;
    wrapText?: boolean;
  };
}

/**
 * The properties of every cell of a range.
 *
 * @param model the workbook
 * @param ref the range
 * @param o which properties
 * @returns rows × columns of objects shaped like the options
 */
export function cellProperties(
  model: WorkbookModel,
  ref: RangeRef,
  o: CellPropertiesOptions
): Record<string, unknown>[][] {
  return model.map(ref, (cell, r, c) => one(ref, cell, r, c, o ?? {}));
}

function one(
  ref: RangeRef,
  cell: Cell | undefined,
  r: number,
  c: number,
  o: CellPropertiesOptions
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const st = cell?.style ?? {};
  if (o.address) out.address = formatAddress({ r0: r, r1: r, c0: c, c1: c }, ref.sheet.name);
  const f = o.format;
  if (!f) return out;
  const format: Record<string, unknown> = {};
  if (f.fill?.color) format.fill = { color: st.fill ?? DEFAULTS.fill };
  if (f.font) {
    const font: Record<string, unknown> = {};
    if (f.font.bold) font.bold = st.bold ?? DEFAULTS.bold;
    if (f.font.italic) font.italic = st.italic ?? DEFAULTS.italic;
    if (f.font.color) font.color = st.fontColor ?? DEFAULTS.fontColor;
    if (f.font.size) font.size = st.fontSize ?? DEFAULTS.fontSize;
    if (f.font.name) font.name = st.fontName ?? DEFAULTS.fontName;
    format.font = font;
  }
  if (f.borders) {
    const borders: Record<string, unknown> = {};
    for (const side of SIDES) {
      const b = st.borders?.[side];
      const x: Record<string, unknown> = {};
      if (f.borders.style) x.style = b?.style ?? "None";
      if (f.borders.color) x.color = b?.color ?? "#000000";
      if (f.borders.weight) x.weight = b?.weight ?? "Thin";
      borders[side] = x;
    }
    format.borders = borders;
  }
  if (f.horizontalAlignment)
    format.horizontalAlignment = st.horizontalAlignment ?? DEFAULTS.horizontalAlignment;
  if (f.verticalAlignment)
    format.verticalAlignment = st.verticalAlignment ?? DEFAULTS.verticalAlignment;
  if (f.wrapText) format.wrapText = st.wrapText ?? DEFAULTS.wrapText;
  out.format = format;
  return out;
}

/** The merged areas overlapping a range (whole areas, as Excel reports them). */
export function mergedAreas(ref: RangeRef): Rect[] {
  return ref.sheet.merges.filter((m) => overlaps(m, ref.rect) && intersect(m, ref.rect));
}

/** `Excel.RangeAreas` of merged areas: address, areaCount, cellCount. */
export class MergedAreas extends ClientObject<{ ref: RangeRef; areas: Rect[] }> {
  declare address: string;
  declare areaCount: number;
  declare cellCount: number;
  static props: Record<string, PropDef<{ ref: RangeRef; areas: Rect[] }>> = {
    address: {
      get: (t) => t.areas.map((a) => formatAddress(a, t.ref.sheet.name)).join(","),
    },
    areaCount: { get: (t) => t.areas.length },
    cellCount: {
      get: (t) => t.areas.reduce((n, a) => n + (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), 0),
    },
  };
}
defineProps(MergedAreas);
