/**
 * The `stage_order` argument of the history functions (PIPELINE_CHANGES, STUCK_DEALS): the open
 * stages in pipeline order, which tells a move forward from a move backward and orders time in
 * stage.
 *
 * Two shapes:
 * - a list of stage names (`Stages[Stage]`, typed text): the order as listed, as before;
 * - the whole Stages table (`Stages[#All]`, read as `stage_table` is, see stageTableArg): its
 *   open stages ranked by probability. An import appends the stages it adds at the END of the
 *   Stages table, so table order would rank an early stage added later ("Appointment Scheduled",
 *   20%) after every other; its probability places it where it belongs. The sort is stable: equal
 *   probabilities keep table order (Salesforce's Prospecting and Qualification are both 10%),
 *   a stage with a blank probability stays right after the stage above it, and a table without
 *   a Probability column keeps table order.
 */
import { CellGrid, normalizeLabel, readOrderedLabels } from "../cells";
import { Result, isError } from "../errors";
import { Stage } from "../stages";
import { readStageTableArg } from "../stageTableArg";
import { stageLookup } from "../stageVocabulary";

/** Whether the argument is a table (more than one column) rather than a list of names. */
function isTable(arg: CellGrid): boolean {
  return (
    Array.isArray(arg) &&
    arg.length > 0 &&
    (arg as unknown[]).every(Array.isArray) &&
    (arg as unknown[][])[0].length > 1
  );
}

/**
 * Reads `stage_order` into normalized open-stage names in pipeline order (see the module
 * comment).
 *
 * @param arg the argument as Excel passes it
 * @returns normalized stage names, first stage first, or #VALUE! naming the table's bad cell
 * @example
 * readStageOrder([["Stage", "Probability"], ["Qualification", 10], ["Proposal", 75], ["Appointment Scheduled", 20]]);
 * // ["qualification", "appointment scheduled", "proposal"]
 * readStageOrder([["Demo"], ["Proposal"]]); // ["demo", "proposal"]
 */
export function readStageOrder(arg: CellGrid): Result<string[]> {
  if (!isTable(arg)) return readOrderedLabels(arg).map((s) => s.label);
  const table = readStageTableArg(arg);
  if (isError(table)) return table;
  if (table === null) return [];
  let key = -Infinity;
  const ranked = table.stages
    .filter((s) => s.outcome === Stage.Open)
    .map((s, i) => {
      // A blank probability inherits the key of the stage above it: it stays where it is.
      if (table.hasProbabilities && s.probability !== null) key = s.probability;
      return { name: normalizeLabel(s.name), key: table.hasProbabilities ? key : 0, i };
    });
  ranked.sort((a, b) => a.key - b.key || a.i - b.i);
  return [...new Set(ranked.map((s) => s.name))];
}

/**
 * A deal's rank in a stage order, as the history functions look it up: its exact label first,
 * else its stage identity (`stageKey`), so a History table holding a CRM's internal ids
 * ("contractsent", HubSpot's API exports) ranks against a Stages table of labels ("Contract
 * Sent"); an identity two entries of the order share is ambiguous and ranks nothing.
 *
 * Complexity: O(stages) to build, O(1) per look-up.
 *
 * @param order normalized stage names in pipeline order (see readStageOrder)
 * @returns the rank of a stage as the History writes it, or undefined when not in the order
 * @example
 * stageRanks(["qualified to buy", "contract sent"])("contractsent"); // 1
 */
export function stageRanks(order: readonly string[]): (stage: string) => number | undefined {
  return stageLookup(order.map((s, i) => [s, i] as const));
}
