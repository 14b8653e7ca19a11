/**
 * Where HyperFormula differs from Excel on behaviours our formulas use, the stand-in translates
 * (never the product's formulas): every formula text passes through `translateFormula` after the
 * structured references are rewritten, `StandInPlugin` supplies Excel's INDEX, and
 * `patchEmptyTextArithmetic` makes `""` in arithmetic an error as in Excel. Each behaviour has a
 * test in tests/preview/translate.test.ts and a line in README.md ("Knowingly different").
 *
 * - `TRUE` / `FALSE` literals: HyperFormula knows only the functions `TRUE()` / `FALSE()` and
 *   reads a bare `TRUE` as an unknown name (#NAME?).
 * - `INDEX(array, 0, n)` / `INDEX(array, n, 0)` (a whole column/row): HyperFormula's INDEX takes
 *   positive numbers only.
 * - `"" + 1`: Excel gives #VALUE! (text that is not a number); HyperFormula treats "" as 0. An
 *   empty cell is still 0 in both.
 */
import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";

/** The name our INDEX goes by inside HyperFormula. */
export const STANDIN_INDEX = "STANDIN.INDEX";

/**
 * Applies `fn` to the parts of a formula outside string literals and quoted sheet names.
 *
 * @param text a formula ("=…")
 * @param fn rewrites one code segment
 * @returns the formula with every code segment rewritten
 */
function mapCode(text: string, fn: (code: string) => string): string {
  let out = "";
  let code = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      out += fn(code);
      code = "";
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch && text[j + 1] === ch) j += 2;
        else if (text[j] === ch) break;
        else j++;
      }
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    code += ch;
    i++;
  }
  return out + fn(code);
}

/**
 * Translates an Excel formula into the HyperFormula dialect the stand-in computes with.
 *
 * @param text the formula as written (after structured references are rewritten)
 * @returns the formula HyperFormula is given
 * @example
 * translateFormula('=COUNTIFS(A:A,TRUE)'); // '=COUNTIFS(A:A,TRUE())'
 * translateFormula('=INDEX(B2:C9,0,2)'); // '=STANDIN.INDEX(B2:C9,0,2)'
 * translateFormula('=INDEX(B2:C9,2,1)'); // unchanged
 */
export function translateFormula(text: string): string {
  if (!text.startsWith("=")) return text;
  const literals = mapCode(text, (code) =>
    code.replace(/(?<![A-Za-z0-9_.!$])(TRUE|FALSE)(?![A-Za-z0-9_.!]|\s*\()/gi, "$1()")
  );
  return rewriteIndexZero(literals);
}

/**
 * Renames `INDEX(` calls whose row or column argument is a literal 0 to our INDEX (the only
 * INDEX form HyperFormula rejects that our formulas use); every other INDEX stays HyperFormula's,
 * which also broadcasts arrays of positions inside IFERROR and friends.
 *
 * @param text a formula
 * @returns the formula with those calls renamed
 */
function rewriteIndexZero(text: string): string {
  const renames: number[] = [];
  const re = /(?<![A-Za-z0-9_.])INDEX\s*\(/gi;
  const inString = stringMask(text);
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (inString[m.index]) continue;
    const args = topLevelArgs(text, m.index + m[0].length, inString);
    // Also arrays of positions made by SEQUENCE: HyperFormula's INDEX gives one error for the
    // whole result when some position is out of range, Excel's an error in that place only.
    const positions = args.slice(1, 3);
    if (positions.some((a) => a.trim() === "0" || /(?<![A-Za-z0-9_.])SEQUENCE\s*\(/i.test(a)))
      renames.push(m.index);
  }
  let out = text;
  for (const at of renames.reverse())
    out = out.slice(0, at) + STANDIN_INDEX + out.slice(at + "INDEX".length);
  return out;
}

/** 1 for every character inside a string literal or quoted sheet name. */
function stringMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length);
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < text.length) {
        if (text[j] === ch && text[j + 1] === ch) j += 2;
        else if (text[j] === ch) break;
        else j++;
      }
      mask.fill(1, i, Math.min(j + 1, text.length));
      i = j + 1;
    } else i++;
  }
  return mask;
}

/** The top-level arguments of a call whose "(" ends just before `start`. */
function topLevelArgs(text: string, start: number, inString: Uint8Array): string[] {
  const args: string[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < text.length; i++) {
    if (inString[i]) continue;
    const ch = text[i];
    if (ch === "(" || ch === "{") depth++;
    else if ((ch === ")" || ch === "}") && depth > 0) depth--;
    else if (ch === ")") {
      args.push(text.slice(from, i));
      return args;
    } else if (ch === "," && depth === 0) {
      args.push(text.slice(from, i));
      from = i + 1;
    }
  }
  return args;
}

type Grid = unknown[][];

function grid(v: unknown): Grid | null {
  if (v instanceof SimpleRangeValue) return v.rawData() as Grid;
  return null;
}

/** Row/column numbers of an INDEX argument: one number, or a grid of numbers. */
function numbers(v: unknown): { grid: number[][] } | { error: CellError } {
  if (v instanceof CellError) return { error: v };
  const g = grid(v) ?? (Array.isArray(v) ? (v as Grid) : null);
  const cells = g ?? [[v === undefined || v === null ? 0 : v]];
  const out: number[][] = [];
  for (const row of cells) {
    const r: number[] = [];
    for (const c of row) {
      // One position: its error is the result. Arrays of positions: each bad one is an error
      // in its own place (Excel's INDEX is element-wise), marked NaN here.
      if (c instanceof CellError) {
        if (cells.length === 1 && row.length === 1) return { error: c };
        r.push(NaN);
        continue;
      }
      const raw =
        c && typeof c === "object" && "val" in (c as object) ? (c as { val: number }).val : c;
      const n = typeof raw === "number" ? raw : typeof raw === "boolean" ? Number(raw) : NaN;
      if (!Number.isFinite(n) && cells.length === 1 && row.length === 1)
        return { error: new CellError(ErrorType.VALUE) };
      r.push(Number.isFinite(n) ? Math.trunc(n) : NaN);
    }
    out.push(r);
  }
  return { grid: out };
}

/**
 * Excel's INDEX over values: 0 selects a whole row/column; arrays of row and column numbers
 * broadcast against each other (a column of rows × a row of columns gives a block).
 *
 * @param array the array's values
 * @param rowArg the row argument (number or grid; omitted = undefined)
 * @param colArg the column argument
 * @returns a value, a grid, or an error
 */
export function excelIndex(array: Grid, rowArg: unknown, colArg: unknown): unknown {
  const height = array.length;
  const width = array[0]?.length ?? 0;
  // INDEX(one-row array, n) picks the n-th column.
  if (colArg === undefined && height === 1 && width > 1) {
    colArg = rowArg;
    rowArg = 1;
  }
  const rows = numbers(rowArg);
  const cols = numbers(colArg === undefined ? (width === 1 ? 1 : 0) : colArg);
  if ("error" in rows) return rows.error;
  if ("error" in cols) return cols.error;
  const scalar = (g: number[][]): number | null =>
    g.length === 1 && g[0].length === 1 ? g[0][0] : null;
  const r0 = scalar(rows.grid);
  const c0 = scalar(cols.grid);
  const pick = (r: number, c: number): unknown => {
    if (Number.isNaN(r) || Number.isNaN(c)) return new CellError(ErrorType.VALUE);
    if (r < 0 || c < 0 || r > height || c > width) return new CellError(ErrorType.REF);
    return array[r - 1]?.[c - 1];
  };
  if (r0 !== null && c0 !== null) {
    if (r0 === 0 && c0 === 0) return array;
    if (r0 === 0)
      return c0 > width || c0 < 0
        ? new CellError(ErrorType.REF)
        : array.map((row) => [row[c0 - 1]]);
    if (c0 === 0) return r0 > height || r0 < 0 ? new CellError(ErrorType.REF) : [array[r0 - 1]];
    return pick(r0, c0);
  }
  // Broadcast the two grids (a 1-wide/1-high grid stretches along the other's size).
  const h = Math.max(rows.grid.length, cols.grid.length);
  const w = Math.max(rows.grid[0].length, cols.grid[0].length);
  const at = (g: number[][], i: number, j: number): number | undefined =>
    g[g.length === 1 ? 0 : i]?.[g[0].length === 1 ? 0 : j];
  return Array.from({ length: h }, (_, i) =>
    Array.from({ length: w }, (_, j) => {
      const r = at(rows.grid, i, j);
      const c = at(cols.grid, i, j);
      // Outside the shape of the smaller grid: #N/A, as Excel pads a broadcast.
      if (r === undefined || c === undefined) return new CellError(ErrorType.NA);
      const v = pick(r, c);
      return v === undefined ? new CellError(ErrorType.NA) : v;
    })
  );
}

/**
 * A position argument for sizing: its value, or, for a cell range whose cells are not computed
 * yet (a batch being written), a grid of 1s of the range's shape (the shape is what matters).
 */
function positionsOf(node: unknown, evaluate: () => unknown): unknown {
  const range = node as {
    type?: string;
    start?: { row: number; col: number };
    end?: { row: number; col: number };
  };
  const shape = (): unknown => {
    if (range?.type !== "CELL_RANGE" || !range.start || !range.end) throw new Error("no shape");
    const h = Math.abs(range.end.row - range.start.row) + 1;
    const w = Math.abs(range.end.col - range.start.col) + 1;
    return Array.from({ length: h }, () => Array.from({ length: w }, () => 1));
  };
  try {
    const v = evaluate();
    if (v instanceof CellError && range?.type === "CELL_RANGE") return shape();
    return v;
  } catch {
    return shape();
  }
}

/** HyperFormula plugin with the stand-in's Excel functions (see the module comment). */
export class StandInPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    [STANDIN_INDEX]: {
      method: "standinIndex",
      sizeOfResultArrayMethod: "standinIndexSize",
      parameters: [
        { argumentType: FunctionArgumentType.ANY },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
        { argumentType: FunctionArgumentType.ANY, optionalArg: true },
      ],
    },
  };

  private compute(args: unknown[]): unknown {
    const [a, r, c] = args;
    if (a instanceof CellError) return a;
    const array = grid(a) ?? [[a]];
    return excelIndex(array, r, c);
  }

  standinIndex(ast: { args: unknown[] }, state: unknown): unknown {
    const self = this as unknown as {
      runFunction(a: unknown[], s: unknown, m: unknown, f: (...x: unknown[]) => unknown): unknown;
      metadata(n: string): unknown;
    };
    return self.runFunction(ast.args, state, self.metadata(STANDIN_INDEX), (...args) => {
      const result = this.compute(args);
      return Array.isArray(result) ? SimpleRangeValue.onlyValues(result as never) : result;
    });
  }

  standinIndexSize(ast: { args: unknown[] }, state: unknown): ArraySize {
    const self = this as unknown as { evaluateAst(a: unknown, s: unknown): unknown };
    try {
      // Arrays of positions decide the shape whatever the array holds yet (it may still be an
      // error, or not computable, while the workbook is being written): evaluated first, alone.
      const [r, c] = ast.args.slice(1).map((x) => positionsOf(x, () => self.evaluateAst(x, state)));
      const rows = numbers(r);
      const cols = numbers(c === undefined ? 1 : c);
      if (!("error" in rows) && !("error" in cols)) {
        const h = Math.max(rows.grid.length, cols.grid.length);
        const w = Math.max(rows.grid[0].length, cols.grid[0].length);
        if (h > 1 || w > 1) return new ArraySize(w, h);
      }
      const a = self.evaluateAst(ast.args[0], state);
      const result = this.compute([a, r, c]);
      if (Array.isArray(result) && result.length && Array.isArray(result[0]))
        return new ArraySize((result[0] as unknown[]).length || 1, result.length);
    } catch {
      // fall through: a scalar
    }
    return ArraySize.scalar();
  }
}

/** Registers the plugin's names in the language pack (they are the same in every language). */
HyperFormula.getLanguage("enGB").extendFunctions({ [STANDIN_INDEX]: STANDIN_INDEX });

/**
 * Makes `""` (text, not an empty cell) in + - * / ^ and unary minus/percent an error, as Excel
 * does; HyperFormula coerces it to 0.
 *
 * @param hf the engine
 */
export function patchEmptyTextArithmetic(hf: HyperFormula): void {
  const interpreter = (hf as unknown as { _evaluator?: { interpreter?: Record<string, unknown> } })
    ._evaluator?.interpreter;
  if (!interpreter) return;
  const binary = ["plusOp", "minusOp", "timesOp", "powerOp", "divOp"];
  const unary = ["unaryMinusOp", "percentOp"];
  const bad = (v: unknown): boolean => v === "";
  for (const name of binary) {
    const op = interpreter[name] as ((a: unknown, b: unknown) => unknown) | undefined;
    if (typeof op === "function")
      interpreter[name] = (a: unknown, b: unknown): unknown =>
        bad(a) || bad(b) ? new CellError(ErrorType.VALUE, "text in arithmetic") : op(a, b);
  }
  for (const name of unary) {
    const op = interpreter[name] as ((a: unknown) => unknown) | undefined;
    if (typeof op === "function")
      interpreter[name] = (a: unknown): unknown =>
        bad(a) ? new CellError(ErrorType.VALUE, "text in arithmetic") : op(a);
  }
}
