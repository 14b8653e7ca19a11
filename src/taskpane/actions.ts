/**
 * The workbook actions the task pane may call. The App receives them as props so that no
 * component calls Excel.run: `index.tsx` passes the real ones from src/workbook, tests and the
 * preview pass their own. Each section adds its slice here.
 */
import { FormulaActions } from "../workbook/insertFormula";
import { SetupActions } from "../workbook/setup";
import { DashboardActions } from "../workbook/dashboard";
import { ImportActions } from "../workbook/import";

/** Everything the task pane can ask of the workbook. */
export interface WorkbookActions
  extends FormulaActions, SetupActions, DashboardActions, ImportActions {
  /** Name of the host the pane runs in, or null outside Office (for the shell's notice). */
  readonly host: string | null;
}
