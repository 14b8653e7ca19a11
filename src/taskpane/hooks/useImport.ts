import { useCallback, useMemo, useRef, useState } from "react";
import type { ImportActions, ImportProgress, ImportReport } from "../../workbook/import";
import { ImportErrorCode, isWorkbookError } from "../../workbook/errors";
import type { ParsedCsv } from "../../engine/csv/parse";
import { parseCsv } from "../../engine/csv/parse";
import { autoMap, Mapping, mappingTargets, targetSpec } from "../../engine/csv/mapping";
import { detectSource, Detection } from "../../engine/csv/detect";
import { prepareCsv, Prepared, PrepareFailure } from "../../engine/csv/prepare";
import { PresetId, WON_LOST_STATUS } from "../../engine/csv/presets";
import type { DayMonthOrder, ImportTarget, ParseIssue, RowProblem } from "../../engine/csv/types";
import { Language, Strings } from "../i18n";
import { DecimalMark, readAmount } from "../../engine/csv/numbers";
import { fill, formatNumber } from "../i18n/format";

type ImportStrings = Strings["import"];

/** A file loaded into the section: its text and what parsing found. */
interface Loaded {
  readonly name: string | null;
  readonly text: string;
  readonly parsed:
    | { ok: true; csv: ParsedCsv; detection: Detection }
    | { ok: false; issues: readonly ParseIssue[]; more: number };
}

/** An error to show: the sentence and, for a malformed file, one line per issue. */
export interface ImportErrorView {
  readonly message: string;
  readonly lines: readonly string[];
}

const SOURCE_KEY: Readonly<Record<PresetId, keyof ImportStrings>> = {
  hubspotDeals: "sourceHubspotDeals",
  hubspotContacts: "sourceHubspotContacts",
  salesforceOpportunities: "sourceSalesforceOpportunities",
  salesforceLeads: "sourceSalesforceLeads",
  pipedriveDeals: "sourcePipedriveDeals",
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

/** The error view of a failure; `code` null for an unexpected error (its message shown). */
function failureView(
  s: ImportStrings,
  code: ImportErrorCode | PrepareFailure["code"] | null,
  target: ImportTarget,
  language: Language,
  issues: readonly ParseIssue[] = [],
  more = 0,
  message = ""
): ImportErrorView {
  const table = targetSpec(target).name;
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
    default:
      return { message: fill(s.errorUnexpected, { message }), lines: [] };
  }
}

/** A file's text as UTF-8 (a BOM is dropped by the parser); FileReader where Blob.text is missing. */
function readText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, "utf-8");
  });
}

/** A number column whose values read two ways: the example and both readings. */
export interface NumberQuestion {
  readonly column: string;
  readonly example: string;
  readonly dot: number | undefined;
  readonly comma: number | undefined;
  readonly mark: DecimalMark | undefined;
}

/** Everything the Import section shows and can do. */
export interface ImportState {
  readonly fileName: string | null;
  readonly hasText: boolean;
  readonly pasted: string;
  readonly setPasted: (text: string) => void;
  readonly usePasted: () => void;
  readonly loadFile: (file: File) => Promise<void>;
  readonly target: ImportTarget;
  readonly setTarget: (target: ImportTarget) => void;
  readonly detection: Detection | null;
  readonly csv: ParsedCsv | null;
  readonly mapping: Mapping;
  readonly setColumn: (index: number, column: string | null) => void;
  readonly targets: readonly string[];
  readonly prepared: Prepared | null;
  readonly dateOrder: DayMonthOrder | undefined;
  readonly setDateOrder: (order: DayMonthOrder) => void;
  /** Number columns whose decimal mark the user must choose (or chose), with an example. */
  readonly numberQuestions: readonly NumberQuestion[];
  readonly setNumberMark: (column: string, mark: DecimalMark) => void;
  /** An example value that needs the date order answered, when one does. */
  readonly ambiguousExample: string | null;
  /** Why the file cannot be imported as it is (malformed, nothing mapped), before importing. */
  readonly fileError: ImportErrorView | null;
  readonly canImport: boolean;
  readonly runImport: () => Promise<void>;
  readonly busy: boolean;
  readonly progress: ImportProgress | null;
  readonly report: ImportReport | null;
  readonly error: ImportErrorView | null;
}

/**
 * State and logic of the Import section: loading a file or pasted text, detection, the editable
 * mapping, the preview (the engine's full validation of the file), the day/month question, and
 * the import with progress and its report.
 *
 * @param actions the Import workbook actions
 * @param language the pane language
 * @param s the Import strings
 * @returns the section state
 * @example
 * const state = useImport(actions, "en", strings.import);
 */
export function useImport(
  actions: ImportActions,
  language: Language,
  s: ImportStrings
): ImportState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [pasted, setPasted] = useState("");
  const [target, setTargetState] = useState<ImportTarget>("Deals");
  const [mapping, setMapping] = useState<Mapping>([]);
  const [dateOrder, setDateOrderState] = useState<DayMonthOrder | undefined>(undefined);
  const [numberMarks, setNumberMarks] = useState<Readonly<Record<string, DecimalMark>>>({});
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ImportErrorView | null>(null);
  const running = useRef(false);

  const load = useCallback((name: string | null, text: string) => {
    const parsed = parseCsv(text);
    setReport(null);
    setError(null);
    setDateOrderState(undefined);
    setNumberMarks({});
    if (!parsed.ok) {
      setLoaded({ name, text, parsed: { ok: false, issues: parsed.issues, more: parsed.more } });
      setMapping([]);
      return;
    }
    const detection = detectSource(parsed.csv.headers);
    setLoaded({ name, text, parsed: { ok: true, csv: parsed.csv, detection } });
    setTargetState(detection.target);
    setMapping(autoMap(parsed.csv.headers, detection.target, detection.preset));
  }, []);

  const loadFile = useCallback(
    async (file: File) => {
      try {
        load(file.name, await readText(file));
      } catch {
        setError({ message: s.errorReadFile, lines: [] });
      }
    },
    [load, s]
  );

  const usePasted = useCallback(() => load(null, pasted), [load, pasted]);

  const csv = loaded?.parsed.ok ? loaded.parsed.csv : null;
  const detection = loaded?.parsed.ok ? loaded.parsed.detection : null;

  const setTarget = useCallback(
    (next: ImportTarget) => {
      setTargetState(next);
      setReport(null);
      if (csv && detection) setMapping(autoMap(csv.headers, next, detection.preset));
    },
    [csv, detection]
  );

  const setColumn = useCallback((index: number, column: string | null) => {
    setMapping((m) => m.map((c, i) => (i === index ? column : c)));
    setReport(null);
  }, []);

  const setDateOrder = useCallback((order: DayMonthOrder) => setDateOrderState(order), []);
  const setNumberMark = useCallback(
    (column: string, mark: DecimalMark) => setNumberMarks((m) => ({ ...m, [column]: mark })),
    []
  );

  const preparedResult = useMemo(() => {
    if (!csv || !detection || mapping.length !== csv.headers.length) return null;
    return prepareCsv(csv, {
      target,
      mapping,
      preset: detection.preset?.id ?? null,
      dateOrder,
      numberMarks,
    });
  }, [csv, detection, target, mapping, dateOrder, numberMarks]);
  const prepared = preparedResult?.ok ? preparedResult.value : null;

  const fileError = useMemo((): ImportErrorView | null => {
    if (loaded && !loaded.parsed.ok) {
      return failureView(
        s,
        "malformed",
        target,
        language,
        loaded.parsed.issues,
        loaded.parsed.more
      );
    }
    if (preparedResult && !preparedResult.ok) {
      return failureView(s, preparedResult.failure.code, target, language);
    }
    return null;
  }, [loaded, preparedResult, s, target, language]);

  const ambiguousExample = useMemo(() => {
    if (!prepared) return null;
    const p = prepared.records.problems.find((x) => x.code === "ambiguousDate");
    if (p) return p.value ?? null;
    // Once answered, keep the question visible so the answer can be changed.
    if (dateOrder && prepared.records.dates.some((d) => d.from === "choice")) return "03/04/2024";
    return null;
  }, [prepared, dateOrder]);

  const numberQuestions = useMemo((): NumberQuestion[] => {
    if (!prepared) return [];
    return prepared.records.numbers
      .filter((n) => n.needsChoice || n.from === "choice")
      .map((n) => ({
        column: n.column,
        example: n.example ?? "",
        dot: readAmount(n.example ?? "", "."),
        comma: readAmount(n.example ?? "", ","),
        mark: numberMarks[n.column],
      }));
  }, [prepared, numberMarks]);

  const runImport = useCallback(async () => {
    if (!loaded || !detection || running.current) return;
    running.current = true;
    setBusy(true);
    setReport(null);
    setError(null);
    setProgress({ phase: "reading", done: 0, total: prepared?.ready ?? 0 });
    try {
      const r = await actions.importRecords(
        {
          target,
          text: loaded.text,
          mapping,
          source: detection.preset?.id ?? null,
          dateOrder,
          numberMarks,
        },
        (p) => setProgress(p)
      );
      setReport(r);
    } catch (e) {
      setError(
        isWorkbookError(e, "import")
          ? failureView(s, e.code, target, language, e.issues, e.moreIssues)
          : failureView(s, null, target, language, [], 0, String((e as Error)?.message ?? e))
      );
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [actions, loaded, detection, prepared, target, mapping, dateOrder, numberMarks, s, language]);

  const canImport =
    !busy &&
    prepared !== null &&
    !prepared.records.needsDateOrder &&
    !prepared.records.needsNumberChoice &&
    prepared.ready > 0;

  return {
    fileName: loaded?.name ?? null,
    hasText: loaded !== null,
    pasted,
    setPasted,
    usePasted,
    loadFile,
    target,
    setTarget,
    detection,
    csv,
    mapping,
    setColumn,
    targets: mappingTargets(target),
    prepared,
    dateOrder,
    setDateOrder,
    numberQuestions,
    setNumberMark,
    ambiguousExample,
    fileError,
    canImport,
    runImport,
    busy,
    progress,
    report,
    error,
  };
}
