/**
 * The one place where Excel cells become typed data.
 *
 * Excel hands custom functions ranges as `any[][]`. Blank cells arrive as `0`, `""` or `null`
 * depending on the platform, dates as serial numbers, and numbers sometimes as text. Every
 * function reads its arguments through these helpers so the rules are the same everywhere,
 * and every failure names the 1-based position of the first bad cell (row by row).
 *
 * The blank policy (one for every platform: Excel desktop sends an empty cell as `0`, the web
 * as `null`, some hosts as `""`, so a rule that told them apart would give different answers):
 * - text ranges (stages, statuses, competitors): `0`, `""`, `null` are blank and ignored;
 * - date ranges: `0`, `""`, `null` are a missing date;
 * - amounts, prices, quantities, probabilities: a blank is 0 (it adds nothing to a sum);
 * - series (FORECAST_SALES, FORECAST_SEASONALITY, GROWTH; see series.ts): a blank is 0, and the
 *   run of zeros before the first and after the last non-zero value is a range reaching past the
 *   data and is trimmed; a `timeline` argument makes the periods exact;
 * - yes/no flags: a blank is ignored; a `0` is "no" when the range holds 1/0 numbers, and blank
 *   when the other cells are TRUE/FALSE or text (then it can only be desktop's empty cell).
 * - a required number argument left blank is 0, as Excel reads an empty argument (and as desktop
 *   passes an empty cell); an optional one takes its default.
 * An error value in a range (#N/A, #DIV/0!) is the function's result, as in SUM (cellErrors.ts);
 * a header row given with the data is read as a blank row (headerRow.ts). Shapes and blanks are
 * in cellGrid.ts, dates in cellDates.ts (the day/month order of text dates in textDateOrder.ts),
 * numeric text in numberText.ts; this file re-exports them.
 */
import { EngineError, Result } from "./errors";
import { Shape, errors } from "./messages";
import { badCell, errorCode, propagated, raiseIfError } from "./cellErrors";
import {
  CellGrid,
  cellOf,
  column,
  columnRows,
  flatten,
  isBlank,
  isBlankText,
  readEach,
} from "./cellGrid";
import { INVISIBLE, parseNumericText } from "./numberText";

// The parts of this module that live in their own files (one concept each), re-exported so that
// every reader of cells imports from here.
export { ErrorValueInRange, errorCode, errorInRanges, raiseIfError } from "./cellErrors";
export { parseNumericText } from "./numberText";
export type { CellGrid } from "./cellGrid";
export { cellText, column, columnRows, flatten, isBlank, isBlankText } from "./cellGrid";
export { cellDate, parseIsoDate, readDateArg, readDateSerials, readDates } from "./cellDates";

/**
 * Reads one cell as a number: numbers pass, numeric text is parsed, blanks give `null`.
 *
 * @param cell a cell value
 * @returns the number, `null` for a blank, `undefined` when it is not a number
 * @example
 * cellNumber(" 1200 "); // 1200
 * cellNumber(""); // null
 */
export function cellNumber(cell: unknown): number | null | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  if (isBlank(cell)) return null;
  if (typeof cell === "string") return parseNumericText(cell);
  return undefined;
}

/**
 * Reads a numeric range. Blank cells become `null`; anything else that is not a number is a
 * #VALUE! error naming its position.
 *
 * @param grid the range
 * @param label what the range holds, for messages ("Amount")
 * @returns numbers and nulls, one per cell
 * @example
 * readNumbers([[1], ["2"], [null]], "Amount"); // [1, 2, null]
 * readNumbers([["abc"]], "Amount"); // EngineError('Amount #1 is not a number: "abc"')
 */
export function readNumbers(grid: CellGrid, label: string): Result<(number | null)[]> {
  const cells = column(grid);
  const out = new Array<number | null>(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (typeof c === "number" && c === c && c !== Infinity && c !== -Infinity) {
      out[i] = c;
      continue;
    }
    const n = cellNumber(c);
    if (n === undefined) return badCell(errors.notANumber, label, i + 1, c);
    out[i] = n;
  }
  return out;
}

/**
 * Normalizes a label for matching: invisible characters dropped (zero-width spaces and joiners,
 * BOM, soft hyphen, the bidi marks Arabic text copied from web CRMs carries), lower case, `-`
 * and `_` become spaces, spaces (any kind, non-breaking too) collapsed, trimmed.
 *
 * @param text a label
 * @returns the normalized label
 * @example
 * normalizeLabel(" Closed_Won "); // "closed won"
 */
export function normalizeLabel(text: string): string {
  return text
    .replace(INVISIBLE, "")
    .toLowerCase()
    .replace(/[-_]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Reads a text cell as a normalized label; blank (`0`, `""`, `null`) gives `null`. Booleans and
 * other numbers are read as their text; an error value throws ErrorValueInRange.
 *
 * @param cell a cell value
 * @returns the normalized label or null
 * @example
 * cellLabel("Closed-Won"); // "closed won"
 * cellLabel(0); // null
 */
export function cellLabel(cell: unknown): string | null {
  if (isBlankText(cell)) return null;
  raiseIfError(cell, "Value", 1);
  return normalizeLabel(typeof cell === "string" ? cell : String(cell));
}

/**
 * Reads a text range as normalized labels (`null` for blanks). An error value in it throws
 * ErrorValueInRange (the adapter shows that error).
 *
 * @param grid the range
 * @param name what the range holds, for messages
 * @returns one label or null per cell
 * @example
 * readLabels([["Won"], [0]]); // ["won", null]
 */
export function readLabels(grid: CellGrid, name = "Value"): (string | null)[] {
  // A status column holds a handful of distinct values: normalize each once.
  const cache = new Map<unknown, string | null>();
  return column(grid).map((cell, i) => {
    let label = cache.get(cell);
    if (label === undefined) {
      raiseIfError(cell, name, i + 1);
      label = cellLabel(cell);
      cache.set(cell, label);
    }
    return label;
  });
}

/** A comma in a label list: the Latin one or the Arabic one (،) Arabic keyboards type. */
const LIST_SEPARATOR = /[,\u060c]/;

/**
 * The texts of a label-list argument, following one rule for every function: a range or an
 * array constant (`{"Won","Signed"}`) gives one label per cell, matched whole; a single text is
 * one label matched whole, and only when that whole label is not in the data and it holds commas
 * is it read as a comma-separated list (`"Won, Signed"`, the spelling formulas already use). So
 * a stage or status whose name contains a comma is matched when given as a single text.
 *
 * @param arg the argument as Excel passes it
 * @param present whether a normalized label occurs in the data (omit when unknown: then a single
 *   text with commas is split)
 * @returns the entries in order, as typed and normalized (empty when omitted or all blank)
 * @example
 * readOrderedLabels("Demo, Proposal"); // [{ text: "Demo", label: "demo" }, { text: "Proposal", label: "proposal" }]
 * readOrderedLabels("Closed, Won", (l) => l === "closed, won"); // [{ text: "Closed, Won", label: "closed, won" }]
 */
export function readOrderedLabels(
  arg: CellGrid,
  present?: (label: string) => boolean
): OrderedLabel[] {
  if (arg === null || arg === undefined) return [];
  const texts: string[] = [];
  for (const cell of flatten(arg)) {
    if (!isBlankText(cell)) texts.push(typeof cell === "string" ? cell : String(cell));
  }
  const whole = (text: string): OrderedLabel => ({
    text: text.trim(),
    label: normalizeLabel(text),
  });
  if (texts.length !== 1 || !LIST_SEPARATOR.test(texts[0])) {
    return texts.map(whole).filter((l) => l.label !== "");
  }
  const one = whole(texts[0]);
  if (present && present(one.label)) return [one];
  return texts[0]
    .split(LIST_SEPARATOR)
    .map(whole)
    .filter((l) => l.label !== "");
}

/**
 * Reads an optional label-list argument as a set (see readOrderedLabels for how texts are
 * split). Omitted (`null`/`undefined`) or all-blank gives `null`, meaning "use the defaults".
 *
 * @param arg the argument as Excel passes it
 * @param present whether a normalized label occurs in the data
 * @returns the set of normalized labels, or null
 * @example
 * readLabelList("Won, Signed"); // Set {"won", "signed"}
 * readLabelList([["Won"], ["Signed"]]); // Set {"won", "signed"}
 */
export function readLabelList(
  arg: CellGrid,
  present?: (label: string) => boolean
): ReadonlySet<string> | null {
  const labels = readOrderedLabels(arg, present);
  return labels.length === 0 ? null : new Set(labels.map((l) => l.label));
}

/**
 * Reads a scalar number argument (a single cell or a typed value). A blank (omitted, `null`,
 * `""`) gives `fallback`; a required argument (no fallback) left blank is 0, as Excel reads an
 * empty argument and as Excel desktop passes an empty cell, so every platform agrees.
 *
 * @param value the argument
 * @param name its name, for messages
 * @param fallback the value when omitted; `undefined` makes the argument required
 * @param zeroIsBlank whether 0 also means "omitted": for arguments where 0 is never a valid value
 *   (a lag, a month), since desktop passes an empty cell as 0 and the web as null
 * @returns the number or a #VALUE! error
 * @example
 * readNumberArg(null, "horizon", 1); // 1
 * readNumberArg("12", "lag", 1); // 12
 * readNumberArg(null, "quota"); // 0
 * readNumberArg(0, "lag", 1, true); // 1
 */
export function readNumberArg(
  value: unknown,
  name: string,
  fallback?: number,
  zeroIsBlank = false
): Result<number> {
  const cell = Array.isArray(value) ? flatten(value)[0] : value;
  const n = cellNumber(cell);
  if (n === null || (zeroIsBlank && n === 0 && fallback !== undefined)) return fallback ?? 0;
  if (n === undefined) {
    if (typeof cell === "boolean") return cell ? 1 : 0;
    return badCell((label, _p, raw) => errors.argNotANumber(label, raw), name, 1, cell);
  }
  return n;
}

/**
 * Reads an optional text option (e.g. "median") case-insensitively against allowed values.
 *
 * @param value the argument
 * @param name its name, for messages
 * @param allowed the accepted values, lower case; the first is the default
 * @returns one of `allowed` or a #VALUE! error
 * @example
 * readOption("Mean", "statistic", ["median", "mean", "p90"]); // "mean"
 */
export function readOption<T extends string>(
  value: unknown,
  name: string,
  allowed: readonly T[]
): Result<T> {
  const cell = Array.isArray(value) ? flatten(value)[0] : value;
  if (isBlankText(cell)) return allowed[0];
  const code = errorCode(cell);
  if (code) return propagated(name, 1, code);
  const text = normalizeLabel(String(cell));
  const found = allowed.find((a) => a === text);
  return found ?? errors.unknownOption(name, cell, allowed);
}

/**
 * Checks that parallel ranges hold the same number of cells.
 *
 * @param lengths the cell counts
 * @returns null when equal, else the #VALUE! "ranges must be the same size" error
 * @example
 * sameSize(3, 3); // null
 */
export function sameSize(...lengths: number[]): EngineError | null {
  return lengths.every((n) => n === lengths[0]) ? null : errors.sameSize();
}

/**
 * The rows × columns of an argument as Excel passes it: `any[][]` is rows of cells, a flat array
 * is one column, a single value is 1×1.
 *
 * @param grid the argument
 * @returns its shape
 * @example
 * shapeOf([[1, 2], [3, 4]]); // { rows: 2, columns: 2 }
 */
export function shapeOf(grid: CellGrid): Shape {
  if (!Array.isArray(grid)) return { rows: 1, columns: 1 };
  const first: unknown = grid[0];
  return { rows: grid.length, columns: Array.isArray(first) ? first.length : 1 };
}

/**
 * Checks that parallel ranges have the same shape, as Excel's SUMIFS and AVERAGEIFS require. A
 * row and a column of the same length are accepted (1×N with N×1): they pair cell by cell in
 * reading order. Omitted arguments (`null`/`undefined`) are skipped.
 *
 * @param ranges [argument name, argument] pairs; the first is the reference
 * @returns null when they match, else #VALUE! naming both shapes
 * @example
 * sameShape(["amounts", [[1], [2]]], ["stages", [["Won", "Lost"]]]); // null
 * sameShape(["amounts", [[1, 2], [3, 4]]], ["stages", [["a", "b", "c", "d"]]]); // #VALUE! "stages is 1×4 but amounts is 2×2: …"
 */
export function sameShape(...ranges: readonly [string, CellGrid][]): EngineError | null {
  const given = ranges.filter(([, g]) => g !== null && g !== undefined);
  if (given.length < 2) return null;
  const [name, grid] = given[0];
  const a = shapeOf(grid);
  for (let i = 1; i < given.length; i++) {
    const b = shapeOf(given[i][1]);
    if (a.rows === b.rows && a.columns === b.columns) continue;
    const vectors = (a.rows === 1 || a.columns === 1) && (b.rows === 1 || b.columns === 1);
    if (vectors && a.rows * a.columns === b.rows * b.columns) continue;
    return errors.shapeMismatch(name, a, given[i][0], b);
  }
  return null;
}

const TRUE_FLAGS = new Set(["true", "yes", "y", "1"]);
const FALSE_FLAGS = new Set(["false", "no", "n", "0"]);

/**
 * Reads one cell as a yes/no flag: TRUE/FALSE, 1/0, "yes"/"no", "y"/"n", "true"/"false" (any
 * case, as text or values). Blank (`null`, `""`) gives `null`. A number `0` is "no", not blank:
 * a Salesforce "Converted" column imported as numbers holds 1/0, and reading its zeros as blanks
 * would make every conversion rate 100%. (On Excel desktop an empty cell inside the range also
 * arrives as 0, so point the function at the exact column, e.g. `Leads[Converted]`.)
 *
 * @param cell a cell value
 * @returns true, false, null for a blank, or undefined when it is not a flag
 * @example
 * cellFlag("Yes"); // true
 * cellFlag(0); // false
 * cellFlag(""); // null
 * cellFlag("maybe"); // undefined
 */
export function cellFlag(cell: unknown): boolean | null | undefined {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : undefined;
  if (isBlank(cell)) return null;
  if (typeof cell !== "string") return undefined;
  const text = normalizeLabel(cell);
  if (TRUE_FLAGS.has(text)) return true;
  if (FALSE_FLAGS.has(text)) return false;
  return undefined;
}

/**
 * Reads a range of yes/no flags (see cellFlag); the first cell that is not a flag is a #VALUE!
 * error naming its position.
 *
 * @param grid the range
 * @param label what the range holds, for messages ("Converted")
 * @returns one flag or null (blank) per cell
 * @example
 * readFlags([[true], ["no"], [""]], "Converted"); // [true, false, null]
 * readFlags([["maybe"]], "Converted"); // EngineError('Converted #1 is not a yes/no value: "maybe"')
 */
export function readFlags(grid: CellGrid, label: string): Result<(boolean | null)[]> {
  const flags = readEach(grid, cellFlag, (i, raw) => badCell(errors.notAFlag, label, i, raw));
  if (flags instanceof EngineError) return flags;
  // A numeric 0 among TRUE/FALSE or text flags, with no numeric 1, can only be desktop's blank.
  const cells = column(grid);
  let numericOne = false;
  let worded = false;
  for (const c of cells) {
    if (c === 1) numericOne = true;
    else if (typeof c === "boolean" || (typeof c === "string" && !isBlank(c))) worded = true;
  }
  if (worded && !numericOne)
    for (let i = 0; i < cells.length; i++) if (cells[i] === 0) flags[i] = null;
  return flags;
}

/** A text range as distinct normalized labels plus, per cell, which one it holds. */
export interface LabelIndex {
  /** The distinct normalized labels, in order of first appearance. */
  readonly labels: readonly string[];
  /** The first raw cell of each label, to quote in messages as the user typed it. */
  readonly raw: readonly unknown[];
  /** Per cell: the position of its label in `labels`, or -1 for a blank cell. */
  readonly index: Int32Array;
}

/**
 * Reads a text range as an index into its distinct labels. Ranges of stages or competitors hold
 * a handful of distinct values, so each distinct raw value is normalized once and every cell
 * after that costs one map lookup; per-label work (classifying, looking up a probability) is then
 * done once per label instead of once per cell. An error value in it throws ErrorValueInRange
 * (the adapter shows that error).
 *
 * @param grid the range
 * @param name what the range holds, for messages ("Stage")
 * @returns the labels and the per-cell index (blank cells: `0`, `""`, `null` give -1)
 * @example
 * indexLabels([["Won"], ["Demo"], ["won "], [0]]); // { labels: ["won", "demo"], raw: ["Won", "Demo"], index: [0, 1, 0, -1] }
 */
export function indexLabels(grid: CellGrid, name = "Value"): LabelIndex {
  const rows = columnRows(grid);
  const cells = rows ? [] : column(grid);
  const n = rows ? rows.length : cells.length;
  const index = new Int32Array(n);
  const labels: string[] = [];
  const raw: unknown[] = [];
  const byCell = new Map<unknown, number>();
  const byLabel = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const c = cellOf(rows, cells, i);
    let k = byCell.get(c);
    if (k === undefined) {
      raiseIfError(c, name, i + 1);
      const label = cellLabel(c);
      if (label === null || label === "") k = -1;
      else {
        k = byLabel.get(label);
        if (k === undefined) {
          k = labels.length;
          labels.push(label);
          raw.push(c);
          byLabel.set(label, k);
        }
      }
      byCell.set(c, k);
    }
    index[i] = k;
  }
  return { labels, raw, index };
}

/** One entry of an ordered label list: the text as typed and its normalized form. */
export interface OrderedLabel {
  readonly text: string;
  readonly label: string;
}

/**
 * Reads a numeric range for summing: like readNumbers, but into a Float64Array with blanks as 0.
 * Use it where a blank and a 0 mean the same (amounts, prices, probabilities): it allocates no
 * per-cell values, which matters on million-row columns.
 *
 * @param grid the range
 * @param label what the range holds, for messages ("Amount")
 * @returns one number per cell (blank → 0), or a #VALUE! error naming the first bad cell
 * @example
 * readAmounts([[1], ["$2"], [null]], "Amount"); // Float64Array [1, 2, 0]
 */
export function readAmounts(grid: CellGrid, label: string): Result<Float64Array> {
  const rows = columnRows(grid);
  const cells = rows ? [] : column(grid);
  const n = rows ? rows.length : cells.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = cellOf(rows, cells, i);
    if (typeof c === "number" && c - c === 0) {
      out[i] = c; // finite: Infinity − Infinity and NaN − NaN are NaN
      continue;
    }
    const v = cellNumber(c);
    if (v === undefined) return badCell(errors.notANumber, label, i + 1, c);
    out[i] = v ?? 0;
  }
  return out;
}

/**
 * An optional range argument as the function should read it: `undefined` when omitted, and also when
 * it is one blank cell (`0`, `""` or `null` by platform) beside a larger range, e.g. a formula
 * pointing amounts at an empty cell: that is "no amounts", as an omitted argument, rather than
 * a range of the wrong shape.
 *
 * @param arg the optional argument
 * @param reference the call's main range
 * @returns the argument, or undefined
 * @example
 * optionalRange([[null]], [["Won"], ["Lost"]]); // undefined
 * optionalRange([[5]], [["Won"]]); // [[5]]
 */
export function optionalRange<T>(arg: T, reference: CellGrid): T | undefined {
  if (arg === null || arg === undefined) return undefined;
  const shape = shapeOf(arg);
  if (shape.rows !== 1 || shape.columns !== 1) return arg;
  const ref = shapeOf(reference);
  if (ref.rows * ref.columns <= 1) return arg;
  return isBlankText(flatten(arg)[0]) ? undefined : arg;
}
