/**
 * Errors as Excel raises them: an `OfficeExtension.Error`-like object with a `code`
 * (Excel.ErrorCodes), a message and `debugInfo`, so production code that branches on
 * `error.code` behaves as it would against Excel.
 */

/** The Excel error codes the stand-in raises. */
export type StandInErrorCode =
  | "PropertyNotLoaded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "InvalidReference"
  | "InvalidObjectPath"
  | "FilteredRangeConflict"
  | "InsertDeleteConflict"
  | "GeneralException"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "NotImplemented";

/** The stand-in's `OfficeExtension.Error`. */
export class StandInError extends Error {
  /** Excel's error code, e.g. "ItemNotFound". */
  readonly code: string;
  /** Like office.js: the code, message and where the failing statement was. */
  readonly debugInfo: { code: string; message: string; errorLocation?: string; statement?: string };
  /** office.js fills these from the host; always empty here. */
  readonly traceMessages: string[] = [];
  readonly innerError: null = null;

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
  }

  /** What office.js prints. */
  override toString(): string {
    return `${this.name}: ${this.message}`;
  }
}

/**
 * Builds an Excel error.
 *
 * @param code Excel's error code
 * @param message the message Excel shows (wording follows Excel where known)
 * @param errorLocation the API member, e.g. "WorksheetCollection.getItem"
 * @returns the error, to throw
 * @example
 * throw excelError("ItemNotFound", "The requested resource doesn't exist.", "WorksheetCollection.getItem");
 */
export function excelError(
  code: StandInErrorCode,
  message: string,
  errorLocation?: string
): StandInError {
  return new StandInError(code, message, errorLocation);
}

/** The message Excel gives for an unloaded property. */
export function notLoaded(property: string, type: string): StandInError {
  return excelError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
    `${type}.${property}`
  );
}

/** Excel's message for a missing item. */
export function notFound(location: string): StandInError {
  return excelError("ItemNotFound", "The requested resource doesn't exist.", location);
}

/**
 * The loud failure for anything the product calls that the stand-in does not implement.
 *
 * @param what the member, e.g. "Range.getSpillingToRange"
 * @returns the error, to throw
 */
export function notImplemented(what: string): Error {
  const e = new StandInError("NotImplemented", `not implemented in the stand-in: ${what}`);
  return e;
}
