/**
 * The dashboard's workbook actions, as the task pane receives them: build/rebuild, share copy,
 * and reading/writing the filters. Every Excel.run of the dashboard lives in this folder.
 */
import { DashboardProgress, DashboardReport, BuildOptions, buildDashboard } from "./build";
import { DashboardState, readDashboardState, setDashboardFilters } from "./filters";
import { DashboardFilters } from "./plan";
import { ShareReport, shareDashboardCopy } from "./share";

export type { DashboardProgress, DashboardReport, BuildOptions, DashboardPhase } from "./build";
export type { DashboardState } from "./filters";
export type { DashboardFilters } from "./plan";
export type { ShareReport } from "./share";
export { DashboardError, describeDashboardProblem } from "./requirements";
export type { DashboardProblem } from "./requirements";

/** The workbook actions of the Dashboard section. */
export interface DashboardActions {
  buildDashboard(
    options: BuildOptions,
    onProgress?: (p: DashboardProgress) => void
  ): Promise<DashboardReport>;
  shareDashboardCopy(): Promise<ShareReport>;
  readDashboardState(): Promise<DashboardState>;
  setDashboardFilters(filters: DashboardFilters): Promise<DashboardFilters>;
}

/** The real implementation (Excel.run against the host workbook). */
export const dashboardActions: DashboardActions = {
  buildDashboard,
  shareDashboardCopy: () => shareDashboardCopy(),
  readDashboardState,
  setDashboardFilters,
};
