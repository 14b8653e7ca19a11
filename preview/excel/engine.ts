/**
 * The formula engine behind the stand-in: HyperFormula (GPL-v3 key: a dev/test tool, never in
 * the shipped bundles), sized like Excel's grid, with the add-in's custom functions registered
 * so `=SALES.…` cells run the shipped code with arguments shaped as Excel passes them.
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
import type { ConfigParams, RawCellContent, CellValue } from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS } from "./address";
import { CustomFunctionMeta, CustomFunctionRegistry } from "./customFunctions";
import { StandInPlugin, patchEmptyTextArithmetic } from "./translate";

/** How an empty cell inside a range argument reaches a custom function. */
export type BlankInRange = "" | 0 | null;

const ERROR_TYPES: Record<string, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#N/A": ErrorType.NA,
  "#NAME?": ErrorType.NAME,
  "#NUM!": ErrorType.NUM,
  "#REF!": ErrorType.REF,
  "#VALUE!": ErrorType.VALUE,
};

/** A thrown CustomFunctions.Error (from any realm: the preview's iframe has its own class). */
function asCustomError(e: unknown): { code: string; message: string } | null {
  if (e && typeof e === "object" && typeof (e as { code?: unknown }).code === "string") {
    const code = (e as { code: string }).code;
    if (code.startsWith("#"))
      return { code, message: String((e as { message?: unknown }).message ?? "") };
  }
  return null;
}

function toCellError(code: string, message: string): CellError {
  return new CellError(ERROR_TYPES[code] ?? ErrorType.ERROR, message || undefined);
}

/** HyperFormula's internal numbers may be rich (date/percent/currency) wrappers. */
function raw(v: unknown, blank: BlankInRange): unknown {
  if (typeof v === "symbol") return blank; // EmptyValue
  if (v instanceof CellError) return v;
  if (v && typeof v === "object" && "val" in (v as object)) return (v as { val: number }).val;
  return v;
}

function toArgument(v: unknown, matrix: boolean, blank: BlankInRange): unknown {
  if (v instanceof SimpleRangeValue) {
    const data = v.rawData().map((row) => row.map((x) => raw(x, blank)));
    if (matrix) return data;
    // A range given for a scalar parameter: Excel would implicitly intersect; one cell is fine.
    if (data.length === 1 && data[0].length === 1) return data[0][0] === blank ? null : data[0][0];
    return new CellError(ErrorType.VALUE, "a range was given where one value is expected");
  }
  if (v === undefined) return null; // omitted optional parameter
  const value = raw(v, null);
  return matrix ? [[value]] : value;
}

/** Whether a function argument's syntax tree is an empty argument (`f(a,,b)`). */
function isSkipped(ast: unknown): boolean {
  return (ast as { type?: unknown } | undefined)?.type === "EMPTY";
}

function firstError(v: unknown): CellError | null {
  if (v instanceof CellError) return v;
  if (Array.isArray(v)) {
    for (const row of v) {
      for (const x of row as unknown[]) if (x instanceof CellError) return x;
    }
  }
  return null;
}

function toResultCell(v: unknown): unknown {
  if (v === null || v === undefined) return 0; // Excel shows null in a returned array as 0
  const err = asCustomError(v);
  if (err) return toCellError(err.code, err.message);
  if (typeof v === "number" && !Number.isFinite(v)) return new CellError(ErrorType.NUM);
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return new CellError(ErrorType.VALUE, `a custom function returned ${typeof v}`);
}

/** The address key HyperFormula gives a formula's own cell. */
function key(addr: { sheet: number; row: number; col: number }): string {
  return `${addr.sheet}:${addr.row}:${addr.col}`;
}

const callIds = new WeakMap<object, number>();
let nextCallId = 0;

/**
 * The key of one call inside a formula: its cell and its place in the formula's tree, so that
 * several spilling SALES calls nested in one formula each keep their own predicted size (one
 * call's size must not reshape another's result).
 */
function callKey(addr: { sheet: number; row: number; col: number }, ast: object): string {
  let id = callIds.get(ast);
  if (id === undefined) callIds.set(ast, (id = ++nextCallId));
  return `${key(addr)}#${id}`;
}

/**
 * Builds a HyperFormula plugin class whose functions call the registry's implementations.
 * Spilling functions need their result size before evaluation: the size method runs the
 * function once on the current argument values; when the size later changes, the cell is
 * queued and re-entered after the recalculation (see FormulaEngine.settle).
 */
function pluginFor(registry: CustomFunctionRegistry, engine: FormulaEngine, blank: BlankInRange) {
  class SalesPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  const proto = SalesPlugin.prototype as unknown as Record<string, unknown>;
  registry.functions.forEach((meta: CustomFunctionMeta, i: number) => {
    const name = `${registry.namespace}.${meta.name}`.toUpperCase();
    translations[name] = name;
    const matrix = meta.parameters.map((p) => p.dimensionality === "matrix");
    const spills = meta.result?.dimensionality === "matrix";
    // An argument left empty between commas (`f(a,,b)`) is "no value specified": Excel passes
    // null, as for an omitted trailing one; HyperFormula evaluates it to an empty value.
    const call = (args: unknown[], astArgs: readonly unknown[]): unknown => {
      const impl = registry.implementation(meta.id);
      if (!impl) return new CellError(ErrorType.NAME, `${name} is not registered (yet)`);
      const shaped = args.map((a, j) =>
        isSkipped(astArgs[j])
          ? null
          : toArgument(a, matrix[Math.min(j, matrix.length - 1)] ?? false, blank)
      );
      for (let j = args.length; j < meta.parameters.length; j++) shaped.push(null);
      for (const a of shaped) {
        const err = firstError(a);
        if (err) return err;
      }
      try {
        return impl(...shaped);
      } catch (e) {
        const err = asCustomError(e);
        if (err) return toCellError(err.code, err.message);
        // Excel shows an unhandled exception as a bare #VALUE!
        return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
      }
    };
    const toHf = (result: unknown, size?: ArraySize): unknown => {
      if (result instanceof CellError) return result;
      if (Array.isArray(result)) {
        const rows = result.map((r) => (Array.isArray(r) ? r : [r]).map(toResultCell));
        if (!spills)
          return rows.length && rows[0].length ? rows[0][0] : new CellError(ErrorType.VALUE);
        if (size && (size.height !== rows.length || size.width !== (rows[0]?.length ?? 0))) {
          // Predicted at parse time from older inputs: shape to the prediction, re-enter later.
          const fitted = Array.from({ length: size.height }, (_, r) =>
            Array.from({ length: size.width }, (_, c) => rows[r]?.[c] ?? "")
          );
          return SimpleRangeValue.onlyValues(fitted as never);
        }
        return SimpleRangeValue.onlyValues(rows as never);
      }
      const cell = toResultCell(result);
      if (spills && size && !size.isScalar()) {
        return SimpleRangeValue.onlyValues(
          Array.from({ length: size.height }, (_, r) =>
            Array.from({ length: size.width }, (_, c) => (r === 0 && c === 0 ? cell : ""))
          ) as never
        );
      }
      return cell;
    };
    const method = `cf${i}`;
    proto[method] = function (
      this: FunctionPlugin,
      ast: { args: unknown[] },
      state: { formulaAddress: { sheet: number; row: number; col: number } }
    ) {
      const self = this as unknown as {
        runFunction(
          args: unknown[],
          state: unknown,
          metadata: unknown,
          fn: (...a: unknown[]) => unknown
        ): unknown;
        metadata(name: string): unknown;
      };
      return self.runFunction(ast.args, state, self.metadata(name), (...args: unknown[]) => {
        const result = call(args, ast.args);
        if (!spills) return toHf(result);
        const predicted = engine.predicted.get(callKey(state.formulaAddress, ast));
        const h = Array.isArray(result) ? result.length : 1;
        const w =
          Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as unknown[]).length : 1;
        if (predicted && (predicted.height !== h || predicted.width !== w)) {
          engine.resized.add(key(state.formulaAddress));
        }
        return toHf(result, predicted);
      });
    };
    const entry: Record<string, unknown> = {
      method,
      parameters: meta.parameters.map((p) => ({
        argumentType: FunctionArgumentType.ANY,
        optionalArg: Boolean(p.optional),
      })),
      // Excel recalculates custom functions only when inputs change; so does HyperFormula.
    };
    const last = meta.parameters[meta.parameters.length - 1];
    if (last?.repeating) entry.repeatLastArgs = 1;
    if (spills) {
      const sizeMethod = `cfSize${i}`;
      entry.sizeOfResultArrayMethod = sizeMethod;
      proto[sizeMethod] = function (
        this: FunctionPlugin,
        ast: { args: unknown[] },
        state: { formulaAddress: { sheet: number; row: number; col: number } }
      ) {
        const self = this as unknown as { evaluateAst(a: unknown, s: unknown): unknown };
        let size = ArraySize.scalar();
        try {
          const result = call(
            ast.args.map((a) => self.evaluateAst(a, state)),
            ast.args
          );
          if (Array.isArray(result) && result.length && Array.isArray(result[0])) {
            size = new ArraySize((result[0] as unknown[]).length || 1, result.length);
          }
        } catch {
          size = ArraySize.scalar();
        }
        engine.predicted.set(callKey(state.formulaAddress, ast), size);
        return size;
      };
    }
    implemented[name] = entry;
  });
  (SalesPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  // Function names are looked up through the language pack; ours are the same in every language.
  HyperFormula.getLanguage("enGB").extendFunctions(translations);
  return SalesPlugin;
}

/** The HyperFormula instance with Excel-like settings and the custom functions. */
export class FormulaEngine {
  readonly hf: HyperFormula;
  /** Predicted spill sizes by formula cell ("sheet:row:col"). */
  readonly predicted = new Map<string, ArraySize>();
  /** Spilling cells whose result size no longer matches the prediction. */
  readonly resized = new Set<string>();
  /** HyperFormula's evaluation is suspended (writes wait for a recalculation). */
  private suspended = false;
  /**
   * A batch (a sync) is open: writes are batched until `resume()`. HyperFormula is suspended at
   * the batch's first change, not at its start: resuming recalculates every volatile formula
   * (TODAY, …) even when nothing changed, and a read-only sync must cost no recalculation, as in
   * Excel. A read after changes recalculates and lets HyperFormula run live only until the next
   * change, which suspends it again (else every later write would recalculate on its own).
   */
  private batching = false;

  /** Whether writes are being batched (recalculation waits for resume). */
  get isSuspended(): boolean {
    return this.batching;
  }

  constructor(registry: CustomFunctionRegistry | null, blank: BlankInRange = "") {
    const plugins = HyperFormula.getAllFunctionPlugins();
    plugins.push(StandInPlugin as never);
    if (registry) plugins.push(pluginFor(registry, this, blank) as never);
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      maxRows: MAX_ROWS,
      maxColumns: MAX_COLUMNS,
      functionPlugins: plugins,
      // en-US parsing of typed text, as Excel with US regional settings; ISO dates too.
      dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD", "YYYY/MM/DD"],
      // HyperFormula tries to read every text as a date each time it coerces it (criteria,
      // comparisons): the same texts (stages, owners) over and over. Same parser, remembered.
      parseDateTime: memoizedDateParser(),
      timeFormats: ["hh:mm", "hh:mm:ss.sss"],
      currencySymbol: ["$", "USD"],
      functionArgSeparator: ",",
      decimalSeparator: ".",
      nullDate: { year: 1899, month: 12, day: 30 },
      useArrayArithmetic: true,
      // Excel returns full doubles through the API; rounding is display-only (number formats).
      smartRounding: false,
      caseSensitive: false,
      useWildcards: true,
      evaluateNullToZero: true,
    });
    patchEmptyTextArithmetic(this.hf);
  }

  /** Adds a HyperFormula sheet and returns its id. */
  addSheet(name: string): number {
    this.beforeChange();
    return this.hf.getSheetId(this.hf.addSheet(name)) as number;
  }

  /** A named expression's computed value (recalculating first if changes are pending). */
  namedValue(name: string): CellValue {
    if (this.suspended) this.catchUp();
    return this.hf.getNamedExpressionValue(name) as CellValue;
  }

  /** Stops recalculation until the next read or `resume()`: a batch of writes recalculates once. */
  suspend(): void {
    this.batching = true;
  }

  /**
   * Call before changing HyperFormula directly (names, sheets): inside a batch the change waits
   * for the batch's one recalculation.
   */
  beforeChange(): void {
    if (this.batching && !this.suspended) {
      this.hf.suspendEvaluation();
      this.suspended = true;
    }
  }

  /** Recalculates now if writes were batched, then re-enters spills whose size changed. */
  resume(): void {
    this.batching = false;
    this.catchUp();
  }

  /** Recalculates pending writes (a read needs them), without ending an open batch. */
  private catchUp(): void {
    if (this.suspended) {
      this.suspended = false;
      this.hf.resumeEvaluation();
    }
    this.settle();
  }

  /** Re-enters spilling formulas whose result size changed (bounded: sizes settle quickly). */
  settle(): void {
    for (let round = 0; round < 5 && this.resized.size; round++) {
      const cells = [...this.resized];
      this.resized.clear();
      for (const k of cells) {
        const [sheet, row, col] = k.split(":").map(Number);
        const address = { sheet, row, col };
        const formula = this.hf.getCellFormula(address);
        if (formula) {
          this.predicted.delete(k);
          this.hf.setCellContents(address, [[formula]]);
        }
      }
    }
  }

  /**
   * Writes a block of contents at a top-left cell (`undefined` entries are skipped).
   *
   * @param sheet HyperFormula sheet id
   * @param row top row
   * @param col left column
   * @param rows the contents (numbers, booleans, text, "=formula", null for empty)
   */
  write(sheet: number, row: number, col: number, rows: (RawCellContent | undefined)[][]): void {
    this.beforeChange();
    const dense = rows.every((r) => r.every((v) => v !== undefined));
    if (dense) {
      this.hf.setCellContents({ sheet, row, col }, rows as RawCellContent[][]);
      return;
    }
    // One setCellContents per run of defined cells in a row: per-cell calls make HyperFormula's
    // bookkeeping quadratic on large sparse updates (an import's "leave this cell" nulls).
    const write = (): void => {
      rows.forEach((r, i) => {
        let j = 0;
        while (j < r.length) {
          if (r[j] === undefined) {
            j++;
            continue;
          }
          let end = j;
          while (end < r.length && r[end] !== undefined) end++;
          this.hf.setCellContents({ sheet, row: row + i, col: col + j }, [
            r.slice(j, end) as RawCellContent[],
          ]);
          j = end;
        }
      });
    };
    if (this.suspended) write();
    else this.hf.batch(write);
  }

  /** The computed value of a cell (recalculating first if writes are pending). */
  value(sheet: number, row: number, col: number): CellValue {
    const address = { sheet, row, col };
    if (this.suspended && this.isConstant(address))
      return this.readConstant(() => this.hf.getCellValue(address));
    if (this.suspended) this.catchUp();
    return this.hf.getCellValue(address);
  }

  /** HyperFormula's detailed type (tells dates/percents/currency parsed from typed text). */
  detailedType(sheet: number, row: number, col: number): string {
    const address = { sheet, row, col };
    if (this.suspended && this.isConstant(address))
      return this.readConstant(() => String(this.hf.getCellValueDetailedType(address)));
    if (this.suspended) this.catchUp();
    return String(this.hf.getCellValueDetailedType(address));
  }

  /** Whether a cell holds a constant (its value never waits for a recalculation). */
  private isConstant(address: { sheet: number; row: number; col: number }): boolean {
    return String(this.hf.getCellType(address)) === "VALUE";
  }

  /**
   * Reads a constant inside a batch without recalculating: HyperFormula refuses every read while
   * suspended, though a constant's parsed value is already stored; lifting its flag for this one
   * read is safe because nothing is evaluated.
   */
  private readConstant<T>(read: () => T): T {
    const hf = this.hf as unknown as { _evaluationSuspended: boolean };
    hf._evaluationSuspended = false;
    try {
      return read();
    } finally {
      hf._evaluationSuspended = true;
    }
  }
}

/**
 * HyperFormula's own date-time parser, skipping texts without a digit (none of the configured
 * formats can match them: deal names, stages, owners) and remembering short texts' answers.
 */
function memoizedDateParser(): NonNullable<ConfigParams["parseDateTime"]> {
  const parse = HyperFormula.defaultConfig.parseDateTime;
  const memo = new Map<string, ReturnType<typeof parse>>();
  const DIGIT = /\d/;
  return (text, dateFormat, timeFormat) => {
    if (!DIGIT.test(text)) return undefined;
    if (text.length > 40) return parse(text, dateFormat, timeFormat);
    const key = `${dateFormat ?? ""}|${timeFormat ?? ""}|${text}`;
    const hit = memo.get(key);
    if (hit !== undefined || memo.has(key)) return hit;
    const v = parse(text, dateFormat, timeFormat);
    if (memo.size > 100_000) memo.clear();
    memo.set(key, v);
    return v;
  };
}
