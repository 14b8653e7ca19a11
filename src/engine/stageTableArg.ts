/**
 * The `stage_table` argument of the SALES functions: the workbook's Stages table, read into the
 * stage vocabulary the dashboard uses (`engine/stageVocabulary`), so
 * `=SALES.WIN_RATE(Deals[Stage],,,,Stages[#All])` judges won, lost and open exactly as the
 * dashboard's tiles do.
 *
 * Accepted shapes: with its header row (`Stages[#All]`; columns found by header, the schema's
 * name or its English/Arabic caption, in any order, others ignored) or without it
 * (`Stages[#Data]`, `Stages[[Stage]:[Is Lost]]`; columns in the schema's order: Stage,
 * Probability, Forecast Category, Is Won, Is Lost). Either way it needs the Stage column and at
 * least one of Probability / Is Won / Is Lost: a bare list of stage names says nothing about them.
 * Rows are counted in the table's body (row 1 is the first stage), as messages name them.
 */
import { CellGrid, cellNumber, isBlank, isBlankText, normalizeLabel, readLabelList } from "./cells";
import { Result, isError } from "./errors";
import { errors } from "./messages";
import { Stage, StageJudge, stageRules } from "./stages";
import {
  VocabularyStage,
  readStageTable,
  stageFlag,
  stageKey,
  vocabularyClassifier,
  vocabularyProbability,
} from "./stageVocabulary";
import { STAGES } from "../model/schema";

/** The Stages table as a function argument. */
export interface StageTable {
  /** The table's stages, in table order. */
  readonly stages: readonly VocabularyStage[];
  /** Judges one deal's stage (raw or normalized): the table's row, else the built-in labels. */
  readonly classify: (name: string) => Stage.Open | Stage.Won | Stage.Lost;
  /** A listed stage's probability (0 where blank), undefined for a stage the table lacks. */
  readonly probability: (name: string) => number | undefined;
  /** Whether the argument has a Probability column. */
  readonly hasProbabilities: boolean;
}

/** The columns the vocabulary reads, by the schema's header names. */
const WANTED = ["Stage", "Probability", "Is Won", "Is Lost"] as const;
type Wanted = (typeof WANTED)[number];

/** Every spelling a header cell may have for a wanted column: name and captions. */
const SPELLINGS: ReadonlyMap<string, Wanted> = new Map(
  STAGES.columns.flatMap((c) =>
    (WANTED as readonly string[]).includes(c.name)
      ? [c.name, c.caption.en, c.caption.ar].map((t) => [normalizeLabel(t), c.name as Wanted])
      : []
  )
);

function headerOf(cell: unknown): Wanted | undefined {
  return typeof cell === "string" ? SPELLINGS.get(normalizeLabel(cell)) : undefined;
}

/**
 * A first row is the header when it names one of the columns the vocabulary reads and holds
 * nothing but text (a body row has a probability or flags); a header without Stage is then
 * reported as such rather than read as a stage.
 */
function isHeader(row: readonly unknown[]): boolean {
  return (
    row.some((c) => headerOf(c) !== undefined) &&
    row.every((c) => isBlank(c) || typeof c === "string")
  );
}

/** Where each wanted column is: by header, or by the schema's order without one. */
function locate(rows: readonly (readonly unknown[])[]): Result<{
  at: Partial<Record<Wanted, number>>;
  body: readonly (readonly unknown[])[];
}> {
  const at: Partial<Record<Wanted, number>> = {};
  if (isHeader(rows[0])) {
    rows[0].forEach((c, i) => {
      const name = headerOf(c);
      if (name && at[name] === undefined) at[name] = i;
    });
    return { at, body: rows.slice(1) };
  }
  const width = rows[0].length;
  if (width > STAGES.columns.length) return errors.stageTableTooWide(width, STAGES.columns.length);
  STAGES.columns.forEach((c, i) => {
    if (i < width && (WANTED as readonly string[]).includes(c.name)) at[c.name as Wanted] = i;
  });
  return { at, body: rows };
}

/** The body re-written in WANTED order with checked cells, in the vocabulary's own terms. */
function checkedRows(
  at: Partial<Record<Wanted, number>>,
  body: readonly (readonly unknown[])[]
): Result<unknown[][]> {
  const out: unknown[][] = [];
  for (let r = 0; r < body.length; r++) {
    const row = body[r];
    const cell = (name: Wanted): unknown => (at[name] === undefined ? null : row[at[name]!]);
    const stage = cell("Stage");
    if (isBlankText(stage)) {
      out.push([null, null, null, null]);
      continue;
    }
    const raw = cell("Probability");
    const p = isBlank(raw) ? null : cellNumber(raw);
    if (p === undefined || (p !== null && (p < 0 || p > 100)))
      return errors.stageTableCell(r + 1, "Probability", raw, "probability");
    const flags: (boolean | null)[] = [];
    for (const name of ["Is Won", "Is Lost"] as const) {
      const v = cell(name);
      const f = stageFlag(v);
      // stageFlag reads 0 and unknown text alike as "no answer": only blanks and 0 may say so.
      if (f === null && !isBlankText(v)) return errors.stageTableCell(r + 1, name, v, "flag");
      flags.push(f);
    }
    if (flags[0] === true && flags[1] === true) return errors.stageTableBothOutcomes(r + 1, stage);
    out.push([stage, p, flags[0], flags[1]]);
  }
  return out;
}

/**
 * Reads the `stage_table` argument into the dashboard's stage vocabulary.
 *
 * Decided cases: omitted (or one blank cell) is null, meaning "the built-in labels, as before";
 * a table without stages judges every deal by the built-in labels, as the dashboard does; a
 * blank probability is 0; two rows that are one stage by `stageKey` ("closedwon", "Closed Won")
 * must agree on outcome and probability.
 *
 * @param grid the argument as Excel passes it
 * @returns the table, null when omitted, or #VALUE! naming the argument, the row and the fix
 * @example
 * const t = readStageTableArg([["Stage", "Probability", "Is Won", "Is Lost"], ["Signed", 1, true, false]]);
 * // t.classify("signed") === Stage.Won; t.classify("Won") === Stage.Won (built-in label)
 */
export function readStageTableArg(grid: CellGrid): Result<StageTable | null> {
  if (grid === null || grid === undefined) return null;
  if (!Array.isArray(grid) || grid.length === 0 || !grid.every(Array.isArray))
    return isBlankText(grid) ? null : errors.stageTableShape();
  const rows = grid as unknown[][];
  if (rows.length === 1 && rows[0].length === 1 && isBlankText(rows[0][0])) return null;
  const located = locate(rows);
  if (isError(located)) return located;
  const { at, body } = located;
  if (
    at.Stage === undefined ||
    (at.Probability === undefined && at["Is Won"] === undefined && at["Is Lost"] === undefined)
  )
    return errors.stageTableShape();
  const checked = checkedRows(at, body);
  if (isError(checked)) return checked;
  const stages = readStageTable(WANTED, checked);
  const first = new Map<string, (typeof stages)[number]>();
  for (const s of stages) {
    const key = stageKey(s.name);
    const seen = first.get(key);
    if (!seen) first.set(key, s);
    else if (seen.outcome !== s.outcome || (seen.probability ?? 0) !== (s.probability ?? 0))
      return errors.stageTableConflict(s.row, s.name, seen.row, seen.name);
  }
  return {
    stages,
    classify: vocabularyClassifier(stages),
    probability: vocabularyProbability(stages),
    hasProbabilities: at.Probability !== undefined,
  };
}

/**
 * How a function judges its deals' stages: by `stage_table` when given, else by the
 * `won_labels` / `lost_labels` arguments or the built-in labels, exactly as before the argument
 * existed. Labels and a table together are #VALUE!: the table already decides both sides, and
 * silently preferring one would hide the other.
 *
 * @param stageTable the stage_table argument
 * @param stages the deals' stages range (to match a label text containing commas whole)
 * @param wonLabels the won_labels argument, if the function has one
 * @param lostLabels the lost_labels argument, if the function has one
 * @returns the judge for classifyStages, or #VALUE! naming the argument
 * @example
 * classifyStages(deals, stageJudge(Stages, deals) as StageJudge);
 */
export function stageJudge(
  stageTable: CellGrid,
  stages: CellGrid,
  wonLabels?: CellGrid,
  lostLabels?: CellGrid
): Result<StageJudge> {
  const table = readStageTableArg(stageTable);
  if (isError(table)) return table;
  if (!table) return stageRules(wonLabels, lostLabels, stages);
  if (readLabelList(wonLabels) !== null) return errors.stageTableWithLabels("won_labels");
  if (readLabelList(lostLabels) !== null) return errors.stageTableWithLabels("lost_labels");
  return table.classify;
}
