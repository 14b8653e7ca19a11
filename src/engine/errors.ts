/**
 * Errors as values. The engine never throws for bad data: it returns an `EngineError`, and the
 * custom-function adapter turns it into a `CustomFunctions.Error` in one place
 * (`src/functions/adapter.ts`). The kinds mirror the Excel errors a cell can show.
 */

/** The Excel error an engine failure becomes: #DIV/0!, #VALUE!, #N/A or #NUM!. */
export type ErrorKind = "div0" | "value" | "na" | "num";

/**
 * A failed computation, carried as a value. Messages come in English and Arabic (the add-in's
 * two languages); the adapter shows the one matching Excel's display language.
 *
 * @example
 * const e = new EngineError("div0", "no closed deals", "لا توجد صفقات مغلقة");
 * e.kind; // "div0"
 */
export class EngineError {
  /**
   * @param kind the Excel error to show
   * @param message the explanation Excel shows where it allows one (#VALUE!, #N/A), in English
   * @param ar the same explanation in Arabic (falls back to English when absent)
   */
  constructor(
    readonly kind: ErrorKind,
    readonly message: string,
    ar?: string
  ) {
    // Not enumerable: two errors are equal by kind and English text; the translation follows.
    Object.defineProperty(this, "ar", { value: ar, enumerable: false });
  }

  /** The message in Arabic, when the catalogue has one. */
  declare readonly ar?: string;
}

/** Either a value or the reason there is none. */
export type Result<T> = T | EngineError;

/**
 * Tells an error from a value.
 *
 * @param x any result
 * @returns true when `x` is an EngineError
 * @example
 * isError(new EngineError("na", "x")); // true
 * isError(0.5); // false
 */
export function isError(x: unknown): x is EngineError {
  return x instanceof EngineError;
}

/**
 * Returns `value` when it is a finite number, else a #NUM! error, so that NaN and Infinity
 * never reach a cell (e.g. a sum of huge values overflowing).
 *
 * @param value the computed number
 * @returns the number or a #NUM! error
 * @example
 * finite(1 / 3); // 0.333…
 * finite(Number.MAX_VALUE * 2); // EngineError("num", …)
 */
export function finite(value: number): Result<number> {
  return Number.isFinite(value)
    ? value
    : new EngineError("num", "the result is too large to represent", "النتيجة أكبر من أن تُمثَّل");
}
