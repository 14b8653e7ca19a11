/**
 * Writes an imported deal's stage as the workbook's Stages table names it. HubSpot's API-based
 * exports and many integrations give a stage's internal id ("contractsent") where a UI export
 * gives its label ("Contract Sent"); both are one stage (`stageKey`), but written as given the
 * Deals table held two spellings of it, which filters and pivot tables split. Only the values an
 * import writes are renamed, never rows already in the table.
 */
import { normalizeLabel } from "../cells";
import { stageLookup } from "../stageVocabulary";
import type { Records, RecordValue } from "./records";
import { unneutralise } from "./injection";

/** One spelling of the file written as the Stages table's name. */
export interface StageRenaming {
  /** The stage as the file gives it ("contractsent"). */
  readonly from: string;
  /** The Stages table's name of that stage ("Contract Sent"). */
  readonly to: string;
  /** Rows of the file written with it (skipped rows not counted). */
  readonly deals: number;
}

/** The rows with the table's stage names, and what was renamed. */
export interface TableStageNames {
  /** The rows (the same object when nothing is renamed). */
  readonly records: Records;
  /** Each renamed spelling, in order of first appearance. */
  readonly renamed: readonly StageRenaming[];
}

/**
 * Gives each row whose stage is not a stage of the Stages table (compared as normalized labels:
 * case, `-`, `_` and spacing ignored) but whose `stageKey` is the key of exactly one of the
 * table's stages that stage's name as the table spells it. A stage matching nothing, or an
 * identity two different table names share ("Closed-Won" and "Closed Won"), stays as given.
 *
 * @param records the converted rows of the file
 * @param tableStages the Stages table's stage names (trimmed, blanks left out)
 * @param skip 1 for rows that will not be written (they are left and not counted)
 * @returns the rows and the renamings
 * @example
 * tableStageNames(records, ["Contract Sent", "Closed Won"], skip).renamed;
 * // [{ from: "contractsent", to: "Contract Sent", deals: 3 }]
 */
export function tableStageNames(
  records: Records,
  tableStages: readonly string[],
  skip?: Uint8Array
): TableStageNames {
  const stageK = records.columns.indexOf("Stage");
  if (stageK === -1 || tableStages.length === 0) return { records, renamed: [] };
  const lookup = stageLookup(tableStages.map((name) => [name, name] as const));
  const renamed = new Map<string, { to: string; deals: number }>();
  let values: RecordValue[][] | null = null;
  records.values.forEach((row, r) => {
    const stage = row[stageK];
    if (skip?.[r] || typeof stage !== "string") return;
    const text = unneutralise(stage).trim();
    const to = lookup(text);
    // Found by its label (already the table's stage, up to case and punctuation): left as given.
    if (to === undefined || normalizeLabel(to) === normalizeLabel(text)) return;
    values ??= records.values.map((v) => v.slice());
    values[r][stageK] = to;
    const seen = renamed.get(text);
    if (seen) seen.deals++;
    else renamed.set(text, { to, deals: 1 });
  });
  return {
    records: values ? { ...records, values } : records,
    renamed: [...renamed].map(([from, { to, deals }]) => ({ from, to, deals })),
  };
}
