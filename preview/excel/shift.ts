/**
 * Inserting and deleting cells, as pure arithmetic: where a rectangle or a formula's reference
 * goes when Excel shifts cells down/right (insert) or up/left (delete).
 *
 * A shift acts along one axis ("rows": cells move vertically; "columns": horizontally) on a band
 * of the other axis (`lo`…`hi`: the columns whose cells move when rows shift). Insertion puts
 * `count` new cells before position `at`; deletion removes positions `at`…`at + count - 1`.
 */
import { columnIndex, columnLetters } from "../../src/model/a1";
import { MAX_COLUMNS, MAX_ROWS, Rect } from "./address";

/** One insertion or deletion. */
export interface Shift {
  readonly axis: "rows" | "columns";
  /** First position inserted before / deleted (0-based row for "rows", column for "columns"). */
  readonly at: number;
  /** How many rows/columns; positive. */
  readonly count: number;
  readonly insert: boolean;
  /** The band of the other axis that moves (inclusive). Whole rows/columns: 0…max. */
  readonly lo: number;
  readonly hi: number;
}

/** The shift of a range's insert/delete: Down/Up move rows, Right/Left move columns. */
export function shiftOf(rect: Rect, direction: string, insert: boolean): Shift {
  const rows = direction === "Down" || direction === "Up";
  return rows
    ? {
        axis: "rows",
        at: rect.r0,
        count: rect.r1 - rect.r0 + 1,
        insert,
        lo: rect.c0,
        hi: rect.c1,
      }
    : {
        axis: "columns",
        at: rect.c0,
        count: rect.c1 - rect.c0 + 1,
        insert,
        lo: rect.r0,
        hi: rect.r1,
      };
}

/** Positions of a rectangle along the shift's axis and across it. */
function along(s: Shift, r: Rect): [number, number, number, number] {
  return s.axis === "rows" ? [r.r0, r.r1, r.c0, r.c1] : [r.c0, r.c1, r.r0, r.r1];
}

function rebuild(s: Shift, a0: number, a1: number, b0: number, b1: number): Rect {
  return s.axis === "rows"
    ? { r0: a0, r1: a1, c0: b0, c1: b1 }
    : { r0: b0, r1: b1, c0: a0, c1: a1 };
}

/** Whether a rectangle lies across the band: within it (moves) or outside it (stays). */
export function acrossBand(s: Shift, r: Rect): "inside" | "outside" | "partial" {
  const [, , b0, b1] = along(s, r);
  if (b0 >= s.lo && b1 <= s.hi) return "inside";
  if (b1 < s.lo || b0 > s.hi) return "outside";
  return "partial";
}

/** Whether a rectangle reaches into the part of the band that moves. */
export function reachesShifted(s: Shift, r: Rect): boolean {
  const [, a1] = along(s, r);
  return acrossBand(s, r) !== "outside" && a1 >= s.at;
}

/**
 * Where a rectangle goes, as Excel adjusts a reference: rectangles outside the band stay;
 * inside it, edges at or after the insertion move, a rectangle spanning the insertion grows,
 * one spanning a deletion shrinks, one entirely deleted is gone (null: #REF!).
 *
 * @param s the shift
 * @param r the rectangle
 * @returns the new rectangle, or null when deleted
 */
export function shiftRect(s: Shift, r: Rect): Rect | null {
  if (acrossBand(s, r) !== "inside") return r;
  const [a0, a1, b0, b1] = along(s, r);
  if (s.insert) {
    return rebuild(s, a0 >= s.at ? a0 + s.count : a0, a1 >= s.at ? a1 + s.count : a1, b0, b1);
  }
  const end = s.at + s.count - 1;
  if (a0 >= s.at && a1 <= end) return null;
  const n0 = a0 > end ? a0 - s.count : a0 >= s.at ? s.at : a0;
  const n1 = a1 > end ? a1 - s.count : a1 >= s.at ? s.at - 1 : a1;
  return rebuild(s, n0, n1, b0, b1);
}

/** Where one cell goes (null when deleted). */
export function shiftCell(s: Shift, row: number, col: number): [number, number] | null {
  const r = shiftRect(s, { r0: row, r1: row, c0: col, c1: col });
  return r ? [r.r0, r.c0] : null;
}

const REF =
  /((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?/g;

/**
 * Adjusts the A1 references of a formula text that point at one sheet, as Excel does when
 * cells shift (text in quotes, names, structured references and function names are left alone).
 *
 * @param formula the formula text ("=…")
 * @param onTarget whether an unqualified reference means the shifted sheet
 * @param isTarget whether a sheet prefix (without "!") names the shifted sheet
 * @param s the shift
 * @returns the adjusted text (`#REF!` for references entirely deleted)
 */
export function shiftFormula(
  formula: string,
  onTarget: boolean,
  isTarget: (prefix: string) => boolean,
  s: Shift
): string {
  let out = "";
  let i = 0;
  // Split on string literals: only the parts outside quotes hold references.
  while (i < formula.length) {
    const q = formula.indexOf('"', i);
    const end = q < 0 ? formula.length : q;
    out += shiftRefs(formula.slice(i, end), onTarget, isTarget, s);
    if (q < 0) break;
    let j = q + 1;
    while (j < formula.length) {
      if (formula[j] === '"' && formula[j + 1] === '"') j += 2;
      else if (formula[j] === '"') break;
      else j++;
    }
    out += formula.slice(q, j + 1);
    i = j + 1;
  }
  return out;
}

function shiftRefs(
  part: string,
  onTarget: boolean,
  isTarget: (prefix: string) => boolean,
  s: Shift
): string {
  return part.replace(REF, (m, prefix: string | undefined, ...g: unknown[]) => {
    const offset = g[g.length - 2] as number;
    const before = offset > 0 ? part[offset - 1] : "";
    const after = part[offset + m.length] ?? "";
    // Not a reference: part of a longer name, a function call (LOG10(), a structured reference.
    if (/[A-Za-z0-9_.\][[]/.test(before) || /[A-Za-z0-9_([!]/.test(after)) return m;
    const target = prefix ? isTarget(prefix.slice(0, -1)) : onTarget;
    if (!target) return m;
    const [d1, c1, d2, r1, d3, c2, d4, r2] = g as string[];
    const rect: Rect = {
      r0: Number(r1) - 1,
      c0: columnIndex(c1),
      r1: (r2 ? Number(r2) : Number(r1)) - 1,
      c1: columnIndex(c2 ?? c1),
    };
    if (rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLUMNS) return m;
    const moved = shiftRect(s, rect);
    if (!moved) return `${prefix ?? ""}#REF!`;
    const a = `${d1}${columnLetters(moved.c0)}${d2}${moved.r0 + 1}`;
    const b = r2 ? `:${d3}${columnLetters(moved.c1)}${d4}${moved.r1 + 1}` : "";
    return `${prefix ?? ""}${a}${b}`;
  });
}
