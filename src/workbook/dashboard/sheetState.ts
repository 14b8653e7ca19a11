/**
 * Reading what a sheet holds in and around the dashboard's areas, for deciding which cells are
 * the user's (ownership.ts): formulas, fills, borders, data validation, merged areas, comments and
 * conditional formats. Queues loads only; the caller syncs once and calls `state()`.
 */
import { parseRect } from "../../model/a1";
import { AreaState, SheetState } from "./ownership";

/** What the sheet-wide collections gave in the round trip before (comments, formats). */
export interface SheetCollections {
  readonly comments: Excel.CommentCollection | null;
  readonly conditionalFormats: Excel.ConditionalFormatCollection | null;
}

/** The loaded state; call `state()` after the sync. */
export interface LoadedSheetState {
  state(): SheetState;
}

/** Host features the reads use (each is skipped where the host lacks it). */
export interface StateFeatures {
  /** ExcelApi 1.9: Range.getCellProperties. */
  readonly cellProperties: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  readonly mergedAreas: boolean;
}

/**
 * Queues the sheet-wide collection loads (one round trip before `loadSheetState`).
 *
 * @param sheet the sheet
 * @param comments whether the host has comments (ExcelApi 1.10)
 * @returns the collections to pass on
 */
export function loadCollections(sheet: Excel.Worksheet, comments: boolean): SheetCollections {
  return {
    comments: comments ? sheet.comments.load("items/id") : null,
    conditionalFormats: sheet.getRange().conditionalFormats.load("items/type"),
  };
}

/**
 * Queues the per-area reads.
 *
 * @param sheet the sheet
 * @param areas A1 areas to read (old and new ones)
 * @param dropdowns A1 cells holding the dashboard's own dropdowns (their areas are read per cell)
 * @param collections what `loadCollections` returned, synced
 * @param features host features
 * @returns the loaded state
 */
export function loadSheetState(
  sheet: Excel.Worksheet,
  areas: readonly string[],
  dropdowns: readonly string[],
  collections: SheetCollections,
  features: StateFeatures
): LoadedSheetState {
  const dropRects = dropdowns.map(parseRect);
  const reads = areas.map((address) => {
    const rect = parseRect(address)!;
    const range = sheet.getRange(address);
    const formulas = range.load("formulas");
    const props = features.cellProperties
      ? range.getCellProperties({
          format: { fill: { color: true }, borders: { style: true } },
        })
      : null;
    // Without getCellProperties (before ExcelApi 1.9): each cell's fill, read one by one.
    const cellFills = props
      ? null
      : Array.from({ length: rect.rows }, (_, i) =>
          Array.from({ length: rect.cols }, (_, j) => range.getCell(i, j).format.fill.load("color"))
        );
    const perCell = dropRects.some(
      (d) =>
        d &&
        d.row >= rect.row &&
        d.row < rect.row + rect.rows &&
        d.col >= rect.col &&
        d.col < rect.col + rect.cols
    );
    const dv = perCell
      ? Array.from({ length: rect.rows }, (_, i) =>
          Array.from({ length: rect.cols }, (_, j) =>
            range.getCell(i, j).dataValidation.load("type")
          )
        )
      : range.dataValidation.load("type");
    const merges = features.mergedAreas ? range.getMergedAreasOrNullObject().load("address") : null;
    return { address, formulas, props, cellFills, dv, merges };
  });
  const commentCells = (collections.comments?.items ?? []).map((c) =>
    c.getLocation().load("address")
  );
  const cfRanges = (collections.conditionalFormats?.items ?? []).map((f) =>
    f.getRange().load("address")
  );
  return {
    state: (): SheetState => ({
      areas: reads.map((r): AreaState => ({
        address: r.address,
        formulas: r.formulas.formulas,
        fills: r.props
          ? r.props.value.map((row) => row.map((c) => c.format?.fill?.color ?? "#FFFFFF"))
          : r.cellFills!.map((row) => row.map((f) => f.color ?? "#FFFFFF")),
        borders: r.props
          ? r.props.value.map((row) =>
              row.map((c) =>
                Object.values(c.format?.borders ?? {}).some(
                  (b) =>
                    (b as { style?: string }).style && (b as { style?: string }).style !== "None"
                )
              )
            )
          : r.formulas.formulas.map((row) => row.map(() => false)),
        validation: Array.isArray(r.dv)
          ? r.dv.map((row) => row.map((d) => String(d.type)))
          : String(r.dv.type),
      })),
      merges: reads.flatMap((r) =>
        r.merges && !r.merges.isNullObject ? r.merges.address.split(",").map(bare) : []
      ),
      comments: commentCells.map((c) => bare(c.address)),
      conditionalFormats: cfRanges.flatMap((c) => c.address.split(",").map(bare)),
    }),
  };
}

/** "Sheet1!A1:B2" → "A1:B2". */
function bare(address: string): string {
  const a = address.trim();
  return a.includes("!") ? a.slice(a.lastIndexOf("!") + 1) : a;
}
