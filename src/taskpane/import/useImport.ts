import { useCallback, useMemo, useRef, useState } from "react";
import type { AddedRows, ImportActions, ImportProgress, ImportReport } from "../../workbook/import";
import { isWorkbookError } from "../../workbook/errors";
import type { ParsedCsv } from "../../engine/csv/parse";
import { autoMap, Mapping, mappingTargets } from "../../engine/csv/mapping";
import type { Detection } from "../../engine/csv/detect";
import { prepareCsv, Prepared } from "../../engine/csv/prepare";
import type { LongCell } from "../../engine/csv/records";
import type { DayMonthOrder, ImportTarget } from "../../engine/csv/types";
import { DecimalMark, readAmount } from "../../engine/csv/numbers";
import { Language } from "../i18n";
import { failureView, ImportErrorView, ImportStrings } from "./text";
import { ImportSourceState, ParsedSource, useImportSource } from "./useImportSource";

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
  /** The source step: file, pasted text, XLSX sheet or a sheet of this workbook. */
  readonly source: ImportSourceState;
  readonly pasted: string;
  readonly setPasted: (text: string) => void;
  readonly usePasted: () => void;
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
  /** Texts over 32,767 characters (cut or not), and whether the user agreed to cut them. */
  readonly tooLong: readonly LongCell[];
  readonly truncate: boolean;
  readonly setTruncate: (on: boolean) => void;
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
  /** Removes the rows an interrupted import added (offered with its report). */
  readonly undo: (rows: AddedRows) => Promise<void>;
  /** Rows removed by undo, once done. */
  readonly undone: number | null;
}

/** An error thrown by a workbook action, as the pane shows it. */
function errorView(
  e: unknown,
  s: ImportStrings,
  target: ImportTarget,
  language: Language
): ImportErrorView {
  if (isWorkbookError(e, "import")) {
    const params = e.problems[0]?.params ?? {};
    return failureView(
      s,
      e.code,
      target,
      language,
      e.issues,
      e.moreIssues,
      e.message,
      e.details,
      params
    );
  }
  const message = e instanceof Error ? e.message : undefined;
  return failureView(s, null, target, language, [], 0, String(message ?? e));
}

/**
 * State and logic of the Import section: the source (file, pasted text, XLSX sheet, a sheet of
 * this workbook), detection, the editable mapping, the preview (the engine's full validation of
 * the rows), the questions (day/month order, decimal mark, cutting long texts), the import with
 * progress and its report, and undo of an interrupted import's added rows.
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
  const [pasted, setPasted] = useState("");
  const [target, setTargetState] = useState<ImportTarget>("Deals");
  const [mapping, setMapping] = useState<Mapping>([]);
  const [dateOrder, setDateOrderState] = useState<DayMonthOrder | undefined>(undefined);
  const [numberMarks, setNumberMarks] = useState<Readonly<Record<string, DecimalMark>>>({});
  const [truncate, setTruncate] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ImportErrorView | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const running = useRef(false);

  const onNewSource = useCallback((parsed: ParsedSource | null) => {
    setReport(null);
    setError(null);
    setUndone(null);
    setDateOrderState(undefined);
    setNumberMarks({});
    setTruncate(false);
    if (!parsed || !parsed.ok) {
      setMapping([]);
      return;
    }
    setTargetState(parsed.detection.target);
    setMapping(autoMap(parsed.csv.headers, parsed.detection.target, parsed.detection.preset));
  }, []);
  const source = useImportSource(actions, onNewSource);
  const loadText = source.loadText;
  const usePasted = useCallback(() => loadText(pasted), [loadText, pasted]);

  const csv = source.parsed?.ok ? source.parsed.csv : null;
  const detection = source.parsed?.ok ? source.parsed.detection : null;

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
      truncateLongText: truncate,
    });
  }, [csv, detection, target, mapping, dateOrder, numberMarks, truncate]);
  const prepared = preparedResult?.ok ? preparedResult.value : null;

  const fileError = useMemo((): ImportErrorView | null => {
    const parsed = source.parsed;
    if (parsed && !parsed.ok) {
      return failureView(s, "malformed", target, language, parsed.issues, parsed.more);
    }
    if (preparedResult && !preparedResult.ok) {
      return failureView(s, preparedResult.failure.code, target, language);
    }
    const hijri = prepared?.records.hijri ?? [];
    if (hijri.length > 0) {
      const e = hijri[0].error;
      return failureView(s, "hijriDates", target, language, [], 0, e.message, [], {
        en: e.message,
        ar: e.ar ?? e.message,
      });
    }
    const long = prepared?.records.tooLong ?? [];
    if (long.length > 0) {
      return failureView(s, "cellTooLong", target, language, [], 0, "", long);
    }
    return null;
  }, [source.parsed, preparedResult, prepared, s, target, language]);

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

  const requestRows = source.requestRows;
  const runImport = useCallback(async () => {
    const rows = requestRows();
    if (!rows || !detection || running.current) return;
    running.current = true;
    setBusy(true);
    setReport(null);
    setError(null);
    setUndone(null);
    setProgress({ phase: "reading", done: 0, total: prepared?.ready ?? 0 });
    try {
      const r = await actions.importRecords(
        {
          target,
          ...rows,
          mapping,
          source: detection.preset?.id ?? null,
          dateOrder,
          numberMarks,
          truncateLongText: truncate,
        },
        (p) => setProgress(p)
      );
      setReport(r);
    } catch (e) {
      setError(errorView(e, s, target, language));
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, [
    actions,
    requestRows,
    detection,
    prepared,
    target,
    mapping,
    dateOrder,
    numberMarks,
    truncate,
    s,
    language,
  ]);

  const undo = useCallback(
    async (rows: AddedRows) => {
      if (running.current) return;
      running.current = true;
      setBusy(true);
      setError(null);
      try {
        setUndone(await actions.undoAdded(rows));
      } catch (e) {
        setError(errorView(e, s, target, language));
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [actions, s, target, language]
  );

  const canImport =
    !busy &&
    prepared !== null &&
    !prepared.records.needsDateOrder &&
    !prepared.records.needsNumberChoice &&
    prepared.records.tooLong.length === 0 &&
    (prepared.records.hijri ?? []).length === 0 &&
    prepared.ready > 0;

  return {
    source,
    pasted,
    setPasted,
    usePasted,
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
    tooLong: prepared ? [...prepared.records.tooLong, ...prepared.records.truncated] : [],
    truncate,
    setTruncate,
    ambiguousExample,
    fileError,
    canImport,
    runImport,
    busy,
    progress,
    report,
    error,
    undo,
    undone,
  };
}
