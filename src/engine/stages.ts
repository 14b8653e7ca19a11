/**
 * Stage classification shared by every function that takes a `stages` range: each deal is WON,
 * LOST, OPEN, or blank (ignored).
 */
import {
  CellGrid,
  column,
  columnRows,
  indexLabels,
  isBlankText,
  normalizeLabel,
  raiseIfError,
  readLabelList,
} from "./cells";

/** How a deal's stage counts. */
export enum Stage {
  Blank = 0,
  Open = 1,
  Won = 2,
  Lost = 3,
}

/** The labels that mean won and lost, normalized. */
export interface StageRules {
  readonly won: ReadonlySet<string>;
  readonly lost: ReadonlySet<string>;
  /** Lost also matches any label starting with one of these ("closed lost to competition"). */
  readonly lostPrefixes: readonly string[];
}

/** Salesforce, HubSpot (label and internal id) and Pipedrive spellings of won and lost. */
export const DEFAULT_STAGE_RULES: StageRules = {
  won: new Set(["closed won", "won", "closedwon"]),
  lost: new Set(["closed lost", "lost", "closedlost"]),
  lostPrefixes: ["closed lost "],
};

/**
 * Builds the rules from the optional `won_labels` / `lost_labels` arguments: given labels
 * replace the defaults for that side. A single text is one stage name, matched whole; it is read
 * as a comma-separated list only when no stage in `stages` has that whole name (see
 * readOrderedLabels).
 *
 * @param wonLabels one text, a comma-separated text, a range, or null
 * @param lostLabels likewise
 * @param stages the stages range, to match a single text containing commas whole when a stage
 *   has that name
 * @returns the rules to classify with
 * @example
 * stageRules("Signed", null).won; // Set {"signed"}
 * stageRules("Won, paid", null, [["Won, paid"]]).won; // Set {"won, paid"}
 */
export function stageRules(
  wonLabels?: CellGrid,
  lostLabels?: CellGrid,
  stages?: CellGrid
): StageRules {
  let names: ReadonlySet<string> | null = null;
  const present = (label: string): boolean => {
    names ??=
      stages === undefined || stages === null
        ? new Set()
        : new Set(indexLabels(stages, "Stage").labels);
    return names.has(label);
  };
  const won = readLabelList(wonLabels, present);
  const lost = readLabelList(lostLabels, present);
  return {
    won: won ?? DEFAULT_STAGE_RULES.won,
    lost: lost ?? DEFAULT_STAGE_RULES.lost,
    lostPrefixes: lost ? [] : DEFAULT_STAGE_RULES.lostPrefixes,
  };
}

/**
 * Classifies one normalized label.
 *
 * @param label a normalized, non-empty label
 * @param rules the won/lost labels
 * @returns Won, Lost or Open
 * @example
 * classifyLabel("closed lost to competition", DEFAULT_STAGE_RULES); // Stage.Lost
 */
export function classifyLabel(label: string, rules: StageRules): Stage {
  if (rules.won.has(label)) return Stage.Won;
  if (rules.lost.has(label)) return Stage.Lost;
  for (const p of rules.lostPrefixes) if (label.startsWith(p)) return Stage.Lost;
  return Stage.Open;
}

/**
 * How a function judges a normalized label: the won/lost label sets, or a function (the Stages
 * table's vocabulary, see `vocabularyClassifier` in stageVocabulary).
 */
export type StageJudge = StageRules | ((label: string) => Stage);

/**
 * Judges one normalized label.
 *
 * @param label a normalized, non-empty label
 * @param judge the won/lost labels, or a judging function
 * @returns Won, Lost or Open
 * @example
 * judgeLabel("won", DEFAULT_STAGE_RULES); // Stage.Won
 */
export function judgeLabel(label: string, judge: StageJudge): Stage {
  return typeof judge === "function" ? judge(label) : classifyLabel(label, judge);
}

/**
 * Classifies every cell of a stages range. A range has few distinct labels, so each distinct
 * raw value is normalized and classified once and then looked up: a million-row column costs
 * little more than reading it.
 *
 * @param grid the stages range
 * @param rules the won/lost labels, or a function judging one normalized, non-empty label
 * @returns one Stage per cell (Blank for blank cells)
 * @example
 * classifyStages([["Won"], ["Lost"], ["Demo"], [""]], DEFAULT_STAGE_RULES); // [2, 3, 1, 0]
 */
export function classifyStages(
  grid: CellGrid,
  rules: StageJudge = DEFAULT_STAGE_RULES
): Uint8Array {
  // A one-column range is read in place: copying a million rows costs more than classifying them.
  const rows = columnRows(grid);
  const cells = rows ? [] : column(grid);
  const n = rows ? rows.length : cells.length;
  const out = new Uint8Array(n);
  const cache = new Map<unknown, Stage>();
  for (let i = 0; i < n; i++) {
    const row = rows ? rows[i] : null;
    const c = rows ? (Array.isArray(row) ? row[0] : row) : cells[i];
    let s = cache.get(c);
    if (s === undefined) {
      if (isBlankText(c)) s = Stage.Blank;
      else {
        raiseIfError(c, "Stage", i + 1); // an error value is an object: met once, never cached
        s = judgeLabel(normalizeLabel(String(c)), rules);
      }
      cache.set(c, s);
    }
    out[i] = s;
  }
  return out;
}
