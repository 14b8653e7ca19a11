/**
 * The workbook side's one error type: every problem an action reports is a code and the values
 * its message needs ({@link WorkbookProblem}); a thrown {@link WorkbookError} carries the problems
 * and the action that raised it. The task pane renders each code from its own catalogue, in
 * the pane's language, after a typed check ({@link isWorkbookError}): no matching by name, no
 * casting of strings to codes. The English `message` is for logs and tests only.
 */
import type { ParseIssue } from "../engine/csv/types";

/** Why an import did not start (nothing was written). */
export type ImportErrorCode =
  | "malformed"
  | "needsDateOrder"
  | "needsNumberFormat"
  | "badMapping"
  | "nothingMapped"
  | "noTable"
  | "noIdColumn"
  | "foreignTable"
  | "cellTooLong"
  /**
   * A date column in the Hijri calendar (params: en, ar = the catalogue's message in each
   * language, naming the column, the first line and the fix; details: one per column).
   */
  | "hijriDates"
  | "rowTooLarge"
  | "sheetFull"
  | "tableChanged"
  /**
   * Undo of an interrupted import on a table with a filter on: Excel does not delete the rows of
   * a filtered table, so the undo is refused before anything is written (params: table), or the
   * read-back after it found rows Excel kept (params: table, count = the rows still there). The
   * fix either way: clear the filter on the table, then undo again.
   */
  | "tableFiltered"
  /**
   * A merged area below the table crosses the edge of its columns: Excel cannot move part of a
   * merge as rows are added (params: table, sheet, cell = the merged area).
   */
  | "mergeInTheWay"
  /** Another table below crosses the edge of the table's columns (params: table, sheet, cell, other). */
  | "tableInTheWay";

/** What stops a dashboard action. */
export type DashboardErrorCode =
  /** params: table */
  | "missingTable"
  /** params: table, column */
  | "missingColumn"
  /**
   * A table with our name that is the user's own (Setup skipped it: it lacks most of our
   * columns); params: table, sheet, columns (the missing ones). Setup cannot fix it.
   */
  | "foreignTable"
  /**
   * Our table is missing because the sheet it lives on has our tab name but is the user's own
   * (Setup leaves it alone); params: table, sheet. Setup cannot fix it.
   */
  | "foreignSheet"
  /** Nothing built yet (no params). */
  | "noDashboard";

/**
 * What a dashboard build tells the user without stopping (the build went ahead). The pane
 * renders each code from the same catalogue as {@link DashboardErrorCode}.
 */
export type DashboardWarningCode = (typeof DASHBOARD_WARNING_CODES)[number];

/**
 * Every dashboard warning code, for the catalogue's completeness test. Params:
 * - `ownersCapped`, `competitorsCapped`, `lossReasonsCapped`: count (the rows listed);
 * - `stagesCapped`: count (the stages charted one by one), other (the workbook's caption of the
 *   row that sums the rest);
 * - `emptyTable`: table (its chart is left out);
 * - `noOpenStages`: table (the Stages table; the pipeline chart is left out);
 * - `sheetKept`: sheet (the user's sheet with the dashboard's name), dashboard (where it went);
 * - `cellsKept`: count (all kept cells), cells (the first {@link KEPT_CELLS_LISTED} addresses);
 * - `noExchangeRate`: count (deals), currency (their code, which has no rate in the Rates table);
 * - `stageTableProblem`: en, ar (what the SALES functions say of the Stages table as their
 *   `stage_table` argument, in English and Arabic: the row and the fix); the pane shows the one
 *   of its language as `{problem}`.
 */
export const DASHBOARD_WARNING_CODES = [
  "ownersCapped",
  "competitorsCapped",
  "lossReasonsCapped",
  "stagesCapped",
  "emptyTable",
  "noOpenStages",
  "sheetKept",
  "cellsKept",
  "noExchangeRate",
  "stageTableProblem",
] as const;

/** How many of the user's kept cells a `cellsKept` warning lists by address. */
export const KEPT_CELLS_LISTED = 12;

/** Why setup left something alone (reported per item, never thrown). */
export type SkipReason =
  /** A sheet with our tab name holds something else. */
  | "foreignSheet"
  /** A table with our table name has unrelated columns. */
  | "foreignTable"
  /** The table's sheet was skipped, so the table was not created. */
  | "sheetSkipped"
  /** The cells where the table would go are not empty. */
  | "anchorOccupied"
  /** The cells right of the table are not empty, so the column could not be appended. */
  | "noRoom"
  /** A merged area is where the table would grow (Excel forbids merges in tables). */
  | "mergeInTheWay"
  /** Another table crosses the columns below ours, so rows cannot be added through it. */
  | "tableInTheWay"
  /** A comment or note is on a cell the table would take (it would annotate our cell). */
  | "commentInTheWay"
  /** The table already holds sample rows. */
  | "samplePresent"
  /** The workbook was set up by a newer version of the add-in; its version is kept. */
  | "newerSchema";

/** The codes of each workbook action. */
export interface WorkbookCodes {
  readonly setup: SkipReason;
  readonly import: ImportErrorCode;
  readonly dashboard: DashboardErrorCode;
}

/** A workbook action that reports problems. */
export type WorkbookAction = keyof WorkbookCodes;

/** Every workbook problem code. */
export type WorkbookErrorCode = WorkbookCodes[WorkbookAction];

/** Every code the pane has a message for: a problem of an action, or a dashboard warning. */
export type WorkbookMessageCode = WorkbookErrorCode | DashboardWarningCode;

/** A value a message needs: text, a number, or a list (joined by the pane in its language). */
export type WorkbookParam = string | number | readonly string[];

/** One problem (or warning): a code and the values its message needs. */
export interface WorkbookProblem<C extends WorkbookMessageCode = WorkbookErrorCode> {
  readonly code: C;
  readonly params: Readonly<Record<string, WorkbookParam>>;
}

/**
 * A workbook action that could not start (nothing written): every problem found, so the user
 * fixes them in one go. Thrown as the action's subclass ({@link ImportError},
 * {@link DashboardError}), which adds what only that action reports.
 *
 * @example
 * throw new DashboardError([{ code: "missingTable", params: { table: "Deals" } }]);
 */
export class WorkbookError<A extends WorkbookAction = WorkbookAction> extends Error {
  /**
   * @param action the action that raised it
   * @param problems what is wrong (at least one)
   * @param message English text for logs and tests
   */
  protected constructor(
    readonly action: A,
    readonly problems: readonly WorkbookProblem<WorkbookCodes[A]>[],
    message: string
  ) {
    super(message);
    this.name = "WorkbookError";
  }

  /** The first problem's code. */
  get code(): WorkbookCodes[A] {
    return this.problems[0].code;
  }
}

/** The error each action throws. */
export interface WorkbookErrors {
  readonly setup: WorkbookError<"setup">;
  readonly import: ImportError;
  readonly dashboard: DashboardError;
}

/**
 * Whether something thrown is a workbook error of the given action.
 *
 * @param e what was thrown
 * @param action the action expected
 * @returns true (and the error typed as that action's) when it is
 * @example
 * catch (e) { if (isWorkbookError(e, "dashboard")) e.problems.map((p) => p.code); }
 */
export function isWorkbookError<A extends WorkbookAction>(
  e: unknown,
  action: A
): e is WorkbookErrors[A] {
  return e instanceof WorkbookError && e.action === action;
}

/**
 * A text parameter of a problem ("" when absent; a list is joined with ", ").
 *
 * @param p the problem
 * @param key the parameter
 * @returns its text
 * @example
 * textParam({ code: "missingTable", params: { table: "Deals" } }, "table"); // "Deals"
 */
export function textParam(p: WorkbookProblem<WorkbookMessageCode>, key: string): string {
  const v = p.params[key];
  if (v === undefined) return "";
  return typeof v === "object" ? v.join(", ") : String(v);
}

/**
 * A list parameter of a problem ([] when absent; a single value becomes a list of one).
 *
 * @param p the problem
 * @param key the parameter
 * @returns its items
 * @example
 * listParam({ code: "cellsKept", params: { count: 2, cells: ["B8", "C8"] } }, "cells"); // ["B8", "C8"]
 */
export function listParam(p: WorkbookProblem<WorkbookMessageCode>, key: string): readonly string[] {
  const v = p.params[key];
  if (v === undefined) return [];
  return typeof v === "object" ? v : [String(v)];
}

/** Where an import error points: a line of the file and a column, or a count. */
export interface ImportErrorDetail {
  readonly line?: number;
  readonly column?: string;
  readonly header?: string;
  readonly count?: number;
}

/**
 * An import that stopped before writing anything: one problem, plus the file's issues
 * (malformed) and the lines concerned (cellTooLong, rowTooLarge, sheetFull).
 *
 * @example
 * try { await importRecords(req); } catch (e) { if (isWorkbookError(e, "import")) e.code; }
 */
export class ImportError extends WorkbookError<"import"> {
  /**
   * @param code why
   * @param message English details (the task pane shows its own text per code)
   * @param issues the file's issues with line numbers (malformed)
   * @param moreIssues issues beyond those listed
   * @param details the lines and columns concerned (cellTooLong, rowTooLarge, sheetFull)
   * @param params values for the pane's message, e.g. the table
   */
  constructor(
    code: ImportErrorCode,
    message: string,
    readonly issues: readonly ParseIssue[] = [],
    readonly moreIssues = 0,
    readonly details: readonly ImportErrorDetail[] = [],
    params: Readonly<Record<string, WorkbookParam>> = {}
  ) {
    super("import", [{ code, params }], message);
    this.name = "ImportError";
  }
}

/** Something that stops a dashboard action, with what the user should do. */
export type DashboardProblem = WorkbookProblem<DashboardErrorCode>;

/**
 * Something the user should know about a dashboard that was built (a list cut to its reserved
 * rows, a chart left out, the user's content left alone): a code and its values, never text,
 * so the pane says it in its own language.
 *
 * @example
 * const w: DashboardWarning = { code: "emptyTable", params: { table: "Owners" } };
 */
export type DashboardWarning = WorkbookProblem<DashboardWarningCode>;

/**
 * The problem in plain English (the task pane shows its own localized text for each code).
 *
 * @param p the problem
 * @returns a sentence that says what to do
 * @example
 * describeDashboardProblem({ code: "missingColumn", params: { table: "Deals", column: "Amount" } });
 * // "The Deals table is missing the Amount column — run Setup."
 */
export function describeDashboardProblem(p: DashboardProblem): string {
  const table = textParam(p, "table");
  switch (p.code) {
    case "missingTable":
      return `The ${table} table is missing — run Setup (or rename your table back to ${table}).`;
    case "missingColumn":
      return `The ${table} table is missing the ${textParam(p, "column")} column — run Setup.`;
    case "foreignTable":
      return `The ${table} table on the ${textParam(p, "sheet")} sheet is your own table, not ours: it lacks the columns ${textParam(p, "columns")}. Rename your table so Setup can create ours, then run Setup.`;
    case "foreignSheet":
      return `The ${table} table is missing because the ${textParam(p, "sheet")} sheet is your own sheet, not ours, so Setup leaves it alone. Rename your sheet so Setup can create ours, then run Setup.`;
    case "noDashboard":
    default:
      return "There is no dashboard yet — build it first.";
  }
}

/**
 * A dashboard action that could not start: every problem found.
 *
 * @example
 * throw new DashboardError([{ code: "missingTable", params: { table: "Deals" } }]);
 */
export class DashboardError extends WorkbookError<"dashboard"> {
  /**
   * @param problems what is missing or in the way
   */
  constructor(problems: readonly DashboardProblem[]) {
    super("dashboard", problems, problems.map(describeDashboardProblem).join(" "));
    this.name = "DashboardError";
  }
}
