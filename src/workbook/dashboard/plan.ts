/**
 * What the dashboard owns, as data: every cell block (formulas, styles, number formats), named
 * item, dropdown and chart, given the workbook language, the pipeline stages and the filter
 * settings. Pure (no Excel), so the layout and every formula can be tested without a workbook;
 * `build.ts` applies a plan in a fixed number of round trips, `share.ts` re-applies its formats
 * and charts to a values-only copy.
 *
 * Filtering: every figure follows two named filter cells, `DashOwner` and the period
 * `DashFrom`..`DashTo` (whole days, computed live from `DashPeriod` and `DashAsOf = TODAY()`).
 * Native aggregates (SUMIFS/COUNTIFS) filter the owner with the criteria cell
 * `DashOwnerCriteria` ("<>All" = any owner, else the owner's name); SALES functions get the same
 * filter by blanking the key column of rows outside it (`IF(mask, Deals[Stage], "")`), since
 * every SALES function ignores rows whose key cell is blank.
 */
import { periodChoices } from "../../engine/dashboard/periodWindows";
import { Caption, TABLES } from "../../model/schema";
import { cellAddress, columnLetters, rectAddress } from "../../model/a1";
import { ALL_OWNERS, CAPTIONS, PERIOD_LABELS } from "./captions";
import { encodeFilters, encodeOwner } from "./filterCodec";
import { Formulas } from "./formulas";
import { fiscalNameFormula, fiscalStartFormula, periodFormulas } from "./periodFormulas";
import {
  Draft,
  FIRST_COL,
  GRID_COLS,
  GRID_WIDTH,
  LIST_COL,
  PlanContext,
  TILE_FIRST_ROW,
  absolute,
  col,
  formats,
  tableList,
} from "./layout";
import { HISTORY_RANGE, SECTIONS, planSections } from "./sections";
import { planTiles } from "./tiles";
import {
  CellBlock,
  ColumnWidth,
  CAPACITY,
  DASH_NAMES,
  DashboardPlan,
  FilterCells,
  PlanInput,
  RowHeight,
  StyleKey,
} from "./types";

export * from "./types";
export { moneyFormat } from "./layout";
export { periodFromLabel, isAllOwners } from "./filterCodec";
export { tileName } from "./tiles";

/**
 * Title, subtitle and the filter cells with their named items (rows 1–5).
 *
 * @param ctx the plan context
 * @returns the filter cells' addresses
 */
function planHeader(ctx: PlanContext): FilterCells {
  const { input, t, fmt, draft } = ctx;
  const lang = input.language;
  const N = DASH_NAMES;
  // Title and filters (rows 1–5).
  draft.areas.push({ row: 1, col: col(0), rows: 5, cols: GRID_COLS });
  // Title lines span the grid (merged), so their text never depends on one column's width.
  const line = (row: number, text: string, style: StyleKey): void => {
    const rect = { row, col: col(0), rows: 1, cols: GRID_COLS };
    const formulas = [[text, ...Array.from({ length: GRID_COLS - 1 }, () => "")]];
    draft.blocks.push({ address: rectAddress(rect), rect, formulas, style, merge: true });
  };
  line(1, t(CAPTIONS.title), "title");
  line(2, t(CAPTIONS.subtitle), "subtitle");
  const labels: [number, Caption][] = [
    [0, CAPTIONS.owner],
    [2, CAPTIONS.period],
    [4, CAPTIONS.customFrom],
    [5, CAPTIONS.customTo],
    [6, CAPTIONS.staleDays],
    [7, CAPTIONS.from],
    [8, CAPTIONS.to],
    [9, CAPTIONS.asOf],
  ];
  for (const [k, c] of labels) draft.cell(3, col(k), t(c), "filterLabel");
  const filters = input.filters;
  const cells = encodeFilters(filters, lang);
  draft.cell(4, col(0), cells.owner, "filterInput");
  draft.cell(4, col(2), cells.period, "filterInput");
  draft.cell(4, col(4), cells.customFrom, "filterInput", fmt.date);
  draft.cell(4, col(5), cells.customTo, "filterInput", fmt.date);
  draft.cell(4, col(6), cells.staleDays, "filterInput", "0");
  const period = periodFormulas(lang, t(CAPTIONS.noPrevious));
  // The name of a fiscal period beside the Period cell ("FY2027 Q3"), blank for other choices.
  draft.cell(3, col(3), t(CAPTIONS.fiscalPeriod), "filterLabel");
  draft.cell(4, col(3), fiscalNameFormula(lang, t), "computed");
  draft.cell(4, col(7), period.from, "computed", fmt.date);
  draft.cell(4, col(8), period.to, "computed", fmt.date);
  draft.cell(4, col(9), "=TODAY()", "computed", fmt.date);
  draft.cell(5, col(6), t(CAPTIONS.previousFrom), "filterLabel");
  const foreign = input.data?.currencies ?? [];
  if (foreign.length) {
    // Deals in currencies without a rate are left out of every amount, and the sheet says so.
    const list = foreign
      .map((c) =>
        t(CAPTIONS.currencyDeals).replace("{n}", String(c.deals)).replace("{code}", c.code)
      )
      .join(", ");
    const note = t(CAPTIONS.currencyNote)
      .replace("{reporting}", input.currency)
      .replace("{list}", list);
    draft.block(5, col(0), [[note, "", "", "", ""]], "filterLabel", undefined, true);
    for (const c of foreign)
      draft.warnings.push({ code: "noExchangeRate", params: { count: c.deals, currency: c.code } });
  }
  draft.cell(5, col(7), period.prevFrom, "computed", fmt.date);
  draft.cell(5, col(8), period.prevTo, "computed", fmt.date);
  draft.name(N.owner, 4, col(0));
  draft.name(N.period, 4, col(2));
  draft.name(N.customFrom, 4, col(4));
  draft.name(N.customTo, 4, col(5));
  draft.name(N.staleDays, 4, col(6));
  draft.name(N.from, 4, col(7));
  draft.name(N.to, 4, col(8));
  draft.name(N.asOf, 4, col(9));
  draft.name(N.prevFrom, 5, col(7));
  draft.name(N.prevTo, 5, col(8));
  const filterCells: FilterCells = {
    owner: cellAddress(4, col(0)),
    period: cellAddress(4, col(2)),
    customFrom: cellAddress(4, col(4)),
    customTo: cellAddress(4, col(5)),
    staleDays: cellAddress(4, col(6)),
    from: cellAddress(4, col(7)),
    to: cellAddress(4, col(8)),
    prevFrom: cellAddress(5, col(7)),
    prevTo: cellAddress(5, col(8)),
    asOf: cellAddress(4, col(9)),
  };
  return filterCells;
}

/**
 * The lists feeding the dropdowns, and the owner criteria (M3:O24).
 *
 * @param ctx the plan context
 * @param filterCells where the dropdowns go
 */
function planLists(ctx: PlanContext, filterCells: FilterCells): void {
  const { input, t, f, draft } = ctx;
  const lang = input.language;
  const N = DASH_NAMES;
  // The Owner dropdown lists the data's owners (and the Owners table's), as text.
  const owners = input.data?.owners;
  const ownerCount = owners ? owners.length : input.owners;
  const ownerRows = Math.min(ownerCount, CAPACITY.owners);
  if (ownerCount > CAPACITY.owners)
    draft.warnings.push({ code: "ownersCapped", params: { count: CAPACITY.owners } });
  draft.areas.push({ row: 3, col: LIST_COL, rows: 2 + CAPACITY.owners, cols: 3 });
  draft.cell(3, LIST_COL, t(CAPTIONS.lists), "helper");
  const ownerList = owners
    ? owners.slice(0, ownerRows).map((o) => [encodeOwner(o, lang)])
    : tableList(TABLES.owners, "Owner", ownerRows);
  draft.block(4, LIST_COL, [[t(ALL_OWNERS)], ...ownerList], "helper");
  // The Period choices of the fiscal-year start month at build time (no duplicates with a
  // January start); a label typed or left from another start month still works (filterCodec).
  const choices = periodChoices(input.fiscalStartMonth ?? 1);
  draft.block(
    4,
    LIST_COL + 1,
    choices.map((c) => [PERIOD_LABELS[c][lang]]),
    "helper"
  );
  draft.cell(3, LIST_COL + 2, t(CAPTIONS.ownerCriteria), "helper");
  draft.cell(4, LIST_COL + 2, `=IF(${N.owner}=${f.all},"<>"&${f.all},${N.owner})`, "helper");
  draft.name(N.ownerCriteria, 4, LIST_COL + 2);
  draft.cell(5, LIST_COL + 2, t(CAPTIONS.fiscalStart), "helper");
  draft.cell(6, LIST_COL + 2, fiscalStartFormula(input.fiscalStartName ?? false), "helper");
  draft.name(N.fiscalStart, 6, LIST_COL + 2);
  const listRef = (c: number, rows: number): string => absolute({ row: 4, col: c, rows, cols: 1 });
  draft.validations.push({ address: filterCells.owner, source: listRef(LIST_COL, ownerRows + 1) });
  draft.validations.push({
    address: filterCells.period,
    source: listRef(LIST_COL + 1, choices.length),
  });
}

/** Widest the label column grows to fit a name; longer names are cut off at the next cell. */
export const LABEL_MAX_WIDTH = 240;

/**
 * Width of the sections' label column (B) so the names the plan writes there (owners,
 * competitors, sources, loss reasons, stages, headers) show whole: the grid width at least,
 * `LABEL_MAX_WIDTH` at most. Only a text with a written cell to its right counts (any other
 * overflows into the empty cell, as titles and empty-list messages do). Estimated from the text
 * at build time with Excel's width rule (about 7 px per character of Calibri 11, 10 px padding,
 * 0.75 pt per px): `autofitColumns` would also fit column B's title cells and shrink the grid,
 * and the label cells are written in the same batch. Names that formulas produce (deal names,
 * lists of plans without data) are not known here and keep the grid width.
 *
 * @param blocks the plan's blocks
 * @returns the width in points
 * @example
 * labelColumnWidth([]); // 88 (GRID_WIDTH)
 */
export function labelColumnWidth(blocks: readonly CellBlock[]): number {
  const texts = new Map<number, { text: string; bold: boolean }>();
  const besideWritten = new Set<number>();
  for (const b of blocks) {
    if (!b.formulas || b.merge) continue;
    b.formulas.forEach((row, i) => {
      const r = b.rect.row + i;
      const right = row[FIRST_COL + 1 - b.rect.col];
      if (right !== undefined && right !== "") besideWritten.add(r);
      const v = row[FIRST_COL - b.rect.col];
      if ((b.style === "cell" || b.style === "header") && typeof v === "string" && v[0] !== "=")
        texts.set(r, { text: v.replace(/^'/, ""), bold: b.style === "header" });
    });
  }
  let px = 0;
  for (const [r, { text, bold }] of texts)
    if (besideWritten.has(r)) px = Math.max(px, text.length * 7 * (bold ? 1.1 : 1) + 10);
  return Math.min(LABEL_MAX_WIDTH, Math.max(GRID_WIDTH, Math.ceil(px * 0.75)));
}

/**
 * Plans the whole dashboard: header and filters, helper lists, tiles, then every section of
 * `SECTIONS` in order.
 *
 * @param input language, currency, stages, list sizes, funnel support and filters
 * @returns the plan: blocks, names, dropdowns, charts, tiles, sections and owned areas
 * @example
 * const plan = planDashboard({ language: "en", currency: "USD", stages, owners: 5, competitors: 4, funnel: true, filters: DEFAULT_FILTERS });
 * plan.tiles.find((t) => t.key === "winRate")?.formula; // "SALES.WIN_RATE(IF(...,Deals[Stage],\"\"),,,,Stages[#All])"
 */
export function planDashboard(input: PlanInput): DashboardPlan {
  const draft = new Draft();
  const ctx: PlanContext = {
    input,
    t: (c: Caption): string => c[input.language],
    f: new Formulas(input),
    fmt: formats(input),
    draft,
  };
  const filterCells = planHeader(ctx);
  planLists(ctx, filterCells);
  const tiles = planTiles(ctx, HISTORY_RANGE);
  planSections(ctx, SECTIONS);

  const widths: ColumnWidth[] = [{ column: "A", width: 12 }];
  for (let k = 0; k < GRID_COLS; k++)
    widths.push({
      column: columnLetters(col(k) - 1),
      width: k === 0 ? labelColumnWidth(draft.blocks) : GRID_WIDTH,
    });
  widths.push({ column: columnLetters(LIST_COL - 1 - 1), width: 12 });
  for (let k = 0; k < 3; k++) widths.push({ column: columnLetters(LIST_COL + k - 1), width: 96 });
  const rowHeights: RowHeight[] = [{ row: 1, height: 30 }];
  for (let r = 0; r < 3; r++) rowHeights.push({ row: TILE_FIRST_ROW + 1 + r * 4, height: 26 });

  return {
    input,
    blocks: draft.blocks,
    names: draft.names,
    validations: draft.validations,
    charts: draft.charts,
    tiles,
    sections: draft.sections,
    filterCells,
    areas: draft.areas.map(rectAddress),
    columnWidths: widths,
    rowHeights,
    warnings: draft.warnings,
  };
}
