/**
 * Weighted pipeline: Σ amount × win probability over open deals, with the probability either
 * per stage (a two-column table) or per deal (a column beside the amounts).
 */
import { CellGrid, LabelIndex, cellLabel, cellNumber, readAmounts } from "../cells";
import { EngineError, Result, finite, isError } from "../errors";
import { errors } from "../messages";
import { DEFAULT_STAGE_RULES, Stage, StageJudge, judgeLabel } from "../stages";
import { byStageKey, stageKey } from "../stageVocabulary";

/** Probabilities as fractions 0–1: by normalized stage label, or one per deal. */
export type Probabilities =
  | { readonly kind: "table"; readonly byLabel: ReadonlyMap<string, number> }
  | { readonly kind: "perDeal"; readonly values: Float64Array };

/** A cell that holds text which is not a number: a stage name or a header. */
function isWord(cell: unknown): boolean {
  return typeof cell === "string" && cellNumber(cell) === undefined;
}

/**
 * Whether a range is a two-column stage table (stage, probability) rather than per-deal
 * probabilities: every row has exactly two cells and some first-column cell is text that is not
 * a number (a stage name). The text test keeps a one-row pair of per-deal probabilities for a
 * one-row pair of amounts from being read as a table.
 */
function isStageTable(grid: CellGrid): grid is unknown[][] {
  if (!Array.isArray(grid) || grid.length === 0) return false;
  let named = false;
  for (const row of grid) {
    if (!Array.isArray(row) || row.length !== 2) return false;
    if (!named && isWord(row[0])) named = true;
  }
  return named;
}

/** Percentages when any value exceeds 1; anything negative or above 100 is #VALUE!. */
function scale(values: Float64Array): Result<Float64Array> {
  let max = 0;
  for (const v of values) {
    if (v < 0 || v > 100)
      return errors.argOutOfRange(
        "probabilities",
        "fractions 0–1 or percentages 0–100",
        v,
        "كسورًا بين 0 و1 أو نسبًا مئوية بين 0 و100"
      );
    if (v > max) max = v;
  }
  if (max > 1) for (let i = 0; i < values.length; i++) values[i] /= 100;
  return values;
}

/**
 * Reads the `probabilities` argument. Its shape decides the meaning: a two-column range with
 * stage names in the first column is a stage table (a first row whose probability is text, like
 * "Stage | Probability", is a header and skipped; rows with a blank stage are skipped); anything
 * else is one probability per deal. Values are fractions 0–1, or percentages 0–100 when any value
 * exceeds 1; blanks are 0.
 *
 * @param grid the argument as Excel passes it
 * @returns the probabilities; #VALUE! for non-numeric text (naming the position, counted row by
 *   row), a stage listed twice with different probabilities, or a value out of range
 * @example
 * readProbabilities([["Demo", 20], ["Proposal", 60]]); // table demo → 0.2, proposal → 0.6
 * readProbabilities([[0.2], [0.6]]); // per deal [0.2, 0.6]
 */
export function readProbabilities(grid: CellGrid): Result<Probabilities> {
  if (!isStageTable(grid)) {
    const values = readAmounts(grid, "Probability");
    if (isError(values)) return values;
    return scaled("perDeal", values, []);
  }
  const labels: string[] = [];
  const raws: unknown[] = [];
  const numbers: number[] = [];
  for (let r = 0; r < grid.length; r++) {
    const [stage, p] = grid[r];
    const n = cellNumber(p);
    if (n === undefined) {
      if (r === 0 && isWord(p)) continue;
      return errors.notANumber("Probability", r + 1, p);
    }
    const label = cellLabel(stage);
    if (label === null || label === "") continue;
    labels.push(label);
    raws.push(stage);
    numbers.push(n ?? 0);
  }
  return scaled("table", Float64Array.from(numbers), labels, raws);
}

function scaled(
  kind: Probabilities["kind"],
  values: Float64Array,
  labels: readonly string[],
  raws: readonly unknown[] = []
): Result<Probabilities> {
  const fractions = scale(values);
  if (isError(fractions)) return fractions;
  if (kind === "perDeal") return { kind, values: fractions };
  const byLabel = new Map<string, number>();
  for (let i = 0; i < labels.length; i++) {
    const seen = byLabel.get(labels[i]);
    if (seen !== undefined && seen !== fractions[i])
      return errors.duplicateLabel("probabilities", raws[i]);
    byLabel.set(labels[i], fractions[i]);
  }
  return { kind, byLabel };
}

/**
 * Σ amount × probability over open deals (won, lost and blank stages are skipped; which stages
 * are open is `judge`'s call, the built-in labels by default). Blank amounts count as 0. A stage
 * table row matches a deal by its label, else by stage identity (an id matches its label).
 *
 * Complexity: O(n + distinct stages); the table is consulted once per distinct stage.
 *
 * @param amounts one amount per deal, null for blanks
 * @param deals the stages range as a label index (see indexLabels)
 * @param probabilities from readProbabilities (or a stage table built from the Stages table)
 * @param judge which stages are won, lost or open (the built-in labels, or the Stages table's
 *   vocabulary)
 * @param notFound the error for an open stage the stage table lacks
 * @returns the weighted sum; #VALUE! when amounts, stages or per-deal probabilities differ in
 *   size; #N/A naming the first open stage missing from a stage table
 * @example
 * // amounts 100, 200; stages Demo, Proposal; table Demo 20, Proposal 60 → 100×0.2 + 200×0.6 = 140
 */
export function weightedPipeline(
  amounts: ArrayLike<number | null>,
  deals: LabelIndex,
  probabilities: Probabilities,
  judge: StageJudge = DEFAULT_STAGE_RULES,
  notFound: (raw: unknown) => EngineError = errors.stageNotInTable
): Result<number> {
  const idx = deals.index;
  if (amounts.length !== idx.length) return errors.sameSize();
  const open = deals.labels.map((l) => judgeLabel(l, judge) === Stage.Open);
  let sum = 0;
  if (probabilities.kind === "perDeal") {
    const p = probabilities.values;
    if (p.length !== idx.length) return errors.sameSize();
    for (let i = 0; i < idx.length; i++) {
      const k = idx[i];
      const a = amounts[i];
      if (k >= 0 && open[k] && a !== null) sum += a * p[i];
    }
    return finite(sum);
  }
  const byStage = new Float64Array(deals.labels.length);
  let byId: Map<string, number> | null = null;
  for (let k = 0; k < deals.labels.length; k++) {
    if (!open[k]) continue;
    let p = probabilities.byLabel.get(deals.labels[k]);
    if (p === undefined) {
      byId ??= byStageKey(probabilities.byLabel);
      p = byId.get(stageKey(deals.labels[k]));
    }
    if (p === undefined) return notFound(deals.raw[k]);
    byStage[k] = p;
  }
  for (let i = 0; i < idx.length; i++) {
    const k = idx[i];
    const a = amounts[i];
    if (k >= 0 && open[k] && a !== null) sum += a * byStage[k];
  }
  return finite(sum);
}
