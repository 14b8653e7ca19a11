/**
 * The single bridge between engine results and Excel: engine errors become
 * `CustomFunctions.Error`, and nothing else (NaN, Infinity, undefined, a JS exception) can reach
 * a cell.
 */
import { ErrorValueInRange } from "../engine/cellErrors";
import { EngineError, Result, isError } from "../engine/errors";

/**
 * Whether Excel runs in Arabic: messages follow Office's display language, like the localized
 * function help (functions-ar.json). Outside Office (tests, the stand-in) English.
 */
function arabic(): boolean {
  const office = (globalThis as { Office?: { context?: { displayLanguage?: unknown } } }).Office;
  const lang = office?.context?.displayLanguage;
  return typeof lang === "string" && lang.toLowerCase().startsWith("ar");
}

/**
 * The message of an engine error in Excel's display language.
 *
 * @param error the engine error
 * @returns its Arabic text when Excel runs in Arabic and a translation exists, else English
 * @example
 * messageOf(errors.sameSize()); // "ranges must be the same size" (English Excel)
 */
export function messageOf(error: EngineError): string {
  return arabic() && error.ar ? error.ar : error.message;
}

/** Excel shows a message only for #VALUE! and #N/A. */
function toExcelError(error: EngineError): CustomFunctions.Error {
  const E = CustomFunctions.ErrorCode;
  switch (error.kind) {
    case "div0":
      return new CustomFunctions.Error(E.divisionByZero);
    case "num":
      return new CustomFunctions.Error(E.invalidNumber);
    case "na":
      return new CustomFunctions.Error(E.notAvailable, messageOf(error));
    case "value":
    default:
      return new CustomFunctions.Error(E.invalidValue, messageOf(error));
  }
}

function checkCell(value: unknown): unknown {
  if (value instanceof EngineError) return toExcelError(value);
  if (typeof value === "number" && !Number.isFinite(value))
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
  if (value === undefined) return "";
  return value;
}

/**
 * Runs an engine computation for a custom function: returns its value, or throws the matching
 * `CustomFunctions.Error`. Unexpected exceptions become #VALUE! with their message rather than
 * Excel's bare #VALUE!. For spilled results, error cells inside the array become error values
 * and non-finite numbers #NUM!.
 *
 * @param compute the computation, returning a value or an EngineError
 * @returns the value for the cell
 * @example
 * // inside a custom function:
 * return excel(() => winRate(classifyStages(stages), null));
 */
export function excel<T>(compute: () => Result<T>): T {
  let result: Result<T>;
  try {
    result = compute();
  } catch (e) {
    if (e instanceof CustomFunctions.Error) throw e;
    if (e instanceof ErrorValueInRange) throw toExcelError(e.error);
    const message = e instanceof Error ? e.message : String(e);
    throw new CustomFunctions.Error(
      CustomFunctions.ErrorCode.invalidValue,
      `unexpected error: ${message}`
    );
  }
  if (isError(result)) throw toExcelError(result);
  if (typeof result === "number") {
    if (!Number.isFinite(result))
      throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    return result;
  }
  if (result === undefined || result === null) {
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, "no result");
  }
  if (Array.isArray(result)) {
    return result.map((row: unknown) =>
      Array.isArray(row) ? row.map(checkCell) : checkCell(row)
    ) as T;
  }
  return result;
}
