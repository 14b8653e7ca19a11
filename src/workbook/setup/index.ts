/**
 * Sets up the sales workbook: the Leads, Deals, Pricing, Competitors and Settings sheets with
 * their tables, formats, dropdowns and the Deals[Probability] formula; optional sample data;
 * and the removal of that sample data.
 *
 * Safety rules (issue 6): create what is missing, adopt what exists, never delete, move or
 * overwrite a user's cell. Concretely:
 * - Our sheets are recognised by the table they hold (table names are language-independent),
 *   else by their tab name in either workbook language (or the caller's override).
 * - An adopted table keeps its columns, rows, formats and validation as they are; columns it
 *   lacks are appended at its right end, only where the cells there are empty.
 * - A sheet with our tab name but foreign content is not touched; the report says so and
 *   suggests a free name, which the caller can pass back in `sheetNameOverrides`.
 * - Dropdowns are only added to columns we create, and use Excel's "Warning" alert, so no value
 *   already in a table is rejected and values from another CRM can still be typed in.
 *
 * Round trips: three reads (inventory, details, key columns) and one write, whatever the data
 * size; writes are split into several syncs only if a single request would exceed 4 MB.
 */
import { todaySerial } from "../../engine/dates";
import { decide } from "./decide";
import { readInventory } from "./inventory";
import { removeSampleData } from "./removeSample";
import { SetupActions, SetupOptions, SetupProgress, SetupReport } from "./types";
import { writePlan } from "./write";

export * from "./types";
export { matchHeaders, normalizeHeader, suggestSheetName, listSource } from "./headers";
export type { HeaderMatch } from "./headers";
export { SAMPLE_KEY_COLUMN } from "./sampleRows";
export { planRemoval, removeSampleData } from "./removeSample";
export type { RemovalPlan } from "./removeSample";
export { groupBySize } from "./write";
export { decide, convertibleHeaders } from "./decide";
export { homeSheetVerdict } from "./homeVerdict";
export { loadMerges } from "./inventory";
export type { HomeSheetFacts } from "./homeVerdict";
export { parseAreas, rowGrowthBlocker, columnGrowth, blockBlocker } from "./growth";
export type { Blocker, PlacedTable, RightOfTable } from "./growth";
export type { SetupPlan, SetupWrite } from "./plan";

/**
 * Sets up (or completes) the sales workbook: inventory (three reads) → decide (pure) → write
 * (one sync unless a request would exceed 4 MB). Safe to run again: a second run finds
 * everything in place and changes nothing.
 *
 * @param options preset, workbook language, sample data, tab name overrides
 * @param onProgress called with the phase and fraction done
 * @returns what was created, adopted and skipped, and the syncs made
 * @example
 * const report = await setUpWorkbook({ stagePreset: "salesforce", language: "en", sampleData: true });
 * report.skipped.filter((i) => i.reason === "foreignSheet"); // sheets to rename
 */
export async function setUpWorkbook(
  options: SetupOptions,
  onProgress?: (p: SetupProgress) => void
): Promise<SetupReport> {
  return Excel.run(async (context) => {
    const at = { ...options, asOf: options.asOf ?? todaySerial() };
    onProgress?.({ phase: "reading", fraction: 0 });
    const {
      snapshot,
      handles,
      syncs: reads,
    } = await readInventory(context, at, (step) =>
      onProgress?.({ phase: "reading", fraction: step * 0.2 })
    );
    const plan = decide(snapshot, at);
    onProgress?.({ phase: "writing", fraction: 0.7 });
    const writes = await writePlan(context, plan, handles);
    onProgress?.({ phase: "done", fraction: 1 });
    const { created, adopted, skipped, sampleRows, schemaVersion } = plan;
    return { created, adopted, skipped, sampleRows, schemaVersion, syncs: reads + writes };
  });
}

/** The Setup section's workbook actions, against the global Excel. */
export const setupActions: SetupActions = {
  setUp: setUpWorkbook,
  removeSampleData,
};
