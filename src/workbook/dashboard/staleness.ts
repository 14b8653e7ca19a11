/**
 * Whether the dashboard is out of date: its by-owner, competitor, source and loss-reason rows,
 * its open-stage rows and the won/lost label lists of its SUMIFS figures are written from lists
 * read at build time (`PlanInput.data`, `PlanInput.stages`), while the data and the Stages table
 * go on changing (the weekly import, the manager's edits). This compares the lists the last build
 * used with the same lists read now (by the build's own readers: `planData`, `stagesFromRows`)
 * and names what a rebuild would add. Removed items are not reported: their rows show zeros, which
 * is true. Pure.
 */
import { outcomeLabels, stageKey, vocabularyClassifier } from "../../engine/stageVocabulary";
import { Stage } from "../../engine/stages";
import { Formulas, planVocabulary } from "./formulas";
import { PlanData, PlanInput, StageInfo } from "./types";

/** What the workbook holds now, as a build would read it. */
export interface DashboardFacts {
  /** The Stages table's rows (`stagesFromRows`). */
  readonly stages: readonly StageInfo[];
  /** The data's lists (`planData`). */
  readonly data: PlanData;
}

/** What changed since the last build that the dashboard's lists miss (each list: first spellings). */
export interface DashboardStaleness {
  /** Owners of deals or leads (or in the Owners table) without a row in the by-owner table. */
  readonly owners: readonly string[];
  readonly competitors: readonly string[];
  /** Lead sources without a row in the by-source table. */
  readonly sources: readonly string[];
  readonly lossReasons: readonly string[];
  /**
   * Deal stage spellings the dashboard does not count as the Stages table now does: spellings it
   * judges won or lost that the SUMIFS label lists lack ("closedwon" beside "Closed Won"), and
   * open stages whose first deals came after the build (the pipeline table has no row for them).
   */
  readonly stages: readonly string[];
  /** The Stages table's names, order or won/lost flags differ from the build's. */
  readonly stagesTable: boolean;
  /** Some deal has no owner now, and none had at build time (no "(no owner)" row). */
  readonly noOwner: boolean;
  /** Some lead has no source now, and none had at build time (no "(no source)" row). */
  readonly noSource: boolean;
}

/** The verdict when nothing changed since the build. */
export const UP_TO_DATE: DashboardStaleness = {
  owners: [],
  competitors: [],
  sources: [],
  lossReasons: [],
  stages: [],
  stagesTable: false,
  noOwner: false,
  noSource: false,
};

/**
 * Whether anything is listed.
 *
 * @param s a verdict
 * @returns true when the dashboard misses something
 * @example
 * isStale(dashboardStaleness(registry.input, facts)); // false right after a build
 */
export function isStale(s: DashboardStaleness | null): boolean {
  return (
    !!s &&
    (s.stagesTable ||
      s.noOwner ||
      s.noSource ||
      [s.owners, s.competitors, s.sources, s.lossReasons, s.stages].some((l) => l.length > 0))
  );
}

/** `now`'s names that `then` lacks, case-insensitively (Excel's = ignores case). */
function added(then: readonly string[] | undefined, now: readonly string[] | undefined): string[] {
  const known = new Set((then ?? []).map((n) => n.toLowerCase()));
  return (now ?? []).filter((n) => !known.has(n.toLowerCase()));
}

function sameStages(a: readonly StageInfo[], b: readonly StageInfo[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => s.name === b[i].name && s.index === b[i].index && s.stage === b[i].stage)
  );
}

/** Deal stage spellings the built formulas and pipeline rows do not count as the table now does. */
function newStageSpellings(built: PlanInput, now: DashboardFacts): string[] {
  // The label lists the built formulas hold, and the lists a rebuild would write.
  const before = new Formulas(built);
  const after = new Formulas({ ...built, stages: now.stages, data: now.data });
  const counted = new Set([...before.won, ...before.lost].map((n) => n.toLowerCase()));
  // The table's own names (and the built-in ones it leaves) are the table's change, not the data's.
  const labels = outcomeLabels(planVocabulary(now.stages));
  const tableNames = new Set([...labels.won, ...labels.lost].map((n) => n.toLowerCase()));
  const closed = [...after.won, ...after.lost].filter(
    (n) => !counted.has(n.toLowerCase()) && !tableNames.has(n.toLowerCase())
  );
  // Open stages: the pipeline table lists the open stages that had deals at build time.
  const judge = vocabularyClassifier(planVocabulary(now.stages));
  const hadDeals = new Set(built.data?.stagesWithDeals ?? []);
  const seen = new Set<string>();
  const open = (now.data.stageNames ?? []).filter((n) => {
    const k = stageKey(n);
    if (judge(n) !== Stage.Open || hadDeals.has(k) || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return [...closed, ...open];
}

/**
 * What the dashboard built from `built` misses of what the workbook holds now: new owners,
 * competitors, lead sources, loss reasons and deal stage spellings, whether the Stages table
 * changed, and deals without an owner or leads without a source where there were none. Null when the build stored no data lists (a registry from an older version): unknown,
 * not stale.
 *
 * @param built the registry's stored plan input
 * @param now the same facts read now
 * @returns the verdict, or null when it cannot be told
 * @example
 * const v = dashboardStaleness(registry.input, { stages, data: planData(cols, "USD") });
 * v?.owners; // ["Nadia"]
 */
export function dashboardStaleness(
  built: PlanInput,
  now: DashboardFacts
): DashboardStaleness | null {
  const then = built.data;
  if (!then) return null;
  return {
    owners: added(then.owners, now.data.owners),
    competitors: added(then.competitors, now.data.competitors),
    sources: added(then.sources, now.data.sources),
    lossReasons: added(then.lossReasons, now.data.lossReasons),
    stages: newStageSpellings(built, now),
    stagesTable: !sameStages(built.stages, now.stages),
    noOwner: now.data.blankOwner && !then.blankOwner,
    noSource: now.data.blankSource && !then.blankSource,
  };
}
