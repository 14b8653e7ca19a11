/**
 * Open pipeline by stage, in Stages table order, for deals expected to close in the period:
 * count, amount and weighted amount per open stage, charted as a funnel (a clustered bar where
 * funnels are not supported).
 */
import { stageKey } from "../../../engine/stageVocabulary";
import { Stage } from "../../../engine/stages";
import { TABLES } from "../../../model/schema";
import { cellAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import { lit } from "../formulas";
import { COLORS, PlanContext, columnOf, col, emptyState, rowsOf } from "../layout";
import { CAPACITY, CHART_PREFIX, CellContent, DASH_NAMES, StageInfo } from "../types";
import { SectionDef } from "./section";

/** The table's open stages; with data read, those that have deals (all of them when none has). */
function openStages(ctx: PlanContext): readonly StageInfo[] {
  const open = ctx.input.stages.filter((s) => s.stage === Stage.Open);
  const used = new Set(ctx.input.data?.stagesWithDeals ?? []);
  const withDeals = open.filter((s) => used.has(stageKey(s.name)));
  return withDeals.length ? withDeals : open;
}

/** Whether some open deal's stage is not in the list (too many stages, or not in the table). */
function needsOther(ctx: PlanContext): boolean {
  const open = openStages(ctx);
  if (open.length > CAPACITY.stages) return true;
  const known = new Set(ctx.input.stages.map((s) => stageKey(s.name)));
  const closed = new Set([...ctx.f.won, ...ctx.f.lost].map(stageKey));
  return (ctx.input.data?.stagesWithDeals ?? []).some((k) => !known.has(k) && !closed.has(k));
}

/** The pipeline section. */
export const pipeline: SectionDef = {
  key: "pipeline",
  title: CAPTIONS.pipelineByStage,
  headers: [CAPTIONS.stage, CAPTIONS.deals, CAPTIONS.amount, CAPTIONS.weighted],
  reserved: () => CAPACITY.stages,
  used: (ctx) =>
    needsOther(ctx)
      ? Math.min(openStages(ctx).length, CAPACITY.stages - 1) + 1
      : Math.min(openStages(ctx).length, CAPACITY.stages),
  withChart: true,
  fill: (ctx, { first, used, chart }) => {
    const { t, f, fmt, draft, input } = ctx;
    const D = TABLES.deals;
    const N = DASH_NAMES;
    if (openStages(ctx).length > CAPACITY.stages)
      draft.warnings.push({
        code: "stagesCapped",
        params: { count: CAPACITY.stages - 1, other: t(CAPTIONS.otherStages) },
      });
    if (!used) {
      draft.warnings.push({ code: "noOpenStages", params: { table: TABLES.stages } });
      emptyState(ctx, first, CAPTIONS.emptyPipeline);
      return;
    }
    const other = needsOther(ctx);
    const listed = other ? used - 1 : used;
    const shownStages = openStages(ctx).slice(0, listed);
    const stageCell = (i: number): string => cellAddress(first + i, col(0));
    const period = `${D}[Owner],${N.ownerCriteria},${f.dateCriteria(`${D}[Expected Close]`, N.from, N.to)}`;
    const criteria = (i: number): string => `${D}[Stage],${stageCell(i)},${period}`;
    // Every open deal of the period, natively: stage not blank, minus the won and lost labels.
    const allOpen = (fn: string, sum: string, extra = ""): string =>
      `${fn}(${sum}${D}[Stage],"<>",${period}${extra})-` +
      [...f.won, ...f.lost]
        .map((l) => `${fn}(${sum}${D}[Stage],${lit(l)},${period}${extra})`)
        .join("-");
    const above = (k: number): string =>
      `SUM(${cellAddress(first, col(k))}:${cellAddress(first + listed - 1, col(k))})`;
    const notListed = shownStages.map((_, i) => `(${D}[Stage]<>${stageCell(i)})`).join("*");
    const cellsOf = (k: number, row: (i: number) => string, rest: string): CellContent[][] => [
      ...columnOf(listed, row),
      ...(other ? [[rest]] : []),
    ];
    draft.block(
      first,
      col(0),
      [
        ...shownStages.map((s) => [`=INDEX(${TABLES.stages}[Stage],${s.index})`]),
        ...(other ? [[t(CAPTIONS.otherStages)]] : []),
      ],
      "cell"
    );
    draft.block(
      first,
      col(1),
      cellsOf(1, (i) => `=COUNTIFS(${criteria(i)})`, `=${allOpen("COUNTIFS", "")}-${above(1)}`),
      "cell",
      fmt.count
    );
    draft.block(
      first,
      col(2),
      cellsOf(
        2,
        (i) => `=SUMIFS(${f.amount},${criteria(i)})`,
        `=${allOpen("SUMIFS", `${f.amount},`)}-${above(2)}`
      ),
      "cell",
      fmt.money
    );
    const weighted = (mask: string): string =>
      `=IFERROR(SALES.WEIGHTED_PIPELINE(${f.amount},${f.stagesIn(f.amountMask(`${mask}*${f.dealOwnerMask}*${f.expectedIn(N.from, N.to)}`))},,${f.stageTable}),0)`;
    draft.block(
      first,
      col(3),
      cellsOf(
        3,
        (i) => weighted(`(${D}[Stage]=${stageCell(i)})`),
        weighted(notListed ? `(${notListed})` : "1")
      ),
      "cell",
      fmt.money
    );
    draft.charts.push({
      key: "pipeline",
      name: `${CHART_PREFIX}pipeline`,
      type: input.funnel ? "Funnel" : "BarClustered",
      title: t(CAPTIONS.chartPipeline),
      ...chart,
      categories: rowsOf(first, used, col(0)),
      series: [
        { name: t(CAPTIONS.amount), values: rowsOf(first, used, col(2)), color: COLORS.pipeline },
      ],
      valueFormat: input.funnel ? undefined : fmt.money,
    });
  },
};
