/**
 * The Setup action's public types: its options, its report, and the actions the task pane gets
 * as props. Pure data; no Excel calls.
 */
import { SheetKey, WorkbookLanguage } from "../../model/schema";
import { StagePresetId } from "../../model/stagePresets";
import type { SkipReason } from "../errors";

/** The table style every table we create gets. */
export const TABLE_STYLE = "TableStyleMedium2";

/** Largest request we send in one sync (Excel on the web rejects requests above 5 MB). */
export const MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** Choices of the Setup section. */
export interface SetupOptions {
  /** Which CRM's default pipeline prefills a new Stages table. */
  readonly stagePreset: StagePresetId;
  /** Language of tab names and captions of the sheets we create. */
  readonly language: WorkbookLanguage;
  /** Whether to add the sample data set (skipped for tables that already hold sample rows). */
  readonly sampleData: boolean;
  /** Last day of the sample data (serial date); defaults to today. */
  readonly asOf?: number;
  /** Tab names to use instead of ours, e.g. `{ deals: "Deals 2" }` when "Deals" is taken. */
  readonly sheetNameOverrides?: Partial<Record<SheetKey, string>>;
}

/** Why something was left alone (a workbook problem code, see ../errors.ts). */
export type { SkipReason } from "../errors";

/** One thing setup created, adopted or skipped. */
export interface SetupItem {
  readonly kind: "sheet" | "table" | "column" | "setting" | "name" | "sampleRows" | "schema";
  /** Sheet, table, column, setting or name; for sampleRows and schema the table or version. */
  readonly name: string;
  /** The table a column or sample rows belong to, or the sheet a table is on. */
  readonly parent?: string;
  /** Rows added (sampleRows) or converted (a range adopted as a table). */
  readonly count?: number;
  readonly reason?: SkipReason;
  /** A free tab name to pass in `sheetNameOverrides` (foreignSheet). */
  readonly suggestion?: string;
  /** The sheet key a skipped sheet stands for (foreignSheet). */
  readonly sheetKey?: SheetKey;
  /** The sheet and cells in the way (noRoom, anchorOccupied, mergeInTheWay, tableInTheWay). */
  readonly at?: { readonly sheet: string; readonly address: string };
  /** The other table in the way (tableInTheWay). */
  readonly other?: string;
}

/** What setup did. */
export interface SetupReport {
  readonly created: readonly SetupItem[];
  readonly adopted: readonly SetupItem[];
  readonly skipped: readonly SetupItem[];
  /** Sample rows added over all tables. */
  readonly sampleRows: number;
  /** The schema version found in the workbook (null: none) and the one it has now. */
  readonly schemaVersion: { readonly found: number | null; readonly now: number };
  /** context.sync() calls made. */
  readonly syncs: number;
}

/** Progress of a long action: a phase and the fraction done (0–1). */
export interface SetupProgress {
  readonly phase: "reading" | "writing" | "done";
  readonly fraction: number;
}

/**
 * Why sample rows stayed in a table:
 * - `filtered`: the table has a filter on, so nothing was removed from any table (Excel does not
 *   delete the rows of a filtered table). Known from `autoFilter.isDataFiltered` (ExcelApi 1.9);
 *   where the host cannot say, rows of the table hidden (by a filter, or by hand) count as one.
 * - `notRemoved`: Excel kept rows it was asked to delete (read back after the removal).
 */
export type SampleKeptReason = "filtered" | "notRemoved";

/** What removeSampleData did. */
export interface RemoveSampleReport {
  /** Rows removed per table, as read back after the removal (tables with none are left out). */
  readonly removed: readonly { readonly table: string; readonly rows: number }[];
  /** Sample rows still in a table, and why (empty when every sample row went). */
  readonly kept: readonly {
    readonly table: string;
    readonly rows: number;
    readonly reason: SampleKeptReason;
  }[];
  readonly syncs: number;
}

/** The workbook actions of the Setup section. */
export interface SetupActions {
  setUp(options: SetupOptions, onProgress?: (p: SetupProgress) => void): Promise<SetupReport>;
  removeSampleData(onProgress?: (p: SetupProgress) => void): Promise<RemoveSampleReport>;
}

/** A cell value setup writes. */
export type Cell = string | number | boolean;
