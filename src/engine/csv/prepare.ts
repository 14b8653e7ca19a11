/**
 * The whole pure part of an import in one call, shared by the task pane (preview) and the
 * workbook action (which repeats it on the text it is given, so nothing unchecked is written):
 * parse → detect the export → map headers → convert and validate every row.
 */
import { detectSource, Detection } from "./detect";
import { autoMap, checkMapping, Mapping, unmappedHeaders } from "./mapping";
import { DecimalMark } from "./numbers";
import { parseCsv, ParsedCsv } from "./parse";
import { Preset, presetById, PresetId } from "./presets";
import { buildRecords, Records } from "./records";
import { withCurrencies } from "./currency";
import { planUpsert } from "./upsert";
import { DayMonthOrder, ImportTarget, ParseIssue, RowProblem } from "./types";

/** What the user (or the caller) decided; everything left out is detected. */
export interface PrepareOptions {
  readonly target?: ImportTarget;
  /** One of our columns (or null) per header; auto-mapped when omitted. */
  readonly mapping?: Mapping;
  /** The export's preset id, or null for "any CSV"; detected when omitted. */
  readonly preset?: PresetId | null;
  readonly dateOrder?: DayMonthOrder;
  /** The decimal mark per number column, where the user answered the question. */
  readonly numberMarks?: Readonly<Record<string, DecimalMark>>;
  /** Cut texts over 32,767 characters instead of refusing the file. */
  readonly truncateLongText?: boolean;
  /** The delimiter, where the user chose one (text files only). */
  readonly delimiter?: string;
}

/** A file ready to import (or to preview). */
export interface Prepared {
  readonly csv: ParsedCsv;
  readonly detection: Detection;
  readonly target: ImportTarget;
  readonly preset: Preset | null;
  readonly mapping: Mapping;
  readonly unmapped: readonly { readonly index: number; readonly header: string }[];
  readonly records: Records;
  /** Problems per row, including file-internal duplicate IDs (the earlier row is skipped). */
  readonly problems: readonly RowProblem[];
  /** 1 for every row that will be skipped. */
  readonly skip: Uint8Array;
  /** Rows that will be written (added or updated). */
  readonly ready: number;
}

/** Why a file cannot be prepared. */
export type PrepareFailure =
  | { readonly code: "malformed"; readonly issues: readonly ParseIssue[]; readonly more: number }
  | { readonly code: "badMapping"; readonly message: string }
  | { readonly code: "nothingMapped" };

/**
 * Prepares a file for import.
 *
 * @param text the file's text
 * @param options the target, mapping, preset and day/month order, each detected when omitted
 * @returns the prepared import, or why the file cannot be imported
 * @example
 * const p = prepareImport(text, { target: "Deals" });
 * if (p.ok) p.value.records.values.length;
 */
export function prepareImport(
  text: string,
  options: PrepareOptions = {}
):
  | { readonly ok: true; readonly value: Prepared }
  | { readonly ok: false; readonly failure: PrepareFailure } {
  const parsed = parseCsv(text, { delimiter: options.delimiter });
  if (!parsed.ok) {
    return { ok: false, failure: { code: "malformed", issues: parsed.issues, more: parsed.more } };
  }
  return prepareCsv(parsed.csv, options);
}

/**
 * Prepares an already parsed file (the task pane parses once per file, then re-prepares as the
 * user edits the mapping).
 *
 * @param csv the parsed file
 * @param options the target, mapping, preset and day/month order, each detected when omitted
 * @returns the prepared import, or why it cannot be imported
 * @example
 * const parsed = parseCsv(text);
 * if (parsed.ok) prepareCsv(parsed.csv, { target: "Leads" });
 */
export function prepareCsv(
  csv: ParsedCsv,
  options: PrepareOptions = {}
):
  | { readonly ok: true; readonly value: Prepared }
  | { readonly ok: false; readonly failure: PrepareFailure } {
  const detection = detectSource(csv.headers);
  const preset =
    options.preset === undefined
      ? detection.preset
      : options.preset === null
        ? null
        : (presetById(options.preset) ?? null);
  const target = options.target ?? detection.target;
  const mapping = options.mapping ?? autoMap(csv.headers, target, preset);
  const bad = checkMapping(mapping, csv.headers.length, target);
  if (bad) return { ok: false, failure: { code: "badMapping", message: bad } };
  if (!mapping.some((m) => m !== null)) return { ok: false, failure: { code: "nothingMapped" } };
  const built = buildRecords(csv, target, mapping, {
    preset,
    dateOrder: options.dateOrder,
    numberMarks: options.numberMarks,
    truncateLongText: options.truncateLongText,
  });
  // Currencies as ISO codes, from the Currency column or the amount cell (EUR 1,200; 1.234 €).
  const records = target === "Deals" ? withCurrencies(csv, mapping, built) : built;
  // Duplicates within the file are known before the table is read: plan against an empty table.
  const skip = records.rejected.slice();
  const problems = [...records.problems];
  const { duplicates } = planUpsert([], records.ids, records.rejected);
  for (const d of duplicates) {
    skip[d.fileRow] = 1;
    problems.push({
      code: "duplicateId",
      row: d.fileRow,
      line: csv.lines[d.fileRow],
      column: undefined,
      value: d.id,
      keptLine: csv.lines[d.keptRow],
    });
  }
  problems.sort((a, b) => a.row - b.row);
  let ready = 0;
  for (let r = 0; r < skip.length; r++) if (!skip[r]) ready++;
  return {
    ok: true,
    value: {
      csv,
      detection,
      target,
      preset,
      mapping,
      unmapped: unmappedHeaders(csv.headers, mapping),
      records,
      problems,
      skip,
      ready,
    },
  };
}
