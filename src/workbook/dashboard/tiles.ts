/**
 * The KPI tiles, declared as data (`tileDefs`) and laid out by one loop (`planTiles`): label,
 * value, and under it the previous period's value and change, or a note (quota attainment: the
 * period's target and, while the period is under way, the pace beside it).
 */
import { Caption, TABLES } from "../../model/schema";
import { cellAddress, rectAddress } from "../../model/a1";
import { CAPTIONS, TILE_CAPTIONS, TILE_NOTES } from "./captions";
import { Formulas, lit, shown } from "./formulas";
import { paceFormula } from "./periodFormulas";
import { GRID_COLS, PlanContext, TILES_PER_ROW, TILE_FIRST_ROW, col } from "./layout";
import { DASH_NAMES, TILE_KEYS, TileKey, TileKind, TilePlan } from "./types";

/** One tile's definition. */
export interface TileDef {
  readonly key: TileKey;
  readonly kind: TileKind;
  /**
   * The figure over a window; `known` (the previous window only) is the day it is read as of,
   * so figures that mature after the window (a lead converts or is contacted later) count only
   * what was known that many days after it, as the current window's do today.
   */
  readonly formula: (from: string, to: string, known?: string) => string;
  /** Whether the tile compares with the previous window (DashPrevFrom … DashPrevTo). */
  readonly compare: boolean;
  /** Lower values are better (colours of the change arrow swap). */
  readonly lowerIsBetter?: boolean;
  /** What the tile says when its figure cannot be computed (default "—"). */
  readonly missing?: Caption;
  /** The note under a tile that does not compare (target and forecast month are live cells). */
  readonly note?: Caption | "target" | "forecastMonth";
}

/**
 * The readable formula of every KPI tile, as a function of the period's ends.
 *
 * @param f the shared formula pieces
 * @param history the range of monthly won revenue the forecast reads
 * @returns the tile definitions in grid order
 */
export function tileDefs(f: Formulas, history: string): TileDef[] {
  const D = TABLES.deals;
  const L = TABLES.leads;
  const N = DASH_NAMES;
  const stagesIn = (mask: string): string => f.stagesIn(mask);
  const table = f.stageTable;
  return [
    { key: "wonRevenue", kind: "money", compare: true, formula: (a, b) => f.wonRevenue(a, b) },
    {
      key: "quotaAttainment",
      missing: CAPTIONS.setTargets,
      kind: "rate",
      compare: false,
      note: "target",
      formula: () =>
        `SALES.QUOTA_ATTAINMENT(${f.amount},${stagesIn(f.amountMask(f.dealOwnerMask))},${D}[Closed Date],${N.target},${N.from},${N.to},${table})`,
    },
    {
      key: "winRate",
      missing: CAPTIONS.noClosed,
      kind: "rate",
      compare: true,
      formula: (a, b) =>
        `SALES.WIN_RATE(${stagesIn(`${f.dealOwnerMask}*${f.closedIn(a, b)}`)},,,,${table})`,
    },
    {
      key: "avgDealSize",
      missing: CAPTIONS.noWon,
      kind: "money",
      compare: true,
      formula: (a, b) =>
        `SALES.AVG_DEAL_SIZE(${f.amount},${stagesIn(f.amountMask(`${f.dealOwnerMask}*${f.closedIn(a, b)}`))},,${table})`,
    },
    {
      key: "salesCycle",
      missing: CAPTIONS.noWon,
      kind: "days",
      compare: true,
      lowerIsBetter: true,
      formula: (a, b) =>
        `SALES.SALES_CYCLE(${D}[Created],${D}[Closed Date],${stagesIn(`${f.dealOwnerMask}*${f.closedIn(a, b)}`)},,${table})`,
    },
    {
      key: "openPipeline",
      kind: "money",
      compare: false,
      formula: (a, b) =>
        `SALES.PIPELINE_VALUE(${f.amount},${stagesIn(f.amountMask(f.dealOwnerMask))},${D}[Expected Close],${a},${b},${table})`,
    },
    {
      key: "weightedPipeline",
      missing: CAPTIONS.setProbabilities,
      kind: "money",
      compare: false,
      formula: (a, b) =>
        `SALES.WEIGHTED_PIPELINE(${f.amount},${stagesIn(f.amountMask(`${f.dealOwnerMask}*${f.expectedIn(a, b)}`))},,${table})`,
    },
    {
      key: "pipelineCoverage",
      missing: CAPTIONS.setTargets,
      kind: "ratio",
      compare: false,
      note: TILE_NOTES.coverageHint,
      formula: () =>
        `SALES.PIPELINE_COVERAGE(${tileName("openPipeline")},${N.target},${tileName("wonRevenue")})`,
    },
    {
      key: "newLeads",
      kind: "count",
      compare: true,
      formula: (a, b) =>
        `COUNTIFS(${L}[Owner],${N.ownerCriteria},${f.dateCriteria(`${L}[Created]`, a, b)})`,
    },
    {
      key: "leadConversion",
      missing: CAPTIONS.noLeads,
      kind: "rate",
      compare: true,
      formula: (a, b, known) =>
        `SALES.CONVERSION_RATE(IF(${f.leadOwnerMask}*${f.createdIn(a, b)},${knownBy(`${L}[Converted]`, `${L}[Converted Date]`, known, "FALSE")},""))`,
    },
    {
      key: "responseTime",
      missing: CAPTIONS.noContacted,
      kind: "hours",
      compare: true,
      lowerIsBetter: true,
      formula: (a, b, known) =>
        `SALES.LEAD_RESPONSE_TIME(IF(${f.leadOwnerMask}*${f.createdIn(a, b)},${L}[Created],""),${knownBy(`${L}[First Contact]`, `${L}[First Contact]`, known, '""')},"median","hours")`,
    },
    {
      key: "staleDeals",
      kind: "count",
      compare: false,
      note: TILE_NOTES.staleHint,
      formula: () =>
        `SALES.STALE_DEALS(${D}[Last Activity],${stagesIn(f.dealOwnerMask)},${N.staleDays},${N.asOf},${table})`,
    },
    {
      key: "forecast",
      missing: CAPTIONS.shortHistory,
      kind: "money",
      compare: false,
      note: "forecastMonth",
      formula: () => `INDEX(SALES.FORECAST_SALES(${history},2),2)`,
    },
  ];
}

/**
 * A lead column as it was known on a day: where the dated event (conversion, first contact)
 * happened after that day, what the column said before it (not converted, not contacted).
 * Rows without a date keep their value (when it happened is unknown). Without a day, the
 * column as it is.
 *
 * @param column the column read (Leads[Converted])
 * @param when the column dating it (Leads[Converted Date])
 * @param known the day's expression, or undefined for today
 * @param before the value before the event
 * @returns the expression
 * @example
 * knownBy("Leads[Converted]", "Leads[Converted Date]", "D1", "FALSE"); // "IF(ISNUMBER(Leads[Converted Date])*(Leads[Converted Date]>=D1+1),FALSE,Leads[Converted])"
 */
export function knownBy(column: string, when: string, known: string | undefined, before: string) {
  if (known === undefined) return column;
  return `IF(ISNUMBER(${when})*(${when}>=${known}+1),${before},${column})`;
}

/**
 * Merged areas of the tile grid that builds before the pace (round 6) wrote and the current plan
 * does not: the quota tile's target note spanned both its columns. A rebuild of such a
 * dashboard unmerges them as its own instead of keeping them as the user's.
 */
export const FORMER_MERGES: readonly string[] = [
  rectAddress({
    row: TILE_FIRST_ROW + 2,
    col: col((TILE_KEYS.indexOf("quotaAttainment") % TILES_PER_ROW) * 2),
    rows: 1,
    cols: 2,
  }),
];

/**
 * The day the previous window's figures are read as of: as many days after its end as today is
 * after the period's end (engine/dashboard/periodWindows.ts `previousAsOf`).
 */
const PREVIOUS_AS_OF = `(${DASH_NAMES.prevTo}+MAX(0,${DASH_NAMES.asOf}-${DASH_NAMES.to}))`;

/**
 * The named item of a tile's value cell.
 *
 * @param key the tile
 * @returns the name
 * @example
 * tileName("winRate"); // "DashWinRate"
 */
export function tileName(key: TileKey): string {
  return `Dash${key[0].toUpperCase()}${key.slice(1)}`;
}

/**
 * A tile's value cell: the figure, or what is missing to compute it (no targets: say so).
 *
 * @param def the tile
 * @param formula its readable formula
 * @param t the caption reader
 * @returns the cell formula
 */
function cellFormula(def: TileDef, formula: string, t: (c: Caption) => string): string {
  const fallback = def.missing ? lit(t(def.missing)) : undefined;
  if (def.missing === CAPTIONS.setTargets && fallback) {
    const whenSet = def.key === "pipelineCoverage" ? lit(t(CAPTIONS.quotaMet)) : '"—"';
    const value = `IF(N(${DASH_NAMES.target})=0,${fallback},IFERROR(${formula},${whenSet}))`;
    if (def.key !== "pipelineCoverage") return `=${value}`;
    // Coverage asks whether the open deals can still make the quota: once the period is over
    // nothing more can close in it (its "open pipeline" is deals now overdue), so it says so.
    const { to, asOf } = DASH_NAMES;
    return `=IF(${to}<${asOf},${lit(t(CAPTIONS.periodOver))},${value})`;
  }
  return shown(formula, fallback);
}

/**
 * Lays out every tile (rows 7–17) into the draft.
 *
 * @param ctx the plan context
 * @param history the monthly won-revenue range the forecast tile reads
 * @returns the tiles' plans
 */
export function planTiles(ctx: PlanContext, history: string): TilePlan[] {
  const { t, f, fmt, draft } = ctx;
  const N = DASH_NAMES;
  draft.areas.push({ row: TILE_FIRST_ROW, col: col(0), rows: 11, cols: GRID_COLS });
  return tileDefs(f, history).map((def, i) => {
    const row = TILE_FIRST_ROW + Math.floor(i / TILES_PER_ROW) * 4;
    const c = col((i % TILES_PER_ROW) * 2);
    const label = t(TILE_CAPTIONS[def.key]);
    const formula = def.formula(N.from, N.to);
    // Label and value span the tile's two columns, so long figures never show as ####.
    draft.block(row, c, [[label, ""]], "tileLabel", undefined, true);
    const valueAddress = draft
      .block(
        row + 1,
        c,
        [[cellFormula(def, formula, t), ""]],
        "tileValue",
        fmt.value[def.kind],
        true
      )
      .split(":")[0];
    const name = tileName(def.key);
    draft.name(name, row + 1, c);
    let previousFormula: string | undefined;
    let previousAddress: string | undefined;
    let changeAddress: string | undefined;
    let paceAddress: string | undefined;
    if (def.compare) {
      previousFormula = def.formula(N.prevFrom, N.prevTo, PREVIOUS_AS_OF);
      const prevCell = cellAddress(row + 2, c);
      // Only two numbers compare: never a change against a period without data or without one.
      const both = `AND(ISNUMBER(${valueAddress}),ISNUMBER(${prevCell}))`;
      const change =
        def.kind === "rate"
          ? `=IFERROR(IF(${both},(${valueAddress}-${prevCell})*100,""),"")`
          : `=IFERROR(IF(${both},IF(${prevCell}=0,"",${valueAddress}/${prevCell}-1),""),"")`;
      const previous = `=IF(ISNUMBER(${N.prevFrom}),IFERROR(${previousFormula},""),"")`;
      draft.cell(row + 2, c, previous, "tileCompare", fmt.previous(def.kind));
      draft.cell(
        row + 2,
        c + 1,
        change,
        "tileCompare",
        fmt.change(def.kind, def.lowerIsBetter ?? false)
      );
      previousAddress = prevCell;
      changeAddress = cellAddress(row + 2, c + 1);
    } else if (def.note === "target") {
      // The period's target, and beside it (as "prev." changes sit beside "prev.") the pace.
      draft.cell(row + 2, c, `=${f.target(N.from, N.to)}`, "tileCompare", fmt.target);
      draft.name(N.target, row + 2, c);
      const pace = paceFormula(ctx.input.language, name, f.target(N.from, N.asOf));
      paceAddress = draft.cell(row + 2, c + 1, pace, "tileCompare", fmt.pace);
    } else if (def.note === "forecastMonth") {
      const asOf = N.asOf;
      draft.block(
        row + 2,
        c,
        [[`=EDATE(DATE(YEAR(${asOf}),MONTH(${asOf}),1),1)`, t(TILE_NOTES.forecastHint)]],
        "tileCompare",
        fmt.month
      );
    } else if (def.missing === CAPTIONS.setTargets) {
      // The value says "no targets set"; the note says where to set them.
      const note = `=IF(N(${N.target})=0,${lit(t(CAPTIONS.setTargetsHint))},${lit(t(def.note ?? TILE_NOTES.closingInPeriod))})`;
      draft.block(row + 2, c, [[note, ""]], "tileCompare", undefined, true);
    } else {
      draft.block(
        row + 2,
        c,
        [[t(def.note ?? TILE_NOTES.closingInPeriod), ""]],
        "tileCompare",
        undefined,
        true
      );
    }
    return {
      key: def.key,
      label,
      kind: def.kind,
      name,
      valueAddress,
      formula,
      previousFormula,
      previousAddress,
      changeAddress,
      ...(paceAddress ? { paceAddress } : {}),
    };
  });
}
