/**
 * The workbook step that keeps the Stages table the owner of the stage vocabulary during an
 * import: the import queues `loadStages` with its reads, asks `planStageAdditions` (pure, over
 * `engine/stageVocabulary`) which of the file's stages the table lacks, and queues
 * `writeStageAdditions` with its first write, so no extra round trip is spent. The import
 * summary lists the added stages and which probabilities were assumed.
 */
import {
  Crm,
  StageAddition,
  readStageTable,
  stageKey,
  stagesToAdd,
} from "../engine/stageVocabulary";
import { importedOutcome } from "../engine/csv/stageWords";
import type { Records } from "../engine/csv/records";
import { TableStageNames, tableStageNames } from "../engine/csv/tableStageNames";
import { Stage } from "../engine/stages";
import { TABLES } from "../model/schema";

/** The Stages table with its header and body ranges (values loaded). */
export interface LoadedStages {
  readonly table: Excel.Table;
  readonly header: Excel.Range;
  readonly body: Excel.Range;
}

/**
 * Queues finding the Stages table (sync, then check `isNullObject` before `loadStages`).
 *
 * @param context the request context
 * @returns the table or a null object
 */
export function findStages(context: Excel.RequestContext): Excel.Table {
  return context.workbook.tables.getItemOrNullObject(TABLES.stages).load("name");
}

/**
 * Queues loading the Stages table's header and body (the caller syncs).
 *
 * @param table the Stages table (not a null object)
 * @returns the table with its ranges
 */
export function loadStages(table: Excel.Table): LoadedStages {
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("values");
  return { table, header, body };
}

/**
 * Which CRM an import preset comes from.
 *
 * @param presetId the import preset's id
 * @returns the CRM, or null for a generic file
 * @example
 * crmOfPreset("pipedriveDeals"); // "pipedrive"
 */
export function crmOfPreset(presetId: string | null | undefined): Crm | null {
  if (!presetId) return null;
  if (presetId.startsWith("hubspot")) return "hubspot";
  if (presetId.startsWith("salesforce")) return "salesforce";
  if (presetId.startsWith("pipedrive")) return "pipedrive";
  return null;
}

/**
 * The stages of the imported rows that the Stages table lacks.
 *
 * @param stages the loaded Stages table (null: none, nothing to add)
 * @param records the import's columns and converted values
 * @param skip 1 for rows that will not be written
 * @param presetId the file's preset
 * @returns the additions, in order of first appearance
 * @example
 * planStageAdditions(loaded, { columns: ["Stage"], values: [["Demo"]] }, new Uint8Array(1), null);
 */
export function planStageAdditions(
  stages: {
    readonly header: readonly unknown[];
    readonly body: readonly (readonly unknown[])[];
  } | null,
  records: {
    readonly columns: readonly string[];
    readonly values: readonly (readonly unknown[])[];
  },
  skip: Uint8Array,
  presetId: string | null | undefined
): StageAddition[] {
  if (!stages) return [];
  const stageK = records.columns.indexOf("Stage");
  if (stageK === -1) return [];
  const probK = records.columns.indexOf("Probability");
  const deals = records.values
    .filter((_, r) => !skip[r])
    .map((row) => ({
      stage: typeof row[stageK] === "string" ? (row[stageK] as string) : "",
      probability: probK === -1 ? undefined : row[probK],
    }));
  // A body of one blank row is a new table's placeholder row.
  const body = stages.body.filter((r) => r.some((v) => v !== "" && v !== null));
  return stagesToAdd(
    readStageTable(stages.header, body),
    deals,
    crmOfPreset(presetId),
    importedOutcome
  );
}

/**
 * The imported rows with each stage id the Stages table knows under a label written as the
 * table's name ("contractsent" as "Contract Sent"), so the Deals table holds one spelling per
 * stage (see engine/csv/tableStageNames).
 *
 * @param stages the loaded Stages table's header and body (null: none, nothing renamed)
 * @param records the import's converted rows
 * @param skip 1 for rows that will not be written
 * @returns the rows and what was renamed
 * @example
 * planStageNames({ header: ["Stage"], body: [["Contract Sent"]] }, records, skip).renamed;
 * // [{ from: "contractsent", to: "Contract Sent", deals: 2 }]
 */
export function planStageNames(
  stages: {
    readonly header: readonly unknown[];
    readonly body: readonly (readonly unknown[])[];
  } | null,
  records: Records,
  skip: Uint8Array
): TableStageNames {
  if (!stages) return { records, renamed: [] };
  const names = readStageTable(stages.header, stages.body).map((s) => s.name);
  return tableStageNames(records, names, skip);
}

/**
 * The rule "the Stages table marks this stage won or lost", or null without a table.
 *
 * @param stages the loaded Stages table's header and body (null: none)
 * @returns a test of a stage name (matched by stageKey: ids and labels are one stage)
 * @example
 * closedStages({ header: ["Stage", "Is Won"], body: [["Signed", true]] })?.("signed"); // true
 */
export function closedStages(
  stages: {
    readonly header: readonly unknown[];
    readonly body: readonly (readonly unknown[])[];
  } | null
): ((stage: string) => boolean) | null {
  if (!stages) return null;
  const closed = new Set(
    readStageTable(stages.header, stages.body)
      .filter((s) => s.outcome !== Stage.Open)
      .map((s) => stageKey(s.name))
  );
  return (stage) => closed.has(stageKey(stage));
}

/**
 * Queues adding the stages at the end of the Stages table (written by header name, so a user's
 * column order is kept; a new table's blank placeholder row is filled first).
 *
 * @param stages the loaded Stages table
 * @param additions the stages to add
 */
export function writeStageAdditions(
  stages: LoadedStages,
  additions: readonly StageAddition[]
): void {
  if (!additions.length) return;
  const headers = stages.header.values[0].map((h) => String(h).trim().toLowerCase());
  const row = (a: StageAddition): (string | number | boolean)[] =>
    headers.map((h) => {
      switch (h) {
        case "stage":
          // A name Excel would read as a number, date or formula is written as text (apostrophe).
          return /^[=+\-@]|^[\d.,/:\s%$-]+$/.test(a.name) ? `'${a.name}` : a.name;
        case "probability":
          return a.probability ?? "";
        case "forecast category":
          return a.outcome === Stage.Won
            ? "Closed"
            : a.outcome === Stage.Lost
              ? "Omitted"
              : "Pipeline";
        case "is won":
          return a.outcome === Stage.Won;
        case "is lost":
          return a.outcome === Stage.Lost;
        default:
          return "";
      }
    });
  const values = stages.body.values;
  const placeholder = values.length === 1 && values[0].every((v) => v === "" || v === null);
  const rows = additions.map(row);
  if (placeholder) {
    stages.body.values = [rows[0]];
    if (rows.length > 1) stages.table.rows.add(undefined, rows.slice(1));
  } else {
    stages.table.rows.add(undefined, rows);
  }
}
