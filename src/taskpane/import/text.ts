/**
 * The Import section's texts from engine codes: source names, column captions, parse issues, row
 * problems and import errors, in the pane language (pure; used by the hook and the Home view).
 */
import { targetSpec } from "../../engine/csv/mapping";
import { PresetId, WON_LOST_STATUS } from "../../engine/csv/presets";
import type { PrepareFailure } from "../../engine/csv/prepare";
import type { RecordValue } from "../../engine/csv/records";
import type { ImportTarget, ParseIssue, RowProblem } from "../../engine/csv/types";
import type { ImportErrorCode, ImportErrorDetail } from "../../workbook/import";
import type { WorkbookParam } from "../../workbook/errors";
import { Language, Strings } from "../i18n";
import { fill, formatNumber } from "../i18n/format";

export type ImportStrings = Strings["import"];

/** An error to show: the sentence and, for a malformed file, one line per issue. */
export interface ImportErrorView {
  readonly message: string;
  readonly lines: readonly string[];
  /** The cells in the way (mergeInTheWay, tableInTheWay), for a Go to button. */
  readonly at?: { readonly sheet: string; readonly address: string };
}

const SOURCE_KEY: Readonly<Record<PresetId, keyof ImportStrings>> = {
  hubspotDeals: "sourceHubspotDeals",
  hubspotContacts: "sourceHubspotContacts",
  salesforceOpportunities: "sourceSalesforceOpportunities",
  salesforceLeads: "sourceSalesforceLeads",
  pipedriveDeals: "sourcePipedriveDeals",
  zohoDeals: "sourceZohoDeals",
};

const PROBLEM_KEY: Readonly<Record<RowProblem["code"], keyof ImportStrings>> = {
  notADate: "problemNotADate",
  ambiguousDate: "problemAmbiguousDate",
  notANumber: "problemNotANumber",
  ambiguousNumber: "problemAmbiguousNumber",
  percentScale: "problemPercentScale",
  notAWholeNumber: "problemNotAWholeNumber",
  notAFlag: "problemNotAFlag",
  missingId: "problemMissingId",
  duplicateId: "problemDuplicateId",
  currencyMismatch: "problemCurrencyMismatch",
};

/**
 * The name of the detected source in the pane language.
 *
 * @param s the Import strings
 * @param id the preset id, or null for any CSV
 * @returns the name
 * @example
 * sourceName(strings.import, "pipedriveDeals"); // "Pipedrive deals export"
 */
export function sourceName(s: ImportStrings, id: PresetId | null): string {
  return id ? s[SOURCE_KEY[id]] : s.sourceGeneric;
}

/**
 * The caption of a table column (or the won/lost pseudo column) in the pane language.
 *
 * @param s the Import strings
 * @param target the table
 * @param column the column name
 * @param language the pane language
 * @returns the caption
 * @example
 * columnCaption(strings.import, "Deals", "Expected Close", "en"); // "Expected close"
 */
export function columnCaption(
  s: ImportStrings,
  target: ImportTarget,
  column: string,
  language: Language
): string {
  if (column === WON_LOST_STATUS) return s.wonLostStatus;
  const spec = targetSpec(target).columns.find((c) => c.name === column);
  return spec ? spec.caption[language] : column;
}

/**
 * A parse issue as a sentence in the pane language.
 *
 * @param s the Import strings
 * @param issue the issue
 * @param language the pane language
 * @returns the sentence
 * @example
 * issueText(strings.import, { code: "unterminatedQuote", line: 4 }, "en");
 */
export function issueText(s: ImportStrings, issue: ParseIssue, language: Language): string {
  const n = (v: number): string => formatNumber(language, v, { useGrouping: false });
  switch (issue.code) {
    case "empty":
      return s.issueEmpty;
    case "unterminatedQuote":
      return fill(s.issueUnterminatedQuote, { line: n(issue.line) });
    case "badQuote":
      return fill(s.issueBadQuote, { line: n(issue.line) });
    case "fieldCount":
      return fill(s.issueFieldCount, {
        line: n(issue.line),
        got: n(issue.got),
        expected: n(issue.expected),
      });
  }
}

/**
 * A row problem as a sentence in the pane language.
 *
 * @param s the Import strings
 * @param p the problem
 * @param target the table (for column captions)
 * @param language the pane language
 * @returns the sentence
 * @example
 * problemText(strings.import, problem, "Deals", "ar");
 */
export function problemText(
  s: ImportStrings,
  p: RowProblem,
  target: ImportTarget,
  language: Language
): string {
  const n = (v: number | undefined): string =>
    v === undefined ? "" : formatNumber(language, v, { useGrouping: false });
  const column = p.column ?? targetSpec(target).idColumn ?? "";
  return fill(s[PROBLEM_KEY[p.code]], {
    line: n(p.line),
    keptLine: n(p.keptLine),
    column: columnCaption(s, target, column, language),
    value: p.value ?? "",
  });
}

/**
 * An import error (or a file's failure) as the pane shows it.
 *
 * @param s the Import strings
 * @param code the error code
 * @param target the table
 * @param language the pane language
 * @param issues the file's issues (malformed)
 * @param more issues beyond those listed
 * @param message English details, for unexpected errors (code null)
 * @param details the lines and columns concerned (cellTooLong, rowTooLarge, sheetFull)
 * @param params the problem's values (sheet, cell, other for mergeInTheWay, tableInTheWay)
 * @returns the sentence and lines
 * @example
 * failureView(s, "noTable", "Deals", "en").message;
 */
export function failureView(
  s: ImportStrings,
  code: ImportErrorCode | PrepareFailure["code"] | null,
  target: ImportTarget,
  language: Language,
  issues: readonly ParseIssue[] = [],
  more = 0,
  message = "",
  details: readonly ImportErrorDetail[] = [],
  params: Readonly<Record<string, WorkbookParam>> = {}
): ImportErrorView {
  const table = targetSpec(target).name;
  const n = (v: number | undefined): string =>
    v === undefined ? "" : formatNumber(language, v, { useGrouping: false });
  const caption = (d: ImportErrorDetail): string =>
    d.column ? columnCaption(s, target, d.column, language) : "";
  switch (code) {
    case "malformed": {
      const lines = issues.map((i) => issueText(s, i, language));
      if (more > 0) lines.push(fill(s.issuesMore, { count: formatNumber(language, more) }));
      return { message: s.errorMalformed, lines };
    }
    case "noTable":
      return { message: fill(s.errorNoTable, { table }), lines: [] };
    case "noIdColumn":
      return { message: fill(s.errorNoIdColumn, { table }), lines: [] };
    case "needsDateOrder":
      return { message: s.errorNeedsDateOrder, lines: [] };
    case "needsNumberFormat":
      return { message: s.errorNeedsNumberFormat, lines: [] };
    case "nothingMapped":
      return { message: s.errorNothingMapped, lines: [] };
    case "badMapping":
      return { message: s.errorBadMapping, lines: [] };
    case "foreignTable":
      return { message: fill(s.errorForeignTable, { table }), lines: [] };
    case "cellTooLong":
      return {
        message: s.errorCellTooLong,
        lines: details.slice(0, 8).map((d) =>
          fill(s.cellTooLongLine, {
            line: n(d.line),
            column: caption(d),
            count: formatNumber(language, d.count ?? 0),
          })
        ),
      };
    case "hijriDates":
      // The message comes whole from the engine's catalogue, in both languages.
      return { message: String(params[language] ?? params.en ?? message), lines: [] };
    case "rowTooLarge":
      return {
        message: s.errorRowTooLarge,
        lines: details.slice(0, 8).map((d) => fill(s.rowTooLargeLine, { line: n(d.line) })),
      };
    case "sheetFull":
      return {
        message: fill(s.errorSheetFull, { count: formatNumber(language, details[0]?.count ?? 0) }),
        lines: [],
      };
    case "tableChanged":
      return { message: fill(s.errorTableChanged, { table }), lines: [] };
    case "tableFiltered":
      return { message: fill(s.errorTableFiltered, { table }), lines: [] };
    case "mergeInTheWay":
    case "tableInTheWay": {
      const sheet = String(params.sheet ?? "");
      const cell = String(params.cell ?? "");
      const template = code === "mergeInTheWay" ? s.errorMergeInTheWay : s.errorTableInTheWay;
      return {
        message: fill(template, { table, sheet, cell, other: String(params.other ?? "") }),
        lines: [],
        ...(sheet && cell ? { at: { sheet, address: cell } } : {}),
      };
    }
    default:
      return { message: fill(s.errorUnexpected, { message }), lines: [] };
  }
}

/**
 * How a converted value reads in the preview, in the pane language.
 *
 * @param value the converted value
 * @param type the column's type
 * @param language the pane language
 * @param yes the word for true
 * @param no the word for false
 * @returns the text
 * @example
 * display(45352, "date", "en", "Yes", "No"); // "Mar 1, 2024"
 */
export function display(
  value: RecordValue,
  type: string,
  language: Language,
  yes: string,
  no: string
): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "string") return value;
  if (type === "date" || type === "datetime") {
    const date = new Date(Math.round((value - 25569) * 86400000));
    return new Intl.DateTimeFormat(language, {
      timeZone: "UTC",
      dateStyle: "medium",
      ...(type === "datetime" ? { timeStyle: "short" } : {}),
    }).format(date);
  }
  if (type === "percent") return formatNumber(language, value, { style: "percent" });
  return formatNumber(language, value, { maximumFractionDigits: 2 });
}
