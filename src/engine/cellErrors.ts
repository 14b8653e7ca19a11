/**
 * Error values (#N/A, #DIV/0!, …) inside a function's ranges. Part of the cell coercion rules
 * (cells.ts re-exports it).
 *
 * The rule is Excel's own SUM: an error in any cell a function reads is the function's result.
 * Excel already applies it before our code runs: with metadata generated from JSDoc (no
 * `allowErrorForDataTypeAny`, which only hand-written metadata can set), Excel does not call a
 * custom function whose range holds an error and shows the error. This module gives the same
 * answer should an error value reach the code anyway (a host that passes them, a future
 * metadata change), with the cell named: "Amount #7 holds #N/A".
 *
 * It costs nothing on the way Excel really calls: number, date and flag readers meet an error
 * value only where a cell fails to read, and text readers only on the first sight of each
 * distinct value (an error value is an object, never a repeated string). A separate pass over
 * every range cost 10 ms per million cells, a third of WIN_RATE's time.
 */
import { EngineError, ErrorKind } from "./errors";
import { errors } from "./messages";

/** The Excel error codes an error value carries, as `CustomFunctions.ErrorCode` spells them. */
const KINDS: Record<string, ErrorKind> = {
  "#DIV/0!": "div0",
  "#N/A": "na",
  "#NUM!": "num",
  "#VALUE!": "value",
  "#NAME?": "value",
  "#REF!": "value",
  "#NULL!": "value",
  "#SPILL!": "value",
  "#CALC!": "value",
  "#GETTING_DATA": "na",
  "#BUSY!": "na",
};

/**
 * The Excel error code of a cell that holds an error value (a `CustomFunctions.Error` or any
 * object with such a `code`), or null. Text that reads "#N/A" is text, not an error.
 *
 * @param cell a cell value
 * @returns the code, e.g. "#N/A", or null
 * @example
 * errorCode({ code: "#N/A" }); // "#N/A"
 * errorCode("#N/A"); // null
 */
export function errorCode(cell: unknown): string | null {
  if (typeof cell !== "object" || cell === null || Array.isArray(cell)) return null;
  const code = (cell as { code?: unknown }).code;
  return typeof code === "string" && code in KINDS ? code : null;
}

/**
 * The result for a range cell holding an error value: the same error, naming the cell (the
 * message shows on #VALUE! and #N/A; #DIV/0! and #NUM! carry none in Excel).
 *
 * @param label what the range holds ("Amount")
 * @param position the cell's 1-based position, row by row
 * @param code the error code
 * @returns the engine error
 * @example
 * propagated("Amount", 3, "#N/A").kind; // "na"
 */
export function propagated(label: string, position: number, code: string): EngineError {
  return errors.errorInRange(KINDS[code] ?? "value", label, position, code);
}

/**
 * The first error value in a function's ranges, as that function's result (see the module
 * comment); null when there is none. Omitted arguments (null) are skipped. A pass over every
 * cell (~10 ms per million): for small tables read by code that has no per-cell reader here
 * (the History table).
 *
 * @param ranges [label, argument] pairs, in the function's parameter order
 * @returns the propagated error, or null
 * @example
 * errorInRanges(["Amount", [[1], [{ code: "#N/A" }]]]); // EngineError("na", "Amount #2 holds #N/A: …")
 */
export function errorInRanges(...ranges: readonly [string, unknown][]): EngineError | null {
  for (const [label, grid] of ranges) {
    if (grid === null || grid === undefined) continue;
    if (!Array.isArray(grid)) {
      const code = errorCode(grid);
      if (code) return propagated(label, 1, code);
      continue;
    }
    const rows = grid as unknown[];
    const width = Array.isArray(rows[0]) ? (rows[0] as unknown[]).length : 1;
    // Index loops only: an iterator per row costs more than the test itself on a million rows.
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      if (!Array.isArray(row)) {
        if (typeof row === "object" && row !== null && errorCode(row))
          return propagated(label, r * width + 1, errorCode(row)!);
        continue;
      }
      for (let c = 0; c < row.length; c++) {
        const cell: unknown = row[c];
        if (typeof cell === "object" && cell !== null) {
          const code = errorCode(cell);
          if (code) return propagated(label, r * width + c + 1, code);
        }
      }
    }
  }
  return null;
}

/**
 * Thrown by text readers whose result type has no room for an error (label indexes, stage
 * classes); the adapter (`excel`) turns it into the error it carries.
 */
export class ErrorValueInRange extends Error {
  /**
   * @param error the propagated error
   */
  constructor(readonly error: EngineError) {
    super(error.message);
    this.name = "ErrorValueInRange";
  }
}

/**
 * Throws ErrorValueInRange when the cell holds an error value; does nothing otherwise. For text
 * readers, on the first sight of a distinct cell value.
 *
 * @param cell a cell value
 * @param label what the range holds ("Stage")
 * @param position the cell's 1-based position
 * @example
 * raiseIfError("Won", "Stage", 3); // nothing
 * raiseIfError({ code: "#N/A" }, "Stage", 3); // throws ErrorValueInRange("Stage #3 holds #N/A: …")
 */
export function raiseIfError(cell: unknown, label: string, position: number): void {
  if (typeof cell !== "object" || cell === null) return;
  const code = errorCode(cell);
  if (code) throw new ErrorValueInRange(propagated(label, position, code));
}

/** The error for an unreadable cell: the cell's own error value if it holds one, else `fail`. */
export function badCell(
  fail: (label: string, position: number, raw: unknown) => EngineError,
  label: string,
  position: number,
  raw: unknown
): EngineError {
  const code = errorCode(raw);
  return code ? propagated(label, position, code) : fail(label, position, raw);
}
