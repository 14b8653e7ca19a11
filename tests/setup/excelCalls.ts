/**
 * Helpers to call a custom function the way Excel does and read what the cell would show.
 */
import { CustomFunctionsError } from "./customFunctionsStub";

/** What a cell shows: a value, or an error code with its message. */
export type CellResult = unknown | { error: string; message: string };

/**
 * Calls `fn(...args)` and returns the value, or `{ error, message }` when it throws a
 * CustomFunctions.Error. Any other exception fails the test, since Excel would show a bare
 * #VALUE! with no help.
 *
 * @param fn the custom function
 * @param args its arguments as Excel passes them
 * @returns the cell's value or error
 * @example
 * expect(cell(winRateFunction, [["Won"]])).toBe(1);
 */
export function cell(fn: (...a: never[]) => unknown, ...args: unknown[]): CellResult {
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { error: e.code, message: e.message };
    throw new Error(`not a CustomFunctions.Error: ${String(e)}`);
  }
}

/**
 * Wraps a list as a one-column range, as Excel passes `Table[Column]`.
 *
 * @param values the cells
 * @returns the `any[][]` range
 * @example
 * col("Won", "Lost"); // [["Won"], ["Lost"]]
 */
export function col(...values: unknown[]): unknown[][] {
  return values.map((v) => [v]);
}
