/**
 * Open pipeline by stage, in Stages table order, for deals expected to close in the period:
 * count, amount and weighted amount per open stage, charted as a funnel (a clustered bar where
 * funnels are not supported).
 */
import { Stage } from "../../../engine/stages";
import { TABLES } from "../../../model/schema";
import { cellAddress } from "../../../model/a1";
import { CAPTIONS } from "../captions";
import { COLORS, PlanContext, columnOf, col, rowsOf } from "../layout";
import { CAPACITY, CHART_PREFIX, DASH_NAMES, StageInfo } from "../types";
import { SectionDef } from "./section";

function openStages(ctx: PlanContext): readonly StageInfo[] {
  return ctx.input.stages.filter((s) => s.stage === Stage.Open);
}

/** The pipeline section. */
export const pipeline: SectionDef = {
  key: "pipeline",
  title: CAPTIONS.pipelineByStage,
  headers: [CAPTIONS.stage, CAPTIONS.deals, CAPTIONS.amount, CAPTIONS.weighted],
  reserved: () => CAPACITY.stages,
  used: (ctx) => Math.min(openStages(ctx).length, CAPACITY.stages),
  withChart: true,
  fill: (ctx, { first, used, chart }) => {
    const { t, f, fmt, draft, input } = ctx;
    const D = TABLES.deals;
    const N = DASH_NAMES;
    if (openStages(ctx).length > CAPACITY.stages)
      draft.warnings.push(`Only the first ${CAPACITY.stages} open stages are charted.`);
    if (!used) {
      draft.warnings.push(
        "The Stages table has no open stages, so the pipeline chart is left out."
      );
      return;
    }
    const shownStages = openStages(ctx).slice(0, used);
    const stageCell = (i: number): string => cellAddress(first + i, col(0));
    const criteria = (i: number): string =>
      `${D}[Stage],${stageCell(i)},${D}[Owner],${N.ownerCriteria},${f.dateCriteria(`${D}[Expected Close]`, N.from, N.to)}`;
    draft.block(
      first,
      col(0),
      shownStages.map((s) => [`=INDEX(${TABLES.stages}[Stage],${s.index})`]),
      "cell"
    );
    draft.block(
      first,
      col(1),
      columnOf(used, (i) => `=COUNTIFS(${criteria(i)})`),
      "cell",
      fmt.count
    );
    draft.block(
      first,
      col(2),
      columnOf(used, (i) => `=SUMIFS(${D}[Amount],${criteria(i)})`),
      "cell",
      fmt.money
    );
    draft.block(
      first,
      col(3),
      columnOf(
        used,
        (i) =>
          `=IFERROR(SALES.WEIGHTED_PIPELINE(${D}[Amount],IF((${D}[Stage]=${stageCell(i)})*${f.dealOwnerMask}*${f.expectedIn(N.from, N.to)},${D}[Stage],""),${TABLES.stages}[[Stage]:[Probability]]),0)`
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
