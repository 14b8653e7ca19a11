import type { WorkbookStatus } from "../../workbook/status";
import { isStale } from "../../workbook/dashboard/staleness";

/** The one step the Home view proposes. */
export type NextStep = "setup" | "import" | "build" | "rebuild" | "review";

/**
 * The next step for a workbook: set it up, import real data, build the dashboard, rebuild it
 * when its lists miss what the workbook now holds, or (all done) open the dashboard. Sample rows
 * alone do not count as data: the step is still to import.
 *
 * @param status where the workbook stands, or null while unknown
 * @returns the step, or null while the status is unknown
 * @example
 * nextStep({ setUp: false, … }); // "setup"
 */
export function nextStep(status: WorkbookStatus | null): NextStep | null {
  if (!status) return null;
  if (!status.setUp || status.missingTables.length > 0) return "setup";
  const deals = status.deals;
  const ownRows = deals ? deals.rows - deals.sampleRows : 0;
  if (ownRows <= 0 && !deals?.lastImport && !status.dashboard) return "import";
  if (!status.dashboard) return "build";
  if (isStale(status.dashboard.staleness)) return "rebuild";
  return "review";
}

/** One thing the dashboard misses, as the Home view names it (catalogue key and count). */
export interface StalePart {
  readonly key:
    | "staleOwners"
    | "staleCompetitors"
    | "staleSources"
    | "staleLossReasons"
    | "staleStages"
    | "staleNoOwner"
    | "staleNoSource"
    | "staleStagesTable";
  /** How many new names (absent for the Stages table). */
  readonly count?: number;
}

/**
 * What the "out of date" line names, in its order: new owners, competitors, lead sources, loss
 * reasons, stage names, deals without an owner, leads without a source, then a changed Stages
 * table. Empty when nothing changed or unknown.
 *
 * @param status where the workbook stands
 * @returns the parts of the sentence
 * @example
 * staleParts(status); // [{ key: "staleOwners", count: 2 }, { key: "staleStagesTable" }]
 */
export function staleParts(status: WorkbookStatus | null): StalePart[] {
  const s = status?.dashboard?.staleness;
  if (!s) return [];
  const lists: [StalePart["key"], readonly string[]][] = [
    ["staleOwners", s.owners],
    ["staleCompetitors", s.competitors],
    ["staleSources", s.sources],
    ["staleLossReasons", s.lossReasons],
    ["staleStages", s.stages],
  ];
  const out: StalePart[] = lists
    .filter(([, names]) => names.length > 0)
    .map(([key, names]) => ({ key, count: names.length }));
  if (s.noOwner) out.push({ key: "staleNoOwner" });
  if (s.noSource) out.push({ key: "staleNoSource" });
  if (s.stagesTable) out.push({ key: "staleStagesTable" });
  return out;
}
