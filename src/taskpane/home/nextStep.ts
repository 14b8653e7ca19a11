import type { WorkbookStatus } from "../../workbook/status";

/** The one step the Home view proposes. */
export type NextStep = "setup" | "import" | "build" | "review";

/**
 * The next step for a workbook: set it up, import real data, build the dashboard, or (all done)
 * open the dashboard. Sample rows alone do not count as data: the step is still to import.
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
  return "review";
}
