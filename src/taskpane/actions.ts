/**
 * The workbook actions the task pane may call. The App receives them as props so that no
 * component calls Excel.run: `index.tsx` passes `workbookActions(host)`, tests and the preview
 * pass their own. Each feature adds its slice here.
 */
import { FormulaActions, formulaActions } from "../workbook/insertFormula";
import { SetupActions, setupActions } from "../workbook/setup";
import { DashboardActions, dashboardActions } from "../workbook/dashboard";
import { ImportActions, importActions } from "../workbook/import";
import { StatusActions, statusActions } from "../workbook/status";

/** Everything the task pane can ask of the workbook. */
export interface WorkbookActions
  extends FormulaActions, SetupActions, DashboardActions, ImportActions, StatusActions {
  /** Name of the host the pane runs in, or null outside Office (for the shell's notice). */
  readonly host: string | null;
}

/**
 * The real workbook actions. An import is remembered in the workbook (source, rows, time) right
 * after it succeeds, so the Home view can say where the data came from.
 *
 * @param host the Office host, or null outside Office
 * @returns the actions for the App
 * @example
 * <App actions={workbookActions("Excel")} … />
 */
export function workbookActions(host: string | null): WorkbookActions {
  return {
    host,
    ...formulaActions,
    ...setupActions,
    ...dashboardActions,
    ...statusActions,
    ...importActions,
    importRecords: async (request, onProgress) => {
      const report = await importActions.importRecords(request, onProgress);
      // Remembering is a convenience for the Home view: a failure here must not fail the import.
      await statusActions.recordImport(report, new Date()).catch(() => undefined);
      return report;
    },
  };
}
