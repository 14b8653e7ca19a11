/**
 * Which cells of the dashboard's areas belong to the user (pure: decided from what the build
 * read). The dashboard writes only cells it wrote last time and that still hold what it wrote,
 * plus empty, unformatted cells; everything else the user put there is kept and reported:
 * values, formulas (also those that show ""), fills, borders, merges, data validation,
 * comments/notes and conditional formats.
 */
import { Rect, cellAddress, containsCell, parseRect } from "../../model/a1";
import { CellBlock, DashboardPlan } from "./types";

/** Excel's fill of an unformatted cell. */
export const NO_FILL = "#FFFFFF";

/** What the build read about one area of the sheet. */
export interface AreaState {
  readonly address: string;
  /** Range.formulas of the area. */
  readonly formulas: readonly (readonly unknown[])[];
  /** Fill colour per cell (getCellProperties). */
  readonly fills: readonly (readonly string[])[];
  /** Whether a cell has any border (we never draw borders). */
  readonly borders: readonly (readonly boolean[])[];
  /**
   * Data-validation type per cell ("None" when none), or one type for the whole area when
   * the area holds no dropdown of ours.
   */
  readonly validation: string | readonly (readonly string[])[];
}

/** What the build read about the sheet as a whole. */
export interface SheetState {
  readonly areas: readonly AreaState[];
  /** Merged areas (A1, no sheet) inside or across the dashboard's areas. */
  readonly merges: readonly string[];
  /** Cells (A1) holding a comment or note. */
  readonly comments: readonly string[];
  /** Ranges (A1) of conditional formats on the sheet. */
  readonly conditionalFormats: readonly string[];
}

/** What the previous build wrote (its plan re-derived from the registry), when known. */
export interface Previous {
  readonly plan: DashboardPlan;
  /** False when the add-in changed since: only the areas are known, not each cell's content. */
  readonly exact: boolean;
  /**
   * Merged areas earlier versions of the plan wrote that the current one does not (tiles.ts
   * `FORMER_MERGES`): ours when the add-in changed since (`exact` false), not the user's.
   */
  readonly formerMerges?: readonly string[];
}

/** The cells the dashboard keeps its hands off, by "row:col" (1-based). */
export type Kept = ReadonlySet<string>;

/** "row:col" key of a cell. */
export const key = (row: number, col: number): string => `${row}:${col}`;

/**
 * The fill a block's style gives its cells (the apply module's table, passed in to keep this
 * module free of styling).
 */
export type FillOf = (block: CellBlock) => string;

/**
 * Decides which cells of the old and new areas are the user's.
 *
 * @param state what the build read
 * @param previous the previous build (null on a first build or on a sheet we do not own)
 * @param fillOf the fill each block's style writes
 * @returns the kept cells
 * @example
 * userCells(state, null, fillOf).size; // 0 on an empty sheet
 */
export function userCells(state: SheetState, previous: Previous | null, fillOf: FillOf): Kept {
  const kept = new Set<string>();
  const oldBlocks = previous?.plan.blocks ?? [];
  const oldAreas = (previous?.plan.areas ?? []).map(parseRect).filter(isRect);
  const ourMerges = new Set(oldBlocks.filter((b) => b.merge).map((b) => b.address));
  if (previous && !previous.exact) for (const m of previous.formerMerges ?? []) ourMerges.add(m);
  const ourDropdowns = new Set((previous?.plan.validations ?? []).map((v) => v.address));
  // The filter inputs are the user's to change (the build reads them back): content may differ.
  const inputs = new Set(
    previous
      ? (["owner", "period", "customFrom", "customTo", "staleDays"] as const).map(
          (k) => previous.plan.filterCells[k]
        )
      : []
  );
  for (const address of state.comments) addRect(kept, parseRect(address));
  for (const address of state.conditionalFormats) addRect(kept, parseRect(address));
  for (const address of state.merges)
    if (!ourMerges.has(address)) addRect(kept, parseRect(address));
  for (const area of state.areas) {
    const rect = parseRect(area.address);
    if (!rect) continue;
    for (let i = 0; i < rect.rows; i++) {
      for (let j = 0; j < rect.cols; j++) {
        const row = rect.row + i;
        const col = rect.col + j;
        const k = key(row, col);
        if (kept.has(k)) continue;
        const formula = area.formulas[i]?.[j];
        const fill = area.fills[i]?.[j] ?? NO_FILL;
        const dv = typeof area.validation === "string" ? area.validation : area.validation[i]?.[j];
        const ours = (previous ? oldBlocks : []).find((b) => containsCell(b.rect, row, col));
        const wasOurs = oldAreas.some((a) => containsCell(a, row, col));
        if (area.borders[i]?.[j]) kept.add(k);
        else if (dv && dv !== "None" && !ourDropdowns.has(cellAddress(row, col))) kept.add(k);
        else if (ours && previous?.exact) {
          if (!sameFill(fill, fillOf(ours))) kept.add(k);
          else if (
            ours.formulas &&
            !inputs.has(cellAddress(row, col)) &&
            !sameContent(formula, ours.formulas[row - ours.rect.row][col - ours.rect.col])
          )
            kept.add(k);
        } else if (ours || (wasOurs && previous && !previous.exact)) {
          // Known to be ours only by area (or a spill target): the user's marks above decide.
        } else if (!isBlank(formula) || !sameFill(fill, NO_FILL)) kept.add(k);
      }
    }
  }
  return kept;
}

/** Whether a cell reads back as what the dashboard wrote (Range.formulas vs the plan). */
export function sameContent(read: unknown, written: unknown): boolean {
  const norm = (v: unknown): string => {
    if (typeof v === "string") return v.startsWith("'") ? v.slice(1) : v;
    return v === null || v === undefined ? "" : String(v);
  };
  if (norm(read) === norm(written)) return true;
  // Excel upper-cases function names and keeps the rest of a formula as typed.
  return (
    typeof read === "string" &&
    typeof written === "string" &&
    read.startsWith("=") &&
    read.toUpperCase() === written.toUpperCase()
  );
}

function sameFill(a: string, b: string): boolean {
  return a.toUpperCase() === b.toUpperCase();
}

function isBlank(v: unknown): boolean {
  return v === "" || v === null || v === undefined;
}

function isRect(r: Rect | null): r is Rect {
  return r !== null;
}

function addRect(kept: Set<string>, rect: Rect | null): void {
  if (!rect) return;
  for (let i = 0; i < rect.rows; i++)
    for (let j = 0; j < rect.cols; j++) kept.add(key(rect.row + i, rect.col + j));
}

/**
 * The kept cells in reading order as A1 addresses (what the report lists).
 *
 * @param kept the kept cells
 * @param within only cells inside these areas (the rest of the sheet is not our business)
 * @returns addresses, e.g. ["B8", "L30"]
 */
export function keptAddresses(kept: Kept, within: readonly string[]): string[] {
  const areas = within.map(parseRect).filter(isRect);
  return [...kept]
    .map((k) => k.split(":").map(Number) as [number, number])
    .filter(([r, c]) => areas.some((a) => containsCell(a, r, c)))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .map(([r, c]) => cellAddress(r, c));
}

/**
 * A short fingerprint of a plan's cells (FNV-1a over blocks, names and dropdowns), stored in the
 * registry: when the re-derived previous plan has the same fingerprint, each cell's previous
 * content is known exactly.
 *
 * @param plan the plan
 * @returns 8 hex digits
 */
export function planFingerprint(plan: DashboardPlan): string {
  let h = 0x811c9dc5;
  const text = JSON.stringify([plan.blocks, plan.validations, plan.areas]);
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
