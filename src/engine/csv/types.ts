/**
 * Shared types of the CSV import pipeline (parse → detect → map → convert/validate → upsert
 * plan). Problems are structured (a code plus the facts) rather than sentences, so the task pane
 * can say them in the user's language; `describeIssue` / `describeProblem` give the English text
 * for logs and reports.
 */

/** The tables an import can fill (stable table names from src/model/schema.ts). */
export type ImportTarget = "Leads" | "Deals";

/** The order of day and month in numeric dates such as 03/04/2024. */
export type DayMonthOrder = "mdy" | "dmy";

/** Why a file cannot be read at all. `line` is 1-based in the file as a text editor shows it. */
export type ParseIssue =
  | { readonly code: "empty" }
  | { readonly code: "unterminatedQuote"; readonly line: number }
  | { readonly code: "badQuote"; readonly line: number }
  | {
      readonly code: "fieldCount";
      readonly line: number;
      readonly expected: number;
      readonly got: number;
    };

/** Why one data row (or one of its cells) cannot be imported as it is. */
export type ProblemCode =
  | "notADate"
  | "ambiguousDate"
  | "notANumber"
  | "ambiguousNumber"
  | "percentScale"
  | "notAWholeNumber"
  | "notAFlag"
  | "missingId"
  | "duplicateId"
  | "currencyMismatch";

/** One problem of one data row. Rows with a problem are skipped, with the problem as reason. */
export interface RowProblem {
  readonly code: ProblemCode;
  /** 0-based index of the data row in the file (header excluded, blank lines excluded). */
  readonly row: number;
  /** 1-based line of the file where the row starts. */
  readonly line: number;
  /** The target column concerned, when the problem is about a cell. */
  readonly column?: string;
  /** The file's header of that cell, when the problem is about a cell. */
  readonly header?: string;
  /** The raw text of the cell (or the duplicated ID). */
  readonly value?: string;
  /** For duplicateId: the line of the later row that wins. */
  readonly keptLine?: number;
}

/** A cell value ready for `Range.values`: text is already neutralised against formula injection. */
export type CellValue = string | number | boolean;

/** Shortens a raw value for quoting in a message. */
function quote(raw: string): string {
  return JSON.stringify(raw.length > 40 ? `${raw.slice(0, 37)}...` : raw);
}

/**
 * English text of a parse issue, for logs, reports and tests (the task pane localizes codes).
 *
 * @param issue the issue
 * @returns a sentence naming the line
 * @example
 * describeIssue({ code: "unterminatedQuote", line: 7 }); // "line 7: a quoted field never ends"
 */
export function describeIssue(issue: ParseIssue): string {
  switch (issue.code) {
    case "empty":
      return "the file is empty";
    case "unterminatedQuote":
      return `line ${issue.line}: a quoted field never ends`;
    case "badQuote":
      return `line ${issue.line}: a quote inside a quoted field is not doubled`;
    case "fieldCount":
      return `line ${issue.line}: ${issue.got} fields, the header has ${issue.expected}`;
  }
}

/**
 * English text of a row problem.
 *
 * @param p the problem
 * @returns a sentence naming the line and the cell
 * @example
 * describeProblem({ code: "notADate", row: 0, line: 2, column: "Created", value: "soon" });
 * // 'line 2: Created "soon" is not a date'
 */
export function describeProblem(p: RowProblem): string {
  const cell = `${p.column ?? ""} ${quote(p.value ?? "")}`;
  switch (p.code) {
    case "notADate":
      return `line ${p.line}: ${cell} is not a date`;
    case "ambiguousDate":
      return `line ${p.line}: ${cell} could be day/month or month/day`;
    case "notANumber":
      return `line ${p.line}: ${cell} is not a number`;
    case "ambiguousNumber":
      return `line ${p.line}: ${cell} reads differently with a decimal point or comma: choose one`;
    case "percentScale":
      return `line ${p.line}: ${cell} is a fraction in a column of percent points: write it as points or with %`;
    case "notAWholeNumber":
      return `line ${p.line}: ${cell} is not a whole number`;
    case "notAFlag":
      return `line ${p.line}: ${cell} is not yes/no`;
    case "missingId":
      return `line ${p.line}: no ${p.column ?? "ID"}`;
    case "duplicateId":
      return `line ${p.line}: ID ${quote(p.value ?? "")} appears again on line ${p.keptLine}, which wins`;
    case "currencyMismatch":
      return `line ${p.line}: the amount and the currency name different currencies (${p.value ?? ""}): correct one of them`;
  }
}
