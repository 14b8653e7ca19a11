/**
 * The stages and statuses a function call knows by name: what its own arguments list
 * (stage_order, won_labels, lost_labels, converted, base, the Stages table given as stage_table)
 * and the labels built into the product (won/lost spellings, the stage presets, the coded values
 * of the CRM exports the import reads and what they read as, our lead statuses and History
 * outcomes). A text among them is data, never a title row
 * (`withoutTitleRow`): a workbook whose pipeline has a stage named "Status" keeps it. Compared
 * by stage identity (`stageKey`: case, spaces and punctuation ignored), as the Stages table
 * matches an id to its label.
 */
import { CellGrid, normalizeLabel, readOrderedLabels } from "./cells";
import { PRESETS } from "./csv/presets";
import { isError } from "./errors";
import { DEFAULT_STAGE_RULES } from "./stages";
import { readStageTableArg } from "./stageTableArg";
import { stageKey } from "./stageVocabulary";
import { LEAD_STATUSES, OUTCOMES } from "../model/schema";
import { STAGE_PRESETS } from "../model/stagePresets";

let builtIn: ReadonlySet<string> | null = null;

/** Stage identities of the labels built into the product. */
function builtInKeys(): ReadonlySet<string> {
  if (builtIn) return builtIn;
  const names = [
    ...DEFAULT_STAGE_RULES.won,
    ...DEFAULT_STAGE_RULES.lost,
    ...Object.values(STAGE_PRESETS).flatMap((rows) => rows.map((r) => r.stage)),
    // Coded values the import reads and what they read as: HubSpot's stage ids, lead statuses,
    // lifecycle stages ("opportunity" is one, and also a title).
    ...PRESETS.flatMap((p) =>
      Object.values(p.values ?? {}).flatMap((m) => Object.entries(m).flat())
    ),
    ...LEAD_STATUSES,
    ...OUTCOMES,
  ];
  builtIn = new Set(names.map(stageKey));
  return builtIn;
}

/**
 * Whether a text is a stage or status the call knows (see the module comment). A label argument
 * counts whole and split at its commas (either reading may be the user's); a stage_table that is
 * not a valid Stages table adds nothing (the call reports it).
 *
 * @param labelArgs the call's label-list arguments as Excel passes them (omitted ones as null)
 * @param stageTable the call's stage_table argument, if it has one
 * @returns a test for one text
 * @example
 * const known = callLabels([[["Status"], ["Closed Won"]]]);
 * known("status"); // true
 * known("Stage"); // false
 * callLabels([])("closedwon"); // true (built in)
 */
export function callLabels(
  labelArgs: readonly CellGrid[],
  stageTable?: CellGrid
): (text: string) => boolean {
  let keys: Set<string> | null = null;
  // Read on first use: most calls never ask (a typed range or no title in row 1).
  const given = (): ReadonlySet<string> => {
    if (keys) return keys;
    keys = new Set<string>();
    for (const arg of labelArgs) {
      for (const l of readOrderedLabels(arg)) keys.add(stageKey(l.text));
      for (const l of readOrderedLabels(arg, () => true)) keys.add(stageKey(l.text));
    }
    const table = readStageTableArg(stageTable);
    if (table && !isError(table)) for (const s of table.stages) keys.add(stageKey(s.name));
    keys.delete("");
    return keys;
  };
  return (text) => {
    const key = stageKey(text);
    const label = normalizeLabel(text);
    return (
      builtInKeys().has(key) ||
      DEFAULT_STAGE_RULES.lostPrefixes.some((p) => label.startsWith(p)) ||
      given().has(key)
    );
  };
}
