/**
 * The one catalogue of error messages the SALES functions show. Every `EngineError` is built
 * here, so wording stays consistent and can be reviewed (and translated) in one place.
 */
import { EngineError } from "./errors";

/** Shortens a cell's raw content for quoting in a message. */
function quote(raw: unknown): string {
  const text = typeof raw === "string" ? raw : String(raw);
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}

/**
 * Builders for every engine error. Positions are 1-based, counted row by row through the range.
 *
 * @example
 * errors.notANumber("Amount", 7, "abc").message; // 'Amount #7 is not a number: "abc"'
 */
export const errors = {
  notANumber: (label: string, position: number, raw: unknown): EngineError =>
    new EngineError("value", `${label} #${position} is not a number: ${quote(raw)}`),
  notADate: (label: string, position: number, raw: unknown): EngineError =>
    new EngineError("value", `${label} #${position} is not a date: ${quote(raw)}`),
  notAFlag: (label: string, position: number, raw: unknown): EngineError =>
    new EngineError("value", `${label} #${position} is not a yes/no value: ${quote(raw)}`),
  notText: (label: string, raw: unknown): EngineError =>
    new EngineError("value", `${label} must be text, got ${quote(raw)}`),
  sameSize: (): EngineError => new EngineError("value", "ranges must be the same size"),
  argNotANumber: (name: string, raw: unknown): EngineError =>
    new EngineError("value", `${name} is not a number: ${quote(raw)}`),
  argOutOfRange: (name: string, rule: string): EngineError =>
    new EngineError("num", `${name} must be ${rule}`),
  unknownOption: (name: string, raw: unknown, allowed: readonly string[]): EngineError =>
    new EngineError("value", `${name} ${quote(raw)} is not one of: ${allowed.join(", ")}`),
  divByZero: (what: string): EngineError => new EngineError("div0", what),
  notAvailable: (what: string): EngineError => new EngineError("na", what),
  dateOrder: (label: string, position: number, later: string, earlier: string): EngineError =>
    new EngineError("value", `${label} #${position}: ${later} is before ${earlier}`),
  tooLarge: (): EngineError => new EngineError("num", "the result is too large to represent"),
  forecastTooFewValues: (count: number): EngineError =>
    new EngineError("value", `the history needs at least 3 numbers, it has ${count}`),
  forecastTooManyMissing: (missing: number, total: number): EngineError =>
    new EngineError(
      "value",
      `the history is missing ${missing} of ${total} values; at most 30% can be filled in`
    ),
  needsArgument: (name: string, needed: string): EngineError =>
    new EngineError("value", `${name} needs ${needed}`),
  emptyArgument: (name: string): EngineError => new EngineError("value", `${name} is empty`),
  duplicateLabel: (name: string, raw: unknown): EngineError =>
    new EngineError("value", `${name} lists ${quote(raw)} twice`),
  stageNotInTable: (raw: unknown): EngineError =>
    new EngineError("na", `stage ${quote(raw)} is not in the probability table`),
  tooFewValues: (needed: number, got: number): EngineError =>
    new EngineError("na", `needs at least ${needed} values, got ${got}`),
  tooManyRows: (rows: number, max: number): EngineError =>
    new EngineError("num", `${rows} rows do not fit on a sheet (at most ${max})`),
  quotaMet: (): EngineError => new EngineError("na", "quota already met"),
  noDatedRows: (): EngineError => new EngineError("na", "no dated rows"),
  missingColumn: (table: string, column: string): EngineError =>
    new EngineError("value", `${table} needs its header row with a "${column}" column`),
  badTableCell: (
    table: string,
    row: number,
    column: string,
    raw: unknown,
    what: string
  ): EngineError =>
    new EngineError("value", `${table} row ${row}, ${column}: ${quote(raw)} is not ${what}`),
  tooFewSnapshots: (got: number): EngineError =>
    new EngineError(
      "na",
      `needs at least 2 snapshots, the history has ${got}: import the deals again next week`
    ),
  notASnapshot: (name: string, raw: unknown): EngineError =>
    new EngineError("na", `${name} ${quote(raw)} is not a snapshot date of the history`),
};
