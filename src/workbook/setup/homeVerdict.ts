/**
 * What Setup does with a sheet that bears our tab name while none of its tables exist, decided
 * by the same rules as {@link decide} so that other actions (the dashboard's "missing table"
 * message) never say "run Setup" where Setup would leave the sheet alone (issue 14).
 */
import { TableSpec } from "../../model/schema";
import { convertibleHeaders } from "./decide";

/** What is on such a sheet, as read. */
export interface HomeSheetFacts {
  /** The sheet holds at least one value. */
  readonly hasValues: boolean;
  /** Tables on the sheet (none of them ours). */
  readonly tableCount: number;
  /** The first row of its used range (values), when it holds values. */
  readonly headerRow: readonly unknown[];
  /** A value or merge where our table's block goes (on a sheet without values: a merge). */
  readonly blockTaken: boolean;
}

/**
 * Whether Setup will put our table on this sheet ("setup": running Setup fixes the missing
 * table) or leave the sheet alone as the user's ("user": the sheet must be renamed or cleared).
 *
 * - Settings holds several tables, so Setup never converts a range there: any value makes it
 *   the user's.
 * - A sheet with a table of the user's is the user's.
 * - A plain range is converted when its header row is ours (clean and compatible), else the
 *   sheet is the user's (Setup skips it and suggests a free name).
 * - An empty sheet is adopted, but the table is not created where a merge is in the way.
 *
 * @param spec the missing table
 * @param facts what the sheet holds
 * @returns who the sheet belongs to, as far as Setup is concerned
 * @example
 * homeSheetVerdict(DEALS, { hasValues: true, tableCount: 0, headerRow: ["Region"], blockTaken: false }); // "user"
 */
export function homeSheetVerdict(spec: TableSpec, facts: HomeSheetFacts): "setup" | "user" {
  if (!facts.hasValues) return facts.blockTaken ? "user" : "setup";
  if (spec.sheetKey === "settings" || facts.tableCount > 0) return "user";
  return convertibleHeaders(spec, facts.headerRow) ? "setup" : "user";
}
