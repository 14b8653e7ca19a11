import { useCallback, useState } from "react";
import type { ImportActions, ImportRequest } from "../../workbook/import";
import { decodeText, TextEncodingName } from "../../engine/csv/encoding";
import { parseCsv, ParsedCsv } from "../../engine/csv/parse";
import { detectSource, Detection } from "../../engine/csv/detect";
import type { ParseIssue } from "../../engine/csv/types";

/** Where the rows come from: a text file or pasted text, an XLSX file, or a sheet of this workbook. */
export type ImportSource =
  | {
      readonly kind: "text";
      readonly name: string | null;
      /** The file's bytes (null for pasted text, which needs no decoding). */
      readonly bytes: Uint8Array | null;
      readonly text: string;
      readonly encoding: TextEncodingName | null;
      /** The delimiter the user chose; undefined: detected. */
      readonly delimiter: string | undefined;
    }
  | {
      readonly kind: "xlsx";
      readonly name: string;
      readonly bytes: Uint8Array;
      readonly sheets: readonly string[];
      readonly sheet: string;
      readonly grid: ParsedCsv | null;
    }
  | { readonly kind: "workbook"; readonly name: string; readonly grid: ParsedCsv };

/** The source, parsed: the cells and the detected export, or the file's issues. */
export type ParsedSource =
  | { readonly ok: true; readonly csv: ParsedCsv; readonly detection: Detection }
  | { readonly ok: false; readonly issues: readonly ParseIssue[]; readonly more: number };

/** What the source step shows and can do. */
export interface ImportSourceState {
  readonly source: ImportSource | null;
  readonly parsed: ParsedSource | null;
  /** The file could not be read at all (not text, not a workbook). */
  readonly unreadable: "file" | "xlsx" | null;
  readonly loadFile: (file: File) => Promise<void>;
  readonly loadText: (text: string) => void;
  readonly setEncoding: (encoding: TextEncodingName) => void;
  readonly setDelimiter: (delimiter: string | undefined) => void;
  readonly setSheet: (sheet: string) => Promise<void>;
  /** Sheets of this workbook (and the selection) once asked for. */
  readonly workbookSheets: {
    readonly sheets: readonly string[];
    readonly selection: string | null;
  } | null;
  readonly listWorkbookSheets: () => Promise<void>;
  readonly loadWorkbookSheet: (sheetOrSelection: string) => Promise<void>;
  /** The request fields that carry the rows (text and delimiter, or the grid). */
  readonly requestRows: () => Pick<ImportRequest, "text" | "grid" | "delimiter"> | null;
}

/** A file's bytes; FileReader where Blob.arrayBuffer is missing (older WebViews, jsdom). */
function readBytes(file: File): Promise<Uint8Array> {
  if (typeof file.arrayBuffer === "function") {
    return file.arrayBuffer().then((b) => new Uint8Array(b));
  }
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}

/** XLSX files are zip archives: "PK\x03\x04". */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The XLSX reader, loaded on first use into its own chunk (kept out of the first-load bundle). */
function loadXlsxReader(): Promise<typeof import("../../engine/xlsx/read")> {
  return import(/* webpackChunkName: "xlsx" */ "../../engine/xlsx/read");
}

/** Parses a source once: CSV text is parsed, spreadsheet cells are already cells. */
function parse(next: ImportSource): ParsedSource {
  if (next.kind === "text") {
    const r = parseCsv(next.text, { delimiter: next.delimiter });
    if (!r.ok) return { ok: false, issues: r.issues, more: r.more };
    return { ok: true, csv: r.csv, detection: detectSource(r.csv.headers) };
  }
  if (!next.grid) return { ok: false, issues: [{ code: "empty" }], more: 0 };
  return { ok: true, csv: next.grid, detection: detectSource(next.grid.headers) };
}

/**
 * The source step of an import: reading a file (CSV/text in any supported encoding, or XLSX),
 * pasted text, or a sheet of this workbook, with the encoding, delimiter and sheet the user can
 * change, parsed and detected once per change.
 *
 * @param actions the Import workbook actions (for sheets of this workbook)
 * @param onNewSource called when a new source replaces the old one (the caller resets its state)
 * @returns the source state
 * @example
 * const source = useImportSource(actions, reset);
 */
export function useImportSource(
  actions: ImportActions,
  onNewSource: (parsed: ParsedSource | null) => void
): ImportSourceState {
  // The source and its parse change together: a 17 MB export is parsed once per change.
  const [loaded, setLoaded] = useState<{ source: ImportSource; parsed: ParsedSource } | null>(null);
  const source = loaded?.source ?? null;
  const parsed = loaded?.parsed ?? null;
  const [unreadable, setUnreadable] = useState<"file" | "xlsx" | null>(null);
  const [workbookSheets, setWorkbookSheets] = useState<ImportSourceState["workbookSheets"]>(null);

  const replace = useCallback(
    (next: ImportSource | null) => {
      setUnreadable(null);
      if (!next) {
        setLoaded(null);
        return onNewSource(null);
      }
      const p = parse(next);
      setLoaded({ source: next, parsed: p });
      // The caller resets mapping and answers from the new cells.
      onNewSource(p);
    },
    [onNewSource]
  );

  const openXlsx = useCallback(
    async (name: string, bytes: Uint8Array, sheet?: string) => {
      const { readXlsx } = await loadXlsxReader();
      const r = readXlsx(bytes, sheet);
      if (!r.ok && r.issue.code === "notXlsx") {
        setLoaded(null);
        setUnreadable("xlsx");
        return;
      }
      const sheets = r.ok ? r.book.sheets : r.sheets;
      replace({
        kind: "xlsx",
        name,
        bytes,
        sheets,
        sheet: r.ok ? r.book.sheet : (sheet ?? sheets[0] ?? ""),
        grid: r.ok ? r.book.grid : null,
      });
    },
    [replace]
  );

  const loadFile = useCallback(
    async (file: File) => {
      let bytes: Uint8Array;
      try {
        bytes = await readBytes(file);
      } catch {
        setUnreadable("file");
        return;
      }
      if (isZip(bytes) || /\.xlsx$/i.test(file.name)) return openXlsx(file.name, bytes);
      const decoded = decodeText(bytes);
      replace({
        kind: "text",
        name: file.name,
        bytes,
        text: decoded.text,
        encoding: decoded.encoding,
        delimiter: undefined,
      });
    },
    [openXlsx, replace]
  );

  const loadText = useCallback(
    (text: string) =>
      replace({
        kind: "text",
        name: null,
        bytes: null,
        text,
        encoding: null,
        delimiter: undefined,
      }),
    [replace]
  );

  const setEncoding = useCallback(
    (encoding: TextEncodingName) => {
      if (source?.kind !== "text" || !source.bytes) return;
      replace({ ...source, text: decodeText(source.bytes, encoding).text, encoding });
    },
    [source, replace]
  );

  const setDelimiter = useCallback(
    (delimiter: string | undefined) => {
      if (source?.kind === "text") replace({ ...source, delimiter });
    },
    [source, replace]
  );

  const setSheet = useCallback(
    async (sheet: string) => {
      if (source?.kind === "xlsx") await openXlsx(source.name, source.bytes, sheet);
    },
    [source, openXlsx]
  );

  const listWorkbookSheets = useCallback(async () => {
    try {
      setWorkbookSheets(await actions.listSheets());
    } catch {
      setUnreadable("file");
    }
  }, [actions]);

  const loadWorkbookSheet = useCallback(
    async (choice: string) => {
      const selection = workbookSheets?.selection ?? null;
      // The selection arrives as "Sheet1!A1:F40"; a sheet as its name.
      const [sheet, address] =
        choice === selection ? [choice.slice(0, choice.lastIndexOf("!")), choice] : [choice];
      try {
        const grid = await actions.readSheet(sheet.replace(/^'|'$/g, ""), address);
        replace({ kind: "workbook", name: choice, grid });
      } catch {
        replace(null);
        setUnreadable("file");
      }
    },
    [actions, replace, workbookSheets]
  );

  const requestRows = useCallback((): Pick<ImportRequest, "text" | "grid" | "delimiter"> | null => {
    if (!source) return null;
    if (source.kind === "text") return { text: source.text, delimiter: source.delimiter };
    return source.grid ? { grid: source.grid } : null;
  }, [source]);

  return {
    source,
    parsed,
    unreadable,
    loadFile,
    loadText,
    setEncoding,
    setDelimiter,
    setSheet,
    workbookSheets,
    listWorkbookSheets,
    loadWorkbookSheet,
    requestRows,
  };
}
